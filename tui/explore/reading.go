package explore

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/widget"
)

// Reading mode: the article alone, its paragraphs flowing at a comfortable
// measure in the middle of the screen, as a pager for prose (glow) shows a
// document. Sentence ids are hidden until asked for; the sentences of the
// selected item are marked ▌ in the margin and ] [ go from one to the next.
// A slim rail on the left names the themes when there is room for it.

// readMeasure is the widest the text gets: about as many characters per
// line as a book page holds.
const readMeasure = 72

// railW is the width of the themes rail, separator included; it shows only
// where it leaves the text its full measure.
const railW = 26

type readingKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextCited, PrevCited, IDs, Citers       key.Binding
}

func newReadingKeys() readingKeys {
	l := newListKeys("")
	return readingKeys{
		Up:        widget.Keys("↑/k", "scroll up", "up", "k"),
		Down:      widget.Keys("↓/j", "scroll down", "down", "j"),
		PageUp:    l.PageUp,
		PageDown:  l.PageDown,
		Top:       widget.Key("home", "beginning"),
		Bottom:    widget.Key("end", "end"),
		NextCited: widget.Key("]", "next cited sentence"),
		PrevCited: widget.Key("[", "previous cited sentence"),
		IDs:       widget.Key("i", "show / hide sentence ids"),
		Citers:    widget.Key("enter", "what cites the marked sentence"),
	}
}

func (k readingKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.NextCited, k.IDs}
}

func (k readingKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.NextCited, k.PrevCited, k.IDs, k.Citers}}
}

// rspan is a run of one sentence's words on a row (or its id).
type rspan struct {
	sent int
	text string
	id   bool
}

// rrow is a row of the article; a row with no spans is the blank between
// paragraphs.
type rrow struct{ spans []rspan }

// readingModel is reading mode's screen. The article's layout, marks and
// scroll are the core it shares with the source pane (article.go); it
// keeps where each row begins (the core's starts: a sentence and the
// number of its tokens, its id when shown and the pieces of its words, on
// the rows before) and flows the rows on screen again from them, so an
// article near the size limit costs 8 bytes a row rather than a copy of its
// text cut into spans. Its cursor is the sentence ] and [ reached, -1 for
// none.
type readingModel struct {
	articleCore
	b    *model.Briefing
	th   *Theme
	keys readingKeys
	// citedAny marks the sentences any item cites: ] and [ walk them when
	// the selected item cites none.
	citedAny []bool
	measure  int
	ids      bool
	current  model.Ref
}

func newReading(b *model.Briefing, th *Theme, ids bool) readingModel {
	m := readingModel{articleCore: newArticleCore(b, -1), b: b, th: th, keys: newReadingKeys(), ids: ids}
	m.citedAny = make([]bool, len(m.sents))
	for _, r := range citingRefs(b) {
		for _, id := range sentencesOf(b, r) {
			if i, ok := m.idx.find(id); ok {
				m.citedAny[i] = true
			}
		}
	}
	return m
}

// citingRefs lists every item that cites sentences.
func citingRefs(b *model.Briefing) []model.Ref {
	var refs []model.Ref
	for _, t := range b.Themes {
		for _, p := range t.Points {
			refs = append(refs, model.Ref{Kind: model.KindPoint, ID: p.ID})
		}
	}
	for _, e := range b.Timeline {
		refs = append(refs, model.Ref{Kind: model.KindEvent, ID: e.ID})
	}
	for _, a := range b.Actors {
		refs = append(refs, model.Ref{Kind: model.KindActor, ID: a.ID})
	}
	for _, t := range b.Glossary {
		refs = append(refs, model.Ref{Kind: model.KindTerm, ID: t.ID})
	}
	return refs
}

func (m readingModel) SetFocused(bool) readingModel    { return m }
func (m readingModel) Help() help.KeyMap               { return m.keys }
func (m readingModel) KeyMap() readingKeys             { return m.keys }
func (m readingModel) ShowsIDs() bool                  { return m.ids }
func (m readingModel) SetTheme(th *Theme) readingModel { m.th = th; return m.render() }

// geometry returns where the columns go in a row: the rail's width (0 when
// hidden), the padding before the margin, and the measure.
func (m readingModel) geometry() (rail, pad, measure int) {
	if len(m.b.Themes) > 0 && m.w >= railW+readMeasure+6 {
		rail = railW
	}
	measure = clamp(m.w-rail-4, 1, readMeasure)
	// The text is centred on the screen, not beside the rail, so that it
	// stays put as the rail comes and goes.
	pad = max((m.w-measure-2)/2-rail, 1)
	return rail, pad, measure
}

func (m readingModel) SetSize(w, h int) readingModel {
	if w == m.w && h == m.h && m.starts != nil {
		return m
	}
	top := m.topSentence()
	m.w, m.h = w, h
	_, _, measure := m.geometry()
	if measure != m.measure || m.starts == nil {
		m.measure = measure
		m.layout()
		switch {
		case m.top != "":
			m.resumeTop()
		case top >= 0:
			m.off = int(m.first[top])
		case m.cursor >= 0:
			m.off = m.reveal(m.cursor)
		case len(m.hlList) > 0:
			m.off = m.reveal(m.firstMarked())
		}
	}
	m.off = clamp(m.off, 0, m.maxOff())
	return m.render()
}

// topSentence is the sentence on the top row, -1 before the first layout.
func (m readingModel) topSentence() int {
	if len(m.starts) == 0 {
		return -1
	}
	return m.sentenceAt(m.off, 1)
}

// sentenceAt is the sentence on row r, looking on in direction d past the
// blanks between paragraphs.
func (m readingModel) sentenceAt(r, d int) int {
	for r >= 0 && r < m.nrows {
		if m.starts[r].sent >= 0 && d > 0 {
			return int(m.starts[r].sent)
		}
		if sp := m.row(r).spans; len(sp) > 0 {
			if d > 0 {
				return sp[0].sent
			}
			return sp[len(sp)-1].sent
		}
		r += d
	}
	if d > 0 {
		return len(m.sents) - 1
	}
	return 0
}

// layout flows each paragraph's words into rows of the measure, keeping
// where each row begins and the rows of each sentence.
func (m *readingModel) layout() {
	m.flow(m.measure, false, true, func(i int, fn func(string, int)) {
		m.eachToken(i, func(tok string, _ bool) { fn(tok, sanitize.Width(tok)) })
	})
}

// eachToken calls fn with the tokens of sentence i in order: its id when
// ids show, then its words, a word longer than the measure broken into
// pieces.
func (m readingModel) eachToken(i int, fn func(tok string, id bool)) {
	s := m.sents[i]
	if m.ids {
		fn(s.ID, true)
	}
	for _, w := range strings.Fields(s.Text) {
		if sanitize.Width(w) <= m.measure {
			fn(w, false) // what Wrap would return, without its allocations
			continue
		}
		for _, piece := range sanitize.Wrap(w, m.measure) {
			fn(piece, false)
		}
	}
}

// row flows row r again from where it begins to where the next begins
// (or its paragraph ends). Words of one sentence on a row are one span, so
// the highlight runs across the spaces between them.
func (m readingModel) row(r int) rrow {
	st := m.starts[r]
	if st.sent < 0 {
		return rrow{}
	}
	end := rstart{sent: -1}
	if r+1 < m.nrows {
		end = m.starts[r+1]
	}
	var spans []rspan
	for i := int(st.sent); i < len(m.sents); i++ {
		if i > int(st.sent) && m.sents[i].Paragraph != m.sents[i-1].Paragraph {
			break
		}
		t, done := 0, false
		m.eachToken(i, func(tok string, id bool) {
			switch {
			case done:
				return
			case i == int(end.sent) && t == int(end.tok):
				done = true
				return
			case i == int(st.sent) && t < int(st.tok):
			default:
				if n := len(spans); n > 0 && spans[n-1].sent == i && !spans[n-1].id && !id {
					spans[n-1].text += " " + tok
				} else {
					spans = append(spans, rspan{sent: i, text: tok, id: id})
				}
			}
			t++
		})
		if done {
			break
		}
	}
	return rrow{spans: spans}
}

// Highlight marks the sentences an item cites and, once laid out, puts the
// first on screen, a little below the top.
func (m readingModel) Highlight(r model.Ref, ids []string) readingModel {
	m.current = r
	marked := m.mark(ids)
	// The first cited sentence comes on screen; ▸ waits for ] or [.
	m.cursor = -1
	if marked && m.laidOut() {
		m.off = m.reveal(m.firstMarked())
	}
	return m.render()
}

// SetCursor marks a sentence as the one reached and puts it on screen.
func (m readingModel) SetCursor(id string) readingModel {
	if i, ok := m.idx.find(id); ok {
		m.cursor = i
		m.off = m.reveal(i)
	}
	return m.render()
}

func (m readingModel) Update(msg tea.Msg) (readingModel, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || len(m.sents) == 0 {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Up):
		return m.Scroll(-1), nil
	case key.Matches(km, k.Down):
		return m.Scroll(1), nil
	case key.Matches(km, k.PageUp):
		return m.Scroll(-max(m.h-1, 1)), nil
	case key.Matches(km, k.PageDown):
		return m.Scroll(max(m.h-1, 1)), nil
	case key.Matches(km, k.Top):
		return m.Scroll(-m.nrows), nil
	case key.Matches(km, k.Bottom):
		return m.Scroll(m.nrows), nil
	case key.Matches(km, k.NextCited):
		return m.cited(1), nil
	case key.Matches(km, k.PrevCited):
		return m.cited(-1), nil
	case key.Matches(km, k.IDs):
		return m.toggleIDs(), nil
	case key.Matches(km, k.Citers):
		if m.cursor >= 0 {
			return m, citersCmd(m.sents[m.cursor].ID)
		}
	}
	return m, nil
}

func (m readingModel) toggleIDs() readingModel {
	top := m.topSentence()
	m.ids = !m.ids
	if len(m.starts) == 0 {
		return m
	}
	m.layout()
	m.off = clamp(int(m.first[max(top, 0)]), 0, m.maxOff())
	return m.render()
}

// Scroll moves the window by n rows.
func (m readingModel) Scroll(n int) readingModel {
	m.off = clamp(m.off+n, 0, m.maxOff())
	return m.render()
}

// cited moves to the next (d 1) or previous (d -1) sentence the selected
// item cites, wrapping around; with none, to the next one any item cites;
// with none at all, to the next paragraph. The walk starts from the
// sentence reached last if it is on screen, else from the screen's edge.
func (m readingModel) cited(d int) readingModel {
	if len(m.starts) == 0 {
		return m
	}
	want := m.hl
	if len(m.hlList) == 0 {
		want = m.citedAny
	}
	from := m.cursor
	if from < 0 || !m.onScreen(from) {
		if d > 0 {
			from = m.sentenceAt(m.off, 1) - 1
		} else {
			from = m.sentenceAt(min(m.off+m.h, m.nrows)-1, -1) + 1
		}
	}
	paras := !anyTrue(want)
	i, ok := m.next(from, d, func(i int) bool {
		return want[i] || (paras && i > 0 && m.sents[i].Paragraph != m.sents[i-1].Paragraph)
	})
	if !ok {
		return m
	}
	m.cursor = i
	m.off = m.reveal(i)
	return m.render()
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// Click marks the sentence at line y of the screen.
func (m readingModel) Click(y int) (readingModel, tea.Cmd) {
	r := m.off + y
	if y < 0 || r >= m.nrows || m.starts[r].sent < 0 {
		return m, nil
	}
	m.cursor = int(m.starts[r].sent)
	return m.render(), nil
}

// Top says where the text is scrolled: the sentence the top row begins
// with (or the first after a blank there) and how many rows into it the
// top row is; "" before the first layout.
func (m readingModel) Top() (string, int) {
	if i := m.topSentence(); i >= 0 {
		return m.sents[i].ID, m.off - int(m.first[i])
	}
	return m.top, m.topRow
}

// ScrollTo scrolls to a place Top returned, now or, before the first
// layout, once laid out.
func (m readingModel) ScrollTo(id string, row int) readingModel {
	if m.seek(id, row) {
		return m.render()
	}
	return m
}

// Cursor is the id of the sentence reached with ] or [ or a click, if any.
func (m readingModel) Cursor() string {
	if m.cursor < 0 {
		return ""
	}
	return m.sents[m.cursor].ID
}

func (m readingModel) render() readingModel {
	if m.w <= 0 || m.h <= 0 || m.measure == 0 {
		m.lines = nil
		return m
	}
	rail, pad, measure := m.geometry()
	railLines := m.railLines(rail)
	right := max(m.w-rail-pad-2-measure, 0)
	lines := make([]string, 0, m.h)
	for i := 0; i < m.h; i++ {
		var b strings.Builder
		if rail > 0 {
			b.WriteString(railLines[i])
		}
		b.WriteString(spaces(pad))
		r := m.off + i
		if r >= m.nrows {
			b.WriteString(spaces(2 + measure + right))
			lines = append(lines, b.String())
			continue
		}
		m.writeRow(&b, m.row(r), measure)
		b.WriteString(spaces(right))
		lines = append(lines, b.String())
	}
	m.lines = lines
	return m
}

// writeRow draws a row: the margin (▸ on the sentence reached, ▌ beside a
// cited sentence), then the text, padded to the measure.
func (m readingModel) writeRow(b *strings.Builder, row rrow, measure int) {
	th := m.th
	cur, hl := false, false
	for _, sp := range row.spans {
		cur = cur || sp.sent == m.cursor
		hl = hl || m.hl[sp.sent]
	}
	switch {
	case cur:
		b.WriteString(th.mark.on("▸"))
	default:
		b.WriteString(" ")
	}
	if hl {
		b.WriteString(th.highlight.on("▌"))
	} else {
		b.WriteString(" ")
	}
	w := 0
	for j, sp := range row.spans {
		if j > 0 {
			b.WriteByte(' ')
			w++
		}
		t := sp.text
		if sp.id {
			t = th.dim.on(t)
		} else {
			t = m.paint(th, sp.sent, sp.sent == m.cursor, t)
		}
		b.WriteString(t)
		w += sanitize.Width(sp.text)
	}
	b.WriteString(spaces(measure - w))
}

// railLines is the themes rail, h rows of width w: the themes in order,
// the selected item's marked ▸.
func (m readingModel) railLines(w int) []string {
	if w == 0 {
		return nil
	}
	th := m.th
	inner := w - 2
	sel := ""
	switch m.current.Kind {
	case model.KindTheme:
		sel = m.current.ID
	case model.KindPoint:
		if p := m.b.Point(m.current.ID); p != nil {
			sel = p.Theme
		}
	}
	sep := th.border.on("│") + " "
	out := make([]string, m.h)
	rows := []string{th.dim.on(fit(" Themes", inner))}
	// Titles wrap rather than being cut: the rail is narrow, not lossy.
	for _, t := range m.b.Themes {
		if t.ID == sel {
			for _, l := range hang("▸ ", t.Title, inner) {
				rows = append(rows, th.selectedBlur.on(l))
			}
		} else {
			rows = append(rows, hang("  ", t.Title, inner)...)
		}
	}
	for i := range out {
		l := spaces(inner)
		if i < len(rows) {
			l = rows[i]
		}
		out[i] = l + sep
	}
	return out
}

// Title names the frame, and says when sentence ids show.
func (m readingModel) Title() string {
	if m.ids {
		return "Reading · ids"
	}
	return "Reading"
}
