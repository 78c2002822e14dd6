// Package fulldisk gives a test a directory on a disk that fills up and
// empties on demand.
//
// Under root it is a real 64 KiB tmpfs mounted on a temporary directory and
// filled to the last byte, so the kernel itself says "no space left on
// device". Without root (or where mounting is not allowed) it is an
// ordinary directory, and writes made through [Disk.Replace] fail with an
// injected ENOSPC while the disk is "full". Code under test takes the
// second route through a file system hook such as store.Options.FS, which
// Disk.FS returns (nil when the disk is real). BRIEF_TEST_NO_TMPFS=1 forces
// the second route.
package fulldisk

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
)

// Disk is a directory whose disk can be filled.
type Disk struct {
	Dir    string
	real   bool
	full   atomic.Bool
	filler string
	t      testing.TB
}

// New makes the disk: a tmpfs under root, else an injected one.
func New(t testing.TB) *Disk {
	t.Helper()
	d := &Disk{Dir: t.TempDir(), t: t}
	// BRIEF_TEST_NO_TMPFS=1 takes the injecting route even under root, to
	// test that route too.
	if os.Geteuid() == 0 && os.Getenv("BRIEF_TEST_NO_TMPFS") == "" {
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", d.Dir).CombinedOutput(); err == nil {
			d.real = true
			d.filler = filepath.Join(d.Dir, ".filler")
			t.Cleanup(func() { _ = exec.Command("umount", "-l", d.Dir).Run() })
		} else {
			t.Logf("no tmpfs (%s): injecting ENOSPC instead", out)
		}
	}
	return d
}

// Real reports whether the disk is a real tmpfs.
func (d *Disk) Real() bool { return d.real }

// Fill fills the disk: every later write to it fails with ENOSPC.
func (d *Disk) Fill() {
	d.t.Helper()
	d.full.Store(true)
	if !d.real {
		return
	}
	f, err := os.Create(d.filler)
	if err != nil {
		d.t.Fatalf("filling the disk: %v", err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				d.t.Fatalf("filling the disk: %v", err)
			}
			return
		}
	}
}

// Free empties the disk again.
func (d *Disk) Free() {
	d.t.Helper()
	d.full.Store(false)
	if d.real {
		if err := os.Remove(d.filler); err != nil {
			d.t.Fatalf("freeing the disk: %v", err)
		}
	}
}

// Replacer is the file system hook Disk.FS returns.
type Replacer interface {
	Replace(dir, path string, data []byte) error
}

// FS is the hook to write through: nil for a real disk (the real file
// system fails by itself), else the disk's injecting one.
func (d *Disk) FS() Replacer {
	if d.real {
		return nil
	}
	return injector{d}
}

type injector struct{ d *Disk }

// Replace writes data to path atomically, failing as a full disk would
// for a path on this disk while it is full.
func (i injector) Replace(dir, path string, data []byte) error {
	if i.d.full.Load() && isUnder(path, i.d.Dir) {
		return &fs.PathError{Op: "write", Path: filepath.Join(dir, "."+filepath.Base(path)+".tmp"), Err: syscall.ENOSPC}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o600); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func isUnder(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && (len(rel) < 3 || rel[:3] != "../")
}
