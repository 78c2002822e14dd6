package style

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// xterm256 is the RGB of an ANSI 256 colour index as xterm draws it: the
// 16 system colours, the 6x6x6 cube and the greys.
func xterm256(i int) (r, g, b uint8) {
	system := [16][3]uint8{
		{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
		{127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
	}
	switch {
	case i < 16:
		c := system[i]
		return c[0], c[1], c[2]
	case i < 232:
		lv := []uint8{0, 95, 135, 175, 215, 255}
		i -= 16
		return lv[i/36], lv[i/6%6], lv[i%6]
	}
	v := uint8(8 + 10*(i-232))
	return v, v, v
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(r, g, b uint8) float64 {
	lin := func(c uint8) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// ratio is WCAG 2's contrast ratio of two colours.
func ratio(a, b [3]uint8) float64 {
	la, lb := luminance(a[0], a[1], a[2]), luminance(b[0], b[1], b[2])
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func rgbOf(c color.Color) [3]uint8 {
	r, g, b, _ := c.RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

// as256 is the colour a 256-colour terminal shows for c: its ANSI 256
// index, as the renderer converts it, drawn as xterm draws the index.
func as256(c color.Color) ([3]uint8, int) {
	idx, ok := colorprofile.ANSI256.Convert(c).(ansi.IndexedColor)
	if !ok {
		return rgbOf(c), -1
	}
	r, g, b := xterm256(int(idx))
	return [3]uint8{r, g, b}, int(idx)
}

// TestContrast holds the palettes to WCAG 2 AA: 4.5:1 for text (every
// foreground on the background it is drawn on) and 3:1 for what is not
// text (the pane borders), in the dark, light and high-contrast themes,
// on a black or near-black terminal (the dark themes) and a white or
// near-white one (the light themes), in true colour and as a 256-colour
// terminal shows the colours (their ANSI 256 index, converted to RGB).
func TestContrast(t *testing.T) {
	hex := func(s string) [3]uint8 {
		var r, g, b uint8
		fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b)
		return [3]uint8{r, g, b}
	}
	for _, th := range []struct {
		name       string
		dark, high bool
		bgs        []string
	}{
		{"dark", true, false, []string{"#000000", "#1C1C1C"}},
		{"light", false, false, []string{"#FFFFFF", "#EEEEEE"}},
		{"high-contrast dark", true, true, []string{"#000000", "#1C1C1C"}},
		{"high-contrast light", false, true, []string{"#FFFFFF", "#EEEEEE"}},
	} {
		p := NewPalette(th.dark, th.high)
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
			for _, bgs := range th.bgs {
				for _, mode := range []string{"true colour", "256 colours"} {
					fg := rgbOf(pr.fg)
					bg := hex(bgs)
					if pr.bg != nil {
						bg = rgbOf(pr.bg)
					}
					idx := ""
					if mode == "256 colours" {
						var i int
						fg, i = as256(pr.fg)
						idx = fmt.Sprintf(" (index %d)", i)
						if pr.bg != nil {
							bg, i = as256(pr.bg)
							idx += fmt.Sprintf(" on index %d", i)
						}
					}
					if r := ratio(fg, bg); r < pr.min {
						t.Errorf("%s, %s on %s, %s: %.2f:1, want %.1f:1 (%v on %v%s)", th.name, pr.what, bgs, mode, r, pr.min, fg, bg, idx)
					}
				}
			}
		}
	}
}
