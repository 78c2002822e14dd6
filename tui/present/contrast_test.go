package present

import (
	"image/color"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/internal/testkit/wcag"
)

// Present mode paints its own page: every style of every theme meets WCAG 2
// AA on the page's background, or on its own background where it has one
// (4.5:1 for text and for the axis's glyphs and tick labels, 3:1 for the
// progress bar, which is not text), in true colour and in 256 colours.
func TestContrast(t *testing.T) {
	for _, name := range ThemeNames {
		th, err := NewTheme(name, false)
		if err != nil {
			t.Fatal(err)
		}
		if th.bg == nil {
			t.Fatalf("%s: no page colour", name)
		}
		a := th.Axis
		for _, s := range []struct {
			what string
			st   lipgloss.Style
			min  float64
		}{
			{"titles", th.Title, wcag.Text},
			{"subtitles", th.Subtitle, wcag.Text},
			{"text", th.Text, wcag.Text},
			{"labels", th.Label, wcag.Text},
			{"bullets", th.Bullet, wcag.Text},
			{"dim text (notes, counters, hints)", th.Dim, wcag.Text},
			{"warnings", th.Warn, wcag.Text},
			{"keys", th.Key, wcag.Text},
			{"badges", th.Badge, wcag.Text},
			{"the progress bar", th.Bar, wcag.NonText},
			{"the progress bar's rest", th.BarEmpty, wcag.NonText},
			{"the axis line and ticks", a.Line, wcag.Text},
			{"tick labels", a.Label, wcag.Text},
			{"event markers", a.Point, wcag.Text},
			{"bands", a.Span, wcag.Text},
			{"fading bands", a.Approx, wcag.Text},
			{"the selected event", a.Selected, wcag.Text},
			{"event labels", a.Text, wcag.Text},
			{"leaders and the legend", a.Dim, wcag.Text},
			{"the article's mark", a.Article, wcag.Text},
		} {
			fgc := s.st.GetForeground()
			if _, none := fgc.(lipgloss.NoColor); none || fgc == nil {
				fgc = th.fg
			}
			var bgc color.Color = s.st.GetBackground()
			if _, none := bgc.(lipgloss.NoColor); none || bgc == nil {
				bgc = th.bg
			}
			for _, mode := range wcag.Modes {
				fg, idx := wcag.In(fgc, mode)
				bg, bidx := wcag.In(bgc, mode)
				if r := wcag.Ratio(fg, bg); r < s.min {
					t.Errorf("%s, %s, %s: %.2f:1, want %.1f:1 (%v on %v %s %s)", name, s.what, mode, r, s.min, fg, bg, idx, bidx)
				}
			}
		}
	}
}

// The console (brief notes) draws on the terminal's own background, dark
// or light: its styles meet AA there too.
func TestConsoleContrast(t *testing.T) {
	for _, c := range []struct {
		dark bool
		bgs  []string
	}{{true, []string{"#000000", "#1C1C1C"}}, {false, []string{"#FFFFFF", "#EEEEEE"}}} {
		st := newConsoleStyles(c.dark, false)
		for what, s := range map[string]lipgloss.Style{"header": st.Header, "labels": st.Label, "dim text": st.Dim, "warnings": st.Warn, "keys": st.Key} {
			var bgc color.Color = s.GetBackground()
			if _, none := bgc.(lipgloss.NoColor); none {
				bgc = nil
			}
			for _, bgs := range c.bgs {
				for _, mode := range wcag.Modes {
					fg, idx := wcag.In(s.GetForeground(), mode)
					bg := wcag.Hex(bgs)
					if bgc != nil {
						bg, _ = wcag.In(bgc, mode)
					}
					if r := wcag.Ratio(fg, bg); r < wcag.Text {
						t.Errorf("console (dark %v), %s on %s, %s: %.2f:1, want 4.5:1 (%v on %v %s)", c.dark, what, bgs, mode, r, fg, bg, idx)
					}
				}
			}
		}
	}
}
