package axis_test

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/date"
	"github.com/brief-cli/brief/seeds"
	"github.com/brief-cli/brief/tui/axis"
)

func timeline(t *testing.T) []*model.Event {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b.Timeline
}

func ev(t *testing.T, id, when string) *model.Event {
	t.Helper()
	d, err := date.Parse(when)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Event{ID: id, Title: id, When: d}
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

// TestGolden draws the seed timeline plain at several widths with the
// 2016 event selected.
func TestGolden(t *testing.T) {
	evs := timeline(t)
	sel := -1
	for i, e := range evs {
		if e.ID == "moscow-format-launched" {
			sel = i
		}
	}
	for _, w := range []int{40, 58, 78, 118, 198} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			lines := axis.Render(evs, w, sel, axis.Styles{})
			fits(t, lines, w, 100)
			golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n"))
		})
	}
}

func TestEveryWidthAndHeightFits(t *testing.T) {
	evs := timeline(t)
	st := axis.Styles{Selected: lipgloss.NewStyle().Reverse(true), Point: lipgloss.NewStyle().Bold(true)}
	for w := 0; w <= 160; w++ {
		for _, h := range []int{0, 1, 2, 3, 4, 5, 8, 100} {
			for sel := -1; sel < len(evs); sel++ {
				fits(t, axis.RenderHeight(evs, w, h, sel, st), w, h)
			}
		}
	}
}

func TestDecadeLabelsDoNotOverlap(t *testing.T) {
	evs := []*model.Event{ev(t, "a", "1903"), ev(t, "b", "2024")}
	for w := 8; w <= 120; w++ {
		lines := axis.Render(evs, w, -1, axis.Styles{})
		labels := lines[len(lines)-2]
		fields := strings.Fields(labels)
		for _, f := range fields { // touching labels would make longer fields
			if len(f) != 4 || f[3] != '0' {
				t.Errorf("width %d: a label was cut: %q", w, labels)
			}
		}
		if len(fields) == 0 {
			t.Errorf("width %d: no decade labelled", w)
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
	}
	all := strings.Join(axis.Render(evs, 80, -1, axis.Styles{}), "\n")
	for _, g := range []rune{axis.OpenLeft, axis.PointGlyph, axis.ApproxGlyph, axis.SpanGlyph, axis.OpenRight} {
		if !strings.ContainsRune(all, g) {
			t.Errorf("no %c in\n%s", g, all)
		}
	}
	if strings.ContainsRune(all, axis.Caret) {
		t.Error("a caret with nothing selected")
	}
	for i, want := range []rune{0, axis.SelectedPointGlyph, axis.SelectedApproxGlyph, axis.SelectedSpanGlyph} {
		if want == 0 {
			continue
		}
		lines := axis.Render(evs, 80, i, axis.Styles{})
		all := strings.Join(lines, "\n")
		if !strings.ContainsRune(all, want) {
			t.Errorf("selected %s: no %c in\n%s", evs[i].ID, want, all)
		}
		if caret := lines[len(lines)-1]; !strings.Contains(caret, string(axis.Caret)) || !strings.Contains(caret, evs[i].When.Label()) {
			t.Errorf("selected %s: caret row %q", evs[i].ID, caret)
		}
	}
	// Open ends reach the edges.
	for _, l := range axis.Render(evs, 80, -1, axis.Styles{}) {
		if strings.HasPrefix(l, string(axis.OpenLeft)) {
			return
		}
	}
	t.Error("the open start does not reach the left edge")
}

func TestSharedColumnsStack(t *testing.T) {
	evs := []*model.Event{ev(t, "a", "2021-08"), ev(t, "b", "2021-09"), ev(t, "c", "2021-10")}
	lines := axis.Render(evs, 30, -1, axis.Styles{})
	if rows := len(lines) - 3; rows != 3 {
		t.Fatalf("three events in one column on %d rows:\n%s", rows, strings.Join(lines, "\n"))
	}
	for _, l := range lines[:3] {
		if strings.Count(l, string(axis.PointGlyph)) != 1 {
			t.Errorf("row %q does not hold one event", l)
		}
	}
	capped := axis.RenderHeight(evs, 30, 4, 1, axis.Styles{})
	if !strings.ContainsRune(capped[0], axis.SelectedPointGlyph) {
		t.Errorf("the selected event is hidden when rows run out:\n%s", strings.Join(capped, "\n"))
	}
}

func TestSelectedVisibleInStyles(t *testing.T) {
	evs := timeline(t)
	st := axis.Styles{Selected: lipgloss.NewStyle().Reverse(true)}
	plain := strings.Join(axis.Render(evs, 80, 3, axis.Styles{}), "\n")
	styled := strings.Join(axis.Render(evs, 80, 3, st), "\n")
	if plain == styled || ansi.Strip(styled) != plain {
		t.Error("the selected style is not applied, or changes the text")
	}
}
