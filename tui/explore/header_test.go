package explore

import (
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
)

// TestHeaderTitleOnce: the header names the title once when the source's
// title is the same (in other case, quotes or spacing) or begins with it,
// and names both when they differ, at 80, 120 and 200 columns.
func TestHeaderTitleOnce(t *testing.T) {
	cases := []struct {
		title, src string
		want       string // what the header shows of the source, "" none
	}{
		{"The harbour question", "The harbour question", ""},
		{"The Harbour Question", "the harbour  question.", ""},
		{"Russia’s choice", "Russia's choice", ""},
		{"The harbour question", "The harbour question | The Weekly Tide", "The Weekly Tide"},
		{"The harbour question: what next", "The harbour question", ""},
		{"The harbour question", "What the town will keep", "What the town will keep"},
		{"The harbour", "The harbourmaster's view", "The harbourmaster's view"},
	}
	th := NewTheme(true, false, true)
	for _, c := range cases {
		if got := sourceBesides(c.title, c.src); got != c.want {
			t.Errorf("title %q, source %q: the header shows %q of the source, want %q", c.title, c.src, got, c.want)
		}
		b := &model.Briefing{Title: c.title}
		b.Source.Title = c.src
		for _, w := range []int{80, 120, 200} {
			line := newHeader(b, th).SetSize(w).View()
			n := strings.Count(strings.ToLower(line), strings.ToLower(strings.Fields(c.title)[1]))
			want := 1
			if c.want != "" && strings.Contains(strings.ToLower(c.want), strings.ToLower(strings.Fields(c.title)[1])) {
				want = 2
			}
			if n != want {
				t.Errorf("%d columns, title %q, source %q: %q names the title's word %d times, want %d", w, c.title, c.src, line, n, want)
			}
		}
	}
}

// The Source row's detail gives the publication date as a reader cites it,
// never the clock time the file may hold.
func TestSourceDetailGivesTheDay(t *testing.T) {
	screen := plain(press(sized(t, 120, 40, ThemeDark, false), "end"))
	if !strings.Contains(screen, "Published 19 July 2025") || strings.Contains(screen, "06:24") {
		t.Errorf("the source's detail does not give the day alone:\n%s", screen)
	}
}
