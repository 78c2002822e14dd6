package e2e

import (
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// TestReadingModeParagraphs: r shows the article as flowing paragraphs,
// sentences sharing rows and ids hidden; i shows the ids, r goes back.
func TestReadingModeParagraphs(t *testing.T) {
	t.Parallel()
	s := openExplore(t, 80, 24)
	s.Keys("r")
	// One row ends a sentence and starts the next of the same paragraph.
	screen := s.WaitFor("a flowing paragraph", hasLine("world order. Russia’s"))
	if lineIndex(screen, "▸ Reading") < 0 {
		t.Errorf("no reading frame:\n%s", screen)
	}
	if strings.Contains(screen, "p1.s1") || strings.Contains(screen, "p5.s2") {
		t.Errorf("sentence ids show in reading mode:\n%s", screen)
	}
	s.Keys("i")
	s.WaitFor("the ids shown", hasLine("p1.s1 This month, Russia"))
	s.Keys("r")
	s.WaitFor("the panes back", hasLine("Outline"))
	s.WaitGone("Reading")
}

// TestZoomAndRestore: z gives the focused source pane the whole screen and
// z again gives the other panes back.
func TestZoomAndRestore(t *testing.T) {
	t.Parallel()
	s := openExplore(t, 120, 40)
	s.Keys("s")
	s.WaitFor("the source focused", hasLine("▸ Source"))
	s.Keys("z")
	screen := s.WaitFor("the source zoomed", hasLine("zoomed · z back"))
	for _, gone := range []string{"Outline ━", "Detail ─", "Outline ─"} {
		if strings.Contains(screen, gone) {
			t.Errorf("%q still on screen when zoomed:\n%s", gone, screen)
		}
	}
	// The zoomed source has the terminal's width: its first sentence runs
	// on past where the third pane would end, to the reading measure, and
	// the column is centred with a margin either side.
	i := lineIndex(screen, "This month, Russia accepted credentials from the ambassador appointed by")
	if i < 0 {
		t.Fatalf("the zoomed source is not wide:\n%s", screen)
	}
	if l := strings.Split(screen, "\n")[i]; !strings.HasPrefix(l, "┃    ") || !strings.HasSuffix(l, "    ┃") {
		t.Errorf("the zoomed source has no margin: %q", l)
	}
	s.Keys("z")
	s.WaitFor("the panes back", func(sc string) bool {
		return hasLine("Outline")(sc) && hasLine("Detail")(sc) && !strings.Contains(sc, "zoomed")
	})
}

// TestNoteBesideItsSentence: the note editor opens under the panes, so the
// sentence the item cites stays on screen, marked, while the note is typed.
func TestNoteBesideItsSentence(t *testing.T) {
	t.Parallel()
	s := openStudy(t, t.TempDir(), studyFiles(t))
	s.Keys("j")
	s.WaitFor("the first point selected", hasLine("▸", "Russia accepted the"))
	s.Keys("n")
	s.WaitText("Note on point: Russia accepted")
	s.Type("Check who else upgraded.")
	s.WaitFor("the note typed beside its sentence", func(sc string) bool {
		return hasLine("Check who else upgraded.")(sc) && hasLine("▌p1.s1", "This month, Russia")(sc)
	})
	s.Keys("C-s")
	s.WaitText("note saved")
}

// TestReopenRestoresSourceScroll: the source pane scrolled away from where
// a jump puts the cited sentence reopens scrolled the same: the marked
// sentence is on the same row.
func TestReopenRestoresSourceScroll(t *testing.T) {
	t.Parallel()
	state, file := t.TempDir(), studyFiles(t)
	s := openStudy(t, state, file)
	for range 7 {
		s.Keys("j")
	}
	s.WaitFor("the Moscow Format point selected", hasLine("▸", "Russia launched the Moscow"))
	s.Keys("Enter")
	before := s.WaitFor("the cited sentence marked", hasLine("▸▌", "p5.s3"))
	// Up three sentences, past the top: the view scrolls up and the marked
	// sentence moves down from where the jump put it.
	s.Keys("k", "k", "k")
	left := s.WaitFor("the cursor three sentences up", hasLine("▸ p4.s1"))
	row := lineIndex(left, "▌p5.s3")
	if row <= lineIndex(before, "▌p5.s3") {
		t.Fatalf("the marked sentence did not move down (row %d, was %d):\n%s", row, lineIndex(before, "▌p5.s3"), left)
	}
	s.Keys("q")
	s.WaitText("READY$")

	s.Type("'" + tmuxtest.Binary(t) + "' '" + file + "'")
	s.Keys("Enter")
	again := s.WaitFor("the source reopened", hasLine("▌p5.s3"))
	if got := lineIndex(again, "▌p5.s3"); got != row {
		t.Errorf("the marked sentence was on row %d, reopened on row %d:\n%s\n---\n%s", row, got, left, again)
	}
}
