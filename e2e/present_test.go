package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

var counterRe = regexp.MustCompile(`\b(\d+)/(\d+)\b`)

// presentEnv keeps a test's presentations in its own runtime directory, so
// it never sees (or is seen by) a user's real ones.
func presentEnv(t *testing.T, extra ...string) []string {
	return append([]string{"XDG_RUNTIME_DIR=" + t.TempDir(), "TERM=xterm-256color"}, extra...)
}

// startPresent opens brief present and returns the session and N, the
// number of screens, read from the 1/N counter of the title slide.
func startPresent(t *testing.T, env []string, w, h int) (*tmuxtest.Session, int) {
	t.Helper()
	bin := tmuxtest.Binary(t)
	s := tmuxtest.Start(t, w, h, env, bin+" present")
	screen := s.WaitFor("the counter 1/N", func(sc string) bool {
		m := counterRe.FindStringSubmatch(lastLines(sc, 3))
		return m != nil && m[1] == "1"
	})
	if !strings.Contains(screen, "Russia") {
		t.Fatalf("the first screen is not the title slide:\n%s", screen)
	}
	var n int
	fmt.Sscan(counterRe.FindStringSubmatch(lastLines(screen, 3))[2], &n)
	if n < 10 {
		t.Fatalf("the deck has %d screens; the seed has more slides than that", n)
	}
	return s, n
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func at(i, n int) string { return fmt.Sprintf("%d/%d", i, n) }

// inOrder reports whether the words appear in s one after another.
func inOrder(s string, words ...string) bool {
	pos := 0
	for _, w := range words {
		i := strings.Index(s[pos:], w)
		if i < 0 {
			return false
		}
		pos += i + len(w)
	}
	return true
}

func TestPresentJourney(t *testing.T) {
	t.Parallel()
	s, n := startPresent(t, presentEnv(t), 100, 30)
	s.Keys("Right")
	s.WaitText(at(2, n))
	s.Keys("Space")
	s.WaitText(at(3, n))
	s.Keys("NPage")
	slide4 := s.WaitText(at(4, n))

	// b blanks the screen; b again brings slide 4 back.
	s.Keys("b")
	blank := s.WaitGone(at(4, n))
	if strings.TrimSpace(blank) != "" {
		t.Fatalf("b left something on the screen:\n%s", blank)
	}
	s.Keys("b")
	if back := s.WaitText(at(4, n)); back != slide4 {
		t.Fatalf("slide 4 did not come back as it was:\nbefore:\n%s\nafter:\n%s", slide4, back)
	}

	// Step on to the timeline slide: its list reads 1980s → 2016 → 2021 → 2025.
	var timeline string
	for i := 5; i <= n && timeline == ""; i++ {
		s.Keys("Right")
		sc := s.WaitText(at(i, n))
		if strings.Contains(sc, "Soviet military intervention") {
			timeline = sc
		}
	}
	if timeline == "" {
		t.Fatal("stepping through the deck never reached the timeline slide")
	}
	// The slide builds up one event per press: step to its last event.
	// Until the list (not the legend's article date) has Jul 2025.
	for !regexp.MustCompile(`(?m)^\s+Jul 2025 {3,}\S`).MatchString(timeline) {
		s.Keys("Right")
		prev := timeline
		timeline = s.WaitFor("the next event", func(sc string) bool { return sc != prev })
		if !strings.Contains(timeline, "Soviet military intervention") {
			t.Fatalf("stepping the timeline left it before Jul 2025:\n%s", timeline)
		}
	}
	// The list under the axis (the axis names events where they fall).
	list := timeline[max(0, strings.Index(timeline, "1980s   ")):]
	if !inOrder(list, "1980s", "2016", "2021", "2025") {
		t.Fatalf("the timeline does not read 1980s → 2016 → 2021 → 2025:\n%s", timeline)
	}
	if !strings.Contains(timeline, "━") || !strings.Contains(timeline, "1990") {
		t.Fatalf("the timeline slide has no axis:\n%s", timeline)
	}

	s.Keys("q")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("q exited %d, want 0", code)
	}
}

func TestPresentConsoleFollowsAndDrives(t *testing.T) {
	t.Parallel()
	env := presentEnv(t)
	p, n := startPresent(t, env, 100, 30)
	p.Keys("Right", "Space", "NPage")
	p.WaitText(at(4, n))

	c := tmuxtest.Start(t, 90, 30, env, tmuxtest.Binary(t)+" notes")
	c.WaitText(at(4, n))
	// The console shows what comes next: its title and its first lines.
	title, bullet := pipedSlide(t, 5)
	c.WaitText("Next: " + title)
	c.WaitText(bullet)

	// The console follows the presenter...
	p.Keys("Right")
	c.WaitText(at(5, n))
	// ...and drives it.
	c.Keys("Right")
	p.WaitText(at(6, n))
	c.WaitText(at(6, n))

	// A black screen from the console, and back.
	c.Keys("b")
	p.WaitGone(at(6, n))
	c.WaitText("BLACK SCREEN")
	c.Keys("b")
	p.WaitText(at(6, n))

	// The console quits; the presentation goes on.
	c.Keys("q")
	if code := c.WaitExit(); code != 0 {
		t.Fatalf("the console exited %d, want 0", code)
	}
	p.Keys("Right")
	p.WaitText(at(7, n))
	p.Keys("q")
	if code := p.WaitExit(); code != 0 {
		t.Fatalf("present exited %d, want 0", code)
	}
}

func TestPresentConsoleWaitsForARestart(t *testing.T) {
	t.Parallel()
	env := presentEnv(t)
	c := tmuxtest.Start(t, 90, 24, env, tmuxtest.Binary(t)+" notes")
	c.WaitText("Looking for a presentation")
	p, n := startPresent(t, env, 80, 24)
	c.WaitText(at(1, n))
	p.Keys("q")
	p.WaitExit()
	c.WaitText("The presentation has ended")
	p2, _ := startPresent(t, env, 80, 24)
	c.WaitText(at(1, n))
	p2.Keys("q")
	p2.WaitExit()
	c.Keys("q")
	if code := c.WaitExit(); code != 0 {
		t.Fatalf("the console exited %d, want 0", code)
	}
}

func TestPresentCheck(t *testing.T) {
	t.Parallel()
	r := brief(t, "present", "--check", "300x100").ok(t, "present --check 300x100")
	if !strings.Contains(r.stdout, "300x100: every slide fits one screen") {
		t.Errorf("--check 300x100 says: %q", r.stdout)
	}
	// 60x20 splits some slides: each is named by number and title, exit 1.
	r = brief(t, "present", "--check", "60x20")
	if r.code != 1 || !regexp.MustCompile(`slide \d+ “[^”]+” \(\w+\): split across \d screens`).MatchString(r.stdout) {
		t.Errorf("--check 60x20: exit %d, out %q; want exit 1 naming the slides that split", r.code, r.stdout)
	}
	r = brief(t, "present", "--check", "40x12")
	if r.code != 1 || !strings.Contains(r.stdout, "40x12") {
		t.Errorf("--check 40x12: exit %d, out %q; want exit 1 with the problem", r.code, r.stdout)
	}
	if r := brief(t, "present", "--check=wide"); r.code != 2 {
		t.Errorf("--check=wide: exit %d, want 2", r.code)
	}
	// Alone, --check tries 80x24 and the projector sizes.
	r = brief(t, "present", "--check")
	for _, size := range []string{"80x24:", "160x45:"} {
		if !strings.Contains(r.stdout, size) {
			t.Errorf("--check alone does not check %s: %q", size, r.stdout)
		}
	}
}

// pipedSlide reads slide n of the plain deck: its title and its first
// bullet.
func pipedSlide(t *testing.T, n int) (title, bullet string) {
	t.Helper()
	out := brief(t, "present").ok(t, "present | cat").stdout
	head := regexp.MustCompile(`(?m)^── ` + strconv.Itoa(n) + `/\d+  (.+?) ─+$`)
	m := head.FindStringSubmatchIndex(out)
	if m == nil {
		t.Fatalf("the plain deck has no slide %d:\n%s", n, out)
	}
	title = out[m[2]:m[3]]
	rest := out[m[1]:]
	if end := strings.Index(rest, "\n── "); end >= 0 {
		rest = rest[:end]
	}
	b := regexp.MustCompile(`(?m)^\s*(?:•|\d+\.) (\S+ \S+ \S+)`).FindStringSubmatch(rest)
	if b == nil {
		t.Fatalf("slide %d of the plain deck has no bullet:\n%s", n, rest)
	}
	return title, b[1]
}

// "12 enter" lands on slide 12 whatever the size of the terminal: the deck
// counts slides, not screens.
func TestPresentJumpLandsOnTheSameSlideAtEverySize(t *testing.T) {
	t.Parallel()
	_, bullet := pipedSlide(t, 12)
	var total []int
	for _, sz := range [][2]int{{60, 20}, {160, 45}} {
		s, n := startPresent(t, presentEnv(t), sz[0], sz[1])
		total = append(total, n)
		s.Keys("1", "2")
		s.WaitText("12_")
		s.Keys("Enter")
		screen := s.WaitText(at(12, n))
		if !strings.Contains(screen, bullet) {
			t.Errorf("%dx%d: 12 enter shows a slide without %q:\n%s", sz[0], sz[1], bullet, screen)
		}
		s.Keys("q")
		s.WaitExit()
	}
	if total[0] != total[1] {
		t.Errorf("the deck has %d slides at 60x20 and %d at 160x45", total[0], total[1])
	}
}

// A digit pressed by mistake shows small in the corner and goes by itself.
func TestPresentStrayDigitGoesAway(t *testing.T) {
	t.Parallel()
	s, n := startPresent(t, presentEnv(t), 80, 24)
	s.Keys("Right")
	s.WaitText(at(2, n))
	s.Keys("5")
	screen := s.WaitText("5_")
	if row := strings.Split(screen, "\n")[0]; !strings.Contains(row, "5_") {
		t.Errorf("the typed digit is not in the top corner:\n%s", screen)
	}
	s.WaitGone("5_")
	if !strings.Contains(s.Screen(), at(2, n)) {
		t.Error("the stray digit moved the deck")
	}
	s.Keys("q")
	s.WaitExit()
}

func TestPresentPipedPrintsTheDeck(t *testing.T) {
	t.Parallel()
	r := brief(t, "present").ok(t, "present with stdout piped")
	noEscapes(t, "present | cat", r.stdout)
	for _, want := range []string{"── 1/", "Agenda", "Timeline", "Who stands where", "Thank you"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the plain deck lacks %q", want)
		}
	}
}
