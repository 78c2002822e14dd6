package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/serve"
	"github.com/brief-cli/brief/tui/present"
	"github.com/brief-cli/brief/tui/style"
)

func init() { register(newPresentCmd) }

func newPresentCmd() *cobra.Command {
	var (
		theme    = presentTheme(present.ThemeProjector)
		duration time.Duration
		clock    bool
		check    string
		serveAt  string
		srvCfg   serve.Config
		noReload bool
	)
	cmd := &cobra.Command{
		Use:   "present [FILE]",
		Short: "Present a briefing as slides, for a projector",
		Long: `Present the briefing as a deck of slides: a title slide, the agenda, one slide
per theme with its points, the timeline, who stands where, the glossary,
discussion questions and a closing slide (or the slides the briefing's # Deck
section lists). Slides are numbered the same at every terminal size; a slide
is fitted to the screen (a bold title, a tighter list, two columns) before it
is split, and a split one shows "7 · 2/2" while the next key moves within it.
--check lists the slides that split or are cut at a size.

Keys: → space PgDn n enter next · ← PgUp backspace previous · home/end ·
a number then enter jumps (esc, or 2 s idle, drops it) · b or . black screen, w white screen (any key
brings the slide back) · ? keys · q quit.

Run "brief notes" in a second terminal for your speaker notes, the next
slide and the timer; it follows the presentation and drives it.

The deck follows the briefing file: each save lays it out again on the same
slide number; a save that breaks the file shows its first error on the
status row and keeps the last good deck (--no-reload turns this off).

When standard output is not a terminal, the deck is printed as plain text,
one block per slide with its notes.`,
		Example: `  brief present                          # present the built-in briefing
  brief present russia.brief.md --duration 20m --clock
  brief present --theme dark
  brief present --serve 127.0.0.1:2222  # audiences follow over ssh
  brief present --check 80x24             # which slides split or are cut at 80x24?
  brief present --check                   # 80x24 and common projector sizes
  brief present | less                    # the deck as plain text`,
		Args:              args(cobra.MaximumNArgs(2)),
		ValidArgsFunction: briefingCompletion,
		RunE: func(cmd *cobra.Command, a []string) error {
			check, a = checkSizeArg(check, a)
			if len(a) > 1 {
				return commandUsageError(cmd, fmt.Errorf("present takes at most one file, got %d arguments", len(a)))
			}
			if duration < 0 {
				return commandUsageError(cmd, fmt.Errorf("--duration must not be negative, got %s", duration))
			}
			sizes := present.CheckSizes
			if check != "" && check != checkDefault {
				cw, ch, err := parseSize(check)
				if err != nil {
					return commandUsageError(cmd, fmt.Errorf("--check: %v", err))
				}
				sizes = [][2]int{{cw, ch}}
			}
			b, err := loadBriefing(a)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if check != "" {
				return checkDeck(cmd, b, sizes)
			}
			if !stdoutIsTerminal() {
				return outputError(present.WritePlain(out, b))
			}
			opts := present.Options{}
			if serveAt != "" {
				hub, stop, err := servePresentation(cmd, b, serveAt, srvCfg)
				if err != nil {
					return err
				}
				defer stop()
				opts.Hub = hub
			}
			return interactively(func() error {
				err := present.Run(cmd.Context(), b, present.Options{
					Hub:      opts.Hub,
					Theme:    string(theme),
					Duration: duration,
					Clock:    clock,
					NoColor:  style.NoColor(nil),
					NoReload: noReload,
					In:       os.Stdin,
					Out:      os.Stdout,
				})
				if errors.Is(err, present.ErrInterrupted) {
					return reportedError(exitInterrupted, err)
				}
				return err
			})
		},
	}
	cmd.Flags().Var(&theme, "theme", "slide theme: "+strings.Join(present.ThemeNames, ", ")+" (light and auto mean projector)")
	_ = cmd.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return present.ThemeNames, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.Flags().DurationVar(&duration, "duration", 0, "length of the talk, for a countdown (e.g. 20m)")
	cmd.Flags().BoolVar(&clock, "clock", false, "show the time and the timer on the slides")
	cmd.Flags().BoolVar(&noReload, "no-reload", false, "do not reload the deck when the briefing file changes")
	cmd.Flags().StringVar(&serveAt, "serve", "", "also serve the deck over SSH at this address (e.g. 127.0.0.1:2222): audiences follow the presenter")
	cmd.Flags().StringVar(&srvCfg.AuthorizedKeys, "authorized-keys", "", "with --serve, the public keys allowed in (default ~/.ssh/authorized_keys)")
	cmd.Flags().BoolVar(&srvCfg.Open, "open", false, "with --serve, let anyone in")
	cmd.Flags().StringVar(&check, "check", "", "list the slides that split or are cut at a `WxH` terminal (e.g. 80x24, or a width: 200) and exit 1 if any; alone, check "+sizeList(present.CheckSizes))
	cmd.Flags().Lookup("check").NoOptDefVal = checkDefault
	return cmd
}

// presentTheme is the --theme flag of present mode. The explore themes
// "auto" and "light" mean the projector theme here, so a --theme given
// before the command name still works.
type presentTheme string

func (t *presentTheme) String() string { return string(*t) }
func (t *presentTheme) Type() string   { return "theme" }
func (t *presentTheme) Set(s string) error {
	for _, ok := range present.ThemeNames {
		if s == ok {
			*t = presentTheme(s)
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(present.ThemeNames, ", "))
}

// checkDefault is --check given with no size: check present.CheckSizes.
const checkDefault = "default"

// checkDeck lists, for each size, the slides that split or are cut, and
// fails (exit 1) when any does.
func checkDeck(cmd *cobra.Command, b *model.Briefing, sizes [][2]int) error {
	out := cmd.OutOrStdout()
	bad := 0
	for _, sz := range sizes {
		unfit, err := present.Check(b, sz[0], sz[1])
		if err != nil {
			fmt.Fprintln(out, err)
			bad++
			continue
		}
		if len(unfit) == 0 {
			fmt.Fprintf(out, "%dx%d: every slide fits one screen\n", sz[0], sz[1])
			continue
		}
		fmt.Fprintf(out, "%dx%d: %s split or cut\n", sz[0], sz[1], plural(len(unfit), "slide"))
		for _, u := range unfit {
			fmt.Fprintln(out, "  "+u.String())
		}
		bad++
	}
	if bad > 0 {
		return reportedError(exitInvalid, fmt.Errorf("the deck does not fit every size checked"))
	}
	return nil
}

// checkSizeArg takes the size of "--check 80x24" (or "--check 200") from
// the arguments: a --check that may stand alone does not take the next
// word as its value, so a word that reads as a size and names no file is
// the size.
func checkSizeArg(check string, a []string) (string, []string) {
	if check != checkDefault {
		return check, a
	}
	for i, arg := range a {
		if sizeLike.MatchString(arg) {
			if _, err := os.Stat(arg); err != nil {
				// A size, well formed or not (0x0): parseSize judges it.
				return arg, append(a[:i:i], a[i+1:]...)
			}
		}
	}
	return check, a
}

// sizeLike matches a word written as a size: WxH, or a width alone, in
// digits.
var sizeLike = regexp.MustCompile(`^[0-9]+([xX][0-9]+)?$`)

// sizeList writes sizes as "80x24, 100x30 and 160x45".
func sizeList(sizes [][2]int) string {
	var out []string
	for _, s := range sizes {
		out = append(out, fmt.Sprintf("%dx%d", s[0], s[1]))
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// parseSize reads a terminal size written WxH, or a width alone: W is
// W columns at the height of a 16:9 screen of cells twice as tall as wide
// (200 is 200x56), as the projector sizes of --check are.
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err = strconv.Atoi(ws)
	switch {
	case err != nil:
	case ok:
		h, err = strconv.Atoi(hs)
	default:
		h = (w*9 + 16) / 32
	}
	if err == nil && (w <= 0 || h <= 0) {
		return 0, 0, fmt.Errorf("size %q has no area: width and height must be at least 1, e.g. 80x24", s)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("size %q is not WxH or a width, e.g. 80x24 or 200", s)
	}
	return w, h, nil
}

// servePresentation starts an SSH server whose sessions follow this
// presentation: it returns the control hub the presentation must publish
// on, and stop, which shuts the server down gracefully (sessions are told,
// then closed) once the presentation is over. Nothing is logged: the
// projector's screen is no place for connection logs.
func servePresentation(cmd *cobra.Command, b *model.Briefing, addr string, cfg serve.Config) (*deckctl.Hub, func(), error) {
	cfg.Listen, cfg.MaxSessions = addr, serve.DefaultMaxSessions
	if err := serveLimits(&cfg, serve.DefaultIdleTimeout, serve.DefaultMaxTimeout, serve.DefaultRatePerMinute); err != nil {
		return nil, nil, commandUsageError(cmd, err)
	}
	// One hub: the presenter publishes on it, consoles and audiences read it.
	control := deckctl.NewHub()
	srv, err := serve.New(cfg, serve.FollowDeck(b, control))
	if err != nil {
		return nil, nil, inputError(err)
	}
	if err := srv.Listen(); err != nil {
		return nil, nil, inputError(err)
	}
	ctx, cancel := context.WithCancel(cmd.Context())
	served := make(chan struct{})
	go func() { _ = srv.Serve(ctx); close(served) }()
	return control, func() { cancel(); <-served }, nil
}
