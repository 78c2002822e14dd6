// Package axis draws a timeline as a horizontal, proportional axis made of
// box-drawing characters. Explore mode shows it small above the timeline
// list; present mode draws the same axis large on its timeline slide.
//
// # API
//
//	lines := axis.Render(events, width, selected, styles)
//	lines := axis.RenderHeight(events, width, height, selected, styles)
//
// events are in chronological order (as model.Briefing.Timeline holds
// them); selected is an index into events, or -1 for none. Every returned
// line is at most width cells wide; RenderHeight returns at most height
// lines (Render as many as the events need). Styles is a plain struct of
// lipgloss styles chosen by the caller: this package holds no styles of its
// own, and the zero Styles draws plain text.
//
// # Drawing
//
// From the top down: one row or more of events, the axis line with a tick
// at every decade, the decade labels, and a caret row pointing at the
// selected event with its date label.
//
//		      ●            ◆   ●●
//		◀━━━━━━━━━━━━━━━━━━━━━━━━┤ ┄┄┄┄┄┄┄┄┄
//		┼─────────┼─────────┼─────────┼──────
//		1990      2000      2010      2020
//		                   ▲ 2016
//
//	  - A point event (a single date: a day, month, year or decade) is a
//	    marker ● at the middle of the time it covers (○ when approximate).
//	  - A span (an interval) is a bar ━ from its first to its last day; an
//	    approximate span (either end approximate) is dotted ┄.
//	  - An open end (.. in EDTF) runs to the edge of the axis and ends in an
//	    arrow: ◀ on the left, ▶ on the right.
//	  - Events that would touch or overlap share no row: each goes on the
//	    first row where it has a free cell on either side.
//	  - The selected event is drawn with heavier glyphs (◆ for a point, █ for
//	    a span, ┅ for an approximate span), in Styles.Selected, and the caret
//	    row names it, so it stands out without colour.
//	  - Decade labels never overlap: a label that would touch the previous one
//	    is left out; the last one, which would run past the width, ends at the
//	    edge instead, two cells at least from the one before.
package axis

import (
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/model"
)

// Styles are the styles the axis is drawn with. The zero value draws plain
// text, in which glyphs alone tell the kinds apart.
type Styles struct {
	Line     lipgloss.Style // the axis line and its ticks
	Label    lipgloss.Style // decade labels
	Point    lipgloss.Style // point events
	Span     lipgloss.Style // exact spans
	Approx   lipgloss.Style // approximate spans
	Selected lipgloss.Style // the selected event and its caret
}

// Glyphs used on the axis.
const (
	PointGlyph          = '●'
	ApproxPointGlyph    = '○'
	SelectedPointGlyph  = '◆'
	SpanGlyph           = '━'
	SelectedSpanGlyph   = '█'
	ApproxGlyph         = '┄'
	SelectedApproxGlyph = '┅'
	OpenLeft            = '◀'
	OpenRight           = '▶'
	Caret               = '▲'
)

// minWidth is the narrowest axis drawn; below it Render returns nothing.
const minWidth = 8

// Render draws the axis in width cells, with as many event rows as needed.
func Render(events []*model.Event, width int, selected int, st Styles) []string {
	return RenderHeight(events, width, math.MaxInt, selected, st)
}

// RenderHeight draws the axis in at most width x height cells. When the
// events need more rows than fit, the last row holds the rest, drawn over
// one another with the selected event on top. The axis needs at least four
// lines (one row of events, the line, labels and caret); with fewer it
// leaves out the caret row, then the labels.
func RenderHeight(events []*model.Event, width, height int, selected int, st Styles) []string {
	if width < minWidth || height < 2 || len(events) == 0 {
		return nil
	}
	sc := newScale(events, width)
	marks := make([]mark, len(events))
	for i, e := range events {
		marks[i] = sc.place(e, i == selected)
	}
	fixed := min(3, height-1) // line, labels, caret
	stack(marks, max(height-fixed, 1))
	nrows := 0
	for _, mk := range marks {
		nrows = max(nrows, mk.row+1)
	}
	g := newGrid(width, nrows)
	for i, mk := range marks {
		if i != selected {
			g.draw(mk)
		}
	}
	if selected >= 0 && selected < len(marks) {
		g.draw(marks[selected])
	}
	out := make([]string, 0, nrows+3)
	for r := 0; r < nrows; r++ {
		out = append(out, g.render(r, st))
	}
	out = append(out, sc.line(st))
	if fixed >= 2 {
		out = append(out, sc.labels(st))
	}
	if fixed >= 3 {
		out = append(out, caretRow(events, marks, selected, width, st))
	}
	return out
}

// scale maps time to columns.
type scale struct {
	from, to float64 // years, decade-aligned
	width    int
}

func newScale(events []*model.Event, width int) scale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range events {
		if t, ok := e.When.Start(); ok {
			lo = math.Min(lo, years(t))
			hi = math.Max(hi, years(t))
		}
		if t, ok := e.When.End(); ok {
			lo = math.Min(lo, years(t))
			hi = math.Max(hi, years(t)+1.0/365)
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 2000, 2010
	}
	from := math.Floor(lo/10) * 10
	to := math.Ceil(hi/10) * 10
	if to <= from {
		to = from + 10
	}
	return scale{from: from, to: to, width: width}
}

// years converts a time to fractional years.
func years(t time.Time) float64 {
	return float64(t.Year()) + float64(t.YearDay()-1)/365.25
}

// col maps a time in fractional years to a column.
func (s scale) col(y float64) int {
	c := int(math.Round((y - s.from) / (s.to - s.from) * float64(s.width-1)))
	return min(max(c, 0), s.width-1)
}

// mark is one event laid out: the columns it covers and how it is drawn.
type mark struct {
	c0, c1      int
	span        bool
	approx      bool
	openL       bool
	openR       bool
	selected    bool
	row         int
	caretColumn int
}

func (s scale) place(e *model.Event, selected bool) mark {
	m := mark{selected: selected, approx: e.When.Approximate()}
	start, sok := e.When.Start()
	end, eok := e.When.End()
	if !e.When.IsInterval() {
		mid := (years(start) + years(end) + 1.0/365) / 2
		m.c0 = s.col(mid)
		m.c1 = m.c0
		m.caretColumn = m.c0
		return m
	}
	m.span = true
	from, to := e.When.Ends()
	m.openL, m.openR = !sok && from.Open, !eok && to.Open
	switch {
	case sok:
		m.c0 = s.col(years(start))
	case eok:
		m.c0 = 0
	}
	switch {
	case eok:
		m.c1 = s.col(years(end) + 1.0/365)
	case sok:
		m.c1 = s.width - 1
	}
	if !sok && !eok {
		m.c0, m.c1 = 0, s.width-1
	}
	if m.c1 <= m.c0 {
		m.c1 = min(m.c0+1, s.width-1)
		m.c0 = m.c1 - 1
	}
	m.caretColumn = m.c0
	if m.openL {
		m.caretColumn = m.c1
	}
	return m
}

// stack gives each mark a row: the first where it has a free cell on either
// side. Marks beyond maxRows go on the last row.
func stack(marks []mark, maxRows int) {
	var ends []int // last column used per row
	for i := range marks {
		m := &marks[i]
		r := 0
		for r < len(ends) && ends[r] >= m.c0-1 {
			r++
		}
		if r >= maxRows {
			r = maxRows - 1
		}
		if r == len(ends) {
			ends = append(ends, m.c1)
		} else {
			ends[r] = max(ends[r], m.c1)
		}
		m.row = r
	}
}

// cell kinds, indexing the styles.
const (
	kNone = iota
	kPoint
	kSpan
	kApprox
	kSelected
)

type grid struct {
	w     int
	runes [][]rune
	kinds [][]uint8
}

func newGrid(w, rows int) grid {
	g := grid{w: w, runes: make([][]rune, rows), kinds: make([][]uint8, rows)}
	for r := range rows {
		g.runes[r] = []rune(strings.Repeat(" ", w))
		g.kinds[r] = make([]uint8, w)
	}
	return g
}

func (g grid) draw(m mark) {
	kind := uint8(kPoint)
	switch {
	case m.selected:
		kind = kSelected
	case m.span && m.approx:
		kind = kApprox
	case m.span:
		kind = kSpan
	}
	rs, ks := g.runes[m.row], g.kinds[m.row]
	if !m.span {
		rs[m.c0], ks[m.c0] = PointGlyph, kind
		if m.approx {
			rs[m.c0] = ApproxPointGlyph
		}
		if m.selected {
			rs[m.c0] = SelectedPointGlyph
		}
		return
	}
	glyph := SpanGlyph
	switch {
	case m.approx && m.selected:
		glyph = SelectedApproxGlyph
	case m.approx:
		glyph = ApproxGlyph
	case m.selected:
		glyph = SelectedSpanGlyph
	}
	for c := m.c0; c <= m.c1; c++ {
		rs[c], ks[c] = glyph, kind
	}
	if m.openL {
		rs[m.c0] = OpenLeft
	}
	if m.openR {
		rs[m.c1] = OpenRight
	}
}

// render styles row r, one Render call per run of cells of one kind.
func (g grid) render(r int, st Styles) string {
	styles := [...]lipgloss.Style{kNone: {}, kPoint: st.Point, kSpan: st.Span, kApprox: st.Approx, kSelected: st.Selected}
	rs, ks := g.runes[r], g.kinds[r]
	end := len(rs)
	for end > 0 && ks[end-1] == kNone {
		end--
	}
	var b strings.Builder
	for i := 0; i < end; {
		j := i
		for j < end && ks[j] == ks[i] {
			j++
		}
		seg := string(rs[i:j])
		if ks[i] == kNone {
			b.WriteString(seg)
		} else {
			b.WriteString(styles[ks[i]].Render(seg))
		}
		i = j
	}
	return b.String()
}

// ticks returns the decade years and their columns.
func (s scale) ticks() (yrs, cols []int) {
	for y := int(s.from); y <= int(s.to); y += 10 {
		yrs = append(yrs, y)
		cols = append(cols, s.col(float64(y)))
	}
	return yrs, cols
}

// line is the axis itself with a tick at each decade.
func (s scale) line(st Styles) string {
	rs := []rune(strings.Repeat("─", s.width))
	_, cols := s.ticks()
	for _, c := range cols {
		rs[c] = '┼'
	}
	rs[0] = '├'
	rs[s.width-1] = '┤'
	return st.Line.Render(string(rs))
}

// labels writes each decade under its tick, leaving out those that would
// touch the previous label or run past the width.
func (s scale) labels(st Styles) string {
	yrs, cols := s.ticks()
	rs := []rune(strings.Repeat(" ", s.width))
	next := 0
	for i, y := range yrs {
		lab := []rune(itoa(y))
		c := cols[i]
		gap := next
		if c+len(lab) > s.width {
			c = s.width - len(lab) // the last label ends at the edge,
			gap = next + 1         // kept apart from the one before
		}
		if c < gap || c < 0 {
			continue
		}
		copy(rs[c:], lab)
		next = c + len(lab) + 1
	}
	return st.Label.Render(strings.TrimRight(string(rs), " "))
}

// caretRow points at the selected event and names its date.
func caretRow(events []*model.Event, marks []mark, selected, width int, st Styles) string {
	if selected < 0 || selected >= len(marks) {
		return ""
	}
	c := marks[selected].caretColumn
	label := []rune(events[selected].When.Label())
	lw := len(label)
	caret := string(Caret)
	switch {
	case c+2+lw <= width:
		return strings.Repeat(" ", c) + st.Selected.Render(caret+" "+string(label))
	case c-lw-1 >= 0:
		return strings.Repeat(" ", c-lw-1) + st.Selected.Render(string(label)+" "+caret)
	}
	return strings.Repeat(" ", c) + st.Selected.Render(caret)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}
