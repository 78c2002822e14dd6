package explore

import (
	"sort"
	"strconv"
	"strings"

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

// The pane keeps, per sentence, the first and last of its rows at the
// current width, not the rows: the rows on screen are wrapped again when
// drawn (the sentences of the last drawing are kept, see wrapMemo). On an
// article near the size limit the rows would be another copy of its text
// cut into strings, some 45 MiB.

// sourceModel shows the article sentence by sentence with ids in a gutter.
// The sentences the current item cites carry ▌ in the gutter and the
// highlight style; in focus, a cursor ▸ walks the sentences and enter lists
// the points, events and terms citing the one under it.
type sourceModel struct {
	b       *model.Briefing
	th      *Theme
	keys    sourceKeys
	sents   []*model.Sentence
	idx     sentIndex
	idW     int
	w, h    int
	nrows   int       // rows of the article at the current width
	first   []int32   // first row of each sentence
	last    []int32   // last row of each sentence (first-1 for one with no text)
	memo    *wrapMemo // the wrapped sentences of the last drawing
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
	m := sourceModel{b: b, th: th, keys: newSourceKeys(), idx: newSentIndex(b), memo: &wrapMemo{}}
	m.sents = m.idx.sents
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
	if i, ok := m.idx.find(m.top); ok && m.top != "" && len(m.first) > 0 {
		m.off = clamp(int(m.first[i])+m.topRow, 0, m.maxOff())
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
	if m.nrows == 0 || m.off >= m.nrows {
		return m.top, m.topRow
	}
	i := m.sentenceAt(m.off)
	return m.sents[i].ID, m.off - int(m.first[i])
}

// SetTop scrolls to a place Top returned, now or, before the article is
// laid out, once it is.
func (m sourceModel) SetTop(id string, row int) sourceModel {
	i, ok := m.idx.find(id)
	if !ok {
		return m
	}
	if len(m.first) == 0 || m.w <= 0 {
		m.top, m.topRow = id, row
		return m
	}
	m.off = clamp(int(m.first[i])+row, 0, m.maxOff())
	return m.render()
}

func (m sourceModel) maxOff() int { return max(m.nrows-m.h, 0) }

// layout counts the rows of each sentence wrapped to the width, with a
// blank row between paragraphs; it runs only when the width changes.
func (m *sourceModel) layout() {
	tw := m.textWidth()
	m.first = make([]int32, len(m.sents))
	m.last = make([]int32, len(m.sents))
	n := 0
	for i, s := range m.sents {
		if i > 0 && s.Paragraph != m.sents[i-1].Paragraph {
			n++
		}
		m.first[i] = int32(n)
		n += len(sanitize.Wrap(s.Text, tw))
		m.last[i] = int32(n - 1)
	}
	m.nrows = n
	*m.memo = wrapMemo{}
}

// rowAt says what row r shows: line j of sentence i, or (-1, 0) for a
// blank between paragraphs.
func (m sourceModel) rowAt(r int) (i, j int) {
	if r < 0 || r >= m.nrows {
		return -1, 0
	}
	// The last sentence starting at or before r holds it, unless r is the
	// blank after it.
	i = sort.Search(len(m.first), func(k int) bool { return int(m.first[k]) > r }) - 1
	if i < 0 || r > int(m.last[i]) {
		return -1, 0
	}
	return i, r - int(m.first[i])
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

// sentIndex finds a sentence's position in the article from its id, its
// location "pN.sM": the sentences of the paragraphs before N, plus M-1.
// It stands for a map of every id, which would weigh some 6 MiB on an
// article near the size limit.
type sentIndex struct {
	sents []*model.Sentence
	para  []int32 // para[p] is the position of paragraph p's first sentence
}

func newSentIndex(b *model.Briefing) sentIndex {
	ps := b.Source.Paragraphs
	x := sentIndex{para: make([]int32, len(ps)+1)}
	for p, par := range ps {
		x.para[p+1] = x.para[p] + int32(len(par.Sentences))
	}
	x.sents = make([]*model.Sentence, 0, x.para[len(ps)])
	for _, par := range ps {
		x.sents = append(x.sents, par.Sentences...)
	}
	return x
}

// find returns the position of the sentence with the id.
func (x sentIndex) find(id string) (int, bool) {
	ps, ss, ok := strings.Cut(strings.TrimPrefix(id, "p"), ".s")
	if !ok {
		return 0, false
	}
	p, err1 := strconv.Atoi(ps)
	s, err2 := strconv.Atoi(ss)
	if err1 != nil || err2 != nil || p < 1 || p >= len(x.para) || s < 1 || int(x.para[p-1])+s > int(x.para[p]) {
		return 0, false
	}
	i := int(x.para[p-1]) + s - 1
	if x.sents[i].ID != id { // "p03.s1" and "+3" are not ids
		return 0, false
	}
	return i, true
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
	for _, i := range m.hlList {
		m.hl[i] = false
	}
	m.hlList = m.hlList[:0]
	for _, id := range ids {
		if i, ok := m.idx.find(id); ok && !m.hl[i] {
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
	f, l := int(m.first[i]), int(m.last[i])
	if f >= m.off && l < m.off+m.h {
		return m.off
	}
	return clamp(f-m.h/4, 0, m.maxOff())
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
	if len(m.first) == 0 {
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
	m.off = clamp(m.off+n, 0, m.maxOff())
	if len(m.first) > 0 && (int(m.last[m.cursor]) < m.off || int(m.first[m.cursor]) >= m.off+m.h) {
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
	next := map[int][]string{}
	for r := m.off; r < m.nrows && len(lines) < m.h; r++ {
		sent, j := m.rowAt(r)
		if sent < 0 {
			lines = append(lines, spaces(m.w-tw)+spaces(tw))
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
		t := m.wrapped(sent, tw, next)[j]
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
	m.memo.tw, m.memo.lines = tw, next
	return m
}

func (m sourceModel) View() []string { return m.lines }

// Note is the frame's note: the scroll position.
func (m sourceModel) Note() string { return scrollInfo(m.Scrolled()) }

func init() {
	registerPane(paneSource, "Source", rolePane, func(m *Model) *sourceModel { return &m.source }, nil)
}

// Scrolled reports the scroll position as first row, rows shown, total.
func (m sourceModel) Scrolled() (int, int, int) { return m.off, m.h, m.nrows }
