package present

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/axis"
)

// planned is testdata/planned.brief.md: a briefing whose planned events
// run past the article's publication date.
func planned(t *testing.T) *model.Briefing {
	return plannedWith(t, nil)
}

// plannedWith is planned with edit applied to its text first.
func plannedWith(t *testing.T, edit func(string) string) *model.Briefing {
	t.Helper()
	const name = "../../testdata/planned.brief.md"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		src = []byte(edit(string(src)))
	}
	b, err := model.Parse(name, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var tickLabel = regexp.MustCompile(`^([0-9]{4}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$`)

// tickRowProblems checks the row under the axis line of a timeline slide:
// every tick ┼ keeps its label under it (the article's mark ▴ may take the
// place of a tick label it touches, never its label "article · date"), and
// the article's date, when the row names it, sits beside its mark.
func tickRowProblems(s string, published string) []string {
	lines := strings.Split(s, "\n")
	row := axisRow(s)
	if row < 0 || row+1 >= len(lines) {
		return []string{"no axis line"}
	}
	line, ticks := []rune(lines[row]), []rune(lines[row+1])
	mark := -1
	for c, r := range ticks {
		if r == axis.ArticleGlyph {
			mark = c
		}
	}
	at := func(c int) rune {
		if c < 0 || c >= len(ticks) {
			return ' '
		}
		return ticks[c]
	}
	var out []string
	for c, r := range line {
		if r != '┼' || mark >= 0 && mark >= c-1 && mark <= c+5 {
			continue
		}
		a, b := c, c
		for at(a-1) != ' ' {
			a--
		}
		for at(b+1) != ' ' {
			b++
		}
		if tok := string(ticks[min(a, len(ticks)):min(b+1, len(ticks))]); !tickLabel.MatchString(tok) {
			out = append(out, fmt.Sprintf("the tick at column %d is labelled %q", c, tok))
		}
	}
	if i := strings.Index(lines[row+1], published); i >= 0 {
		if !strings.Contains(lines[row+1], "▴ article · "+published) && !strings.Contains(lines[row+1], published+" ▴") &&
			!strings.Contains(lines[row+1], "▴ "+published) {
			out = append(out, "the article's date is away from its mark")
		}
	}
	return out
}

// The article's mark on the timeline slide never covers a tick label,
// however the events fall around it: planned events after the article
// keep the years they are read against, at every size and every step.
func TestArticleMarkCoversNoTick(t *testing.T) {
	// An event on the article's own day has the article's date in its
	// label: that does not name the mark.
	sameDay := plannedWith(t, func(s string) string { return strings.Replace(s, "- when: 2024-06", "- when: 2024-03-01", 1) })
	for name, b := range map[string]*model.Briefing{"seed": seedOf(t), "planned": planned(t), "same day": sameDay} {
		published := b.Source.Published.Format("2 Jan 2006")
		for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 50}} {
			m := timelinePage(t, newTest(t, b, sz[0], sz[1], Options{}))
			p, _ := m.page()
			for step := 1; step <= p.Steps(); step++ {
				s := plain(t, m)
				for _, problem := range tickRowProblems(s, published) {
					t.Errorf("%s %dx%d step %d: %s:\n%s", name, sz[0], sz[1], step, problem, s)
				}
				// The legend, the tick row or a free row above the axis
				// names the date.
				if !strings.Contains(s, "article · "+published) && !strings.Contains(s, "▴ "+published) && !strings.Contains(s, published+" ▴") {
					t.Errorf("%s %dx%d step %d: the article's date %s is nowhere:\n%s", name, sz[0], sz[1], step, published, s)
				}
				m = update(t, m, press("right")...)
			}
		}
	}
}

// legendRow is the row of the axis's legend on screen s, -1 for none.
func legendRow(s string) int {
	for i, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "● event") {
			return i
		}
	}
	return -1
}

// The legend above the timeline slide's axis is on the same row at every
// reveal step, or on none: it neither comes and goes nor moves down when a
// step has fewer rows of labels than the last.
func TestTimelineLegendHoldsStill(t *testing.T) {
	for name, b := range map[string]*model.Briefing{"seed": seedOf(t), "dense": denseDeck(t), "planned": planned(t)} {
		for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {160, 45}, {200, 50}} {
			m := timelinePage(t, newTest(t, b, sz[0], sz[1], Options{}))
			p, _ := m.page()
			first := ""
			row := -2
			for step := 1; step <= p.Steps(); step++ {
				s := plain(t, m)
				r := legendRow(s)
				if step == 1 {
					row, first = r, s
				} else if r != row {
					t.Errorf("%s %dx%d: the legend is on row %d at step 1 and on row %d at step %d:\n%s\n%s", name, sz[0], sz[1], row+1, r+1, step, first, s)
				}
				m = update(t, m, press("right")...)
			}
		}
	}
}
