package axis_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/axis"
)

// planned is testdata/planned.brief.md: planned events after the article.
func planned(t testing.TB) *model.Briefing {
	t.Helper()
	const name = "../../testdata/planned.brief.md"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := model.Parse(name, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// With Anchored, no label hangs higher than it must: a label that starts
// at its leader would find something in its way on the row under it.
func TestAnchoredLabelsSitLow(t *testing.T) {
	for _, b := range []*model.Briefing{seed(t), dense(t), planned(t)} {
		for _, w := range []int{56, 76, 116, 140, 196} {
			for sel := range b.Timeline {
				o := axis.Options{Width: w, Height: 14, Selected: sel, Shown: sel + 1, Published: b.Source.Published, Anchored: true, PeriodBands: true}
				lines, axisRow := axis.DrawRows(b.Timeline, o, axis.Styles{})
				grid := make([][]rune, len(lines))
				for i, l := range lines {
					grid[i] = []rune(l)
				}
				at := func(r, c int) rune {
					if r < 0 || r >= len(grid) || c < 0 || c >= len(grid[r]) {
						return ' '
					}
					return grid[r][c]
				}
				// Row axisRow-1 is next to the axis, axisRow-2 above it...
				for r := 0; r < axisRow-1; r++ {
					for _, e := range b.Timeline[:sel+1] {
						full := []rune(e.When.Label() + " " + e.Title)
						i := strings.Index(string(grid[r]), e.When.Label()+" ")
						if i < 0 {
							continue
						}
						x := len([]rune(string(grid[r])[:i]))
						if at(r+1, x) != axis.LeaderGlyph {
							continue // right above its marker, or moved off it
						}
						end := x
						for k := 0; k < len(full) && at(r, x+k) == full[k]; k++ {
							end = x + k
						}
						if at(r, end+1) == '…' {
							end++
						}
						free := true
						for c := x - 1; c <= end+1; c++ {
							if ch := at(r+1, c); ch != ' ' && !(c == x && ch == axis.LeaderGlyph) {
								free = false
							}
						}
						if free {
							t.Errorf("width %d, %d shown: the label at row %d column %d could sit a row lower:\n%s", w, sel+1, r, x, strings.Join(lines, "\n"))
						}
					}
				}
			}
		}
	}
}

// The article's label on the tick row never covers a year of the scale:
// every tick label drawn without the article is drawn with it, in the
// same cells, except one the mark ▴ itself touches. Explore, the CLI and
// the slides share this row, with or without a legend.
func TestArticleLabelCoversNoTickLabel(t *testing.T) {
	for _, b := range []*model.Briefing{seed(t), dense(t), planned(t)} {
		for w := 40; w <= 200; w += 7 {
			for _, legend := range []bool{false, true} {
				o := axis.Options{Width: w, Height: 3, Selected: -1, Published: b.Source.Published, Legend: legend}
				with, at := axis.DrawRows(b.Timeline, o, axis.Styles{})
				o.Published = time.Time{}
				without, at0 := axis.DrawRows(b.Timeline, o, axis.Styles{})
				if at < 0 || at0 < 0 || at+1 >= len(with) || at0+1 >= len(without) {
					t.Fatalf("width %d: no tick row", w)
				}
				got, want := []rune(with[at+1]), []rune(without[at0+1])
				mark := -1
				for c, r := range got {
					if r == axis.ArticleGlyph {
						mark = c
					}
				}
				cell := func(rs []rune, c int) rune {
					if c < len(rs) {
						return rs[c]
					}
					return ' '
				}
				for c := 0; c < len(want); c++ {
					if want[c] == ' ' {
						continue
					}
					// The tick label this cell belongs to.
					a, z := c, c
					for a > 0 && want[a-1] != ' ' {
						a--
					}
					for z+1 < len(want) && want[z+1] != ' ' {
						z++
					}
					if mark >= a-1 && mark <= z+1 {
						continue // the mark takes the place of a label it touches
					}
					if cell(got, c) != want[c] {
						t.Errorf("width %d, legend %v: the tick label %q is covered:\n%s\n%s", w, legend, string(want[a:z+1]), with[at+1], without[at0+1])
						break
					}
				}
				if mark < 0 {
					t.Errorf("width %d, legend %v: no mark ▴: %q", w, legend, with[at+1])
				}
			}
		}
	}
}
