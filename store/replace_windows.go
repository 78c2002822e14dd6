//go:build windows

package store

import (
	"os"
	"path/filepath"
)

// replaceFile writes data to a temporary file in dir, fsyncs it and renames
// it over path (renameio does not build on Windows; os.Rename replaces the
// file with MoveFileEx). The temporary name follows renameio's pattern so
// that cleanTemp finds leftovers.
func replaceFile(dir, path string, data []byte) error {
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// lockFlags open the lock file.
const lockFlags = os.O_CREATE | os.O_RDWR

// syncDir does nothing on Windows, where a directory cannot be fsynced;
// NTFS journals the rename.
func syncDir(string) error { return nil }
