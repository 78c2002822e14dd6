package store

import "github.com/brief-cli/brief/internal/safefile"

// replaceFile writes data to a temporary file beside path, fsyncs it and
// renames it over path, by safefile's rules: a symbolic link is followed
// to its target, and a FIFO, a device or a read-only file is refused. The
// temporary file is named "." + the file's name + digits (see isTemp).
func replaceFile(_, path string, data []byte) error {
	return safefile.WriteFileMode(path, data, 0o600)
}
