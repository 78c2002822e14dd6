//go:build !windows

package store

import (
	"errors"
	"os"
	"syscall"

	"github.com/brief-cli/brief/internal/safefile"
)

// replaceFile writes data to a temporary file beside path, fsyncs it and
// renames it over path, by safefile's rules: a symbolic link is followed
// to its target, and a FIFO, a device or a read-only file is refused.
func replaceFile(_, path string, data []byte) error {
	return safefile.WriteFileMode(path, data, 0o600)
}

// lockFlags open the lock file: never through a symbolic link, and never
// blocking (on a FIFO put in its place).
const lockFlags = os.O_CREATE | os.O_RDWR | syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}
