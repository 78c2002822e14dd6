package main

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

func init() { register(newPrintCmd) }

func newPrintCmd() *cobra.Command {
	var width int
	var ids bool
	cmd := &cobra.Command{
		Use:   "print [FILE]",
		Short: "Print the whole briefing as plain text",
		Long: `Print the whole briefing as plain text: its themes with their points and quotes,
the timeline, actors, glossary, questions and the article. Lines are wrapped to
the terminal's width, or to 80 columns when standard output is not a terminal.
No escape sequence is ever written: text from the briefing is sanitised. This is
also what "brief" does when its output is piped.

With --ids the article is printed a sentence a line, each beside its id (p5.s2),
the id a quote in the briefing cites.`,
		Example: `  brief print                        # the built-in briefing
  brief print russia.brief.md | less
  brief print --width 60 russia.brief.md > russia.txt
  brief print --ids article.txt`,
		Args:              args(cobra.MaximumNArgs(1)),
		ValidArgsFunction: briefingCompletion,
		RunE: func(cmd *cobra.Command, a []string) error {
			if cmd.Flags().Changed("width") && width < export.MinTextWidth {
				return commandUsageError(cmd, fmt.Errorf("--width must be at least %d, got %d", export.MinTextWidth, width))
			}
			b, err := loadBriefing(a)
			if err != nil {
				return err
			}
			if ids {
				return outputError(export.TextIDs(cmd.OutOrStdout(), b, textWidth(width)))
			}
			return writePlain(cmd, b, width)
		},
	}
	cmd.Flags().BoolVar(&ids, "ids", false, "print the article a sentence a line with its id (p5.s2)")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap lines to `N` columns (default: the terminal's width, or 80)")
	return cmd
}

// writePlain prints the briefing as plain text, wrapped to width or, when
// width is 0, to the terminal's width (80 when not a terminal).
func writePlain(cmd *cobra.Command, b *model.Briefing, width int) error {
	return outputError(export.Text(cmd.OutOrStdout(), b, textWidth(width)))
}

// textWidth is width, or the terminal's width (80 when not a terminal).
func textWidth(width int) int {
	if width <= 0 {
		return terminalWidth()
	}
	return width
}

// outputError reports a failure to write the output. A closed pipe (as with
// "brief print | head") is not an error worth a message.
func outputError(err error) error {
	if err == nil || errors.Is(err, syscall.EPIPE) {
		return nil
	}
	return inputError(fmt.Errorf("writing output: %w", err))
}
