//go:build !unix

package serve

import (
	"io/fs"
	"os"
)

// openRegular opens path for reading; systems without Unix FIFOs have no
// open that waits for a writer.
func openRegular(path string) (*os.File, error) { return os.Open(path) }

// ownedByMe has no owner to compare on systems without Unix ownership.
func ownedByMe(fs.FileInfo) bool { return true }
