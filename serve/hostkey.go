package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	gossh "golang.org/x/crypto/ssh"
)

// DefaultHostKeyPath is where the host key lives unless told otherwise:
// brief/ssh_host_ed25519 in the user's data directory
// ($XDG_DATA_HOME, ~/.local/share by default). The directory is created.
func DefaultHostKeyPath() (string, error) {
	return xdg.DataFile(filepath.Join("brief", "ssh_host_ed25519"))
}

// loadHostKey reads the server's private host key at path, creating an
// ed25519 key there (mode 0600) the first time. Only a regular file is
// read (a FIFO is refused at once, not waited on); one that is not a
// private key says so; a key file that others can read is refused, as
// OpenSSH refuses one, with the chmod that fixes it when the file is the
// user's own.
func loadHostKey(path string) (gossh.Signer, bool, error) {
	created := false
	data, fi, err := readRegular(path, maxHostKeySize)
	if errors.Is(err, fs.ErrNotExist) {
		if data, err = createHostKey(path); err == nil {
			created = true
			fi, err = os.Stat(path)
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	var missing *gossh.PassphraseMissingError
	switch {
	case errors.As(err, &missing):
		return nil, false, fmt.Errorf("host key %s is protected by a passphrase: brief serve needs a key without one", path)
	case err != nil:
		return nil, false, fmt.Errorf("host key %s is not an SSH private key (%v)", path, err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		if !ownedByMe(fi) {
			return nil, false, fmt.Errorf("host key %s is open to others (mode %04o) and is not yours: name a key of your own with --host-key", path, perm)
		}
		return nil, false, fmt.Errorf("host key %s is open to others (mode %04o): run chmod 600 %s", path, perm, path)
	}
	return signer, created, nil
}

// createHostKey writes a new ed25519 key to path, readable by its owner
// only. The key is written to a temporary file and linked into place, so a
// second server starting at the same moment never reads half a key: it
// finds the file there and uses it.
func createHostKey(path string) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "brief serve host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ssh_host_key-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			data, _, err := readRegular(path, maxHostKeySize)
			return data, err
		}
		return nil, err
	}
	return data, nil
}
