// Package present is present mode: the deck of a briefing on a projector
// (the presenter) and the speaker's console in a second terminal, which
// follows and drives it over the control socket of internal/deckctl.
package present

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// ErrInterrupted is returned when the presentation was ended with ctrl+c.
var ErrInterrupted = errors.New("interrupted")

// Options configure a presentation.
type Options struct {
	Theme    string        // projector (default), dark or high-contrast
	Duration time.Duration // length of the talk, for a countdown; 0 for none
	Clock    bool          // show the time and the timer on the slides
	NoColor  bool          // draw without colour (NO_COLOR)
	// NoControl keeps the presentation off the control socket: no console
	// can find it.
	NoControl bool
	Now       func() time.Time // the clock; nil for time.Now
	In        io.Reader
	Out       io.Writer
	// NoReload turns off live reload: by default Run watches the
	// briefing's file (and its article file) and lays the deck out again
	// on every save.
	NoReload bool
	// Hub, when set, is the control hub the presentation publishes its state
	// on (and closes when it ends), so the same process can relay it, e.g.
	// to SSH audiences; nil makes a hub of its own.
	Hub *deckctl.Hub

	pid      int
	watchCtx context.Context // live reload lasts as long as it
}

// Run presents a briefing until the presenter quits.
func Run(ctx context.Context, b *model.Briefing, opts Options) error {
	th, err := NewTheme(opts.Theme, opts.NoColor)
	if err != nil {
		return err
	}
	opts.pid = os.Getpid()
	var hub *deckctl.Hub
	var cmds <-chan deckctl.Command
	if opts.Hub != nil {
		hub = opts.Hub
		defer hub.Close()
	}
	if !opts.NoControl {
		if hub == nil {
			hub = deckctl.NewHub()
			defer hub.Close()
		}
		// Without a socket the presentation still runs: the console is an
		// extra, not a requirement.
		if dir, err := deckctl.Dir(); err == nil {
			if srv, err := deckctl.Listen(dir, b.Title, hub); err == nil {
				defer srv.Close()
				cmds = srv.Commands()
			}
		}
	}
	if !opts.NoReload {
		wctx, cancel := context.WithCancel(ctx)
		defer cancel()
		opts.watchCtx = wctx
	}
	m := NewModel(b, th, opts, hub, cmds)
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.In != nil {
		popts = append(popts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		popts = append(popts, tea.WithOutput(opts.Out))
	}
	final, err := tea.NewProgram(m, popts...).Run()
	if fm, ok := final.(Model); ok && fm.interrupted {
		return ErrInterrupted
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return ErrInterrupted
	}
	return err
}

// Check lays the deck of b out for a w x h screen and describes every slide
// that does not fit it: a slide too tall even when split across screens, a
// title cut short, a screen below the minimum size. Slides that are split
// across screens to fit are not problems.
func Check(b *model.Briefing, w, h int) []string {
	if w < MinWidth || h < MinHeight {
		return []string{fmt.Sprintf("%dx%d is smaller than present mode's minimum of %dx%d", w, h, MinWidth, MinHeight)}
	}
	deck := model.BuildDeck(b)
	var out []string
	seen := map[string]bool{}
	for i, p := range layout(deck, w, h, Theme{}.Axis) {
		for _, pr := range p.problems {
			msg := fmt.Sprintf("slide %d (%s “%s”): %s", i+1, deck[p.Slide].Kind, sanitize.Truncate(p.Title, 40, "…"), pr)
			key := strconv.Itoa(p.Slide) + pr
			if !seen[key] {
				seen[key] = true
				out = append(out, msg)
			}
		}
	}
	return out
}

// Screens returns how many screens the deck of b takes at w x h.
func Screens(b *model.Briefing, w, h int) int {
	return len(layout(model.BuildDeck(b), w, h, Theme{}.Axis))
}

// WritePlain writes the deck as plain text, one block per slide with its
// speaker notes, for when there is no terminal to draw on.
func WritePlain(w io.Writer, b *model.Briefing) error {
	deck := model.BuildDeck(b)
	const width = 78
	var sb strings.Builder
	for i, s := range deck {
		if i > 0 {
			sb.WriteString("\n")
		}
		head := fmt.Sprintf("── %d/%d  %s ", i+1, len(deck), s.Title)
		sb.WriteString(head + strings.Repeat("─", max(3, width-sanitize.Width(head))) + "\n")
		if s.Subtitle != "" {
			writeWrapped(&sb, "", s.Subtitle, width)
		}
		for _, p := range s.Body {
			writeWrapped(&sb, "", p, width)
		}
		for _, e := range s.Events {
			writeWrapped(&sb, "  ", e.When.Label()+" — "+e.Title, width)
		}
		for j, it := range s.Items {
			marker := "• "
			if s.Numbered {
				marker = strconv.Itoa(j+1) + ". "
			}
			text := it.Text
			if it.Label != "" {
				text = it.Label + " — " + it.Text
			}
			writeWrapped(&sb, marker, text, width)
		}
		for _, n := range s.Notes {
			writeWrapped(&sb, "  note: ", n, width)
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

func writeWrapped(sb *strings.Builder, lead, text string, width int) {
	indent := strings.Repeat(" ", sanitize.Width(lead))
	for i, l := range sanitize.Wrap(text, width-len(indent)) {
		if i == 0 {
			sb.WriteString(lead)
		} else {
			sb.WriteString(indent)
		}
		sb.WriteString(l + "\n")
	}
}
