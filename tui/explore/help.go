package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/axis"
	"github.com/brief-cli/brief/tui/widget"
)

// helpGroup is one titled group of bindings on the help screen.
type helpGroup struct {
	title    string
	bindings []key.Binding
}

type helpKeys struct {
	Up, Down, Close key.Binding
}

func newHelpKeys() helpKeys {
	return helpKeys{
		Up:    widget.Keys("↑/k", "scroll up", "up", "k"),
		Down:  widget.Keys("↓/j", "scroll down", "down", "j"),
		Close: widget.Keys("esc/?", "close help", "esc", "?"),
	}
}

func (k helpKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Close} }
func (k helpKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Up, k.Down, k.Close}} }

// helpModel is the help screen, generated from the key bindings of the
// focused component and the global ones, so it cannot drift from what the
// keys do, then the marks the views draw. Disabled bindings are left out.
//
// Each group is a block, its heading and its entries, laid out in as many
// columns as the width has room for: a block stays in one column where it
// fits one (its heading with its keys), an entry's words wrap in the
// column rather than being cut.
type helpModel struct {
	th     *Theme
	keys   helpKeys
	groups []helpGroup
	w, h   int
	off    int
	colW   int
	cols   [][]string // the columns, every line colW cells
	lines  []string
}

// helpEntry is one line of help before layout: a key (or a mark) and what
// it does (or means).
type helpEntry struct{ key, desc string }

// helpMarks explains the marks the views draw.
var helpMarks = []helpEntry{
	{"▸", "the cursor: the selected row or sentence; in a frame's title, the focused pane (its frame is heavy)"},
	{"▾ ▹", "a theme of the outline, unfolded / folded"},
	{"★", "bookmarked (m)"},
	{"✎", "has a note (n)"},
	{"·", "visited: you have been there"},
	{"▌", "a sentence the selected item rests on, in the source and in reading mode"},
	{"¶", "paragraphs of the source (in the outline's Source row)"},
	{"•", "a speaker note or a question for discussion (in the detail)"},
	{string(axis.PointGlyph) + " " + string(axis.ApproxPointGlyph), "an event on the timeline axis; hollow when approximate"},
	{string(axis.BandGlyph), "a period on the axis"},
	{string(axis.FadeGlyph) + " " + string(axis.OpenGlyph), "a vague end of a period fading (░), an open end (┈): \"until 1999\", \"since 2010\""},
	{string(axis.SelectedPointGlyph) + " " + string(axis.SelectedBandGlyph), "the selected event on the axis"},
	{string(axis.ArticleGlyph), "the article's date on the axis"},
	{string(axis.LeaderGlyph), "a leader from an axis label to its event"},
	{"⚠", "the briefing's file has an error: the last good version shows"},
	{"!", "in the footer: something went wrong, and what"},
}

func newHelp(th *Theme, groups []helpGroup) helpModel {
	return helpModel{th: th, keys: newHelpKeys(), groups: groups}
}

func (m helpModel) KeyMap() helpKeys { return m.keys }

func (m helpModel) SetTheme(th *Theme) helpModel { m.th = th; return m.SetSize(m.w, m.h) }

// helpMinCol is the narrowest column the help is laid out in, when there
// is room for more than one.
const helpMinCol = 36

// helpMaxKey is the widest key column.
const helpMaxKey = 12

func (m helpModel) SetSize(w, h int) helpModel {
	m.w, m.h = w, h
	n := max((w+2)/(helpMinCol+2), 1)
	// The fewest (so the widest) columns that hold everything without
	// scrolling; else as many as there is room for.
	for k := 1; k <= n; k++ {
		m.colW = max((w-2*(k-1))/k, 1)
		if m.build(k) || k == n {
			break
		}
	}
	m.off = clamp(m.off, 0, m.maxOff())
	return m.render()
}

// entries is a group's lines of help: its enabled bindings.
func (g helpGroup) entries() []helpEntry {
	var out []helpEntry
	for _, b := range g.bindings {
		if h := b.Help(); b.Enabled() && h.Key != "" {
			out = append(out, helpEntry{h.Key, h.Desc})
		}
	}
	return out
}

// block lays out one group: its heading, then each entry with its key in a
// column of kw cells and its words wrapped beside it (a key wider than the
// column has a line of its own, its words under it).
func (m helpModel) block(title string, es []helpEntry, kw int) []string {
	w := m.colW
	out := []string{m.th.heading.on(fit(title, w))}
	dw := max(w-kw-2, 8)
	for _, e := range es {
		key := " " + e.key
		words := wrap(e.desc, dw, "")
		if sanitize.Width(key) > kw {
			for _, l := range wrap(e.key, w-1, " ") {
				out = append(out, m.th.keyText.on(fit(l, w)))
			}
			key = ""
		}
		for i, l := range words {
			k := spaces(kw)
			if i == 0 && key != "" {
				k = m.th.keyText.on(fit(key, kw))
			}
			out = append(out, k+"  "+fit(l, w-kw-2))
		}
	}
	return out
}

// build lays the groups out in n columns, and reports whether they fit
// the screen's height (columns that do not grow taller, to scroll).
func (m *helpModel) build(n int) bool {
	kw := 0
	var blocks []helpBlock
	type grp struct {
		title string
		es    []helpEntry
	}
	var gs []grp
	for _, g := range m.groups {
		gs = append(gs, grp{g.title, g.entries()})
	}
	gs = append(gs, grp{"Marks", helpMarks})
	// The key column is as wide as the keys, but for the few long ones
	// ("↑ on the first"), which take a line of their own.
	limit := min(helpMaxKey, max(m.colW/3, 4))
	for _, g := range gs {
		for _, e := range g.es {
			if w := sanitize.Width(e.key) + 1; w <= limit {
				kw = max(kw, w)
			}
		}
	}
	for _, g := range gs {
		blocks = append(blocks, helpBlock{g.title, m.block(g.title, g.es, kw)})
	}
	// The shortest columns that hold every block in n columns, at least
	// the screen's height: blocks are not split unless one is taller.
	rows := m.perCol()
	for {
		cols := packHelp(blocks, rows, m.colW, m.th)
		if len(cols) <= n {
			m.cols = cols
			return rows == m.perCol()
		}
		rows++
	}
}

// helpBlock is a group laid out: its title and its lines.
type helpBlock struct {
	title string
	lines []string
}

// packHelp puts blocks into columns of at most rows lines, a blank line
// between blocks: a block goes whole in the column where it fits, else
// starts the next; one taller than a column is split, its heading repeated
// where it goes on.
func packHelp(blocks []helpBlock, rows, w int, th *Theme) [][]string {
	var cols [][]string
	var cur []string
	for _, blk := range blocks {
		b := blk.lines
		need := len(b)
		if len(cur) > 0 {
			need++
		}
		if len(cur)+need > rows && len(cur) > 0 {
			cols, cur = append(cols, cur), nil
		}
		if len(cur) > 0 {
			cur = append(cur, spaces(w))
		}
		for _, l := range b {
			if len(cur) >= rows {
				cols = append(cols, cur)
				cur = []string{th.heading.on(fit(blk.title+" (more)", w))}
			}
			cur = append(cur, l)
		}
	}
	if len(cur) > 0 {
		cols = append(cols, cur)
	}
	return cols
}

// perCol is the rows of one column; the last row of the screen says how to
// close.
func (m helpModel) perCol() int { return max(m.h-1, 1) }

func (m helpModel) maxOff() int {
	n := 0
	for _, c := range m.cols {
		n = max(n, len(c))
	}
	return max(n-m.perCol(), 0)
}

func (m helpModel) Update(msg tea.Msg) (helpModel, tea.Cmd) {
	return pagerKey(m, msg, m.keys.Up, m.keys.Down, m.keys.Close)
}

// pagerKey handles the keys of a screen that only scrolls and closes: the
// help screen, the legend.
func pagerKey[T scroller[T]](m T, msg tea.Msg, up, down, close key.Binding) (T, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(km, close):
		return m, closeModalCmd
	case key.Matches(km, up):
		return m.Scroll(-1), nil
	case key.Matches(km, down):
		return m.Scroll(1), nil
	}
	return m, nil
}

func (m helpModel) Scroll(n int) helpModel {
	m.off = clamp(m.off+n, 0, m.maxOff())
	return m.render()
}

func (m helpModel) render() helpModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	rows := m.perCol()
	lines := make([]string, 0, m.h)
	for r := 0; r < rows; r++ {
		line, used := "", 0
		for c, col := range m.cols {
			i := m.off + r
			if i >= len(col) {
				continue
			}
			line += spaces(c*(m.colW+2) - used)
			line += col[i]
			used = c*(m.colW+2) + m.colW
		}
		lines = append(lines, line+spaces(max(m.w-used, 0)))
	}
	hint := "esc or ? closes help"
	if m.maxOff() > 0 {
		hint += " · ↑/↓ scroll"
	}
	lines = append(lines, m.th.dim.on(fit(hint, m.w)))
	m.lines = lines
	return m
}

func (m helpModel) View() []string { return m.lines }
