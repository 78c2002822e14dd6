package explore

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/model"
)

// denseBriefing is a generated briefing with ten events, eight of them
// within two years, and a forty-year span.
func denseBriefing(tb testing.TB) *model.Briefing {
	tb.Helper()
	b, err := model.Parse("dense.brief.md", shapes.DenseTimeline(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func sizedOn(tb testing.TB, b *model.Briefing, w, h int) Model {
	tb.Helper()
	return step(New(b, config{theme: ThemeDark}), tea.WindowSizeMsg{Width: w, Height: h})
}

// axisStripText is the plain text of the axis strip on screen: the lines
// between the strip's frame.
func axisStripText(m Model) string {
	lines := strings.Split(plain(m), "\n")
	a := m.lay.panes[paneAxis]
	if a.h == 0 {
		return ""
	}
	return strings.Join(lines[a.y+1:a.y+a.h-1], "\n")
}

// TestTimelineGoldenDense draws the timeline of the dense briefing at every
// size, with the cursor in the cluster, at fit and zoomed in twice.
func TestTimelineGoldenDense(t *testing.T) {
	for _, sz := range sizes {
		for _, zoom := range []string{"fit", "zoom"} {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], zoom), func(t *testing.T) {
				m := press(sizedOn(t, denseBriefing(t), sz[0], sz[1]), "t", "down", "down", "down", "down")
				if zoom == "zoom" {
					m = press(m, "+", "+", "+", "+")
				}
				checkFits(t, m.Render(), sz[0], sz[1])
				golden.RequireEqual(t, []byte(plain(m)))
			})
		}
	}
}

// named counts the events whose label (date and the first word of the
// title) appears in text.
func named(b *model.Briefing, text string) (n int, missing []string) {
	flat := strings.Join(strings.Fields(text), " ")
	for _, e := range b.Timeline {
		word, _, _ := strings.Cut(e.Title, " ")
		if strings.Contains(flat, e.When.Label()+" "+word) {
			n++
		} else {
			missing = append(missing, e.When.Label())
		}
	}
	return n, missing
}

// At 120x40 with the timeline just opened, the axis names at least six of
// the seed's eight events.
func TestAxisNamesTheSeedsEvents(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "t")
	text := axisStripText(m)
	if n, missing := named(m.b, text); n < 6 {
		t.Errorf("%d of %d events named on the axis (missing %v):\n%s", n, len(m.b.Timeline), missing, text)
	}
	if !strings.Contains(text, "article · 19 Jul 2025") {
		t.Errorf("the article's date is not marked:\n%s", text)
	}
}

// Zooming in on the dense cluster names every event in it.
func TestZoomMakesTheClusterReadable(t *testing.T) {
	b := denseBriefing(t)
	m := press(sizedOn(t, b, 120, 40), "t", "down", "down", "down", "down")
	before, _ := named(b, axisStripText(m))
	m = press(m, "+", "+", "+", "+")
	after, missing := named(b, axisStripText(m))
	// The cluster is the eight events from 2018 on.
	if after < 8 || after <= before {
		t.Errorf("zoomed: %d named (missing %v), %d before:\n%s", after, missing, before, axisStripText(m))
	}
	if m.axis.Zoomed() == "" {
		t.Error("the frame does not say the axis is zoomed")
	}
	m = press(m, "0")
	if m.axis.Zoomed() != "" {
		t.Error("0 does not fit the whole timeline")
	}
}

// Panning keeps the selection in view: when it would leave, the selection
// moves to an event in view, and the list follows.
func TestPanKeepsTheSelectionVisible(t *testing.T) {
	b := denseBriefing(t)
	m := press(sizedOn(t, b, 120, 40), "t", "down", "down", "down", "down", "+", "+", "+", "+")
	for _, k := range []string{"left", "left", "left", "h", "right", "l", "right", "right", "right"} {
		m = press(m, k)
		sel := m.navs[navTimeline].Cursor()
		if !m.axis.inView(sel) {
			t.Fatalf("after %s: the selected event %s is out of view", k, b.Timeline[sel].ID)
		}
		if m.current.ID != b.Timeline[sel].ID {
			t.Fatalf("after %s: the detail shows %s, the list %s", k, m.current.ID, b.Timeline[sel].ID)
		}
	}
}

// The zoom keys are listed in help when the timeline is open.
func TestAxisKeysInHelp(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "t", "?")
	text := plain(m)
	for _, want := range []string{"zoom in on the selection", "zoom out", "earlier on the axis", "fit the whole timeline"} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, text)
		}
	}
}

// The list never cuts a date label where there is room for it.
func TestTimelineListKeepsDates(t *testing.T) {
	for _, b := range []*model.Briefing{seed(t), denseBriefing(t)} {
		for _, sz := range sizes {
			m := press(sizedOn(t, b, sz[0], sz[1]), "t")
			text := plain(m)
			for _, e := range b.Timeline[:min(len(b.Timeline), 5)] {
				if !strings.Contains(text, e.When.Label()+"  ") {
					t.Errorf("%dx%d: %q cut in the list:\n%s", sz[0], sz[1], e.When.Label(), text)
				}
			}
		}
	}
}

// The selected row shows its whole title, wrapped after the date column;
// other rows keep one line; clicks below it still land on their rows.
func TestTimelineSelectedRowWraps(t *testing.T) {
	m := press(sized(t, 60, 20, ThemeDark, false), "t", "down")
	e := m.b.Timeline[1]
	flat := strings.Join(strings.Fields(strings.NewReplacer("┃", " ", "▸", " ").Replace(plain(m))), " ")
	if !strings.Contains(flat, e.When.Label()+" "+e.Title) {
		t.Errorf("the selected title %q is not shown whole:\n%s", e.Title, plain(m))
	}
	other := m.b.Timeline[2]
	if lineWith(plain(m), other.When.Label()+"  ", strings.Fields(other.Title)[0]) < 0 {
		t.Errorf("the next row is gone:\n%s", plain(m))
	}
	// The row under the expanded one is two lines lower; a click there
	// selects it.
	nav := m.navs[navTimeline]
	extra := nav.rowsOf(nav.cursor) - 1
	if extra < 1 {
		t.Fatalf("row %s did not expand", e.ID)
	}
	_, ok := nav.rowAtLine(nav.cursor - nav.off + 1 + extra)
	nav, _ = nav.Click(nav.cursor - nav.off + 1 + extra)
	if !ok || nav.Cursor() != 2 {
		t.Errorf("a click under the expanded row selected %d, want 2", nav.Cursor())
	}
}

// Panning past the last event still leaves an event selected and in view.
func TestPanPastTheEnd(t *testing.T) {
	b := denseBriefing(t)
	m := press(sizedOn(t, b, 120, 40), "t")
	m = press(m, "+", "+", "+", "+", "+", "+")
	for range 30 {
		m = press(m, "l")
	}
	if sel := m.navs[navTimeline].Cursor(); !m.axis.inView(sel) {
		t.Errorf("after panning to the end, %s is out of view", b.Timeline[sel].ID)
	}
	for range 60 {
		m = press(m, "h")
	}
	if sel := m.navs[navTimeline].Cursor(); !m.axis.inView(sel) {
		t.Errorf("after panning to the start, %s is out of view", b.Timeline[sel].ID)
	}
}
