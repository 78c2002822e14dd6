// Package shapes makes briefings of the shapes the views must handle, for
// their tests: a timeline that is hard to draw, a briefing of many themes.
package shapes

import (
	"fmt"
	"strings"
)

// denseEvents are the events of DenseTimeline: one in the 1970s, a span of
// forty years, and eight within two years.
var denseEvents = []struct{ id, when, title string }{
	{"harbour-built", "197X", "The harbour is built on the marshes"},
	{"fishing-era", "1979/2019", "Forty years of the fishing fleet"},
	{"mill-closes", "2018-01", "The old mill closes its doors"},
	{"ferry-timetable", "2018-03-14", "The ferry company announces a new timetable"},
	{"council-vote", "2018-05", "The council votes on the harbour plan"},
	{"protest", "2018-06-02", "Residents protest on the quay"},
	{"court-ruling", "2018-09~", "A court rules on the harbour plan"},
	{"new-mayor", "2018-11", "A new mayor takes office"},
	{"plan-dropped", "2019-02", "The harbour plan is dropped"},
	{"museum-opens", "2019-10-05", "The fishing museum opens"},
}

// DenseTimeline returns a briefing whose timeline is hard to draw: ten
// events from the 1970s to 2019, eight of them within two years, and a
// forty-year span under them. Tests of the timeline views use it beside
// the seed.
func DenseTimeline() []byte {
	var b strings.Builder
	b.WriteString("---\nformat: brief/1\ntitle: A harbour town's crowded years\nsource: The harbour question\npublished: 2019-11-20\n---\n\n")
	b.WriteString("# Theme: The harbour {#harbour}\n\nWhat became of the harbour.\n\n")
	b.WriteString("## The harbour plan came and went {#plan}\n\n> The harbour plan is dropped in 2019.\n\n- events: plan-dropped\n\n")
	b.WriteString("# Timeline\n\n")
	for _, e := range denseEvents {
		fmt.Fprintf(&b, "## %s {#%s}\n\n- when: %s\n- themes: harbour\n\n> %s.\n\n", e.title, e.id, e.when, sentence(e))
	}
	b.WriteString("# Source\n\n")
	for _, e := range denseEvents {
		b.WriteString(sentence(e) + ".\n\n")
	}
	b.WriteString("The harbour plan is dropped in 2019.\n")
	return []byte(b.String())
}

func sentence(e struct{ id, when, title string }) string {
	return e.title + " (" + e.id + ")"
}
