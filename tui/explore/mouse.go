package explore

import (
	tea "charm.land/bubbletea/v2"
)

// wheelStep is how many rows one wheel notch scrolls.
const wheelStep = 3

// paneAt says which pane is under a screen cell.
func (m Model) paneAt(x, y int) (pane, bool) {
	for p := range paneCount {
		if r := m.lay.panes[p]; r.w > 0 && r.contains(x, y) {
			return p, true
		}
	}
	return 0, false
}

// wheel scrolls the pane under the pointer (or the open modal screen).
func (m Model) wheel(ms tea.Mouse) (tea.Model, tea.Cmd) {
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
	if m.reading && m.lay.read.contains(ms.X, ms.Y) {
		m.reader = m.reader.Scroll(n)
		return m, nil
	}
	p, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return m, nil
	}
	switch p {
	case paneNav:
		m.navs[m.nav] = m.navs[m.nav].Scroll(n)
		m.follow()
	case paneDetail:
		m.detail = m.detail.Scroll(n)
	case paneSource:
		m.source = m.source.Scroll(n)
	}
	return m, nil
}

// click focuses the pane under the pointer and selects the row clicked.
func (m Model) click(ms tea.Mouse) (tea.Model, tea.Cmd) {
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
	if m.reading {
		if m.lay.read.contains(ms.X, ms.Y) {
			m.reader = m.reader.Click(ms.Y - m.lay.read.y - 1)
		}
		return m, nil
	}
	p, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return m, nil
	}
	m.focusOn(p)
	y = ms.Y - m.lay.panes[p].y - 1
	var cmd tea.Cmd
	switch p {
	case paneNav:
		m.navs[m.nav], _ = m.navs[m.nav].Click(y)
		m.follow()
	case paneDetail:
		m.detail, cmd = m.detail.Click(y)
	case paneSource:
		m.source, _ = m.source.Click(y)
	}
	return m, cmd
}
