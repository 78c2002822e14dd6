//go:build windows

package store

import "os"

// lockFlags open the lock file.
const lockFlags = os.O_CREATE | os.O_RDWR

// syncDir does nothing on Windows, where a directory cannot be fsynced;
// NTFS journals the rename.
func syncDir(string) error { return nil }
