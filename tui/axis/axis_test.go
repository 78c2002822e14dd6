package axis_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/date"
	"github.com/brief-cli/brief/seeds"
	"github.com/brief-cli/brief/tui/axis"
)

func seed(t testing.TB) *model.Briefing {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func dense(t testing.TB) *model.Briefing {
	t.Helper()
	b, err := model.Parse("dense.brief.md", shapes.DenseTimeline(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fits(t *testing.T, lines []string, w, h int) {
	t.Helper()
	if len(lines) > h {
		t.Errorf("%d lines, at most %d wanted", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells, width %d: %q", i, n, w, l)
		}
	}
}

func ev(t *testing.T, id, when string) *model.Event {
	t.Helper()
	d, err := date.Parse(when)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Event{ID: id, Title: "Event " + id, When: d}
}

// TestGolden draws the seed and the dense timeline plain at several widths
// with the fourth event selected, fitted to everything.
func TestGolden(t *testing.T) {
	for name, b := range map[string]*model.Briefing{"seed": seed(t), "dense": dense(t)} {
		for _, w := range []int{40, 58, 78, 118, 198} {
			t.Run(fmt.Sprintf("%s_%d", name, w), func(t *testing.T) {
				o := axis.Options{Width: w, Height: 14, Selected: 3, Shown: -1, Published: b.Source.Published, Legend: true}
				lines := axis.Draw(b.Timeline, o, axis.Styles{})
				fits(t, lines, w, 14)
				golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n"))
			})
		}
	}
}

func TestEveryWidthAndHeightFits(t *testing.T) {
	st := axis.Styles{Selected: lipgloss.NewStyle().Reverse(true), Point: lipgloss.NewStyle().Bold(true)}
	for _, b := range []*model.Briefing{seed(t), dense(t)} {
		evs := b.Timeline
		for w := 0; w <= 160; w += 3 {
			for _, h := range []int{0, 1, 2, 3, 4, 5, 8, 100} {
				for sel := -1; sel < len(evs); sel++ {
					o := axis.Options{Width: w, Height: h, Selected: sel, Shown: -1, Published: b.Source.Published, Legend: true}
					fits(t, axis.Draw(evs, o, st), w, h)
				}
			}
		}
	}
}

// The axis ends at the last event or the publication date, whichever is
// later, not at the next round decade.
func TestFitEndsAtTheLastEventOrThePublication(t *testing.T) {
	b := seed(t)
	w := axis.Fit(b.Timeline, b.Source.Published)
	if w.To > 2027 || w.To < 2025.5 || w.From > 1980 || w.From < 1975 {
		t.Errorf("window %.2f–%.2f", w.From, w.To)
	}
	evs := []*model.Event{ev(t, "a", "2001"), ev(t, "b", "2003-05")}
	pub := time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
	if w := axis.Fit(evs, pub); w.To < 2010.4 || w.To > 2011 {
		t.Errorf("publication 2010: window ends %.2f", w.To)
	}
	if w := axis.Fit(evs, time.Time{}); w.To > 2004 {
		t.Errorf("no publication: window ends %.2f", w.To)
	}
}

// Ticks adapt: decades over a long range, months over a short one.
func TestTicksAdapt(t *testing.T) {
	evs := []*model.Event{ev(t, "a", "1900"), ev(t, "b", "2020")}
	o := axis.Options{Width: 80, Height: 3, Selected: -1, Shown: -1}
	long := axis.Draw(evs, o, axis.Styles{})
	if ticks := long[len(long)-1]; !strings.Contains(ticks, "1960") || strings.Contains(ticks, "1965") || strings.Contains(ticks, "1961") {
		t.Errorf("120 years: ticks %q", long[len(long)-1])
	}
	o.Window = axis.Window{From: 2019.0, To: 2020.99}
	short := axis.Draw(evs, o, axis.Styles{})
	ticks := short[len(short)-1]
	for _, want := range []string{"2020", "Apr", "Jul"} {
		if !strings.Contains(ticks, want) {
			t.Errorf("two years: no %q in ticks %q", want, ticks)
		}
	}
}

func TestGlyphs(t *testing.T) {
	evs := []*model.Event{
		ev(t, "open-start", "../1995"),
		ev(t, "point", "2000"),
		ev(t, "approx", "2005~/2015~"),
		ev(t, "exact", "2016/2019"),
		ev(t, "open-end", "2021/.."),
		ev(t, "c", "2020~"),
	}
	o := axis.Options{Width: 100, Height: 20, Selected: -1, Shown: -1, Legend: true}
	lines := axis.Draw(evs, o, axis.Styles{})
	all := strings.Join(lines, "\n")
	for _, g := range []rune{axis.PointGlyph, axis.ApproxPointGlyph, axis.BandGlyph, axis.FadeGlyph, axis.OpenGlyph} {
		if !strings.ContainsRune(all, g) {
			t.Errorf("no %c in\n%s", g, all)
		}
	}
	// Open and approximate ends fade: no band starts or ends on a solid
	// cell where its end is open or approximate.
	for _, l := range lines {
		if strings.HasPrefix(l, string(axis.BandGlyph)) {
			t.Errorf("the open start is drawn solid at the edge: %q", l)
		}
	}
	for i, want := range map[int]rune{1: axis.SelectedPointGlyph, 3: axis.SelectedBandGlyph} {
		o.Selected = i
		if all := strings.Join(axis.Draw(evs, o, axis.Styles{}), "\n"); !strings.ContainsRune(all, want) {
			t.Errorf("selected %s: no %c in\n%s", evs[i].ID, want, all)
		}
	}
	if !strings.Contains(lines[0], "● event") {
		t.Errorf("no legend: %q", lines[0])
	}
}

// Points and spans never share a row: spans lie in lanes under the tick
// labels, points on the axis line.
func TestSpansInTheirOwnLanes(t *testing.T) {
	b := seed(t)
	o := axis.Options{Width: 80, Height: 30, Selected: -1, Shown: -1, Published: b.Source.Published}
	lines := axis.Draw(b.Timeline, o, axis.Styles{})
	line := -1
	for i, l := range lines {
		if strings.Contains(l, "──") {
			line = i
		}
	}
	for i, l := range lines {
		if strings.Contains(l, "● event") {
			continue // the legend, which names every glyph
		}
		hasBand := strings.ContainsAny(l, "▒░┈")
		hasPoint := strings.ContainsAny(l, "●○◆")
		if hasBand && hasPoint {
			t.Errorf("line %d mixes points and spans: %q", i, l)
		}
		if hasBand && i < line+2 {
			t.Errorf("a band above the tick labels on line %d", i)
		}
	}
}

// A selected event keeps its label however crowded the axis is.
func TestSelectedIsAlwaysNamed(t *testing.T) {
	b := dense(t)
	for sel := range b.Timeline {
		o := axis.Options{Width: 60, Height: 8, Selected: sel, Shown: -1, Published: b.Source.Published, Legend: true}
		all := strings.Join(axis.Draw(b.Timeline, o, axis.Styles{}), "\n")
		if !strings.Contains(all, b.Timeline[sel].When.Label()+" ") {
			t.Errorf("selected %s unnamed:\n%s", b.Timeline[sel].ID, all)
		}
	}
}

// Shown draws the first events only, on the axis of all of them.
func TestShownBuildsUp(t *testing.T) {
	b := seed(t)
	o := axis.Options{Width: 100, Height: 20, Selected: -1, Shown: 2, Published: b.Source.Published}
	all := strings.Join(axis.Draw(b.Timeline, o, axis.Styles{}), "\n")
	for i, e := range b.Timeline {
		word, _, _ := strings.Cut(e.Title, " ")
		if got := strings.Contains(all, e.When.Label()+" "+word); got != (i < 2) {
			t.Errorf("event %d (%s) shown=%v with Shown 2:\n%s", i, e.ID, got, all)
		}
	}
}

func TestZoomAndPanStayInside(t *testing.T) {
	fit := axis.Window{From: 1980, To: 2026}
	w := fit.Zoom(0.5, 2021, fit)
	if w.Span() != 23 || w.From > 2021 || w.To < 2021 {
		t.Errorf("zoom in: %+v", w)
	}
	w = w.Zoom(0.5, 2025, fit)
	if w.To != 2026 || w.Span() != 11.5 {
		t.Errorf("zoom near the end is kept inside: %+v", w)
	}
	if got := w.Zoom(8, 2025, fit); got != fit {
		t.Errorf("zooming out past the whole gives the whole: %+v", got)
	}
	if got := w.Pan(-10, fit); got.From != 1980 || got.Span() != w.Span() {
		t.Errorf("panning past the start: %+v", got)
	}
	if got := (axis.Window{From: 1990, To: 1995}).Show(2020, 2021, fit); got.From > 2020 || got.To < 2021 {
		t.Errorf("Show does not bring the event in: %+v", got)
	}
	tiny := fit
	for range 20 {
		tiny = tiny.Zoom(0.5, 2000, fit)
	}
	if tiny.Span() < axis.MinSpan-1e-9 {
		t.Errorf("zoomed below the minimum: %+v", tiny)
	}
}

// BenchmarkDraw draws a crowded axis: 300 events over a century, the work
// of one keystroke on the timeline of a large briefing.
func BenchmarkDraw(b *testing.B) {
	var evs []*model.Event
	for i := range 300 {
		when := fmt.Sprintf("%04d-%02d", 1925+i/3, 1+i%12)
		if i%10 == 0 {
			when = fmt.Sprintf("%04d~/%04d", 1925+i/3, 1930+i/3)
		}
		d, err := date.Parse(when)
		if err != nil {
			b.Fatal(err)
		}
		evs = append(evs, &model.Event{ID: fmt.Sprint(i), Title: "An event of some length " + fmt.Sprint(i), When: d})
	}
	o := axis.Options{Width: 200, Height: 14, Selected: 150, Shown: -1, Legend: true}
	for b.Loop() {
		axis.Draw(evs, o, axis.Styles{})
	}
}

// BenchmarkDrawSeed is the axis of explore mode on the seed at 120x40.
func BenchmarkDrawSeed(b *testing.B) {
	s := seed(b)
	o := axis.Options{Width: 118, Height: 14, Selected: 3, Shown: -1, Published: s.Source.Published, Legend: true}
	for b.Loop() {
		axis.Draw(s.Timeline, o, axis.Styles{})
	}
}

// Odd timelines draw without trouble at every size and zoom: one event,
// unknown and open ends, a century, events on one day.
func TestOddTimelinesFit(t *testing.T) {
	sets := [][]string{
		{"2020"},
		{"/1989", "1990/", "2000"},
		{"../1990", "1995/.."},
		{"19XX", "2001-09-11"},
		{"2020-01-01", "2020-01-01", "2020-01-01"},
		{"0001", "9999"},
	}
	for _, set := range sets {
		var evs []*model.Event
		for i, w := range set {
			evs = append(evs, ev(t, fmt.Sprint(i), w))
		}
		for _, pub := range []time.Time{{}, time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)} {
			fit := axis.Fit(evs, pub)
			if fit.IsZero() || math.IsNaN(fit.From) || math.IsInf(fit.To, 0) {
				t.Fatalf("%v: window %+v", set, fit)
			}
			for _, win := range []axis.Window{fit, fit.Zoom(0.1, axis.Anchor(evs[0], fit), fit)} {
				for _, w := range []int{8, 20, 60, 200} {
					for _, h := range []int{1, 4, 12} {
						o := axis.Options{Width: w, Height: h, Selected: 0, Shown: -1, Window: win, Published: pub, Legend: true}
						fits(t, axis.Draw(evs, o, axis.Styles{}), w, h)
					}
				}
			}
		}
	}
}

// With Anchored, a point's label starts at its marker: right above it, or
// higher with a leader │ under its first cell; a label moved left from the
// right edge covers its leader, which comes up under one of its cells.
func TestAnchoredLabelsStartAtTheirMarkers(t *testing.T) {
	for _, b := range []*model.Briefing{seed(t), dense(t)} {
		for _, w := range []int{58, 72, 78, 118, 198} {
			o := axis.Options{Width: w, Height: 12, Selected: len(b.Timeline) - 1, Published: b.Source.Published, Anchored: true, PeriodBands: true}
			lines, axisRow := axis.DrawRows(b.Timeline, o, axis.Styles{})
			if axisRow < 0 {
				t.Fatalf("width %d: no axis line", w)
			}
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
			under := func(r, c int) bool {
				ch := at(r+1, c)
				if r+1 == axisRow {
					return ch == axis.PointGlyph || ch == axis.ApproxPointGlyph || ch == axis.SelectedPointGlyph
				}
				return ch == axis.LeaderGlyph
			}
			named := 0
			for _, e := range b.Timeline {
				if axis.Period(e) {
					continue
				}
				label := []rune(e.When.Label() + " ")
				for r := 0; r < axisRow; r++ {
					if strings.Contains(string(grid[r]), "● event") {
						continue // the legend
					}
					x := strings.Index(string(grid[r]), string(label))
					if x < 0 {
						continue
					}
					x = len([]rune(string(grid[r])[:x]))
					named++
					end := x
					for end < len(grid[r]) && grid[r][end] != ' ' || end+1 < len(grid[r]) && grid[r][end+1] != ' ' {
						end++
					}
					if under(r, x) {
						continue
					}
					// A label moved left from the right edge covers its
					// leader: one of its cells has the leader under it.
					moved := false
					for c := x; c < end; c++ {
						moved = moved || under(r, c)
					}
					if !moved {
						t.Errorf("width %d: the label of %q on row %d starts at column %d with no marker or leader under it:\n%s", w, e.When.Label(), r, x, strings.Join(lines, "\n"))
					}
				}
			}
			if named == 0 {
				t.Errorf("width %d: no point is named:\n%s", w, strings.Join(lines, "\n"))
			}
		}
	}
}

// With PeriodBands, a date given to the decade is a band over its years,
// not a point.
func TestPeriodBands(t *testing.T) {
	b := seed(t)
	var decade *model.Event
	for _, e := range b.Timeline {
		if !e.When.IsInterval() && e.When.Precision() == date.Decade {
			decade = e
		}
	}
	if decade == nil {
		t.Fatal("the seed has no decade")
	}
	o := axis.Options{Width: 78, Height: 20, Selected: -1, Published: b.Source.Published}
	// The markers on the axis line.
	count := func(o axis.Options) int {
		lines, row := axis.DrawRows(b.Timeline, o, axis.Styles{})
		return strings.Count(lines[row], string(axis.PointGlyph)) + strings.Count(lines[row], string(axis.ApproxPointGlyph))
	}
	pts := count(o)
	o.PeriodBands = true
	if got := count(o); got >= pts {
		t.Errorf("with PeriodBands %d points, without %d: the decades are still points", got, pts)
	}
	if !axis.Period(decade) {
		t.Errorf("%s is not a period", decade.When.Label())
	}
}
