package explore

import (
	tea "charm.land/bubbletea/v2"
)

// wheelStep is how many rows one wheel notch scrolls.
const wheelStep = 3

// paneUnder says which pane under a screen cell takes the mouse: a strip
// (the timeline axis) takes none.
func (m Model) paneUnder(x, y int) (pane, bool) {
	for p := range paneCount {
		if r := m.lay.panes[p]; r.w > 0 && r.contains(x, y) && paneInfo[p].role != roleStrip {
			return p, true
		}
	}
	return 0, false
}

// wheel scrolls the pane under the pointer (or the open modal screen).
func (m Model) wheel(ms tea.Mouse) (Model, tea.Cmd) {
	if !m.sized || m.lay.small {
		return m, nil
	}
	n := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		n = -wheelStep
	case tea.MouseWheelDown:
		n = wheelStep
	default:
		return m, nil
	}
	if m.modal != nil && (!m.docked() || m.lay.dock.contains(ms.X, ms.Y)) {
		m.modal = m.modal.scroll(n)
		return m, nil
	}
	if p, ok := m.paneUnder(ms.X, ms.Y); ok {
		sel, ev := m.navs[m.nav].Selected(), m.axis.cursor
		m.setPane(p, m.pane(p).scroll(n))
		m.paneMoved(p, sel, ev)
	}
	return m, nil
}

// click focuses the pane under the pointer and selects the row clicked.
func (m Model) click(ms tea.Mouse) (Model, tea.Cmd) {
	if !m.sized || m.lay.small || ms.Button != tea.MouseLeft {
		return m, nil
	}
	y := ms.Y - m.lay.body.y - 1 // row inside a frame
	if m.modal != nil {
		if m.docked() {
			// The panes above a docked modal only show; a click goes to
			// the modal.
			y = ms.Y - m.lay.dock.y - 1
		}
		var cmd tea.Cmd
		m.modal, cmd = m.modal.click(y)
		return m, cmd
	}
	p, ok := m.paneUnder(ms.X, ms.Y)
	if !ok {
		return m, nil
	}
	if paneInfo[p].role == rolePane {
		m.focusOn(p)
	}
	sel, ev := m.navs[m.nav].Selected(), m.axis.cursor
	s, cmd := m.pane(p).click(ms.Y - m.lay.panes[p].y - 1)
	m.setPane(p, s)
	m.paneMoved(p, sel, ev)
	return m, cmd
}
