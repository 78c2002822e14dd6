package present

import (
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
	if m.w >= MinWidth && m.h >= MinHeight {
		switch m.blank {
		case blankBlack:
			return blankScreen(lipgloss.NewStyle().Background(lipgloss.Color("#000000")), th.bg == nil, m.w, m.h)
		case blankWhite:
			return blankScreen(th.white, false, m.w, m.h)
		}
	}
	st := Status{}
	if m.clock {
		st.Clock = m.now.Format("15:04") + " · " + m.timer.Status(m.now)
		st.Late = m.timer.Warning(m.now)
	}
	switch {
	case m.banner != "":
		st.Left, st.Warn = "⚠ "+m.banner+" — showing the last good version", true
	case m.showHelp:
		st.Left, st.Help = "any key returns to the slide", true
	}
	pos := m.pos()
	if m.showHelp {
		p, ok := m.sl.page(pos.Slide, pos.Screen)
		if !ok {
			return m.sl.Screen(pos, st)
		}
		return m.jumpOverlay(m.sl.frame(m.sl.renderPage(m.helpPage(), 0), p, Pos{}, st))
	}
	return m.jumpOverlay(m.sl.Screen(pos, st))
}

// jumpOverlay draws the number being typed for a jump small in the top
// right corner, on the row kept empty above every slide's title, so the
// room's view of the slide is not covered.
func (m Model) jumpOverlay(screen string) string {
	if m.digits == "" || m.w < MinWidth || m.h < MinHeight {
		return screen
	}
	rows := strings.Split(screen, "\n")
	g := m.sl.g
	text := " → " + m.digits + "_ "
	x := max(0, (m.w-g.ww)/2+g.ww-sanitize.Width(text))
	rows[0] = m.theme.paint(strings.Repeat(" ", x)+m.theme.Badge.Render(text), m.w)
	return strings.Join(rows, "\n")
}

// helpPage is the page of keys shown by ?, made from the key bindings so it
// cannot drift from them.
func (m Model) helpPage() Page {
	g := m.sl.g
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
