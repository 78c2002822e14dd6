package present

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/jobctl"
	"github.com/brief-cli/brief/tui/style"
	"github.com/brief-cli/brief/tui/widget"
)

// retryEvery is how often the console looks for a presentation while it
// has none.
const retryEvery = 500 * time.Millisecond

// ConsoleOptions configure the presenter console.
type ConsoleOptions struct {
	// Pick chooses a presentation by pid or by a word of its title; empty
	// follows the most recent.
	Pick    string
	Dir     string // socket directory; empty for deckctl.Dir()
	NoColor bool
	Now     func() time.Time
	In      io.Reader
	Out     io.Writer
}

// ConsoleKeyMap holds the console's keys: the presenter's, sent on, and
// the console's own, which never reach the room: the notes scroll, and
// attaching to another presentation once the one followed has ended.
type ConsoleKeyMap struct {
	Next, Prev, First, Last, Digit, Black, White, Help, Quit key.Binding
	NotesDown, NotesUp, Attach                               key.Binding
}

// notesKeys scroll the notes; the presenter's next and previous keep the
// others.
var notesKeys = []string{"down", "j", "up", "k"}

// without returns keys less the ones in drop.
func without(keys, drop []string) []string {
	var out []string
	for _, k := range keys {
		if !slices.Contains(drop, k) {
			out = append(out, k)
		}
	}
	return out
}

// DefaultConsoleKeyMap returns the console's keys: the presenter's, with
// help short enough for one line, less ↓ ↑ j k, which scroll the notes.
func DefaultConsoleKeyMap() ConsoleKeyMap {
	k := DefaultKeyMap()
	attach := widget.Key("a", "follow another presentation")
	attach.SetEnabled(false)
	return ConsoleKeyMap{
		NotesDown: widget.Keys("↓ j", "scroll the notes down", "down", "j"),
		NotesUp:   widget.Keys("↑ k", "scroll the notes up", "up", "k"),
		Attach:    attach,
		Next:      key.NewBinding(key.WithKeys(without(k.Next.Keys(), notesKeys)...), key.WithHelp("→", "next")),
		Prev:      key.NewBinding(key.WithKeys(without(k.Prev.Keys(), notesKeys)...), key.WithHelp("←", "previous")),
		First:     k.First, Last: k.Last,
		Digit: key.NewBinding(key.WithKeys(k.Digit.Keys()...), key.WithHelp("12 enter", "go to slide 12")),
		Black: widget.Keys("b", "black", "b", "."),
		White: widget.Key("w", "white"),
		Help:  k.Help,
		Quit:  widget.Keys("q", "quit the console (the talk goes on)", "q", "ctrl+c"),
	}
}

// ShortHelp lists the keys of the help line, the most needed first.
func (k ConsoleKeyMap) ShortHelp() []key.Binding {
	quit := key.NewBinding(key.WithKeys(k.Quit.Keys()...), key.WithHelp("q", "quit"))
	notes := widget.Keys("↓↑", "notes", "down", "up")
	return []key.Binding{k.Next, k.Prev, notes, k.Black, k.White, quit, k.Help, k.Digit}
}

// FullHelp lists every key.
func (k ConsoleKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.First, k.Last, k.Digit}, {k.NotesDown, k.NotesUp, k.Black, k.White, k.Help, k.Quit}}
}

type consoleStyles struct {
	Header, Title, Label, Text, Dim, Warn, Key, Banner lipgloss.Style
}

func newConsoleStyles(isDark, noColor bool) consoleStyles {
	s := lipgloss.NewStyle
	// Styles are made by style.New, not lipgloss chains: see there.
	const B, F, U, R = style.Bold, style.Faint, style.Underline, style.Reverse
	mk := style.New
	if noColor {
		return consoleStyles{
			Header: mk(nil, nil, B), Title: mk(nil, nil, B), Label: mk(nil, nil, B|U),
			Text: s(), Dim: mk(nil, nil, F), Warn: mk(nil, nil, B|R), Key: mk(nil, nil, B),
			Banner: mk(nil, nil, B|R),
		}
	}
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#0b3d91"), lipgloss.Color("#8cc4ff"))
	dim := ld(lipgloss.Color("#555555"), lipgloss.Color("#a0a0a0"))
	return consoleStyles{
		Header: mk(accent, nil, B),
		Title:  mk(nil, nil, B),
		Label:  mk(accent, nil, B),
		Text:   s(),
		Dim:    mk(dim, nil, 0),
		Warn:   mk(lipgloss.Color("#ffffff"), lipgloss.Color("#b00020"), B),
		Key:    mk(accent, nil, B),
		Banner: mk(nil, nil, B|R),
	}
}

// Console is the presenter's console: it follows a presentation and shows
// the current slide's notes, the next slide and the time; its keys drive
// the presentation.
type Console struct {
	dir, pick string
	keys      ConsoleKeyMap
	styles    consoleStyles
	noColor   bool

	conn      *deckctl.Conn
	st        deckctl.State
	connected bool
	ended     bool   // a presentation was followed and has gone
	problem   string // why no presentation is followed
	// others counts the presentations running, other than the one
	// followed, once it has ended: a follows the most recent of them.
	others int
	// notesTop is the first row of the notes shown, as they scroll.
	notesTop int

	digits   string
	digitSeq int
	showHelp bool
	w, h     int
	now      time.Time
	nowFn    func() time.Time
}

// NewConsole returns a console that looks for presentations in dir.
func NewConsole(dir string, opts ConsoleOptions) Console {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return Console{
		dir: dir, pick: opts.Pick,
		keys:    DefaultConsoleKeyMap(),
		styles:  newConsoleStyles(true, opts.NoColor),
		noColor: opts.NoColor,
		now:     now(),
		nowFn:   now,
	}
}

type (
	connectedMsg struct {
		conn *deckctl.Conn
		st   deckctl.State
	}
	notFoundMsg struct {
		err    error
		others int // presentations running that are not the one waited for
	}
	stateMsg struct {
		conn *deckctl.Conn
		st   deckctl.State
	}
	goneMsg       struct{ conn *deckctl.Conn }
	retryMsg      struct{}
	consoleTick   time.Time
	sendFailedMsg struct{ err error }
)

// connectCmd finds a presentation and connects to it.
func connectCmd(dir, pick string) tea.Cmd {
	return func() tea.Msg {
		p, err := deckctl.Find(dir, pick)
		if err != nil {
			return notFoundMsg{err: err}
		}
		return dial(p.Path)
	}
}

// restartCmd looks for the presentation that ended starting again (the
// same briefing): it connects to nothing else, and counts the others.
func restartCmd(dir string, gone deckctl.State) tea.Cmd {
	return func() tea.Msg {
		ps, err := deckctl.List(dir)
		if err != nil {
			return notFoundMsg{err: err}
		}
		others := 0
		for _, p := range ps {
			if p.State.Same(gone) {
				return dial(p.Path)
			}
			others++
		}
		return notFoundMsg{err: deckctl.ErrNone, others: others}
	}
}

func dial(path string) tea.Msg {
	c, err := deckctl.Dial(path)
	if err != nil {
		return notFoundMsg{err: err}
	}
	st, err := c.Next()
	if err != nil {
		c.Close()
		return notFoundMsg{err: err}
	}
	return connectedMsg{c, st}
}

// followCmd waits for the presentation's next state.
func followCmd(c *deckctl.Conn) tea.Cmd {
	return func() tea.Msg {
		st, err := c.Next()
		if err != nil {
			c.Close()
			return goneMsg{c}
		}
		return stateMsg{c, st}
	}
}

func sendCmd(c *deckctl.Conn, cmd deckctl.Command) tea.Cmd {
	return func() tea.Msg {
		if err := c.Send(cmd); err != nil {
			return sendFailedMsg{err}
		}
		return nil
	}
}

func retryCmd() tea.Cmd {
	return tea.Tick(retryEvery, func(time.Time) tea.Msg { return retryMsg{} })
}

func (c Console) tickCmd() tea.Cmd {
	return tea.Tick(time.Second-time.Duration(c.now.Nanosecond()), func(t time.Time) tea.Msg { return consoleTick(t) })
}

// Init looks for a presentation, starts the clock and asks the terminal
// for its background.
func (c Console) Init() tea.Cmd {
	return tea.Batch(connectCmd(c.dir, c.pick), c.tickCmd(), tea.RequestBackgroundColor)
}

// Update follows the presentation and sends the console's keys to it.
func (c Console) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.w, c.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		c.styles = newConsoleStyles(msg.IsDark(), c.noColor)
	case consoleTick:
		c.now = time.Time(msg)
		return c, c.tickCmd()
	case connectedMsg:
		if c.connected {
			// Found twice (a retry and an attach at once): keep the first.
			if msg.conn != nil {
				msg.conn.Close()
			}
			return c, nil
		}
		c.conn, c.st, c.connected, c.problem = msg.conn, msg.st, true, ""
		c.ended, c.others, c.notesTop = false, 0, 0
		c.keys.Attach.SetEnabled(false)
		return c, followCmd(msg.conn)
	case notFoundMsg:
		c.problem = sanitize.Text(msg.err.Error())
		c.others = msg.others
		c.keys.Attach.SetEnabled(c.ended && c.others > 0)
		return c, retryCmd()
	case retryMsg:
		if c.connected {
			return c, nil
		}
		if c.ended {
			return c, restartCmd(c.dir, c.st)
		}
		return c, connectCmd(c.dir, c.pick)
	case stateMsg:
		if msg.conn != c.conn {
			return c, nil
		}
		if msg.st.Slide != c.st.Slide || msg.st.Screen != c.st.Screen {
			c.notesTop = 0
		}
		c.st = msg.st
		return c, followCmd(msg.conn)
	case goneMsg:
		if msg.conn != c.conn {
			return c, nil
		}
		// Say so and wait for this presentation to start again; another
		// one is followed only when asked (a).
		c.conn, c.connected, c.ended = nil, false, true
		c.problem = ""
		return c, restartCmd(c.dir, c.st)
	case sendFailedMsg:
		c.problem = sanitize.Text(msg.err.Error())
	case digitTimeoutMsg:
		if msg.seq == c.digitSeq {
			c.digits = ""
		}
	case tea.KeyPressMsg:
		return c.key(msg)
	}
	return c, nil
}

func (c Console) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := c.keys
	if key.Matches(msg, k.Quit) {
		if c.conn != nil {
			c.conn.Close()
		}
		return c, tea.Quit
	}
	if c.showHelp {
		c.showHelp = false
		return c, nil
	}
	if key.Matches(msg, k.Attach) && c.ended && !c.connected {
		return c, connectCmd(c.dir, "")
	}
	switch {
	case key.Matches(msg, k.NotesDown):
		c.notesTop = min(c.notesTop+1, c.notesMaxTop())
		return c, nil
	case key.Matches(msg, k.NotesUp):
		c.notesTop = max(c.notesTop-1, 0)
		return c, nil
	}
	if c.digits != "" {
		switch {
		case key.Matches(msg, k.Digit):
			if len(c.digits) < 4 {
				return c.typed(c.digits + msg.String())
			}
		case msg.String() == "enter":
			n, _ := strconv.Atoi(c.digits)
			c, _ := c.typed("")
			return c, c.send(deckctl.Command{Op: deckctl.OpGoto, Slide: max(n, 1)})
		case msg.String() == "backspace":
			return c.typed(c.digits[:len(c.digits)-1])
		default:
			return c.typed("")
		}
		return c, nil
	}
	switch {
	case key.Matches(msg, k.Next):
		return c, c.send(deckctl.Command{Op: deckctl.OpNext})
	case key.Matches(msg, k.Prev):
		return c, c.send(deckctl.Command{Op: deckctl.OpPrev})
	case key.Matches(msg, k.First):
		return c, c.send(deckctl.Command{Op: deckctl.OpGoto, Slide: 1})
	case key.Matches(msg, k.Last):
		return c, c.send(deckctl.Command{Op: deckctl.OpGoto, Slide: max(c.st.Total, 1)})
	case key.Matches(msg, k.Digit):
		return c.typed(msg.String())
	case key.Matches(msg, k.Black):
		return c, c.send(deckctl.Command{Op: deckctl.OpBlank, Blank: toggle(c.st.Blank, blankBlack)})
	case key.Matches(msg, k.White):
		return c, c.send(deckctl.Command{Op: deckctl.OpBlank, Blank: toggle(c.st.Blank, blankWhite)})
	case key.Matches(msg, k.Help):
		c.showHelp = true
	}
	return c, nil
}

// typed sets the slide number being typed and restarts its timeout.
func (c Console) typed(digits string) (Console, tea.Cmd) {
	c.digits = digits
	c.digitSeq++
	if digits == "" {
		return c, nil
	}
	return c, digitTimeoutCmd(c.digitSeq)
}

func toggle(cur, mode string) string {
	if cur == mode {
		return blankNone
	}
	return mode
}

func (c Console) send(cmd deckctl.Command) tea.Cmd {
	if c.conn == nil {
		return nil
	}
	return sendCmd(c.conn, cmd)
}

// View draws the console.
func (c Console) View() tea.View {
	v := tea.NewView(c.Screen())
	v.AltScreen = true
	// No window title: the terminal would be left with an empty one on
	// exit instead of the title the user had.
	return v
}

// Screen is the console as text, at most h lines of w cells.
func (c Console) Screen() string {
	if c.w == 0 || c.h == 0 {
		return ""
	}
	if c.w < MinWidth || c.h < MinHeight {
		return sanitize.Truncate("terminal too small: need "+strconv.Itoa(MinWidth)+"x"+strconv.Itoa(MinHeight), c.w, "…")
	}
	top, head, notes, preview, bottom := c.parts()
	return c.compose(top, head, notes, preview, bottom)
}

// followed names the presentation followed (or last followed): its
// briefing's title and, on a line of its own, its file and where it runs.
func (c Console) followed() (title, where string) {
	st := c.st
	file := st.File
	if file == "" {
		file = "(unknown file)"
	}
	var parts []string
	parts = append(parts, file)
	if st.TTY != "" {
		parts = append(parts, "on "+strings.TrimPrefix(st.TTY, "/dev/"))
	}
	if st.PID > 0 {
		parts = append(parts, "pid "+strconv.Itoa(st.PID))
	}
	where = strings.Join(parts, " · ")
	if sanitize.Width(where) > c.w-6 && st.File != "" {
		// Too long for the row: the file's name tells it, not its folders.
		parts[0] = filepath.Base(st.File)
		where = strings.Join(parts, " · ")
	}
	return st.Briefing, where
}

// parts lays the console out in its pieces: the rows at the top, the
// notes' heading and rows, the preview of the next slide and the rows at
// the bottom.
func (c Console) parts() (top []string, head string, notes, preview, bottom []string) {
	s := c.styles
	w := c.w - 2
	add := func(rows *[]string, styled string) { *rows = append(*rows, " "+styled) }
	rule := s.Dim.Render(strings.Repeat("─", w))

	header := "brief notes"
	title, where := c.followed()
	if c.connected || c.ended {
		header += " · " + title
	}
	add(&top, s.Header.Render(sanitize.Truncate(header, w, "…")))
	if c.connected || c.ended {
		// The rule under the header names the file and where it runs.
		label := "─ " + sanitize.Truncate(where, max(1, w-4), "…") + " "
		add(&top, s.Dim.Render(label+strings.Repeat("─", max(0, w-sanitize.Width(label)))))
	} else {
		add(&top, rule)
	}

	if !c.connected {
		msg := "Looking for a presentation… start one with: brief present"
		if c.ended {
			msg = "The presentation has ended: “" + title + "” (" + where + "). Waiting for it to start again…"
		}
		for _, l := range sanitize.Wrap(msg, w) {
			add(&top, s.Title.Render(l))
		}
		if c.ended && c.others > 0 {
			n := "Another presentation is running: a follows it."
			if c.others > 1 {
				n = strconv.Itoa(c.others) + " other presentations are running: a follows the most recent."
			}
			for _, l := range sanitize.Wrap(n, w) {
				add(&top, s.Text.Render(l))
			}
		}
		if c.problem != "" && !c.ended && c.problem != deckctl.ErrNone.Error() {
			for _, l := range sanitize.Wrap(c.problem, w) {
				add(&top, s.Dim.Render(l))
			}
		}
		add(&bottom, rule)
		add(&bottom, c.waitingHelp())
		return top, "", nil, nil, bottom
	}

	st := c.st
	counter := strconv.Itoa(st.Slide) + "/" + strconv.Itoa(st.Total)
	stitle := st.Title
	if st.Screens > 1 {
		stitle += " · screen " + strconv.Itoa(st.Screen) + "/" + strconv.Itoa(st.Screens)
	}
	line := s.Banner.Render(" "+counter+" ") + " " + s.Title.Render(sanitize.Truncate(stitle, max(1, w-sanitize.Width(counter)-3), "…"))
	add(&top, line)
	var status []string
	if st.Steps > 1 {
		status = append(status, "point "+strconv.Itoa(st.Step)+" of "+strconv.Itoa(st.Steps)+" shown")
	}
	if st.Blank != "" {
		status = append(status, strings.ToUpper(st.Blank)+" SCREEN: the room sees nothing")
	}
	if len(status) > 0 {
		style := s.Dim
		if st.Blank != "" {
			style = s.Warn
		}
		add(&top, style.Render(sanitize.Truncate(strings.Join(status, " · "), w, "…")))
	}
	add(&top, "")

	if c.showHelp {
		notes = append(notes, " "+s.Label.Render("Keys (any key returns to the notes)"))
		for _, col := range c.keys.FullHelp() {
			for _, b := range col {
				if b.Enabled() {
					notes = append(notes, " "+s.Key.Render(b.Help().Key)+" "+s.Text.Render(b.Help().Desc))
				}
			}
		}
		return top, "", notes, nil, c.bottom(w)
	}
	return top, " " + s.Label.Render("Notes"), c.noteLines(w), c.preview(w), c.bottom(w)
}

// noteLines is the current slide's speaker notes wrapped to the console.
func (c Console) noteLines(w int) []string {
	s := c.styles
	var notes []string
	if len(c.st.Notes) == 0 {
		notes = append(notes, " "+s.Dim.Render("(no notes for this slide)"))
	}
	for i, n := range c.st.Notes {
		if i > 0 {
			notes = append(notes, "")
		}
		for _, l := range sanitize.Wrap(n, w-2) {
			notes = append(notes, "  "+s.Text.Render(l))
		}
	}
	return notes
}

// preview is the next slide (or the next screen of this one) as it will
// read: its title, then its content wrapped to the console's width.
func (c Console) preview(w int) []string {
	s := c.styles
	rule := " " + s.Dim.Render(strings.Repeat("─", w))
	n := c.st.Next
	if n == nil {
		return []string{rule, " " + s.Label.Render("Next:") + " " + s.Dim.Render("(last slide)")}
	}
	where := " · slide " + strconv.Itoa(n.Slide)
	if n.Screen > 0 {
		where = " · screen " + strconv.Itoa(n.Screen) + " of this slide"
	}
	head := sanitize.Truncate(n.Title, max(1, w-6-sanitize.Width(where)), "…")
	out := []string{rule, " " + s.Label.Render("Next: ") + s.Title.Render(head) + s.Dim.Render(where)}
	for _, p := range n.Lines {
		lead := ""
		if i := strings.Index(p, " "); i > 0 && i <= 4 && (strings.HasPrefix(p, "• ") || strings.HasSuffix(p[:i], ".")) {
			lead = p[:i+1]
		}
		indent := strings.Repeat(" ", sanitize.Width(lead))
		for j, l := range sanitize.Wrap(strings.TrimPrefix(p, lead), max(1, w-2-len(indent))) {
			if j == 0 {
				l = lead + l
			} else {
				l = indent + l
			}
			out = append(out, "  "+s.Text.Render(l))
		}
	}
	return out
}

// bottom is the timer row, the pace hint and the help line (or the slide
// number being typed, here or on the projector).
func (c Console) bottom(w int) []string {
	s := c.styles
	st := c.st
	var out []string
	t := Timer{Start: st.Timer.Started, Duration: st.Timer.Duration}
	clock := c.now.Format("15:04")
	timer := t.Status(c.now)
	ts := s.Title
	if t.Warning(c.now) {
		ts = s.Warn
	}
	out = append(out, " "+s.Dim.Render(strings.Repeat("─", w)))
	gap := max(1, w-sanitize.Width(timer)-sanitize.Width(clock))
	out = append(out, " "+ts.Render(timer)+strings.Repeat(" ", gap)+s.Dim.Render(clock))
	out = append(out, " "+s.Dim.Render(sanitize.Truncate(Pace(t, c.now, st.Slide, st.Total), w, "…")))
	switch {
	case c.digits != "":
		out = append(out, " "+s.Key.Render("go to slide "+c.digits+"_"))
	case st.Digits != "":
		out = append(out, " "+s.Key.Render("go to slide "+st.Digits+"_ (typed on the projector)"))
	default:
		out = append(out, " "+c.helpLine(w))
	}
	return out
}

// Pace is the hint of how the talk is going: the slides left after the
// current one and, with a countdown, the time that leaves each of them and
// whether the talk is ahead of or behind an even pace.
func Pace(t Timer, now time.Time, slide, total int) string {
	left := max(0, total-slide)
	out := strconv.Itoa(left) + " slides left"
	if left == 1 {
		out = "1 slide left"
	}
	if !t.Countdown() || total < 1 || slide < 1 {
		return out
	}
	rem := t.Remaining(now)
	if rem <= 0 {
		return out + " · over time"
	}
	out += " · " + FormatDuration(rem/time.Duration(left+1)) + " a slide"
	// Where an even pace would be now: slide 1 at the start, the last
	// slide's end at the end.
	expect := float64(t.Elapsed(now)) / float64(t.Duration) * float64(total)
	switch done := float64(slide - 1); {
	case done > expect+1:
		out += " · ahead"
	case done < expect-1:
		out += " · behind"
	default:
		out += " · on pace"
	}
	return out
}

// previewMin is the least of the next slide a console shows under notes
// that do not fit: the rule and its title.
const previewMin = 2

// notesRoom is the rows the notes' text gets and whether they scroll: the
// notes come first, with their heading; the next slide gets what they
// leave, and at least its title.
func (c Console) notesRoom(top, notes, preview, bottom []string) (rows int, scroll bool) {
	room := max(0, c.h-len(top)-len(bottom)-1) // the notes' heading
	if len(notes) <= room-min(len(preview), previewMin) {
		return len(notes), false
	}
	return max(1, room-min(len(preview), previewMin)), true
}

// notesMaxTop is the furthest the notes scroll: their last row at the
// bottom of their room.
func (c Console) notesMaxTop() int {
	top, _, notes, preview, bottom := c.parts()
	rows, scroll := c.notesRoom(top, notes, preview, bottom)
	if !scroll {
		return 0
	}
	return max(0, len(notes)-rows)
}

// compose stacks the top rows, the notes, then the preview of the next
// slide in the rows the notes leave, and the bottom rows at the bottom of
// the screen. Notes longer than their room scroll (↓ ↑), and their heading
// says which rows are shown.
func (c Console) compose(top []string, head string, notes, preview, bottom []string) string {
	rows := append([]string(nil), top...)
	if head == "" {
		// The keys, or no presentation: no heading, nothing to scroll.
		room := max(0, c.h-len(top)-len(bottom))
		rows = append(rows, notes[:min(len(notes), room)]...)
	} else {
		n, scroll := c.notesRoom(top, notes, preview, bottom)
		first := 0
		if scroll {
			first = max(0, min(c.notesTop, len(notes)-n))
			more := "rows " + strconv.Itoa(first+1) + "–" + strconv.Itoa(first+n) + " of " + strconv.Itoa(len(notes))
			switch {
			case first == 0:
				more += " · ↓ more"
			case first+n >= len(notes):
				more += " · ↑ back"
			default:
				more += " · ↓↑ scroll"
			}
			head += "  " + c.styles.Dim.Render(more)
		}
		rows = append(rows, head)
		rows = append(rows, notes[first:first+n]...)
		pv := max(0, c.h-len(rows)-len(bottom))
		rows = append(rows, preview[:min(pv, len(preview))]...)
	}
	for len(rows)+len(bottom) < c.h {
		rows = append(rows, "")
	}
	rows = append(rows, bottom...)
	if len(rows) > c.h {
		rows = rows[:c.h]
	}
	return strings.Join(rows, "\n")
}

// waitingHelp is the help line while no presentation is followed: only
// quitting, and following another once the one followed has ended.
func (c Console) waitingHelp() string {
	var parts []string
	quit := key.NewBinding(key.WithKeys(c.keys.Quit.Keys()...), key.WithHelp("q", "quit"))
	attach := key.NewBinding(key.WithKeys(c.keys.Attach.Keys()...), key.WithHelp("a", "follow another"))
	attach.SetEnabled(c.keys.Attach.Enabled())
	for _, b := range []key.Binding{attach, quit} {
		if b.Enabled() {
			parts = append(parts, c.styles.Key.Render(b.Help().Key)+" "+c.styles.Dim.Render(b.Help().Desc))
		}
	}
	return strings.Join(parts, c.styles.Dim.Render(" · "))
}

func (c Console) helpLine(w int) string {
	var parts []string
	width := 0
	for _, b := range c.keys.ShortHelp() {
		h := b.Help()
		p := c.styles.Key.Render(h.Key) + " " + c.styles.Dim.Render(h.Desc)
		pw := sanitize.Width(h.Key) + 1 + sanitize.Width(h.Desc) + 3
		if width+pw > w {
			break
		}
		parts = append(parts, p)
		width += pw
	}
	return strings.Join(parts, c.styles.Dim.Render(" · "))
}

// RunConsole runs the presenter console until the user quits it.
func RunConsole(ctx context.Context, opts ConsoleOptions) error {
	dir := opts.Dir
	if dir == "" {
		d, err := deckctl.Dir()
		if err != nil {
			return err
		}
		dir = d
	}
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.In != nil {
		popts = append(popts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		popts = append(popts, tea.WithOutput(opts.Out))
	}
	_, err := jobctl.Run(NewConsole(dir, opts), opts.In, popts...)
	if errors.Is(err, tea.ErrInterrupted) {
		return ErrInterrupted
	}
	return err
}
