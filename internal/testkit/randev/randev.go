// Package randev makes random terminal events for robustness tests: key
// presses (named keys, letters, digits, control chords), mouse clicks and
// wheels anywhere (also off screen), pastes of hostile text and resizes
// from 1x1 to 500x200.
package randev

import (
	"math/rand/v2"
	"strings"

	tea "charm.land/bubbletea/v2"
)

var named = []rune{
	tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyPgUp, tea.KeyPgDown,
	tea.KeyHome, tea.KeyEnd, tea.KeyEnter, tea.KeyTab, tea.KeyEscape, tea.KeyBackspace,
	tea.KeySpace, tea.KeyF5, tea.KeyDelete, tea.KeyInsert,
}

const printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?.-=[]#'é—“”中🇦"

var pastes = []string{
	"moscow", "\x1b[2J\x1b]0;title\x07", "a\nb\tc", "", "中文 👨‍👩‍👧‍👦 e\u0301", "\u202eevil\u202c",
	strings.Repeat("x", 5000),
}

// Sizes always includes the extremes: 1x1 and 500x200.
var Sizes = [][2]int{{1, 1}, {500, 200}, {59, 19}, {60, 20}, {80, 24}, {120, 40}, {200, 50}, {300, 100}, {2, 80}, {200, 3}}

// Next returns a random event. Key presses are the most common, as in real
// use. Quit keys are never returned, so a run goes on.
func Next(r *rand.Rand) tea.Msg {
	switch n := r.IntN(100); {
	case n < 60:
		return key(r)
	case n < 75:
		return tea.MouseClickMsg(tea.Mouse{X: r.IntN(320) - 10, Y: r.IntN(120) - 10, Button: tea.MouseLeft})
	case n < 88:
		b := tea.MouseWheelUp
		if r.IntN(2) == 0 {
			b = tea.MouseWheelDown
		}
		return tea.MouseWheelMsg(tea.Mouse{X: r.IntN(320) - 10, Y: r.IntN(120) - 10, Button: b})
	case n < 94:
		return tea.PasteMsg{Content: pastes[r.IntN(len(pastes))]}
	default:
		if r.IntN(3) == 0 {
			s := Sizes[r.IntN(len(Sizes))]
			return tea.WindowSizeMsg{Width: s[0], Height: s[1]}
		}
		return tea.WindowSizeMsg{Width: 1 + r.IntN(320), Height: 1 + r.IntN(120)}
	}
}

func key(r *rand.Rand) tea.KeyPressMsg {
	if r.IntN(2) == 0 {
		k := tea.Key{Code: named[r.IntN(len(named))]}
		if r.IntN(8) == 0 {
			k.Mod = tea.ModShift
		}
		return tea.KeyPressMsg(k)
	}
	runes := []rune(printable)
	c := runes[r.IntN(len(runes))]
	if c == 'q' {
		c = 'Q'
	}
	k := tea.Key{Code: c, Text: string(c)}
	if r.IntN(20) == 0 && c < 0x80 && c != 'c' {
		k = tea.Key{Code: c, Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg(k)
}
