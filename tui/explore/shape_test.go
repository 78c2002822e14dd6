package explore

import (
	"fmt"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/store"
	"github.com/brief-cli/brief/tui/axis"
)

// The briefing's shape at a glance, on the seed and on a generated
// briefing of eight themes of six points, at 80x24, 120x40 and 200x50.

var shapeSizes = [][2]int{{80, 24}, {120, 40}, {200, 50}}

func eightThemes(tb testing.TB) *model.Briefing {
	tb.Helper()
	b, err := model.Parse("eight.brief.md", shapes.Themes(8, 6), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// shapeBriefings are the briefings the shape tests run on.
func shapeBriefings(tb testing.TB) []struct {
	name string
	b    *model.Briefing
} {
	return []struct {
		name string
		b    *model.Briefing
	}{{"seed", seed(tb)}, {"eight", eightThemes(tb)}}
}

func sizedCfg(tb testing.TB, b *model.Briefing, w, h int, cfg config) Model {
	tb.Helper()
	if cfg.theme == "" {
		cfg.theme = ThemeDark
	}
	return step(New(b, cfg), tea.WindowSizeMsg{Width: w, Height: h})
}

// themeShown reports whether a theme's title is on the screen: whole, or
// its beginning on the line of its fold mark (the rest cut with "…" or
// wrapped onto the lines under it).
func themeShown(screen, title string) bool {
	if strings.Contains(screen, title) {
		return true
	}
	for _, l := range strings.Split(screen, "\n") {
		for _, mark := range []string{foldClosedMark, foldOpenMark} {
			_, rest, ok := strings.Cut(l, mark)
			if !ok {
				continue
			}
			rest, _, _ = strings.Cut(rest, "┃")
			rest, _, _ = strings.Cut(rest, "│")
			head := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "…"))
			if len(strings.Fields(head)) >= 1 && strings.HasPrefix(title, head) {
				return true
			}
		}
	}
	return false
}

// TestEveryThemeOnFirstScreen: the first screen names every theme, read
// only and with study state, and the outline's goldens keep the look.
func TestEveryThemeOnFirstScreen(t *testing.T) {
	for _, bb := range shapeBriefings(t) {
		for _, sz := range shapeSizes {
			for _, study := range []bool{false, true} {
				cfg := config{}
				if study {
					st, _, err := store.Open(bb.b, store.Options{Dir: t.TempDir()})
					if err != nil {
						t.Fatal(err)
					}
					cfg.st = st
				}
				m := sizedCfg(t, bb.b, sz[0], sz[1], cfg)
				screen := plain(m)
				checkFits(t, m.Render(), sz[0], sz[1])
				for _, th := range bb.b.Themes {
					if !themeShown(screen, th.Title) {
						t.Errorf("%s at %dx%d (study %v): theme %q is not on the first screen:\n%s", bb.name, sz[0], sz[1], study, th.Title, screen)
					}
				}
				if !study {
					t.Run(fmt.Sprintf("%s_%dx%d", bb.name, sz[0], sz[1]), func(t *testing.T) {
						golden.RequireEqual(t, []byte(screen))
					})
				}
			}
		}
	}
}

// TestFoldKeys: →/l unfolds a theme for good, ←/h folds it (the cursor
// goes to its title), = unfolds every theme and - folds them back but the
// cursor's; walking down unfolds each theme in turn.
func TestFoldKeys(t *testing.T) {
	for _, bb := range shapeBriefings(t) {
		for _, sz := range shapeSizes {
			b := bb.b
			m := sizedCfg(t, b, sz[0], sz[1], config{})
			out := m.navs[navOutline]
			points := func(m Model) int {
				n := 0
				for _, r := range m.navs[navOutline].refs {
					if r.Kind == model.KindPoint {
						n++
					}
				}
				return n
			}
			name := fmt.Sprintf("%s at %dx%d", bb.name, sz[0], sz[1])
			if got, want := points(m), len(b.Themes[0].Points); got != want {
				t.Errorf("%s: %d points shown at first, want the first theme's %d", name, got, want)
			}
			// Walk down into the second theme: the first folds.
			m = press(m, strings.Split(strings.Repeat("down,", len(b.Themes[0].Points)+1), ",")[:len(b.Themes[0].Points)+1]...)
			if r := m.navs[navOutline].Selected(); r.ID != b.Themes[1].ID {
				t.Fatalf("%s: down from the first theme's last point is on %v, want the second theme", name, r)
			}
			if got, want := points(m), len(b.Themes[1].Points); got != want {
				t.Errorf("%s: %d points shown in the second theme, want its %d", name, got, want)
			}
			m = press(m, "=")
			if got, want := points(m), len(b.Points()); got != want {
				t.Errorf("%s: = shows %d points, want all %d", name, got, want)
			}
			m = press(m, "down", "left")
			if r := m.navs[navOutline].Selected(); r.ID != b.Themes[1].ID {
				t.Errorf("%s: ← on a point left the cursor on %v, want its theme", name, r)
			}
			if got, want := points(m), len(b.Points())-len(b.Themes[1].Points); got != want {
				t.Errorf("%s: after ← %d points shown, want %d", name, got, want)
			}
			m = press(m, "-")
			if got, want := points(m), len(b.Themes[1].Points); got != want {
				t.Errorf("%s: - shows %d points, want the cursor's theme's %d", name, got, want)
			}
			m = press(m, "h", "down", "l")
			if r := m.navs[navOutline].Selected(); r.ID != b.Themes[2].ID {
				t.Fatalf("%s: down from a folded theme is on %v, want the next theme", name, r)
			}
			if got, want := points(m), len(b.Themes[2].Points); got != want {
				t.Errorf("%s: → on the third theme shows %d points, want %d", name, got, want)
			}
			_ = out
			checkFits(t, m.Render(), sz[0], sz[1])
		}
	}
}

// TestFoldsKeptWithStudyState: the folds set by hand come back when the
// briefing is opened again.
func TestFoldsKeptWithStudyState(t *testing.T) {
	b := eightThemes(t)
	dir := t.TempDir()
	open := func() Model {
		st, _, err := store.Open(b, store.Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return sizedCfg(t, b, 120, 40, config{st: st})
	}
	m := press(open(), "=", "h") // every theme unfolded, then the first folded
	want := map[string]bool{}
	for i, th := range b.Themes {
		want[th.ID] = i == 0
	}
	if got := m.navs[navOutline].Folds(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("folds after = h: %v, want %v", got, want)
	}
	m2 := open()
	if got := m2.navs[navOutline].Folds(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("folds reopened: %v, want %v", got, want)
	}
	screen := plain(m2)
	if p := b.Themes[1].Points[0].Text; lineWith(screen, p[:min(len(p), 20)]) < 0 {
		t.Errorf("reopened, theme %q is not unfolded:\n%s", b.Themes[1].Title, screen)
	}
}

// TestZoomedAxisByDates zooms in on a period with an open start, then pans
// across the timeline: wherever the band shows, its solid cells (▓, the
// selected band) are within its end's period and its open cells (┅) before
// the period ahead of it, as its dates say, at every size.
func TestZoomedAxisByDates(t *testing.T) {
	for _, bb := range shapeBriefings(t) {
		b := bb.b
		sel := -1
		for i, e := range b.Timeline {
			if from, to := axis.Extent(e); math.IsInf(from, -1) && !math.IsInf(to, 1) {
				sel = i
				break
			}
		}
		if sel < 0 {
			t.Fatalf("%s has no period with an open start", bb.name)
		}
		e := b.Timeline[sel]
		_, to := axis.Extent(e)
		_, tp := e.When.Ends()
		period := 1.0
		if tp.Precision.String() == "decade" {
			period = 10
		}
		for _, sz := range shapeSizes {
			m := sizedCfg(t, b, sz[0], sz[1], config{})
			m = press(m, "t")
			for range sel {
				m = press(m, "down")
			}
			keys := []string{"+", "+", "+"}
			for range 12 {
				keys = append(keys, "h")
			}
			for i, k := range keys {
				m = press(m, k)
				if m.navs[navTimeline].Cursor() != sel {
					break // the selection left the view
				}
				win, w := m.axis.win, m.axis.w
				name := fmt.Sprintf("%s at %dx%d after %d keys (%.1f–%.1f)", bb.name, sz[0], sz[1], i+1, win.From, win.To)
				colYear := func(c int) float64 { return win.From + float64(c)/float64(max(w-1, 1))*win.Span() }
				tol := win.Span() / float64(max(w-1, 1)) * 1.5
				for _, l := range m.axis.lines {
					if strings.Contains(ansi.Strip(l), "selected") {
						continue // the legend
					}
					for c, r := range []rune(ansi.Strip(l)) {
						y := colYear(c)
						switch r {
						case axis.SelectedBandGlyph:
							if y < to-period-tol {
								t.Errorf("%s: solid at %.2f, before %v's end period\n%s", name, y, e.When.Label(), ansi.Strip(l))
							}
						case axis.SelectedOpenGlyph:
							if y > to-2*period+tol {
								t.Errorf("%s: open at %.2f, inside %v's known time\n%s", name, y, e.When.Label(), ansi.Strip(l))
							}
						}
					}
				}
			}
			if sz == [2]int{120, 40} {
				t.Run(fmt.Sprintf("%s_%dx%d", bb.name, sz[0], sz[1]), func(t *testing.T) {
					golden.RequireEqual(t, []byte(plain(m)))
				})
			}
		}
	}
}

// TestHelpWhole: at 100 columns and wider no help entry is cut, and each
// section's heading sits over its keys, in the same column; the marks the
// views draw are explained; the footer names r and z.
func TestHelpWhole(t *testing.T) {
	marks := []string{"★", "✎", "·", "▌", "▴", "░", "┈", "▸", "▾", "▹", "●", "○", "▒", "◆", "▓", "│", "⚠"}
	for _, bb := range shapeBriefings(t) {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {200, 50}} {
			for _, view := range []string{"o", "t", "a", "g"} {
				m := press(sizedCfg(t, bb.b, sz[0], sz[1], config{}), view, "?")
				h, ok := openScreen[helpModel](m)
				if !ok {
					t.Fatalf("%s: ? opened no help", bb.name)
				}
				name := fmt.Sprintf("%s %s at %dx%d", bb.name, view, sz[0], sz[1])
				text := ""
				for _, col := range h.cols {
					for i, l := range col {
						l = ansi.Strip(l)
						text += l + "\n"
						if sz[0] >= 100 && strings.Contains(l, "…") {
							t.Errorf("%s: a cut entry %q", name, l)
						}
						if sanitize.Width(l) > h.colW {
							t.Errorf("%s: %q is wider than its column", name, l)
						}
						_ = i
					}
					// A column never ends on a heading.
					if last := ansi.Strip(col[len(col)-1]); strings.TrimSpace(last) != "" && !strings.HasPrefix(last, " ") {
						t.Errorf("%s: a column ends on the heading %q", name, last)
					}
				}
				for _, g := range h.groups {
					if !strings.Contains(text, g.title) {
						t.Errorf("%s: no heading %q", name, g.title)
					}
					for _, e := range g.entries() {
						for _, word := range strings.Fields(e.desc) {
							if !strings.Contains(text, word) {
								t.Errorf("%s: %q of %q is not shown", name, word, e.desc)
							}
						}
					}
				}
				for _, mk := range marks {
					if !strings.Contains(text, mk) {
						t.Errorf("%s: the mark %s is not explained", name, mk)
					}
				}
				// Up to 200x50, everything fits without scrolling but the
				// narrowest.
				if sz[0] >= 200 && h.maxOff() > 0 {
					t.Errorf("%s: the help scrolls", name)
				}
			}
			m := sizedCfg(t, bb.b, sz[0], sz[1], config{})
			foot := ansi.Strip(m.footerView())
			if !strings.Contains(foot, "r read") || !strings.Contains(foot, "z zoom") {
				t.Errorf("%s at %dx%d: the footer does not name r and z: %q", bb.name, sz[0], sz[1], foot)
			}
			if foot := ansi.Strip(press(m, "z").footerView()); !strings.Contains(foot, "z unzoom") {
				t.Errorf("%s at %dx%d: zoomed, the footer does not name z: %q", bb.name, sz[0], sz[1], foot)
			}
			if foot := ansi.Strip(press(m, "r").footerView()); !strings.Contains(foot, "r panes") {
				t.Errorf("%s at %dx%d: reading, the footer does not name r: %q", bb.name, sz[0], sz[1], foot)
			}
			if sz != [2]int{100, 30} {
				t.Run(fmt.Sprintf("%s_%dx%d", bb.name, sz[0], sz[1]), func(t *testing.T) {
					golden.RequireEqual(t, []byte(plain(press(m, "?"))))
				})
			}
		}
	}
}

// TestActorsRoom: at 120x40 at least ten actors fit on the first screen of
// the actors table, each stance in at most three lines; the table at every
// size keeps its look.
func TestActorsRoom(t *testing.T) {
	for _, bb := range shapeBriefings(t) {
		for _, sz := range shapeSizes {
			m := press(sizedCfg(t, bb.b, sz[0], sz[1], config{}), "a")
			n := m.navs[navActors]
			if sz == [2]int{120, 40} {
				if shown := n.lastShown() - n.off + 1; shown < 10 {
					t.Errorf("%s at 120x40: %d actors on the screen, want at least 10", bb.name, shown)
				}
				_, _, _, sw := actorColumns(n.textWidth(), true)
				for _, a := range bb.b.Actors {
					if l := len(sanitize.Wrap(a.Stance, sw)); l > 3 {
						t.Errorf("%s at 120x40: the stance of %s takes %d lines of %d cells", bb.name, a.ID, l, sw)
					}
				}
			}
			t.Run(fmt.Sprintf("%s_%dx%d", bb.name, sz[0], sz[1]), func(t *testing.T) {
				golden.RequireEqual(t, []byte(plain(m)))
			})
		}
	}
}
