package present

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/model"
)

// timelinePage moves m to the first screen of the timeline slide.
func timelinePage(t *testing.T, m Model) Model {
	t.Helper()
	for k := 0; k < 200; k++ {
		if p, ok := m.page(); ok && m.deck[p.Slide].Kind == model.SlideTimeline {
			return m
		}
		m = update(t, m, press("right")...)
	}
	t.Fatal("no timeline slide")
	return m
}

// The timeline slide builds up one event per press, left to right on the
// axis and down the list, and at 80x24 fits on one screen with the axis
// whole.
func TestTimelineSlideBuildsUp(t *testing.T) {
	for name, b := range map[string]*model.Briefing{"seed": seedOf(t), "dense": denseDeck(t)} {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz.w, sz.h), func(t *testing.T) {
				m := timelinePage(t, newTest(t, b, sz.w, sz.h, Options{}))
				p, _ := m.page()
				if b == seedOf(t) && p.Parts != 1 {
					t.Errorf("the seed's timeline takes %d screens", p.Parts)
				}
				if p.Steps() != len(p.items) || p.Steps() < 2 {
					t.Fatalf("%d steps for %d events", p.Steps(), len(p.items))
				}
				var prev string
				for step := 1; step <= p.Steps(); step++ {
					s := plain(t, m)
					if step == 1 || step == p.Steps() {
						t.Run(fmt.Sprint(step), func(t *testing.T) { golden.RequireEqual(t, s) })
					}
					e := b.Timeline[p.items[step-1]]
					if !strings.Contains(s, e.When.Label()) {
						t.Errorf("step %d: %s not shown:\n%s", step, e.When.Label(), s)
					}
					if step < p.Steps() {
						next := b.Timeline[p.items[step]]
						if strings.Contains(s, next.Title) {
							t.Errorf("step %d: %q shown before its step:\n%s", step, next.Title, s)
						}
					}
					if s == prev {
						t.Errorf("step %d draws what step %d drew", step, step-1)
					}
					prev = s
					m = update(t, m, press("right")...)
				}
			})
		}
	}
}

var seedCache *model.Briefing

func seedOf(t *testing.T) *model.Briefing {
	if seedCache == nil {
		seedCache = seed(t)
	}
	return seedCache
}

func denseDeck(t *testing.T) *model.Briefing {
	t.Helper()
	b, err := model.Parse("dense.brief.md", shapes.DenseTimeline(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// axisRow is the row of the screen s that holds the timeline's axis line:
// the row most made of the line's glyphs.
func axisRow(s string) int {
	best, row := 0, -1
	for i, l := range strings.Split(s, "\n") {
		if n := strings.Count(l, "─") + strings.Count(l, "┼"); n > best {
			best, row = n, i
		}
	}
	return row
}

// The timeline slide's layout is fixed from its first step: the axis stays
// on its row at every step while the list grows below it, at every size,
// for the seed and for a dense timeline. At 80x24 the last step names at
// least half the events on the axis.
func TestTimelineSlideHoldsStill(t *testing.T) {
	for name, b := range map[string]*model.Briefing{"seed": seedOf(t), "dense": denseDeck(t)} {
		for _, sz := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 35}, {160, 45}, {200, 50}} {
			m := timelinePage(t, newTest(t, b, sz[0], sz[1], Options{}))
			p, _ := m.page()
			row := -1
			for step := 1; step <= p.Steps(); step++ {
				s := plain(t, m)
				r := axisRow(s)
				if step == 1 {
					row = r
				} else if r != row {
					t.Errorf("%s %dx%d: the axis is on row %d at step 1 and on row %d at step %d:\n%s", name, sz[0], sz[1], row+1, r+1, step, s)
				}
				if step == p.Steps() && name == "seed" && sz == [2]int{80, 24} {
					axisText := strings.Join(strings.Split(s, "\n")[:row+len(b.Timeline)], "\n")
					named := 0
					for _, e := range b.Timeline {
						label := e.When.Label() + " " + strings.Fields(e.Title)[0]
						if strings.Contains(axisText, label[:min(len(label), len(e.When.Label())+3)]) {
							named++
						}
					}
					if 2*named < len(b.Timeline) {
						t.Errorf("at 80x24 the last step names %d of %d events on the axis:\n%s", named, len(b.Timeline), s)
					}
				}
				m = update(t, m, press("right")...)
			}
		}
	}
}
