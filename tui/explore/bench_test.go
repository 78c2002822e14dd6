package explore

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var benchSizes = [][2]int{{120, 40}, {300, 100}}

// BenchmarkNavigationKey measures one keystroke in the outline (down, then
// up, alternately): Update, which re-renders the outline, detail and
// source panes for the new item, and View.
func BenchmarkNavigationKey(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			m := sized(b, sz[0], sz[1], ThemeDark, false)
			keys := []tea.Msg{keyMsg("down"), keyMsg("up")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				res, _ := m.Update(keys[i%2])
				m = res.(Model)
				_ = m.View()
			}
		})
	}
}

// BenchmarkSearchKey measures one keystroke in the search palette (typing
// "w" after "mosc", then backspace, alternately): Update, the search
// command it starts, the results message and View.
func BenchmarkSearchKey(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			m := press(sized(b, sz[0], sz[1], ThemeDark, false), "/", "type:mosc")
			keys := []tea.Msg{keyMsg("w"), keyMsg("backspace")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				res, cmd := m.Update(keys[i%2])
				m = res.(Model)
				for _, msg := range runCmd(cmd) {
					res, _ = m.Update(msg)
					m = res.(Model)
				}
				_ = m.View()
			}
		})
	}
}

// BenchmarkNavigationKeyStudy is BenchmarkNavigationKey with study state
// open: the mark columns drawn, and the rest timer started on every move
// (it writes nothing until the selection rests).
func BenchmarkNavigationKeyStudy(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			m := studied(b, seed(b), b.TempDir(), sz[0], sz[1])
			keys := []tea.Msg{keyMsg("down"), keyMsg("up")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				res, _ := m.Update(keys[i%2])
				m = res.(Model)
				_ = m.View()
			}
		})
	}
}

// BenchmarkStart measures what explore mode does before its first frame:
// building the model for the built-in briefing, the first size and the
// first View.
func BenchmarkStart(b *testing.B) {
	br := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		m := New(br, config{theme: ThemeDark})
		res, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = res.(Model).View()
	}
}

// BenchmarkNavigationKeyRefold measures one keystroke that crosses from a
// theme's last point to the next theme's title and back, in the generated
// briefing of eight themes of six points: the outline folds one theme and
// unfolds the other at each key.
func BenchmarkNavigationKeyRefold(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			bb := eightThemes(b)
			m := sizedCfg(b, bb, sz[0], sz[1], config{})
			for range len(bb.Themes[0].Points) {
				m = press(m, "down")
			}
			keys := []tea.Msg{keyMsg("down"), keyMsg("up")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				res, _ := m.Update(keys[i%2])
				m = res.(Model)
				_ = m.View()
			}
		})
	}
}
