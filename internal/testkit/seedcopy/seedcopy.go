// Package seedcopy puts the built-in briefing on disk for tests that need a
// file: live reload, the study state of a file, the command line.
package seedcopy

import (
	"os"
	"path/filepath"

	"github.com/brief-cli/brief/seeds"
)

// CopyTo writes the seed briefing and its article into dir, as a user's
// own briefing would lie on disk, and returns the briefing's path.
func CopyTo(dir string) (string, error) {
	for _, name := range []string{seeds.Name, seeds.Article} {
		data, err := seeds.FS.ReadFile(name)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, seeds.Name), nil
}
