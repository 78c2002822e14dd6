package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/brief-cli/brief/model"
)

// timeout bounds every wait; it is a safety net, never a measured time.
const timeout = 10 * time.Second

func briefing(title string, points ...string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "---\nformat: brief/1\ntitle: %s\nsource: Test source\npublished: 2024-03-01\n---\n\n# Theme: Things {#things}\n\nAll the things.\n\n", title)
	for _, p := range points {
		id, text, _ := strings.Cut(p, "=")
		fmt.Fprintf(&sb, "## %s {#%s}\n\n> Item %s is here.\n\n", text, id, id)
	}
	sb.WriteString("# Source\n\n")
	for _, p := range points {
		id, _, _ := strings.Cut(p, "=")
		fmt.Fprintf(&sb, "Item %s is here. ", id)
	}
	return sb.String() + "\n"
}

// waitLoad waits for events until the file loads and passes ok (or, with
// ok nil, until it fails to load), and returns what Load gave.
func waitLoad(t *testing.T, ch <-chan Event, path string, ok func(*model.Briefing, error) bool) (*model.Briefing, error) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case ev, open := <-ch:
			if !open {
				t.Fatal("watch channel closed")
			}
			if ev.Err != nil {
				t.Logf("watch error: %v", ev.Err)
			}
			if ev.Err == nil && ev.Path != path {
				t.Fatalf("event for %q, want %q", ev.Path, path)
			}
			b, err := model.Load(path)
			if ok(b, err) {
				return b, err
			}
		case <-deadline:
			t.Fatalf("no event brought the expected content of %s within %v", path, timeout)
		}
	}
}

func titled(want string) func(*model.Briefing, error) bool {
	return func(b *model.Briefing, err error) bool { return err == nil && b.Title == want }
}

// atomicSave writes the way editors that save by rename do: a new file in
// the same directory, then a rename over the old one.
func atomicSave(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".save-"+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestFileSeesEverySave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.brief.md")
	if err := os.WriteFile(path, []byte(briefing("v1", "alpha=Alpha")), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := Files(ctx, path)
	if err != nil {
		t.Fatal(err)
	}

	// Written in place.
	if err := os.WriteFile(path, []byte(briefing("v2", "alpha=Alpha")), 0o644); err != nil {
		t.Fatal(err)
	}
	waitLoad(t, ch, path, titled("v2"))

	// Saved by rename.
	atomicSave(t, path, briefing("v3", "alpha=Alpha", "beta=Beta"))
	waitLoad(t, ch, path, titled("v3"))

	// A save that breaks the file: Load gives a positioned error.
	atomicSave(t, path, strings.Replace(briefing("v4", "alpha=Alpha"), "{#alpha}", "{#Bad Id}", 1))
	_, err = waitLoad(t, ch, path, func(_ *model.Briefing, err error) bool { return err != nil })
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(path) + `:\d+:\d+: `).MatchString(err.Error()) {
		t.Errorf("error %q is not positioned as %s:line:col", err, path)
	}

	// Fixing it.
	atomicSave(t, path, briefing("v5", "alpha=Alpha"))
	waitLoad(t, ch, path, titled("v5"))

	// Saved with a backup: the old file is renamed away, a new one written.
	if err := os.Rename(path, path+"~"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(briefing("v6", "alpha=Alpha")), 0o644); err != nil {
		t.Fatal(err)
	}
	waitLoad(t, ch, path, titled("v6"))

	// Removed, then back.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitLoad(t, ch, path, func(_ *model.Briefing, err error) bool { return err != nil })
	atomicSave(t, path, briefing("v7", "alpha=Alpha"))
	waitLoad(t, ch, path, titled("v7"))

	cancel()
	deadline := time.After(timeout)
	for {
		select {
		case _, open := <-ch:
			if !open {
				return
			}
		case <-deadline:
			t.Fatal("channel not closed after cancel")
		}
	}
}

func TestFileThatDoesNotExistYet(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "later.brief.md")
	ch, err := Files(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	atomicSave(t, path, briefing("born", "alpha=Alpha"))
	waitLoad(t, ch, path, titled("born"))
}

func TestFileInMissingDirectory(t *testing.T) {
	_, err := Files(t.Context(), filepath.Join(t.TempDir(), "no", "such", "b.md"))
	if err == nil {
		t.Fatal("watching a file in a missing directory did not fail")
	}
}

// fakeClock hands the loop timers that fire only when the test says so.
type fakeClock struct{ timers chan chan time.Time }

func (c fakeClock) after(time.Duration) <-chan time.Time {
	t := make(chan time.Time, 1)
	c.timers <- t
	return t
}

func (c fakeClock) next(t *testing.T) chan time.Time {
	t.Helper()
	select {
	case tm := <-c.timers:
		return tm
	case <-time.After(timeout):
		t.Fatal("the loop set no timer")
		return nil
	}
}

func recv(t *testing.T, out <-chan Event) Event {
	t.Helper()
	select {
	case ev := <-out:
		return ev
	case <-time.After(timeout):
		t.Fatal("no event")
		return Event{}
	}
}

func TestDebounce(t *testing.T) {
	target := filepath.Join(string(filepath.Separator), "d", "b.md")
	other := filepath.Join(string(filepath.Separator), "d", "other.md")
	events := make(chan fsnotify.Event)
	errs := make(chan error)
	out := make(chan Event, 1)
	clock := fakeClock{timers: make(chan chan time.Time, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		run(ctx, events, errs, map[string]string{target: "b.md"}, out, clock.after)
		close(done)
	}()

	// A burst: another file, three changes to the target, a chmod.
	events <- fsnotify.Event{Name: other, Op: fsnotify.Write}
	events <- fsnotify.Event{Name: target, Op: fsnotify.Create}
	events <- fsnotify.Event{Name: target, Op: fsnotify.Write}
	events <- fsnotify.Event{Name: target + "/../b.md", Op: fsnotify.Rename}
	events <- fsnotify.Event{Name: target, Op: fsnotify.Chmod}
	timers := []chan time.Time{clock.next(t), clock.next(t), clock.next(t)}
	timers[2] <- time.Time{} // only the last timer counts
	if ev := recv(t, out); ev.Path != "b.md" || ev.Err != nil {
		t.Errorf("event %+v, want b.md", ev)
	}
	if n := len(clock.timers); n != 0 {
		t.Errorf("%d more timers: the other file or the chmod counted", n)
	}
	if n := len(out); n != 0 {
		t.Errorf("%d more events for one burst", n)
	}

	// The next change is reported again.
	events <- fsnotify.Event{Name: target, Op: fsnotify.Remove}
	clock.next(t) <- time.Time{}
	if ev := recv(t, out); ev.Path != "b.md" {
		t.Errorf("event %+v after remove", ev)
	}

	// A reader that falls behind gets one event, not a queue.
	for range 3 {
		events <- fsnotify.Event{Name: target, Op: fsnotify.Write}
		clock.next(t) <- time.Time{}
	}
	errs <- errors.New("queue overflow") // an error still gets through
	ev := recv(t, out)
	if ev.Err == nil || ev.Err.Error() != "queue overflow" {
		t.Errorf("event %+v, want the error in place of the waiting change", ev)
	}
	if n := len(out); n != 0 {
		t.Errorf("%d events queued behind", n)
	}

	cancel()
	select {
	case <-done:
	case <-time.After(timeout):
		t.Fatal("loop did not stop on cancel")
	}
}

func TestNoTerminalImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "charm.land/") || strings.Contains(dep, "lipgloss") || strings.Contains(dep, "bubbletea") {
			t.Errorf("watch depends on %s", dep)
		}
	}
}
