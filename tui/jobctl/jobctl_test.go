//go:build linux

package jobctl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/sys/unix"

	"github.com/brief-cli/brief/internal/crashlog"
)

// openPTY opens a pseudo-terminal and returns its two ends.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, m) // the terminal's screen
	// Only the master end is closed: a program that ended by a panic may
	// leave its input reader on the slave end, and closing that file under
	// it is a race; with the master gone, its read ends with EIO.
	t.Cleanup(func() { m.Close() })
	return m, s
}

// panicky panics when it is drawn the second time, after its first
// message.
type panicky struct{ n int }

func (p panicky) Init() tea.Cmd { return func() tea.Msg { return "go" } }
func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if msg == "go" {
		p.n++
	}
	return p, nil
}
func (p panicky) View() tea.View {
	if p.n > 0 {
		var s []string
		_ = s[p.n+2] // index out of range
	}
	return tea.NewView("drawn")
}

// A panic prints nothing on the screen or standard error: it comes back as
// one line, with the trace in a crash log.
func TestPanicIsOneLineWithALog(t *testing.T) {
	skipUnderRace(t)
	t.Setenv("BRIEF_STATE_DIR", t.TempDir())
	_, slave := openPTY(t)
	stderr := os.Stderr
	_, err := Run(panicky{}, slave, tea.WithInput(slave), tea.WithOutput(slave))
	if os.Stderr != stderr {
		t.Fatal("standard error was not put back")
	}
	var ce *crashlog.Error
	if !errors.As(err, &ce) {
		t.Fatalf("Run = %v, want a *crashlog.Error", err)
	}
	if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), ce.Log) || ce.Log == "" {
		t.Errorf("error %q is not one line naming the log", err)
	}
	data, rerr := os.ReadFile(ce.Log)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if !strings.Contains(string(data), "index out of range") || !strings.Contains(string(data), "jobctl.panicky.View") {
		t.Errorf("the log does not hold the panic and its trace:\n%s", data)
	}
}
