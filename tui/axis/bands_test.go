package axis_test

import (
	"fmt"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/axis"
)

// TestBandsByTheirDates draws one period at a time in many windows (the
// whole, zoomed 2x to 16x, panned across) and checks every cell of its band
// against its dates: solid where the date is known, fading over the time an
// end is approximate to (or the period before a known end of an open
// period), open before or after that. A cell may take the shade of a
// neighbouring column, where a date falls between two. In particular an
// open start is not solid, at any zoom, before its end's period.
func TestBandsByTheirDates(t *testing.T) {
	type region struct {
		from, to float64
		glyph    rune
	}
	cases := []struct {
		when    string
		regions []region // in time order; what is outside them is blank
	}{
		{"../2020", []region{{-1e9, 2019, axis.OpenGlyph}, {2019, 2020, axis.FadeGlyph}, {2020, 2021, axis.BandGlyph}}},
		{"2015/..", []region{{2015, 2016, axis.BandGlyph}, {2016, 2017, axis.FadeGlyph}, {2017, 1e9, axis.OpenGlyph}}},
		{"2005~/2025~", []region{{2005, 2006, axis.FadeGlyph}, {2006, 2025, axis.BandGlyph}, {2025, 2026, axis.FadeGlyph}}},
		{"1995/2005", []region{{1995, 2006, axis.BandGlyph}}},
		{"198X~/199X", []region{{1980, 1990, axis.FadeGlyph}, {1990, 2000, axis.BandGlyph}}},
	}
	fit := axis.Window{From: 1975, To: 2030}
	var windows []axis.Window
	for _, z := range []float64{1, 2, 4, 8, 16} {
		span := fit.Span() / z
		for from := fit.From; from+span <= fit.To+1e-9; from += span / 3 {
			windows = append(windows, axis.Window{From: from, To: from + span})
		}
	}
	// The issue's own windows: an open start seen zoomed in on the 1980s
	// and on the 2010s.
	windows = append(windows, axis.Window{From: 1981, To: 1988}, axis.Window{From: 2013, To: 2019})
	const w = 100
	for _, c := range cases {
		e := ev(t, "p", c.when)
		for _, win := range windows {
			lines := axis.Draw([]*model.Event{e}, axis.Options{Width: w, Height: 10, Window: win, Selected: -1}, axis.Styles{})
			if len(lines) < 3 {
				continue // not in the window
			}
			lane := []rune(lines[2])
			expect := func(col int) rune {
				y := win.From + float64(col)/float64(w-1)*win.Span()
				for _, r := range c.regions {
					if y >= r.from && y < r.to {
						return r.glyph
					}
				}
				return ' '
			}
			name := fmt.Sprintf("%s in %.1f–%.1f", c.when, win.From, win.To)
			for col, g := range lane {
				if g != axis.BandGlyph && g != axis.FadeGlyph && g != axis.OpenGlyph {
					continue // the label, or nothing
				}
				if g != expect(col) && g != expect(col-1) && g != expect(col+1) {
					t.Errorf("%s: column %d (%.2f) is %c, want %c\n%s", name, col,
						win.From+float64(col)/float64(w-1)*win.Span(), g, expect(col), lines[2])
					break
				}
			}
		}
	}
	// An open start zoomed in far before its end is all open, never solid.
	e := ev(t, "p", "../2020")
	lines := axis.Draw([]*model.Event{e}, axis.Options{Width: w, Height: 10, Window: axis.Window{From: 1981, To: 1988}, Selected: -1}, axis.Styles{})
	for _, g := range lines[2] {
		if g == axis.BandGlyph || g == axis.FadeGlyph {
			t.Fatalf("until 2020 drawn as known in 1981–1988:\n%s", lines[2])
		}
	}
}
