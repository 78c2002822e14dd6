package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/widget"
)

// Panes that grow: z gives the focused pane the whole body and gives it
// back (as lazygit's + and k9s do), < and > move the split between the
// navigator and the panes beside it, and r switches to reading mode
// (reading.go), the article alone at a comfortable measure.

type layoutKeys struct {
	Zoom, Narrow, Widen, Read key.Binding
}

func newLayoutKeys() layoutKeys {
	return layoutKeys{
		Zoom:   widget.Key("z", "zoom the pane / back"),
		Narrow: widget.Key("<", "narrower navigator"),
		Widen:  widget.Key(">", "wider navigator"),
		Read:   widget.Key("r", "reading mode / back"),
	}
}

func (k layoutKeys) ShortHelp() []key.Binding { return []key.Binding{k.Read, k.Zoom} }
func (k layoutKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Read, k.Zoom, k.Narrow, k.Widen}}
}

// splitLimit bounds the split steps either way; beyond it the panes are at
// their narrowest anyway.
const splitLimit = 8

// handleLayoutKey acts on a key of layoutKeys, and reports whether it was
// one.
func (m *Model) handleLayoutKey(k tea.KeyPressMsg) bool {
	lk := m.layoutKeys
	switch {
	case key.Matches(k, lk.Read):
		m.setReading(!m.reading)
	case key.Matches(k, lk.Zoom):
		if m.reading {
			m.setReading(false)
		}
		m.zoom = !m.zoom
		m.relayout()
	case key.Matches(k, lk.Narrow):
		m.split = max(m.split-1, -splitLimit)
		m.relayout()
	case key.Matches(k, lk.Widen):
		m.split = min(m.split+1, splitLimit)
		m.relayout()
	default:
		return false
	}
	return true
}

// layoutOpts gathers what the layout depends on now.
func (m *Model) layoutOpts(axisRows, banner int) layoutOpts {
	o := layoutOpts{
		focus: m.focus, right: m.right, axisRows: axisRows, wideNav: m.nav == navActors,
		bannerRows: banner, zoom: m.zoom, split: m.split, reading: m.reading,
	}
	if m.docked() {
		// The note editor sits under the panes, which show the item's
		// sentences above it: the source takes the second pane.
		o.dockRows = dockHeight(m.h)
		if o.focus == paneDetail || m.w < 80 || m.zoom {
			o.focus = paneSource
		}
		o.right = paneSource
	}
	return o
}

// setReading switches reading mode on or off.
func (m *Model) setReading(on bool) {
	if m.reading == on {
		return
	}
	m.reading = on
	if on {
		m.zoom = false
	}
	m.relayout()
}

// leavesReading reports whether a key goes to the panes, so leaves reading
// mode first: the navigators, the source, the panes and back.
func (m *Model) leavesReading(k tea.KeyPressMsg) bool {
	g := m.keys
	for _, b := range []key.Binding{g.Outline, g.Timeline, g.Actors, g.Glossary, g.Source, g.NextPane, g.PrevPane, g.Back} {
		if key.Matches(k, b) {
			return true
		}
	}
	return false
}

// hasItems reports whether a briefing draws anything from its article: a
// plain article has no points to navigate.
func hasItems(b *model.Briefing) bool {
	for _, t := range b.Themes {
		if len(t.Points) > 0 {
			return true
		}
	}
	return len(b.Timeline) > 0 || len(b.Actors) > 0 || len(b.Glossary) > 0
}

// setNavWrap lets the navigator's rows wrap where it has the room to show
// whole titles: at 120 columns and up, or zoomed.
func (m *Model) setNavWrap() {
	m.navs[m.nav] = m.navs[m.nav].SetWrap(m.w >= 120 || m.zoom)
}
