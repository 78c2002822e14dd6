package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
)

func init() { register(newFixCmd) }

func newFixCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "fix FILE",
		Short: "Give quotes the article's quotation marks, apostrophes and dashes",
		Long: `Rewrite the quotes of a briefing that differ from the article only in straight
versus curly quotation marks and apostrophes or in hyphens versus dashes, giving
them the article's characters — where the quote then matches one place in the
article. Nothing else in the file changes; the file is written atomically. Each
character changed is listed as file:line:col. Then the file is checked.`,
		Example: `  brief fix draft.brief.md`,
		Args:    args(cobra.ExactArgs(1)),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"brief.md"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, a []string) error {
			name := a[0]
			data, err := safefile.ReadFile(name, model.MaxFileSize)
			if err != nil {
				return inputError(fmt.Errorf("%s: %w", name, unwrapPath(err)))
			}
			fixed, fixes, err := model.FixQuotes(name, data)
			if fixed == nil {
				return inputError(err)
			}
			out := cmd.OutOrStdout()
			if len(fixes) > 0 {
				if err := writeFileAtomic(name, func(w io.Writer) error { _, err := w.Write(fixed); return err }); err != nil {
					return err
				}
				for _, f := range fixes {
					fmt.Fprintf(out, "%s:%d:%d: %q → %q\n", name, f.Pos.Line, f.Pos.Col, f.From, f.To)
				}
			}
			fmt.Fprintf(out, "fixed %s\n", plural(len(fixes), "character"))
			if _, err := model.Load(name); err != nil {
				fmt.Fprintln(cmd.ErrOrStderr(), err)
				return reportedError(exitInvalid, fmt.Errorf("%s still has problems", name))
			}
			return nil
		},
	}
}
