package store

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// FS is how the store writes files. The zero Options use the real file
// system; tests put a faulty one in its place to see that a failed write
// (a full disk, a read-only directory) loses nothing.
type FS interface {
	// Replace writes data to path (a file in dir) atomically and durably,
	// or changes nothing.
	Replace(dir, path string, data []byte) error
}

// osFS is the real file system.
type osFS struct{}

func (osFS) Replace(dir, path string, data []byte) error {
	if err := replaceFile(dir, path, data); err != nil {
		return err
	}
	return syncDir(dir)
}

// WriteError reports a change that did not reach the disk. Its message
// says what was not saved and why first, the file last, so that a message
// cut to fit a status line keeps the part that matters:
//
//	note not saved: no space left on device (/home/a/.local/state/brief/3f….json)
type WriteError struct {
	What string // "note not saved", "bookmark not saved", ...
	Path string // the file that could not be written
	Err  error
}

func (e *WriteError) Error() string {
	msg := e.What + ": " + Cause(e.Err)
	if e.Path != "" {
		msg += " (" + e.Path + ")"
	}
	return msg
}

func (e *WriteError) Unwrap() error { return e.Err }

// Cause is the reason an I/O error happened, in words and without the
// file name the error carries: "permission denied", "no space left on
// device". Other errors are returned whole.
func Cause(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	for _, target := range []error{fs.ErrPermission, fs.ErrNotExist, fs.ErrExist} {
		if errors.Is(err, target) {
			return target.Error()
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
