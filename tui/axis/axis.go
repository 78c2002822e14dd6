// Package axis draws a timeline as a horizontal, proportional axis of
// box-drawing characters that names its events. Explore mode shows it above
// the timeline list, with zoom and pan; present mode builds it up event by
// event on its timeline slide; `brief timeline --axis` prints it.
//
// # API
//
//	win := axis.Fit(events, published)      // the whole timeline
//	lines := axis.Draw(events, axis.Options{Width: w, Height: h, Window: win, ...}, styles)
//	rows := axis.Need(events, opts)         // the height Draw would like
//
// events are in timeline order (as model.Briefing.Timeline holds them).
// Every returned line is at most Width cells wide and there are at most
// Height lines. Styles is a plain struct of lipgloss styles chosen by the
// caller: the zero Styles draws plain text, in which glyphs alone tell the
// kinds apart.
//
// # Drawing
//
// From the top down: a one-line legend, the labels of point events, the
// axis line with a marker for each point event, the tick labels with the
// article's date, and the periods (spans) as shaded bands in lanes of
// their own.
//
//		● event  ○ approximate  ▒ period  ░┈ approximate/open end  ▴ article
//		                          2016 Russia launches…   Aug 2021 Taliban…
//		1990s Proxies and…        │                       │
//		──────────●───────────────●──────┼────────────────●───────┼────
//		2000      2005      2010      2015      2020   ▴ article · 19 Jul 2025
//		┈┈┈┈┈┈┈┈┈┈┈┈┈ until 2020 Largely Western… ┈┈░░▒  ░▒ c. 2021–2025 The… ▒░
//		      ░▒▒▒▒ c. 2005–2025 Russia’s engagement with Afghanistan ▒▒▒▒▒▒▒░
//
//	  - A point event (a day, month, year or decade) is a marker ● on the
//	    axis at the middle of the time it covers (○ when approximate), named
//	    by a label: its date and as much of its title as fits. Labels are
//	    staggered over rows above the axis; a label away from the axis hangs
//	    from a leader line │ above its marker.
//	  - A span is a band ▒ from its first to its last day; so is a date
//	    given to the decade or century, with Options.PeriodBands. An approximate end
//	    fades (░) over the time it is approximate to; an open end fades out
//	    (░ then ┈) towards the edge. Spans never share a lane with points or
//	    overlap each other; a span's label sits inside its band, or beside it.
//	  - The selected event is drawn heavier (◆, ▓) in Styles.Selected and its
//	    label is placed first, so it stands out without colour.
//	  - Labels that find no room are left out; the legend says how many, and
//	    zooming in (a narrower Window) makes room.
//	  - Ticks adapt to the window: centuries down to months, never closer than
//	    their labels allow.
package axis

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/date"
	"github.com/brief-cli/brief/model/sanitize"
)

// Styles are the styles the axis is drawn with. The zero value draws plain
// text.
type Styles struct {
	Line     lipgloss.Style // the axis line and its ticks
	Label    lipgloss.Style // tick labels
	Point    lipgloss.Style // point markers
	Span     lipgloss.Style // exact parts of bands
	Approx   lipgloss.Style // fading ends of bands
	Selected lipgloss.Style // the selected event and its label
	Text     lipgloss.Style // event labels
	Dim      lipgloss.Style // leader lines and the legend
	Article  lipgloss.Style // the article's date
}

// Glyphs used on the axis.
const (
	PointGlyph         = '●'
	ApproxPointGlyph   = '○'
	SelectedPointGlyph = '◆'
	BandGlyph          = '▒'
	FadeGlyph          = '░'
	OpenGlyph          = '┈'
	SelectedBandGlyph  = '▓'
	SelectedOpenGlyph  = '┅'
	LeaderGlyph        = '│'
	ArticleGlyph       = '▴'
)

// minWidth is the narrowest axis drawn; below it Draw returns nothing.
const minWidth = 8

// maxLabelRows caps the rows of point labels: past it, labels give way.
const maxLabelRows = 6

// Window is the time the axis shows, in fractional years.
type Window struct{ From, To float64 }

// IsZero reports whether w is unset.
func (w Window) IsZero() bool { return w.To <= w.From }

// Span is the time w covers, in years.
func (w Window) Span() float64 { return w.To - w.From }

// Options say what to draw.
type Options struct {
	Width, Height int
	// Selected is the index of the selected event, -1 for none.
	Selected int
	// Shown, above 0, draws only the first Shown events (present mode
	// builds the axis up event by event); otherwise all of them.
	Shown int
	// Window is the time shown; the zero Window fits everything.
	Window Window
	// Published marks the article's date; the zero time marks nothing.
	Published time.Time
	// Legend draws the one-line legend on top when there is room. Without
	// it, the legend is drawn all the same, room allowing, when the
	// article's date finds no room on the tick row beside its mark ▴.
	Legend bool
	// NoLegend never draws the legend, not even to name the article's
	// date: for a caller that keeps one layout over several drawings.
	NoLegend bool
	// Hint follows the count of unlabelled events in the legend: what the
	// reader can do about them ("zoom in").
	Hint string
	// Anchored places every point's label by one rule: it starts at its
	// marker and runs right; a label that must move — up a row, or left
	// from the right edge — hangs from a leader line above its marker.
	// Otherwise a label may also end at its marker.
	Anchored bool
	// PeriodBands draws a date given only to the decade or century (the
	// 1980s) as a band over its years, as a span is, rather than as a
	// point at its middle.
	PeriodBands bool
	// LabelRows is how many rows of point labels are kept, as far as
	// they are needed, before rows go to span lanes on a short axis (the
	// bands left without a lane are drawn over the last one). 0 or 1
	// keeps one.
	LabelRows int
}

// Years converts a time to fractional years.
func Years(t time.Time) float64 {
	return float64(t.Year()) + float64(t.YearDay()-1)/365.25
}

const day = 1.0 / 365.25

// Extent is the time an event covers in fractional years; an open or
// unknown end is ±Inf.
func Extent(e *model.Event) (from, to float64) {
	from, to = math.Inf(-1), math.Inf(1)
	if t, ok := e.When.Start(); ok {
		from = Years(t)
	}
	if t, ok := e.When.End(); ok {
		to = Years(t) + day
	}
	if !e.When.IsInterval() {
		// A point with no date at all: nowhere.
		if math.IsInf(from, 0) || math.IsInf(to, 0) {
			return math.NaN(), math.NaN()
		}
	}
	return from, to
}

// Period reports whether an event is drawn as a band: a span, or a date
// given only to the decade or the century ("the 1980s"), which covers
// years of the axis and is drawn over them, not as a precise dot.
func Period(e *model.Event) bool {
	if e.When.IsInterval() {
		return true
	}
	p := e.When.Precision()
	return p != 0 && p <= date.Decade
}

// Fit is the window that shows every event and the article's date: from
// the earliest known moment to the last event or the publication date,
// whichever is later, with a little room at either end.
func Fit(events []*model.Event, published time.Time) Window {
	lo, hi := math.Inf(1), math.Inf(-1)
	openStart, openEnd := false, false
	for _, e := range events {
		from, to := Extent(e)
		if math.IsNaN(from) {
			continue
		}
		for _, y := range []float64{from, to} {
			if !math.IsInf(y, 0) {
				lo, hi = math.Min(lo, y), math.Max(hi, y)
			}
		}
		if math.IsInf(from, -1) {
			// Placed by its end: its end bounds the axis too.
			if t, ok := e.When.End(); ok {
				lo = math.Min(lo, float64(t.Year()))
			}
			openStart = true
		}
		openEnd = openEnd || math.IsInf(to, 1)
	}
	if !published.IsZero() {
		p := Years(published)
		lo, hi = math.Min(lo, p), math.Max(hi, p+day)
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return Window{2000, 2010}
	}
	if hi-lo < 1 {
		mid := (lo + hi) / 2
		lo, hi = mid-0.5, mid+0.5
	}
	pad := (hi - lo) * 0.02
	w := Window{lo - pad, hi + pad}
	if openStart {
		w.From -= (hi - lo) * 0.08 // room for an open start to fade in
	}
	if openEnd {
		w.To += (hi - lo) * 0.04
	}
	return w
}

// MinSpan is the narrowest window zooming reaches: two months.
const MinSpan = 2.0 / 12

// Zoom scales w by factor (below 1 zooms in) and centres it on the year
// at, within fit.
func (w Window) Zoom(factor, at float64, fit Window) Window {
	span := math.Max(w.Span()*factor, MinSpan)
	if span >= fit.Span() {
		return fit
	}
	return Window{at - span/2, at + span/2}.Clamp(fit)
}

// Pan moves w by frac of its span (negative moves back in time), within fit.
func (w Window) Pan(frac float64, fit Window) Window {
	d := w.Span() * frac
	return Window{w.From + d, w.To + d}.Clamp(fit)
}

// Clamp slides w inside fit, shrinking it to fit when wider.
func (w Window) Clamp(fit Window) Window {
	if w.IsZero() || w.Span() >= fit.Span() {
		return fit
	}
	if w.From < fit.From {
		w.From, w.To = fit.From, fit.From+w.Span()
	}
	if w.To > fit.To {
		w.From, w.To = fit.To-w.Span(), fit.To
	}
	return w
}

// Show moves w, within fit, so that some of [from, to) is in it, centring
// it there when it is not; a window already showing part of it is kept.
func (w Window) Show(from, to float64, fit Window) Window {
	if math.IsNaN(from) || w.IsZero() {
		return w
	}
	from, to = math.Max(from, fit.From), math.Min(to, fit.To)
	margin := w.Span() * 0.02
	if to > w.From+margin && from < w.To-margin {
		return w
	}
	mid := (from + to) / 2
	if to-from > w.Span() {
		mid = from + w.Span()/2
	}
	return Window{mid - w.Span()/2, mid + w.Span()/2}.Clamp(fit)
}

// Anchor is the year an event is zoomed around: a point's middle, or the
// known end of a span nearest the window.
func Anchor(e *model.Event, w Window) float64 {
	from, to := Extent(e)
	switch {
	case math.IsNaN(from):
		return (w.From + w.To) / 2
	case math.IsInf(from, -1) && math.IsInf(to, 1):
		return (w.From + w.To) / 2
	case math.IsInf(from, -1):
		return to
	case math.IsInf(to, 1):
		return from
	}
	if !e.When.IsInterval() {
		return (from + to) / 2
	}
	return math.Min(math.Max((w.From+w.To)/2, from), to)
}

// Need is the number of lines Draw would use for o with no limit on its
// height.
func Need(events []*model.Event, o Options) int {
	o.Height = math.MaxInt / 2
	return len(Draw(events, o, Styles{}))
}

// Draw draws the axis in at most o.Width x o.Height cells. Lines are
// given up in this order when the height is short: extra label rows, the
// legend, span lanes (the rest are drawn over the last), the last label
// row, the tick labels.
func Draw(events []*model.Event, o Options, st Styles) []string {
	out, _ := DrawRows(events, o, st)
	return out
}

// DrawRows is Draw, also saying which of the lines is the axis line (-1
// when nothing is drawn), so a caller can keep the axis on one row while
// what it draws changes.
func DrawRows(events []*model.Event, o Options, st Styles) ([]string, int) {
	if o.Width < minWidth || o.Height < 1 || len(events) == 0 {
		return nil, -1
	}
	if o.Shown <= 0 || o.Shown > len(events) {
		o.Shown = len(events)
	}
	if o.Window.IsZero() {
		o.Window = Fit(events, o.Published)
	}
	d := newDrawing(events, o)
	need := d.plan(maxLabelRows, math.MaxInt)
	h := o.Height - 1 // the axis line
	ticks := min(h, 1)
	h -= ticks
	// When the article's label finds no room between the tick labels,
	// the row keeps only its mark ▴ and the legend, which names it, is
	// drawn if there is room for it.
	_, named := d.tickGrid(o.Legend)
	wantLegend := (o.Legend || ticks > 0 && !named) && !o.NoLegend
	labels := 0
	if need.labelRows > 0 && h > 0 {
		labels = min(max(1, min(o.LabelRows, need.labelRows)), h)
		h -= labels
	}
	lanes := min(need.lanes, h)
	h -= lanes
	legend := 0
	if wantLegend && h > 0 {
		legend, h = 1, h-1
	}
	labels += min(h, max(need.labelRows-labels, 0))
	if labels != need.labelRows || lanes != need.lanes {
		d.plan(labels, max(lanes, 1))
	}
	// The layout chosen may use fewer rows than it was allowed.
	labels, lanes = min(labels, len(d.above.runes)), min(lanes, len(d.below.runes))
	p := newPaints(st)
	var out []string
	if legend > 0 {
		out = append(out, d.legend(st))
	}
	for r := labels - 1; r >= 0; r-- {
		out = append(out, d.above.render(r, p))
	}
	axisRow := len(out)
	out = append(out, d.axisLine(p))
	if ticks > 0 {
		out = append(out, d.tickRow(p, legend > 0))
	}
	for r := 0; r < lanes; r++ {
		out = append(out, d.below.render(r, p))
	}
	return out, axisRow
}

// drawing is one axis being laid out.
type drawing struct {
	events []*model.Event
	o      Options
	w      int
	points []int // indexes of the point events shown, by column
	spans  []int // indexes of the spans shown
	col    map[int]int
	labels map[int]string
	above  grid // label rows, row 0 next to the axis
	below  grid // span lanes
	hidden int  // events shown without a label
}

func newDrawing(events []*model.Event, o Options) *drawing {
	d := &drawing{events: events, o: o, w: o.Width, col: map[int]int{}, labels: map[int]string{}}
	for i, e := range events[:o.Shown] {
		from, to := Extent(e)
		if math.IsNaN(from) {
			continue
		}
		if !e.When.IsInterval() && !(o.PeriodBands && Period(e)) {
			mid := (from + to) / 2
			if mid < o.Window.From || mid > o.Window.To {
				continue
			}
			d.col[i] = d.column(mid)
			d.points = append(d.points, i)
			continue
		}
		if to <= o.Window.From || from >= o.Window.To {
			continue
		}
		d.spans = append(d.spans, i)
	}
	return d
}

// column maps a year to a column.
func (d *drawing) column(y float64) int {
	w := d.o.Window
	c := int(math.Round((y - w.From) / w.Span() * float64(d.w-1)))
	return min(max(c, 0), d.w-1)
}

type planned struct{ labelRows, lanes int }

// plan lays out the labels over at most rows rows and the spans over at
// most lanes lanes, and reports how many of each it used.
func (d *drawing) plan(rows, lanes int) planned {
	d.hidden = 0
	d.above = d.placePoints(rows)
	d.below = d.placeSpans(lanes)
	return planned{labelRows: len(d.above.runes), lanes: len(d.below.runes)}
}

// label is an event's full label: its date, then its title.
func (d *drawing) label(i int) string {
	if l, ok := d.labels[i]; ok {
		return l
	}
	e := d.events[i]
	l := sanitize.Line(e.When.Label() + " " + e.Title)
	d.labels[i] = l
	return l
}

// minLabel is the shortest label worth drawing: the date and a word.
func (d *drawing) minLabel(i int) int {
	e := d.events[i]
	lw := sanitize.Width(sanitize.Line(e.When.Label()))
	word, _, _ := strings.Cut(strings.TrimSpace(sanitize.Line(e.Title)), " ")
	return lw + 1 + min(sanitize.Width(word), 8) + 1
}

// fitLabel cuts a label to at most w cells.
func fitLabel(s string, w int) string {
	if sanitize.Width(s) <= w {
		return s
	}
	return sanitize.Truncate(s, w, "…")
}

// placePoints labels the point events over at most rows rows. It tries a
// few orders and keeps the layout that names the selected event and the
// most others, with the most text and the shortest leaders.
func (d *drawing) placePoints(rows int) grid {
	if len(d.points) == 0 || rows < 1 {
		d.hidden += len(d.points)
		return newGrid(d.w, 0)
	}
	var best grid
	bestScore, bestHidden := math.MinInt, 0
	variants := []struct{ rtl, pref, selFirst bool }{
		{true, true, false}, {false, false, false}, {true, false, false}, {false, true, false},
		{true, true, true}, {false, false, true},
	}
	if len(d.points) > 2*d.w/maxLabelRows {
		// Far more points than fit: two tries are as good as six.
		variants = variants[4:]
	}
	// Fewer rows make the labels that go high go less high: try the
	// cramped heights too, and keep what scores best.
	caps := []int{rows}
	for r := min(rows-1, 4); r >= 2 && len(d.points) <= 2*d.w/maxLabelRows; r-- {
		caps = append(caps, r)
	}
	for _, cap := range caps {
		for _, v := range variants {
			g, score, named := d.tryPoints(cap, v.rtl, v.pref, v.selFirst)
			if score > bestScore {
				best, bestScore, bestHidden = g, score, len(d.points)-named
			}
		}
	}
	d.hidden += bestHidden
	return best.trim()
}

// tryPoints places labels in one order, right to left (rtl) or left to
// right. A label runs right from its marker or left to it: it prefers the
// way that suits the order (right when going right to left), and takes
// the lowest free row when it runs away from the points still to place,
// the highest otherwise, so that their leaders can pass under it. With
// selFirst the selected event goes first.
func (d *drawing) tryPoints(rows int, rtl, preferNatural, selFirst bool) (grid, int, int) {
	g := newGrid(d.w, rows)
	var order []int
	for _, i := range d.points {
		if !selFirst || i != d.o.Selected {
			order = append(order, i)
		}
	}
	sortByCol(order, d.col, rtl)
	if _, ok := d.col[d.o.Selected]; ok && selFirst {
		order = append([]int{d.o.Selected}, order...)
	}
	named, length, leaders, selNamed := 0, 0, 0, false
	var placed []placedLabel
	taken := map[int]bool{} // columns holding a marker already labelled
	for _, i := range order {
		c := d.col[i]
		full := d.label(i)
		fw, mw := sanitize.Width(full), d.minLabel(i)
		mw = min(mw, fw)
		// A label this long is taken on the first row it fits: a nearer
		// row beats a few more words.
		comfy := min(fw, max(mw, 24))
		natural := rtl // runs right
		if !preferNatural {
			natural = c+comfy <= d.w
		}
		bestR, bestRight, bestW, bestX := -1, true, 0, -1
		ways := []bool{natural, !natural}
		if d.o.Anchored {
			ways = ways[:1]
			natural = true
			ways[0] = true
		}
		for _, right := range ways {
			low := right == rtl
			for k := 0; k < rows; k++ {
				r := k
				if !low {
					r = rows - 1 - k
				}
				if taken[c] && r == 0 {
					continue
				}
				avail := g.room(r, c, right, fw)
				x := -1
				if d.o.Anchored && avail < min(fw, comfy) && r > 0 && c+mw > d.w {
					// At the right edge: the label moves left over its
					// leader, as little as it must: the rightmost start
					// where it still covers its leader's column.
					if sx, w := d.shiftedLabel(g, r, c, mw, min(fw, comfy)); w > avail {
						avail, x = w, sx
					}
				}
				if avail < mw || !g.leaderFree(c, r) {
					continue
				}
				if w := min(avail, fw); w > bestW {
					bestR, bestRight, bestW, bestX = r, right, w, x
				}
				if bestW >= comfy {
					break
				}
			}
			if bestW >= comfy {
				break
			}
		}
		if bestR < 0 {
			continue
		}
		kind := uint8(kText)
		if i == d.o.Selected {
			kind = kSelected
			selNamed = true
		}
		text := fitLabel(full, bestW)
		tw := sanitize.Width(text)
		x := c
		switch {
		case bestX >= 0:
			x = bestX
		case !bestRight:
			x = c - tw + 1
		}
		g.write(bestR, x, text, kind)
		for r := 0; r < bestR; r++ {
			g.set(r, c, LeaderGlyph, kLeader)
		}
		taken[c] = true
		named++
		length += tw
		leaders += bestR
		placed = append(placed, placedLabel{r: bestR, x: x, w: tw, c: c, text: text, kind: kind})
	}
	if d.o.Anchored {
		leaders = lowerLabels(g, placed)
	}
	// Every label named first, then room for words, then a compact
	// drawing: short leaders and few rows.
	score := named*10000 + length - 15*leaders - 40*len(g.trim().runes)
	if selNamed {
		score += 1000000
	}
	return g, score, named
}

// placedLabel is a point's label as tryPoints placed it: row, first
// column, width, the marker's column, the text and its kind.
type placedLabel struct {
	r, x, w, c int
	text       string
	kind       uint8
}

// lowerLabels moves each label down to the lowest row where it fits in
// the same columns, nearest rows first, so no leader is longer than the
// labels around it make it: a label placed high early on, when the row
// under it was still to be taken, comes down once it is known to be free.
// It returns the rows of leader drawn.
func lowerLabels(g grid, placed []placedLabel) int {
	cols := map[int]int{}
	for _, p := range placed {
		cols[p.c]++
	}
	sort.SliceStable(placed, func(a, b int) bool { return placed[a].r < placed[b].r })
	leaders := 0
	for i := range placed {
		p := &placed[i]
		if p.r > 0 && cols[p.c] == 1 {
			for r := 0; r < p.r; r++ {
				g.set(r, p.c, ' ', kNone)
			}
			for c := p.x; c < p.x+p.w; c++ {
				g.set(p.r, c, ' ', kNone)
			}
			// A label moved off its marker keeps a row of leader.
			low := 0
			if p.x != p.c {
				low = 1
			}
			for r := low; r < p.r; r++ {
				if g.free(r, p.x-1, p.x+p.w) && g.leaderFree(p.c, r) {
					p.r = r
					break
				}
			}
			g.write(p.r, p.x, p.text, p.kind)
			for r := 0; r < p.r; r++ {
				g.set(r, p.c, LeaderGlyph, kLeader)
			}
		}
		leaders += p.r
	}
	return leaders
}

// shiftedLabel finds where in row r a label of a marker at column c goes
// when it cannot start there: a start x <= c from which at least mw
// cells, and up to limit, are free and the label still covers column c,
// where its leader comes up. The rightmost start that gives the label
// limit cells wins, else the one that gives it the most. It returns the
// start and width, or a width of 0.
func (d *drawing) shiftedLabel(g grid, r, c, mw, limit int) (int, int) {
	bx, bw := 0, 0
	for x := min(c, d.w-mw); x >= 0 && x > c-limit; x-- {
		w := g.room(r, x, true, limit)
		if w < mw || x+w <= c {
			continue
		}
		if w >= limit {
			return x, w
		}
		if w > bw {
			bx, bw = x, w
		}
	}
	return bx, bw
}

func sortByCol(is []int, col map[int]int, desc bool) {
	sort.SliceStable(is, func(a, b int) bool {
		if desc {
			return col[is[a]] > col[is[b]]
		}
		return col[is[a]] < col[is[b]]
	})
}

// band is a span laid out: its columns and the dates its shading comes
// from.
type band struct {
	i            int
	c0, c1       int
	open0, open1 bool
	clip0, clip1 bool // runs past the window
	selected     bool
	// The shading by date: exact (solid) from core0 to core1; fading (░)
	// from fade0 to core0 and from core1 to fade1; outside those, open
	// (┈) or nothing. An approximate end fades over the time it is
	// approximate to; an open end is solid over its known end's period,
	// fades over the period before (after) that, and is open beyond.
	fade0, core0, core1, fade1 float64
	// approx0, approx1: the end is known but approximate, so its column
	// fades however short the fading is on screen.
	approx0, approx1 bool
}

func (d *drawing) band(i int) band {
	e := d.events[i]
	from, to := Extent(e)
	w := d.o.Window
	b := band{i: i, selected: i == d.o.Selected}
	fp, tp := e.When.Ends()
	b.open0, b.open1 = math.IsInf(from, -1), math.IsInf(to, 1)
	lo, hi := from, to
	if b.open0 {
		lo = w.From
	}
	if b.open1 {
		hi = w.To
	}
	b.clip0, b.clip1 = lo < w.From && !b.open0, hi > w.To && !b.open1
	b.c0, b.c1 = d.column(math.Max(lo, w.From)), d.column(math.Min(hi, w.To)-day)
	if b.c1 < b.c0 {
		b.c1 = b.c0
	}
	b.fade0, b.core0, b.core1, b.fade1 = from, from, to, to
	switch {
	case b.open0 && b.open1:
		b.fade0, b.core0, b.core1, b.fade1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	case b.open0:
		p := periodYears(tp)
		b.core0, b.fade0 = to-p, to-2*p
	case fp.Approximate || fp.Uncertain:
		b.core0 = from + math.Min(periodYears(fp), (to-from)/2)
		b.approx0 = true
	}
	switch {
	case b.open0 && b.open1:
	case b.open1:
		p := periodYears(fp)
		b.core1, b.fade1 = from+p, from+2*p
	case tp.Approximate || tp.Uncertain:
		b.core1 = to - math.Min(periodYears(tp), (to-from)/2)
		b.approx1 = true
	}
	return b
}

// shade is how strongly a band is drawn at year y.
type shade int

const (
	shadeOpen shade = iota
	shadeFade
	shadeCore
)

func (b band) shadeAt(y float64) shade {
	switch {
	case y >= b.core0 && y < b.core1:
		return shadeCore
	case y >= b.fade0 && y < b.fade1:
		return shadeFade
	}
	return shadeOpen
}

// yearAt is the year at the middle of column c: column's inverse.
func (d *drawing) yearAt(c int) float64 {
	w := d.o.Window
	if d.w <= 1 {
		return (w.From + w.To) / 2
	}
	return w.From + float64(c)/float64(d.w-1)*w.Span()
}

// shadeCol is how strongly a band is drawn in column c: as its date there
// says (within the band: a column holding an end takes the band's side of
// it), except that an approximate end in view fades however narrow its
// time is on screen.
func (d *drawing) shadeCol(b band, c int) shade {
	y := d.yearAt(c)
	if !b.open0 {
		y = math.Max(y, b.fade0)
	}
	if !b.open1 {
		y = math.Min(y, b.fade1-day/2)
	}
	s := b.shadeAt(y)
	if (c == b.c0 && b.approx0 && !b.clip0) || (c == b.c1 && b.approx1 && !b.clip1) {
		s = min(s, shadeFade)
	}
	return s
}

// periodYears is how long a date's period is, roughly, in years.
func periodYears(p date.Point) float64 {
	switch p.Precision {
	case date.Century:
		return 100
	case date.Decade:
		return 10
	case date.Month:
		return 1.0 / 12
	case date.Day:
		return day
	}
	return 1
}

// placeSpans packs the bands into lanes, each band in the first lane where
// it and its label fit; past lanes, the rest go on the last lane.
func (d *drawing) placeSpans(lanes int) grid {
	if len(d.spans) == 0 {
		return newGrid(d.w, 0)
	}
	g := newGrid(d.w, 0)
	order := append([]int(nil), d.spans...)
	for k, i := range order {
		if i == d.o.Selected {
			copy(order[1:k+1], order[:k])
			order[0] = i
		}
	}
	for _, i := range order {
		b := d.band(i)
		full := d.label(i)
		fw, mw := sanitize.Width(full), min(d.minLabel(i), sanitize.Width(full))
		bestLane, bestX, bestW := -1, 0, -2
		for lane := 0; lane <= len(g.runes) && lane < lanes; lane++ {
			fresh := lane == len(g.runes)
			if fresh {
				g.addRow()
			}
			if !g.free(lane, b.c0-1, b.c1+1) {
				continue
			}
			x, w := d.spanLabel(g, lane, b, fw, mw)
			if w > bestW {
				bestLane, bestX, bestW = lane, x, w
			}
			if w == fw || fresh {
				break // an empty lane is as good as any lane after it
			}
		}
		for len(g.runes) > 0 && g.emptyRow(len(g.runes)-1) && len(g.runes)-1 != bestLane {
			g.runes, g.kinds = g.runes[:len(g.runes)-1], g.kinds[:len(g.kinds)-1]
		}
		if bestLane < 0 {
			// No lane is free: draw over the last one, unlabelled.
			if len(g.runes) == 0 {
				g.addRow()
			}
			d.drawBand(g, len(g.runes)-1, b)
			d.hidden++
			continue
		}
		d.drawBand(g, bestLane, b)
		if bestW >= mw && bestW > 0 {
			kind := uint8(kText)
			if b.selected {
				kind = kSelected
			}
			g.write(bestLane, bestX, fitLabel(full, bestW), kind)
		} else {
			d.hidden++
		}
	}
	return g.trim()
}

// spanLabel finds where a band's label goes in a lane: inside the band
// with a cell of band either side, else after it, else before it, else
// inside cut short. It returns the column and width, or a width below mw.
func (d *drawing) spanLabel(g grid, lane int, b band, fw, mw int) (int, int) {
	inside := b.c1 - b.c0 + 1 - 4
	after := g.room(lane, b.c1+2, true, fw)
	if b.c1+2 >= d.w {
		after = 0
	}
	before := 0
	if b.c0-2 >= 0 {
		before = g.room(lane, b.c0-2, false, fw)
	}
	x0 := func(w int) int { return b.c0 + 2 + max(0, (inside-w)/2) }
	switch {
	case inside >= fw:
		return x0(fw), fw
	case after >= fw:
		return b.c1 + 2, fw
	case before >= fw:
		return b.c0 - 1 - fw, fw
	}
	best, x := inside, x0(inside)
	if after > best {
		best, x = after, b.c1+2
	}
	if before > best {
		best, x = before, b.c0-1-before
	}
	if best < mw {
		return 0, -1
	}
	return x, best
}

func (d *drawing) drawBand(g grid, lane int, b band) {
	core, fade, open := BandGlyph, FadeGlyph, OpenGlyph
	kind, fk := uint8(kSpan), uint8(kApprox)
	if b.selected {
		core, fade, open = SelectedBandGlyph, BandGlyph, SelectedOpenGlyph
		kind, fk = kSelected, kSelected
	}
	for c := b.c0; c <= b.c1; c++ {
		r, kk := core, kind
		switch d.shadeCol(b, c) {
		case shadeFade:
			r, kk = fade, fk
		case shadeOpen:
			r, kk = open, fk
		}
		g.set(lane, c, r, kk)
	}
}

// axisLine is the axis with its ticks and a marker for each point shown.
func (d *drawing) axisLine(p *paints) string {
	g := newGrid(d.w, 1)
	for c := range d.w {
		g.set(0, c, '─', kLine)
	}
	for _, t := range d.ticks() {
		g.set(0, t.col, '┼', kLine)
	}
	for _, i := range d.points {
		if i == d.o.Selected {
			continue
		}
		r := rune(PointGlyph)
		if d.events[i].When.Approximate() {
			r = ApproxPointGlyph
		}
		g.set(0, d.col[i], r, kPoint)
	}
	if c, ok := d.col[d.o.Selected]; ok {
		g.set(0, c, SelectedPointGlyph, kSelected)
	}
	return g.render(0, p)
}

type tick struct {
	col   int
	label string
}

// tickSteps are the spacings ticks may take, in months.
var tickSteps = []int{1, 3, 6, 12, 24, 60, 120, 240, 600, 1200}

// ticks chooses the finest spacing whose labels keep apart, and returns
// the ticks inside the window.
func (d *drawing) ticks() []tick {
	w := d.o.Window
	perYear := float64(d.w) / w.Span()
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if float64(s)/12*perYear >= 7 {
			step = s
			break
		}
	}
	y0 := int(math.Floor(w.From))
	m := y0 * 12
	if step >= 12 {
		m = (y0 - mod(y0, step/12)) * 12
	}
	var out []tick
	for ; float64(m)/12 <= w.To; m += step {
		y := float64(m) / 12
		if y < w.From {
			continue
		}
		yr, mo := floorDiv(m, 12), mod(m, 12)
		label := strconv.Itoa(yr)
		if mo != 0 {
			label = time.Month(mo + 1).String()[:3]
		}
		out = append(out, tick{col: d.column(y), label: label})
	}
	return out
}

func floorDiv(a, b int) int { return (a - mod(a, b)) / b }

func mod(a, b int) int { return ((a % b) + b) % b }

// ArticleLabel names the article's date, published, as the legend and
// the tick row do: "article · 19 Jul 2025".
func ArticleLabel(published time.Time) string {
	return "article · " + ArticleDate(published)
}

// ArticleDate is the article's date as the axis writes it.
func ArticleDate(published time.Time) string {
	return published.Format("2 Jan 2006")
}

func (d *drawing) articleLabel() string { return ArticleLabel(d.o.Published) }

func (d *drawing) articleDate() string { return ArticleDate(d.o.Published) }

// articleCol is the column of the article's mark ▴, if its date is in view.
func (d *drawing) articleCol() (int, bool) {
	p := d.o.Published
	if p.IsZero() {
		return 0, false
	}
	y := Years(p) + day/2
	if y < d.o.Window.From || y > d.o.Window.To {
		return 0, false
	}
	return d.column(y), true
}

// tickGrid lays out the tick row: the article's mark ▴, which takes
// precedence over a tick label it would touch, then the tick labels, then
// — without the legend, which names the mark — the mark's own label where
// it fits between them: "▴ article · 1 Mar 2024" running right or left of
// the mark, else the date alone. The label never covers a tick label, so
// the dates of the events around the article (planned ones after it) keep
// their scale. named reports whether the article's date is on the row.
func (d *drawing) tickGrid(legend bool) (g grid, named bool) {
	g = newGrid(d.w, 1)
	c, ok := d.articleCol()
	if ok {
		g.write(0, c, string(ArticleGlyph), kArticle)
	}
	for _, t := range d.ticks() {
		lw := len(t.label)
		x := t.col
		if x+lw > d.w {
			x = d.w - lw
		}
		if g.free(0, x-1, x+lw) {
			g.write(0, x, t.label, kLine)
		}
	}
	if !ok || legend {
		return g, !ok || legend
	}
	glyph := string(ArticleGlyph)
	for _, lab := range []string{d.articleLabel(), d.articleDate()} {
		w := sanitize.Width(lab) + 1 // the label and a space
		// Right of the mark: cells c+1 to c+w, a free cell after.
		if c+w < d.w && g.free(0, c+1, c+w+1) || c+w == d.w-1 && g.free(0, c+1, c+w) {
			g.write(0, c, glyph+" "+lab, kArticle)
			return g, true
		}
		// Left of it: cells c-w to c-1, a free cell before.
		if c-w >= 0 && g.free(0, c-w-1, c-1) {
			g.write(0, c-w, lab+" "+glyph, kArticle)
			return g, true
		}
	}
	return g, false
}

// tickRow writes the tick labels and the article's mark (tickGrid).
func (d *drawing) tickRow(p *paints, legend bool) string {
	g, _ := d.tickGrid(legend)
	return g.render(0, p)
}

// legend is the one-line key of glyphs and the article's date, then how
// many events have no label, as room allows.
func (d *drawing) legend(st Styles) string {
	long := []string{"● event", "○ approximate", "▒ period", "░┈ vague or open end", "◆▓ selected"}
	short := []string{"● event", "○ c.", "▒ period", "░┈ vague", "◆ selected"}
	if d.o.Selected < 0 || d.o.Selected >= d.o.Shown {
		long, short = long[:4], short[:4]
	}
	var article string
	if p := d.o.Published; !p.IsZero() && Years(p) >= d.o.Window.From && Years(p) <= d.o.Window.To {
		article = "▴ " + d.articleLabel()
	}
	more := ""
	if d.hidden > 0 {
		more = "+" + strconv.Itoa(d.hidden) + " unlabelled"
		if d.o.Hint != "" {
			more += ": " + d.o.Hint
		}
	}
	count := ""
	if d.hidden > 0 {
		count = "+" + strconv.Itoa(d.hidden)
	}
	join := func(parts []string, sep string) string {
		var ps []string
		for _, p := range parts {
			if p != "" {
				ps = append(ps, p)
			}
		}
		return strings.Join(ps, sep)
	}
	for _, try := range [][]string{
		append(append([]string{}, long...), article, more),
		append(append([]string{}, short...), article, more),
		append(append([]string{}, short...), article, count),
	} {
		if s := join(try, "  "); sanitize.Width(s) <= d.w {
			return st.Dim.Render(s)
		}
		if s := join(try, " "); sanitize.Width(s) <= d.w {
			return st.Dim.Render(s)
		}
	}
	// Narrow: the article first, then as many glyphs as fit.
	parts := append([]string{article}, short...)
	s := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		next := join([]string{s, p}, " ")
		if sanitize.Width(next) > d.w {
			break
		}
		s = next
	}
	return st.Dim.Render(s)
}

// cell kinds, indexing the styles.
const (
	kNone = iota
	kLine
	kPoint
	kSpan
	kApprox
	kSelected
	kText
	kLeader
	kArticle
	kCont // the second cell of a wide character
)

// grid is rows of cells, one rune and kind each.
type grid struct {
	w     int
	runes [][]rune
	kinds [][]uint8
}

func newGrid(w, rows int) grid {
	g := grid{w: w}
	for range rows {
		g.addRow()
	}
	return g
}

func (g *grid) addRow() {
	row := make([]rune, g.w)
	for i := range row {
		row[i] = ' '
	}
	g.runes = append(g.runes, row)
	g.kinds = append(g.kinds, make([]uint8, g.w))
}

func (g grid) emptyRow(r int) bool {
	for _, k := range g.kinds[r] {
		if k != kNone {
			return false
		}
	}
	return true
}

// trim drops empty rows at the top (the far end from the axis).
func (g grid) trim() grid {
	for len(g.runes) > 0 && g.emptyRow(len(g.runes)-1) {
		g.runes, g.kinds = g.runes[:len(g.runes)-1], g.kinds[:len(g.kinds)-1]
	}
	return g
}

func (g grid) set(r, c int, ch rune, k uint8) {
	if r >= 0 && r < len(g.runes) && c >= 0 && c < g.w {
		g.runes[r][c], g.kinds[r][c] = ch, k
	}
}

// free reports whether cells a..b of row r hold nothing (cells outside
// the grid count as free).
func (g grid) free(r, a, b int) bool {
	for c := max(a, 0); c <= min(b, g.w-1); c++ {
		if g.kinds[r][c] != kNone {
			return false
		}
	}
	return true
}

// room is how many cells, up to limit, a label starting at c (running
// right) or ending at c (running left) can take in row r, keeping a free
// cell from what is already there.
func (g grid) room(r, c int, right bool, limit int) int {
	if c < 0 || c >= g.w || g.kinds[r][c] != kNone {
		return 0
	}
	n := 0
	if right {
		if c > 0 && g.kinds[r][c-1] != kNone {
			return 0
		}
		for x := c; x < g.w && g.kinds[r][x] == kNone && n <= limit; x++ {
			n++
		}
		if c+n < g.w {
			n-- // keep a gap
		}
		return min(max(n, 0), limit)
	}
	if c+1 < g.w && g.kinds[r][c+1] != kNone {
		return 0
	}
	for x := c; x >= 0 && g.kinds[r][x] == kNone && n <= limit; x-- {
		n++
	}
	if c-n >= 0 {
		n--
	}
	return min(max(n, 0), limit)
}

// leaderFree reports whether a leader can run down column c below row r.
func (g grid) leaderFree(c, r int) bool {
	for y := 0; y < r; y++ {
		if k := g.kinds[y][c]; k != kNone && k != kLeader {
			return false
		}
	}
	return true
}

// write puts s in row r from column x.
func (g grid) write(r, x int, s string, k uint8) {
	for _, ch := range s {
		cw := 1
		if ch >= 0x300 {
			cw = ansi.StringWidth(string(ch))
		}
		if cw == 0 {
			continue
		}
		if x+cw > g.w {
			return
		}
		g.set(r, x, ch, k)
		for i := 1; i < cw; i++ {
			g.set(r, x+i, 0, kCont)
		}
		x += cw
	}
}

// paint is a style reduced to the escape sequences around a text, so rows
// are styled by concatenation rather than a Render call per run.
type paint struct{ pre, post string }

func newPaint(s lipgloss.Style) paint {
	r := s.Render("X")
	i := strings.IndexByte(r, 'X')
	if i < 0 {
		return paint{}
	}
	return paint{pre: r[:i], post: r[i+1:]}
}

// paints are the styles by cell kind.
type paints [kCont + 1]paint

func newPaints(st Styles) *paints {
	return &paints{kLine: newPaint(st.Line), kPoint: newPaint(st.Point), kSpan: newPaint(st.Span),
		kApprox: newPaint(st.Approx), kSelected: newPaint(st.Selected), kText: newPaint(st.Text),
		kLeader: newPaint(st.Dim), kArticle: newPaint(st.Article)}
}

// render styles row r, one run of cells of one kind at a time.
func (g grid) render(r int, p *paints) string {
	rs, ks := g.runes[r], g.kinds[r]
	end := len(rs)
	for end > 0 && ks[end-1] == kNone {
		end--
	}
	var b strings.Builder
	b.Grow(end * 4)
	for i := 0; i < end; {
		j := i + 1
		for j < end && (ks[j] == ks[i] || ks[j] == kCont) {
			j++
		}
		pt := p[ks[i]]
		b.WriteString(pt.pre)
		for _, ch := range rs[i:j] {
			if ch != 0 {
				b.WriteRune(ch)
			}
		}
		b.WriteString(pt.post)
		i = j
	}
	return b.String()
}
