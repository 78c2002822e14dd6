//go:build unix

package model

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// briefingNaming writes, in a new folder, a copy of testdata/mini.brief.md
// whose article is the file "article:" names, and the article itself as
// art.txt. It returns the folder and the briefing's path.
func briefingNaming(t *testing.T, article string) (dir, path string) {
	t.Helper()
	data, err := os.ReadFile("testdata/mini.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	head, source, ok := strings.Cut(text, "# Source\n")
	if !ok {
		t.Fatal("mini.brief.md has no # Source section")
	}
	head = strings.Replace(head, "published:", "article: "+article+"\npublished:", 1)
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "art.txt"), []byte("Rivers and towns\n\n"+strings.TrimSpace(source)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "b.brief.md")
	if err := os.WriteFile(path, []byte(head), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func loadWithin(t *testing.T, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Load(path)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("Load blocked")
		return nil
	}
}

func TestArticleInsideFolderLoads(t *testing.T) {
	dir, path := briefingNaming(t, "sub/link.txt")
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if err := os.Symlink("../art.txt", filepath.Join(dir, "sub", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := loadWithin(t, path); err != nil {
		t.Fatalf("a link inside the folder: %v", err)
	}
}

// An untrusted briefing's article: must not reach out of its folder, by
// an absolute path, by "..", or by a symbolic link; the error is placed
// on the article: line.
func TestArticleConfinedToFolder(t *testing.T) {
	secret := []byte("Rivers and towns\n\nThe river floods every spring. In 2019, the council built a wall. It held.\n")
	for _, name := range []string{"absolute", "dotdot", "symlink"} {
		outside := filepath.Join(t.TempDir(), "secret.txt")
		article := map[string]string{"absolute": outside, "dotdot": "../secret.txt", "symlink": "link.txt"}[name]
		dir, path := briefingNaming(t, article)
		if name == "dotdot" {
			outside = filepath.Join(filepath.Dir(dir), "secret.txt")
		}
		if err := os.WriteFile(outside, secret, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Symlink(outside, filepath.Join(dir, "link.txt"))
		err := loadWithin(t, path)
		if err == nil {
			t.Errorf("%s: an article outside the folder was read", name)
			continue
		}
		if !strings.Contains(err.Error(), "b.brief.md:5:10: cannot read article") {
			t.Errorf("%s: error %q is not placed on the article line", name, err)
		}
	}
}

func TestNonRegularFilesRefusedAtOnce(t *testing.T) {
	dir, path := briefingNaming(t, "fifo.txt")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := loadWithin(t, path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO article: %v", err)
	}
	if err := loadWithin(t, filepath.Join(dir, "fifo.txt")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO briefing: %v", err)
	}
	if err := loadWithin(t, "/dev/null"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("device: %v", err)
	}
}

// sizedFile claims a size and fails every read: reading it at all is an
// error other than the size limit's.
type sizedFile struct{ size int64 }

func (f sizedFile) Stat() (fs.FileInfo, error) { return f, nil }
func (sizedFile) Read([]byte) (int, error)     { return 0, errors.New("read") }
func (sizedFile) Close() error                 { return nil }
func (sizedFile) Name() string                 { return "big" }
func (f sizedFile) Size() int64                { return f.size }
func (sizedFile) Mode() fs.FileMode            { return 0o644 }
func (sizedFile) ModTime() time.Time           { return time.Time{} }
func (sizedFile) IsDir() bool                  { return false }
func (sizedFile) Sys() any                     { return nil }

var _ io.Reader = sizedFile{}

// A file over the limit is refused from its size, before any of it is
// read (docs/format.md).
func TestOversizedRefusedFromSize(t *testing.T) {
	_, err := readLimited(sizedFile{MaxFileSize + 1}, nil)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("got %v, want refused from its size", err)
	}
}
