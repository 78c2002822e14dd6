package style

import (
	"image/color"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/wcag"
)

// TestContrast holds the palettes to WCAG 2 AA: 4.5:1 for text (every
// foreground on the background it is drawn on) and 3:1 for what is not
// text (the pane borders), in the dark, light and high-contrast themes,
// on a black or near-black terminal (the dark themes) and a white or
// near-white one (the light themes), in true colour and as a 256-colour
// terminal shows the colours (their ANSI 256 index, converted to RGB).
func TestContrast(t *testing.T) {
	for _, th := range wcag.Themes {
		p := NewPalette(th.Dark, th.High)
		type pair struct {
			what   string
			fg, bg color.Color // bg nil: the terminal's background
			min    float64
		}
		pairs := []pair{
			{"accent text (titles, headings, keys)", p.Accent, nil, 4.5},
			{"dim text (unfocused pane titles, descriptions, ticks)", p.Dim, nil, 4.5},
			{"match and mark text", p.Match, nil, 4.5},
			{"error text", p.Error, nil, 4.5},
			{"the cursor row", p.SelFg, p.SelBg, 4.5},
			{"cited text", p.HlFg, p.HlBg, 4.5},
			{"the error banner", p.BannerFg, p.BannerBg, 4.5},
			{"pane borders (not text)", p.Border, nil, 3},
		}
		for _, pr := range pairs {
			for _, bgs := range th.Bgs {
				for _, mode := range wcag.Modes {
					fg, idx := wcag.In(pr.fg, mode)
					bg := wcag.Hex(bgs)
					if pr.bg != nil {
						var bidx string
						bg, bidx = wcag.In(pr.bg, mode)
						if bidx != "" {
							idx += " on " + bidx
						}
					}
					if r := wcag.Ratio(fg, bg); r < pr.min {
						t.Errorf("%s, %s on %s, %s: %.2f:1, want %.1f:1 (%v on %v %s)", th.Name, pr.what, bgs, mode, r, pr.min, fg, bg, idx)
					}
				}
			}
		}
	}
}
