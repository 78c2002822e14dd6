package serve

import (
	"fmt"
	"io"
	"io/fs"
)

// Largest key files read: a host key is a few hundred bytes, an
// authorized_keys file a line a key.
const (
	maxHostKeySize        = 64 << 10
	maxAuthorizedKeysSize = 4 << 20
)

// readRegular reads the regular file at path, of at most limit bytes, and
// returns its contents and what fstat said of it. Anything else is
// refused at once: a FIFO would block the open or the read until someone
// writes to it (openRegular does not wait for one), a device or a
// directory is not a key file.
func readRegular(path string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s is %s, not a file", path, fileKind(fi.Mode()))
	}
	if fi.Size() > limit {
		return nil, nil, fmt.Errorf("%s is %d bytes, over the %d KiB a key file may have", path, fi.Size(), limit>>10)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > limit {
		return nil, nil, fmt.Errorf("%s is over the %d KiB a key file may have", path, limit>>10)
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
