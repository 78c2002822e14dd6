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

	w, h   int
	sl     Slides
	slide  int // 0-based slide of the deck
	screen int // 1-based screen within the slide
	step   int // items shown on a revealed screen (1-based)

	blank    string
	showHelp bool
	// digits is a slide number being typed; it is dropped by esc, a stray
	// key, or when digitSeq's timeout fires with nothing more typed.
	digits   string
	digitSeq int

	timer Timer
	clock bool
	now   time.Time
	nowFn func() time.Time

	hub         *deckctl.Hub
	cmds        <-chan deckctl.Command
	pid         int
	file, tty   string
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
		screen:   1,
		step:     1,
		timer:    Timer{Start: t, Duration: opts.Duration},
		clock:    opts.Clock,
		now:      t,
		nowFn:    now,
		hub:      hub,
		cmds:     cmds,
		pid:      opts.pid,
		file:     opts.file,
		tty:      opts.tty,
		live:     live.New(opts.watchCtx, b),
	}
}

// JumpTimeout is how long a slide number being typed stays on the screen
// with nothing more typed.
const JumpTimeout = 2 * time.Second

// digitTimeoutMsg drops the number being typed, unless more was typed
// since (a newer seq).
type digitTimeoutMsg struct{ seq int }

func digitTimeoutCmd(seq int) tea.Cmd {
	return tea.Tick(JumpTimeout, func(time.Time) tea.Msg { return digitTimeoutMsg{seq} })
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
	case digitTimeoutMsg:
		if msg.seq != m.digitSeq || m.digits == "" {
			return m, nil
		}
		m.digits = ""
	case ctlMsg:
		m = m.command(deckctl.Command(msg))
		cmd = ctlCmd(m.cmds)
	case tea.KeyPressMsg:
		var quit bool
		m, cmd, quit = m.key(msg)
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
	if m.hub != nil && len(m.sl.pages) > 0 {
		m.hub.Publish(m.State())
	}
}

// typed adds to the number being typed and restarts its timeout.
func (m Model) typed(digits string) (Model, tea.Cmd) {
	m.digits = digits
	m.digitSeq++
	if digits == "" {
		return m, nil
	}
	return m, digitTimeoutCmd(m.digitSeq)
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k := m.keys
	if key.Matches(msg, k.Force) {
		m.interrupted = true
		return m, nil, true
	}
	if m.blank != blankNone {
		// Any key brings the slide back; it does nothing else.
		m.blank = blankNone
		return m, nil, false
	}
	if m.showHelp {
		m.showHelp = false
		return m, nil, key.Matches(msg, k.Quit)
	}
	if m.digits != "" {
		var cmd tea.Cmd
		switch {
		case key.Matches(msg, k.Digit):
			if len(m.digits) < 4 {
				m, cmd = m.typed(m.digits + msg.String())
			}
		case msg.String() == "enter":
			n, _ := strconv.Atoi(m.digits)
			m, _ = m.typed("")
			m = m.goTo(n - 1)
		case msg.String() == "backspace":
			m, cmd = m.typed(m.digits[:len(m.digits)-1])
		default:
			// esc or a stray key: no jump.
			m, _ = m.typed("")
		}
		return m, cmd, false
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Quit):
		return m, nil, true
	case key.Matches(msg, k.Next):
		m = m.next()
	case key.Matches(msg, k.Prev):
		m = m.prev()
	case key.Matches(msg, k.First):
		m = m.goTo(0)
	case key.Matches(msg, k.Last):
		m = m.goTo(len(m.deck) - 1)
	case key.Matches(msg, k.Digit):
		m, cmd = m.typed(msg.String())
	case key.Matches(msg, k.Black):
		m.blank = blankBlack
	case key.Matches(msg, k.White):
		m.blank = blankWhite
	case key.Matches(msg, k.Help):
		m.showHelp = true
	}
	// Anything else (F5, esc, a stray key) does nothing.
	return m, cmd, false
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

// pos is where the presenter is.
func (m Model) pos() Pos { return Pos{Slide: m.slide, Screen: m.screen, Step: m.step} }

func (m Model) page() (Page, bool) { return m.sl.page(m.slide, m.screen) }

// next shows one more item, else the next screen of the slide, else the
// next slide.
func (m Model) next() Model {
	switch {
	case len(m.sl.pages) == 0:
	case m.step < m.sl.Steps(m.slide, m.screen):
		m.step++
	case m.screen < m.sl.Screens(m.slide):
		m.screen, m.step = m.screen+1, 1
	case m.slide < len(m.deck)-1:
		m.slide, m.screen, m.step = m.slide+1, 1, 1
	}
	return m
}

// prev undoes next; going back shows the previous screen whole.
func (m Model) prev() Model {
	switch {
	case len(m.sl.pages) == 0:
	case m.step > 1:
		m.step--
	case m.screen > 1:
		m.screen--
		m.step = m.sl.Steps(m.slide, m.screen)
	case m.slide > 0:
		m.slide--
		m.screen = m.sl.Screens(m.slide)
		m.step = m.sl.Steps(m.slide, m.screen)
	}
	return m
}

// goTo shows the first screen of slide i (0-based, clamped to the deck).
func (m Model) goTo(i int) Model {
	if len(m.deck) == 0 {
		return m
	}
	m.slide, m.screen, m.step = max(0, min(i, len(m.deck)-1)), 1, 1
	return m
}

// resize lays the deck out again and stays on the same slide.
func (m Model) resize(w, h int) Model {
	m.w, m.h = w, h
	return m.relayout()
}

// relayout lays the deck out for the screen, keeping the slide (clamped to
// the deck) and, as near as the new layout allows, the screen and step.
func (m Model) relayout() Model {
	m.sl = NewSlides(m.deck, m.theme, m.w, m.h)
	if len(m.sl.pages) == 0 {
		return m
	}
	m.slide = max(0, min(m.slide, len(m.deck)-1))
	m.screen = max(1, min(m.screen, m.sl.Screens(m.slide)))
	m.step = max(1, min(m.step, m.sl.Steps(m.slide, m.screen)))
	return m
}

// State is what the consoles and audiences see: numbers count slides of
// the deck, the same at every terminal size.
func (m Model) State() deckctl.State {
	st := deckctl.State{
		PID:      m.pid,
		Briefing: m.briefing,
		File:     m.file,
		TTY:      m.tty,
		Total:    len(m.deck),
		Blank:    m.blank,
		Digits:   m.digits,
		Timer:    deckctl.Timer{Started: m.timer.Start, Duration: m.timer.Duration},
	}
	p, ok := m.page()
	if !ok {
		return st
	}
	st.Slide = m.slide + 1
	st.Title = p.Title
	if p.Parts > 1 {
		st.Screen, st.Screens = p.Part, p.Parts
	}
	if p.reveal {
		// A one-item screen of a slide built up step by step still draws
		// as a step (the newest event marked): followers draw it so too.
		st.Step, st.Steps = m.step, p.Steps()
		st.Shown = m.sl.Shown(m.pos())
	}
	st.Notes = m.deck[m.slide].Notes
	switch {
	case m.screen < m.sl.Screens(m.slide):
		np, _ := m.sl.page(m.slide, m.screen+1)
		st.Next = &deckctl.Preview{Slide: m.slide + 1, Screen: m.screen + 1, Title: p.Title, Lines: outline(m.deck[m.slide], np.items)}
	case m.slide+1 < len(m.deck):
		st.Next = &deckctl.Preview{Slide: m.slide + 2, Title: m.deck[m.slide+1].Title, Lines: outline(m.deck[m.slide+1], nil)}
	}
	return st
}
