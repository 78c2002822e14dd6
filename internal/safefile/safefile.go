// Package safefile reads and writes the user's files without surprises.
//
// Reading opens regular files only, and never blocks on a FIFO or a
// terminal: the file is opened non-blocking, checked with fstat, then read.
// A file larger than the caller's limit is refused from its size, before it
// is read.
//
// Writing replaces a file atomically (a temporary file in the same folder,
// synced, then renamed over it), and with these rules:
//
//   - a symbolic link is followed to its target, which is replaced (a
//     dangling link is refused);
//   - a target that is not a regular file (a FIFO, a device, a folder) is
//     refused;
//   - the file keeps its mode and owner; a file nobody may write (0444)
//     or this user may not write is refused;
//   - a file with more than one hard link is refused, since replacing it
//     would split the links.
//
// Standard output is the caller's business: see IsStdout.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

var (
	// ErrNotRegular is a path that names a FIFO, a device, a socket or a
	// folder where a regular file was expected.
	ErrNotRegular = errors.New("not a regular file")
	// ErrReadOnly is a file the user may not write.
	ErrReadOnly = errors.New("read-only file")
	// ErrHardLinked is a file with other hard links, which an atomic
	// replace would split.
	ErrHardLinked = errors.New("file has other hard links; replacing it would split them")
	// ErrDangling is a symbolic link to nothing.
	ErrDangling = errors.New("symbolic link to a missing file")
	// ErrOwner is a file owned by someone else, whose owner a replace
	// could not keep.
	ErrOwner = errors.New("file belongs to another user; replacing it would change its owner")
)

// TooLargeError is a file refused from its size.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is larger than the %s limit", HumanSize(e.Limit))
}

// HumanSize writes a byte count as people read it: "16 MiB", "512 KiB".
func HumanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// IsStdout reports whether an output name means standard output: "-" or
// /dev/stdout. Writers send those to os.Stdout rather than replacing a
// file.
func IsStdout(name string) bool {
	return name == "-" || filepath.Clean(name) == "/dev/stdout"
}

// Open opens name for reading. It refuses anything but a regular file
// (following symbolic links) and never blocks doing so: a FIFO, /dev/tty
// or /dev/stdin is an error at once.
func Open(name string) (*os.File, error) {
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// ReadFile reads a regular file whole. A file larger than limit bytes is
// refused (a *TooLargeError inside a *fs.PathError) from its size, before
// it is read; limit <= 0 means no limit. A file that reports no size (those
// of /proc) is read up to the limit.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, name, limit)
}

// ReadAll reads an open regular file as ReadFile does.
func ReadAll(f *os.File, name string, limit int64) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if limit > 0 && size > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: size, Limit: limit}}
	}
	if size > 0 {
		// Read a file of known size in one go, into one buffer: what it
		// held when it was opened.
		data := make([]byte, size)
		n, err := io.ReadFull(f, data)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		return data[:n], nil
	}
	var r io.Reader = f
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: int64(len(data)), Limit: limit}}
	}
	return data, nil
}

// WriteFile replaces path with data, atomically and by the package's rules.
// A new file is created 0644.
func WriteFile(path string, data []byte) error {
	return WriteFileMode(path, data, 0o644)
}

// WriteFileMode is WriteFile creating a new file with mode perm. An
// existing file keeps its own mode.
func WriteFileMode(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write replaces path with what fill writes, atomically and by the
// package's rules; if fill fails, nothing changes. A new file is created
// with mode perm. Errors are *fs.PathError naming path.
func Write(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	target, st, err := Target(path)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+"*")
	if err != nil {
		return fail(err)
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := fill(f); err != nil {
		return fail(err)
	}
	mode := perm
	if st != nil {
		if err := keepOwner(f, st); err != nil {
			return fail(err)
		}
		mode = st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	}
	if err := f.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(f.Name(), target); err != nil {
		return fail(err)
	}
	done = true
	if err := syncDir(dir); err != nil {
		return fail(err)
	}
	return nil
}

// Target says which file a write to path would replace, and checks it
// against the package's rules: the path with symbolic links followed, and
// its current state (nil for a file that does not exist yet). Callers that
// write by other means (a lock file, say) use it to refuse what Write
// would refuse.
func Target(path string) (string, fs.FileInfo, error) {
	refuse := func(err error) (string, fs.FileInfo, error) {
		return "", nil, &fs.PathError{Op: "write", Path: path, Err: err}
	}
	target := path
	lst, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return path, nil, nil
	case err != nil:
		return refuse(unwrap(err))
	case lst.Mode()&fs.ModeSymlink != 0:
		target, err = filepath.EvalSymlinks(path)
		if errors.Is(err, fs.ErrNotExist) {
			return refuse(ErrDangling)
		}
		if err != nil {
			return refuse(unwrap(err))
		}
		if lst, err = os.Lstat(target); err != nil {
			return refuse(unwrap(err))
		}
	}
	if !lst.Mode().IsRegular() {
		return refuse(ErrNotRegular)
	}
	if lst.Mode().Perm()&0o222 == 0 || !writable(target) {
		return refuse(fmt.Errorf("%w (mode %04o)", ErrReadOnly, lst.Mode().Perm()))
	}
	if links(lst) > 1 {
		return refuse(ErrHardLinked)
	}
	return target, lst, nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
