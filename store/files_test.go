//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/brief-cli/brief/internal/safefile"
)

// openWithin opens the store, failing the test if Open does not return:
// a FIFO in the state directory must be refused, never waited on.
func openWithin(t *testing.T, dir string) error {
	t.Helper()
	b := parse(t, "", "Files", []string{"alpha"}, "")
	done := make(chan error, 1)
	go func() {
		s, _, err := Open(b, Options{Dir: dir})
		if s != nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("Open blocked")
		return nil
	}
}

func TestFIFOStateFileRefused(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Files", []string{"alpha"}, "")
	must(t, syscall.Mkfifo(filepath.Join(dir, Key(b)+ext), 0o600))
	if err := openWithin(t, dir); !errors.Is(err, safefile.ErrNotRegular) {
		t.Errorf("Open = %v, want the FIFO refused", err)
	}
}

func TestFIFOLockRefused(t *testing.T) {
	dir := t.TempDir()
	must(t, syscall.Mkfifo(filepath.Join(dir, lockName), 0o600))
	if err := openWithin(t, dir); !errors.Is(err, safefile.ErrNotRegular) {
		t.Errorf("Open = %v, want the FIFO refused", err)
	}
}

func TestLockNotCreatedThroughSymlink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	outside := filepath.Join(elsewhere, "created")
	must(t, os.Symlink(outside, filepath.Join(dir, lockName)))
	if err := openWithin(t, dir); err == nil {
		t.Error("Open used a lock file that is a symbolic link")
	}
	if _, err := os.Lstat(outside); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file was created through the link: %v", err)
	}
}

// A state file that is a symbolic link (state kept on another disk, say)
// stays one: the write replaces its target.
func TestStateFileSymlinkFollowed(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	b := parse(t, "", "Files", []string{"alpha"}, "")
	real := filepath.Join(elsewhere, "state.json")
	s := open(t, b, Options{Dir: dir})
	must(t, s.SetNote(pt("alpha"), "first"))
	must(t, os.Rename(s.Path(), real))
	must(t, os.Symlink(real, s.Path()))
	must(t, s.SetNote(pt("alpha"), "second"))
	if fi, err := os.Lstat(s.Path()); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced (%v)", err)
	}
	s2 := open(t, b, Options{Dir: dir})
	wantNote(t, s2, pt("alpha"), "second")
}
