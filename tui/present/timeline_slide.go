package present

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/axis"
)

// The timeline slide: the axis across the wide column, built up one event
// per step so a briefer tells the story left to right, and under it the
// events with their dates, revealed with it.

// minAxisRows is the least height the axis gets on a slide: legend, a
// row of labels, the line, its ticks and a lane of periods.
const minAxisRows = 5

// timelineSlide lays out the axis (the header, repeated on every part of
// a split slide) and the list of events for a body of bodyH rows. The list
// gets the room it needs when the axis keeps minAxisRows; the axis is
// never split.
//
// The layout is fixed from the first step: every step's drawing is as tall
// as the last one's, with its axis line on the same row, labels above and
// bands below it, so the axis holds still as the story is told and the
// list grows below it. Labels start at their markers (axis.Options.Anchored).
func timelineSlide(s model.Slide, g geometry, bodyH int) (header []line, blocks [][]line, gap bool) {
	blocks = timelineList(s.Events, g)
	if len(s.Events) == 0 {
		return nil, blocks, true
	}
	listH := 0
	for _, b := range blocks {
		listH += len(b)
	}
	o := axis.Options{Width: g.ww, Selected: -1, Shown: -1, Published: s.Published, Legend: true, Anchored: true, PeriodBands: true}
	if s.Reveal {
		// The last step, the newest event selected, sets the rows: its
		// selected label goes first and may need rows the others do not.
		o.Shown, o.Selected = len(s.Events), len(s.Events)-1
	}
	need := axis.Need(s.Events, o)
	gap = true
	h := bodyH - 1 - listH // a blank line under the axis
	if h < need {
		// Short of rows: the axis takes the blank line under it, labels
		// name events and the legend does not, and the markers at the
		// right edge get a second row to move to.
		gap, h = false, h+1
		o.Legend, o.LabelRows = false, 2
		need = axis.Need(s.Events, o)
	}
	if h < minAxisRows {
		h = max(minAxisRows, bodyH/2)
	}
	o.Height = min(need, h)
	full, axisRow := drawAxis(s.Events, o, g.axis)
	if axisRow > 0 {
		// The legend is drawn at every step only if the last step has
		// it (it may come without o.Legend, to name the article's
		// date), so nothing comes and goes above the axis.
		if bare, _ := drawAxis(s.Events, withNoLegend(o), g.axis); len(bare) > 0 && bare[0] == full[0] {
			o.NoLegend = true
		}
	}
	out := make([]line, len(full))
	for i, l := range full {
		out[i] = line{segs: []seg{{segRaw, l}}, item: -1, wide: true}
	}
	if s.Reveal && axisRow >= 0 {
		for n := 1; n <= len(s.Events); n++ {
			step := o
			step.Shown, step.Selected = n, n-1
			ls, at := drawAxis(s.Events, step, g.axis)
			// An early step has fewer bands and may take more label rows
			// than the last: fewer rows until its axis is no lower.
			for at > axisRow && step.Height > 1 {
				step.Height -= at - axisRow
				ls, at = drawAxis(s.Events, step, g.axis)
			}
			// The legend, when the step has one, stays on the top row:
			// the rows the step does not use go between it and the
			// labels, so it does not move down when a step has fewer
			// label rows than the last.
			legend := false
			if !step.NoLegend && at > 0 {
				bare, _ := drawAxis(s.Events, withNoLegend(step), g.axis)
				legend = len(bare) == 0 || bare[0] != ls[0]
			}
			pad := axisRow - at
			for i := range out {
				text := ""
				if j := i - pad; legend && i == 0 {
					text = ls[0]
				} else if j >= 0 && j < len(ls) && !(legend && j == 0) {
					text = ls[j]
				}
				out[i].byEvents = append(out[i].byEvents, text)
			}
		}
	}
	nameArticle(out, axisRow, s, g.axis)
	return out, blocks, gap
}

// nameArticle makes sure the slide says what the mark ▴ is when neither
// the legend nor the tick row had room for the article's date: it writes
// "▴ article · 19 Jul 2025" at the left of the highest row above the axis
// whose first cells are blank at every step, so it never covers a label
// and stays put while the story is told.
func nameArticle(out []line, axisRow int, s model.Slide, st axis.Styles) {
	if s.Published.IsZero() || axisRow <= 0 {
		return
	}
	date, mark := axis.ArticleDate(s.Published), string(axis.ArticleGlyph)
	rows := func(i int) []string {
		return append([]string{out[i].segs[0].text}, out[i].byEvents...)
	}
	for i := range out {
		for _, l := range rows(i) {
			// As the legend or the tick row names it; an event's label
			// may hold the same date.
			l = ansi.Strip(l)
			if strings.Contains(l, axis.ArticleLabel(s.Published)) || strings.Contains(l, mark+" "+date) || strings.Contains(l, date+" "+mark) {
				return
			}
		}
	}
	text := mark + " " + axis.ArticleLabel(s.Published)
	tw := sanitize.Width(text)
	for i := 0; i < axisRow; i++ {
		free := true
		for _, l := range rows(i) {
			free = free && strings.TrimSpace(ansi.Truncate(ansi.Strip(l), tw+1, "")) == ""
		}
		if !free {
			continue
		}
		named := st.Article.Render(text)
		put := func(l string) string { return named + ansi.TruncateLeft(l, tw, "") }
		out[i].segs[0].text = put(out[i].segs[0].text)
		for k, l := range out[i].byEvents {
			out[i].byEvents[k] = put(l)
		}
		return
	}
}

func withNoLegend(o axis.Options) axis.Options {
	o.NoLegend = true
	return o
}

// drawAxis draws the timeline axis; it is the one place the axis package is
// called.
var drawAxis = func(events []*model.Event, o axis.Options, st axis.Styles) ([]string, int) {
	return axis.DrawRows(events, o, st)
}

// timelineList lays out the events under the axis: the date, never cut,
// then the title with a hanging indent, one block per event.
func timelineList(events []*model.Event, g geometry) [][]line {
	lw := 0
	for _, e := range events {
		lw = max(lw, sanitize.Width(e.When.Label()))
	}
	lw = min(lw, g.cw/2)
	var blocks [][]line
	for i, e := range events {
		label := sanitize.Truncate(e.When.Label(), lw, "…")
		pad := strings.Repeat(" ", lw-sanitize.Width(label)+2)
		var b []line
		for j, l := range sanitize.Wrap(e.Title, g.cw-lw-2) {
			lead := []seg{{segLabel, label}, {segText, pad}}
			if j > 0 {
				lead = []seg{{segText, strings.Repeat(" ", lw+2)}}
			}
			b = append(b, line{segs: append(lead, seg{segText, l}), item: i})
		}
		blocks = append(blocks, b)
	}
	return blocks
}
