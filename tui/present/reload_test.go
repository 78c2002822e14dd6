package present

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// copySeed writes the seed briefing and its article to a folder and
// returns the briefing's path.
func copySeed(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := seeds.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, seeds.Name)
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s: %v, or no %q in it", file, err, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func reloaded(t *testing.T, m Model) Model {
	t.Helper()
	m.reloadSeq++
	return update(t, m, reloadCmd(m.reloadSeq, m.file)())
}

func TestReloadKeepsTheSlideAndShowsErrors(t *testing.T) {
	file := copySeed(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.DiskFiles(); len(got) != 2 {
		t.Errorf("watching %v, want the briefing and its article", got)
	}
	if got := seed(t).DiskFiles(); got != nil {
		t.Errorf("the built-in briefing is watched: %v", got)
	}
	m := newTest(t, b, 80, 24, Options{})
	m = update(t, m, press("right", "right", "right")...)
	at := m.slide
	edit(t, file, "# Theme: The recognition {#recognition}", "# Theme: The recognition, revised {#recognition}")
	m = reloaded(t, m)
	if m.slide != at {
		t.Errorf("after the reload on slide %d, want %d", m.slide+1, at+1)
	}
	m = update(t, m, press("home")...)
	if !strings.Contains(plain(t, m), "The recognition, revised") && !strings.Contains(plain(t, update(t, m, press("right")...)), "The recognition, revised") {
		t.Error("the change is not in the deck")
	}

	// The last screen, then a deck made shorter: the index is clamped.
	m = update(t, m, press("end")...)
	m.slide = len(m.deck) + 10 // as if the deck had shrunk under it
	m = reloaded(t, m)
	if m.slide != len(m.deck)-1 {
		t.Errorf("index %d not clamped to %d", m.slide, len(m.deck)-1)
	}

	edit(t, file, "- actors: russia, taliban\n- events: recognition-2025", "- actors: russia, nobody-here\n- events: recognition-2025")
	m = reloaded(t, m)
	screen := plain(t, m)
	if !strings.Contains(screen, "⚠ "+filepath.Base(file)+":24:19:") {
		t.Errorf("no positioned error on screen:\n%s", screen)
	}
	if len(m.sl.pages) == 0 {
		t.Fatal("the last good deck is gone")
	}
	edit(t, file, "- actors: russia, nobody-here", "- actors: russia, taliban")
	m = reloaded(t, m)
	if strings.Contains(plain(t, m), "⚠") {
		t.Error("fixing the file leaves the error")
	}
}
