//go:build !windows

package store

import (
	"errors"
	"os"

	"github.com/google/renameio/v2"
)

// replaceFile writes data to a temporary file in dir, fsyncs it and renames
// it over path.
func replaceFile(dir, path string, data []byte) error {
	return renameio.WriteFile(path, data, 0o600, renameio.WithTempDir(dir))
}

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
