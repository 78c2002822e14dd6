package e2e

import (
	"strings"
	"testing"
)

// The seed's events in the documented order (docs/format.md): date label
// and the start of the title.
var seedOrder = [][2]string{
	{"1980s", "Soviet"}, {"1990s", "Proxies"}, {"c. 2005–2025", "Russia’s"}, {"2016", "Russia launch"},
	{"until 2020", "Largely"}, {"Aug 2021", "Taliban take"}, {"c. 2021–2025", "The Taliban"},
	{"Jul 2025", "Russia acc"},
}

// axisPart is the screen above the panes: the axis strip.
func axisPart(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, "Timeline ━") || strings.Contains(l, "▸ Timeline") {
			return strings.Join(lines[:i], "\n")
		}
	}
	return screen
}

// TestTimelineJourney reads the seed's timeline in the documented order,
// zooms in on 2016–2025 and finds every event there named on the axis,
// then fits the whole timeline again.
func TestTimelineJourney(t *testing.T) {
	t.Parallel()
	s := openExplore(t, 120, 40)
	s.Keys("t")
	screen := s.WaitFor("the whole timeline list", func(sc string) bool {
		return strings.Contains(sc, "Timeline axis") && lineIndex(sc, "Jul 2025  ", "Russia acc") >= 0 && lineIndex(sc, "1980s  ", "Soviet") >= 0
	})
	prev := -1
	for _, ev := range seedOrder {
		i := lineIndex(screen, ev[0]+"  ", ev[1])
		if i <= prev {
			t.Fatalf("%s is on line %d, not below line %d:\n%s", ev[0], i, prev, screen)
		}
		prev = i
	}
	// Select "until 2020" and zoom in twice: the axis shows 2016 to 2025.
	for range 4 {
		s.Keys("j")
	}
	s.WaitFor("until 2020 selected", hasLine("▸ until 2020"))
	s.Keys("+")
	s.WaitText("2× · ")
	s.Keys("+")
	screen = s.WaitText("4× · ")
	axis := strings.Join(strings.Fields(axisPart(screen)), " ")
	for _, ev := range seedOrder[3:] {
		if !strings.Contains(axis, ev[0]+" "+strings.Fields(ev[1])[0]) {
			t.Errorf("zoomed on 2016–2025, %s is not named on the axis:\n%s", ev[0], screen)
		}
	}
	if !strings.Contains(axis, "article · 19 Jul 2025") {
		t.Errorf("the article's date is not marked:\n%s", screen)
	}
	s.Keys("0")
	s.WaitGone("4× · ")
}

// TestTimelineSlideSteps steps the present-mode timeline slide at 80x24:
// each press adds the next event, in order, on the same screen.
func TestTimelineSlideSteps(t *testing.T) {
	t.Parallel()
	s, n := startPresent(t, presentEnv(t), 80, 24)
	screen := ""
	for k := 0; k < n && !strings.Contains(screen, "1980s Soviet"); k++ {
		s.Keys("Right")
		screen = s.WaitFor("the next screen", func(sc string) bool { return sc != screen })
	}
	if !strings.Contains(screen, "1980s Soviet") {
		t.Fatalf("no timeline slide:\n%s", screen)
	}
	counter := counterRe.FindString(lastLines(screen, 3))
	for i, ev := range seedOrder {
		want := ev[0] + "  "
		screen = s.WaitFor(ev[0]+" in the list", hasLine(want, ev[1]))
		if i+1 < len(seedOrder) {
			next := seedOrder[i+1]
			if lineIndex(screen, next[0]+"  ", next[1]) >= 0 {
				t.Fatalf("step %d shows %s already:\n%s", i+1, next[0], screen)
			}
		}
		if c := counterRe.FindString(lastLines(screen, 3)); c != counter {
			t.Fatalf("step %d left the slide (%s, was %s):\n%s", i+1, c, counter, screen)
		}
		s.Keys("Right")
	}
	s.WaitFor("the next slide", func(sc string) bool { return counterRe.FindString(lastLines(sc, 3)) != counter })
}
