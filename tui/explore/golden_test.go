package explore

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

var sizes = [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 50}}

// views are the screens under golden test, each reached by keys from the
// start.
var views = []struct {
	name string
	keys []string
}{
	{"outline", nil},
	{"moscow-source", []string{"down", "down", "down", "down", "down", "down", "down", "enter"}},
	{"detail", []string{"down", "tab"}},
	{"timeline", []string{"t", "down", "down", "down", "down"}},
	{"actors", []string{"a", "down"}},
	{"mentions", []string{"a", "enter"}},
	{"glossary", []string{"g"}},
	{"search", []string{"/", "type:moscw"}},
	{"citers", []string{"down", "s", "enter"}},
	{"help", []string{"?"}},
	{"legend", []string{"t", "L"}},
	{"reading", []string{"down", "r", "]"}},
	{"reading-ids", []string{"down", "r", "i"}},
	{"zoom-source", []string{"down", "s", "z"}},
	{"zoom-actors", []string{"a", "z"}},
}

// TestGolden renders every view at every size, compares the plain text with
// testdata/TestGolden/VIEW_WxH.golden (go test ./tui/explore -update
// rewrites them) and checks that the screen fits the terminal. The light
// theme must draw the same text as the dark one: themes differ in colour
// only, which TestGoldenStyled keeps.
func TestGolden(t *testing.T) {
	for _, v := range views {
		for _, sz := range sizes {
			name := fmt.Sprintf("%s_%dx%d", v.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				dark := press(sized(t, sz[0], sz[1], ThemeDark, false), v.keys...)
				light := press(sized(t, sz[0], sz[1], ThemeLight, false), v.keys...)
				checkFits(t, dark.Render(), sz[0], sz[1])
				checkFits(t, light.Render(), sz[0], sz[1])
				if plain(dark) != plain(light) {
					t.Errorf("the light theme draws other text than the dark one:\n%s\n---\n%s", plain(light), plain(dark))
				}
				golden.RequireEqual(t, []byte(plain(dark)))
			})
		}
	}
}

// TestGoldenStyled keeps the styled screen (colours and attributes as
// escape sequences) of a few views at 80x24 in every theme, where the look
// itself is what is under test: focus, selection, matches, marks.
func TestGoldenStyled(t *testing.T) {
	themes := []struct {
		name, theme string
		noColor     bool
	}{{"dark", ThemeDark, false}, {"light", ThemeLight, false}, {"high-contrast", ThemeHighContrast, false}, {"no-color", ThemeDark, true}}
	for _, v := range views {
		if !slices.Contains([]string{"outline", "timeline", "search", "reading", "zoom-source"}, v.name) {
			continue
		}
		for _, th := range themes {
			t.Run(v.name+"_"+th.name, func(t *testing.T) {
				m := press(sized(t, 80, 24, th.theme, th.noColor), v.keys...)
				out := m.Render()
				checkFits(t, out, 80, 24)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func TestTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{59, 20}, {60, 19}, {20, 5}, {1, 1}} {
		m := sized(t, sz[0], sz[1], ThemeDark, false)
		out := m.Render()
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), "need 60x20") && sz[0] >= 20 {
			t.Errorf("%dx%d: no size message in %q", sz[0], sz[1], out)
		}
		checkFits(t, out, sz[0], sz[1])
	}
	m := sized(t, 50, 15, ThemeDark, false)
	golden.RequireEqual(t, []byte(plain(m)))
}

// TestResizeEverySize walks the sizes from small to large and back, with
// each navigator open, and checks every screen fits.
func TestResizeEverySize(t *testing.T) {
	m := sized(t, 60, 20, ThemeDark, false)
	for _, k := range []string{"", "t", "a", "g", "o", "/"} {
		if k != "" {
			m = press(m, k)
		}
		for _, sz := range [][2]int{{60, 20}, {61, 21}, {79, 23}, {80, 24}, {119, 30}, {120, 40}, {160, 45}, {300, 100}, {100, 20}, {60, 60}} {
			m = step(m, sizeMsg(sz[0], sz[1]))
			checkFits(t, m.Render(), sz[0], sz[1])
			if got := strings.Count(m.Render(), "\n") + 1; got != sz[1] {
				t.Errorf("%s at %dx%d: view is %d lines, want the full height", k, sz[0], sz[1], got)
			}
		}
		if k == "/" {
			m = press(m, "esc")
		}
	}
}
