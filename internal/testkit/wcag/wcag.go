// Package wcag computes WCAG 2 contrast ratios of terminal colours, for the
// tests that hold every theme to AA: 4.5:1 for text, 3:1 for what is not
// text. A colour is measured as a true-colour terminal draws it and as a
// 256-colour terminal does (the ANSI 256 index the renderer converts it
// to, drawn as xterm draws that index).
package wcag

import (
	"fmt"
	"image/color"
	"math"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Minimums of WCAG 2 AA.
const (
	Text    = 4.5 // text, and glyphs read as text
	NonText = 3.0 // borders, rules and bars
)

// Modes are the ways a terminal draws a colour.
var Modes = []string{"true colour", "256 colours"}

// RGB is a colour as 8-bit sRGB.
type RGB [3]uint8

// Hex parses "#rrggbb".
func Hex(s string) RGB {
	var c RGB
	fmt.Sscanf(s, "#%02x%02x%02x", &c[0], &c[1], &c[2])
	return c
}

// Of is c as 8-bit sRGB.
func Of(c color.Color) RGB {
	r, g, b, _ := c.RGBA()
	return RGB{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

// In is c as a terminal in mode draws it, and a note naming the ANSI 256
// index it became ("" in true colour).
func In(c color.Color, mode string) (RGB, string) {
	if mode != "256 colours" {
		return Of(c), ""
	}
	idx, ok := colorprofile.ANSI256.Convert(c).(ansi.IndexedColor)
	if !ok {
		return Of(c), ""
	}
	return Xterm256(int(idx)), fmt.Sprintf("index %d", int(idx))
}

// Xterm256 is the RGB of an ANSI 256 colour index as xterm draws it: the
// 16 system colours, the 6x6x6 cube and the greys.
func Xterm256(i int) RGB {
	system := [16]RGB{
		{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
		{127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
	}
	switch {
	case i < 16:
		return system[i]
	case i < 232:
		lv := []uint8{0, 95, 135, 175, 215, 255}
		i -= 16
		return RGB{lv[i/36], lv[i/6%6], lv[i%6]}
	}
	v := uint8(8 + 10*(i-232))
	return RGB{v, v, v}
}

// Luminance is WCAG 2's relative luminance of an sRGB colour.
func Luminance(c RGB) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// Ratio is WCAG 2's contrast ratio of two colours.
func Ratio(a, b RGB) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Theme is one of brief's themes and the terminal backgrounds it is drawn
// on: black or near-black for the dark ones, white or near-white for the
// light ones.
type Theme struct {
	Name       string
	Dark, High bool
	Bgs        []string
}

// Themes are the four themes every contrast test holds to AA.
var Themes = []Theme{
	{"dark", true, false, []string{"#000000", "#1C1C1C"}},
	{"light", false, false, []string{"#FFFFFF", "#EEEEEE"}},
	{"high-contrast dark", true, true, []string{"#000000", "#1C1C1C"}},
	{"high-contrast light", false, true, []string{"#FFFFFF", "#EEEEEE"}},
}
