//go:build unix

package serve

import (
	"io/fs"
	"os"
	"syscall"
)

// openRegular opens path for reading without waiting: O_NONBLOCK makes
// the open of a FIFO return at once (and means nothing to a regular
// file), so that readRegular can look at what it opened.
func openRegular(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// ownedByMe reports whether the current user owns a file.
func ownedByMe(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Getuid()
}
