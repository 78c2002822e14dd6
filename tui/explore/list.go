package explore

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
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
	// wrap, if set, renders every row whole at width w, in as many lines
	// as it needs; it is used where the pane has room for whole titles.
	wrap   func(b *model.Briefing, refs []model.Ref, w int) [][]string
	header func(b *model.Briefing, w int, wrapped bool) string
	// heading reports rows drawn as headings.
	heading func(r model.Ref) bool
	// expand, if set, renders the cursor's row in full over as many lines
	// as it needs at width w, where the other rows are cut to one (else
	// wrap, when set, does).
	expand func(b *model.Briefing, r model.Ref, w int) []string
	open   func(b *model.Briefing, r model.Ref) tea.Cmd
	// empty is said in place of rows when there are none.
	empty string
	// parent, if set, makes the list fold: it names the row a row folds
	// under (a point's theme), and the list hides a folded parent's rows.
	// The first two cells of a parent's row are left for its fold mark.
	parent func(b *model.Briefing, r model.Ref) (model.Ref, bool)
}

// navList is a navigator: a cursor over the rows of a navSpec. Lines are
// rendered when something changes, never in View.
type navList struct {
	spec    navSpec
	b       *model.Briefing
	th      *Theme
	keys    navKeys
	refs    []model.Ref
	index   map[model.Ref]int
	text    [][]string // rows formatted at the current width, each in one or more lines
	wrap    bool       // rows wrap (spec.wrap) rather than being cut to a line
	cut     bool       // they would, but are cut to a line to fit the pane (fold.go)
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
	// fold is the folding of a list whose spec has parent (fold.go); refs
	// and index then hold only the rows shown.
	fold *folding
}

func newNavList(b *model.Briefing, th *Theme, spec navSpec) navList {
	m := navList{spec: spec, b: b, th: th, keys: newNavKeys(spec.openHelp, spec.parent != nil)}
	m.refs = spec.rows(b)
	m.index = make(map[model.Ref]int, len(m.refs))
	for i, r := range m.refs {
		m.index[r] = i
	}
	if spec.parent != nil {
		m.fold = newFolding(b, m.refs, spec.parent)
		m = m.refold(m.Selected())
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

// Holds reports whether r is one of the list's rows, shown or folded away.
func (m navList) Holds(r model.Ref) bool {
	if m.fold != nil {
		return m.fold.has(r)
	}
	_, ok := m.index[r]
	return ok
}

// Cursor is the row index of the cursor.
func (m navList) Cursor() int { return m.cursor }

// Select moves the cursor to r, if the list holds it.
func (m navList) Select(r model.Ref) (navList, bool) {
	if m.fold != nil {
		if !m.fold.has(r) {
			return m, false
		}
		m.fold = m.fold.reveal(r)
		m = m.refold(r)
	}
	i, ok := m.index[r]
	if !ok {
		return m, false
	}
	m.cursor = i
	m.off = m.scrollTo(i)
	return m.render(), true
}

func (m navList) KeyMap() navKeys { return m.keys }

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
	m = m.layoutText()
	m.off = m.scrollTo(m.cursor)
	return m.render()
}

// layoutText formats the rows shown at the current width.
func (m navList) layoutText() navList {
	tw := m.textWidth()
	m.cut = false
	if m.wrap && m.spec.wrap != nil {
		m.text = m.spec.wrap(m.b, m.refs, tw)
	}
	if m.wrap && m.fold != nil && m.text != nil {
		// A folding list is there to show its whole shape: rows wrap only
		// while every row still fits the pane, the points giving way
		// first, then the themes.
		m.text, m.cut = m.fold.fitRows(m.text, m.refs, m.spec.format(m.b, m.refs, tw), m.bodyHeight())
		if m.cut {
			return m.layoutHead(tw)
		}
	}
	if !m.wrap || m.spec.wrap == nil {
		lines := m.spec.format(m.b, m.refs, tw)
		m.text = make([][]string, len(lines))
		for i, l := range lines {
			m.text[i] = []string{l}
		}
	}
	return m.layoutHead(tw)
}

func (m navList) layoutHead(tw int) navList {
	m.head = ""
	if m.spec.header != nil {
		m.head = spaces(m.w-tw) + fit(m.spec.header(m.b, tw, m.wrap && m.spec.wrap != nil && !m.cut), tw)
	}
	return m
}

// SetWrap says whether rows wrap to show their whole text.
func (m navList) SetWrap(on bool) navList {
	if on == m.wrap {
		return m
	}
	m.wrap = on
	m.text = nil
	if m.w > 0 {
		return m.SetSize(m.w, m.h)
	}
	return m
}

// rowsOf is how many lines row i takes.
func (m navList) rowsOf(i int) int {
	return max(len(m.rowLines(i)), 1)
}

// rowLines is row i's lines. Where rows are cut to a line, the row under the
// cursor still shows its whole text, over as many lines as it needs.
func (m navList) rowLines(i int) []string {
	if i >= len(m.text) {
		return nil
	}
	oneLine := !m.wrap || m.cut
	if i == m.cursor && oneLine && m.spec.expand != nil {
		if ex := m.spec.expand(m.b, m.refs[i], m.textWidth()); len(ex) > 1 {
			return ex
		}
	}
	if i == m.cursor && oneLine && m.spec.wrap != nil && len(m.text[i]) == 1 && strings.Contains(m.text[i][0], "…") {
		if full := m.spec.wrap(m.b, m.refs[i:i+1], m.textWidth()); len(full) == 1 {
			return full[0]
		}
	}
	return m.text[i]
}

// scrollTo returns the offset (a row index) that shows the whole of row i,
// moving as little as possible from the current one.
func (m navList) scrollTo(i int) int {
	bh := m.bodyHeight()
	if bh <= 0 || len(m.refs) == 0 {
		return 0
	}
	off := min(m.off, i)
	for used := m.span(off, i); used > bh && off < i; used = m.span(off, i) {
		off++
	}
	return min(off, m.maxOff())
}

// span is how many lines rows from to to (inclusive) take.
func (m navList) span(from, to int) int {
	n := 0
	for i := from; i <= to; i++ {
		n += m.rowsOf(i)
	}
	return n
}

// maxOff is the last offset that still fills the pane.
func (m navList) maxOff() int {
	bh, used := m.bodyHeight(), 0
	for i := len(m.refs) - 1; i >= 0; i-- {
		used += m.rowsOf(i)
		if used > bh {
			return i + 1
		}
	}
	return 0
}

// lastShown is the last row wholly on screen from the offset.
func (m navList) lastShown() int {
	bh, used := m.bodyHeight(), 0
	for i := m.off; i < len(m.refs); i++ {
		used += m.rowsOf(i)
		if used > bh {
			return max(i-1, m.off)
		}
	}
	return len(m.refs) - 1
}

func (m navList) bodyHeight() int {
	if m.spec.header != nil {
		return m.h - 1
	}
	return m.h
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
		if m.fold.moved(m.refs[c]) {
			return m.refold(m.refs[c]), nil
		}
		m.off = m.scrollTo(c)
		return m.render(), nil
	}
	if m.fold != nil {
		if nm, cmd, ok := m.foldKey(km); ok {
			return nm, cmd
		}
	}
	if key.Matches(km, m.keys.Open) && len(m.refs) > 0 && m.spec.open != nil {
		return m, m.spec.open(m.b, m.Selected())
	}
	return m, nil
}

// Scroll moves the window by n rows, keeping the cursor inside it.
func (m navList) Scroll(n int) navList {
	m.off = clamp(m.off+n, 0, m.maxOff())
	c := clamp(m.cursor, m.off, m.lastShown())
	if c != m.cursor && m.fold.moved(m.refs[c]) {
		// The cursor left its theme: the themes fold as they would
		// under the keys, and the window keeps its place where it can.
		off := m.off
		m.cursor = c
		m = m.refold(m.refs[c])
		m.off = clamp(off, 0, m.maxOff())
		m.off = m.scrollTo(m.cursor)
		return m.render()
	}
	m.cursor = c
	return m.render()
}

// Click moves the cursor to the row at line y of the pane's content, if
// a row is there.
func (m navList) Click(y int) (navList, tea.Cmd) {
	if i, ok := m.rowAtLine(y); ok {
		m.cursor = i
		if m.fold.moved(m.refs[i]) {
			return m.refold(m.refs[i]), nil
		}
		return m.render(), nil
	}
	return m, nil
}

// rowAtLine is the row drawn at line y of the pane's content.
func (m navList) rowAtLine(y int) (int, bool) {
	if m.spec.header != nil {
		y--
	}
	if y < 0 {
		return 0, false
	}
	i := m.off
	for ; i < len(m.refs) && y >= m.rowsOf(i); i++ {
		y -= m.rowsOf(i)
	}
	return i, i < len(m.refs)
}

// Note is the frame's note: the cursor's row and the rows.
func (m navList) Note() string {
	i, total := m.Position()
	return fmt.Sprintf("%d/%d", i, total)
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
		for j, t := range m.rowLines(i) {
			if len(lines) >= m.h {
				break
			}
			if j == 0 && m.fold != nil {
				t = m.fold.mark(m.refs[i], t)
			}
			mk, pmk, cur := "", "", "▸ "
			if m.marks {
				f := m.study.flags(m.refs[i])
				mk, pmk = markPair(f), paintMarks(m.th, f)
			}
			if j > 0 {
				// A wrapped row's further lines carry no marks.
				mk, pmk, cur = spaces(len([]rune(mk))), spaces(len([]rune(mk))), "  "
			}
			switch {
			case i == m.cursor && m.focused:
				lines = append(lines, m.th.selected.on(mk+cur+t))
			case i == m.cursor:
				lines = append(lines, m.th.selectedBlur.on(mk+cur+t))
			case m.spec.heading != nil && m.spec.heading(m.refs[i]):
				lines = append(lines, pmk+m.th.heading.on("  "+t))
			default:
				lines = append(lines, pmk+"  "+t)
			}
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
	if m.fold != nil {
		// Counted over every row, folded or not: where the cursor is in
		// the whole briefing.
		return m.fold.at[m.Selected()] + 1, len(m.fold.all)
	}
	return m.cursor + 1, len(m.refs)
}
