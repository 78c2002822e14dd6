package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

type sourceKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextCited, PrevCited, Citers            key.Binding
}

func newSourceKeys() sourceKeys {
	l := newListKeys("")
	return sourceKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous sentence")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next sentence")),
		PageUp:    l.PageUp,
		PageDown:  l.PageDown,
		Top:       l.Top,
		Bottom:    l.Bottom,
		NextCited: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next cited sentence")),
		PrevCited: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous cited sentence")),
		Citers:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "what cites this sentence")),
	}
}

func (k sourceKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.NextCited, k.Citers}
}
func (k sourceKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.NextCited, k.PrevCited, k.Citers}}
}

// srow is one screen row of the article: part of a sentence, or the blank
// between paragraphs (sent -1).
type srow struct {
	sent  int
	text  string // fitted to the text column
	first bool   // the sentence's first row, which shows its id
}

// sourceModel shows the article sentence by sentence with ids in a gutter.
// The sentences the current item cites carry ▌ in the gutter and the
// highlight style; in focus, a cursor ▸ walks the sentences and enter lists
// the points, events and terms citing the one under it.
type sourceModel struct {
	b       *model.Briefing
	th      *Theme
	keys    sourceKeys
	sents   []*model.Sentence
	idx     map[string]int
	idW     int
	w, h    int
	rows    []srow
	first   []int // first row of each sentence
	last    []int // last row of each sentence
	hl      []bool
	hlList  []int
	cursor  int
	off     int
	focused bool
	lines   []string
	// study, when set, adds a mark after each sentence id: ✎ or ★ when an
	// item with a note or a bookmark cites the sentence (or it has one).
	study *studySnap
	marks bool
	// top, when set, is where to scroll once the article is laid out: a
	// sentence and a number of rows into it (resuming a reading position).
	top    string
	topRow int
}

func newSource(b *model.Briefing, th *Theme) sourceModel {
	m := sourceModel{b: b, th: th, keys: newSourceKeys(), sents: b.Sentences(), idx: sentenceIndex(b)}
	for _, s := range m.sents {
		m.idW = max(m.idW, sanitize.Width(s.ID))
	}
	m.hl = make([]bool, len(m.sents))
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

func (m sourceModel) textWidth() int {
	if m.marks {
		return max(m.w-m.idW-5, 1)
	}
	return max(m.w-m.idW-3, 1)
}

// SetStudy turns on the mark column (the first call with a snapshot) and
// shows the marks of snap.
func (m sourceModel) SetStudy(snap *studySnap) sourceModel {
	m.study = snap
	if snap != nil && !m.marks {
		m.marks = true
		if m.w > 0 {
			m.layout()
			m.off = scrollTo(m.off, m.firstRow(m.cursor), m.h, len(m.rows))
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
	m.off = clamp(m.off, 0, max(len(m.rows)-m.h, 0))
	if i, ok := m.idx[m.top]; ok && m.top != "" && len(m.first) > 0 {
		m.off = clamp(m.first[i]+m.topRow, 0, max(len(m.rows)-m.h, 0))
		m.top = ""
	} else if m.cursor < len(m.sents) {
		m.off = m.reveal(m.cursor)
	}
	return m.render()
}

// Top says where the pane is scrolled: the sentence whose rows reach the
// top row (or the first after a blank there) and how many rows into it
// the top row is (-1 for the blank above it).
func (m sourceModel) Top() (string, int) {
	if len(m.rows) == 0 || m.off >= len(m.rows) {
		return m.top, m.topRow
	}
	i := m.sentenceAt(m.off)
	return m.sents[i].ID, m.off - m.first[i]
}

// SetTop scrolls to a place Top returned, now or, before the article is
// laid out, once it is.
func (m sourceModel) SetTop(id string, row int) sourceModel {
	i, ok := m.idx[id]
	if !ok {
		return m
	}
	if len(m.first) == 0 || m.w <= 0 {
		m.top, m.topRow = id, row
		return m
	}
	m.off = clamp(m.first[i]+row, 0, max(len(m.rows)-m.h, 0))
	return m.render()
}

// layout wraps the article to the width; it runs only when the width
// changes.
func (m *sourceModel) layout() {
	tw := m.textWidth()
	m.rows = m.rows[:0]
	m.first = make([]int, len(m.sents))
	m.last = make([]int, len(m.sents))
	for i, s := range m.sents {
		if i > 0 && s.Paragraph != m.sents[i-1].Paragraph {
			m.rows = append(m.rows, srow{sent: -1, text: spaces(tw)})
		}
		m.first[i] = len(m.rows)
		for j, l := range sanitize.Wrap(s.Text, tw) {
			m.rows = append(m.rows, srow{sent: i, text: fit(l, tw), first: j == 0})
		}
		m.last[i] = len(m.rows) - 1
	}
}

func (m sourceModel) firstRow(i int) int {
	if i < len(m.first) {
		return m.first[i]
	}
	return 0
}

// Highlight marks the sentences an item cites, puts the cursor on the
// first and scrolls it into view, a little below the top.
func (m sourceModel) Highlight(ids []string) sourceModel {
	for _, i := range m.hlList {
		m.hl[i] = false
	}
	m.hlList = m.hlList[:0]
	for _, id := range ids {
		if i, ok := m.idx[id]; ok && !m.hl[i] {
			m.hl[i] = true
			m.hlList = append(m.hlList, i)
		}
	}
	if len(m.hlList) > 0 {
		m.top = "" // a new item's sentences win over a resumed scroll
		m.cursor = m.hlList[0]
		for _, i := range m.hlList {
			m.cursor = min(m.cursor, i)
		}
		m.off = m.reveal(m.cursor)
	}
	return m.render()
}

// reveal returns an offset showing sentence i: unchanged if it is wholly on
// screen, else with the sentence a quarter of the way down.
func (m sourceModel) reveal(i int) int {
	if len(m.first) == 0 {
		return 0
	}
	f, l := m.first[i], m.last[i]
	if f >= m.off && l < m.off+m.h {
		return m.off
	}
	return clamp(f-m.h/4, 0, max(len(m.rows)-m.h, 0))
}

// SetCursor puts the cursor on a sentence and scrolls it into view.
func (m sourceModel) SetCursor(id string) sourceModel {
	if i, ok := m.idx[id]; ok {
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
	m.off = scrollTo(m.off, m.last[i], m.h, len(m.rows))
	m.off = scrollTo(m.off, m.first[i], m.h, len(m.rows))
	return m.render()
}

// cited moves to the next (d 1) or previous (d -1) highlighted sentence,
// wrapping around.
func (m sourceModel) cited(d int) sourceModel {
	if len(m.hlList) == 0 {
		return m
	}
	n := len(m.sents)
	for s := 1; s <= n; s++ {
		i := ((m.cursor+d*s)%n + n) % n
		if m.hl[i] {
			m.cursor = i
			m.off = m.reveal(i)
			return m.render()
		}
	}
	return m
}

// Scroll moves the window by n rows and keeps the cursor on screen.
func (m sourceModel) Scroll(n int) sourceModel {
	m.off = clamp(m.off+n, 0, max(len(m.rows)-m.h, 0))
	if len(m.sents) > 0 && (m.last[m.cursor] < m.off || m.first[m.cursor] >= m.off+m.h) {
		m.cursor = m.sentenceAt(m.off)
		if m.first[m.cursor] < m.off && m.cursor+1 < len(m.sents) && m.off+m.h > m.first[m.cursor+1] {
			m.cursor++
		}
		if n < 0 {
			m.cursor = m.sentenceAt(min(m.off+m.h-1, len(m.rows)-1))
		}
	}
	return m.render()
}

// sentenceAt returns the sentence on row r (or the next one after a blank).
func (m sourceModel) sentenceAt(r int) int {
	for r < len(m.rows) && m.rows[r].sent < 0 {
		r++
	}
	if r >= len(m.rows) {
		return len(m.sents) - 1
	}
	return m.rows[r].sent
}

// Click puts the cursor on the sentence at line y of the pane.
func (m sourceModel) Click(y int) (sourceModel, bool) {
	r := m.off + y
	if y < 0 || r >= len(m.rows) || m.rows[r].sent < 0 {
		return m, false
	}
	m.cursor = m.rows[r].sent
	return m.render(), true
}

func (m sourceModel) render() sourceModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	lines := make([]string, 0, m.h)
	blankID := spaces(m.idW)
	for r := m.off; r < len(m.rows) && len(lines) < m.h; r++ {
		row := m.rows[r]
		if row.sent < 0 {
			lines = append(lines, spaces(m.w-m.textWidth())+row.text)
			continue
		}
		cur := row.sent == m.cursor && m.focused
		hl := m.hl[row.sent]
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
		if row.first {
			id = fit(m.sents[row.sent].ID, m.idW)
			id = th.dim.on(id)
			if m.marks {
				id += m.sentenceMark(row.sent)
			}
		} else if m.marks {
			id += "  "
		}
		t := row.text
		switch {
		case cur && hl:
			t = th.cursorHighlight.on(t)
		case cur:
			t = th.selected.on(t)
		case hl:
			t = th.highlight.on(t)
		}
		lines = append(lines, g+id+" "+t)
	}
	m.lines = lines
	return m
}

func (m sourceModel) View() []string { return m.lines }

// Scrolled reports the scroll position as first row, rows shown, total.
func (m sourceModel) Scrolled() (int, int, int) { return m.off, m.h, len(m.rows) }
