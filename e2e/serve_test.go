package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// requireSSH skips the test when the OpenSSH client or ssh-keygen is
// missing, except in CI, where their absence is a failure.
func requireSSH(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is required in CI: %v", tool, err)
			}
			t.Skipf("%s not installed", tool)
		}
	}
}

// sshKey generates a client key pair in dir and returns the private key's
// path; the public key is path + ".pub".
func sshKey(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	return path
}

// authorizedKey makes a client key in dir and an authorized_keys file that
// lets it in; it returns both paths.
func authorizedKey(t *testing.T, dir string) (key, authorizedKeys string) {
	t.Helper()
	key = sshKey(t, dir, "student")
	pub, err := os.ReadFile(key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	authorizedKeys = filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(authorizedKeys, pub, 0o600); err != nil {
		t.Fatal(err)
	}
	return key, authorizedKeys
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// server is a running "brief serve".
type server struct {
	t       *testing.T
	cmd     *exec.Cmd
	port    string
	dataDir string
	out     *lockedBuffer
	exited  chan struct{}
	key     string // an authorized client key
}

var listeningRe = regexp.MustCompile(`serving .* on 127\.0\.0\.1:(\d+)`)

// startServe runs brief serve on a free loopback port with its own data
// directory and one authorized client key, and waits until it listens.
func startServe(t *testing.T, env []string, args ...string) *server {
	t.Helper()
	requireSSH(t)
	dir := t.TempDir()
	key, ak := authorizedKey(t, dir)
	s := &server{t: t, dataDir: filepath.Join(dir, "data"), out: &lockedBuffer{}, exited: make(chan struct{}), key: key}
	args = append([]string{"serve", "--listen", "127.0.0.1:0", "--authorized-keys", ak}, args...)
	s.cmd = exec.Command(tmuxtest.Binary(t), args...)
	s.cmd.Env = append(append(os.Environ(), "XDG_DATA_HOME="+s.dataDir), env...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.cmd.Wait(); close(s.exited) }()
	t.Cleanup(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(tmuxtest.Timeout):
			_ = s.cmd.Process.Kill()
			t.Errorf("brief serve did not stop on SIGTERM; output:\n%s", s.out.String())
		}
	})
	deadline := time.Now().Add(tmuxtest.Timeout)
	for {
		if m := listeningRe.FindStringSubmatch(s.out.String()); m != nil {
			s.port = m[1]
			return s
		}
		select {
		case <-s.exited:
			t.Fatalf("brief serve exited: %v\n%s", s.cmd.ProcessState, s.out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("brief serve did not start listening:\n%s", s.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// ssh is the OpenSSH command line that connects to the server with key,
// ignoring the user's own ssh configuration, agent and known hosts.
func (s *server) ssh(key string, extra ...string) []string {
	return append([]string{"ssh", "-F", "/dev/null",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "SendEnv=NO_COLOR",
		"-i", key, "-p", s.port}, append(extra, "127.0.0.1")...)
}

// sshInTmux opens an interactive ssh session in a w x h tmux window. When
// ssh ends, "[ssh exited N]" is shown and the window stays open, so that
// its last screen can be read however quickly ssh ended.
func (s *server) sshInTmux(w, h int, key string, env ...string) *tmuxtest.Session {
	s.t.Helper()
	command := strings.Join(s.ssh(key), " ") + `; echo "[ssh exited $?]"; exec cat`
	return tmuxtest.Start(s.t, w, h, append([]string{"TERM=xterm-256color"}, env...), "sh -c '"+command+"'")
}

// sshExited waits for ssh to end with code.
func sshExited(t *testing.T, c *tmuxtest.Session, code int) string {
	t.Helper()
	return c.WaitText(fmt.Sprintf("[ssh exited %d]", code))
}

func TestServeAuthorizedKeySeesTheBriefingAndQCloses(t *testing.T) {
	t.Parallel()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv := startServe(t, nil)
	// Explore mode, in the client's terminal and environment.
	c := srv.sshInTmux(100, 30, srv.key, "NO_COLOR=1")
	c.WaitText(b.Title)
	c.WaitText("Outline")
	c.Keys("q")
	sshExited(t, c, 0)

	// The host key was made in the data directory, private, and the
	// connection was logged with the client key's fingerprint.
	fi, err := os.Stat(filepath.Join(srv.dataDir, "brief", "ssh_host_ed25519"))
	if err != nil {
		t.Fatalf("host key: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}
	fp, err := exec.Command("ssh-keygen", "-l", "-E", "sha256", "-f", srv.key+".pub").Output()
	if err != nil {
		t.Fatal(err)
	}
	sha := strings.Fields(string(fp))[1]
	waitOutput(t, srv, "msg=disconnect")
	for _, want := range []string{"msg=connect", "key=" + sha, "addr=127.0.0.1:", "profile=Ascii"} {
		if !strings.Contains(srv.out.String(), want) {
			t.Errorf("server log lacks %q:\n%s", want, srv.out.String())
		}
	}
}

func waitOutput(t *testing.T, srv *server, want string) {
	t.Helper()
	deadline := time.Now().Add(tmuxtest.Timeout)
	for !strings.Contains(srv.out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("server output lacks %q:\n%s", want, srv.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeUnknownKeyGetsPermissionDenied(t *testing.T) {
	t.Parallel()
	srv := startServe(t, nil)
	stranger := sshKey(t, t.TempDir(), "stranger")
	c := srv.sshInTmux(100, 30, stranger)
	c.WaitText("Permission denied")
	sshExited(t, c, 255)
	waitOutput(t, srv, "key not authorized")
}

func TestServeCommandWithoutTerminalIsRefusedAndRunsNothing(t *testing.T) {
	t.Parallel()
	srv := startServe(t, nil)
	marker := filepath.Join(t.TempDir(), "ran")
	for _, remote := range []string{"ls", "touch " + marker} {
		args := srv.ssh(srv.key)
		cmd := exec.Command(args[0], append(args[1:], remote)...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("ssh HOST %s: %v, want exit 1", remote, err)
		}
		if out.Len() != 0 {
			t.Errorf("ssh HOST %s printed %q: something ran", remote, out.String())
		}
		if msg := strings.TrimSpace(errOut.String()); msg != "brief serve: commands are not run here; connect without one to open the briefing." {
			t.Errorf("ssh HOST %s: stderr %q", remote, msg)
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the remote command ran")
	}
	// No command, no terminal (ssh -T): refused too.
	args := srv.ssh(srv.key, "-T")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin = strings.NewReader("q")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "brief serve: a terminal is needed") {
		t.Errorf("ssh -T: %q", out)
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	t.Parallel()
	srv := startServe(t, nil)
	c := srv.sshInTmux(80, 24, srv.key)
	c.WaitText("1/")
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	c.WaitText("brief serve: the server is shutting down. Goodbye.")
	sshExited(t, c, 0)
	select {
	case <-srv.exited:
	case <-time.After(tmuxtest.Timeout):
		t.Fatal("brief serve did not exit")
	}
	if code := srv.cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("brief serve exited %d after SIGTERM, want 130", code)
	}
}

func TestServeAddressInUse(t *testing.T) {
	t.Parallel()
	requireSSH(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	ctx, cancel := context.WithTimeout(context.Background(), tmuxtest.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tmuxtest.Binary(t), "serve", "--open", "--listen", busy.Addr().String())
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want 1\n%s", err, out)
	}
	if want := busy.Addr().String() + " is already in use"; strings.TrimSpace(string(out)) != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// Follow mode: "brief present" on the projector, "brief serve --follow"
// beside it, and an audience over ssh.
func TestServeFollowsThePresenter(t *testing.T) {
	t.Parallel()
	requireSSH(t)
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := len(model.BuildDeck(b))
	env := presentEnv(t)
	p, screens := startPresent(t, env, 100, 30)
	srv := startServe(t, env, "--follow")
	a := srv.sshInTmux(90, 28, srv.key)
	a.WaitText("following the presenter")
	a.WaitText(at(1, n))

	// The presenter moves: the audience follows.
	p.Keys("Right")
	p.WaitText(at(2, screens))
	a.WaitText(at(2, n))

	// The audience steps away: a badge says where the presenter is.
	a.Keys("Right")
	a.WaitText(fmt.Sprintf("presenter on 2/%d — f to follow", n))
	a.WaitText(at(3, n))
	p.Keys("Right")
	p.WaitText(at(3, screens))
	a.WaitText(fmt.Sprintf("presenter on 3/%d — f to follow", n))
	p.Keys("Right")
	p.WaitText(at(4, screens))
	a.WaitText(fmt.Sprintf("presenter on 4/%d — f to follow", n))

	// f: back to the presenter's slide.
	a.Keys("f")
	a.WaitGone("f to follow")
	a.WaitText(at(4, n))

	// The presenter blanks the screen; so does the audience.
	p.Keys("b")
	a.WaitGone(at(4, n))
	p.Keys("b")
	a.WaitText(at(4, n))

	// The audience cannot drive the presenter: it is still on the slide
	// it was on once it has drawn the screen again after the blank.
	p.WaitText(at(4, screens))
	a.Keys("q")
	sshExited(t, a, 0)
	p.Keys("q")
	p.WaitExit()
}

func TestServeFollowWithoutPresentation(t *testing.T) {
	t.Parallel()
	requireSSH(t)
	ctx, cancel := context.WithTimeout(context.Background(), tmuxtest.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, tmuxtest.Binary(t), "serve", "--open", "--follow", "--listen", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+t.TempDir(), "XDG_RUNTIME_DIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want 1\n%s", err, out)
	}
	if !strings.Contains(string(out), "no presentation is running") {
		t.Errorf("output: %s", out)
	}
}
