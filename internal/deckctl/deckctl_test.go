package deckctl

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Path is the socket's path.
func (s *Server) Path() string { return s.path }

func testDir(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func listen(t *testing.T, dir, title string) (*Server, *Hub) {
	t.Helper()
	hub := NewHub()
	s, err := Listen(dir, title, hub)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, hub
}

func dial(t *testing.T, path string) *Conn {
	t.Helper()
	c, err := Dial(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func command(t *testing.T, s *Server) Command {
	t.Helper()
	select {
	case c := <-s.Commands():
		return c
	case <-time.After(10 * time.Second):
		t.Fatal("no command arrived")
	}
	return Command{}
}

func TestSocketModes(t *testing.T) {
	dir := testDir(t)
	s, _ := listen(t, dir, "Modes")
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s mode %o, want %o", path, got, want)
		}
	}
	if !strings.Contains(filepath.Base(s.Path()), "-modes.sock") {
		t.Errorf("socket name %q lacks the title", s.Path())
	}
}

func TestConsoleJoiningLateGetsStateAtOnce(t *testing.T) {
	dir := testDir(t)
	s, hub := listen(t, dir, "Late")
	hub.Publish(State{Slide: 1, Total: 9, Title: "Title"})
	hub.Publish(State{Slide: 4, Total: 9, Title: "Security", Notes: []string{"Start here."}})
	c := dial(t, s.Path())
	st, err := c.Next()
	if err != nil {
		t.Fatal(err)
	}
	if st.Slide != 4 || st.Title != "Security" || len(st.Notes) != 1 {
		t.Fatalf("first state = %+v, want slide 4", st)
	}
	hub.Publish(State{Slide: 5, Total: 9})
	if st, err := c.Next(); err != nil || st.Slide != 5 {
		t.Fatalf("followed to %+v, %v; want slide 5", st, err)
	}
	if err := c.Send(Command{Op: OpNext}); err != nil {
		t.Fatal(err)
	}
	if got := command(t, s); got.Op != OpNext {
		t.Fatalf("command = %+v", got)
	}
}

func TestGarbageIsIgnored(t *testing.T) {
	dir := testDir(t)
	s, hub := listen(t, dir, "Garbage")
	hub.Publish(State{Slide: 2, Total: 3})
	raw, err := net.Dial("unix", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	garbage := []string{
		"not json at all",
		`{"v":1,"type":"command"}`,
		`{"v":1,"type":"command","command":{"op":"explode"}}`,
		`{"v":1,"type":"command","command":{"op":"goto","slide":-3}}`,
		`{"v":1,"type":"state","state":{"slide":99}}`,
		"\x1b[2J\x00\x01",
		`{"v":1,"type":"command","command":{"op":"goto","slide":3}}`,
	}
	if _, err := raw.Write([]byte(strings.Join(garbage, "\n") + "\n")); err != nil {
		t.Fatal(err)
	}
	// Only the last line is a command; the connection survives the rest.
	if got := command(t, s); got.Op != OpGoto || got.Slide != 3 {
		t.Fatalf("command = %+v, want goto 3", got)
	}
	select {
	case c := <-s.Commands():
		t.Fatalf("unexpected command %+v", c)
	default:
	}
	// A console ignores garbage from the other side too.
	ln, err := net.Listen("unix", filepath.Join(dir, "fake.sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.Write([]byte("garbage\n{\"type\":\"command\",\"command\":{\"op\":\"next\"}}\n{\"v\":1,\"type\":\"state\",\"state\":{\"slide\":7,\"total\":8}}\n"))
		c.Close()
	}()
	c := dial(t, filepath.Join(dir, "fake.sock"))
	if st, err := c.Next(); err != nil || st.Slide != 7 {
		t.Fatalf("Next = %+v, %v; want slide 7", st, err)
	}
	if _, err := c.Next(); err == nil {
		t.Fatal("Next after the presenter hung up should fail")
	}
}

func TestPresenterRestartIsFoundAgain(t *testing.T) {
	dir := testDir(t)
	s1, hub1 := listen(t, dir, "Restart")
	hub1.Publish(State{Slide: 3, Total: 5})
	p, err := Find(dir, "")
	if err != nil || p.Path != s1.Path() {
		t.Fatalf("Find = %+v, %v", p, err)
	}
	c := dial(t, p.Path)
	if _, err := c.Next(); err != nil {
		t.Fatal(err)
	}
	s1.Close()
	if _, err := c.Next(); err == nil {
		t.Fatal("the console should see the presenter go")
	}
	if _, err := Find(dir, ""); !errors.Is(err, ErrNone) {
		t.Fatalf("Find with nothing running = %v, want ErrNone", err)
	}
	// The presenter comes back (same pid in this test; a new process has a
	// new one): the console finds it again and gets its state at once.
	s2, hub2 := listen(t, dir, "Restart")
	hub2.Publish(State{Slide: 3, Total: 5, Title: "Back"})
	p, err = Find(dir, "")
	if err != nil || p.Path != s2.Path() {
		t.Fatalf("Find after restart = %+v, %v", p, err)
	}
	c2 := dial(t, p.Path)
	if st, err := c2.Next(); err != nil || st.Title != "Back" {
		t.Fatalf("state after restart = %+v, %v", st, err)
	}
}

func TestTwoPresentationsAndStaleSockets(t *testing.T) {
	dir := testDir(t)
	a, hubA := listen(t, dir, "Russia recognises the Taliban government")
	hubA.Publish(State{Briefing: "Russia recognises the Taliban government", Slide: 1, Total: 2})
	// A second presentation, as another process would name it.
	lnB, err := net.Listen("unix", filepath.Join(dir, socketName(999999, "Rivers and towns")))
	if err != nil {
		t.Fatal(err)
	}
	defer lnB.Close()
	go func() {
		for {
			c, err := lnB.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	// A socket whose presentation died without cleaning up.
	deadPath := filepath.Join(dir, socketName(999998, "Dead"))
	dead, err := net.Listen("unix", deadPath)
	if err != nil {
		t.Fatal(err)
	}
	dead.(*net.UnixListener).SetUnlinkOnClose(false)
	dead.Close()
	future := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, socketName(999999, "Rivers and towns")), future, future)

	ps, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("List = %+v, want two presentations", ps)
	}
	if ps[0].PID != 999999 || ps[0].Slug != "rivers-and-towns" || ps[1].Path != a.Path() {
		t.Errorf("List order/names = %+v", ps)
	}
	if _, err := os.Lstat(deadPath); !os.IsNotExist(err) {
		t.Errorf("stale socket not removed: %v", err)
	}
	if p, err := Find(dir, "taliban"); err != nil || p.Path != a.Path() {
		t.Errorf("Find(taliban) = %+v, %v", p, err)
	}
	if p, err := Find(dir, "999999"); err != nil || p.PID != 999999 {
		t.Errorf("Find(pid) = %+v, %v", p, err)
	}
	if _, err := Find(dir, "nothing like it"); err == nil {
		t.Error("Find of an unknown presentation should fail")
	}
}

func TestDirRefusesOpenDirectory(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", base)
	if err := os.Mkdir(filepath.Join(base, "brief"), 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(base, "brief"), 0o777)
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %o, want it tightened to 700", fi.Mode().Perm())
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	if d, err := Dir(); err != nil || !strings.HasPrefix(d, os.TempDir()) {
		t.Errorf("Dir without XDG_RUNTIME_DIR = %q, %v", d, err)
	}
}

// The state carries the slide of the deck and the screen within it, and a
// preview of what comes next, across the socket.
func TestStateCarriesScreenAndPreview(t *testing.T) {
	dir := testDir(t)
	s, hub := listen(t, dir, "Preview")
	want := State{Slide: 7, Total: 14, Screen: 2, Screens: 2, Title: "Glossary", Digits: "1",
		Next: &Preview{Slide: 8, Title: "Questions", Lines: []string{"1. What next?", "2. Who gains?"}}}
	hub.Publish(want)
	st, err := dial(t, s.Path()).Next()
	if err != nil {
		t.Fatal(err)
	}
	if st.Slide != 7 || st.Screen != 2 || st.Screens != 2 || st.Digits != "1" || st.Next == nil ||
		st.Next.Slide != 8 || st.Next.Title != "Questions" || len(st.Next.Lines) != 2 || st.Next.Lines[1] != "2. Who gains?" {
		t.Fatalf("state = %+v (next %+v), want %+v", st, st.Next, want)
	}
}

// TestLongRuntimeDirStillHasASocket is finding F15 of issue 27: with a long
// XDG_RUNTIME_DIR the socket's path did not fit a socket address, Listen
// failed and the presentation ran without its socket, silently. Dir now
// gives way to the temp dir, and presenter and console meet there.
func TestLongRuntimeDirStillHasASocket(t *testing.T) {
	long := filepath.Join(t.TempDir(), strings.Repeat("r", 80))
	if err := os.Mkdir(long, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", long)
	t.Setenv("TMPDIR", t.TempDir())
	dir, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	if len(dir) > maxDirLen {
		t.Errorf("socket directory %s is %d bytes, want at most %d", dir, len(dir), maxDirLen)
	}
	s, _ := listen(t, dir, "A presentation with a rather long title for its socket name")
	if len(s.Path()) > 100 {
		t.Errorf("socket path %s is %d bytes", s.Path(), len(s.Path()))
	}
	again, err := Dir()
	if err != nil || again != dir {
		t.Fatalf("a second Dir = %q, %v; want %q", again, err, dir)
	}
	if p, err := Find(again, ""); err != nil || p.Path != s.Path() {
		t.Errorf("Find = %+v, %v; want the presentation at %s", p, err, s.Path())
	}
}
