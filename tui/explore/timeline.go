package explore

import (
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/axis"
)

// The timeline view: the events in order with labels as precise as the
// article ("1980s", "2016", "Aug 2021", "c. 2005–2025"), and above the panes
// the proportional axis (package axis) with the selected event marked.
func timelineSpec() navSpec {
	return navSpec{
		name:     "Timeline",
		view:     "timeline",
		openHelp: "quotes in source",
		rows: func(b *model.Briefing) []model.Ref {
			refs := make([]model.Ref, len(b.Timeline))
			for i, e := range b.Timeline {
				refs[i] = model.Ref{Kind: model.KindEvent, ID: e.ID}
			}
			return refs
		},
		format: timelineFormat,
		wrap:   timelineWrap,
		open:   func(_ *model.Briefing, r model.Ref) tea.Cmd { return jumpCmd(r, true) },
	}
}

func timelineFormat(b *model.Briefing, refs []model.Ref, w int) []string {
	lw := 0
	for _, e := range b.Timeline {
		lw = max(lw, sanitize.Width(e.When.Label()))
	}
	lw = min(lw, max(w/2, 4))
	out := make([]string, len(refs))
	for i, r := range refs {
		e := b.Event(r.ID)
		out[i] = fit(fit(e.When.Label(), lw)+"  "+e.Title, w)
	}
	return out
}

// axisLines draws the axis for the timeline with the event at cursor
// selected, in w x h cells.
func axisLines(b *model.Briefing, th *Theme, w, h, cursor int) []string {
	lines := axis.RenderHeight(b.Timeline, w, h, cursor, th.Axis)
	for i, l := range lines {
		lines[i] = l + spaces(w-ansiWidth(l))
	}
	return lines
}
