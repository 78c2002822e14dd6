package library

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	mlibrary "github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/style"
)

// progressDelay is how long loading may take before the screen says how
// far it has got; a library that loads faster never flashes a progress
// screen.
const progressDelay = 200 * time.Millisecond

// progressEvery is how often the progress screen is redrawn.
const progressEvery = 100 * time.Millisecond

// Loader loads a library, calling progress as files are done.
type Loader func(ctx context.Context, progress func(done, total int)) *mlibrary.Library

// State is what the library keeps while a briefing is open: the loaded
// library, the filter and the entry under the cursor; Status is a message
// to show when the library comes back.
type State struct {
	Library  *mlibrary.Library
	Query    string
	Selected string // an entry's path
	Status   string
}

// Result is how the library was left: Open is the entry to open, nil when
// the reader quit.
type Result struct {
	State State
	Open  *mlibrary.Entry
}

// loadedMsg carries the loaded library.
type loadedMsg struct{ lib *mlibrary.Library }

func loadCmd(ctx context.Context, load Loader, c *counter) tea.Cmd {
	return func() tea.Msg { return loadedMsg{load(ctx, c.set)} }
}

// progressMsg carries how far loading has got.
type progressMsg struct{ done, total int }

func progressCmd(c *counter, after time.Duration) tea.Cmd {
	return tea.Tick(after, func(time.Time) tea.Msg {
		d, t := c.get()
		return progressMsg{d, t}
	})
}

// counter is where the loader, on its own goroutine, leaves its progress
// for progressCmd to read.
type counter struct{ done, total atomic.Int64 }

func (c *counter) set(done, total int) { c.total.Store(int64(total)); c.done.Store(int64(done)) }
func (c *counter) get() (int, int)     { return int(c.done.Load()), int(c.total.Load()) }

// Model is the library program: it loads the library, saying how far it
// has got when that takes long, then runs the picker.
type Model struct {
	theme   string // auto, dark, light, high-contrast
	noColor bool
	dark    bool
	th      Theme
	dir     string

	load    Loader
	ctx     context.Context
	count   *counter
	loading bool
	shown   bool // the progress screen is up
	done    int
	total   int

	restore     State
	picker      Picker
	w, h        int
	result      Result
	interrupted bool
	err         error
}

// New returns the library program for dir. With st.Library set it shows
// that library at once; otherwise load runs when the program starts.
func New(ctx context.Context, dir string, load Loader, st State, theme string, noColor bool) Model {
	if theme == "" {
		theme = style.Auto
	}
	m := Model{theme: theme, noColor: noColor, dark: theme != style.Light, dir: dir, load: load, ctx: ctx,
		count: new(counter), restore: st}
	m.th = m.buildTheme()
	if st.Library != nil {
		m = m.loaded(st.Library)
	} else {
		m.loading = true
	}
	return m
}

func (m Model) buildTheme() Theme {
	return NewTheme(m.dark, m.theme == style.HighContrast, m.noColor)
}

// Init asks the terminal for its background when the theme is auto, and
// starts loading.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.theme == style.Auto || m.theme == style.HighContrast {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.loading {
		cmds = append(cmds, loadCmd(m.ctx, m.load, m.count), progressCmd(m.count, progressDelay))
	}
	return tea.Batch(cmds...)
}

// loaded shows a library in the picker.
func (m Model) loaded(lib *mlibrary.Library) Model {
	m.loading = false
	m.restore.Library = lib
	m.picker = NewPicker(m.th, lib).Restore(m.restore.Query, m.restore.Selected).SetStatus(m.restore.Status).SetSize(m.w, m.h)
	return m
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		if !m.loading {
			m.picker = m.picker.SetSize(m.w, m.h)
		}
		return m, nil
	case tea.BackgroundColorMsg:
		if m.theme == style.Auto || m.theme == style.HighContrast {
			m.dark = msg.IsDark()
			m.th = m.buildTheme()
			if !m.loading {
				m.picker = m.picker.SetTheme(m.th)
			}
		}
		return m, nil
	case loadedMsg:
		if msg.lib.Err != nil {
			m.err = msg.lib.Err
			return m, tea.Quit
		}
		return m.loaded(msg.lib), nil
	case progressMsg:
		if !m.loading {
			return m, nil
		}
		m.shown, m.done, m.total = true, msg.done, msg.total
		return m, progressCmd(m.count, progressEvery)
	case OpenMsg:
		m.result.Open = msg.Entry
		return m, tea.Quit
	case QuitMsg:
		return m, tea.Quit
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			m.interrupted = true
			return m, tea.Quit
		}
		if m.loading {
			if k := DefaultKeyMap(); key.Matches(msg, k.Quit, k.Clear) {
				return m, tea.Quit
			}
			return m, nil
		}
	}
	if m.loading {
		return m, nil
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(msg)
	return m, cmd
}

// State returns what to keep while a briefing is open.
func (m Model) State() State {
	st := State{Library: m.restore.Library}
	if !m.loading {
		st.Query = m.picker.Query()
		if e := m.picker.Selected(); e != nil {
			st.Selected = e.Path
		}
	}
	return st
}

// View draws the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "brief — library"
	return v
}

// Render draws the screen as a string, exactly the terminal's size.
func (m Model) Render() string {
	switch {
	case m.w <= 0 || m.h <= 0:
		return ""
	case style.Small(m.w, m.h):
		return fill(lipgloss.NewStyle().Bold(true).Render(sanitize.Truncate(style.TooSmallMessage(), m.w, "…")), m.w, m.h)
	case m.loading && !m.shown:
		return fill("", m.w, m.h)
	case m.loading:
		return fill(m.progressView(), m.w, m.h)
	}
	return m.picker.View()
}

// progressView says how far loading has got.
func (m Model) progressView() string {
	w := min(m.w-4, 60)
	title := m.th.Title.Render(sanitize.Truncate("Loading the library in "+sanitize.Line(m.dir), w, "…"))
	done, total := m.done, m.total
	frac := 0.0
	if total > 0 {
		frac = float64(done) / float64(total)
	}
	filled := int(frac * float64(w))
	bar := m.th.Prompt.Render(strings.Repeat("█", filled)) + m.th.Dim.Render(strings.Repeat("░", w-filled))
	count := "finding files…"
	if total > 0 {
		count = fmt.Sprintf("%d of %s", done, plural(total, "file"))
	}
	lines := []string{"", "", "  " + title, "", "  " + bar, "  " + m.th.Dim.Render(count), "", "  " + m.th.Dim.Render("q stops")}
	return strings.Join(lines, "\n")
}

// fill pads s to exactly w x h.
func fill(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = pad(l, w)
	}
	return strings.Join(lines, "\n")
}
