package explore

import (
	"sort"
	"strconv"
	"strings"

	"github.com/brief-cli/brief/model"
)

// articleCore is what the source pane (source.go) and reading mode
// (reading.go) share: the article's sentences and an index from an id to
// its place, the rows each sentence covers at the current width (flow),
// the sentences the current item cites (mark, paint), the cursor and the
// scroll. The source pane adds the id gutter and draws a sentence per row;
// reading mode flows whole paragraphs at a reading measure.
//
// Only where rows begin and end is kept, not the rows: a view flows the
// rows on screen again when it draws them. On an article near the size
// limit the rows would be another copy of its text cut into strings.
type articleCore struct {
	sents []*model.Sentence
	idx   sentIndex
	w, h  int
	nrows int     // rows of the article at the current width; 0 before the first layout
	first []int32 // first row of each sentence
	last  []int32 // last row of each sentence (first-1 for one with no text in the source)
	// starts, kept when the layout is asked for it, is where each row
	// begins: reading mode flows a row again from it.
	starts []rstart
	hl     []bool // the sentences the current item cites
	hlList []int
	cursor int
	off    int
	lines  []string
	// top, when set, is where to scroll once the article is laid out: a
	// sentence and a number of rows into it (resuming a reading position).
	top    string
	topRow int
}

// rstart is where a row begins: a sentence and the number of its tokens
// on the rows before; sent is -1 for the blank between paragraphs.
type rstart struct{ sent, tok int32 }

func newArticleCore(b *model.Briefing, cursor int) articleCore {
	c := articleCore{idx: newSentIndex(b), cursor: cursor}
	c.sents = c.idx.sents
	c.hl = make([]bool, len(c.sents))
	return c
}

// laidOut reports whether the article has rows yet (it has none before
// the view has a size).
func (c articleCore) laidOut() bool { return len(c.first) > 0 }

func (c articleCore) maxOff() int { return max(c.nrows-c.h, 0) }

// flow lays the article out in rows of measure cells: a blank row between
// paragraphs, each sentence's tokens (from tokens, with their widths) left
// to right, a token that does not fit going to the next row. With own,
// each sentence starts a row of its own. keep keeps where each row begins.
func (c *articleCore) flow(measure int, own, keep bool, tokens func(i int, fn func(tok string, w int))) {
	c.first = make([]int32, len(c.sents))
	c.last = make([]int32, len(c.sents))
	c.starts = nil
	if keep {
		c.starts = make([]rstart, 0, len(c.sents))
	}
	rows, curW, inRow := 0, 0, 0 // rows begun; the width and tokens of the row being filled
	// row is the row being filled, or the next one when it is empty.
	row := func() int32 {
		if inRow > 0 {
			return int32(rows - 1)
		}
		return int32(rows)
	}
	begin := func(r rstart) {
		rows++
		if keep {
			c.starts = append(c.starts, r)
		}
	}
	for i, s := range c.sents {
		switch {
		case i > 0 && s.Paragraph != c.sents[i-1].Paragraph:
			begin(rstart{sent: -1})
			curW, inRow = 0, 0
		case own:
			curW, inRow = 0, 0
		}
		c.first[i] = -1
		t := 0
		tokens(i, func(_ string, ww int) {
			if curW > 0 && curW+1+ww > measure {
				curW, inRow = 0, 0
			}
			if inRow == 0 {
				begin(rstart{sent: int32(i), tok: int32(t)})
			}
			if curW > 0 {
				curW++
			}
			curW += ww
			inRow++
			t++
			if c.first[i] < 0 {
				c.first[i] = row()
			}
		})
		switch {
		case c.first[i] >= 0:
			c.last[i] = row() // the sentence ends on the row being filled
		case own:
			c.first[i], c.last[i] = int32(rows), int32(rows-1) // no text, no row
		default:
			c.first[i], c.last[i] = row(), row()
		}
	}
	c.nrows = rows
}

// rowAt says what row r shows: line j of sentence i, or (-1, 0) for a
// blank between paragraphs. It is for a layout where each sentence starts
// a row of its own.
func (c articleCore) rowAt(r int) (i, j int) {
	if r < 0 || r >= c.nrows {
		return -1, 0
	}
	// The last sentence starting at or before r holds it, unless r is the
	// blank after it.
	i = sort.Search(len(c.first), func(k int) bool { return int(c.first[k]) > r }) - 1
	if i < 0 || r > int(c.last[i]) {
		return -1, 0
	}
	return i, r - int(c.first[i])
}

// mark marks the sentences an item cites, and reports whether it cites
// any.
func (c *articleCore) mark(ids []string) bool {
	for _, i := range c.hlList {
		c.hl[i] = false
	}
	c.hlList = c.hlList[:0]
	for _, id := range ids {
		if i, ok := c.idx.find(id); ok && !c.hl[i] {
			c.hl[i] = true
			c.hlList = append(c.hlList, i)
		}
	}
	return len(c.hlList) > 0
}

// firstMarked is the first sentence in the article the item cites, -1
// for none.
func (c articleCore) firstMarked() int {
	if len(c.hlList) == 0 {
		return -1
	}
	first := c.hlList[0]
	for _, i := range c.hlList {
		first = min(first, i)
	}
	return first
}

// paint styles sentence i's text: the cursor, a cited sentence, both.
func (c articleCore) paint(th *Theme, i int, cur bool, t string) string {
	switch {
	case cur && c.hl[i]:
		return th.cursorHighlight.on(t)
	case cur:
		return th.selected.on(t)
	case c.hl[i]:
		return th.highlight.on(t)
	}
	return t
}

// reveal returns an offset showing sentence i: unchanged if it is wholly on
// screen, else with the sentence a quarter of the way down.
func (c articleCore) reveal(i int) int {
	if !c.laidOut() || i < 0 || i >= len(c.first) {
		return c.off
	}
	f, l := int(c.first[i]), int(c.last[i])
	if f >= c.off && l < c.off+c.h {
		return c.off
	}
	return clamp(f-c.h/4, 0, c.maxOff())
}

// onScreen reports whether a row of sentence i is on screen.
func (c articleCore) onScreen(i int) bool {
	return int(c.last[i]) >= c.off && int(c.first[i]) < c.off+c.h
}

// next is the sentence after from (d 1) or before it (d -1), wrapping
// around the article, that want accepts; ok is false when none does.
func (c articleCore) next(from, d int, want func(i int) bool) (int, bool) {
	n := len(c.sents)
	for s := 1; s <= n; s++ {
		if i := ((from+d*s)%n + n) % n; want(i) {
			return i, true
		}
	}
	return 0, false
}

// seek scrolls to a place a view's Top returned: a sentence and rows
// into it, now or, before the article is laid out, once it is.
func (c *articleCore) seek(id string, row int) bool {
	i, ok := c.idx.find(id)
	switch {
	case !ok:
		return false
	case !c.laidOut() || c.w <= 0:
		c.top, c.topRow = id, row
		return false
	}
	c.off = clamp(int(c.first[i])+row, 0, c.maxOff())
	return true
}

// resumeTop scrolls, once laid out, to the place seek kept, and
// reports whether there was one.
func (c *articleCore) resumeTop() bool {
	if c.top == "" {
		return false
	}
	i, ok := c.idx.find(c.top)
	if ok && c.laidOut() {
		c.off = clamp(int(c.first[i])+c.topRow, 0, c.maxOff())
	}
	c.top = ""
	return ok
}

// Scrolled reports the scroll position as first row, rows shown, total.
func (c articleCore) Scrolled() (int, int, int) { return c.off, c.h, c.nrows }

// View is the rows drawn last.
func (c articleCore) View() []string { return c.lines }

// Note is the frame's note: the scroll position.
func (c articleCore) Note() string { return scrollInfo(c.Scrolled()) }

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
