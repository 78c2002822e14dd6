package serve

import (
	"bufio"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/internal/testkit/long"
	"github.com/brief-cli/brief/model"
)

// TestServeLoad serves follow mode to 100 SSH sessions at once on loopback
// (20 in the default test run, 100 with BRIEF_LONG=1 as CI sets it) and
// has them follow 20 presenter moves. The clients (golang.org/x/crypto/ssh
// with a pty each, drawing on a terminal emulator to read the screen the
// user would see) run in a child process, so that this process's RSS is the
// server's alone. It fails when a session does not get its first frame or
// misses a move within the time bound, and logs connect-to-first-frame and
// follow latencies (p50, p99) and the server's RSS:
//
//	go test ./serve -run TestServeLoad -v
//
// -short skips it.
func TestServeLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	sessions, moves := long.Count(20, 100), 20
	b := seed(t)
	n := len(model.BuildDeck(b))
	hub := deckctl.NewHub()
	ts := startServer(t, Config{MaxSessions: sessions, RatePerMinute: -1}, FollowDeck(b, hub))
	keyPath := filepath.Join(t.TempDir(), "client_key")
	block, err := gossh.MarshalPrivateKey(ts.keyPriv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}

	child := exec.Command(os.Args[0], "-test.run=^TestServeLoadClients$", "-test.v")
	child.Env = append(os.Environ(), "BRIEF_LOAD_ADDR="+ts.addr, "BRIEF_LOAD_KEY="+keyPath,
		"BRIEF_LOAD_SESSIONS="+strconv.Itoa(sessions), "BRIEF_LOAD_TOTAL="+strconv.Itoa(n))
	child.Stderr = os.Stderr
	toChild, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	fromChild, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = toChild.Close()
		if t.Failed() {
			_ = child.Process.Kill()
		}
		_ = child.Wait()
	}()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(fromChild)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	// expect reads the child's lines until one starts with prefix and
	// returns its durations.
	expect := func(prefix string, d time.Duration) []time.Duration {
		t.Helper()
		timeout := time.After(d)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("the clients ended before %q", prefix)
				}
				if l == prefix {
					return nil
				}
				if rest, ok := strings.CutPrefix(l, prefix+" "); ok {
					return durations(t, rest)
				}
				if strings.HasPrefix(l, "FAIL") || strings.Contains(l, "load clients:") {
					t.Fatalf("clients: %s", l)
				}
			case <-timeout:
				t.Fatalf("clients: no %q within %v", prefix, d)
			}
		}
	}
	first := expect("first", 60*time.Second)
	if ts.Sessions() != sessions {
		t.Errorf("server counts %d sessions, want %d", ts.Sessions(), sessions)
	}
	var follow []time.Duration
	slide, step := 1, 1
	for range moves {
		if slide+step < 1 || slide+step > n {
			step = -step
		}
		slide += step
		fmt.Fprintf(toChild, "%d\n", slide)
		expect("armed", 30*time.Second)
		at := time.Now()
		hub.Publish(deckctl.State{Slide: slide, Total: n})
		var got []time.Duration
		for _, seen := range expect("moved", 30*time.Second) {
			got = append(got, time.Unix(0, int64(seen)).Sub(at))
		}
		if testing.Verbose() {
			t.Logf("move to %2d/%d: p50 %v max %v", slide, n, pct(got, 50), pct(got, 100))
		}
		follow = append(follow, got...)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("connect to first frame (%d sessions at once): p50 %v  p99 %v  max %v", len(first), pct(first, 50), pct(first, 99), pct(first, 100))
	t.Logf("follow latency (%d samples): p50 %v  p99 %v  max %v", len(follow), pct(follow, 50), pct(follow, 99), pct(follow, 100))
	t.Logf("server RSS %s with %d sessions (Go heap in use %.1f MiB, %d goroutines)",
		vmRSS(), ts.Sessions(), float64(ms.HeapInuse)/(1<<20), runtime.NumGoroutine())
	if len(first) != sessions || len(follow) != sessions*moves {
		t.Errorf("%d first frames and %d follows, want %d and %d", len(first), len(follow), sessions, sessions*moves)
	}
}

// TestServeLoadClients is the clients' side of TestServeLoad, run by it in a
// child process; on its own it does nothing. It opens the sessions, prints
// "first" and their connect-to-first-frame times, then for each line
// "SLIDE" read from standard input prints "armed", waits until every
// session shows SLIDE/N and prints "moved" and when each saw it (Unix
// nanoseconds).
func TestServeLoadClients(t *testing.T) {
	addr := os.Getenv("BRIEF_LOAD_ADDR")
	if addr == "" {
		t.Skip("run by TestServeLoad")
	}
	sessions, _ := strconv.Atoi(os.Getenv("BRIEF_LOAD_SESSIONS"))
	n := os.Getenv("BRIEF_LOAD_TOTAL")
	pemBytes, err := os.ReadFile(os.Getenv("BRIEF_LOAD_KEY"))
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		t.Fatal(err)
	}
	type move struct{ slide int }
	var (
		current atomic.Pointer[move]
		mu      sync.Mutex
		got     []time.Duration
		ready   sync.WaitGroup
		moved   sync.WaitGroup
		failed  atomic.Int32
	)
	current.Store(&move{})
	record := func(d time.Duration, wg *sync.WaitGroup) {
		mu.Lock()
		got = append(got, d)
		mu.Unlock()
		wg.Done()
	}
	ready.Add(sessions)
	for i := range sessions {
		go func() {
			t0 := time.Now()
			sess, stdin, stdout, err := loadSession(addr, signer)
			if err != nil {
				fmt.Fprintf(os.Stderr, "load clients: session %d: %v\n", i, err)
				failed.Add(1)
				ready.Done()
				return
			}
			defer sess.Close()
			emu := vt.NewEmulator(80, 24)
			defer func() {
				if c, ok := emu.InputPipe().(io.Closer); ok {
					_ = c.Close()
				}
			}()
			go func() { _, _ = io.Copy(stdin, readerFunc(emu.Read)) }()
			gotFirst, seen := false, 0
			buf := make([]byte, 32*1024)
			for {
				k, err := stdout.Read(buf)
				if k > 0 {
					_, _ = emu.Write(buf[:k])
					foot := footer(emu.String())
					if !gotFirst && strings.HasSuffix(foot, " 1/"+n) {
						gotFirst = true
						record(time.Since(t0), &ready)
					}
					if m := current.Load(); gotFirst && m.slide != seen && strings.HasSuffix(foot, " "+strconv.Itoa(m.slide)+"/"+n) {
						seen = m.slide
						record(time.Duration(time.Now().UnixNano()), &moved)
					}
				}
				if err != nil {
					return
				}
			}
		}()
	}
	flush := func(prefix string) {
		mu.Lock()
		defer mu.Unlock()
		var sb strings.Builder
		sb.WriteString(prefix)
		for _, d := range got {
			sb.WriteString(" " + strconv.FormatInt(int64(d), 10))
		}
		fmt.Println(sb.String())
		got = got[:0]
	}
	ready.Wait()
	if failed.Load() > 0 {
		t.Fatalf("load clients: %d sessions failed", failed.Load())
	}
	flush("first")
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		slide, err := strconv.Atoi(sc.Text())
		if err != nil {
			t.Fatalf("load clients: %q: %v", sc.Text(), err)
		}
		moved.Add(sessions)
		current.Store(&move{slide: slide})
		fmt.Println("armed")
		moved.Wait()
		flush("moved")
	}
}

// loadSession opens a session with an 80x24 pty and a shell.
func loadSession(addr string, key gossh.Signer) (*gossh.Session, io.Writer, io.Reader, error) {
	c, err := gossh.Dial("tcp", addr, clientConfig(key))
	if err != nil {
		return nil, nil, nil, err
	}
	sess, err := c.NewSession()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return nil, nil, nil, err
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	return sess, stdin, stdout, sess.Shell()
}

func durations(t *testing.T, s string) []time.Duration {
	t.Helper()
	var out []time.Duration
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			t.Fatalf("clients sent %q", f)
		}
		out = append(out, time.Duration(v))
	}
	return out
}

// footer is the status row of a screen, trimmed: the line above the
// progress bar, which ends with the counter n/N.
func footer(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n "), "\n")
	if len(lines) < 2 {
		return ""
	}
	return strings.TrimSpace(lines[len(lines)-2])
}

// pct is the p-th percentile of ds (p = 100: the maximum).
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := min(len(s)-1, (len(s)*p+99)/100-1)
	return s[max(i, 0)].Round(100 * time.Microsecond)
}

// vmRSS is the process's resident set size from /proc/self/status.
func vmRSS() string {
	f, err := os.Open("/proc/self/status")
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
