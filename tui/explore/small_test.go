package explore

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// smallKeys are the keys the small-size test presses: every key some
// context binds, and a few that none does.
var smallKeys = []string{
	"tab", "shift+tab", "enter", "esc", "up", "down", "pgup", "pgdown", "home", "end", "space", "backspace",
	"j", "k", "h", "l", "o", "t", "a", "g", "s", "r", "z", "i", "m", "n", "N", "T", "L", "?", "/",
	"<", ">", "+", "-", "0", "[", "]", "x", "q",
}

// TestNoPanicAtSmallSizes drives random keys through explore mode at
// every size from 1x1 to 20x6, below the minimum, where the panes have
// never been laid out. A panic (Update recovers it into m.err) fails.
// Quit keys are pressed too: the model keeps taking messages after them.
func TestNoPanicAtSmallSizes(t *testing.T) {
	b := seed(t)
	r := rand.New(rand.NewPCG(27, 8))
	const presses = 120
	for w := 1; w <= 20; w++ {
		for h := 1; h <= 6; h++ {
			m := New(b, config{theme: ThemeDark})
			res, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			m = res.(Model)
			var seq []string
			for range presses {
				k := smallKeys[r.IntN(len(smallKeys))]
				seq = append(seq, k)
				res, _ = m.Update(keyMsg(k))
				m = res.(Model)
				if m.err != nil {
					t.Fatalf("%dx%d after %v: %v", w, h, seq, m.err)
				}
				_ = m.Render()
			}
			// And back to a usable size: what was done while small shows.
			res, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			if m = res.(Model); m.err != nil {
				t.Fatalf("%dx%d then 80x24: %v", w, h, m.err)
			}
			checkFits(t, m.Render(), 80, 24)
		}
	}
}

// F8: at 10x3, tab tab j reached the source pane before it had a size.
func TestSmallTabTabJ(t *testing.T) {
	m := press(sized(t, 10, 3, ThemeDark, false), "tab", "tab", "j")
	if m.err != nil {
		t.Fatal(m.err)
	}
	if got := plain(m); got == "" {
		t.Fatal("nothing drawn at 10x3")
	}
}
