package serve

import (
	"net"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/explore"
)

// floodAndVanish is the client of issue 18: it opens a session with a
// terminal, never reads what the server sends, floods window changes, then
// vanishes without a word (as a client killed with SIGKILL does: its
// kernel closes the TCP connection).
func floodAndVanish(t *testing.T, ts *testServer, connects int) {
	t.Helper()
	flood(t, ts, connects).Close()
}

// flood opens a session that floods window changes and never reads, and
// returns its connection, open.
func flood(t *testing.T, ts *testServer, connects int) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, clientConfig(ts.key))
	if err != nil {
		t.Fatal(err)
	}
	client := gossh.NewClient(c, chans, reqs)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 60, 200, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitLogCount(t, ts, "msg=connect", connects)
	// Flood until the server stops taking them (it no longer reads the
	// connection) or 300 are sent; each size is new, so each asks for a
	// whole frame that nobody reads.
	flooded := make(chan int, 1)
	go func() {
		n := 0
		for ; n < 300; n++ {
			if err := sess.WindowChange(50+n%30, 150+n%100); err != nil {
				break
			}
			time.Sleep(10 * time.Millisecond) // a frame drawn for each
		}
		flooded <- n
	}()
	select {
	case n := <-flooded:
		t.Logf("sent %d window changes", n)
	case <-time.After(9 * time.Second):
		t.Log("the server stopped reading window changes")
	}
	return conn
}

// exploreMode is the program brief serve runs.
func exploreMode(b *model.Briefing) Factory {
	return func(_ ssh.Session, env Env) tea.Model {
		return explore.NewModel(b, explore.Options{Env: env.Environ})
	}
}

func waitLogCount(t *testing.T, ts *testServer, what string, n int) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for strings.Count(ts.logBuf.String(), what) < n {
		if time.Now().After(deadline) {
			t.Fatalf("log has %d %q, want %d:\n%s", strings.Count(ts.logBuf.String(), what), what, n, ts.logBuf.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFloodingClientThatVanishesFreesItsSeat: two such clients on a
// server of two seats, then two ordinary ones must get in; every connect
// has its disconnect line.
func TestFloodingClientThatVanishesFreesItsSeat(t *testing.T) {
	skipUnderRace(t)
	const seats = 2
	ts := startServer(t, Config{MaxSessions: seats}, exploreMode(seed(t)))
	for i := range seats {
		floodAndVanish(t, ts, i+1)
	}
	waitLogCount(t, ts, "msg=disconnect", seats)
	for range seats {
		term := openTerminal(t, ts.session(t), 80, 24, nil)
		term.WaitText("Outline")
	}
	if n := ts.Sessions(); n != seats {
		t.Errorf("%d sessions running, want %d", n, seats)
	}
	log := ts.logBuf.String()
	if c, d := strings.Count(log, "msg=connect"), strings.Count(log, "msg=disconnect"); c != d+seats {
		t.Errorf("%d connects and %d disconnects with %d sessions open:\n%s", c, d, seats, log)
	}
}

// TestClientThatDoesNotReadIsHungUpOn: writes to a client are bounded; one
// that takes nothing is disconnected, logged, and its seat freed.
func TestClientThatDoesNotReadIsHungUpOn(t *testing.T) {
	skipUnderRace(t)
	ts := startServer(t, Config{MaxSessions: 1, WriteTimeout: 500 * time.Millisecond}, exploreMode(seed(t)))
	conn := flood(t, ts, 1)
	defer conn.Close()
	waitLog(t, ts, `msg="client not reading"`)
	waitLog(t, ts, `reason="client not reading"`)
	term := openTerminal(t, ts.session(t), 80, 24, nil)
	term.WaitText("Outline")
}

// TestShutdownRestoresTheTerminalBeforeGoodbye: the goodbye line lands on
// the client's own screen, the program's frame gone and the cursor shown.
func TestShutdownRestoresTheTerminalBeforeGoodbye(t *testing.T) {
	ts := startServer(t, Config{}, exploreMode(seed(t)))
	term := openTerminal(t, ts.session(t), 80, 24, nil)
	term.WaitText("Outline")
	ts.cancel()
	<-ts.done
	ts.done <- nil // for the cleanup
	_ = term.WaitExit()
	raw := term.Raw()
	bye := strings.LastIndex(raw, "Goodbye.")
	if bye < 0 {
		t.Fatalf("no goodbye:\n%q", raw)
	}
	for _, seq := range []string{"\x1b[?1049l", "\x1b[?25h"} {
		if i := strings.LastIndex(raw[:bye], seq); i < 0 || strings.Contains(raw[i:bye], "\x1b[?1049h") {
			t.Errorf("%q does not come before the goodbye", seq)
		}
	}
	if screen := term.Screen(); strings.Contains(screen, "Outline") || !strings.Contains(screen, "brief serve: the server is shutting down. Goodbye.") {
		t.Errorf("screen after shutdown:\n%s", screen)
	}
}
