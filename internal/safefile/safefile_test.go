//go:build unix

package safefile_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/internal/testkit/nobody"
)

func write(t *testing.T, path, text string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func content(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// within fails the test if f has not returned after a long while: the
// calls under test must not block on a FIFO.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("blocked")
		return nil
	}
}

func TestWriteNewFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.md")
	if err := safefile.WriteFile(p, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := content(t, p); got != "hello" {
		t.Errorf("content %q", got)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode())
	}
}

func TestWriteKeepsMode(t *testing.T) {
	for _, mode := range []fs.FileMode{0o600, 0o640, 0o755} {
		p := filepath.Join(t.TempDir(), "f")
		write(t, p, "old", mode)
		if err := safefile.WriteFile(p, []byte("new")); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(p)
		if st.Mode().Perm() != mode {
			t.Errorf("mode %v became %v", mode, st.Mode().Perm())
		}
		if content(t, p) != "new" {
			t.Error("not written")
		}
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	write(t, real, "old", 0o600)
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if err := safefile.WriteFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	if got := content(t, real); got != "new" {
		t.Errorf("target holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d entries left behind, want 2", len(entries))
	}
}

func TestWriteRefusesDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link")
	os.Symlink(filepath.Join(dir, "nothing"), link)
	if err := safefile.WriteFile(link, []byte("x")); !errors.Is(err, safefile.ErrDangling) {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "nothing")); err == nil {
		t.Error("created the link's target")
	}
}

func TestWriteRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "to-null")
	os.Symlink("/dev/null", link)
	for _, p := range []string{fifo, "/dev/null", dir, link} {
		err := within(t, func() error { return safefile.WriteFile(p, []byte("x")) })
		if !errors.Is(err, safefile.ErrNotRegular) {
			t.Errorf("%s: got %v, want refused", p, err)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced")
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&fs.ModeDevice == 0 {
		t.Errorf("/dev/null was replaced")
	}
}

func TestWriteRefusesReadOnlyFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ro")
	write(t, p, "keep", 0o444)
	err := safefile.WriteFile(p, []byte("x"))
	if !errors.Is(err, safefile.ErrReadOnly) {
		t.Errorf("got %v", err)
	}
	if content(t, p) != "keep" {
		t.Error("overwritten")
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o444 {
		t.Errorf("mode became %v", st.Mode())
	}
}

// A file only its owner may write is refused to another user, though the
// folder would let it be replaced.
func TestWriteRefusesFileUserCannotWrite(t *testing.T) {
	if os.Geteuid() != 0 && !nobody.Child() {
		t.Skip("needs root to make a file of another user")
	}
	dir := nobody.TempDir(t)
	p := filepath.Join(dir, "theirs")
	if !nobody.Child() {
		write(t, p, "keep", 0o644)
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	nobody.Run(t, func(t *testing.T) {
		if err := safefile.WriteFile(p, []byte("x")); !errors.Is(err, safefile.ErrReadOnly) {
			t.Errorf("got %v", err)
		}
	})
	if !nobody.Child() && content(t, p) != "keep" {
		t.Error("overwritten")
	}
}

func TestWriteRefusesHardLink(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	write(t, a, "keep", 0o644)
	if err := os.Link(a, b); err != nil {
		t.Fatal(err)
	}
	if err := safefile.WriteFile(a, []byte("x")); !errors.Is(err, safefile.ErrHardLinked) {
		t.Errorf("got %v", err)
	}
	if content(t, a) != "keep" || content(t, b) != "keep" {
		t.Error("overwritten")
	}
}

func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	p := filepath.Join(t.TempDir(), "f")
	write(t, p, "old", 0o664)
	if err := os.Chown(p, 4242, 4343); err != nil {
		t.Fatal(err)
	}
	if err := safefile.WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	s := st.Sys().(*syscall.Stat_t)
	if s.Uid != 4242 || s.Gid != 4343 {
		t.Errorf("owner %d:%d, want 4242:4343", s.Uid, s.Gid)
	}
}

func TestWriteFailureChangesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	write(t, p, "keep", 0o644)
	boom := errors.New("boom")
	err := safefile.Write(p, 0o644, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
	if content(t, p) != "keep" {
		t.Error("changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind")
	}
}

func TestOpenRefusesNonRegularWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, "/dev/null", "/dev/stdin"} {
		err := within(t, func() error {
			_, err := safefile.ReadFile(p, 0)
			return err
		})
		if !errors.Is(err, safefile.ErrNotRegular) {
			t.Errorf("%s: got %v, want refused", p, err)
		}
	}
	if _, err := safefile.ReadFile(dir, 0); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("folder: got %v", err)
	}
}

func TestReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	write(t, p, "hello", 0o644)
	data, err := safefile.ReadFile(p, 5)
	if err != nil || string(data) != "hello" {
		t.Fatalf("%q %v", data, err)
	}
	var tl *safefile.TooLargeError
	if _, err := safefile.ReadFile(p, 4); !errors.As(err, &tl) || tl.Limit != 4 {
		t.Errorf("got %v, want too large", err)
	}
}

// A file past the limit is refused from its size: the file below is open
// for writing only, so any read of it would fail with another error.
func TestTooLargeRefusedBeforeReading(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	write(t, p, "", 0o644)
	if err := os.Truncate(p, 1<<30); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tl *safefile.TooLargeError
	if _, err := safefile.ReadAll(f, p, 16<<20); !errors.As(err, &tl) {
		t.Errorf("got %v, want refused from its size", err)
	}
}

func TestIsStdout(t *testing.T) {
	for name, want := range map[string]bool{"-": true, "/dev/stdout": true, "/dev//stdout": true, "out.md": false, "/dev/stderr": false} {
		if got := safefile.IsStdout(name); got != want {
			t.Errorf("IsStdout(%q) = %v", name, got)
		}
	}
}
