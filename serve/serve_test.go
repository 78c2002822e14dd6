package serve

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/testsession"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// BrowseDeck is the factory of a deck that each session pages through on
// its own, with no presenter to follow: an audience with no hub.
func BrowseDeck(b *model.Briefing) Factory {
	deck := model.BuildDeck(b)
	return func(_ ssh.Session, env Env) tea.Model {
		return newAudience(env.Context, b.Title, deck, nil)
	}
}

func seed(t testing.TB) *model.Briefing {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// counting wraps a factory and counts the programs it made.
func counting(f Factory, n *atomic.Int32) Factory {
	return func(s ssh.Session, env Env) tea.Model {
		n.Add(1)
		return f(s, env)
	}
}

func TestAuthorizedKeyGetsTheBriefingAndQClosesIt(t *testing.T) {
	b := seed(t)
	ts := startServer(t, Config{}, BrowseDeck(b))
	term := openTerminal(t, ts.session(t), 80, 24, nil)
	term.WaitText(b.Title[:20])
	term.WaitText("1/" + strconv.Itoa(len(model.BuildDeck(b))))
	term.Type("q")
	if err := term.WaitExit(); err != nil {
		t.Fatalf("session ended with %v, want exit 0", err)
	}
	log := ts.logBuf.String()
	fp := gossh.FingerprintSHA256(ts.key.PublicKey())
	for _, want := range []string{"msg=connect", "msg=disconnect", "key=" + fp, "addr=127.0.0.1:"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

func TestUnknownKeyIsRefused(t *testing.T) {
	var made atomic.Int32
	ts := startServer(t, Config{}, counting(BrowseDeck(seed(t)), &made))
	stranger, _ := newKey(t)
	_, err := testsession.NewClientSession(t, ts.addr, clientConfig(stranger))
	if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("unknown key: err = %v, want unable to authenticate", err)
	}
	// Nor does a client without a key get in.
	_, err = testsession.NewClientSession(t, ts.addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.Password("guess")}})
	if err == nil {
		t.Fatal("password login accepted")
	}
	if made.Load() != 0 {
		t.Errorf("%d programs run for refused clients", made.Load())
	}
	waitLog(t, ts, "key not authorized")
	if !strings.Contains(ts.logBuf.String(), gossh.FingerprintSHA256(stranger.PublicKey())) {
		t.Errorf("the refused key's fingerprint is not logged:\n%s", ts.logBuf.String())
	}
}

func waitLog(t *testing.T, ts *testServer, want string) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !strings.Contains(ts.logBuf.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("log lacks %q:\n%s", want, ts.logBuf.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestOpenLetsAnyoneIn(t *testing.T) {
	ts := startServer(t, Config{Open: true}, BrowseDeck(seed(t)))
	stranger, _ := newKey(t)
	sess, err := testsession.NewClientSession(t, ts.addr, clientConfig(stranger))
	if err != nil {
		t.Fatalf("open server refused a key: %v", err)
	}
	term := openTerminal(t, sess, 80, 24, nil)
	term.WaitText("1/")
	waitLog(t, ts, "open to anyone")
}

func TestSessionWithoutTerminalIsRefused(t *testing.T) {
	var made atomic.Int32
	ts := startServer(t, Config{}, counting(BrowseDeck(seed(t)), &made))
	out, err := ts.session(t).CombinedOutput("")
	if exitStatus(err) != 1 {
		t.Fatalf("exit = %v, want status 1", err)
	}
	if got := strings.TrimSpace(string(out)); !strings.HasPrefix(got, "brief serve: a terminal is needed") || strings.Count(got, "\n") != 0 {
		t.Errorf("message = %q, want one line about a terminal", got)
	}
	if made.Load() != 0 {
		t.Error("a program ran for a session without a terminal")
	}
}

func TestCommandIsRefusedAndNothingRuns(t *testing.T) {
	var made atomic.Int32
	ts := startServer(t, Config{}, counting(BrowseDeck(seed(t)), &made))
	marker := filepath.Join(t.TempDir(), "ran")
	for _, pty := range []bool{false, true} {
		sess := ts.session(t)
		if pty {
			if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
				t.Fatal(err)
			}
		}
		out, err := sess.CombinedOutput("touch " + marker)
		if exitStatus(err) != 1 {
			t.Fatalf("pty=%v: exit = %v, want status 1", pty, err)
		}
		if !strings.Contains(string(out), "commands are not run here") {
			t.Errorf("pty=%v: message = %q", pty, out)
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the command ran")
	}
	if made.Load() != 0 {
		t.Error("a program ran for a command")
	}
}

func TestNoSubsystemsNoForwardingNoAgent(t *testing.T) {
	ts := startServer(t, Config{}, BrowseDeck(seed(t)))
	client, err := gossh.Dial("tcp", ts.addr, clientConfig(ts.key))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("sftp subsystem accepted")
	}
	sess.Close()

	sess, err = client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := sess.SendRequest("auth-agent-req@openssh.com", true, nil); ok || err != nil {
		t.Errorf("agent forwarding: ok=%v err=%v, want refused", ok, err)
	}
	if ok, _ := sess.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})); ok {
		t.Error("X11 forwarding accepted")
	}
	sess.Close()

	// Local forwarding (ssh -L): the server would dial for the client.
	target, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	if c, err := client.Dial("tcp", target.Addr().String()); err == nil {
		c.Close()
		t.Error("local port forwarding accepted")
	}
	// Remote forwarding (ssh -R): the server would listen for the client.
	if l, err := client.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Error("remote port forwarding accepted")
	}
}

func TestSessionCapRefusesPolitely(t *testing.T) {
	ts := startServer(t, Config{MaxSessions: 1}, BrowseDeck(seed(t)))
	first := openTerminal(t, ts.session(t), 80, 24, nil)
	first.WaitText("1/")
	second := openTerminal(t, ts.session(t), 80, 24, nil)
	if st := exitStatus(second.WaitExit()); st != 1 {
		t.Errorf("second session exit status = %d, want 1", st)
	}
	if !strings.Contains(second.Screen(), "the server is full (1 sessions)") {
		t.Errorf("second session screen:\n%s", second.Screen())
	}
	// The first is untouched, and once it leaves there is room again.
	first.Type("q")
	if err := first.WaitExit(); err != nil {
		t.Fatal(err)
	}
	third := openTerminal(t, ts.session(t), 80, 24, nil)
	third.WaitText("1/")
}

func TestClientEnvironmentNotTheServers(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("COLORTERM", "truecolor")
	envs := make(chan Env, 2)
	ts := startServer(t, Config{}, func(s ssh.Session, env Env) tea.Model {
		envs <- env
		return nil
	})
	for _, tc := range []struct {
		env     map[string]string
		noColor bool
		profile colorprofile.Profile
	}{
		{map[string]string{"NO_COLOR": "1"}, true, colorprofile.Ascii},
		{nil, false, colorprofile.ANSI256}, // xterm-256color, and the server's COLORTERM is not the client's
	} {
		term := openTerminal(t, ts.session(t), 100, 30, tc.env)
		env := <-envs
		_ = term.WaitExit()
		if env.Width != 100 || env.Height != 30 || env.Term != "xterm-256color" {
			t.Errorf("env = %dx%d %q, want 100x30 xterm-256color", env.Width, env.Height, env.Term)
		}
		if env.NoColor() != tc.noColor || env.Profile != tc.profile {
			t.Errorf("env %v: NoColor=%v profile=%v, want %v %v", tc.env, env.NoColor(), env.Profile, tc.noColor, tc.profile)
		}
	}
}

func TestWindowResizeReachesTheProgram(t *testing.T) {
	skipUnderRace(t)
	ts := startServer(t, Config{}, BrowseDeck(seed(t)))
	sess := ts.session(t)
	term := openTerminal(t, sess, 80, 24, nil)
	term.WaitText("1/")
	term.mu.Lock()
	term.emu.Resize(50, 15)
	term.mu.Unlock()
	if err := sess.WindowChange(15, 50); err != nil {
		t.Fatal(err)
	}
	term.WaitText("terminal too small: need 60x20")
}

func TestIdleSessionIsToldAndClosed(t *testing.T) {
	ts := startServer(t, Config{IdleTimeout: 300 * time.Millisecond}, BrowseDeck(seed(t)))
	term := openTerminal(t, ts.session(t), 80, 24, nil)
	term.WaitText("1/")
	_ = term.WaitExit()
	if !strings.Contains(term.Screen(), "without activity") {
		t.Errorf("screen after idle timeout:\n%s", term.Screen())
	}
}

func TestMaxTimeoutEndsEvenABusySession(t *testing.T) {
	ts := startServer(t, Config{MaxTimeout: 500 * time.Millisecond, IdleTimeout: time.Hour}, BrowseDeck(seed(t)))
	term := openTerminal(t, ts.session(t), 80, 24, nil)
	term.WaitText("1/")
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-term.done:
				return
			case <-time.After(50 * time.Millisecond):
				_, _ = term.in.Write([]byte(Right))
			}
		}
	}()
	_ = term.WaitExit()
	if !strings.Contains(term.Screen(), "time limit") {
		t.Errorf("screen after the time limit:\n%s", term.Screen())
	}
}

func TestShutdownTellsSessionsThenCloses(t *testing.T) {
	ts := startServer(t, Config{}, BrowseDeck(seed(t)))
	terms := []*terminal{openTerminal(t, ts.session(t), 80, 24, nil), openTerminal(t, ts.session(t), 80, 24, nil)}
	for _, term := range terms {
		term.WaitText("1/")
	}
	ts.cancel()
	select {
	case err := <-ts.done:
		if err != nil {
			t.Fatalf("Serve returned %v after shutdown", err)
		}
		ts.done <- nil // for the cleanup
	case <-time.After(waitTimeout):
		t.Fatal("server did not shut down")
	}
	for _, term := range terms {
		_ = term.WaitExit()
		if !strings.Contains(term.Screen(), "brief serve: the server is shutting down. Goodbye.") {
			t.Errorf("screen after shutdown:\n%s", term.Screen())
		}
	}
	if _, err := net.DialTimeout("tcp", ts.addr, time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

func TestAddressInUse(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	dir := t.TempDir()
	srv, err := New(Config{Listen: busy.Addr().String(), HostKeyPath: filepath.Join(dir, "k"), Open: true}, BrowseDeck(seed(t)))
	if err != nil {
		t.Fatal(err)
	}
	err = srv.ListenAndServe(context.Background())
	if err == nil || err.Error() != busy.Addr().String()+" is already in use" {
		t.Fatalf("err = %v, want %q", err, busy.Addr().String()+" is already in use")
	}
}

func TestHostKeyCreatedPrivateAndReused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "ssh_host_ed25519")
	cfg := Config{HostKeyPath: path, Open: true}
	first, err := New(cfg, BrowseDeck(seed(t)))
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 || !first.HostKeyCreated() {
		t.Errorf("host key mode %v created=%v, want 0600 true", fi.Mode().Perm(), first.HostKeyCreated())
	}
	second, err := New(cfg, BrowseDeck(seed(t)))
	if err != nil {
		t.Fatal(err)
	}
	if second.HostKeyCreated() || second.HostKeyFingerprint() != first.HostKeyFingerprint() {
		t.Errorf("second start: created=%v fingerprint %s, want the first's %s", second.HostKeyCreated(), second.HostKeyFingerprint(), first.HostKeyFingerprint())
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(cfg, BrowseDeck(seed(t))); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a host key open to others: err = %v, want a chmod hint", err)
	}
}

func TestDefaultHostKeyInDataDir(t *testing.T) {
	p, err := DefaultHostKeyPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p, filepath.Join("brief", "ssh_host_ed25519")) {
		t.Errorf("default host key path %s", p)
	}
}

func TestAuthorizedKeysProblems(t *testing.T) {
	dir := t.TempDir()
	hk := filepath.Join(dir, "hk")
	_, err := New(Config{HostKeyPath: hk, AuthorizedKeys: filepath.Join(dir, "missing")}, BrowseDeck(seed(t)))
	if err == nil || !strings.Contains(err.Error(), "--open") {
		t.Errorf("missing authorized_keys: err = %v, want a hint at --open", err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("# nobody yet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{HostKeyPath: hk, AuthorizedKeys: empty}, BrowseDeck(seed(t))); err == nil || !strings.Contains(err.Error(), "lists no key") {
		t.Errorf("empty authorized_keys: err = %v", err)
	}
}

func TestAuthorizedKeysReloadedAndBadLinesSkipped(t *testing.T) {
	ts := startServer(t, Config{}, BrowseDeck(seed(t)))
	path, n := ts.AuthorizedKeys()
	if n != 1 {
		t.Fatalf("keys = %d, want 1", n)
	}
	late, line := newKey(t)
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	content := append(append(old, []byte("not a key at all\n")...), line...)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	// Make sure the change is seen even on a coarse file clock.
	future := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(path, future, future); err != nil {
		t.Fatal(err)
	}
	sess, err := testsession.NewClientSession(t, ts.addr, clientConfig(late))
	if err != nil {
		t.Fatalf("key added while serving: %v", err)
	}
	openTerminal(t, sess, 80, 24, nil).WaitText("1/")
	waitLog(t, ts, "line skipped")
}

func TestRateLimitPerAddress(t *testing.T) {
	now := time.Unix(1000, 0)
	r := newRateLimiter(3)
	r.now = func() time.Time { return now }
	a := &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 1}
	b := &net.TCPAddr{IP: net.IPv4(10, 0, 0, 2), Port: 1}
	for i := range 3 {
		a.Port = 1000 + i // another port of the same host is the same address
		if !r.allow(a) {
			t.Fatalf("connection %d refused", i+1)
		}
	}
	if r.allow(a) {
		t.Error("fourth connection in a minute allowed")
	}
	if !r.allow(b) {
		t.Error("another address was refused")
	}
	now = now.Add(20 * time.Second) // a third of a minute: one token back
	if !r.allow(a) || r.allow(a) {
		t.Error("refill after 20s should allow exactly one")
	}
	if !newRateLimiter(0).allow(a) {
		t.Error("no limit refused")
	}
}

func TestRateLimitOverSSH(t *testing.T) {
	ts := startServer(t, Config{RatePerMinute: 2}, BrowseDeck(seed(t)))
	for range 2 {
		if _, err := testsession.NewClientSession(t, ts.addr, clientConfig(ts.key)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := testsession.NewClientSession(t, ts.addr, clientConfig(ts.key)); err == nil {
		t.Fatal("third connection in a minute accepted")
	}
	waitLog(t, ts, "rate limit")
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Minute:              "30m",
		4 * time.Hour:                 "4h",
		90 * time.Minute:              "1h30m",
		45 * time.Second:              "45s",
		300 * time.Millisecond:        "0s",
		time.Hour + 30*time.Second:    "1h0m30s",
		2*time.Minute + 5*time.Second: "2m5s",
	} {
		if got := duration(d); got != want {
			t.Errorf("duration(%v) = %q, want %q", d, got, want)
		}
	}
}
