// Package explore is explore mode of brief: the Bubble Tea program built from
// small components with their own keys and styles.
//
// The root (Model) lays out a header, a navigator (the outline, the
// timeline, the actors table or the glossary), a detail pane and a source
// pane, and a footer. It alone reads the window size and owns the theme;
// keys go to the root first (global keys, see keys.go) and then to the
// focused component. Components render when their state changes and keep
// the lines, so View only frames and joins them.
package explore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/brief-cli/brief/internal/memlimit"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/store"
	"github.com/brief-cli/brief/tui/jobctl"
	"github.com/brief-cli/brief/tui/style"
)

// Options configure a run of explore mode.
type Options struct {
	// Theme is auto, dark, light or high-contrast ("" is auto).
	Theme string
	In    io.Reader
	Out   io.Writer
	// Env is the environment (os.Environ() when nil); NO_COLOR set to any
	// non-empty value in it turns colours off.
	Env []string
	// ReadOnly keeps the reader's study state (bookmarks, notes, visited
	// items, the position) closed: nothing is read from or written to the
	// state directory, and the keys that write are off. NewModel is always
	// read-only.
	ReadOnly bool
	// StateDir is the study state's directory; "" is the default
	// ($BRIEF_STATE_DIR, else the XDG state directory).
	StateDir string
	// NoReload turns off live reload: by default Run watches the
	// briefing's file (and its article file) and reloads on every save.
	NoReload bool
	// Goto opens on an item, by id (a point, theme, event, actor, term or
	// source sentence "p5.s3") instead of where the reader left off; Run
	// refuses an id the briefing does not hold.
	Goto string
	// Editable says the briefing is a file the reader may write: E then
	// ends explore mode and Run returns ErrEdit, for the caller to open
	// edit mode on it.
	Editable bool

	library []*model.Briefing // set by RunInLibrary
}

// ErrInterrupted is returned by Run when the user quit with ctrl+c or the
// program was interrupted; the command line maps it to exit code 130. It
// wraps tea.ErrInterrupted.
var ErrInterrupted = fmt.Errorf("interrupted: %w", tea.ErrInterrupted)

// ErrEdit is returned by Run when the reader pressed E to edit the
// briefing (Options.Editable).
var ErrEdit = errors.New("edit the briefing")

// Run opens explore mode on a briefing and returns when the user quits.
// The terminal is restored on every way out: q, ctrl+c, a signal, the
// context's end, and a panic, which comes back as an error.
//
// Unless opts.ReadOnly, Run opens the reader's study state for the
// briefing (resuming where they left off) and records the position when
// the program ends; unless opts.NoReload, it reloads the briefing when its
// file changes.
func Run(ctx context.Context, b *model.Briefing, opts Options) error {
	_, err := run(ctx, b, opts)
	return err
}

// RunInLibrary is Run for a briefing opened from a library: the search
// palette can search every briefing of it (tab), and choosing a hit in
// another briefing ends explore mode with an Exit naming that briefing and
// the item, for the caller to open.
func RunInLibrary(ctx context.Context, b *model.Briefing, library []*model.Briefing, opts Options) (Exit, error) {
	opts.library = library
	return run(ctx, b, opts)
}

func run(ctx context.Context, b *model.Briefing, opts Options) (exit Exit, err error) {
	if b == nil {
		return exit, errors.New("no briefing to explore")
	}
	cfg, err := resolve(opts)
	if err != nil {
		return exit, err
	}
	cfg.library = opts.library
	cfg.editable = opts.Editable
	if opts.Goto != "" {
		r, ok := b.Find(opts.Goto)
		if !ok {
			return exit, &GotoError{ID: opts.Goto}
		}
		cfg.start = r
	}
	if !opts.ReadOnly {
		st, warn, err := store.Open(b, store.Options{Dir: opts.StateDir})
		if err != nil {
			// Explore mode still works without notes; say why they are off.
			cfg.off = fmt.Errorf("notes and bookmarks are off: %s", describeOpenError(err))
			cfg.warn = cfg.off
		} else {
			cfg.st, cfg.warn = st, warn
			defer st.Close()
		}
	}
	// In a library every briefing is in memory, and tab searches them all.
	defer setMemoryLimit(append([]*model.Briefing{b}, opts.library...))()
	if !opts.NoReload {
		wctx, cancel := context.WithCancel(ctx)
		defer cancel()
		cfg.watchCtx = wctx
	}
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithEnvironment(envOf(opts)), tea.WithFPS(style.FPS)}
	if opts.In != nil {
		popts = append(popts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		popts = append(popts, tea.WithOutput(opts.Out))
	}
	if cfg.noColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := jobctl.Run(New(b, cfg), opts.In, popts...)
	if m, ok := final.(Model); ok {
		if m.st != nil {
			m.keepEditorText()
			if perr := saveAtQuit(m.st, m.position()); perr != nil && err == nil && m.err == nil {
				err = perr
			}
		}
		exit = m.exit
		switch {
		case m.err != nil:
			return exit, m.err
		case m.interrupted:
			return exit, ErrInterrupted
		}
	}
	switch {
	case err == nil && exit.Edit:
		return exit, ErrEdit
	case err == nil:
		return exit, nil
	case errors.Is(err, tea.ErrInterrupted):
		return exit, ErrInterrupted
	case ctx.Err() != nil:
		return exit, ctx.Err()
	}
	return exit, err
}

// memoryLimit is the soft memory limit for explore mode on a briefing
// whose searchable texts (the article's sentences, the points, the names)
// weigh size bytes: a base for the program, and four times the texts. The
// briefing holds about twice its text (the text and a record per
// sentence), the panes and the palette's list one more; the study state
// looks sentences up in the briefing rather than keeping a table of them.
// Without a limit the garbage collector
// lets the heap grow to twice what is live before it runs, and the pages
// loading used stay with the process: a 15 MiB article held some 135 MiB
// where with it about 95 MiB. The palette's index, built by the first search,
// raises the limit by its own size (growMemoryLimit). It is a soft limit
// and a floor: when the live heap comes near it, the limit rises with the
// heap (internal/memlimit), so that the collector never runs again and
// again just under it; nothing fails.
func memoryLimit(size int) int64 { return 32<<20 + 4*int64(size) }

// memLimit is the limit Run set, if it set one (only it may then raise
// it), its floor for the texts, and by how much the search index raised
// that.
var memLimit struct {
	sync.Mutex
	limit *memlimit.Limit
	base  int64
	grown int64
}

// setMemoryLimit sets memoryLimit for the texts of bs, unless a limit is
// already set (GOMEMLIMIT, or the program's own, as brief serve's), and
// returns what puts the old one back. The limit is a floor: it follows
// the live heap above it (see internal/memlimit), so that a briefing that
// holds more than its size foretold never has the collector run without
// pause.
func setMemoryLimit(bs []*model.Briefing) (restore func()) {
	memLimit.Lock()
	defer memLimit.Unlock()
	if debug.SetMemoryLimit(-1) != math.MaxInt64 || memLimit.limit != nil {
		return func() {}
	}
	size := 0
	for _, b := range bs {
		catalog.EachSearchItem(b, func(_ model.RefKind, _, text string) { size += len(text) })
	}
	memLimit.base, memLimit.grown = memoryLimit(size), 0
	memLimit.limit = memlimit.Follow(memLimit.base)
	return func() {
		memLimit.Lock()
		defer memLimit.Unlock()
		memLimit.limit.Stop()
		memLimit.limit = nil
	}
}

// growMemoryLimit makes room above the limit setMemoryLimit set for a
// search index of n bytes; it does nothing when Run did not set one. The
// index of a reloaded briefing replaces the old one: the room is the
// largest index's, not their sum.
func growMemoryLimit(n int64) {
	memLimit.Lock()
	defer memLimit.Unlock()
	if memLimit.limit != nil && n > memLimit.grown {
		memLimit.grown = n
		memLimit.limit.SetFloor(memLimit.base + n)
	}
}

// GotoError is returned by Run for an Options.Goto id the briefing does
// not hold.
type GotoError struct{ ID string }

func (e *GotoError) Error() string { return fmt.Sprintf("no item %q in the briefing", e.ID) }

// NewModel returns explore mode as a Bubble Tea model, for programs that
// run it themselves (an SSH session of brief serve). opts.Env is the
// client's environment (NO_COLOR); In and Out are not used; an unknown
// theme is auto. The model is always read-only, whatever opts.ReadOnly
// says: it opens no study state and watches no file, since an audience
// reads a briefing and writes nothing to the server's disk.
func NewModel(b *model.Briefing, opts Options) tea.Model {
	opts.ReadOnly, opts.NoReload = true, true
	cfg, err := resolve(opts)
	if err != nil {
		cfg.theme = ThemeAuto
	}
	return New(b, cfg)
}

func envOf(opts Options) []string {
	if opts.Env != nil {
		return opts.Env
	}
	return os.Environ()
}

// resolve checks the options and reads NO_COLOR.
func resolve(opts Options) (config, error) {
	cfg := config{theme: opts.Theme, noColor: style.NoColor(envOf(opts))}
	if cfg.theme == "" {
		cfg.theme = ThemeAuto
	}
	return cfg, style.CheckTheme(opts.Theme)
}
