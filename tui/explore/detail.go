package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// rowStyle says how a row of the detail pane is drawn.
type rowStyle uint8

const (
	rowPlain rowStyle = iota
	rowTitle
	rowHeading
	rowDim
	rowQuote
	rowLink
)

// drow is one line of the detail pane; link rows carry the item enter
// jumps to.
type drow struct {
	text  string
	style rowStyle
	link  int // index into detailModel.links, -1 if none
}

// dlink is a jumpable block of rows.
type dlink struct {
	first, last int
	ref         model.Ref
}

type detailKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Open key.Binding
}

func newDetailKeys() detailKeys {
	k := newListKeys("jump to link")
	k.Up.SetHelp("↑/k", "previous link / scroll")
	k.Down.SetHelp("↓/j", "next link / scroll")
	return detailKeys(k)
}

func (k detailKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Open} }
func (k detailKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}}
}

// detailModel shows the selected item: its text, quotes, related actors and
// events, notes and the sentences it cites. Quotes, actors, events and
// points are links: up/down moves between them and enter follows one.
type detailModel struct {
	b       *model.Briefing
	th      *Theme
	keys    detailKeys
	ref     model.Ref
	w, h    int
	rows    []drow
	links   []dlink
	link    int // current link, -1 for none
	off     int
	focused bool
	lines   []string
	study   *studySnap
}

func newDetail(b *model.Briefing, th *Theme) detailModel {
	return detailModel{b: b, th: th, keys: newDetailKeys(), link: -1}
}

func (m detailModel) KeyMap() detailKeys { return m.keys }

// Show puts an item in the pane.
func (m detailModel) Show(r model.Ref) detailModel {
	if r == m.ref && m.rows != nil {
		return m
	}
	m.ref = r
	m.off = 0
	return m.build()
}

func (m detailModel) SetSize(w, h int) detailModel {
	if w == m.w && h == m.h {
		return m
	}
	m.w, m.h = w, h
	return m.build()
}

func (m detailModel) SetTheme(th *Theme) detailModel { m.th = th; return m.render() }

// SetStudy shows the reader's bookmark and note on the item, keeping the
// scroll position.
func (m detailModel) SetStudy(snap *studySnap) detailModel {
	m.study = snap
	off, link := m.off, m.link
	m = m.build()
	m.off = clamp(off, 0, max(len(m.rows)-m.h, 0))
	if link < len(m.links) {
		m.link = link
	}
	return m.render()
}

func (m detailModel) SetFocused(f bool) detailModel {
	if f == m.focused {
		return m
	}
	m.focused = f
	if f && m.link < 0 {
		// Point at the first link on screen, so enter has somewhere to go.
		for i, l := range m.links {
			if l.first >= m.off && l.first < m.off+m.h {
				m.link = i
				break
			}
		}
	}
	return m.render()
}

func (m detailModel) build() detailModel {
	if m.w <= 2 {
		m.rows, m.links = nil, nil
		return m.render()
	}
	d := detailBuilder{b: m.b, study: m.study, w: m.w - 2}
	d.item(m.ref)
	m.rows, m.links = d.rows, d.links
	m.link = -1
	if len(m.links) > 0 && m.focused {
		m.link = 0
	}
	m.off = clamp(m.off, 0, max(len(m.rows)-m.h, 0))
	return m.render()
}

func (m detailModel) Update(msg tea.Msg) (detailModel, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Up):
		return m.step(-1), nil
	case key.Matches(km, k.Down):
		return m.step(1), nil
	case key.Matches(km, k.PageUp):
		return m.Scroll(-max(m.h-1, 1)), nil
	case key.Matches(km, k.PageDown):
		return m.Scroll(max(m.h-1, 1)), nil
	case key.Matches(km, k.Top):
		return m.Scroll(-len(m.rows)), nil
	case key.Matches(km, k.Bottom):
		return m.Scroll(len(m.rows)), nil
	case key.Matches(km, k.Open):
		if m.link >= 0 && m.link < len(m.links) {
			l := m.links[m.link]
			return m, jumpCmd(l.ref, l.ref.Kind == model.KindSentence)
		}
	}
	return m, nil
}

// step moves to the next or previous link, or scrolls when there is none
// in that direction on or near the screen.
func (m detailModel) step(d int) detailModel {
	next := m.link + d
	if m.link < 0 && d > 0 {
		next = 0
	}
	if next >= 0 && next < len(m.links) {
		l := m.links[next]
		// Follow the link if it is on screen or within a screen's reach.
		if l.first < m.off+2*m.h && l.last >= m.off-m.h {
			m.link = next
			m.off = scrollTo(m.off, l.last, m.h, len(m.rows))
			m.off = scrollTo(m.off, l.first, m.h, len(m.rows))
			return m.render()
		}
	}
	return m.Scroll(d)
}

// Scroll moves the window by n rows.
func (m detailModel) Scroll(n int) detailModel {
	m.off = clamp(m.off+n, 0, max(len(m.rows)-m.h, 0))
	return m.render()
}

// Click follows the link at line y of the pane, if there is one.
func (m detailModel) Click(y int) (detailModel, tea.Cmd) {
	i := m.off + y
	if y < 0 || i >= len(m.rows) || m.rows[i].link < 0 {
		return m, nil
	}
	m.link = m.rows[i].link
	l := m.links[m.link]
	return m.render(), jumpCmd(l.ref, l.ref.Kind == model.KindSentence)
}

func (m detailModel) render() detailModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	lines := make([]string, 0, m.h)
	for i := m.off; i < len(m.rows) && len(lines) < m.h; i++ {
		r := m.rows[i]
		t := fit(r.text, m.w-2)
		cur := r.link >= 0 && r.link == m.link && m.focused
		mark := " "
		if cur {
			mark = "▸"
		}
		switch {
		case cur:
			t = th.selected.on(t)
		case r.style == rowTitle || r.style == rowHeading:
			t = th.heading.on(t)
		case r.style == rowDim:
			t = th.dim.on(t)
		case r.style == rowQuote:
			t = th.quote.on(t)
		case r.style == rowLink:
			t = th.link.on(t)
		}
		lines = append(lines, mark+t+" ")
	}
	m.lines = lines
	return m
}

func (m detailModel) View() []string { return m.lines }

// Note is the frame's note: the scroll position.
func (m detailModel) Note() string { return scrollInfo(m.Scrolled()) }

// Scrolled reports the scroll position as first row, rows shown, total.
func (m detailModel) Scrolled() (int, int, int) { return m.off, m.h, len(m.rows) }
