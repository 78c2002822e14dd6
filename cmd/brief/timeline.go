package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/brief-cli/brief/model/export"
	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/axis"
)

func init() { register(newTimelineCmd) }

func newTimelineCmd() *cobra.Command {
	var (
		width  int
		asJSON bool
		asAxis bool
	)
	cmd := &cobra.Command{
		Use:   "timeline [FILE]",
		Short: "Print the timeline as text",
		Long: `Print the briefing's timeline in chronological order: the date as precise as the
article gives it (a decade, a year, a month, an approximate span), the event, and
the article's own wording of the date. Lines are wrapped to the terminal's width,
or to 80 columns when standard output is not a terminal. --json writes the events
as a JSON array instead; --axis draws them on a proportional axis, named where
there is room, to the same width.`,
		Example: `  brief timeline
  brief timeline russia.brief.md | grep 2021
  brief timeline --json | jq '.[].label'
  brief timeline --axis --width 120`,
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
			if asJSON {
				return outputError(export.TimelineJSON(cmd.OutOrStdout(), b))
			}
			if width == 0 {
				width = terminalWidth()
			}
			if asAxis {
				return outputError(writeAxis(cmd.OutOrStdout(), b, width))
			}
			return outputError(export.TimelineText(cmd.OutOrStdout(), b, width))
		},
	}
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap lines to `N` columns (default: the terminal's width, or 80)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the events as a JSON array")
	cmd.Flags().BoolVar(&asAxis, "axis", false, "draw the events on a proportional axis")
	cmd.MarkFlagsMutuallyExclusive("json", "axis")
	return cmd
}

// writeAxis prints the timeline's axis as plain text, width cells wide.
func writeAxis(w io.Writer, b *model.Briefing, width int) error {
	o := axis.Options{Width: width, Height: 1 << 20, Selected: -1, Shown: -1,
		Published: b.Source.Published, Legend: true, Hint: "try a wider --width"}
	lines := axis.Draw(b.Timeline, o, axis.Styles{})
	if len(lines) == 0 {
		return nil
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}
