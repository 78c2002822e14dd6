// Package tmuxtest drives a real terminal for end-to-end tests: it runs a
// command in a detached tmux session of a fixed size, types keys, and waits
// for text to appear on the screen. It never sleeps a fixed time: every wait
// polls the screen until the text is there or a deadline passes.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Session is one tmux session running a command.
type Session struct {
	t    testing.TB
	name string
	sock string
}

// Timeout bounds every wait; generous, since CI machines are slow.
var Timeout = 30 * time.Second

// Require skips the test when tmux is missing, except in CI, where its
// absence is a failure: .ci/run installs it.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux is required in CI: %v", err)
		}
		t.Skip("tmux not installed")
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Binary builds ./cmd/brief once per test process and returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "brief-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "brief")
		cmd := exec.Command("go", "build", "-o", binPath, "github.com/brief-cli/brief/cmd/brief")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

var counter struct {
	sync.Mutex
	n int
}

// Start runs command (a shell command line) in a new w x h tmux session with
// the given extra environment ("KEY=value"). The session is killed when the
// test ends. Each session has its own tmux server socket, so tests do not
// disturb a user's tmux or each other.
func Start(t testing.TB, w, h int, env []string, command string) *Session {
	t.Helper()
	Require(t)
	counter.Lock()
	counter.n++
	n := counter.n
	counter.Unlock()
	s := &Session{t: t, name: fmt.Sprintf("brief%d", n), sock: filepath.Join(t.TempDir(), "tmux.sock")}
	// The pane stays after its command exits, so its last screen can be
	// read: set in the server's configuration, before the command starts,
	// since a command that ends at once (brief --help) would take the
	// session with it before a later set-option.
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g remain-on-exit on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-S", s.sock, "-f", conf, "new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	// Study state and presentation sockets go to the test's own folders, so
	// a test never resumes where another stopped or finds a user's talk; a
	// test may still set its own.
	env = append([]string{"BRIEF_STATE_DIR=" + t.TempDir(), "XDG_RUNTIME_DIR=" + shortTempDir(t)}, env...)
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, command)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		// Killing the server hangs up the pane's terminal; a program that
		// handles SIGHUP (explore saves the reader's state) then still
		// writes for a moment. Wait for it, so that the test's folders are
		// removed only once nothing writes there.
		pids := s.terminalPIDs()
		_ = exec.Command("tmux", "-S", s.sock, "kill-server").Run()
		waitGone(pids)
	})
	return s
}

// terminalPIDs lists the processes on the pane's terminal, or none when
// the pane is gone.
func (s *Session) terminalPIDs() []int {
	out, err := exec.Command("tmux", "-S", s.sock, "display-message", "-p", "-t", s.name, "#{pane_tty}").Output()
	tty := strings.TrimPrefix(strings.TrimSpace(string(out)), "/dev/")
	if err != nil || tty == "" {
		return nil
	}
	out, _ = exec.Command("pgrep", "-t", tty).Output()
	var pids []int
	for _, f := range strings.Fields(string(out)) {
		var pid int
		if _, err := fmt.Sscan(f, &pid); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// waitGone waits, up to Timeout, until none of pids is running.
func waitGone(pids []int) {
	deadline := time.Now().Add(Timeout)
	for _, pid := range pids {
		for time.Now().Before(deadline) && alive(pid) {
			time.Sleep(10 * time.Millisecond) // poll interval
		}
	}
}

// shortTempDir is a private temporary folder with a short path: Unix socket
// paths are limited to about 100 bytes, and t.TempDir() paths can be long.
func shortTempDir(t testing.TB) string {
	d, err := os.MkdirTemp("", "bt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(d, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func (s *Session) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Keys sends tmux key names ("Down", "Enter", "C-c", "q", "/").
func (s *Session) Keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// Type sends literal text.
func (s *Session) Type(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.name, "-l", text)
}

// Screen returns the visible screen as plain text.
func (s *Session) Screen() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.name)
}

// Title returns the pane title as the terminal application set it.
func (s *Session) Title() string {
	s.t.Helper()
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}"))
}

// SetTitle sets the pane title, as a terminal's window title would be set.
func (s *Session) SetTitle(title string) {
	s.t.Helper()
	s.tmux("select-pane", "-t", s.name, "-T", title)
}

// Display returns a tmux format expanded for the pane: "#{alternate_on}"
// says whether the program left the terminal in the alternate screen.
func (s *Session) Display(format string) string {
	s.t.Helper()
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, format))
}

// PID is the process id of the pane's command (the program itself when
// the command line starts with exec).
func (s *Session) PID() int {
	s.t.Helper()
	var pid int
	fmt.Sscan(s.Display("#{pane_pid}"), &pid)
	if pid <= 0 {
		s.t.Fatal("no process in the pane")
	}
	return pid
}

// Resize changes the window size.
func (s *Session) Resize(w, h int) {
	s.t.Helper()
	s.tmux("resize-window", "-t", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// WaitFor waits until the screen satisfies ok, and returns that screen.
func (s *Session) WaitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(Timeout)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.Screen()
		if ok(screen) {
			return screen
		}
		runtime.Gosched()
		time.Sleep(20 * time.Millisecond) // poll interval, not a wait for the program
	}
	s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen)
	return ""
}

// WaitText waits until text appears on the screen.
func (s *Session) WaitText(text string) string {
	s.t.Helper()
	return s.WaitFor(fmt.Sprintf("%q", text), func(sc string) bool { return strings.Contains(sc, text) })
}

// WaitGone waits until text is no longer on the screen.
func (s *Session) WaitGone(text string) string {
	s.t.Helper()
	return s.WaitFor(fmt.Sprintf("%q to go", text), func(sc string) bool { return !strings.Contains(sc, text) })
}

// Dead reports whether the command has exited, and its exit status.
func (s *Session) Dead() (bool, int) {
	s.t.Helper()
	out := strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead} #{pane_dead_status}"))
	var dead, status int
	fmt.Sscanf(out, "%d %d", &dead, &status)
	return dead == 1, status
}

// WaitExit waits for the command to exit and returns its exit status.
func (s *Session) WaitExit() int {
	s.t.Helper()
	deadline := time.Now().Add(Timeout)
	for time.Now().Before(deadline) {
		if dead, status := s.Dead(); dead {
			return status
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for the command to exit; screen:\n%s", s.Screen())
	return -1
}
