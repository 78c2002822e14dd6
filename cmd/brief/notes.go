package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/present"
	"github.com/brief-cli/brief/tui/style"
)

func init() { register(newNotesCmd) }

func newNotesCmd() *cobra.Command {
	var (
		pick string
		list bool
	)
	cmd := &cobra.Command{
		Use:   "notes",
		Short: "Presenter console: follow and drive a running brief present",
		Long: `Open the presenter console in a second terminal while "brief present" runs on
the projector. It finds the presentation by itself and shows the current
slide's speaker notes, the next slide's title and content, n/N (slides, the
same at every size), the elapsed and remaining time and a pace hint. Its
header names the presentation followed: title, file, terminal and pid. It
follows every move of the presentation, and its keys drive it: → space PgDn
next, ← PgUp previous, a number then enter jumps, b black screen, w white
screen, q quits the console (the presentation goes on). ↓ j and ↑ k scroll
the notes and never move the slides.

With several presentations running, the most recent is followed; --pick
chooses another by pid or by a word of its title, and --list shows them.
If the presentation ends, the console says so and waits for it to start
again; it follows another only when asked (a).`,
		Example: `  brief notes                  # follow the most recent presentation
  brief notes --list           # which presentations are running?
  brief notes --pick taliban   # follow the one whose title has "taliban"`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, a []string) error {
			if list {
				dir, err := deckctl.Dir()
				if err != nil {
					return inputError(err)
				}
				ps, err := deckctl.List(dir)
				if err != nil {
					return inputError(err)
				}
				out := cmd.OutOrStdout()
				if len(ps) == 0 {
					fmt.Fprintln(out, "no presentation is running")
				}
				for _, p := range ps {
					title := p.State.Briefing
					if title == "" {
						title = p.Slug
					}
					// Cleaned when read from the socket; once more here,
					// where it reaches the terminal.
					line := fmt.Sprintf("%d\t%d/%d\t%s", p.PID, p.State.Slide, p.State.Total, sanitize.Line(title))
					if p.State.File != "" {
						line += "\t" + sanitize.Line(p.State.File)
					}
					if p.State.TTY != "" {
						line += "\t" + sanitize.Line(p.State.TTY)
					}
					fmt.Fprintln(out, line)
				}
				return nil
			}
			if !stdoutIsTerminal() {
				return inputError(errors.New("brief notes needs a terminal; use --list to see the running presentations"))
			}
			return interactively(func() error {
				err := present.RunConsole(cmd.Context(), present.ConsoleOptions{
					Pick:    pick,
					NoColor: style.NoColor(nil),
					In:      os.Stdin,
					Out:     os.Stdout,
				})
				if errors.Is(err, present.ErrInterrupted) {
					return reportedError(exitInterrupted, err)
				}
				return err
			})
		},
	}
	cmd.Flags().StringVar(&pick, "pick", "", "follow the presentation with this `PID` or a word of its title")
	cmd.Flags().BoolVar(&list, "list", false, "list the running presentations and exit")
	return cmd
}
