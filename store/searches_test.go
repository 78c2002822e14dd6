package store

import (
	"slices"
	"testing"
)

// TestSearchesPersistAndMerge: the palette's queries survive a reopen, the
// later of two writers wins, and text from the file is sanitised.
func TestSearchesPersistAndMerge(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, dir+"/a.brief.md", "A", []string{"alpha"}, "")
	s := open(t, b, Options{Dir: dir})
	if got := s.Searches(); len(got) != 0 {
		t.Fatalf("a new store has searches %v", got)
	}
	must(t, s.SetSearches([]string{"daesh", "moscow format"}))
	s2 := open(t, b, Options{Dir: dir})
	if got := s2.Searches(); !slices.Equal(got, []string{"daesh", "moscow format"}) {
		t.Fatalf("reopened: %v", got)
	}
	must(t, s2.SetSearches([]string{"daesh", "moscow format", "iran"}))
	must(t, s.SetNote(pt("alpha"), "a note")) // s merges s2's later history in
	if got := s.Searches(); !slices.Equal(got, []string{"daesh", "moscow format", "iran"}) {
		t.Errorf("after a merge: %v", got)
	}
	must(t, s.SetSearches([]string{"a\x1b[2Jb"}))
	if got := open(t, b, Options{Dir: dir}).Searches(); len(got) != 1 || got[0] == "a\x1b[2Jb" {
		t.Errorf("a query came back raw: %q", got)
	}
	long := make([]string, MaxSearches+10)
	for i := range long {
		long[i] = string(rune('a' + i%26))
	}
	must(t, s.SetSearches(long))
	if got := s.Searches(); len(got) != MaxSearches {
		t.Errorf("kept %d searches, want %d", len(got), MaxSearches)
	}
}
