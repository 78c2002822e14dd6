//go:build unix

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// recoveryHolding is the recovery file under cache that holds text, or "".
func recoveryHolding(t *testing.T, cache, text string) string {
	t.Helper()
	dir := filepath.Join(cache, "brief", "recovery")
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil && strings.Contains(string(data), text) {
			return filepath.Join(dir, e.Name())
		}
	}
	return ""
}

// childOf is the process id of the one child of process pid.
func childOf(t *testing.T, pid int) int {
	t.Helper()
	out, err := exec.Command("pgrep", "-P", fmt.Sprint(pid)).Output()
	if err != nil {
		t.Fatalf("pgrep -P %d: %v", pid, err)
	}
	var child int
	if _, err := fmt.Sscan(string(out), &child); err != nil {
		t.Fatal(err)
	}
	return child
}

// waitStatus waits for the shell to write an exit status to file.
func waitStatus(t *testing.T, file string) string {
	t.Helper()
	deadline := time.Now().Add(tmuxtest.Timeout)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(file); err == nil && strings.HasSuffix(string(data), "\n") {
			return strings.TrimSpace(string(data))
		}
		time.Sleep(20 * time.Millisecond) // poll interval
	}
	t.Fatal("the program did not exit")
	return ""
}

// TestSignalsKeepTheNote: whatever ends explore mode from outside — a
// closed terminal (SIGHUP), kill (SIGTERM), SIGINT, ctrl+\ (SIGQUIT) —
// the note being written is left in a recovery file, the terminal is
// restored, and the next run offers the text back.
func TestSignalsKeepTheNote(t *testing.T) {
	t.Parallel()
	bin := tmuxtest.Binary(t)
	file := studyFiles(t)
	// A new state directory for each run, so that each opens on the same
	// item rather than where the last one stopped; the recovery files are
	// kept apart from the state, in the cache.
	cache := t.TempDir()
	env := func() []string { return []string{"BRIEF_STATE_DIR=" + t.TempDir(), "XDG_CACHE_HOME=" + cache} }
	openNote := func(s *tmuxtest.Session) {
		s.WaitText("Outline")
		s.Keys("j", "j", "n")
		s.WaitText("Note on point")
	}
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			// The shell records brief's exit status in a file: tmux may see
			// the terminal close before it learns the status.
			code := filepath.Join(t.TempDir(), "status")
			s := tmuxtest.Start(t, 100, 30, env(), "'"+bin+"' '"+file+"'; echo $? > '"+code+"'")
			openNote(s)
			text := "unsaved thought before " + strings.ReplaceAll(sig.String(), " ", "-")
			s.Type(text)
			s.WaitText(text)
			if err := syscall.Kill(childOf(t, s.PID()), sig); err != nil {
				t.Fatal(err)
			}
			if got := waitStatus(t, code); got != "130" {
				t.Errorf("exit status %s, want 130", got)
			}
			if alt := s.Display("#{alternate_on}"); alt != "0" {
				t.Errorf("the terminal was left in the alternate screen")
			}
			if recoveryHolding(t, cache, text) == "" {
				t.Fatalf("no recovery file holds the note")
			}
		})
	}
	s := tmuxtest.Start(t, 100, 30, env(), "exec '"+bin+"' '"+file+"'")
	openNote(s)
	s.WaitText("Unsaved text from an earlier session")
	s.WaitText("unsaved thought before")
}

// TestSuspend: ctrl+z and SIGTSTP hand the terminal back to the shell,
// restored, and fg takes the screen back.
func TestSuspend(t *testing.T) {
	t.Parallel()
	bin := tmuxtest.Binary(t)
	file := studyFiles(t)
	s := tmuxtest.Start(t, 100, 30, nil, "env PS1='READY$ ' bash --norc --noprofile")
	s.WaitText("READY$")
	s.Type("'" + bin + "' '" + file + "'")
	s.Keys("Enter")
	s.WaitText("Outline")
	s.Keys("C-z")
	s.WaitText("Stopped")
	if alt := s.Display("#{alternate_on}"); alt != "0" {
		t.Errorf("ctrl+z left the terminal in the alternate screen")
	}
	s.Type("fg")
	s.Keys("Enter")
	s.WaitText("Outline")
	if alt := s.Display("#{alternate_on}"); alt != "1" {
		t.Errorf("fg did not take the screen back")
	}

	// SIGTSTP from outside, to the program (the shell's child).
	s.WaitText("Detail")
	if err := syscall.Kill(childOf(t, s.PID()), syscall.SIGTSTP); err != nil {
		t.Fatal(err)
	}
	s.WaitFor("the shell's prompt after the stop", func(sc string) bool { return strings.Count(sc, "Stopped") >= 2 && !strings.Contains(sc, "Detail") })
	if alt := s.Display("#{alternate_on}"); alt != "0" {
		t.Errorf("SIGTSTP left the terminal in the alternate screen")
	}
	s.Type("fg")
	s.Keys("Enter")
	s.WaitText("Detail")
	s.Keys("q")
	s.WaitText("READY$ ")
}
