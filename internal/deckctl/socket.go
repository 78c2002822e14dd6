package deckctl

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/brief-cli/brief/model/sanitize"
)

// maxLine bounds one message; a longer line closes the connection.
const maxLine = 1 << 20

// maxDirLen is the longest socket directory used: a socket's path must fit
// the 104 to 108 bytes of a Unix socket address, and socketPath keeps it
// within 100, which leaves a directory this long the pid (up to seven
// digits) and eight bytes of the title.
const maxDirLen = 100 - len("/brief-1234567-.sock") - 8

// Dir returns the directory presentations put their sockets in, creating it
// (mode 0700) if needed: $XDG_RUNTIME_DIR/brief, or brief-UID under the
// system temp dir. A directory too long for a socket's path gives way to
// the next (the temp dir, then /tmp), so that a long XDG_RUNTIME_DIR
// does not leave a presentation without its socket; every brief of the
// user makes the same choice, so presenter and console still meet. A
// directory that is not ours or is open to others is refused rather than
// used.
func Dir() (string, error) {
	var candidates []string
	if base := os.Getenv("XDG_RUNTIME_DIR"); base != "" {
		candidates = append(candidates, filepath.Join(base, "brief"))
	}
	name := "brief-" + strconv.Itoa(os.Getuid())
	candidates = append(candidates, filepath.Join(os.TempDir(), name))
	if runtime.GOOS != "windows" {
		candidates = append(candidates, filepath.Join("/tmp", name))
	}
	dir := ""
	for _, c := range candidates {
		if len(c) <= maxDirLen {
			dir = c
			break
		}
	}
	if dir == "" {
		return "", fmt.Errorf("%s is too long to hold a socket (at most %d bytes): set XDG_RUNTIME_DIR to a shorter folder", candidates[0], maxDirLen)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s is not a directory", dir)
	}
	if !ownedByMe(fi) {
		return "", fmt.Errorf("%s belongs to another user", dir)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// socketPath is where a presentation listens: the title is shortened to
// keep the path within what a Unix socket address holds (108 bytes).
func socketPath(dir string, pid int, title string) string {
	path := filepath.Join(dir, socketName(pid, title))
	if over := len(path) - 100; over > 0 {
		s := slug(title, 32)
		s = strings.TrimRight(s[:max(len(s)-over, 0)], "-")
		path = filepath.Join(dir, "brief-"+strconv.Itoa(pid)+"-"+s+".sock")
	}
	return path
}

// socketName names a presentation's socket: its pid and a slug of the
// briefing's title, so that two presentations at once are told apart.
func socketName(pid int, title string) string {
	return "brief-" + strconv.Itoa(pid) + "-" + slug(title, 32) + ".sock"
}

func slug(s string, n int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= n {
			break
		}
	}
	if b.Len() == 0 {
		return "briefing"
	}
	return strings.TrimRight(b.String(), "-")
}

// Server is a presentation's end of the socket: it sends the hub's state to
// every console and passes their commands on.
type Server struct {
	hub  *Hub
	ln   *net.UnixListener
	path string
	cmds chan Command

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	conns  map[net.Conn]bool
}

// Listen opens the socket of a presentation of the briefing titled title in
// dir, after removing the sockets of presentations that are gone. States
// published on hub reach every console that connects.
func Listen(dir, title string, hub *Hub) (*Server, error) {
	Cleanup(dir)
	path := socketPath(dir, os.Getpid(), title)
	_ = os.Remove(path) // a socket left by an earlier process with our pid
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	ln.SetUnlinkOnClose(true)
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{hub: hub, ln: ln, path: path, cmds: make(chan Command, 16), ctx: ctx, cancel: cancel, conns: map[net.Conn]bool{}}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Commands delivers the consoles' commands.
func (s *Server) Commands() <-chan Command { return s.cmds }

// Close stops listening, removes the socket and hangs up on every console.
func (s *Server) Close() error {
	s.cancel()
	err := s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		if s.ctx.Err() != nil {
			s.mu.Unlock()
			c.Close()
			return
		}
		s.conns[c] = true
		s.mu.Unlock()
		s.wg.Add(2)
		ctx, cancel := context.WithCancel(s.ctx)
		go s.send(ctx, cancel, c)
		go s.receive(ctx, cancel, c)
	}
}

func (s *Server) drop(c net.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	c.Close()
}

// send writes the latest state whenever it changes; a console that joins
// late gets the current state at once.
func (s *Server) send(ctx context.Context, cancel context.CancelFunc, c net.Conn) {
	defer s.wg.Done()
	defer cancel()
	defer s.drop(c)
	sub := s.hub.Subscribe()
	defer sub.Cancel()
	for {
		st, err := sub.Next(ctx)
		if err != nil {
			return
		}
		line, err := encode(Message{Type: TypeState, State: &st})
		if err != nil {
			continue
		}
		_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
		if _, err := c.Write(line); err != nil {
			return
		}
	}
}

// receive reads commands, ignoring lines that are not valid commands.
func (s *Server) receive(ctx context.Context, cancel context.CancelFunc, c net.Conn) {
	defer s.wg.Done()
	defer cancel()
	sc := bufio.NewScanner(c)
	sc.Buffer(make([]byte, 4096), maxLine)
	for sc.Scan() {
		m, err := decode(sc.Bytes())
		if err != nil || m.Type != TypeCommand {
			continue
		}
		select {
		case s.cmds <- *m.Command:
		case <-ctx.Done():
			return
		}
	}
}

// Presentation is a running presentation found in the socket directory.
type Presentation struct {
	Path    string
	PID     int
	Slug    string // from the briefing's title
	Started time.Time
	// State is what it showed when listed (zero if it said nothing in time).
	State State
}

// peek reads the state a presentation sends on connecting.
func peek(c net.Conn) State {
	_ = c.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	sc := bufio.NewScanner(c)
	sc.Buffer(make([]byte, 4096), maxLine)
	for sc.Scan() {
		if m, err := decode(sc.Bytes()); err == nil && m.Type == TypeState {
			return *m.State
		}
	}
	return State{}
}

// List returns the running presentations in dir, most recent first. A socket
// that nobody answers on any more is removed.
func List(dir string) ([]Presentation, error) {
	names, err := filepath.Glob(filepath.Join(dir, "brief-*.sock"))
	if err != nil {
		return nil, err
	}
	var out []Presentation
	for _, p := range names {
		pr, ok := parseName(p)
		if !ok {
			continue
		}
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSocket == 0 {
			continue
		}
		c, err := net.DialTimeout("unix", p, time.Second)
		if err != nil {
			if stale(err) {
				_ = os.Remove(p)
			}
			continue
		}
		pr.State = peek(c)
		c.Close()
		pr.Started = fi.ModTime()
		out = append(out, pr)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Started.After(out[j].Started) })
	return out, nil
}

// Cleanup removes the sockets in dir that nobody answers on.
func Cleanup(dir string) { _, _ = List(dir) }

func stale(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT)
}

func parseName(path string) (Presentation, bool) {
	name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "brief-"), ".sock")
	pid, rest, _ := strings.Cut(name, "-")
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return Presentation{}, false
	}
	// A file name is text from outside like any other.
	return Presentation{Path: path, PID: n, Slug: sanitize.Line(rest)}, true
}

// Conn is a console's connection to a presentation.
type Conn struct {
	c  net.Conn
	sc *bufio.Scanner
	mu sync.Mutex
}

// Dial connects to the presentation listening at path.
func Dial(path string) (*Conn, error) {
	c, err := net.DialTimeout("unix", path, 2*time.Second)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(c)
	sc.Buffer(make([]byte, 4096), maxLine)
	return &Conn{c: c, sc: sc}, nil
}

// Next waits for the presentation's next state. Lines that are not states
// are skipped. It returns io.EOF (or another error) when the presentation
// has gone.
func (c *Conn) Next() (State, error) {
	for c.sc.Scan() {
		m, err := decode(c.sc.Bytes())
		if err != nil || m.Type != TypeState {
			continue
		}
		return *m.State, nil
	}
	if err := c.sc.Err(); err != nil {
		return State{}, err
	}
	return State{}, errEOF
}

var errEOF = errors.New("presentation ended")

// Send sends a command to the presentation.
func (c *Conn) Send(cmd Command) error {
	line, err := encode(Message{Type: TypeCommand, Command: &cmd})
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_ = c.c.SetWriteDeadline(time.Now().Add(2 * time.Second))
	_, err = c.c.Write(line)
	return err
}

// Close hangs up.
func (c *Conn) Close() error { return c.c.Close() }

// ErrNone says no presentation is running.
var ErrNone = errors.New("no presentation is running: start one with brief present")

// Find returns the presentation to follow in dir: with pick empty, the most
// recent; else the one whose pid is pick or whose title contains it.
func Find(dir, pick string) (Presentation, error) {
	ps, err := List(dir)
	if err != nil {
		return Presentation{}, err
	}
	if len(ps) == 0 {
		return Presentation{}, ErrNone
	}
	if pick == "" {
		return ps[0], nil
	}
	want := slug(pick, 64)
	for _, p := range ps {
		if strconv.Itoa(p.PID) == pick || strings.Contains(p.Slug, want) || strings.Contains(slug(p.State.Briefing, 1<<10), want) {
			return p, nil
		}
	}
	return Presentation{}, fmt.Errorf("no running presentation matches %q", pick)
}
