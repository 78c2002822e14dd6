package e2e

import (
	"bufio"
	"net"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// TestServeSoak holds 100 sessions of brief serve open, idle, for 90
// seconds and logs the server's RSS every 10 seconds. It takes that long,
// so it runs only when asked:
//
//	BRIEF_SOAK=1 go test ./e2e -run TestServeSoak -v
//
// BRIEF_SOAK_SESSIONS and BRIEF_SOAK_SECONDS change the numbers. It fails
// when a session does not get its first frame or ends before the time is
// up; RSS is measured, not asserted (see docs/serve.md for the figures).
func TestServeSoak(t *testing.T) {
	t.Parallel()
	if os.Getenv("BRIEF_SOAK") == "" {
		t.Skip("set BRIEF_SOAK=1 to run the 90 s soak of brief serve")
	}
	sessions := envInt("BRIEF_SOAK_SESSIONS", 100)
	hold := time.Duration(envInt("BRIEF_SOAK_SECONDS", 90)) * time.Second
	srv := startServe(t, nil, "--max-sessions", strconv.Itoa(sessions), "--rate", "0")
	pid := srv.cmd.Process.Pid
	t.Logf("server RSS at start: %s", rssOf(pid))
	data, err := os.ReadFile(srv.key)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &gossh.ClientConfig{User: "soak", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: tmuxtest.Timeout}
	var ended atomic.Int32
	received := make([]atomic.Int64, sessions)
	for i := range sessions {
		c, err := gossh.Dial("tcp", net.JoinHostPort("127.0.0.1", srv.port), cfg)
		if err != nil {
			t.Fatalf("session %d: %v", i, err)
		}
		defer c.Close()
		s, err := c.NewSession()
		if err != nil {
			t.Fatalf("session %d: %v", i, err)
		}
		if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		out, err := s.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Shell(); err != nil {
			t.Fatal(err)
		}
		go func() {
			buf := make([]byte, 32<<10)
			for {
				n, err := out.Read(buf)
				received[i].Add(int64(n))
				if err != nil {
					ended.Add(1)
					return
				}
			}
		}()
	}
	deadline := time.Now().Add(time.Minute)
	for i := range sessions {
		for received[i].Load() < 500 {
			if time.Now().After(deadline) {
				t.Fatalf("session %d got no first frame (%d bytes)", i, received[i].Load())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	t.Logf("%d sessions open, first frames drawn: RSS %s", sessions, rssOf(pid))
	start := time.Now()
	for time.Since(start) < hold {
		time.Sleep(min(10*time.Second, hold-time.Since(start)))
		t.Logf("after %3.0fs: RSS %s, %d sessions ended", time.Since(start).Seconds(), rssOf(pid), ended.Load())
	}
	if n := ended.Load(); n != 0 {
		t.Errorf("%d sessions ended during the soak", n)
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// rssOf is a process's resident set size from /proc.
func rssOf(pid int) string {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return strings.TrimSpace(rest)
		}
	}
	return "unknown"
}
