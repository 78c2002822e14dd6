//go:build unix

package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/seeds"
)

// TestCLIOddAddressesAreUsageErrors: a '#' with no id, two items to open
// on, a size with no area: one line, exit 2.
func TestCLIOddAddressesAreUsageErrors(t *testing.T) {
	t.Parallel()
	file := filepath.Join(copySeed(t), seeds.Name)
	for _, args := range [][]string{
		{"##"},
		{"#"},
		{file + "#"},
		{file + "#taliban", "--goto", "moscow-format"},
		{"present", "--check", "0x0", file},
		{"present", "--check=0x0", file},
	} {
		r := brief(t, args...)
		if r.code != 2 {
			t.Errorf("brief %s exited %d, want 2 (stderr %q)", strings.Join(args, " "), r.code, r.stderr)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || lines[0] == "" {
			t.Errorf("brief %s: want one line on stderr, got %q", strings.Join(args, " "), r.stderr)
		}
		if args[0] == "present" && !strings.Contains(r.stderr, `"0x0"`) {
			t.Errorf("brief %s: the error does not name the size: %q", strings.Join(args, " "), r.stderr)
		}
	}
	brief(t, file+"#taliban", "--goto", "taliban").ok(t, "the same item twice")
}

// TestCLIWritesKeepTheFile: export -o and fix write through a symbolic
// link, keep the file's mode, and refuse a FIFO, a device, a read-only
// file and a hard-linked one, at once; -o /dev/stdout is standard output.
func TestCLIWritesKeepTheFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(real, 0o640)
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	brief(t, "export", "--format", "md", "-o", link).ok(t, "export -o through a link")
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("export -o replaced the symbolic link")
	}
	if fi, err := os.Stat(real); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode changed: %v", fi.Mode())
	}
	if data, _ := os.ReadFile(real); !strings.HasPrefix(string(data), "# ") {
		t.Errorf("the target holds %q", data[:min(len(data), 40)])
	}

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro.md")
	os.WriteFile(ro, []byte("keep"), 0o444)
	hard, hard2 := filepath.Join(dir, "hard.md"), filepath.Join(dir, "hard2.md")
	os.WriteFile(hard, []byte("keep"), 0o644)
	os.Link(hard, hard2)
	for target, want := range map[string]string{
		fifo:        "not a regular file",
		"/dev/null": "not a regular file",
		dir:         "not a regular file",
		ro:          "read-only file",
		hard:        "hard links",
	} {
		r := brief(t, "export", "--format", "md", "-o", target)
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("export -o %s: exit %d, stderr %q; want refused (%s)", target, r.code, r.stderr, want)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	for _, p := range []string{ro, hard, hard2} {
		if data, _ := os.ReadFile(p); string(data) != "keep" {
			t.Errorf("%s was overwritten", p)
		}
	}
	r := brief(t, "export", "--format", "md", "-o", "/dev/stdout").ok(t, "export -o /dev/stdout")
	if !strings.HasPrefix(r.stdout, "# ") {
		t.Errorf("-o /dev/stdout wrote %q to standard output", r.stdout[:min(len(r.stdout), 40)])
	}

	if r := brief(t, "fix", fifo); r.code != 1 || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("fix FIFO: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestCLIFixThroughSymlink: fix on a symbolic link to a briefing fixes the
// briefing and leaves the link.
func TestCLIFixThroughSymlink(t *testing.T) {
	t.Parallel()
	dir := copySeed(t)
	file := filepath.Join(dir, seeds.Name)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "Taliban’s government in Afghanistan.", "Taliban's government in Afghanistan.", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.brief.md")
	if err := os.Symlink(seeds.Name, link); err != nil {
		t.Fatal(err)
	}
	brief(t, "fix", link).ok(t, "fix through a link")
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("fix replaced the symbolic link")
	}
	brief(t, "check", file).ok(t, "check of the fixed briefing")
}

// TestCLIFIFOArticleNeverBlocks: a briefing whose article is a FIFO, or
// a link to /etc/passwd, is refused with a positioned error by check DIR,
// search Q DIR and a piped brief DIR; none of them waits on the FIFO.
func TestCLIFIFOArticleNeverBlocks(t *testing.T) {
	t.Parallel()
	dir := copySeed(t)
	data, err := os.ReadFile(filepath.Join(dir, seeds.Name))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i := strings.Index(text, "\narticle: ")
	j := strings.Index(text[i+1:], "\n")
	withArticle := func(a string) string { return text[:i+1] + "article: " + a + text[i+1+j:] }
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.txt"))
	os.WriteFile(filepath.Join(dir, "fifo.brief.md"), []byte(withArticle("fifo.txt")), 0o644)
	os.WriteFile(filepath.Join(dir, "passwd.brief.md"), []byte(withArticle("passwd.txt")), 0o644)
	os.WriteFile(filepath.Join(dir, "abs.brief.md"), []byte(withArticle("/etc/passwd")), 0o644)

	r := brief(t, "check", dir)
	for _, want := range []string{"fifo.brief.md:", "not a regular file", "passwd.brief.md:", "symbolic link out of the briefing's folder", "abs.brief.md:", "relative path inside"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("check DIR does not say %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stdout+r.stderr, "root:") {
		t.Error("check DIR read /etc/passwd")
	}
	brief(t, "search", "recognition", dir).ok(t, "search Q DIR")
	brief(t, dir).ok(t, "a piped brief DIR")
}

// TestFIFOInStateDirectory: a FIFO as state.lock or as the briefing's
// state file does not freeze explore mode: it opens with notes off, says
// why, and q quits.
func TestFIFOInStateDirectory(t *testing.T) {
	t.Parallel()
	bin := tmuxtest.Binary(t)
	file := studyFiles(t)
	for _, name := range []string{"state.lock", "state-file"} {
		t.Run(name, func(t *testing.T) {
			state := t.TempDir()
			if name == "state-file" {
				// Learn the state file's name from a first run, then put a
				// FIFO in its place.
				s := tmuxtest.Start(t, 100, 30, []string{"BRIEF_STATE_DIR=" + state}, "exec '"+bin+"' '"+file+"'")
				s.WaitText("Outline")
				s.Keys("m")
				s.WaitText("bookmark")
				s.Keys("q")
				s.WaitExit()
				files, _ := filepath.Glob(filepath.Join(state, "*.json"))
				if len(files) != 1 {
					t.Fatalf("state files %v, want one", files)
				}
				name = filepath.Base(files[0])
				os.Remove(files[0])
			}
			if err := syscall.Mkfifo(filepath.Join(state, name), 0o600); err != nil {
				t.Fatal(err)
			}
			s := tmuxtest.Start(t, 100, 30, []string{"BRIEF_STATE_DIR=" + state}, "exec '"+bin+"' '"+file+"'")
			s.WaitText("Outline")
			s.WaitText("notes and bookmarks are off: not a regular file")
			s.Keys("q")
			if code := s.WaitExit(); code != 0 {
				t.Errorf("exit status %d, want 0", code)
			}
		})
	}
}
