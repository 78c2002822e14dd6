package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// axisLine is the row of the screen most made of the axis line's glyphs.
func axisLine(screen string) int {
	best, row := 0, -1
	for i, l := range strings.Split(screen, "\n") {
		if n := strings.Count(l, "─") + strings.Count(l, "┼"); n > best {
			best, row = n, i
		}
	}
	return row
}

// A briefing whose planned events run past its publication date, stepped
// through on the timeline slide at 80x24: the axis keeps its row, the
// years after the article's mark ▴ stay on the scale, and the article's
// date is named once, away from them.
func TestPresentTimelineWithPlannedEvents(t *testing.T) {
	t.Parallel()
	file, err := filepath.Abs("../testdata/planned.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, 80, 24, presentEnv(t, "NO_COLOR=1"), tmuxtest.Binary(t)+" present "+file)
	s.WaitText("1/6")
	s.Keys("3", "Enter")
	screen := s.WaitFor("the timeline slide", func(sc string) bool {
		return strings.Contains(lastLines(sc, 3), "3/6") && strings.Contains(sc, "The old harbour is built")
	})
	events := []string{"The fish market moves inland", "Fishing declines", "The harbour mouth silts up", "A storm wrecks the breakwater", "The council approves a new quay",
		"Dredging starts", "The ferry terminal closes for works", "The harbour master retires", "The new quay opens", "Cruise ships return"}
	row := axisLine(screen)
	for step := 0; ; step++ {
		lines := strings.Split(screen, "\n")
		if r := axisLine(screen); r != row {
			t.Fatalf("step %d: the axis moved from row %d to row %d:\n%s", step+1, row+1, r+1, screen)
		}
		ticks := lines[row+1]
		if !strings.Contains(ticks, "2015") || !strings.Contains(ticks, "2020") || !strings.Contains(ticks[strings.Index(ticks, "▴"):], "2025") {
			t.Fatalf("step %d: the years around the article's mark are not all on the scale: %q\n%s", step+1, ticks, screen)
		}
		if n := strings.Count(screen, "1 Mar 2024"); n != 1 {
			t.Fatalf("step %d: the article's date is named %d times:\n%s", step+1, n, screen)
		}
		if step == len(events) {
			break
		}
		s.Keys("Space")
		next := events[step]
		screen = s.WaitFor(next, func(sc string) bool { return strings.Contains(sc, next) })
	}
	s.Keys("q")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("q exited %d, want 0", code)
	}
}
