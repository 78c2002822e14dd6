package store

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/nobody"
)

// faultFS fails every write into a directory of fail with err, as a full
// disk would; other writes go to the disk.
type faultFS struct {
	mu   sync.Mutex
	fail map[string]error
}

func (f *faultFS) Replace(dir, path string, data []byte) error {
	f.mu.Lock()
	err := f.fail[dir]
	f.mu.Unlock()
	if err != nil {
		// The write fails on its temporary file, as the real one does.
		return &fs.PathError{Op: "open", Path: filepath.Join(dir, "."+filepath.Base(path)+"123"), Err: err}
	}
	return osFS{}.Replace(dir, path, data)
}

func (f *faultFS) set(dir string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail == nil {
		f.fail = map[string]error{}
	}
	f.fail[dir] = err
}

// fullDisk is a state directory on a disk that is full until free is
// called. Under root it is a real 64 KiB tmpfs filled to the last byte;
// otherwise writes into it fail with an injected ENOSPC.
func fullDisk(t *testing.T) (dir string, fsys FS, fill, free func()) {
	t.Helper()
	dir = t.TempDir()
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", dir).CombinedOutput(); err == nil {
			t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
			filler := filepath.Join(dir, "filler")
			fill = func() {
				f, err := os.Create(filler)
				if err != nil {
					t.Fatalf("filling the disk: %v", err)
				}
				defer f.Close()
				buf := make([]byte, 4096)
				for {
					if _, err := f.Write(buf); err != nil {
						if !errors.Is(err, syscall.ENOSPC) {
							t.Fatalf("filling the disk: %v", err)
						}
						return
					}
				}
			}
			return dir, nil, fill, func() { must(t, os.Remove(filler)) }
		} else {
			t.Logf("no tmpfs (%s): injecting ENOSPC instead", strings.TrimSpace(string(out)))
		}
	}
	ff := &faultFS{}
	return dir, ff, func() { ff.set(dir, syscall.ENOSPC) }, func() { ff.set(dir, nil) }
}

func TestFullDiskLosesNothing(t *testing.T) {
	dir, fsys, fill, free := fullDisk(t)
	rec := t.TempDir()
	b := parse(t, "/full.brief.md", "Full", []string{"a", "b"}, "")
	s := open(t, b, Options{Dir: dir, FS: fsys, RecoveryDir: rec})
	must(t, s.SetNote(pt("a"), "first"))
	fill()

	err := s.SetNote(pt("a"), "second thoughts")
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("SetNote on a full disk: %v, want a *WriteError of ENOSPC", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "note not saved: no space left on device") || !strings.HasSuffix(msg, "("+s.Path()+")") {
		t.Errorf("message %q: want what failed and why first, the state file last", msg)
	}
	wantNote(t, s, pt("a"), "first") // not pretended saved

	p, err := s.SaveRecovery(pt("a"), "second thoughts")
	must(t, err)
	if !strings.HasPrefix(p, rec) {
		t.Errorf("recovery file %s is not in %s", p, rec)
	}
	if text, _, ok := s.Recovered(pt("a")); !ok || text != "second thoughts" {
		t.Errorf("Recovered = %q %v", text, ok)
	}

	// A bookmark that cannot be written is kept in memory, not dropped.
	if _, err := s.ToggleBookmark(pt("b")); err == nil || !strings.HasPrefix(err.Error(), "bookmark not saved: no space left on device") {
		t.Errorf("ToggleBookmark on a full disk: %v", err)
	}
	if !s.Bookmarked(pt("b")) || !slices.Equal(s.Pending(), []string{"bookmark"}) {
		t.Errorf("bookmark in memory %v, pending %v", s.Bookmarked(pt("b")), s.Pending())
	}

	free()
	must(t, s.SetNote(pt("a"), "second thoughts"))
	s.DropRecovery(pt("a"))
	if _, _, ok := s.Recovered(pt("a")); ok {
		t.Error("the recovery file outlives the save")
	}
	if len(s.Pending()) != 0 {
		t.Errorf("still pending after a good write: %v", s.Pending())
	}
	// Both reached the disk: a new store reads them.
	s2 := open(t, b, Options{Dir: dir})
	wantNote(t, s2, pt("a"), "second thoughts")
	if !s2.Bookmarked(pt("b")) {
		t.Error("the bookmark kept in memory was not written by the next write")
	}
}

func TestFlushWritesPending(t *testing.T) {
	ff := &faultFS{}
	dir := t.TempDir()
	b := parse(t, "/flush.brief.md", "Flush", []string{"a"}, "")
	s := open(t, b, Options{Dir: dir, FS: ff})
	ff.set(dir, syscall.ENOSPC)
	if err := s.SetPosition(Position{Item: pt("a"), View: "outline"}); err == nil {
		t.Fatal("SetPosition on a full disk did not fail")
	}
	if err := s.Flush(); err == nil || !strings.HasPrefix(err.Error(), "reading position not saved: no space left") {
		t.Errorf("Flush on a full disk: %v", err)
	}
	ff.set(dir, nil)
	must(t, s.Flush())
	if p, ok := open(t, b, Options{Dir: dir}).Position(); !ok || p.Item != pt("a") {
		t.Errorf("position on disk: %v %v", p, ok)
	}
}

// TestReadOnlyStateDir runs as uid 65534 under root: root may write into
// a read-only directory.
func TestReadOnlyStateDir(t *testing.T) {
	dir, rec := nobody.TempDir(t), nobody.TempDir(t)
	nobody.Run(t, func(t *testing.T) {
		b := parse(t, "/ro.brief.md", "Read-only", []string{"a"}, "")
		s := open(t, b, Options{Dir: dir, RecoveryDir: filepath.Join(rec, "r")})
		must(t, s.SetNote(pt("a"), "first"))
		must(t, os.Chmod(dir, 0o500))
		err := s.SetNote(pt("a"), "kept")
		if err == nil || !strings.HasPrefix(err.Error(), "note not saved: permission denied (") {
			t.Fatalf("SetNote into a read-only directory: %v", err)
		}
		if _, err := s.SaveRecovery(pt("a"), "kept"); err != nil {
			t.Fatalf("SaveRecovery: %v", err)
		}
		must(t, os.Chmod(dir, 0o700))
		if text, _, ok := s.Recovered(pt("a")); !ok || text != "kept" {
			t.Fatalf("Recovered = %q %v", text, ok)
		}
		must(t, s.SetNote(pt("a"), "kept"))
		wantNote(t, open(t, b, Options{Dir: dir}), pt("a"), "kept")
	}, dir, rec)
}

func TestRecoveryOfferedToTheNextStore(t *testing.T) {
	dir, rec := t.TempDir(), t.TempDir()
	b := parse(t, "/rec.brief.md", "Recovery", []string{"a", "b"}, "")
	s := open(t, b, Options{Dir: dir, RecoveryDir: rec})
	if _, err := s.SaveRecovery(pt("a"), "lost \x1b[2J words"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, b, Options{Dir: dir, RecoveryDir: rec})
	text, path, ok := s.Recovered(pt("a"))
	if !ok || text != "lost ^[[2J words" || !strings.HasPrefix(path, rec) {
		t.Fatalf("Recovered = %q %q %v: want the cleaned text from %s", text, path, ok, rec)
	}
	if _, _, ok := s.Recovered(pt("b")); ok {
		t.Error("b has no recovery file")
	}
	s.DropRecovery(pt("a"))
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("DropRecovery left %s: %v", path, err)
	}
}

// TestRecoveryIsPerBriefing: a note kept for recovery in one briefing is
// not offered in another of the same article; one kept before recovery
// files were named per briefing (after the article's hash) is still offered.
func TestRecoveryIsPerBriefing(t *testing.T) {
	dir, rec := t.TempDir(), t.TempDir()
	_, one, two := weeks(t)
	s1 := open(t, one, Options{Dir: dir, RecoveryDir: rec})
	if _, err := s1.SaveRecovery(pt("alpha"), "week 1 words"); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, two, Options{Dir: dir, RecoveryDir: rec})
	if text, _, ok := s2.Recovered(pt("alpha")); ok {
		t.Errorf("week 2 offered week 1's text %q", text)
	}
	old := filepath.Join(rec, recoveryName(Hash(one), pt("beta")))
	must(t, os.WriteFile(old, []byte("brief: a note that could not be saved\nbriefing: Week 1\nitem: point:beta\nwritten: 2026-11-27T10:00:00Z\n---\nolder words"), 0o600))
	s1 = open(t, one, Options{Dir: dir, RecoveryDir: rec})
	if text, path, ok := s1.Recovered(pt("beta")); !ok || text != "older words" || path != old {
		t.Fatalf("old recovery file: %q %q %v", text, path, ok)
	}
	if text, _, ok := s1.Recovered(pt("alpha")); !ok || text != "week 1 words" {
		t.Errorf("own recovery file: %q %v", text, ok)
	}
	s1.DropRecovery(pt("beta"))
	if _, err := os.Stat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("DropRecovery left the old file: %v", err)
	}
}
