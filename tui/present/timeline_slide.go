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
func timelineSlide(s model.Slide, g geometry, bodyH int) ([]line, [][]line) {
	blocks := timelineList(s.Events, g)
	if len(s.Events) == 0 {
		return nil, blocks
	}
	listH := 0
	for _, b := range blocks {
		listH += len(b)
	}
	o := axis.Options{Width: g.ww, Selected: -1, Shown: -1, Published: s.Published, Legend: true}
	need := axis.Need(s.Events, o)
	h := bodyH - 1 - listH // a blank line under the axis
	if h < minAxisRows {
		h = max(minAxisRows, bodyH/2)
	}
	o.Height = min(need, h)
	full := drawAxis(s.Events, o, g.axis)
	out := make([]line, len(full))
	for i, l := range full {
		out[i] = line{segs: []seg{{segRaw, l}}, item: -1, wide: true}
	}
	if s.Reveal {
		// One drawing per step, each the height of the full one, the
		// newest event selected; shorter ones are padded at the top so the
		// axis line stays put.
		for n := 1; n <= len(s.Events); n++ {
			step := o
			step.Shown, step.Selected = n, n-1
			ls := drawAxis(s.Events, step, g.axis)
			pad := len(full) - len(ls)
			for i := range out {
				text := ""
				if j := i - pad; j >= 0 && j < len(ls) {
					text = ls[j]
				}
				out[i].byEvents = append(out[i].byEvents, text)
			}
		}
	}
	for len(out) > 0 && strings.TrimSpace(ansi.Strip(out[len(out)-1].segs[0].text)) == "" {
		out = out[:len(out)-1]
	}
	return out, blocks
}

// drawAxis draws the timeline axis; it is the one place the axis package is
// called.
var drawAxis = func(events []*model.Event, o axis.Options, st axis.Styles) []string {
	return axis.Draw(events, o, st)
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
