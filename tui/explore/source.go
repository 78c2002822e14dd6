package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/widget"
)

type sourceKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextCited, PrevCited, Citers            key.Binding
}

func newSourceKeys() sourceKeys {
	l := newListKeys("")
	return sourceKeys{
		Up:        widget.Keys("↑/k", "previous sentence", "up", "k"),
		Down:      widget.Keys("↓/j", "next sentence", "down", "j"),
		PageUp:    l.PageUp,
		PageDown:  l.PageDown,
		Top:       l.Top,
		Bottom:    l.Bottom,
		NextCited: widget.Key("]", "next cited sentence"),
		PrevCited: widget.Key("[", "previous cited sentence"),
		Citers:    widget.Key("enter", "what cites this sentence"),
	}
}

func (k sourceKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.NextCited, k.Citers}
}
func (k sourceKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.NextCited, k.PrevCited, k.Citers}}
}

// sourceModel shows the article sentence by sentence with ids in a gutter.
// The sentences the current item cites carry ▌ in the gutter and the
// highlight style; in focus, a cursor ▸ walks the sentences and enter lists
// the points, events and terms citing the one under it. The article's
// layout, marks and scroll are the core it shares with reading mode
// (article.go); a pane wider than the text column at its measure centres
// it, with a margin either side.
type sourceModel struct {
	articleCore
	b       *model.Briefing
	th      *Theme
	keys    sourceKeys
	idW     int
	memo    *wrapMemo // the wrapped sentences of the last drawing
	focused bool
	// study, when set, adds a mark after each sentence id: ✎ or ★ when an
	// item with a note or a bookmark cites the sentence (or it has one).
	study *studySnap
	marks bool
}

// sourceMeasure is the widest the source's text column gets, as in
// reading mode: a zoomed or very wide pane keeps a reading measure.
const sourceMeasure = readMeasure

func newSource(b *model.Briefing, th *Theme) sourceModel {
	m := sourceModel{articleCore: newArticleCore(b, 0), b: b, th: th, keys: newSourceKeys(), memo: &wrapMemo{}}
	for _, s := range m.sents {
		m.idW = max(m.idW, sanitize.Width(s.ID))
	}
	return m
}

func (m sourceModel) KeyMap() sourceKeys { return m.keys }

// CursorSentence is the id of the sentence under the cursor.
func (m sourceModel) CursorSentence() string {
	if m.cursor < len(m.sents) {
		return m.sents[m.cursor].ID
	}
	return ""
}

func (m sourceModel) SetTheme(th *Theme) sourceModel { m.th = th; return m.render() }

func (m sourceModel) SetFocused(f bool) sourceModel {
	if f == m.focused {
		return m
	}
	m.focused = f
	return m.render()
}

// gutterW is the width of the gutter before the text: the cursor and the
// cited mark, the id, the study mark, a space.
func (m sourceModel) gutterW() int {
	if m.marks {
		return m.idW + 5
	}
	return m.idW + 3
}

// textWidth is the width of the text column: the pane less the gutter, at
// most the measure.
func (m sourceModel) textWidth() int { return clamp(m.w-m.gutterW(), 1, sourceMeasure) }

// margin is the blank left of the gutter that centres the column in a pane
// wider than it.
func (m sourceModel) margin() int { return max((m.w-m.gutterW()-m.textWidth())/2, 0) }

// SetStudy turns on the mark column (the first call with a snapshot) and
// shows the marks of snap.
func (m sourceModel) SetStudy(snap *studySnap) sourceModel {
	m.study = snap
	if snap != nil && !m.marks {
		m.marks = true
		if m.w > 0 {
			m.layout()
			m.off = scrollTo(m.off, m.firstRow(m.cursor), m.h, m.nrows)
		}
	}
	return m.render()
}

// sentenceMark is the mark of sentence i: two cells.
func (m sourceModel) sentenceMark(i int) string {
	f := m.study.sentence(m.sents[i].ID) | m.study.flags(model.Ref{Kind: model.KindSentence, ID: m.sents[i].ID})
	switch {
	case f&markNote != 0:
		return " " + m.th.mark.on("✎")
	case f&markBookmark != 0:
		return " " + m.th.mark.on("★")
	}
	return "  "
}

func (m sourceModel) SetSize(w, h int) sourceModel {
	if w == m.w && h == m.h {
		return m
	}
	resize := w != m.w
	m.w, m.h = w, h
	if resize {
		m.layout()
	}
	// A sentence the new size hides comes back a quarter of the way down,
	// not pushed to the last row.
	m.off = clamp(m.off, 0, m.maxOff())
	if !m.resumeTop() && m.cursor < len(m.sents) {
		m.off = m.reveal(m.cursor)
	}
	return m.render()
}

// Top says where the pane is scrolled: the sentence whose rows reach the
// top row (or the first after a blank there) and how many rows into it
// the top row is (-1 for the blank above it).
func (m sourceModel) Top() (string, int) {
	if m.nrows == 0 || m.off >= m.nrows {
		return m.top, m.topRow
	}
	i := m.sentenceAt(m.off)
	return m.sents[i].ID, m.off - int(m.first[i])
}

// SetTop scrolls to a place Top returned, now or, before the article is
// laid out, once it is.
func (m sourceModel) SetTop(id string, row int) sourceModel {
	if m.seek(id, row) {
		return m.render()
	}
	return m
}

// layout counts the rows of each sentence wrapped to the text column, with
// a blank row between paragraphs; it runs only when the width changes.
func (m *sourceModel) layout() {
	tw := m.textWidth()
	m.flow(tw, true, false, func(i int, fn func(string, int)) {
		for _, l := range sanitize.Wrap(m.sents[i].Text, tw) {
			fn(l, tw) // a row each
		}
	})
	*m.memo = wrapMemo{}
}

// wrapMemo keeps the sentences wrapped for the last drawing, so that a
// keystroke wraps only the ones that come into view. It is a cache of a
// pure function of the text and the width, shared by copies of the pane.
type wrapMemo struct {
	tw    int
	lines map[int][]string
}

// wrapped returns sentence i wrapped to the text column, each line fitted
// to it, and records it in next.
func (m sourceModel) wrapped(i, tw int, next map[int][]string) []string {
	if ls, ok := next[i]; ok {
		return ls
	}
	ls, ok := m.memo.lines[i]
	if !ok || m.memo.tw != tw {
		ls = sanitize.Wrap(m.sents[i].Text, tw)
		for j, l := range ls {
			ls[j] = fit(l, tw)
		}
	}
	next[i] = ls
	return ls
}

func (m sourceModel) firstRow(i int) int {
	if i < len(m.first) {
		return int(m.first[i])
	}
	return 0
}

// Highlight marks the sentences an item cites, puts the cursor on the
// first and scrolls it into view, a little below the top.
func (m sourceModel) Highlight(ids []string) sourceModel {
	if m.mark(ids) {
		m.top = "" // a new item's sentences win over a resumed scroll
		m.cursor = m.firstMarked()
		m.off = m.reveal(m.cursor)
	}
	return m.render()
}

// SetCursor puts the cursor on a sentence and scrolls it into view.
func (m sourceModel) SetCursor(id string) sourceModel {
	if i, ok := m.idx.find(id); ok {
		m.cursor = i
		m.off = m.reveal(i)
	}
	return m.render()
}

func (m sourceModel) Update(msg tea.Msg) (sourceModel, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || len(m.sents) == 0 {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Up):
		return m.moveTo(m.cursor - 1), nil
	case key.Matches(km, k.Down):
		return m.moveTo(m.cursor + 1), nil
	case key.Matches(km, k.PageUp):
		return m.Scroll(-max(m.h-1, 1)), nil
	case key.Matches(km, k.PageDown):
		return m.Scroll(max(m.h-1, 1)), nil
	case key.Matches(km, k.Top):
		return m.moveTo(0), nil
	case key.Matches(km, k.Bottom):
		return m.moveTo(len(m.sents) - 1), nil
	case key.Matches(km, k.NextCited):
		return m.cited(1), nil
	case key.Matches(km, k.PrevCited):
		return m.cited(-1), nil
	case key.Matches(km, k.Citers):
		return m, citersCmd(m.CursorSentence())
	}
	return m, nil
}

func (m sourceModel) moveTo(i int) sourceModel {
	i = clamp(i, 0, len(m.sents)-1)
	if i == m.cursor {
		return m
	}
	m.cursor = i
	if !m.laidOut() {
		// Not laid out yet (below the minimum size): the cursor moves,
		// and comes into view when the pane has a size.
		return m
	}
	m.off = scrollTo(m.off, int(m.last[i]), m.h, m.nrows)
	m.off = scrollTo(m.off, int(m.first[i]), m.h, m.nrows)
	return m.render()
}

// cited moves to the next (d 1) or previous (d -1) highlighted sentence,
// wrapping around.
func (m sourceModel) cited(d int) sourceModel {
	i, ok := m.next(m.cursor, d, func(i int) bool { return m.hl[i] })
	if !ok {
		return m
	}
	m.cursor = i
	m.off = m.reveal(i)
	return m.render()
}

// Scroll moves the window by n rows and keeps the cursor on screen.
func (m sourceModel) Scroll(n int) sourceModel {
	m.off = clamp(m.off+n, 0, m.maxOff())
	if m.laidOut() && !m.onScreen(m.cursor) {
		m.cursor = m.sentenceAt(m.off)
		if int(m.first[m.cursor]) < m.off && m.cursor+1 < len(m.sents) && m.off+m.h > int(m.first[m.cursor+1]) {
			m.cursor++
		}
		if n < 0 {
			m.cursor = m.sentenceAt(min(m.off+m.h-1, m.nrows-1))
		}
	}
	return m.render()
}

// sentenceAt returns the sentence on row r (or the next one after a blank).
func (m sourceModel) sentenceAt(r int) int {
	for ; r < m.nrows; r++ {
		if i, _ := m.rowAt(r); i >= 0 {
			return i
		}
	}
	return len(m.sents) - 1
}

// Click puts the cursor on the sentence at line y of the pane.
func (m sourceModel) Click(y int) (sourceModel, tea.Cmd) {
	i, _ := m.rowAt(m.off + y)
	if y < 0 || i < 0 {
		return m, nil
	}
	m.cursor = i
	return m.render(), nil
}

func (m sourceModel) render() sourceModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	lines := make([]string, 0, m.h)
	blankID := spaces(m.idW)
	tw := m.textWidth()
	pad := m.margin()
	left, right := spaces(pad), spaces(m.w-pad-m.gutterW()-tw)
	next := map[int][]string{}
	for r := m.off; r < m.nrows && len(lines) < m.h; r++ {
		sent, j := m.rowAt(r)
		if sent < 0 {
			lines = append(lines, spaces(m.w))
			continue
		}
		cur := sent == m.cursor && m.focused
		hl := m.hl[sent]
		g := " "
		if cur {
			g = "▸"
		}
		if hl {
			g += "▌"
		} else {
			g += " "
		}
		id := blankID
		if j == 0 {
			id = fit(m.sents[sent].ID, m.idW)
			id = th.dim.on(id)
			if m.marks {
				id += m.sentenceMark(sent)
			}
		} else if m.marks {
			id += "  "
		}
		t := m.paint(th, sent, cur, m.wrapped(sent, tw, next)[j])
		lines = append(lines, left+g+id+" "+t+right)
	}
	m.lines = lines
	m.memo.tw, m.memo.lines = tw, next
	return m
}
