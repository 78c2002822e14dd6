package store

import (
	"maps"
	"testing"
)

// TestFoldsPersistAndMerge: the outline's folds survive a reopen, the later
// of two writers wins, and a theme the briefing no longer has is dropped.
func TestFoldsPersistAndMerge(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, dir+"/a.brief.md", "A", []string{"alpha"}, "")
	s := open(t, b, Options{Dir: dir})
	if got := s.Folds(); len(got) != 0 {
		t.Fatalf("a new store has folds %v", got)
	}
	theme := b.Themes[0].ID
	must(t, s.SetFolds(map[string]bool{theme: true, "gone": false}))
	s2 := open(t, b, Options{Dir: dir})
	if got := s2.Folds(); !maps.Equal(got, map[string]bool{theme: true}) {
		t.Fatalf("reopened: %v", got)
	}
	must(t, s2.SetFolds(map[string]bool{theme: false}))
	must(t, s.SetNote(pt("alpha"), "a note")) // s merges s2's later folds in
	if got := s.Folds(); !maps.Equal(got, map[string]bool{theme: false}) {
		t.Errorf("after a merge: %v", got)
	}
}
