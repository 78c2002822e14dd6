package present

import (
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/model/sanitize"
)

// View draws the current screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.Screen())
	v.AltScreen = true
	// No window title: the terminal would be left with an empty one on
	// exit instead of the title the user had.
	return v
}

// Screen is the screen as text: exactly h lines of w cells (fewer before
// the first window size arrives).
func (m Model) Screen() string {
	if m.w == 0 || m.h == 0 {
		return ""
	}
	th := m.theme
	if m.w < MinWidth || m.h < MinHeight {
		msg := sanitize.Truncate("terminal too small: need "+strconv.Itoa(MinWidth)+"x"+strconv.Itoa(MinHeight), m.w, "…")
		rows := make([]string, m.h)
		rows[m.h/2] = strings.Repeat(" ", max(0, (m.w-sanitize.Width(msg))/2)) + msg
		return paintAll(th, rows, m.w)
	}
	switch m.blank {
	case blankBlack:
		return blankScreen(lipgloss.NewStyle().Background(lipgloss.Color("#000000")), th.bg == nil, m.w, m.h)
	case blankWhite:
		return blankScreen(th.white, false, m.w, m.h)
	}
	p, ok := m.page()
	if !ok {
		return paintAll(th, make([]string, m.h), m.w)
	}
	if m.showHelp {
		p = m.helpPage()
	}
	rows := m.renderPage(p)
	rows = append(rows, make([]string, max(0, m.h-2-len(rows)))...)
	rows = rows[:m.h-2]
	rows = append(rows, m.statusRow(p), m.progressRow())
	return paintAll(th, rows, m.w)
}

func paintAll(th Theme, rows []string, w int) string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = th.paint(r, w)
	}
	return strings.Join(out, "\n")
}

// blankScreen fills the screen with st; plain leaves it empty (a black
// screen without colour is an empty one).
func blankScreen(st lipgloss.Style, plain bool, w, h int) string {
	row := strings.Repeat(" ", w)
	if !plain {
		row = st.Render(row)
	}
	rows := make([]string, h)
	for i := range rows {
		rows[i] = row
	}
	return strings.Join(rows, "\n")
}

// renderPage draws the title and body of a page, without the footer.
func (m Model) renderPage(p Page) []string {
	g := newGeometry(m.w, m.h)
	th := m.theme
	var title []string
	if p.big != nil {
		for i, bl := range p.big {
			if i > 0 {
				title = append(title, "")
			}
			for _, r := range bl {
				title = append(title, centerIn(th.Title.Render(r), sanitize.Width(r), m.w))
			}
		}
	} else {
		for _, l := range p.titleLines {
			title = append(title, centerIn(th.Title.Render(l), sanitize.Width(l), m.w))
		}
	}
	var rows []string
	if p.centered {
		body := m.bodyRows(p, g)
		total := len(title) + len(body)
		top := max(g.top, (m.h-footerRows-total)/2)
		rows = append(make([]string, top), title...)
		return append(rows, body...)
	}
	rows = append(make([]string, g.top), title...)
	for _, l := range p.subtitle {
		rows = append(rows, centerIn(th.Subtitle.Render(l), sanitize.Width(l), m.w))
	}
	rows = append(rows, "")
	body := m.bodyRows(p, g)
	if m.h >= 30 {
		// On a tall screen a short body sits a third of the way down the
		// free space rather than under the title with the rest left empty.
		free := m.h - footerRows - len(rows) - len(body)
		rows = append(rows, make([]string, max(0, free/3))...)
	}
	return append(rows, body...)
}

// bodyRows draws the body lines of a page in their column; on a page
// revealed step by step, items not reached yet are blank.
func (m Model) bodyRows(p Page, g geometry) []string {
	shown := p.items
	if p.reveal && !m.showHelp {
		shown = p.items[:min(m.step, len(p.items))]
	}
	events := 0 // on a timeline built up step by step: the events shown
	for _, i := range shown {
		events = max(events, i+1)
	}
	var rows []string
	for _, l := range p.body {
		if l.item >= 0 && p.reveal && !m.showHelp && !slices.Contains(shown, l.item) {
			rows = append(rows, "")
			continue
		}
		if len(l.byEvents) > 0 && p.reveal && !m.showHelp && events > 0 {
			l.segs = []seg{{segRaw, l.byEvents[min(events, len(l.byEvents))-1]}}
		}
		colW := g.cw
		if l.wide {
			colW = g.ww
		}
		x := (m.w - colW) / 2
		if l.center {
			x += max(0, (colW-l.width())/2)
		}
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", max(0, x)))
		for _, s := range l.segs {
			b.WriteString(m.styleSeg(s))
		}
		rows = append(rows, b.String())
	}
	return rows
}

func (m Model) styleSeg(s seg) string {
	th := m.theme
	switch s.kind {
	case segLabel:
		return th.Label.Render(s.text)
	case segBullet:
		return th.Bullet.Render(s.text)
	case segDim:
		return th.Dim.Render(s.text)
	case segSubtitle:
		return th.Subtitle.Render(s.text)
	case segRaw:
		return s.text
	}
	return th.Text.Render(s.text)
}

func centerIn(styled string, width, w int) string {
	return strings.Repeat(" ", max(0, (w-width)/2)) + styled
}

// statusRow shows the go-to prompt or the part of a split slide on the
// left, and the clock and counter n/N on the right.
func (m Model) statusRow(p Page) string {
	g := newGeometry(m.w, m.h)
	th := m.theme
	x := (m.w - g.ww) / 2
	var left string
	leftW := 0
	switch {
	case m.banner != "":
		room := g.ww - 10
		if m.clock {
			room = g.ww - 32
		}
		left = "⚠ " + sanitize.Truncate(m.banner+" — showing the last good version", max(room, 10), "…")
		leftW = sanitize.Width(left)
		left = th.Warn.Render(left)
	case m.digits != "":
		left = "go to slide " + m.digits + "_"
		leftW = sanitize.Width(left)
		left = th.Key.Render(left)
	case m.showHelp:
		left = "any key returns to the slide"
		leftW = sanitize.Width(left)
		left = th.Dim.Render(left)
	case p.Parts > 1:
		left = "continued " + strconv.Itoa(p.Part) + "/" + strconv.Itoa(p.Parts)
		if p.Part == 1 {
			left = "part 1/" + strconv.Itoa(p.Parts)
		}
		leftW = sanitize.Width(left)
		left = th.Dim.Render(left)
	}
	if p.Steps() > 1 && m.step < p.Steps() && !m.showHelp {
		more := "  ▸ more"
		left += th.Dim.Render(more)
		leftW += sanitize.Width(more)
	}
	counter := strconv.Itoa(m.cur+1) + "/" + strconv.Itoa(len(m.pages))
	right := th.Dim.Render(counter)
	rightW := sanitize.Width(counter)
	if m.clock {
		clock := m.now.Format("15:04") + " · " + m.timer.Status(m.now)
		cs := th.Dim
		if m.timer.Warning(m.now) {
			cs = th.Warn
		}
		right = cs.Render(clock) + th.Dim.Render("   ") + right
		rightW += sanitize.Width(clock) + 3
	}
	gap := g.ww - leftW - rightW
	if gap < 1 {
		left, gap = "", max(1, g.ww-rightW)
	}
	return strings.Repeat(" ", x) + left + strings.Repeat(" ", gap) + right
}

// progressRow is a thin bar across the wide column, filled in proportion
// to the slide reached.
func (m Model) progressRow() string {
	g := newGeometry(m.w, m.h)
	th := m.theme
	x := (m.w - g.ww) / 2
	n := len(m.pages)
	filled := 0
	if n > 0 {
		filled = (m.cur + 1) * g.ww / n
	}
	return strings.Repeat(" ", x) + th.Bar.Render(strings.Repeat(th.barFull, filled)) + th.BarEmpty.Render(strings.Repeat(th.barEmpty, g.ww-filled))
}

// helpPage is the page of keys shown by ?, made from the key bindings so it
// cannot drift from them.
func (m Model) helpPage() Page {
	g := newGeometry(m.w, m.h)
	p := Page{Title: "Keys", Part: 1, Parts: 1, titleLines: []string{"Keys"}}
	kw := 0
	for _, col := range m.keys.FullHelp() {
		for _, b := range col {
			kw = max(kw, sanitize.Width(b.Help().Key))
		}
	}
	for _, col := range m.keys.FullHelp() {
		for _, b := range col {
			h := b.Help()
			pad := strings.Repeat(" ", kw-sanitize.Width(h.Key)+3)
			p.body = append(p.body, line{segs: []seg{{segLabel, h.Key}, {segText, pad + h.Desc}}, item: -1})
		}
	}
	p.body = append(p.body, line{item: -1})
	for _, l := range sanitize.Wrap("Run brief notes in another terminal for your notes, the next slide and the timer; its keys drive these slides.", g.cw) {
		p.body = append(p.body, line{segs: []seg{{segDim, l}}, item: -1})
	}
	if max := m.h - footerRows - g.top - 2; len(p.body) > max {
		p.body = p.body[:max]
	}
	return p
}
