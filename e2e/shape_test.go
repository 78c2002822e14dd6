package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// TestShapeAtAGlance runs brief in a real terminal on the seed and on a
// generated briefing of eight themes of six points, at 80x24, 120x40 and
// 200x50, with a fresh study state: the first screen names every theme
// (its title, or its beginning where the pane cuts or wraps it), the
// footer names r and z, and at 200x50 no line of the help is cut.
func TestShapeAtAGlance(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	eight := filepath.Join(dir, "eight.brief.md")
	if err := os.WriteFile(eight, shapes.Themes(8, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	eb, err := model.Parse(eight, shapes.Themes(8, 6), nil)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		b    *model.Briefing
	}{{"", sb}, {eight, eb}} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
			env := []string{"BRIEF_STATE_DIR=" + t.TempDir()}
			s := tmuxtest.Start(t, sz[0], sz[1], env, "env PS1='READY$ ' bash --norc --noprofile")
			s.WaitText("READY$")
			cmd := "'" + tmuxtest.Binary(t) + "'"
			if c.file != "" {
				cmd += " '" + c.file + "'"
			}
			s.Type(cmd)
			s.Keys("Enter")
			// The footer is drawn last: once it names r and z, the first
			// screen is whole.
			screen := s.WaitFor("the footer naming r and z", hasLine("r read", "z zoom"))
			for _, th := range c.b.Themes {
				if !titleOnScreen(screen, th.Title) {
					t.Errorf("%s at %dx%d: theme %q is not on the first screen:\n%s", c.b.Title, sz[0], sz[1], th.Title, screen)
				}
			}
			if sz[0] == 200 {
				s.Keys("?")
				help := s.WaitText("Marks")
				lines := strings.Split(help, "\n")
				for _, l := range lines[1 : len(lines)-1] { // the header and footer aside
					if strings.Contains(l, "…") {
						t.Errorf("%s at 200x50: the help cuts %q", c.b.Title, l)
					}
				}
				s.Keys("Escape")
				s.WaitGone("Marks")
			}
			s.Keys("q")
			s.WaitText("READY$")
		}
	}
}

// titleOnScreen reports whether a theme's title, or the beginning of it up
// to where the pane cuts or wraps it, follows a fold mark on the screen.
func titleOnScreen(screen, title string) bool {
	for _, l := range strings.Split(screen, "\n") {
		for _, mark := range []string{"▾ ", "▹ "} {
			_, rest, ok := strings.Cut(l, mark)
			if !ok {
				continue
			}
			rest, _, _ = strings.Cut(rest, "┃")
			rest, _, _ = strings.Cut(rest, "│")
			head := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "…"))
			if head != "" && strings.HasPrefix(title, head) {
				return true
			}
		}
	}
	return false
}
