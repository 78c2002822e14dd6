// Package nobody lets a test run part of itself as an unprivileged user.
//
// Permissions mean nothing to root: a read-only directory is writable to
// it. A test that checks what happens when a write is refused therefore
// runs its body in a child process as uid and gid 65534 ("nobody") when the
// tests run as root, and in place otherwise:
//
//	func TestReadOnly(t *testing.T) {
//		dir := nobody.TempDir(t)
//		nobody.Run(t, func(t *testing.T) { ... chmod dir 0500, write, check ... }, dir)
//	}
//
// The child is the test binary itself, run with -test.run set to the
// test's name; Run finds itself in the child and runs the body there.
package nobody

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// ID is the user and group the body runs as under root.
const ID = 65534

const envChild = "BRIEF_TEST_AS_NOBODY"

// Child reports whether this process is the child of a Run.
func Child() bool { return os.Getenv(envChild) != "" }

// Run runs body as an unprivileged user: in place when the tests do not run
// as root, else in a child process as uid and gid 65534. The paths given
// (directories the body needs to write) are handed over to that user
// first. The test fails when the body does.
func Run(t *testing.T, body func(t *testing.T), paths ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		body(t)
		return
	}
	if os.Getenv(envChild) == t.Name() {
		if os.Geteuid() == 0 {
			t.Fatal("the child still runs as root")
		}
		body(t)
		return
	}
	defer func() { made = nil }()
	for _, p := range paths {
		if err := chownAll(p); err != nil {
			t.Fatalf("handing %s to uid %d: %v", p, ID, err)
		}
	}
	// The test binary sits in a directory only root may enter: copy it
	// where the child can run it.
	bin := copyBinary(t)
	pattern := "^" + regexp.QuoteMeta(t.Name()) + "$"
	pattern = strings.ReplaceAll(pattern, "/", "$/^")
	cmd := exec.Command(bin, "-test.run="+pattern, "-test.v", "-test.count=1")
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = append(os.Environ(), envChild+"="+t.Name(), "HOME="+filepath.Dir(bin),
		envDirs+"="+strings.Join(made, string(filepath.ListSeparator)))
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: ID, Gid: ID}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("the test as uid %d failed (%v):\n%s", ID, err, out)
	}
	t.Logf("ran as uid %d", ID)
}

func chownAll(root string) error {
	return filepath.Walk(root, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, ID, ID)
	})
}

func copyBinary(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "brief-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "test.bin")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// TempDir is t.TempDir for a body given to Run: a new directory the
// unprivileged user can reach (t.TempDir's parent is root's alone). In the
// child it returns the directory the parent made for the same call.
func TempDir(t *testing.T) string {
	t.Helper()
	if Child() {
		// The parent passed its directories in the environment, in order.
		n := childDirs
		childDirs++
		dirs := filepath.SplitList(os.Getenv(envDirs))
		if n >= len(dirs) {
			t.Fatalf("the parent made %d directories, the child asks for more", len(dirs))
		}
		return dirs[n]
	}
	dir, err := os.MkdirTemp("", "brief-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o700)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	made = append(made, dir)
	return dir
}

const envDirs = "BRIEF_TEST_NOBODY_DIRS"

var (
	childDirs int
	made      []string
)
