package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// library is an article no other test has seen.
const library = `Town library to open on Sundays after a long campaign
- 2025-02-03 08:15:00

The town library of Lindqvist will open on Sundays from April, the council decided on Monday. Parents had asked for Sunday hours since 2021.

The library closed its second branch in 2019 to save money. Since then the main building has been crowded on Saturdays.

Sunday opening will cost about forty thousand a year, the council said. Volunteers from the Friends of the Library will staff the reading room.

The head librarian, Mira Holm, welcomed the decision. She said the library would also lend tools and seeds.
`

// onlyAdded reports whether after is before with lines added, none removed
// or changed.
func onlyAdded(before, after string) bool {
	b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
	i := 0
	for _, l := range a {
		if i < len(b) && l == b[i] {
			i++
		}
	}
	return i == len(b)
}

func editSession(t *testing.T, dir, file string, env []string) *tmuxtest.Session {
	t.Helper()
	bin := tmuxtest.Binary(t)
	s := tmuxtest.Start(t, 100, 30, env, "cd '"+dir+"' && '"+bin+"' edit '"+file+"'")
	s.WaitText("brief edit ·")
	return s
}

// editFromShell starts a shell whose prompt is "READY$ " and types
// brief edit FILE at it, for the tests that need the shell back after
// (job control, signals).
func editFromShell(t *testing.T, file string) *tmuxtest.Session {
	t.Helper()
	s := tmuxtest.Start(t, 100, 30, nil, "env PS1='READY$ ' bash --norc --noprofile")
	s.WaitText("READY$")
	typeEdit(t, s, file)
	s.WaitText("brief edit ·")
	return s
}

// typeEdit types brief edit FILE at the shell's prompt.
func typeEdit(t *testing.T, s *tmuxtest.Session, file string) {
	s.Type("'" + tmuxtest.Binary(t) + "' edit '" + file + "'")
	s.Keys("Enter")
}

// An author drafts a briefing with brief edit, makes a point from the
// fourth sentence with a few keys and saves: the file gains the point,
// quoting the sentence verbatim, and loses or changes no line. A second
// point undone is gone from the next save.
func TestEditJourney(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "library.txt"), []byte(library), 0o644); err != nil {
		t.Fatal(err)
	}
	s := editSession(t, dir, "library.txt", nil)
	out := filepath.Join(dir, "library.brief.md")
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("brief edit ARTICLE.txt drafted nothing beside it: %v", err)
	}
	b0, err := model.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	fourth := b0.Sentences()[3].Text
	s.Keys("j", "j", "j", "p")
	s.WaitText("claim:")
	s.Keys("C-u")
	s.Type("Saturdays are crowded")
	s.Keys("Enter")
	s.WaitText("add point")
	s.Keys("C-s")
	s.WaitText("saved library.brief.md")
	after, _ := os.ReadFile(out)
	if !onlyAdded(string(before), string(after)) {
		t.Errorf("the save removed or rewrote lines:\n%s", after)
	}
	b, err := model.Load(out)
	if err != nil {
		t.Fatalf("brief check fails after the save: %v", err)
	}
	// The draft has a point for every sentence; the session adds one more.
	ps := b.Points()
	var added []*model.Point
	for _, p := range ps {
		if p.Text == "Saturdays are crowded" {
			added = append(added, p)
		}
	}
	if len(ps) != len(b0.Points())+1 || len(added) != 1 || len(added[0].Quotes) != 1 || added[0].Quotes[0].Text != fourth {
		t.Fatalf("want one point more, quoting %q; got %d points, then %d, the new ones %+v", fourth, len(b0.Points()), len(ps), added)
	}
	if !strings.Contains(string(after), "\n> "+fourth+"\n") {
		t.Errorf("the quote is not the sentence verbatim:\n%s", after)
	}
	brief(t, "check", out).ok(t, "brief check after the save")

	s.Keys("j", "p")
	s.WaitText("claim:")
	s.Keys("C-u")
	s.Type("A second point")
	s.Keys("Enter")
	s.WaitText("add point")
	s.Keys("u")
	s.WaitText("undone")
	s.Keys("C-s")
	// Undone, the text is the one saved before: nothing to write.
	s.WaitFor("the save", func(screen string) bool {
		return strings.Contains(screen, "nothing to save") || strings.Contains(screen, "saved library.brief.md")
	})
	final, _ := os.ReadFile(out)
	if strings.Contains(string(final), "A second point") || string(final) != string(after) {
		t.Errorf("the undone point is in the file:\n%s", final)
	}
	s.Keys("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// Opening a briefing and saving without a change leaves it byte-identical.
func TestEditSaveWithoutChangeIsIdentical(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	dir := copySeed(t)
	for _, name := range []string{seeds.Name, "ozone.brief.md"} {
		if name == "ozone.brief.md" {
			for _, f := range []string{"ozone.brief.md", "ozone.txt"} {
				data, err := os.ReadFile(filepath.Join("..", "docs", "examples", f))
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, f), data, 0o644)
			}
		}
		file := filepath.Join(dir, name)
		orig, _ := os.ReadFile(file)
		s := editSession(t, dir, name, nil)
		s.Keys("C-s")
		s.WaitText("nothing to save")
		s.Keys("q")
		s.WaitExit()
		if got, _ := os.ReadFile(file); string(got) != string(orig) {
			t.Errorf("%s changed", name)
		}
	}
}

// A line another program adds to the file while brief edit has it open
// survives the next save, with the session's change made on it.
func TestEditKeepsAChangeMadeElsewhere(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "library.txt"), []byte(library), 0o644)
	s := editSession(t, dir, "library.txt", nil)
	out := filepath.Join(dir, "library.brief.md")
	drafted := len(mustLoad(t, out).Points())
	s.Keys("p")
	s.WaitText("claim:")
	s.Keys("Enter")
	s.WaitText("add point")
	data, _ := os.ReadFile(out)
	other := strings.Replace(string(data), "\n# Timeline\n", "\n<!-- a line from another editor -->\n\n# Timeline\n", 1)
	if other == string(data) {
		t.Fatalf("no timeline in the draft:\n%s", data)
	}
	if err := os.WriteFile(out, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Keys("C-s")
	s.WaitText("had changed on disk")
	got, _ := os.ReadFile(out)
	if !strings.Contains(string(got), "<!-- a line from another editor -->") || len(mustLoad(t, out).Points()) != drafted+1 {
		t.Errorf("after the save:\n%s", got)
	}
	s.Keys("q")
	s.WaitExit()
}

func mustLoad(t *testing.T, name string) *model.Briefing {
	t.Helper()
	b, err := model.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// E in explore mode opens edit mode on the same file; quitting it comes
// back to explore mode with the change shown.
func TestExploreEditsWithE(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	dir := copySeed(t)
	file := filepath.Join(dir, seeds.Name)
	bin := tmuxtest.Binary(t)
	s := tmuxtest.Start(t, 100, 30, nil, "'"+bin+"' '"+file+"'")
	s.WaitText("Outline")
	s.Keys("E")
	s.WaitText("brief edit ·")
	s.Keys("Tab", "r", "C-u")
	s.Type("A theme renamed in edit mode")
	s.Keys("Enter")
	s.WaitText("rename")
	s.Keys("C-s")
	s.WaitText("saved")
	s.Keys("q")
	s.WaitText("A theme renamed in edit mode")
	s.WaitGone("brief edit ·")
	s.Keys("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("exit %d", code)
	}
	if b := mustLoad(t, file); b.Themes[0].Title != "A theme renamed in edit mode" {
		t.Errorf("theme %q", b.Themes[0].Title)
	}
}

// TestEditSuspend: ctrl+z in edit mode hands the terminal back to the
// shell, restored, and fg returns to the session with its unsaved change.
func TestEditSuspend(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	dir := copySeed(t)
	file := filepath.Join(dir, seeds.Name)
	s := editFromShell(t, file)
	s.Keys("p", "Enter")
	s.WaitText("[modified]")
	s.Keys("C-z")
	s.WaitText("Stopped")
	if alt := s.Display("#{alternate_on}"); alt != "0" {
		t.Errorf("ctrl+z left the terminal in the alternate screen")
	}
	s.Type("fg")
	s.Keys("Enter")
	s.WaitText("[modified]")
	s.Keys("C-s")
	s.WaitText("saved")
	s.Keys("q")
	s.WaitText("READY$ ")
}

// TestEditSignalKeepsUnsaved: a closed terminal (SIGHUP) or SIGTERM ends
// edit mode with its unsaved change kept beside the file, which is left
// as it was; the next session offers it back, and restoring and saving it
// writes it to the briefing.
func TestEditSignalKeepsUnsaved(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := copySeed(t)
			file := filepath.Join(dir, seeds.Name)
			before, _ := os.ReadFile(file)
			s := editFromShell(t, file)
			s.Keys("p", "C-u")
			s.Type("A point made before the terminal closed")
			s.Keys("Enter")
			s.WaitText("[modified]")
			if err := syscall.Kill(childOf(t, s.PID()), sig); err != nil {
				t.Fatal(err)
			}
			s.WaitText("unsaved changes to")
			s.WaitFor("the shell's prompt again", func(sc string) bool { return strings.Count(sc, "READY$") >= 2 })
			kept, err := os.ReadFile(file + ".unsaved")
			if err != nil || !strings.Contains(string(kept), "## A point made before the terminal closed {#") {
				t.Fatalf("kept (%v):\n%s", err, kept)
			}
			if now, _ := os.ReadFile(file); string(now) != string(before) {
				t.Error("the briefing itself was written")
			}
			typeEdit(t, s, file)
			s.WaitText("ended unsaved")
			// r restores it as a change of this session; ctrl+s writes
			// it and removes the recovery file.
			s.Keys("r")
			s.WaitText("[modified]")
			s.Keys("C-s")
			s.WaitText("saved ")
			if now, _ := os.ReadFile(file); !strings.Contains(string(now), "## A point made before the terminal closed {#") {
				t.Errorf("the restored point was not saved:\n%s", now)
			}
			if _, err := os.Stat(file + ".unsaved"); err == nil {
				t.Error("the recovery file stayed after its text was saved")
			}
			s.Keys("q")
			s.WaitText("READY$ ")
		})
	}
}
