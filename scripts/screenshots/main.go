// Command screenshots makes the pictures of docs/images from the real
// program: it builds brief, runs it on the built-in briefing in tmux at a
// fixed size, types keys as a user would, captures each screen with its
// colours (`tmux capture-pane -e -p`) and draws it as SVG.
//
//	go run ./scripts/screenshots            # writes docs/images/*.svg
//	go run ./scripts/screenshots -out /tmp  # somewhere else
//
// Run it from the repository's root after a change to what the views show.
// It needs tmux. Every wait is for text on the screen, bounded; nothing
// sleeps a fixed time. Study state and presentations live in a temporary
// folder, so the pictures never show a user's notes or talks.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/brief-cli/brief/internal/ansisvg"
)

// timeout bounds every wait for the screen.
const timeout = 20 * time.Second

func main() {
	out := flag.String("out", "docs/images", "folder to write the pictures to")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	if _, err := exec.LookPath("tmux"); err != nil {
		return errors.New("tmux is needed (apt-get install tmux)")
	}
	tmp, err := os.MkdirTemp("", "brief-shots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "brief")
	if b, err := exec.Command("go", "build", "-o", bin, "github.com/brief-cli/brief/cmd/brief").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, b)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	t := &terminals{sock: filepath.Join(tmp, "tmux.sock"), env: []string{
		"BRIEF_STATE_DIR=" + filepath.Join(tmp, "state"),
		"XDG_RUNTIME_DIR=" + filepath.Join(tmp, "run"),
		"COLORTERM=truecolor",
	}}
	if err := os.Mkdir(filepath.Join(tmp, "run"), 0o700); err != nil {
		return err
	}
	// A session that waits for nothing keeps the server up between shots.
	if err := t.tmux("new-session", "-d", "-s", "keep", "cat"); err != nil {
		return err
	}
	defer t.kill()

	for _, shot := range shots(bin) {
		svg, err := shot.take(t)
		if err != nil {
			return fmt.Errorf("%s: %w", shot.file, err)
		}
		path := filepath.Join(out, shot.file)
		if err := os.WriteFile(path, []byte(svg), 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", path)
	}
	return nil
}

// A shot is one picture: the commands to start, in their own terminals,
// and the steps that bring the screen to show.
type shot struct {
	file, title string
	w, h        int
	start       []string // shell command lines; the last one is pictured
	steps       []step
}

// A step types keys into a terminal (0: the first started) and waits for
// the pictured screen to match.
type step struct {
	term int
	keys []string
	want *regexp.Regexp
}

func keys(term int, want string, k ...string) step {
	return step{term: term, keys: k, want: regexp.MustCompile(want)}
}

// shots are the pictures. The waits name what any briefing's screen shows
// (pane titles, counters, markers), never the built-in briefing's words.
func shots(bin string) []shot {
	explore := bin + " --theme dark"
	return []shot{
		{
			file: "explore.svg", title: "Explore mode: a point, and the sentence it rests on marked in the source",
			w: 120, h: 32, start: []string{explore},
			steps: []step{
				keys(0, `Outline`),
				keys(0, `\b3/\d+`, "Down", "Down"),
				keys(0, `▸ ?Source`, "s"),
			},
		},
		{
			file: "reading.svg", title: "Reading mode: the article at a comfortable measure, a point's sentences marked in the margin",
			w: 120, h: 32, start: []string{explore},
			steps: []step{
				keys(0, `Outline`),
				keys(0, `\b8/\d+`, "Down", "Down", "Down", "Down", "Down", "Down", "Down"),
				keys(0, `▸ Reading`, "r"),
			},
		},
		{
			file: "search.svg", title: "Search: typos forgiven, results from every part of the briefing",
			w: 120, h: 32, start: []string{explore},
			steps: []step{
				keys(0, `Outline`),
				keys(0, `(?i)search`, "/"),
				keys(0, `\d+ match`, "-l", "moscw"),
			},
		},
		{
			file: "timeline.svg", title: "The timeline: events in order on a proportional axis",
			w: 120, h: 32, start: []string{explore},
			steps: []step{
				keys(0, `Outline`),
				keys(0, `Timeline`, "t"),
				keys(0, `\b3/\d+`, "Down", "Down"),
			},
		},
		{
			file: "present.svg", title: "Present mode: a theme slide on the projector",
			w: 100, h: 30, start: []string{bin + " present"},
			steps: []step{
				keys(0, `\b1/\d+`),
				keys(0, `\b3/\d+`, "Right", "Right"),
			},
		},
		{
			file: "console.svg", title: "The presenter console: notes, the next slide and the timer",
			w: 100, h: 30, start: []string{bin + " present", bin + " notes"},
			steps: []step{
				keys(1, `\b1/\d+`),
				keys(0, ``, "Right", "Right"),
				keys(1, `\b3/\d+`),
			},
		},
	}
}

func (s shot) take(t *terminals) (string, error) {
	var names []string
	for _, cmd := range s.start {
		name, err := t.start(s.w, s.h, cmd)
		if err != nil {
			return "", err
		}
		names = append(names, name)
	}
	defer func() {
		for _, n := range names {
			t.close(n)
		}
	}()
	pictured := names[len(names)-1]
	for _, st := range s.steps {
		if len(st.keys) > 0 {
			if err := t.tmux(append([]string{"send-keys", "-t", names[st.term]}, st.keys...)...); err != nil {
				return "", err
			}
		}
		if err := t.waitFor(names[st.term], st.want); err != nil {
			return "", err
		}
	}
	// Let the pictured screen settle: the same twice in a row.
	if err := t.waitStill(pictured); err != nil {
		return "", err
	}
	screen, err := t.output("capture-pane", "-e", "-p", "-t", pictured)
	if err != nil {
		return "", err
	}
	scr := ansisvg.Parse(screen, s.w, s.h)
	return scr.SVG(ansisvg.Options{Title: s.title, Background: scr.Backdrop()}), nil
}

// terminals are tmux sessions on a private server.
type terminals struct {
	sock string
	env  []string
	n    int
}

func (t *terminals) tmux(args ...string) error {
	_, err := t.output(args...)
	return err
}

func (t *terminals) output(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-u", "-S", t.sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

func (t *terminals) start(w, h int, command string) (string, error) {
	t.n++
	name := fmt.Sprintf("shot%d", t.n)
	args := []string{"new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for _, e := range t.env {
		args = append(args, "-e", e)
	}
	// NO_COLOR in the caller's environment would make grey pictures; each
	// shot starts from fresh study state, so none resumes where the one
	// before left off (reading mode, a scrolled pane).
	return name, t.tmux(append(args, `env -u NO_COLOR BRIEF_STATE_DIR="$(mktemp -d)" `+command)...)
}

func (t *terminals) close(name string) { _ = t.tmux("kill-session", "-t", name) }

func (t *terminals) kill() { _ = t.tmux("kill-server") }

func (t *terminals) waitFor(name string, want *regexp.Regexp) error {
	deadline := time.Now().Add(timeout)
	var screen string
	for time.Now().Before(deadline) {
		var err error
		if screen, err = t.output("capture-pane", "-p", "-t", name); err != nil {
			return err
		}
		if want.MatchString(screen) {
			return nil
		}
		time.Sleep(50 * time.Millisecond) // poll interval
	}
	return fmt.Errorf("timed out waiting for %q; screen:\n%s", want, screen)
}

func (t *terminals) waitStill(name string) error {
	deadline := time.Now().Add(timeout)
	last := ""
	for time.Now().Before(deadline) {
		screen, err := t.output("capture-pane", "-e", "-p", "-t", name)
		if err != nil {
			return err
		}
		if screen == last {
			return nil
		}
		last = screen
		time.Sleep(200 * time.Millisecond) // poll interval
	}
	return nil // a clock on screen never settles; take it as it is
}
