package present

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/live"
)

// Blank screen modes.
const (
	blankNone  = ""
	blankBlack = "black"
	blankWhite = "white"
)

// Model is the presenter: the slides on the projector.
type Model struct {
	deck     []model.Slide
	briefing string
	theme    Theme
	keys     KeyMap

	w, h  int
	pages []Page
	cur   int // page index
	step  int // items shown on a revealed page (1-based)

	blank    string
	showHelp bool
	digits   string

	timer Timer
	clock bool
	now   time.Time
	nowFn func() time.Time

	hub         *deckctl.Hub
	cmds        <-chan deckctl.Command
	pid         int
	interrupted bool

	// Live reload (see reload.go).
	live   live.Reloader
	banner string // the error of a save that broke the file
}

// NewModel returns the presenter of a briefing's deck. hub and cmds connect
// it to consoles; both may be nil.
func NewModel(b *model.Briefing, th Theme, opts Options, hub *deckctl.Hub, cmds <-chan deckctl.Command) Model {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	t := now()
	return Model{
		deck:     model.BuildDeck(b),
		briefing: b.Title,
		theme:    th,
		keys:     DefaultKeyMap(),
		step:     1,
		timer:    Timer{Start: t, Duration: opts.Duration},
		clock:    opts.Clock,
		now:      t,
		nowFn:    now,
		hub:      hub,
		cmds:     cmds,
		pid:      opts.pid,
		live:     live.New(opts.watchCtx, b),
	}
}

type tickMsg time.Time

type ctlMsg deckctl.Command

// tickCmd wakes the presenter on the next whole second, for the clock.
func (m Model) tickCmd() tea.Cmd {
	return tea.Tick(time.Second-time.Duration(m.now.Nanosecond()), func(t time.Time) tea.Msg { return tickMsg(t) })
}

// ctlCmd waits for the next command from a console.
func ctlCmd(cmds <-chan deckctl.Command) tea.Cmd {
	if cmds == nil {
		return nil
	}
	return func() tea.Msg {
		c, ok := <-cmds
		if !ok {
			return nil
		}
		return ctlMsg(c)
	}
}

// Init starts the clock (when shown) and listens to consoles.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.clock {
		cmds = append(cmds, m.tickCmd())
	}
	cmds = append(cmds, ctlCmd(m.cmds), m.live.Init())
	return tea.Batch(cmds...)
}

// Update handles keys, window sizes, the clock and console commands.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m = m.resize(msg.Width, msg.Height)
	case tickMsg:
		m.now = time.Time(msg)
		return m, m.tickCmd()
	case ctlMsg:
		m = m.command(deckctl.Command(msg))
		cmd = ctlCmd(m.cmds)
	case tea.KeyPressMsg:
		var quit bool
		m, quit = m.key(msg)
		if quit {
			return m, tea.Quit
		}
	default:
		var out live.Result
		if m.live, cmd, out = m.live.Update(msg); out == (live.Result{}) {
			return m, cmd
		}
		m = m.reload(out)
	}
	m.publish()
	return m, cmd
}

// publish hands the state to the consoles. The hub only stores it and wakes
// its readers: it never blocks.
func (m Model) publish() {
	if m.hub != nil && len(m.pages) > 0 {
		m.hub.Publish(m.State())
	}
}

func (m Model) key(msg tea.KeyPressMsg) (Model, bool) {
	k := m.keys
	if key.Matches(msg, k.Force) {
		m.interrupted = true
		return m, true
	}
	if m.blank != blankNone {
		// Any key brings the slide back; it does nothing else.
		m.blank = blankNone
		return m, false
	}
	if m.showHelp {
		m.showHelp = false
		if key.Matches(msg, k.Quit) {
			return m, true
		}
		return m, false
	}
	if m.digits != "" {
		switch {
		case key.Matches(msg, k.Digit):
			if len(m.digits) < 4 {
				m.digits += msg.String()
			}
		case msg.String() == "enter":
			n, _ := strconv.Atoi(m.digits)
			m.digits = ""
			m = m.goTo(n - 1)
		case msg.String() == "backspace":
			m.digits = m.digits[:len(m.digits)-1]
		default:
			m.digits = ""
		}
		return m, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, true
	case key.Matches(msg, k.Next):
		m = m.next()
	case key.Matches(msg, k.Prev):
		m = m.prev()
	case key.Matches(msg, k.First):
		m = m.goTo(0)
	case key.Matches(msg, k.Last):
		m = m.goTo(len(m.pages) - 1)
	case key.Matches(msg, k.Digit):
		m.digits = msg.String()
	case key.Matches(msg, k.Black):
		m.blank = blankBlack
	case key.Matches(msg, k.White):
		m.blank = blankWhite
	case key.Matches(msg, k.Help):
		m.showHelp = true
	}
	// Anything else (F5, esc, a stray key) does nothing.
	return m, false
}

func (m Model) command(c deckctl.Command) Model {
	switch c.Op {
	case deckctl.OpNext:
		m.blank = blankNone
		m = m.next()
	case deckctl.OpPrev:
		m.blank = blankNone
		m = m.prev()
	case deckctl.OpGoto:
		m.blank = blankNone
		m = m.goTo(c.Slide - 1)
	case deckctl.OpBlank:
		m.blank = c.Blank
	}
	return m
}

func (m Model) page() (Page, bool) {
	if m.cur < 0 || m.cur >= len(m.pages) {
		return Page{}, false
	}
	return m.pages[m.cur], true
}

func (m Model) next() Model {
	if p, ok := m.page(); ok && m.step < p.Steps() {
		m.step++
		return m
	}
	if m.cur < len(m.pages)-1 {
		m.cur++
		m.step = 1
	}
	return m
}

func (m Model) prev() Model {
	if m.step > 1 {
		m.step--
		return m
	}
	if m.cur > 0 {
		m.cur--
		// Going back shows the previous page whole.
		m.step = m.pages[m.cur].Steps()
	}
	return m
}

func (m Model) goTo(i int) Model {
	if len(m.pages) == 0 {
		return m
	}
	m.cur = max(0, min(i, len(m.pages)-1))
	m.step = 1
	return m
}

// resize lays the deck out again and stays on the same slide.
func (m Model) resize(w, h int) Model {
	slide, part := 0, 1
	if p, ok := m.page(); ok {
		slide, part = p.Slide, p.Part
	}
	m.w, m.h = w, h
	if w < MinWidth || h < MinHeight {
		return m
	}
	m.pages = layout(m.deck, w, h, m.theme.Axis)
	m.cur = 0
	for i, p := range m.pages {
		if p.Slide == slide && p.Part <= part {
			m.cur = i
		}
	}
	m.step = min(m.step, m.pages[m.cur].Steps())
	return m
}

// State is what the consoles see.
func (m Model) State() deckctl.State {
	st := deckctl.State{
		PID:      m.pid,
		Briefing: m.briefing,
		Total:    len(m.pages),
		Blank:    m.blank,
		Timer:    deckctl.Timer{Started: m.timer.Start, Duration: m.timer.Duration},
	}
	p, ok := m.page()
	if !ok {
		return st
	}
	st.Slide = m.cur + 1
	st.Title = p.Title
	if p.Parts > 1 {
		st.Part = strconv.Itoa(p.Part) + "/" + strconv.Itoa(p.Parts)
	}
	if p.Steps() > 1 {
		st.Step, st.Steps = m.step, p.Steps()
	}
	st.Notes = m.deck[p.Slide].Notes
	if m.cur+1 < len(m.pages) {
		n := m.pages[m.cur+1]
		st.NextTitle = n.Title
		if n.Parts > 1 {
			st.NextTitle += " (" + strconv.Itoa(n.Part) + "/" + strconv.Itoa(n.Parts) + ")"
		}
	}
	return st
}
