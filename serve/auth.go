package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// DefaultAuthorizedKeysPath is the user's ~/.ssh/authorized_keys.
func DefaultAuthorizedKeysPath() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(".ssh", "authorized_keys")
	}
	return filepath.Join(home, ".ssh", "authorized_keys")
}

// keyring is the set of public keys allowed in, read from an
// authorized_keys file. The file is read again when it changes, so a key
// added during a class works without a restart. Key options (from=,
// command=, ...) are not honoured: a listed key is simply allowed.
type keyring struct {
	path string
	log  *slog.Logger

	mu      sync.Mutex
	keys    map[string]bool // by the key's wire form
	modTime time.Time
	size    int64
}

// newKeyring reads path; it fails when the file cannot be read or lists no
// key at all, since then nobody could connect.
func newKeyring(path string, log *slog.Logger) (*keyring, error) {
	k := &keyring{path: path, log: log}
	keys, fi, err := readAuthorizedKeys(path, log)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("authorized keys: %w (name a file with --authorized-keys, or allow anyone with --open)", err)
	}
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("authorized keys: %s lists no key", path)
	}
	k.keys, k.modTime, k.size = keys, fi.ModTime(), fi.Size()
	return k, nil
}

// Len is the number of keys allowed.
func (k *keyring) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.keys)
}

// allowed reports whether key is in the file, reading it again first if it
// has changed. When the file has become unreadable, the keys read last
// stay in force.
func (k *keyring) allowed(key gossh.PublicKey) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	if fi, err := os.Stat(k.path); err == nil && (!fi.ModTime().Equal(k.modTime) || fi.Size() != k.size) {
		if keys, fi, err := readAuthorizedKeys(k.path, k.log); err == nil {
			k.keys, k.modTime, k.size = keys, fi.ModTime(), fi.Size()
			k.log.Info("authorized keys reloaded", "path", k.path, "keys", len(keys))
		} else {
			k.log.Warn("authorized keys unreadable; keeping the keys read before", "path", k.path, "err", err)
		}
	}
	return k.keys[string(key.Marshal())]
}

// readAuthorizedKeys parses an authorized_keys file (a regular file only:
// see readRegular). A line that is not a key is skipped with a warning
// naming its line, as sshd does.
func readAuthorizedKeys(path string, log *slog.Logger) (map[string]bool, fs.FileInfo, error) {
	data, fi, err := readRegular(path, maxAuthorizedKeysSize)
	if err != nil {
		return nil, nil, err
	}
	keys := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			log.Warn("authorized keys: line skipped", "at", fmt.Sprintf("%s:%d", path, n), "err", err)
			continue
		}
		keys[string(key.Marshal())] = true
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return keys, fi, nil
}

// Fingerprint is a key's SHA256 fingerprint as ssh-keygen -l shows it
// ("SHA256:..."), or "none" without a key.
func Fingerprint(key gossh.PublicKey) string {
	if key == nil {
		return "none"
	}
	return gossh.FingerprintSHA256(key)
}
