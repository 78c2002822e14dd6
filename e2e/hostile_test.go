package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// hostileFiles lists the hostile and broken corpus of testdata/hostile.
func hostileFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../testdata/hostile/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if filepath.Base(f) != "README.md" {
			out = append(out, f)
		}
	}
	if len(out) < 15 {
		t.Fatalf("hostile corpus has only %d files", len(out))
	}
	return out
}

// rawControl finds bytes that must never come from content: ESC, BEL and
// the other C0 controls but newline and tab, DEL, C1 controls, bidi
// overrides and isolates.
func rawControl(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

var positionedLine = regexp.MustCompile(`^\S[^:]*:\d+:\d+: \S`)

// Every output path on every hostile file: plain output only, exit 0 or 1,
// positioned errors for rejections.
func TestHostileOutputPaths(t *testing.T) {
	t.Parallel()
	for _, f := range hostileFiles(t) {
		name := filepath.Base(f)
		broken := strings.HasPrefix(name, "broken-")
		t.Run(name, func(t *testing.T) {
			for _, args := range [][]string{
				{"print", f}, {"check", f}, {"timeline", f}, {"present", f},
				{"export", "--format", "json", f}, {"export", "--format", "md", f}, {"export", "--format", "html", f},
				{f},
			} {
				r := brief(t, args...)
				what := strings.Join(args[:len(args)-1], " ")
				if r.code != 0 && r.code != 1 {
					t.Errorf("%s: exit %d, want 0 or 1\nstderr: %s", what, r.code, r.stderr)
				}
				if broken != (r.code == 1) {
					t.Errorf("%s: exit %d for a file that is broken=%v\nstderr: %s", what, r.code, broken, r.stderr)
				}
				for _, out := range []string{r.stdout, r.stderr} {
					if c, bad := rawControl(out); bad {
						t.Errorf("%s: raw %U reached the output", what, c)
					}
				}
				if broken {
					for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
						if strings.Contains(line, filepath.Base(f)) && !positionedLine.MatchString(line) {
							t.Errorf("%s: error line not positioned: %q", what, line)
						}
					}
					if !strings.Contains(r.stderr, name+":") {
						t.Errorf("%s: the error does not name the file: %q", what, r.stderr)
					}
				}
			}
		})
	}
}

// A file that tries to set the window title and clear the screen leaves
// both as they were, whether printed to the shell or explored.
func TestHostileTitleAndScreenUntouched(t *testing.T) {
	t.Parallel()
	bin := tmuxtest.Binary(t)
	file, err := filepath.Abs("../testdata/hostile/osc-title-bel.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	clear, err := filepath.Abs("../testdata/hostile/csi-clear.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"BRIEF_STATE_DIR=" + t.TempDir()}
	s := tmuxtest.Start(t, 100, 30, env, "env PS1='READY$ ' bash --norc --noprofile")
	s.WaitText("READY$")
	s.SetTitle("original-title")
	// Markers are computed by the shell, so the typed command line itself
	// never matches them.
	s.Type("echo MARKER-$((40+2))")
	s.Keys("Enter")
	s.WaitText("MARKER-42")

	// Printed straight to the shell's screen.
	s.Type("'" + bin + "' print '" + file + "' | head -n 12; '" + bin + "' print '" + clear + "' | head -n 5; echo DONE-$((6*7))")
	s.Keys("Enter")
	screen := s.WaitText("DONE-42")
	if !strings.Contains(screen, "MARKER-42") {
		t.Errorf("the screen was cleared:\n%s", screen)
	}
	if !strings.Contains(screen, "^[]0;pwned^G") {
		t.Errorf("the title sequence is not shown as text:\n%s", screen)
	}
	if got := s.Title(); got != "original-title" {
		t.Errorf("window title changed to %q", got)
	}

	// Explored: every pane, the timeline, the search palette.
	s.Type("'" + bin + "' '" + file + "'")
	s.Keys("Enter")
	s.WaitText("? help")
	s.Keys("Down", "Enter", "Tab", "Tab", "a", "Down", "g", "/")
	s.WaitText("esc close search")
	s.Type("pwned")
	s.WaitText("pwned^G")
	// Escape and q sent together would read as alt+q.
	s.Keys("Escape")
	s.WaitGone("esc close search")
	s.Keys("q")
	s.WaitFor("the shell prompt", func(sc string) bool {
		lines := strings.Split(strings.TrimRight(sc, "\n "), "\n")
		return strings.HasPrefix(lines[len(lines)-1], "READY$") && !strings.Contains(sc, "? help")
	})
	if got := s.Title(); got != "original-title" {
		t.Errorf("window title changed to %q after exploring", got)
	}
	if screen := s.Screen(); !strings.Contains(screen, "MARKER-42") {
		t.Errorf("the shell's screen was not restored:\n%s", screen)
	}
}
