//go:build unix

package serve

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// newWithin runs New and fails the test when it has not returned within
// the wait bound (a blocking open of a FIFO never returns).
func newWithin(t *testing.T, cfg Config) error {
	t.Helper()
	errc := make(chan error, 1)
	go func() {
		_, err := New(cfg, BrowseDeck(seed(t)))
		errc <- err
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(waitTimeout):
		t.Fatal("New blocked")
	}
	return nil
}

// TestKeyFilesMustBeFiles is finding F9 of issue 27 for serve: a FIFO as
// the host key or the authorized keys blocked brief serve in its open,
// for ever. Both are refused at once, saying what they are.
func TestKeyFilesMustBeFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	keys := filepath.Join(dir, "authorized_keys")
	_, line := newKey(t)
	if err := os.WriteFile(keys, line, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"host key", Config{HostKeyPath: fifo, AuthorizedKeys: keys}, "host key: " + fifo + " is a FIFO, not a file"},
		{"authorized keys", Config{HostKeyPath: filepath.Join(dir, "hk"), AuthorizedKeys: fifo}, "authorized keys: " + fifo + " is a FIFO, not a file"},
		{"directory", Config{HostKeyPath: filepath.Join(dir, "hk"), AuthorizedKeys: dir}, "is a directory, not a file"},
	} {
		err := newWithin(t, tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestHostKeyThatIsNotAKey is finding F16: --host-key /etc/passwd advised
// chmod 600 /etc/passwd. A file that is not a private key says so, and
// the chmod hint is only for the user's own key file.
func TestHostKeyThatIsNotAKey(t *testing.T) {
	dir := t.TempDir()
	notKey := filepath.Join(dir, "passwd")
	if err := os.WriteFile(notKey, []byte("root:x:0:0:root:/root:/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{notKey, "/etc/passwd"} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		err := newWithin(t, Config{HostKeyPath: path, Open: true})
		if err == nil || !strings.Contains(err.Error(), "is not an SSH private key") || strings.Contains(err.Error(), "chmod") {
			t.Errorf("%s: err = %v, want it named not a private key, with no chmod", path, err)
		}
	}
}
