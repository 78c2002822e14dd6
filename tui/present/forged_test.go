package present

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/testkit/forged"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) Bytes() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.b.Bytes())
}

// TestConsoleFollowsAForgedPeerSafely runs the console against a hostile
// process listening where presentations do: what reaches the terminal is
// printable text and the console's own styling, nothing else.
func TestConsoleFollowsAForgedPeerSafely(t *testing.T) {
	dir := t.TempDir()
	forged.Listen(t, dir)
	out := &syncBuffer{}
	inR, inW := io.Pipe()
	defer inW.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	// RunConsole's program, sized by hand: a pipe has no window size.
	p := tea.NewProgram(NewConsole(dir, ConsoleOptions{Dir: dir}), tea.WithContext(ctx), tea.WithInput(inR), tea.WithOutput(out),
		tea.WithWindowSize(100, 30))
	go func() { _, err := p.Run(); done <- err }()
	// The title and notes carry "PWNED"; shown sanitised, the OSC that
	// held it is visible as "^[]0;PWNED^G".
	deadline := time.After(10 * time.Second)
	for !strings.Contains(string(out.Bytes()), "RED") {
		select {
		case <-deadline:
			cancel()
			t.Fatalf("the console never showed the peer's state:\n%q", out.Bytes())
		case <-time.After(20 * time.Millisecond):
		}
	}
	time.Sleep(100 * time.Millisecond) // let the frame finish; not a timing assertion
	cancel()
	<-done
	forged.Check(t, out.Bytes())
	if !strings.Contains(string(out.Bytes()), "^[]0;PWNED^G") {
		t.Errorf("the peer's OSC is not shown as visible text:\n%q", out.Bytes())
	}
}
