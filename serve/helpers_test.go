package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/wish/v2/testsession"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// waitTimeout bounds every wait of these tests; generous for slow machines.
const waitTimeout = 30 * time.Second

// newKey makes a client key and its authorized_keys line.
func newKey(t testing.TB) (gossh.Signer, []byte) {
	t.Helper()
	s, line, _ := newKeyPair(t)
	return s, line
}

// newKeyPair is newKey with the private key.
func newKeyPair(t testing.TB) (gossh.Signer, []byte, ed25519.PrivateKey) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s, gossh.MarshalAuthorizedKey(s.PublicKey()), priv
}

// testServer is a server on a loopback port with its own host key and one
// authorized client key.
type testServer struct {
	*Server
	addr    string
	key     gossh.Signer // authorized
	keyPriv ed25519.PrivateKey
	cancel  context.CancelFunc
	done    chan error
	logBuf  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer starts a server with cfg (Listen, HostKeyPath, AuthorizedKeys
// and Log filled in when empty) serving factory. It is shut down when the
// test ends.
func startServer(t testing.TB, cfg Config, factory Factory) *testServer {
	t.Helper()
	dir := t.TempDir()
	key, line, priv := newKeyPair(t)
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:0"
	}
	if cfg.ShutdownGrace == 0 {
		cfg.ShutdownGrace = time.Second // tests need not wait the real 5 s
	}
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = filepath.Join(dir, "host_key")
	}
	if cfg.AuthorizedKeys == "" && !cfg.Open {
		cfg.AuthorizedKeys = filepath.Join(dir, "authorized_keys")
		if err := os.WriteFile(cfg.AuthorizedKeys, line, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	logBuf := &syncBuffer{}
	if cfg.Log == nil {
		cfg.Log = logBuf
	}
	srv, err := New(cfg, factory)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: srv, addr: srv.Addr().String(), key: key, keyPriv: priv, cancel: cancel, done: make(chan error, 1), logBuf: logBuf}
	go func() { ts.done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ts.done:
		case <-time.After(waitTimeout):
			t.Error("server did not stop")
		}
	})
	return ts
}

// clientConfig authenticates with key.
func clientConfig(key gossh.Signer) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            "student",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitTimeout,
	}
}

// session opens a client session with the authorized key (through wish's
// test helper).
func (ts *testServer) session(t testing.TB) *gossh.Session {
	t.Helper()
	s, err := testsession.NewClientSession(t, ts.addr, clientConfig(ts.key))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// terminal is a client session with a pty and a shell, its output drawn on
// a terminal emulator so that tests read the screen the user would see.
type terminal struct {
	t    testing.TB
	sess *gossh.Session
	in   *lockedWriter

	mu   sync.Mutex
	emu  *vt.Emulator
	raw  bytes.Buffer
	done chan struct{}
	err  error
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// openTerminal requests a w x h pty (with env set first) and a shell.
func openTerminal(t testing.TB, sess *gossh.Session, w, h int, env map[string]string) *terminal {
	t.Helper()
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatalf("setenv %s: %v", k, err)
		}
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatalf("pty: %v", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, sess: sess, in: &lockedWriter{w: stdin}, emu: vt.NewEmulator(w, h), done: make(chan struct{})}
	sess.Stderr = writerFunc(func(p []byte) (int, error) { return term.feed(p) })
	// The emulator answers the program's queries as a terminal would.
	go func() { _, _ = io.Copy(term.in, readerFunc(term.emu.Read)) }()
	if err := sess.Shell(); err != nil {
		t.Fatalf("shell: %v", err)
	}
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				_, _ = term.feed(buf[:n])
			}
			if err != nil {
				break
			}
		}
		term.err = sess.Wait()
		close(term.done)
	}()
	// Ending the emulator's reply pipe ends the goroutine copying it
	// (Close would race with the emulator's readers).
	t.Cleanup(func() {
		if c, ok := term.emu.InputPipe().(io.Closer); ok {
			_ = c.Close()
		}
	})
	return term
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

func (term *terminal) feed(p []byte) (int, error) {
	term.mu.Lock()
	defer term.mu.Unlock()
	term.raw.Write(p)
	return term.emu.Write(p)
}

// Screen is the text on the screen.
func (term *terminal) Screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.emu.String()
}

// Raw is everything the server sent.
func (term *terminal) Raw() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.raw.String()
}

// Type sends keys as a terminal would encode them.
func (term *terminal) Type(s string) {
	term.t.Helper()
	if _, err := term.in.Write([]byte(s)); err != nil {
		term.t.Fatalf("type %q: %v", s, err)
	}
}

// Right is the right-arrow key.
const Right = "\x1b[C"

// WaitFor waits until the screen satisfies ok.
func (term *terminal) WaitFor(what string, ok func(string) bool) string {
	term.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		sc := term.Screen()
		if ok(sc) {
			return sc
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("timed out waiting for %s; screen:\n%s", what, sc)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// WaitText waits until text is on the screen.
func (term *terminal) WaitText(text string) string {
	term.t.Helper()
	return term.WaitFor(strings.TrimSpace(text), func(s string) bool { return strings.Contains(s, text) })
}

// WaitExit waits for the session to end and returns its error (nil for exit
// status 0).
func (term *terminal) WaitExit() error {
	term.t.Helper()
	select {
	case <-term.done:
		return term.err
	case <-time.After(waitTimeout):
		term.t.Fatalf("session did not end; screen:\n%s", term.Screen())
	}
	return nil
}

// exitStatus is the exit status of a finished session (0 when err is nil).
func exitStatus(err error) int {
	var ee *gossh.ExitError
	if errors.As(err, &ee) {
		return ee.ExitStatus()
	}
	if err != nil {
		return -1
	}
	return 0
}
