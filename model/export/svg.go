package export

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/date"
	"github.com/brief-cli/brief/model/sanitize"
)

// The HTML handout's timeline: an inline SVG drawing, no script, that
// prints as crisply as the text around it. One row per event in timeline
// order (the order of the table under it), so labels never collide: a
// point event is a dot, a span a band whose vague or open ends fade, each
// named beside its mark by its date and title. Year ticks run across the
// top and a dashed line marks the article's publication date.

const (
	svgWidth  = 720.0
	svgLeft   = 16.0  // the axis starts here
	svgRight  = 704.0 // and ends here
	svgTop    = 34.0  // below the tick labels
	svgRow    = 24.0  // the height of an event's row
	svgBottom = 30.0  // room for the article's label
	svgCharW  = 7.2   // a generous width of a character at 12px, to cut labels
)

// TimelineSVG draws the timeline as an inline SVG element; empty for a
// briefing without events.
func TimelineSVG(b *model.Briefing) string {
	if len(b.Timeline) == 0 {
		return ""
	}
	from, to := svgWindow(b)
	x := func(y float64) float64 {
		return svgLeft + (y-from)/(to-from)*(svgRight-svgLeft)
	}
	h := svgTop + float64(len(b.Timeline))*svgRow + svgBottom
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="timeline" role="img" aria-labelledby="timeline-svg-title" viewBox="0 0 %.0f %.0f" width="100%%" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="12">`, svgWidth, h)
	fmt.Fprintf(&s, "\n<title id=\"timeline-svg-title\">Timeline of %s</title>", esc(b.Title))
	// Ticks.
	step := svgTickStep(to - from)
	for y := math.Ceil(from/step) * step; y <= to; y += step {
		tx := x(y)
		fmt.Fprintf(&s, "\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d6d6dc\" stroke-width=\"1\"/>", tx, svgTop-8, tx, h-svgBottom)
		fmt.Fprintf(&s, "\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#55565e\">%d</text>", tx, svgTop-14, int(y))
	}
	// The article's date.
	if p := b.Source.Published; !p.IsZero() {
		px := x(svgYears(p))
		fmt.Fprintf(&s, "\n<g class=\"article\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", px, svgTop-8, px, h-svgBottom+6)
		anchor, lx := "end", px
		if px < svgWidth/2 {
			anchor = "start"
		}
		fmt.Fprintf(&s, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#b3261e\">article · %s</text></g>", lx, h-8, anchor, p.Format("2 Jan 2006"))
	}
	for i, e := range b.Timeline {
		s.WriteString(svgEvent(e, svgTop+float64(i)*svgRow+svgRow/2, x, from, to))
	}
	s.WriteString("\n</svg>")
	return s.String()
}

// svgEvent draws one event's row: its mark and its label.
func svgEvent(e *model.Event, cy float64, x func(float64) float64, from, to float64) string {
	var s strings.Builder
	label := sanitize.Line(e.When.Label())
	title := sanitize.Line(e.Title)
	fmt.Fprintf(&s, "\n<g class=\"event\" id=\"svg-%s\"><title>%s: %s</title>", esc(e.ID), esc(label), esc(title))
	start, sok := e.When.Start()
	end, eok := e.When.End()
	lo, hi := from, to
	if sok {
		lo = svgYears(start)
	}
	if eok {
		hi = svgYears(end) + 1.0/365.25
	}
	var left, right float64
	if !e.When.IsInterval() {
		cx := x((lo + hi) / 2)
		fill, stroke := "#1f4e8c", "#1f4e8c"
		if e.When.Approximate() {
			fill = "#ffffff"
		}
		fmt.Fprintf(&s, "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>", cx, cy, fill, stroke)
		left, right = cx-6, cx+6
	} else {
		x0, x1 := x(lo), math.Max(x(hi), x(lo)+3)
		f, t := e.When.Ends()
		// Shaded by its dates, as the terminal's axis is: solid where the
		// dates are known; an approximate end fades over the time it is
		// approximate to; an open end is solid over its known end's
		// period, fades over the period before (after) it, and is a
		// dashed line beyond, to the edge.
		core0, core1 := lo, hi
		open0, open1 := lo, hi // where the dashed open parts end and start
		switch {
		case !sok && !eok:
			core0, core1, open0, open1 = hi, hi, hi, hi
		case !sok:
			p := svgPeriod(t)
			core0, open0 = math.Max(hi-p, lo), math.Max(hi-2*p, lo)
		case f.Approximate || f.Uncertain:
			core0 = lo + math.Min(svgPeriod(f), (hi-lo)/2)
		}
		switch {
		case !sok && !eok:
		case !eok:
			p := svgPeriod(f)
			core1, open1 = math.Min(lo+p, hi), math.Min(lo+2*p, hi)
		case t.Approximate || t.Uncertain:
			core1 = hi - math.Min(svgPeriod(t), (hi-lo)/2)
		}
		fmt.Fprintf(&s, "<g class=\"mark\">")
		if !sok {
			svgOpen(&s, x0, x(open0), cy)
		}
		svgRamp(&s, x(open0), cy, x(core0)-x(open0), true)
		mid := x(core1) - x(core0)
		if core0 == lo && core1 == hi {
			mid = x1 - x0 // exact at both ends: at least a sliver
		}
		if mid > 0 {
			fmt.Fprintf(&s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"#1f4e8c\" fill-opacity=\".45\"/>", x(core0), cy-5, mid)
		}
		svgRamp(&s, x(core1), cy, x(open1)-x(core1), false)
		if !eok {
			svgOpen(&s, x(open1), x1, cy)
		}
		s.WriteString("</g>")
		left, right = x0-4, x1+4
	}
	// The label goes inside a band wide enough for it, else on the side
	// with more room, cut to fit it.
	text := label + " " + title
	anchor, lx, room := "start", right+4, svgRight-right
	if left-svgLeft > room {
		anchor, lx, room = "end", left-4, left-svgLeft
	}
	if e.When.IsInterval() && right-left-16 > math.Min(room, float64(len([]rune(text)))*svgCharW) {
		anchor, lx, room = "start", left+12, right-left-16
	}
	if n := int(room / svgCharW); len([]rune(text)) > n {
		text = sanitize.Truncate(text, max(n, len([]rune(label))+2), "…")
	}
	rest := strings.TrimPrefix(text, label)
	fmt.Fprintf(&s, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#1b1b1f\"><tspan font-weight=\"700\">%s</tspan>%s</text></g>", lx, cy+4, anchor, esc(label), esc(rest))
	return s.String()
}

// svgRamp draws a fading end as steps of rising (in) or falling opacity:
// plain shapes, which every viewer and printer draws alike.
func svgRamp(s *strings.Builder, x, cy, w float64, in bool) {
	if w <= 0 {
		return
	}
	const steps = 8
	sw := w / steps
	for i := range steps {
		k := i
		if !in {
			k = steps - 1 - i
		}
		op := .45 * float64(k+1) / (steps + 1)
		fmt.Fprintf(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"10\" fill=\"#1f4e8c\" fill-opacity=\"%.2f\"/>", x+float64(i)*sw, cy-5, sw+0.3, op)
	}
}

// svgOpen draws the open part of a band, from x0 to x1: a dashed line, as
// faint as the end of a fade.
func svgOpen(s *strings.Builder, x0, x1, cy float64) {
	if x1-x0 <= 0 {
		return
	}
	fmt.Fprintf(s, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1f4e8c\" stroke-opacity=\".45\" stroke-width=\"2\" stroke-dasharray=\"3 3\"/>", x0, cy, x1, cy)
}

func svgPeriod(p date.Point) float64 {
	switch p.Precision {
	case date.Century:
		return 100
	case date.Decade:
		return 10
	case date.Month:
		return 1.0 / 12
	case date.Day:
		return 1.0 / 365.25
	}
	return 1
}

// svgWindow is the time drawn: from the earliest known moment to the last
// event or the publication date, with a little room either side.
func svgWindow(b *model.Briefing) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	open := false
	for _, e := range b.Timeline {
		if t, ok := e.When.Start(); ok {
			lo, hi = math.Min(lo, svgYears(t)), math.Max(hi, svgYears(t))
		} else {
			open = true
		}
		if t, ok := e.When.End(); ok {
			lo, hi = math.Min(lo, svgYears(t)), math.Max(hi, svgYears(t)+1.0/365.25)
		}
	}
	if p := b.Source.Published; !p.IsZero() {
		lo, hi = math.Min(lo, svgYears(p)), math.Max(hi, svgYears(p))
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return 2000, 2010
	}
	if hi-lo < 1 {
		lo, hi = lo-0.5, hi+0.5
	}
	pad := (hi - lo) * 0.03
	lo -= pad
	if open {
		lo -= (hi - lo) * 0.08
	}
	return lo, hi + pad
}

// svgTickStep keeps the ticks to about ten.
func svgTickStep(span float64) float64 {
	for _, s := range []float64{1, 2, 5, 10, 20, 50, 100, 200, 500} {
		if span/s <= 10 {
			return s
		}
	}
	return 1000
}

func svgYears(t time.Time) float64 {
	return float64(t.Year()) + float64(t.YearDay()-1)/365.25
}

func esc(s string) string { return svgEscaper.Replace(s) }

// svgEscaper escapes text for the drawing's text and attributes.
var svgEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;", "&", "&amp;", "<", "&lt;", ">", "&gt;")
