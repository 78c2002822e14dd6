package edit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/edit"
	"github.com/brief-cli/brief/model/sanitize"
)

// canvas is the article, sentence by sentence, with a sentence cursor and
// a selection that extends from an anchor. Each sentence carries a mark in
// the gutter: ● when a point, event or other item cites it, ○ when nothing
// does, · when coverage skips it.
type canvas struct {
	th     *Theme
	keys   canvasKeys
	b      *model.Briefing
	sents  []*model.Sentence
	cursor int
	anchor int
	w, h   int
	off    int     // first line shown
	lines  []cline // laid out for the width
	first  []int   // the first line of each sentence
	// current are the sentences the current point quotes.
	current map[string]bool
	// clause is which clause of the cursor's sentence the selection is
	// cut to (1, 2, ...); 0 is the whole selection.
	clause int
}

type cline struct {
	sent int // -1 for a paragraph label or a blank line
	text string
	mark bool // the first line of a sentence, carrying its mark
	off  int  // where text starts in the sentence's shown text
}

func newCanvas(th *Theme) canvas { return canvas{th: th, keys: newCanvasKeys()} }

// SetBriefing lays the article out again after a change, keeping the
// cursor on the same sentence.
func (c canvas) SetBriefing(b *model.Briefing, current map[string]bool) canvas {
	c.b, c.sents, c.current = b, b.Sentences(), current
	c.cursor = clamp(c.cursor, 0, len(c.sents)-1)
	c.anchor = clamp(c.anchor, 0, len(c.sents)-1)
	return c.layout()
}

func (c canvas) SetSize(w, h int) canvas { c.w, c.h = w, h; return c.layout() }

func (c canvas) layout() canvas {
	if c.b == nil || c.w <= 0 {
		return c
	}
	c.lines, c.first = c.lines[:0], make([]int, len(c.sents))
	para := -1
	for i, s := range c.sents {
		if s.Paragraph != para {
			if para >= 0 {
				c.lines = append(c.lines, cline{sent: -1})
			}
			para = s.Paragraph
			c.lines = append(c.lines, cline{sent: -1, text: c.b.Source.Paragraphs[para].ID})
		}
		c.first[i] = len(c.lines)
		shown, off := sanitize.Text(s.Text), 0
		if c.b.Skipped(s) {
			// Said in words, not only by the gutter's mark or a colour:
			// coverage leaves it out (a caption, a byline).
			shown += " " + skippedTag
		}
		for j, l := range sanitize.Wrap(shown, max(c.w-3, 10)) {
			if k := strings.Index(shown[off:], l); k >= 0 {
				off += k
			}
			c.lines = append(c.lines, cline{sent: i, text: l, mark: j == 0, off: off})
			off += len(l)
		}
	}
	return c.scroll()
}

// skippedTag follows a sentence the briefing's "skip:" leaves out of
// coverage.
const skippedTag = "[skipped]"

// Selection is the selected sentences' ids, in order.
func (c canvas) Selection() []string {
	var ids []string
	for i := min(c.cursor, c.anchor); i <= max(c.cursor, c.anchor) && i < len(c.sents); i++ {
		ids = append(ids, c.sents[i].ID)
	}
	return ids
}

// Part is the clause the selection is cut to, "" for the whole selection.
func (c canvas) Part() string {
	if c.clause == 0 || c.cursor != c.anchor {
		return ""
	}
	cl := edit.Clauses(c.sents[c.cursor].Text)
	if c.clause > len(cl) {
		return ""
	}
	return cl[c.clause-1]
}

// Select puts the cursor on a sentence, by id.
func (c canvas) Select(id string) canvas {
	for i, s := range c.sents {
		if s.ID == id {
			c.cursor, c.anchor, c.clause = i, i, 0
		}
	}
	return c.scroll()
}

func (c canvas) cited(i int) bool { return len(c.b.CitedBy(c.sents[i].ID)) > 0 }

// scroll keeps the cursor's sentence in view.
func (c canvas) scroll() canvas {
	if len(c.sents) == 0 || c.h <= 0 {
		return c
	}
	top := c.first[c.cursor]
	bot := len(c.lines)
	if c.cursor+1 < len(c.sents) {
		bot = c.first[c.cursor+1]
	}
	if top-1 < c.off {
		c.off = max(top-1, 0)
	}
	if bot > c.off+c.h {
		c.off = min(bot-c.h, top)
	}
	c.off = clamp(c.off, 0, max(len(c.lines)-c.h, 0))
	return c
}

func (c canvas) Update(msg tea.Msg) (canvas, bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, c.keys.Clause) {
			if c.cursor != c.anchor || len(edit.Clauses(c.sents[c.cursor].Text)) == 0 {
				c.clause = 0
				return c, true
			}
			c.clause = (c.clause + 1) % (len(edit.Clauses(c.sents[c.cursor].Text)) + 1)
			return c, true
		}
		switch {
		case key.Matches(msg, c.keys.Down):
			c.cursor = clamp(c.cursor+1, 0, len(c.sents)-1)
			c.anchor = c.cursor
		case key.Matches(msg, c.keys.Up):
			c.cursor = clamp(c.cursor-1, 0, len(c.sents)-1)
			c.anchor = c.cursor
		case key.Matches(msg, c.keys.ExtendDown):
			c.cursor = clamp(c.cursor+1, 0, len(c.sents)-1)
		case key.Matches(msg, c.keys.ExtendUp):
			c.cursor = clamp(c.cursor-1, 0, len(c.sents)-1)
		case key.Matches(msg, c.keys.PageDown), key.Matches(msg, c.keys.PageUp):
			dir := 1
			if key.Matches(msg, c.keys.PageUp) {
				dir = -1
			}
			line := clamp(c.first[c.cursor]+dir*max(c.h-2, 1), 0, len(c.lines)-1)
			c.cursor = c.sentenceAt(line, dir)
			c.anchor = c.cursor
		case key.Matches(msg, c.keys.NextUncited):
			for k := 1; k <= len(c.sents); k++ {
				i := (c.cursor + k) % len(c.sents)
				if !c.cited(i) && !c.b.Skipped(c.sents[i]) {
					c.cursor, c.anchor = i, i
					break
				}
			}
		default:
			return c, false
		}
		c.clause = 0
		return c.scroll(), true
	}
	return c, false
}

// uncited reports whether the sentence under the cursor is one that no
// point cites and that the briefing does not skip.
func (c canvas) uncited() bool {
	return c.cursor < len(c.sents) && !c.cited(c.cursor) && !c.b.Skipped(c.sents[c.cursor])
}

// sentenceAt is the sentence on a laid-out line, or the nearest one in
// direction dir when the line is a label or blank.
func (c canvas) sentenceAt(line, dir int) int {
	for l := line; l >= 0 && l < len(c.lines); l += dir {
		if c.lines[l].sent >= 0 {
			return c.lines[l].sent
		}
	}
	return c.cursor
}

// Click selects the sentence on row y of the pane.
func (c canvas) Click(y int) canvas {
	l := c.off + y
	if l < 0 || l >= len(c.lines) || c.lines[l].sent < 0 {
		return c
	}
	c.cursor, c.anchor, c.clause = c.lines[l].sent, c.lines[l].sent, 0
	return c.scroll()
}

func (c canvas) View() string {
	lo, hi := min(c.cursor, c.anchor), max(c.cursor, c.anchor)
	out := make([]string, 0, c.h)
	for l := c.off; l < len(c.lines) && len(out) < c.h; l++ {
		ln := c.lines[l]
		if ln.sent < 0 {
			out = append(out, c.th.dim.On(ln.text))
			continue
		}
		gutter := "  "
		if ln.mark {
			s := c.sents[ln.sent]
			switch {
			case c.cited(ln.sent):
				gutter = c.th.mark.On("●") + " "
			case c.b.Skipped(s):
				gutter = c.th.dim.On("·") + " "
			default:
				gutter = c.th.dim.On("○") + " "
			}
		}
		text := ln.text
		switch {
		case ln.sent == c.cursor && c.Part() != "":
			text = c.partOf(ln)
		case ln.sent == c.cursor:
			text = c.th.cursor.On(text)
		case ln.sent >= lo && ln.sent <= hi:
			text = c.th.selected.On(text)
		case c.current[c.sents[ln.sent].ID]:
			text = c.th.current.On(text)
		case strings.HasSuffix(text, skippedTag) && c.b.Skipped(c.sents[ln.sent]):
			text = strings.TrimSuffix(text, skippedTag) + c.th.dim.On(skippedTag)
		}
		out = append(out, gutter+text)
	}
	return strings.Join(out, "\n")
}

// partOf styles a line of the cursor's sentence with the clause the
// selection is cut to as the cursor, the rest of the sentence dim.
func (c canvas) partOf(ln cline) string {
	shown := sanitize.Text(c.sents[ln.sent].Text)
	a := strings.Index(shown, sanitize.Text(c.Part()))
	if a < 0 {
		return c.th.cursor.On(ln.text)
	}
	b := a + len(sanitize.Text(c.Part()))
	from := clamp(a-ln.off, 0, len(ln.text))
	to := clamp(b-ln.off, 0, len(ln.text))
	return c.th.dim.On(ln.text[:from]) + c.th.cursor.On(ln.text[from:to]) + c.th.dim.On(ln.text[to:])
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return max(lo, min(v, hi))
}
