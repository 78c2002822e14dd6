package library_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/brief-cli/brief/model/library"
)

// write creates dir/name with data, making folders as needed.
func write(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

const article = "A plain article\n- 2024-05-06\n\nFirst sentence here. Second one there.\n\nA new paragraph.\n"

// libraryTree lays out a folder with every kind of file LoadLibrary meets
// and returns it with the relative paths it must list, in order.
func libraryTree(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	seedMD, seedTxt := read(t, "../../seeds/000_bc22e7b79049ddaf.brief.md"), read(t, "../../seeds/000_bc22e7b79049ddaf.txt")
	mini := read(t, "../testdata/mini.brief.md")
	write(t, dir, "seed/000_bc22e7b79049ddaf.brief.md", seedMD)
	write(t, dir, "seed/000_bc22e7b79049ddaf.txt", seedTxt) // its article: not listed
	write(t, dir, "mini.brief.md", mini)
	write(t, dir, "notes/other.md", mini)                            // *.md in the format
	write(t, dir, "notes/README.md", "# Notes\n\nNot a briefing.\n") // *.md that is not
	write(t, dir, "blog/post.md", "---\nlayout: post\ntitle: Hi\n---\n\nHello.\n")
	write(t, dir, "articles/plain.txt", article)
	write(t, dir, "broken.brief.md", strings.Replace(mini, "The river floods every spring.\n", "The river floods every summer.\n", 1))
	write(t, dir, "empty.txt", "")
	write(t, dir, ".hidden/secret.brief.md", mini)
	write(t, dir, "articles/.draft.txt", article)
	write(t, dir, "data.json", "{}")
	outside := write(t, t.TempDir(), "outside.brief.md", mini)
	must(t, os.Symlink(outside, filepath.Join(dir, "link-out.brief.md")))
	must(t, os.Symlink(filepath.Join(dir, "mini.brief.md"), filepath.Join(dir, "link-in.brief.md")))
	must(t, os.Symlink(filepath.Join(dir, "articles"), filepath.Join(dir, "linked-folder")))
	must(t, os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "dangling.txt")))
	want := []string{
		"articles/plain.txt", "broken.brief.md", "empty.txt", "link-in.brief.md", "mini.brief.md",
		"notes/other.md", "seed/000_bc22e7b79049ddaf.brief.md",
	}
	return dir, want
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func rel(t *testing.T, dir string, lib *library.Library) []string {
	t.Helper()
	var out []string
	for _, e := range lib.Entries {
		r, err := filepath.Rel(dir, e.Path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestLoadLibraryFindsBriefings(t *testing.T) {
	dir, want := libraryTree(t)
	var mu sync.Mutex
	var calls [][2]int
	lib := library.Load(context.Background(), dir, func(done, total int) {
		mu.Lock()
		calls = append(calls, [2]int{done, total})
		mu.Unlock()
	})
	if lib.Err != nil {
		t.Fatal(lib.Err)
	}
	if got := rel(t, dir, lib); !slices.Equal(got, want) {
		t.Fatalf("entries:\n got %q\nwant %q", got, want)
	}
	// The seed's article is loaded too (as a candidate) and then dropped.
	if len(calls) != len(want)+1 || calls[len(calls)-1] != [2]int{len(want) + 1, len(want) + 1} {
		t.Errorf("progress calls %v", calls)
	}
	for i, c := range calls {
		if c[0] != i+1 {
			t.Errorf("progress call %d says %d done", i, c[0])
		}
	}
	byName := map[string]*library.Entry{}
	for i, e := range lib.Entries {
		byName[want[i]] = e
	}
	seed := byName["seed/000_bc22e7b79049ddaf.brief.md"]
	if seed.Err != nil || seed.Title != "Russia recognises the Taliban government" || seed.Published != "2025-07-19 06:24:53" ||
		seed.Themes != 7 || seed.Points != 26 || seed.Events != 8 || seed.Actors != 23 || seed.Terms != 8 || seed.Plain || seed.Briefing == nil {
		t.Errorf("seed entry %+v", seed)
	}
	plain := byName["articles/plain.txt"]
	if plain.Err != nil || !plain.Plain || plain.Title != "A plain article" || plain.Sentences != 3 || plain.Published != "2024-05-06" {
		t.Errorf("plain article entry %+v", plain)
	}
	for _, name := range []string{"broken.brief.md", "empty.txt"} {
		e := byName[name]
		if e.Err == nil || e.Briefing != nil || e.Title != filepath.Base(name) || len(e.Problems()) == 0 {
			t.Errorf("%s: broken entry %+v", name, e)
		}
	}
	if p := byName["broken.brief.md"].Problems()[0]; !strings.Contains(p, "broken.brief.md:") || !strings.Contains(p, "quote not found") {
		t.Errorf("broken entry's problem %q", p)
	}
	if got := lib.Broken(); got != 2 {
		t.Errorf("Broken() = %d, want 2", got)
	}
	if got := len(lib.Briefings()); got != len(want)-2 {
		t.Errorf("Briefings() holds %d, want %d", got, len(want)-2)
	}
}

func TestLoadLibraryHostileCorpus(t *testing.T) {
	lib := library.Load(context.Background(), "../../testdata/hostile", nil)
	if lib.Err != nil {
		t.Fatal(lib.Err)
	}
	files, _ := filepath.Glob("../../testdata/hostile/*")
	if len(lib.Entries) != len(files)-1 { // all but the README
		t.Errorf("%d entries for %d files", len(lib.Entries), len(files))
	}
	for _, e := range lib.Entries {
		broken := strings.HasPrefix(filepath.Base(e.Path), "broken-")
		if broken != (e.Err != nil) {
			t.Errorf("%s: error %v", e.Path, e.Err)
		}
		for _, s := range append(e.Problems(), e.Title, e.Source) {
			if strings.ContainsAny(s, "\x1b\x07\x00\u202e") {
				t.Errorf("%s: raw control character in %q", e.Path, s)
			}
		}
	}
}

func TestLoadLibraryErrors(t *testing.T) {
	lib := library.Load(context.Background(), filepath.Join(t.TempDir(), "missing"), nil)
	if lib.Err == nil || !strings.Contains(lib.Err.Error(), "no such file") {
		t.Errorf("missing folder: %v", lib.Err)
	}
	file := write(t, t.TempDir(), "a.brief.md", "x")
	if lib := library.Load(context.Background(), file, nil); lib.Err == nil || !strings.Contains(lib.Err.Error(), "not a folder") {
		t.Errorf("a file: %v", lib.Err)
	}
	dir, _ := libraryTree(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if lib := library.Load(ctx, dir, nil); !errors.Is(lib.Err, context.Canceled) {
		t.Errorf("cancelled: %v", lib.Err)
	}
}

func TestLoadLibraryUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := t.TempDir()
	write(t, dir, "a.brief.md", read(t, "../testdata/mini.brief.md"))
	locked := filepath.Join(dir, "locked")
	write(t, locked, "b.brief.md", "x")
	must(t, os.Chmod(locked, 0))
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	lib := library.Load(context.Background(), dir, nil)
	if lib.Err != nil || len(lib.Entries) != 2 || lib.Entries[1].Err == nil || !strings.Contains(lib.Entries[1].Err.Error(), "permission denied") {
		t.Errorf("entries %+v, err %v", lib.Entries, lib.Err)
	}
}

func TestLoadLibraryBoundsFiles(t *testing.T) {
	defer library.SetMaxFiles(3)()
	dir := t.TempDir()
	for _, n := range []string{"e", "d", "c", "b", "a"} {
		write(t, dir, n+".txt", article)
	}
	lib := library.Load(context.Background(), dir, nil)
	if got := rel(t, dir, lib); !slices.Equal(got, []string{"a.txt", "b.txt", "c.txt"}) || lib.Skipped != 2 {
		t.Errorf("entries %q, skipped %d", got, lib.Skipped)
	}
}

func TestLoadLibraryEntryRefreshes(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", article)
	if e := library.LoadEntry(p); e.Err != nil || e.Sentences != 3 {
		t.Fatalf("entry %+v", e)
	}
	write(t, dir, "a.txt", "Title\n- 2024-13-01\n\nText.\n")
	if e := library.LoadEntry(p); e.Err == nil || !strings.Contains(e.Err.Error(), "a.txt:2:3: invalid date") {
		t.Errorf("entry after a bad edit: %v", e.Err)
	}
}
