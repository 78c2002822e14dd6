package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// navKind names the navigators: the lists on the left that choose what the
// detail and source panes show.
type navKind int

const (
	navOutline navKind = iota
	navTimeline
	navActors
	navGlossary
	navCount
)

// navSpec is what tells one navigator from another: its rows, how a row
// reads at a width, and what enter does.
type navSpec struct {
	name     string
	view     string // how the store names it in a reading position
	openHelp string
	rows     func(b *model.Briefing) []model.Ref
	// format renders every row at width w (so columns can line up); header,
	// if set, is a fixed first line.
	format func(b *model.Briefing, refs []model.Ref, w int) []string
	header func(b *model.Briefing, w int) string
	// heading reports rows drawn as headings.
	heading func(r model.Ref) bool
	// expand, if set, renders the cursor's row in full over as many lines
	// as it needs at width w, where the other rows are cut to one.
	expand func(b *model.Briefing, r model.Ref, w int) []string
	open   func(b *model.Briefing, r model.Ref) tea.Cmd
	// empty is said in place of rows when there are none.
	empty string
}

// navList is a navigator: a cursor over the rows of a navSpec. Lines are
// rendered when something changes, never in View.
type navList struct {
	spec    navSpec
	b       *model.Briefing
	th      *Theme
	keys    listKeys
	refs    []model.Ref
	index   map[model.Ref]int
	text    []string // rows formatted at the current width
	head    string
	cursor  int
	off     int
	w, h    int
	focused bool
	lines   []string
	// study, when set, adds a column of marks (bookmark, note, visited)
	// before every row.
	study *studySnap
	marks bool
}

func newNavList(b *model.Briefing, th *Theme, spec navSpec) navList {
	m := navList{spec: spec, b: b, th: th, keys: newListKeys(spec.openHelp)}
	m.refs = spec.rows(b)
	m.index = make(map[model.Ref]int, len(m.refs))
	for i, r := range m.refs {
		m.index[r] = i
	}
	return m
}

// Selected is the item under the cursor.
func (m navList) Selected() model.Ref {
	if len(m.refs) == 0 {
		return model.Ref{}
	}
	return m.refs[m.cursor]
}

// Cursor is the row index of the cursor.
func (m navList) Cursor() int { return m.cursor }

// Select moves the cursor to r, if the list holds it.
func (m navList) Select(r model.Ref) (navList, bool) {
	i, ok := m.index[r]
	if !ok {
		return m, false
	}
	m.cursor = i
	m.off = scrollTo(m.off, i, m.pageHeight(), len(m.refs))
	return m.render(), true
}

func (m navList) KeyMap() listKeys { return m.keys }

func (m navList) SetTheme(th *Theme) navList { m.th = th; return m.render() }

// SetStudy turns on the mark column (the first call with a snapshot) and
// shows the marks of snap.
func (m navList) SetStudy(snap *studySnap) navList {
	m.study = snap
	if snap != nil && !m.marks {
		m.marks = true
		m.text = nil
		if m.w > 0 {
			return m.SetSize(m.w, m.h)
		}
	}
	return m.render()
}

// textWidth is the width of a row's text: the pane less the cursor and
// mark columns.
func (m navList) textWidth() int {
	w := m.w - 2
	if m.marks {
		w -= navMarkW
	}
	return max(w, 0)
}

func (m navList) SetFocused(f bool) navList {
	if m.focused == f {
		return m
	}
	m.focused = f
	return m.render()
}

func (m navList) SetSize(w, h int) navList {
	if w == m.w && h == m.h && m.text != nil {
		return m
	}
	m.w, m.h = w, h
	tw := m.textWidth()
	m.text = m.spec.format(m.b, m.refs, tw)
	m.head = ""
	if m.spec.header != nil {
		m.head = spaces(m.w-tw) + fit(m.spec.header(m.b, tw), tw)
	}
	m.off = scrollTo(m.off, m.cursor, m.pageHeight(), len(m.refs))
	return m.render()
}

func (m navList) bodyHeight() int {
	if m.spec.header != nil {
		return m.h - 1
	}
	return m.h
}

// expanded is the cursor's row in full, or nil when it keeps one line.
func (m navList) expanded() []string {
	if m.spec.expand == nil || len(m.refs) == 0 || m.w <= 0 {
		return nil
	}
	lines := m.spec.expand(m.b, m.refs[m.cursor], m.textWidth())
	if len(lines) < 2 {
		return nil
	}
	return lines[:min(len(lines), max(m.bodyHeight(), 1))]
}

// pageHeight is the rows that fit in the body with the cursor's row
// expanded.
func (m navList) pageHeight() int {
	return max(m.bodyHeight()-max(len(m.expanded())-1, 0), 1)
}

// Update moves the cursor or opens the row under it.
func (m navList) Update(msg tea.Msg) (navList, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if c, moved := m.keys.move(km, m.cursor, len(m.refs), m.bodyHeight()); moved {
		if c == m.cursor {
			return m, nil
		}
		m.cursor = c
		m.off = scrollTo(m.off, c, m.pageHeight(), len(m.refs))
		return m.render(), nil
	}
	if key.Matches(km, m.keys.Open) && len(m.refs) > 0 && m.spec.open != nil {
		return m, m.spec.open(m.b, m.Selected())
	}
	return m, nil
}

// Scroll moves the window by n rows, keeping the cursor inside it.
func (m navList) Scroll(n int) navList {
	bh := m.bodyHeight()
	m.off = clamp(m.off+n, 0, max(len(m.refs)-bh, 0))
	m.cursor = clamp(m.cursor, m.off, min(m.off+bh-1, len(m.refs)-1))
	return m.render()
}

// Click moves the cursor to the row at line y of the pane's content, and
// reports whether a row was there.
func (m navList) Click(y int) (navList, bool) {
	if m.spec.header != nil {
		y--
	}
	if extra := max(len(m.expanded())-1, 0); y > m.cursor-m.off {
		// Rows under the expanded cursor row sit lower by its extra lines.
		if y <= m.cursor-m.off+extra {
			return m.render(), true
		}
		y -= extra
	}
	i := m.off + y
	if y < 0 || i >= len(m.refs) {
		return m, false
	}
	m.cursor = i
	return m.render(), true
}

func (m navList) render() navList {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	lines := make([]string, 0, m.h)
	if m.spec.header != nil {
		lines = append(lines, m.th.heading.on(m.head))
	}
	if len(m.refs) == 0 && m.spec.empty != "" {
		for _, l := range wrap(m.spec.empty, m.w, "  ") {
			if len(lines) < m.h {
				lines = append(lines, m.th.dim.on(fit(l, m.w)))
			}
		}
	}
	for i := m.off; i < len(m.refs) && len(lines) < m.h; i++ {
		t := m.text[i]
		mk, pmk := "", ""
		if m.marks {
			f := m.study.flags(m.refs[i])
			mk, pmk = markPair(f), paintMarks(m.th, f)
		}
		if ex := m.expanded(); i == m.cursor && ex != nil {
			p := m.th.selectedBlur
			if m.focused {
				p = m.th.selected
			}
			lines = append(lines, p.on(mk+"▸ "+ex[0]))
			for _, l := range ex[1:] {
				if len(lines) < m.h {
					lines = append(lines, p.on(spaces(sanitize.Width(mk)+2)+l))
				}
			}
			continue
		}
		switch {
		case i == m.cursor && m.focused:
			lines = append(lines, m.th.selected.on(mk+"▸ "+t))
		case i == m.cursor:
			lines = append(lines, m.th.selectedBlur.on(mk+"▸ "+t))
		case m.spec.heading != nil && m.spec.heading(m.refs[i]):
			lines = append(lines, pmk+m.th.heading.on("  "+t))
		default:
			lines = append(lines, pmk+"  "+t)
		}
	}
	m.lines = lines
	return m
}

// View returns the rendered lines (each exactly the width of the pane).
func (m navList) View() []string { return m.lines }

// Position says where the cursor is, as "3/42".
func (m navList) Position() (int, int) {
	if len(m.refs) == 0 {
		return 0, 0
	}
	return m.cursor + 1, len(m.refs)
}
