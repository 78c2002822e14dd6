package explore

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// Panes are screens the root reaches through one accessor pair, pane(p)
// and setPane(p, s), the way it reaches the open modal: sizing, theming,
// focus, drawing, keys, the wheel and clicks go through paneView, and
// nothing else in the root switches on which pane it is. Adding a pane
// touches three files: its own, layout.go (its name and role in the pane
// list, and where the layout puts it) and root.go (its field in paneSet,
// made in newView, and its line in paneAt).

// paneScreen is what a type must be to be a pane: a screen that can show
// focus and names what its frame's bottom line says.
type paneScreen[T any] interface {
	screen[T]
	SetFocused(bool) T
	// Note is the frame's bottom note: the scroll position, a count.
	Note() string
}

// paneView is a pane as the root holds it, whatever its type.
type paneView interface {
	update(tea.Msg) (paneView, tea.Cmd)
	view() []string
	setSize(w, h int) paneView
	setTheme(*Theme) paneView
	setFocused(bool) paneView
	help() help.KeyMap
	title() string
	note() string
	scroll(n int) paneView
	click(y int) (paneView, tea.Cmd)
}

// paneOf makes a paneView of any pane; like modalOf, it is held by pointer
// and never changed in place.
type paneOf[T paneScreen[T]] struct{ s T }

func (o *paneOf[T]) update(msg tea.Msg) (paneView, tea.Cmd) {
	s, cmd := o.s.Update(msg)
	return &paneOf[T]{s}, cmd
}

func (o *paneOf[T]) view() []string              { return o.s.View() }
func (o *paneOf[T]) setSize(w, h int) paneView   { return &paneOf[T]{o.s.SetSize(w, h)} }
func (o *paneOf[T]) setTheme(th *Theme) paneView { return &paneOf[T]{o.s.SetTheme(th)} }
func (o *paneOf[T]) setFocused(f bool) paneView  { return &paneOf[T]{o.s.SetFocused(f)} }
func (o *paneOf[T]) help() help.KeyMap           { return o.s.Help() }
func (o *paneOf[T]) title() string               { return o.s.Title() }
func (o *paneOf[T]) note() string                { return o.s.Note() }

func (o *paneOf[T]) scroll(n int) paneView {
	if s, ok := any(o.s).(scroller[T]); ok {
		return &paneOf[T]{s.Scroll(n)}
	}
	return o
}

func (o *paneOf[T]) click(y int) (paneView, tea.Cmd) {
	if s, ok := any(o.s).(clicker[T]); ok {
		n, cmd := s.Click(y)
		return &paneOf[T]{n}, cmd
	}
	return o, nil
}

// paneRole says how a pane takes part in the screen.
type paneRole uint8

const (
	// rolePane: one of the panes side by side that tab moves the focus
	// between.
	rolePane paneRole = iota
	// roleStrip: a strip above the panes (the timeline axis), never
	// focused, that takes its own keys before the focused pane does.
	roleStrip
	// roleAlone: a pane that has the body to itself when shown (reading
	// mode), focused while it shows.
	roleAlone
)

// pane returns pane p as the root holds any pane.
func (m *Model) pane(p pane) paneView { return m.paneAt(p, nil) }

// setPane puts pane p back after a change.
func (m *Model) setPane(p pane, s paneView) { m.paneAt(p, s) }

// paneField reads the pane whose value f points to, boxed, or with put
// set stores put there.
func paneField[T paneScreen[T]](f *T, put paneView) paneView {
	if put != nil {
		*f = put.(*paneOf[T]).s
		return put
	}
	return &paneOf[T]{*f}
}

// updatePane gives pane p a message, then follows what it changed.
func (m *Model) updatePane(p pane, msg tea.Msg) tea.Cmd {
	sel, ev := m.navs[m.nav].Selected(), m.axis.cursor
	s, cmd := m.pane(p).update(msg)
	m.setPane(p, s)
	m.paneMoved(p, sel, ev)
	return cmd
}

// paneMoved makes the panes follow a selection that pane p moved: the
// event selected on the axis is selected in the timeline navigator, and
// the detail and the source show the navigator's selection (always after
// the navigator itself took a key). sel and ev are the navigator's
// selection and the axis's event before.
func (m *Model) paneMoved(p pane, sel model.Ref, ev int) {
	if i := m.axis.cursor; i != ev && i >= 0 && i < len(m.b.Timeline) {
		m.navs[navTimeline], _ = m.navs[navTimeline].Select(model.Ref{Kind: model.KindEvent, ID: m.b.Timeline[i].ID})
	}
	if p == paneNav || m.navs[m.nav].Selected() != sel {
		m.follow()
	}
}

// focused is the pane that takes keys: the one alone on screen (reading
// mode), else the focused one of the panes side by side.
func (m Model) focused() pane {
	if m.reading {
		return paneReading
	}
	return m.focus
}

// nextPane is the pane tab (d 1) or shift+tab (d -1) moves the focus to.
func nextPane(p pane, d int) pane {
	for range paneCount {
		p = (p + pane(d) + paneCount) % paneCount
		if paneInfo[p].role == rolePane {
			break
		}
	}
	return p
}

// shown reports whether the layout gives pane p a place now.
func (m Model) shown(p pane) bool { r := m.lay.panes[p]; return r.w > 0 && r.h > 0 }

// binds reports whether a key is one of a key map's bindings.
func binds(km help.KeyMap, k tea.KeyPressMsg) bool {
	for _, g := range km.FullHelp() {
		for _, b := range g {
			if key.Matches(k, b) {
				return true
			}
		}
	}
	return false
}

func (p pane) String() string { return paneInfo[p].name }
