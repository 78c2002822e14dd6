package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/seedcopy"
	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/seeds"
)

// studyFiles copies the seed briefing and its article into a folder the
// test can edit, and returns the briefing's path.
func studyFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := seedcopy.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, seeds.Name)
}

// replaceIn saves a file with old replaced by new, the way editors do:
// a new file renamed over the old one.
func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	tmp := file + ".swp"
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
}

// openStudy starts brief on file in a shell with its study state in
// stateDir, and waits for explore mode.
func openStudy(t *testing.T, stateDir, file string) *tmuxtest.Session {
	t.Helper()
	bin := tmuxtest.Binary(t)
	s := tmuxtest.Start(t, 120, 40, []string{"BRIEF_STATE_DIR=" + stateDir}, "env PS1='READY$ ' bash --norc --noprofile")
	s.WaitText("READY$")
	s.Type("'" + bin + "' '" + file + "'")
	s.Keys("Enter")
	s.WaitText("Outline")
	return s
}

// TestStudyNoteResumeAndLiveReload is the journey of the study state: a
// note written with n survives quitting, the selection resumes, an edit of
// the file from outside shows at once, a broken save shows the positioned
// error in a banner, and fixing it clears the banner.
func TestStudyNoteResumeAndLiveReload(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	file := studyFiles(t)

	s := openStudy(t, state, file)
	for range 7 {
		s.Keys("j")
	}
	s.WaitFor("the Moscow Format point selected", hasLine("▸", "Russia launched the Moscow"))
	s.Keys("n")
	s.WaitText("Note on point: Russia launched the Moscow")
	s.Type("Ask who attends the Moscow Format.")
	s.Keys("C-s")
	s.WaitText("note saved")
	s.WaitFor("the note marked in the outline", hasLine("✎▸   Russia launched the Moscow"))
	s.Keys("q")
	s.WaitText("READY$")

	// Reopen: the selection is back on the point, and its note is shown.
	s.Type("'" + tmuxtest.Binary(t) + "' '" + file + "'")
	s.Keys("Enter")
	s.WaitFor("the selection resumed", hasLine("✎▸   Russia launched the Moscow"))
	s.WaitText("✎ Your note")
	s.WaitText("Ask who attends the Moscow Format.")

	// Edit the briefing from outside: the change shows.
	replaceIn(t, file, "## Two decades of Russian engagement", "## Twenty years of Russian engagement")
	s.WaitText("Twenty years of Russian")
	s.WaitFor("the selection kept", hasLine("▸", "Russia launched the Moscow"))

	// Break it: the banner shows file:line:col; the last good version stays.
	replaceIn(t, file, "- actors: russia, taliban\n- events: recognition-2025", "- actors: russia, nobody-here\n- events: recognition-2025")
	screen := s.WaitText("⚠ " + filepath.Base(file) + ":24:19: unknown actor")
	if lineIndex(screen, "Twenty years of Russian") < 0 {
		t.Errorf("the last good version is gone:\n%s", screen)
	}

	// Fix it: the banner goes.
	replaceIn(t, file, "- actors: russia, nobody-here", "- actors: russia, taliban")
	s.WaitGone("⚠")
	s.WaitText("Twenty years of Russian")
	s.Keys("q")
	s.WaitText("READY$")

	// The note is in the Markdown export with --notes.
	cmd := exec.Command(tmuxtest.Binary(t), "export", "--format", "md", "--notes", file)
	cmd.Env = append(os.Environ(), "BRIEF_STATE_DIR="+state)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("export --notes: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "## Your notes") || !strings.Contains(string(out), "\nAsk who attends the Moscow Format.") {
		t.Errorf("the export does not hold the note:\n%s", out)
	}
}

// TestStudyBookmarkAndNotesView: m bookmarks, N lists it, enter jumps back.
func TestStudyBookmarkAndNotesView(t *testing.T) {
	t.Parallel()
	s := openStudy(t, t.TempDir(), studyFiles(t))
	s.Keys("t", "j")
	s.WaitFor("an event selected", hasLine("▸", "1990s"))
	s.Keys("m")
	s.WaitText("bookmarked")
	s.WaitFor("the bookmark marked", hasLine("★ ▸ 1990s"))
	s.Keys("o", "N")
	s.WaitText("1 bookmarks and notes")
	s.Keys("Enter")
	s.WaitFor("back on the event", hasLine("★ ▸ 1990s"))
	s.Keys("q")
	s.WaitText("READY$")
}
