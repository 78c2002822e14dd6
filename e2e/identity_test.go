package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
)

// weekBriefing is a briefing titled title on an article every week shares:
// a teacher's weekly briefings of one op-ed.
func weekBriefing(title string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "---\nformat: brief/1\ntitle: %s\nsource: The Op-Ed\npublished: 2024-03-01\n---\n\n", title)
	sb.WriteString("# Theme: Harbours {#harbours}\n\nWhat the op-ed says of harbours.\n\n")
	for _, p := range [][2]string{{"dredging", "The harbour needs dredging"}, {"tolls", "Tolls pay for the works"}} {
		fmt.Fprintf(&sb, "## %s {#%s}\n\n> %s.\n\n", p[1], p[0], p[1])
	}
	sb.WriteString("# Source\n\nThe harbour needs dredging. Tolls pay for the works. Nobody likes tolls.\n")
	return sb.String()
}

// weekFiles writes the briefings "Week 1" and "Week 2" of one article.
func weekFiles(t *testing.T) (week1, week2 string) {
	t.Helper()
	dir := t.TempDir()
	week1, week2 = filepath.Join(dir, "week1.brief.md"), filepath.Join(dir, "week2.brief.md")
	for f, title := range map[string]string{week1: "Week 1", week2: "Week 2"} {
		if err := os.WriteFile(f, []byte(weekBriefing(title)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return week1, week2
}

// reopen runs brief on file again in the shell of s.
func reopen(t *testing.T, s *tmuxtest.Session, file string) {
	t.Helper()
	s.Type("'" + tmuxtest.Binary(t) + "' '" + file + "'")
	s.Keys("Enter")
	s.WaitText("Outline")
}

// quit closes the notes view and leaves explore mode for the shell.
func quit(s *tmuxtest.Session) {
	s.Keys("Escape")
	s.WaitGone("bookmarks and notes")
	s.Keys("q")
	s.WaitText("READY$")
	s.Keys("C-l")
	s.WaitGone("Outline")
}

// TestTwoBriefingsOfOneArticleKeepTheirNotes: a note written in "Week 1"
// is not in "Week 2", a briefing of the same article, and is still in
// "Week 1" when it is opened again.
func TestTwoBriefingsOfOneArticleKeepTheirNotes(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	week1, week2 := weekFiles(t)

	s := openStudy(t, state, week1)
	s.Keys("j")
	s.WaitFor("the first point selected", hasLine("▸", "The harbour needs dredging"))
	s.Keys("n")
	s.WaitText("Note on point: The harbour needs dredging")
	s.Type("Ask who pays for week one.")
	s.Keys("C-s")
	s.WaitText("note saved")
	s.WaitFor("the note marked", hasLine("✎▸", "The harbour needs dredging"))
	s.Keys("q")
	s.WaitText("READY$")

	reopen(t, s, week2)
	s.Keys("N")
	screen := s.WaitText("No notes or bookmarks yet")
	if strings.Contains(screen, "week one") || strings.Contains(screen, "✎") {
		t.Errorf("Week 2 shows Week 1's note:\n%s", screen)
	}
	quit(s)

	reopen(t, s, week1)
	s.Keys("N")
	s.WaitText("1 bookmarks and notes")
	s.WaitText("Ask who pays for week one.")
	quit(s)
}

// TestOldStateFileKeepsItsNotes: a state file of the layout before state
// was kept per briefing — named after the article's hash and shared by
// every briefing of it — is taken over by the briefing it records: its
// note shows there; the other briefing of the article says once that it
// starts with notes of its own.
func TestOldStateFileKeepsItsNotes(t *testing.T) {
	t.Parallel()
	state := t.TempDir()
	week1, week2 := weekFiles(t)
	writeOldState(t, state, week1, "Week 1", "point:dredging", "Written before the upgrade.")

	s := openStudy(t, state, week2)
	s.WaitText("this briefing starts with notes of its own")
	s.Keys("Escape") // dismisses the notice
	s.WaitGone("notes of its own")
	s.Keys("N")
	s.WaitText("No notes or bookmarks yet")
	quit(s)

	reopen(t, s, week1)
	s.WaitFor("the note marked", hasLine("✎", "The harbour needs dredging"))
	s.Keys("N")
	s.WaitText("1 bookmarks and notes")
	screen := s.WaitText("Written before the upgrade.")
	if strings.Contains(screen, "notes of its own") {
		t.Errorf("Week 1 was told its notes are elsewhere:\n%s", screen)
	}
	quit(s)

	// Said once: Week 2 opens quietly now, still without the note.
	reopen(t, s, week2)
	s.Keys("N")
	screen = s.WaitText("No notes or bookmarks yet")
	if strings.Contains(screen, "notes of its own") || strings.Contains(screen, "before the upgrade") {
		t.Errorf("Week 2 on its second opening:\n%s", screen)
	}
	quit(s)
}

// writeOldState writes the state file brief kept before state was kept per
// briefing (format brief-state/1): named after the first 16 hex digits of
// the SHA-256 of the briefing's article text as the model holds it
// (Source.Body), recording the path and title of the briefing that last
// wrote it, with one note.
func writeOldState(t *testing.T, dir, file, title, item, note string) {
	t.Helper()
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(b.Source.Body))
	hash := hex.EncodeToString(sum[:])[:16]
	at := "2026-11-27T10:24:10.5Z"
	data, err := json.MarshalIndent(map[string]any{
		"file":   file,
		"format": "brief-state/1",
		"hash":   hash,
		"items": map[string]any{
			item: map[string]any{"note": map[string]any{"at": at, "label": "The harbour needs dredging", "text": note}},
		},
		"title":   title,
		"updated": at,
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, hash+".json"), append(data, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
}
