package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/brief-cli/brief/internal/gen"
	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
)

// makeLibrary writes a library of n sentences from GOROOT's comments
// (500 files for 100k) into a temporary folder.
func makeLibrary(t *testing.T, n int) string {
	t.Helper()
	root, err := gen.GOROOT()
	if err != nil {
		t.Skip(err)
	}
	pkgs, err := gen.Comments(root, n)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "library")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := gen.Write(dir, pkgs, gen.Options{Sentences: n})
	if err != nil {
		t.Fatal(err)
	}
	if st.Sentences != n {
		t.Fatalf("wrote %d sentences, want %d", st.Sentences, n)
	}
	return dir
}

// openLibrary runs brief DIR in a shell in tmux, and waits for the
// library; the shell says EXIT=status when brief ends.
func openLibrary(t *testing.T, dir string, w, h int) *tmuxtest.Session {
	t.Helper()
	bin := tmuxtest.Binary(t)
	s := tmuxtest.Start(t, w, h, nil, "env PS1='READY$ ' bash --norc --noprofile")
	s.WaitText("READY$")
	s.Type("'" + bin + "' '" + dir + "'; echo EXIT=$?")
	s.Keys("Enter")
	s.WaitFor("the library", hasLine("Library", dir))
	return s
}

// sixLetterWord returns a word of at least six letters from the file's
// sentences, in lower case, cut to six letters.
func sixLetterWord(t *testing.T, path string) string {
	t.Helper()
	b, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range b.Sentences()[3:] {
		for _, w := range strings.FieldsFunc(s.Text, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) {
			if len(w) >= 6 {
				return strings.ToLower(w[:6])
			}
		}
	}
	t.Fatalf("no six-letter word in %s", path)
	return ""
}

// TestLibraryLargePalette opens a library of 100k sentences, opens one of
// its briefings, searches it with a six-letter query typed at once, and
// finds the screen showing the whole query and results for it; q goes
// back to the library, q again quits.
func TestLibraryLargePalette(t *testing.T) {
	t.Parallel()
	dir := makeLibrary(t, 100_000)
	files, _ := filepath.Glob(filepath.Join(dir, "net", "*0393-*"))
	if len(files) != 1 {
		t.Fatalf("no file 0393 in net/: %v", files)
	}
	word := sixLetterWord(t, files[0])

	s := openLibrary(t, dir, 120, 40)
	s.WaitText("500 briefings")
	s.Type("0393")
	s.WaitFor("the filter to leave one file", hasLine("1 of 500 match"))
	s.Keys("Enter")
	s.WaitFor("explore mode", hasLine("Notes on the net/http package, part 393"))
	s.WaitText("Reading") // a plain article opens in reading mode

	s.Keys("/")
	s.WaitText("Type to search")
	s.Type(word)
	screen := s.WaitFor("results for "+word, func(sc string) bool {
		lines := strings.Split(sc, "\n")
		input := lineIndex(sc, "/ "+word)
		if input < 0 || strings.Contains(sc, "searching…") || !regexp.MustCompile(`\d+ match`).MatchString(sc) {
			return false
		}
		// A result below the query holds the word.
		for _, l := range lines[input+1:] {
			if strings.Contains(strings.ToLower(l), word) {
				return true
			}
		}
		return false
	})
	if strings.Contains(screen, "no matches") {
		t.Fatalf("no results for %q:\n%s", word, screen)
	}

	s.Keys("Escape")
	s.WaitGone("esc close search") // q right after esc would read as alt+q
	s.Keys("q")
	s.WaitFor("the library again, filtered as it was", func(sc string) bool {
		return lineIndex(sc, "Library", dir) >= 0 && lineIndex(sc, "/ 0393") >= 0 && lineIndex(sc, "▸ Notes on the net/http package, part 393") >= 0
	})
	s.Keys("q")
	s.WaitText("EXIT=0")
}

// TestLibraryBrokenFileListed: a library with a broken file lists it with
// its error, and its good briefings still open.
func TestLibraryBrokenFileListed(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "lib")
	seed := copySeed(t)
	for _, name := range []string{"000_bc22e7b79049ddaf.brief.md", "000_bc22e7b79049ddaf.txt"} {
		data, err := os.ReadFile(filepath.Join(seed, name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "seed", name), data)
	}
	writeFile(t, filepath.Join(dir, "broken.brief.md"), []byte("---\nformat: brief/1\ntitle: Half a briefing\n"))
	writeFile(t, filepath.Join(dir, "notes", "article.txt"), []byte("A short article\n- 2024-02-03\n\nIt has one paragraph. It has two sentences.\n"))

	s := openLibrary(t, dir, 100, 30)
	s.WaitFor("the broken file with its error", func(sc string) bool {
		i := lineIndex(sc, "broken.brief.md", "cannot be opened")
		return i >= 0 && strings.Contains(strings.Split(sc, "\n")[i+1], "1:1:")
	})
	s.WaitText("2 briefings · 1 broken")
	s.WaitText("A short article")
	s.Type("russia")
	s.WaitFor("the seed first", hasLine("▸ Russia recognises the Taliban government"))
	s.Keys("Enter")
	s.WaitText("Outline")
	s.Keys("q")
	s.WaitFor("the library", hasLine("Library", dir))
	s.Keys("q")
	s.WaitText("EXIT=0")
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLibrarySearchCommand runs brief search piped: plain lines with the
// match marked, JSON, a library with a broken file, no match, bad input.
func TestLibrarySearchCommand(t *testing.T) {
	t.Parallel()
	r := brief(t, "search", "moscw").ok(t, "search moscw")
	noEscapes(t, "brief search moscw | cat", r.stdout)
	first, _, _ := strings.Cut(r.stdout, "\n")
	// The built-in briefing has no file: its address is #ID, as brief '#ID' opens it.
	if first != "#g-moscow-format\tglossary\t[Mosc]o[w] Format" {
		t.Errorf("first hit %q", first)
	}
	if n := strings.Count(brief(t, "search", "the").ok(t, "search the").stdout, "\n"); n != 20 {
		t.Errorf("%d hits for the, want the default limit of 20", n)
	}

	r = brief(t, "search", "daesh", "--json", "--limit", "3").ok(t, "search --json")
	var hits []struct {
		Address, File, Kind, ID, Text string
		Matched                       []int
	}
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 3 {
		t.Fatalf("--json: %v, %d hits\n%s", err, len(hits), r.stdout)
	}
	if hits[0].Kind != "glossary" || hits[1].Kind != "actor" || len(hits[0].Matched) != 5 {
		t.Errorf("daesh ranks %+v, %+v", hits[0], hits[1])
	}
	if hits[0].Address != "#"+hits[0].ID {
		t.Errorf("--json address %q of the built-in briefing, want #ID", hits[0].Address)
	}

	dir := filepath.Join(t.TempDir(), "lib")
	writeFile(t, filepath.Join(dir, "a.txt"), []byte("Rivers\n\nThe river floods every spring. Farmers move their herds.\n"))
	writeFile(t, filepath.Join(dir, "b.brief.md"), []byte("---\nformat: brief/1\n"))
	r = brief(t, "search", "farmers", dir).ok(t, "search a library")
	if !strings.HasPrefix(r.stdout, filepath.Join(dir, "a.txt")+"#p1.s2\tsentence\t[Farmers] move") {
		t.Errorf("library hit %q", r.stdout)
	}
	if !strings.Contains(r.stderr, "skipped") || !strings.Contains(r.stderr, "b.brief.md") {
		t.Errorf("no warning about the broken file: %q", r.stderr)
	}

	r = brief(t, "search", "zqzqzqzq").ok(t, "search with no match")
	if r.stdout != "" || !strings.Contains(r.stderr, "no matches") {
		t.Errorf("no match: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if r := brief(t, "search", ""); r.code != 2 {
		t.Errorf("empty query: exit %d", r.code)
	}
	if r := brief(t, "search", "x", "--limit", "-1"); r.code != 2 {
		t.Errorf("negative limit: exit %d", r.code)
	}
	if r := brief(t, "search", "x", filepath.Join(dir, "missing.brief.md")); r.code != 1 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("missing file: exit %d, %q", r.code, r.stderr)
	}

	r = brief(t, dir).ok(t, "brief DIR piped")
	if !strings.Contains(r.stdout, "Rivers") || !strings.Contains(r.stdout, "b.brief.md\n    error: ") {
		t.Errorf("library list:\n%s", r.stdout)
	}
}
