package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The key path: a key press goes down this list, in this order, until a
// stage takes it. docs/architecture.md ("The key path") says the same in
// prose; TestNoKeyBoundTwice checks that no key is bound by two stages (or
// twice in one) in any context, so none is shadowed.
var keyPath = []keyStage{
	{"force quit", forceQuitKeys, forceQuitKey},
	{"open modal", modalKeys, modalKey},
	{"leave reading mode", nil, leaveReadingKey},
	{"global", globalBindings, globalKey},
	{"layout", layoutBindings, layoutKey},
	{"modal openers", openerBindings, openerKey},
	{"strips", stripBindings, stripKey},
	{"focused pane", focusedBindings, focusedKey},
}

// keyStage is one stage of the key path.
type keyStage struct {
	name string
	// keys are the bindings the stage answers now, in this context (nil
	// for a stage that takes no key of its own).
	keys func(m *Model) []key.Binding
	// take acts on a key and reports whether the key stops here.
	take func(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd)
}

func (m Model) handleKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	for _, s := range keyPath {
		if taken, cmd := s.take(&m, k); taken {
			return m, cmd
		}
	}
	return m, nil
}

// modalOpen says whether an open modal takes every key past force quit;
// the stages after it answer none of theirs then.
func (m *Model) modalOpen() bool { return m.modal != nil }

// 1. ctrl+c quits at once, from anywhere.
func forceQuitKeys(m *Model) []key.Binding { return []key.Binding{m.keys.ForceQuit} }

func forceQuitKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(k, m.keys.ForceQuit) {
		m.interrupted = true
		return true, tea.Quit
	}
	return false, nil
}

// 2. An open modal screen takes every other key.
func modalKeys(m *Model) []key.Binding {
	if !m.modalOpen() {
		return nil
	}
	return flat(m.modal.help().FullHelp())
}

func modalKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	if !m.modalOpen() {
		return false, nil
	}
	var cmd tea.Cmd
	m.modal, cmd = m.modal.update(k)
	return true, cmd
}

// 3. In reading mode, a key that goes to the panes (a navigator, the
// source, tab, esc) leaves reading mode first, and goes on down the path.
func leaveReadingKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	if m.reading && m.leavesReading(k) {
		m.setReading(false)
	}
	return false, nil
}

// 4. The global keys: quit, help, search, the navigators, the panes, the
// theme, the study keys.
func globalBindings(m *Model) []key.Binding {
	if m.modalOpen() {
		return nil
	}
	var out []key.Binding
	for _, b := range flat(m.keys.FullHelp()) {
		if b.Help() != m.keys.ForceQuit.Help() { // stage 1's
			out = append(out, b)
		}
	}
	return out
}

func globalKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	g := m.keys
	switch {
	case key.Matches(k, g.Quit):
		return true, tea.Quit
	case key.Matches(k, g.Help):
		m.openHelp()
	case key.Matches(k, g.Search):
		p, cmd := newPalette(m.th, m.b, m.items, m.searcher, m.history, m.cfg.library)
		m.openModal(asModal(p))
		return true, cmd
	case key.Matches(k, g.Outline):
		m.openNav(navOutline)
	case key.Matches(k, g.Timeline):
		m.openNav(navTimeline)
	case key.Matches(k, g.Actors):
		m.openNav(navActors)
	case key.Matches(k, g.Glossary):
		m.openNav(navGlossary)
	case key.Matches(k, g.Source):
		m.source = m.source.Highlight(sentencesOf(m.b, m.current))
		m.focusOn(paneSource)
	case key.Matches(k, g.NextPane):
		m.focusOn(nextPane(m.focus, 1))
	case key.Matches(k, g.PrevPane):
		m.focusOn(nextPane(m.focus, -1))
	case key.Matches(k, g.Back):
		if !m.dismissWarning() {
			m.back()
		}
	case key.Matches(k, g.Theme):
		m.dark = !m.dark
		m.setTheme()
	case m.st == nil && key.Matches(k, g.Bookmark, g.Note, g.Notes):
		return true, m.studyOff(key.Matches(k, g.Note, g.Notes))
	case key.Matches(k, g.Bookmark):
		if !notable(m.current) {
			return true, m.setStatus("select an item to bookmark", false)
		}
		return true, bookmarkCmd(m.st, m.current)
	case key.Matches(k, g.Note):
		if !notable(m.current) {
			return true, m.setStatus("select an item to write a note on", false)
		}
		m.openEditor(m.current)
	case key.Matches(k, g.Notes):
		m.openNotes()
	case key.Matches(k, g.Edit):
		m.exit = Exit{Edit: true}
		return true, tea.Quit
	default:
		return false, nil
	}
	return true, nil
}

// 5. The layout keys: zoom, the split, reading mode (zoom.go).
func layoutBindings(m *Model) []key.Binding {
	if m.modalOpen() {
		return nil
	}
	return flat(m.layoutKeys.FullHelp())
}

func layoutKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	return m.handleLayoutKey(k), nil
}

// 6. The keys that open a modal screen of their own, where they apply
// (screen.go: openers).
func openerBindings(m *Model) []key.Binding {
	if m.modalOpen() {
		return nil
	}
	return m.openerKeys()
}

func openerKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	if s, ok := m.opening(k); ok {
		m.openModal(s)
		return true, nil
	}
	return false, nil
}

// 7. A strip that shows (the timeline axis) takes its own keys before the
// focused pane.
func stripBindings(m *Model) []key.Binding {
	if m.modalOpen() {
		return nil
	}
	var out []key.Binding
	for p := range paneCount {
		if paneInfo[p].role == roleStrip && m.shown(p) {
			out = append(out, flat(m.pane(p).help().FullHelp())...)
		}
	}
	return out
}

func stripKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	for p := range paneCount {
		if paneInfo[p].role == roleStrip && m.shown(p) && binds(m.pane(p).help(), k) {
			return true, m.updatePane(p, k)
		}
	}
	return false, nil
}

// 8. The focused pane (reading mode's, when it shows) has the rest.
func focusedBindings(m *Model) []key.Binding {
	if m.modalOpen() {
		return nil
	}
	return flat(m.pane(m.focused()).help().FullHelp())
}

func focusedKey(m *Model, k tea.KeyPressMsg) (bool, tea.Cmd) {
	return true, m.updatePane(m.focused(), k)
}
