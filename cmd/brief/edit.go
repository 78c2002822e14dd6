package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/draft"
	medit "github.com/brief-cli/brief/model/edit"
	"github.com/brief-cli/brief/tui/edit"
)

func init() { register(newEditCmd) }

func newEditCmd() *cobra.Command {
	var output, subject, published string
	var autosave bool
	cmd := &cobra.Command{
		Use:   "edit FILE.brief.md | ARTICLE.txt [-o FILE]",
		Short: "Shape a briefing from its article, in the terminal",
		Long: `Edit a briefing where you read it: the article is the canvas, a sentence
cursor selects what to cite, and a key makes a point, an event or an actor
mention quoting the selection word for word. The outline beside it renames,
moves, merges, splits and deletes items. u undoes, ctrl+r redoes, ctrl+s
saves.

Saving rewrites only what changed: every other line of the file stays byte
for byte as it was, and a file opened and saved without a change is
unchanged. Writes are atomic. If the file changed on disk meanwhile, your
changes are made again on its new text; when they no longer apply, nothing
is written and the status line says how to go on.

Given a plain article, brief edit first drafts ARTICLE.brief.md beside it as
brief new does (-o names another file), unless that file exists, and opens
it.`,
		Example: `  brief edit article.txt                 # drafts article.brief.md, then opens it
  brief edit russia.brief.md
  brief edit --autosave russia.brief.md`,
		Args: args(cobra.ExactArgs(1)),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"md", "txt"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, a []string) error {
			if !stdoutIsTerminal() {
				return inputError(fmt.Errorf("brief edit needs a terminal; brief new drafts a briefing without one"))
			}
			name, err := editTarget(cmd, a[0], output, subject, published)
			if err != nil {
				return err
			}
			doc, err := medit.Open(name)
			if err != nil {
				return inputError(err)
			}
			return interactively(func() error {
				err := edit.Run(cmd.Context(), doc, edit.Options{Theme: themeOf(cmd), Autosave: autosave, In: os.Stdin, Out: os.Stdout})
				if errors.Is(err, edit.ErrInterrupted) {
					return reportedError(exitInterrupted, err)
				}
				return err
			})
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "for an article, draft the briefing to `FILE` (default ARTICLE.brief.md beside it)")
	cmd.Flags().StringVar(&subject, "subject", "", "for a new draft, what the actors' stances are toward, as `TEXT`")
	cmd.Flags().StringVar(&published, "published", "", "for a new draft, the publication `DATE` when the article has none")
	cmd.Flags().BoolVar(&autosave, "autosave", false, "save after every change")
	return cmd
}

// editTarget is the briefing file brief edit opens: the file itself when it
// is a briefing; for a plain article, its draft beside it (or at -o),
// written now unless it exists.
func editTarget(cmd *cobra.Command, file, output, subject, published string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", inputError(fmt.Errorf("%s: %w", file, unwrapPath(err)))
	}
	if model.IsBriefing(string(data)) {
		if output != "" {
			return "", commandUsageError(cmd, fmt.Errorf("-o drafts from an article; %s is a briefing already", file))
		}
		return file, nil
	}
	if output == "" {
		output = strings.TrimSuffix(file, filepath.Ext(file)) + ".brief.md"
	}
	if same, _ := sameFile(file, output); same {
		return "", commandUsageError(cmd, fmt.Errorf("-o %s would replace the article itself", output))
	}
	if _, err := os.Stat(output); err == nil {
		return output, nil
	}
	rel, err := articlePath(filepath.Dir(output), file)
	if err != nil {
		return "", inputError(err)
	}
	opts := draft.Options{ArticlePath: rel, Subject: subject, Published: published}
	d, err := draft.Analyse(file, data, opts)
	if err != nil {
		return "", inputError(err)
	}
	text := d.Write(opts)
	if err := writeFileAtomic(output, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
		return "", err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: a draft of %s\n", output, file)
	return output, nil
}

// editable reports whether b is a briefing file the user may write: the
// condition for explore mode's E.
func editable(b *model.Briefing) bool {
	files := b.DiskFiles()
	if len(files) == 0 {
		return false
	}
	data, err := model.ReadFile(files[0])
	if err != nil || !model.IsBriefing(string(data)) {
		return false
	}
	_, _, err = safefile.Target(files[0])
	return err == nil
}

// editThenReload runs edit mode on a briefing file and loads the file
// again when it ends.
func editThenReload(cmd *cobra.Command, name, theme string) (*model.Briefing, error) {
	doc, err := medit.Open(name)
	if err != nil {
		return nil, inputError(err)
	}
	err = edit.Run(cmd.Context(), doc, edit.Options{Theme: theme, In: os.Stdin, Out: os.Stdout})
	if errors.Is(err, edit.ErrInterrupted) {
		return nil, reportedError(exitInterrupted, err)
	}
	if err != nil {
		return nil, err
	}
	b, err := model.Load(name)
	if err != nil {
		return nil, inputError(err)
	}
	return b, nil
}
