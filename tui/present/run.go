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
	"path/filepath"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/jobctl"
)

// ErrInterrupted is returned when the presentation was ended with ctrl+c.
var ErrInterrupted = errors.New("interrupted")

// Options configure a presentation.
type Options struct {
	Theme    string        // one of ThemeNames; "" for projector
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
	file     string          // the briefing's file, absolute; "" for the built-in one
	tty      string          // the terminal presented on, "" when unknown
	watchCtx context.Context // live reload lasts as long as it
}

// Run presents a briefing until the presenter quits.
func Run(ctx context.Context, b *model.Briefing, opts Options) error {
	th, err := NewTheme(opts.Theme, opts.NoColor)
	if err != nil {
		return err
	}
	opts.pid = os.Getpid()
	opts.file = b.File
	if _, err := os.Stat(b.File); err == nil {
		// A file on disk by its absolute path; the built-in briefing by
		// its name, "(built-in) ...".
		if abs, err := filepath.Abs(b.File); err == nil {
			opts.file = abs
		}
	}
	opts.tty = terminalName(opts.In)
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
	final, err := jobctl.Run(m, opts.In, popts...)
	if fm, ok := final.(Model); ok && fm.interrupted {
		return ErrInterrupted
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return ErrInterrupted
	}
	return err
}

// CheckSizes are the sizes --check tries when given none: a default
// terminal and the common projector screens at a readable font — XGA
// (1024x768, ~10x25 cells), 720p (1280x720, 10x20 cells) and 1080p
// (1920x1080, 12x24 cells).
var CheckSizes = [][2]int{{80, 24}, {100, 30}, {128, 36}, {160, 45}}

// Unfit is a slide that does not fit one screen of a size: it is split
// across screens, or something on it is cut.
type Unfit struct {
	Slide   int // 1-based
	Kind    string
	Title   string
	Screens int      // screens the slide takes (1: not split)
	Cut     []string // what is cut, and why
}

func (u Unfit) String() string {
	var why []string
	if u.Screens > 1 {
		why = append(why, "split across "+strconv.Itoa(u.Screens)+" screens")
	}
	why = append(why, u.Cut...)
	return fmt.Sprintf("slide %d “%s” (%s): %s", u.Slide, sanitize.Truncate(sanitize.Line(u.Title), 50, "…"), u.Kind, strings.Join(why, "; "))
}

// Check lays the deck of b out for a w x h screen and lists every slide
// that does not fit one screen of it: split across screens, or with
// something cut (a title cut short, an item taller than the screen). It
// fails when w x h is below present mode's minimum.
func Check(b *model.Briefing, w, h int) ([]Unfit, error) {
	if w < MinWidth || h < MinHeight {
		return nil, fmt.Errorf("%dx%d is smaller than present mode's minimum of %dx%d", w, h, MinWidth, MinHeight)
	}
	th, _ := NewTheme("", true)
	sl := NewSlides(model.BuildDeck(b), th, w, h)
	var out []Unfit
	for i, s := range sl.deck {
		u := Unfit{Slide: i + 1, Kind: s.Kind, Title: s.Title, Screens: sl.Screens(i)}
		seen := map[string]bool{}
		for n := 1; n <= u.Screens; n++ {
			p, _ := sl.page(i, n)
			for _, pr := range p.problems {
				if !seen[pr] {
					seen[pr] = true
					u.Cut = append(u.Cut, pr)
				}
			}
		}
		if u.Screens > 1 || len(u.Cut) > 0 {
			out = append(out, u)
		}
	}
	return out, nil
}

// WritePlain writes the deck as plain text, one block per slide with its
// speaker notes, for when there is no terminal to draw on. The slides are
// drawn by the projector's renderer, laid out 78 columns wide.
func WritePlain(w io.Writer, b *model.Briefing) error {
	deck := model.BuildDeck(b)
	const width = 78
	th, _ := NewTheme("", true)
	sl := newSlides(deck, th, plainGeometry(width))
	var sb strings.Builder
	for i, s := range deck {
		if i > 0 {
			sb.WriteString("\n")
		}
		head := fmt.Sprintf("── %d/%d  %s ", i+1, len(deck), sanitize.Line(s.Title))
		sb.WriteString(head + strings.Repeat("─", max(3, width-sanitize.Width(head))) + "\n")
		for _, r := range sl.Body(Pos{Slide: i, Screen: 1}) {
			sb.WriteString(r + "\n")
		}
		if len(s.Notes) > 0 {
			sb.WriteString("\n")
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

// terminalName is the name of the terminal in (or standard input, when in
// is nil), such as /dev/pts/3, for a console to tell presentations apart
// by where they run; "" when it is not a terminal or cannot be told.
func terminalName(in io.Reader) string {
	f, ok := in.(*os.File)
	if in == nil {
		f, ok = os.Stdin, true
	}
	if !ok || f == nil {
		return ""
	}
	name, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(int(f.Fd())))
	if err != nil || !strings.HasPrefix(name, "/dev/") {
		return ""
	}
	return name
}
