// Package live is live reload for every mode of brief: it watches a
// briefing's files (the briefing and the article it names), reads the
// briefing again on every save, and hands the mode the new version or the
// error of a save that broke it. Reads are numbered, so a slow read that
// finishes after a newer one is dropped; when a save changes which article
// the briefing names, the watch moves to the new files.
package live

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/watch"
)

// Reloader is the live reload of one briefing. Its zero value (and one made
// with a nil context) does nothing.
type Reloader struct {
	ctx     context.Context
	file    string   // the briefing to read again
	want    []string // what is to be watched
	paths   []string // what is watched now
	gen     int      // numbers the watches; events of a replaced one are dropped
	events  <-chan watch.Event
	cancel  context.CancelFunc
	seq     int // reads started
	applied int // the latest read handed over
}

// Result is what a message brought, for the mode to act on. At most one of
// Briefing and Err is set; Warn is a problem with the watch itself.
type Result struct {
	// Briefing is a new version, read after a save.
	Briefing *model.Briefing
	// Err is why a save could not be read (the last good version stays).
	Err error
	// Warn says the watch could not start or reported a problem.
	Warn string
}

// New returns the live reload of b for as long as ctx lasts; with a nil ctx
// or a briefing that has no files on disk it never reloads.
func New(ctx context.Context, b *model.Briefing) Reloader {
	r := Reloader{ctx: ctx}
	if b != nil {
		r.file = b.File
		r.want = b.DiskFiles()
	}
	return r
}

// Init starts watching.
func (r Reloader) Init() tea.Cmd {
	if r.ctx == nil || len(r.want) == 0 {
		return nil
	}
	return startCmd(r.ctx, r.gen+1, r.want)
}

type startedMsg struct {
	gen    int
	paths  []string
	events <-chan watch.Event
	cancel context.CancelFunc
	err    error
}

func startCmd(ctx context.Context, gen int, paths []string) tea.Cmd {
	return func() tea.Msg {
		wctx, cancel := context.WithCancel(ctx)
		ch, err := watch.Files(wctx, paths...)
		if err != nil {
			cancel()
			return startedMsg{gen: gen, err: err}
		}
		return startedMsg{gen: gen, paths: paths, events: ch, cancel: cancel}
	}
}

type changedMsg struct {
	gen int
	ev  watch.Event
}

func waitCmd(gen int, ch <-chan watch.Event) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return nil
		}
		return changedMsg{gen: gen, ev: ev}
	}
}

type readMsg struct {
	seq int
	b   *model.Briefing
	err error
}

func readCmd(seq int, file string) tea.Cmd {
	return func() tea.Msg {
		b, err := model.Load(file)
		return readMsg{seq: seq, b: b, err: err}
	}
}

// Update handles live reload's own messages; any other message comes back
// with a zero Result. A new version comes back in the Result once.
func (r Reloader) Update(msg tea.Msg) (Reloader, tea.Cmd, Result) {
	switch msg := msg.(type) {
	case startedMsg:
		if msg.err != nil {
			return r, nil, Result{Warn: "live reload is off: " + msg.err.Error()}
		}
		if msg.gen <= r.gen {
			msg.cancel() // a newer watch started meanwhile
			return r, nil, Result{}
		}
		if r.cancel != nil {
			r.cancel()
		}
		r.gen, r.paths, r.events, r.cancel = msg.gen, msg.paths, msg.events, msg.cancel
		return r, waitCmd(r.gen, r.events), Result{}
	case changedMsg:
		if msg.gen != r.gen {
			return r, nil, Result{}
		}
		r.seq++
		cmd := tea.Batch(waitCmd(r.gen, r.events), readCmd(r.seq, r.file))
		if msg.ev.Err != nil {
			return r, cmd, Result{Warn: "watching for changes: " + msg.ev.Err.Error()}
		}
		return r, cmd, Result{}
	case readMsg:
		if msg.seq <= r.applied {
			return r, nil, Result{} // an older read, finished late
		}
		r.applied = msg.seq
		if msg.err != nil {
			return r, nil, Result{Err: msg.err}
		}
		// A save that names another article moves the watch.
		var cmd tea.Cmd
		if paths := msg.b.DiskFiles(); r.ctx != nil && len(paths) > 0 && !slices.Equal(paths, r.want) {
			r.want = paths
			cmd = startCmd(r.ctx, r.gen+1, paths)
		}
		return r, cmd, Result{Briefing: msg.b}
	}
	return r, nil, Result{}
}

// Watching returns the files watched now (none before the watch started).
func (r Reloader) Watching() []string { return slices.Clone(r.paths) }

// Read starts reading the briefing again now, as a save would.
func (r Reloader) Read() (Reloader, tea.Cmd) {
	if r.file == "" {
		return r, nil
	}
	r.seq++
	return r, readCmd(r.seq, r.file)
}
