package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/brief-cli/brief/internal/safefile"
)

// Largest key files read: a host key is a few hundred bytes, an
// authorized_keys file a line a key.
const (
	maxHostKeySize        = 64 << 10
	maxAuthorizedKeysSize = 4 << 20
)

// readRegular reads the regular file at path, of at most limit bytes, and
// returns its contents and what fstat said of it. Anything else is
// refused at once, saying what it is: a FIFO would block the open or the
// read until someone writes to it (safefile.Open does not wait for one),
// a device or a directory is not a key file.
func readRegular(path string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := safefile.Open(path)
	if errors.Is(err, safefile.ErrNotRegular) || errors.Is(err, syscall.EISDIR) {
		if fi, serr := os.Stat(path); serr == nil {
			return nil, nil, fmt.Errorf("%s is %s, not a file", path, fileKind(fi.Mode()))
		}
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	data, err := safefile.ReadAll(f, path, limit)
	if err != nil {
		return nil, nil, err
	}
	return data, fi, nil
}

// fileKind names what a file is, for an error.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "not a regular file"
}
