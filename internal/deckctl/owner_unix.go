//go:build unix

package deckctl

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByMe reports whether the current user owns a file, so a socket
// folder planted by someone else is never used.
func ownedByMe(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || int(st.Uid) == os.Getuid()
}
