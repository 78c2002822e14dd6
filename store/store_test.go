package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// briefingText builds a briefing with one theme and a point per id, each
// citing its own sentence of the source. extra is appended to the source,
// so that two texts with the same ids can still differ in hash.
func briefingText(title string, ids []string, extra string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "---\nformat: brief/1\ntitle: %s\nsource: Test source\npublished: 2024-03-01\n---\n\n", title)
	sb.WriteString("# Theme: Things {#things}\n\nAll the things.\n\n")
	for _, id := range ids {
		fmt.Fprintf(&sb, "## Point %s {#%s}\n\n> Item %s is here.\n\n", id, id, id)
	}
	sb.WriteString("# Source\n\n")
	for _, id := range ids {
		fmt.Fprintf(&sb, "Item %s is here. ", id)
	}
	sb.WriteString(extra + "\n")
	return sb.String()
}

func parse(t testing.TB, file, title string, ids []string, extra string) *model.Briefing {
	t.Helper()
	b, err := model.Parse(file, []byte(briefingText(title, ids, extra)), nil)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return b
}

func pt(id string) model.Ref { return model.Ref{Kind: model.KindPoint, ID: id} }

func open(t testing.TB, b *model.Briefing, opts Options) *Store {
	t.Helper()
	s, warn, err := Open(b, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if warn != nil {
		t.Fatalf("Open warned: %v", warn)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantNote(t testing.TB, s *Store, r model.Ref, want string) {
	t.Helper()
	got, ok := s.Note(r)
	if want == "" {
		if ok {
			t.Errorf("note of %s = %q, want none", r.ID, got)
		}
		return
	}
	if !ok || got != want {
		t.Errorf("note of %s = %q (present %v), want %q", r.ID, got, ok, want)
	}
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "/tmp/x.brief.md", "Round trip", []string{"alpha", "beta", "gamma"}, "")
	s := open(t, b, Options{Dir: dir})
	if _, err := os.Stat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open created %s before any write (err %v)", s.Path(), err)
	}
	must(t, s.SetNote(pt("beta"), "first line\nsecond line"))
	must(t, s.SetNote(pt("alpha"), "on alpha"))
	on, err := s.ToggleBookmark(pt("gamma"))
	must(t, err)
	if !on {
		t.Error("ToggleBookmark on a fresh item returned false")
	}
	must(t, s.MarkVisited(pt("alpha")))
	pos := Position{Item: pt("beta"), View: "outline", Scroll: 4}
	must(t, s.SetPosition(pos))

	s2 := open(t, b, Options{Dir: dir})
	wantNote(t, s2, pt("beta"), "first line\nsecond line")
	wantNote(t, s2, pt("alpha"), "on alpha")
	wantNote(t, s2, pt("gamma"), "")
	if !s2.Bookmarked(pt("gamma")) || s2.Bookmarked(pt("alpha")) {
		t.Error("bookmarks not kept")
	}
	if !s2.Visited(pt("alpha")) || s2.Visited(pt("beta")) {
		t.Error("visited items not kept")
	}
	if got, ok := s2.Position(); !ok || got != pos {
		t.Errorf("Position = %+v, %v; want %+v", got, ok, pos)
	}
	var ids []string
	for _, e := range s2.Notes() {
		ids = append(ids, e.Ref.ID)
		if e.Label != "Point "+e.Ref.ID {
			t.Errorf("label of %s = %q", e.Ref.ID, e.Label)
		}
	}
	if got := strings.Join(ids, " "); got != "alpha beta gamma" {
		t.Errorf("Notes in order %q, want the briefing's order", got)
	}
	if o := s2.Orphans(); len(o) != 0 {
		t.Errorf("Orphans = %+v, want none", o)
	}

	// The file is JSON with sorted keys and two-space indentation: decoding
	// it into maps and encoding it again gives the same bytes.
	data, err := os.ReadFile(s2.Path())
	must(t, err)
	var v any
	must(t, json.Unmarshal(data, &v))
	again, _ := json.MarshalIndent(v, "", "  ")
	if !bytes.Equal(append(again, '\n'), data) {
		t.Errorf("state file keys are not sorted and indented:\n%s", data)
	}
	if !strings.Contains(string(data), `"text": "first line\nsecond line"`) {
		t.Errorf("note text not found in the file:\n%s", data)
	}
	if filepath.Base(s2.Path()) != Key(b)+".json" || len(Key(b)) != HashLen {
		t.Errorf("state file %s, want %s.json", s2.Path(), Key(b))
	}
}

func TestDeleteAndBlankNotes(t *testing.T) {
	b := parse(t, "", "Delete", []string{"alpha", "beta"}, "")
	s := open(t, b, Options{Dir: t.TempDir()})
	must(t, s.SetNote(pt("alpha"), "x"))
	must(t, s.SetNote(pt("alpha"), "  \n\t "))
	wantNote(t, s, pt("alpha"), "")
	must(t, s.SetNote(pt("beta"), "y"))
	must(t, s.DeleteNote(pt("beta")))
	wantNote(t, s, pt("beta"), "")
	if n := s.Notes(); len(n) != 0 {
		t.Errorf("Notes after deleting = %+v", n)
	}
	must(t, s.SetBookmark(pt("beta"), true))
	must(t, s.SetBookmark(pt("beta"), false))
	if s.Bookmarked(pt("beta")) {
		t.Error("SetBookmark(false) left the bookmark")
	}
	on, err := s.ToggleBookmark(pt("beta"))
	must(t, err)
	if !on || !s.Bookmarked(pt("beta")) {
		t.Error("ToggleBookmark did not bookmark")
	}
	// Tombstones are in the file.
	data, err := os.ReadFile(s.Path())
	must(t, err)
	if strings.Count(string(data), `"deleted": true`) != 2 {
		t.Errorf("want two tombstones in the file:\n%s", data)
	}
}

func TestNotesAreSanitised(t *testing.T) {
	b := parse(t, "", "Sanitise", []string{"alpha"}, "")
	dir := t.TempDir()
	s := open(t, b, Options{Dir: dir})
	must(t, s.SetNote(pt("alpha"), "red \x1b[31mtext\r\nnext"))
	wantNote(t, s, pt("alpha"), "red ^[[31mtext\nnext")
	// A file edited by hand is sanitised when read.
	path := s.Path()
	data, err := os.ReadFile(path)
	must(t, err)
	data = bytes.Replace(data, []byte(`^[[31m`), []byte(`\u001b]0;pwned\u0007`), 1)
	must(t, os.WriteFile(path, data, 0o600))
	s2 := open(t, b, Options{Dir: dir})
	wantNote(t, s2, pt("alpha"), "red ^[]0;pwned^Gtext\nnext")
}

func TestCorruptFileMovedAside(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Corrupt", []string{"alpha", "beta"}, "")
	clock := time.Date(2026, 11, 27, 10, 22, 33, 0, time.Local)
	path := filepath.Join(dir, Key(b)+".json")
	garbage := []byte("{\"format\": \"brief-state/2\", \"items\": {\"point:alpha\": ")
	must(t, os.WriteFile(path, garbage, 0o600))

	s, warn, err := Open(b, Options{Dir: dir, Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	var ce *CorruptError
	if !errors.As(warn, &ce) {
		t.Fatalf("warning = %v, want a *CorruptError", warn)
	}
	aside := path + ".corrupt-20261127T102233"
	if ce.MovedTo != aside || ce.Path != path {
		t.Errorf("CorruptError = %+v, want moved to %s", ce, aside)
	}
	got, err := os.ReadFile(aside)
	if err != nil || !bytes.Equal(got, garbage) {
		t.Errorf("moved-aside file: %q, %v; want the original content", got, err)
	}
	if !strings.HasPrefix(warn.Error(), "unreadable study notes moved to "+aside+" (") {
		t.Errorf("warning %q does not say where the file went", warn)
	}

	// The store works normally afterwards.
	must(t, s.SetNote(pt("alpha"), "after"))
	s2 := open(t, b, Options{Dir: dir})
	wantNote(t, s2, pt("alpha"), "after")

	// Damage found at write time: moved aside again (a second name in the
	// same second), reported, and the write still made with all this
	// instance knew.
	must(t, os.WriteFile(path, []byte("not json"), 0o600))
	err = s.SetNote(pt("beta"), "written anyway")
	if !errors.As(err, &ce) || ce.MovedTo != aside+"-2" {
		t.Fatalf("SetNote over a damaged file returned %v, want a *CorruptError moved to %s-2", err, aside)
	}
	if got, _ := os.ReadFile(aside + "-2"); string(got) != "not json" {
		t.Errorf("second moved-aside file holds %q", got)
	}
	s3 := open(t, b, Options{Dir: dir})
	wantNote(t, s3, pt("alpha"), "after")
	wantNote(t, s3, pt("beta"), "written anyway")
}

func TestNewerFormatLeftAlone(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Newer", []string{"alpha"}, "")
	path := filepath.Join(dir, Key(b)+".json")
	content := []byte(`{"format": "brief-state/3", "hash": "x"}`)
	must(t, os.WriteFile(path, content, 0o600))
	_, _, err := Open(b, Options{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "newer brief") {
		t.Fatalf("Open = %v, want an error about a newer brief", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
		t.Error("a file from a newer brief was changed")
	}
}

func TestStaleTempFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Temp", []string{"alpha"}, "")
	stale := filepath.Join(dir, "."+Key(b)+".json123456789")
	other := filepath.Join(dir, ".keep-me.json42")
	must(t, os.WriteFile(stale, []byte("{"), 0o600))
	must(t, os.WriteFile(other, []byte("x"), 0o600))
	open(t, b, Options{Dir: dir})
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary file still there (%v)", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is not ours was removed: %v", err)
	}
}

func TestTwoStoresMerge(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Merge", []string{"one", "two", "three", "four"}, "")
	a := open(t, b, Options{Dir: dir})
	c := open(t, b, Options{Dir: dir})

	must(t, a.SetNote(pt("one"), "a1"))
	must(t, c.SetNote(pt("two"), "c2")) // c re-reads: it sees a's note
	wantNote(t, c, pt("one"), "a1")

	// a deletes a note it never saw: the tombstone is written.
	must(t, a.DeleteNote(pt("two")))
	wantNote(t, a, pt("two"), "")

	// c still holds "c2" in memory; its next write merges that stale copy
	// with the file, and the tombstone, being later, wins.
	wantNote(t, c, pt("two"), "c2")
	must(t, c.MarkVisited(pt("three")))
	wantNote(t, c, pt("two"), "")

	// Last writer wins per item.
	must(t, c.SetNote(pt("one"), "c1"))
	must(t, a.SetNote(pt("one"), "a1 again")) // a's copy said "a1"; a writes last
	must(t, c.MarkVisited(pt("four")))        // c's stale "c1" loses
	wantNote(t, c, pt("one"), "a1 again")

	// A note written after a deletion comes back.
	must(t, c.SetNote(pt("two"), "c2 again"))
	must(t, a.MarkVisited(pt("one")))
	wantNote(t, a, pt("two"), "c2 again")

	// Toggle goes by the file, not by a stale copy.
	must(t, c.SetBookmark(pt("three"), true))
	on, err := a.ToggleBookmark(pt("three"))
	must(t, err)
	if on {
		t.Error("a toggled p3 on, but c had bookmarked it: want off")
	}

	_, err = c.Reload()
	must(t, err)
	if c.Bookmarked(pt("three")) || !c.Visited(pt("one")) || !c.Visited(pt("four")) {
		t.Error("Reload did not pick up a's changes")
	}
	final := open(t, b, Options{Dir: dir})
	wantNote(t, final, pt("one"), "a1 again")
	wantNote(t, final, pt("two"), "c2 again")
	for _, id := range []string{"one", "three", "four"} {
		if !final.Visited(pt(id)) {
			t.Errorf("%s not visited", id)
		}
	}
}

// TestWriteWaitsForLock plays another instance that holds the lock while it
// reads, changes and rewrites the file. A write started meanwhile must wait
// for it and then merge with what it wrote, not overwrite it.
func TestWriteWaitsForLock(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Lock", []string{"one", "two"}, "")
	s := open(t, b, Options{Dir: dir})
	must(t, s.SetNote(pt("one"), "first"))

	other := flock.New(filepath.Join(dir, lockName))
	must(t, other.Lock())
	before, err := os.ReadFile(s.Path())
	must(t, err)
	done := make(chan error)
	go func() { done <- s.SetNote(pt("two"), "mine") }()
	// The other instance's read-modify-write, from what it read under the lock.
	st, err := decode(before)
	must(t, err)
	st.Items["point:one"] = &item{Note: &noteReg{At: time.Now().UTC().Add(time.Hour), Text: "theirs"}}
	data, err := encode(st)
	must(t, err)
	must(t, os.WriteFile(s.Path(), data, 0o600))
	must(t, other.Unlock())
	must(t, <-done)
	other.Close()

	again := open(t, b, Options{Dir: dir})
	wantNote(t, again, pt("one"), "theirs")
	wantNote(t, again, pt("two"), "mine")
}

// TestGoroutines uses one store from several goroutines at once, as Bubble
// Tea commands do, while another reads it (run with -race).
func TestGoroutines(t *testing.T) {
	b := parse(t, "", "Goroutines", []string{"one", "two"}, "")
	dir := t.TempDir()
	s := open(t, b, Options{Dir: dir})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 10 {
				id := fmt.Sprintf("g%d-%d", g, i)
				if err := s.SetNote(pt(id), id); err != nil {
					t.Error(err)
				}
				s.MarkVisited(pt("one"))
				s.SetPosition(Position{Item: pt(id)})
			}
		})
	}
	wg.Go(func() {
		for range 100 {
			s.Notes()
			s.Orphans()
			s.Position()
		}
	})
	wg.Wait()
	again := open(t, b, Options{Dir: dir})
	if n := len(again.Orphans()); n != 40 {
		t.Errorf("%d notes, want 40", n)
	}
}

func TestLaterDeleteWinsOverSkewedClock(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "", "Skew", []string{"one"}, "")
	base := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	ahead := open(t, b, Options{Dir: dir, Now: func() time.Time { return base.Add(time.Hour) }})
	behind := open(t, b, Options{Dir: dir, Now: func() time.Time { return base }})
	must(t, ahead.SetNote(pt("one"), "from the future"))
	must(t, behind.DeleteNote(pt("one")))
	must(t, ahead.MarkVisited(pt("one"))) // merges its stale note back in
	wantNote(t, ahead, pt("one"), "")
}

func TestMergeIsCommutativeAndIdempotent(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Second) }
	a := newState("h")
	a.Items["point:x"] = &item{Note: &noteReg{At: at(2), Text: "a"}, Bookmark: &flagReg{At: at(5), On: true}}
	a.Items["point:y"] = &item{Note: &noteReg{At: at(3), Deleted: true}}
	a.Items["point:t"] = &item{Note: &noteReg{At: at(4), Text: "tie a"}}
	a.Position = &posReg{At: at(1), Item: "point:x"}
	b := newState("h")
	b.Items["point:x"] = &item{Note: &noteReg{At: at(3), Text: "b"}, Bookmark: &flagReg{At: at(4), On: false}}
	b.Items["point:y"] = &item{Note: &noteReg{At: at(1), Text: "stale"}}
	b.Items["point:z"] = &item{Visited: &flagReg{At: at(1), On: true}}
	b.Items["point:t"] = &item{Note: &noteReg{At: at(4), Text: "tie b"}}
	b.Position = &posReg{At: at(2), Item: "point:z", Scroll: 3}

	enc := func(s *state) string { d, _ := encode(s); return string(d) }
	ab, ba := merge(a, b), merge(b, a)
	if enc(ab) != enc(ba) {
		t.Errorf("merge is not commutative:\n%s\n%s", enc(ab), enc(ba))
	}
	if enc(merge(ab, ab)) != enc(ab) || enc(merge(ab, a)) != enc(ab) {
		t.Error("merge is not idempotent")
	}
	if n := ab.Items["point:x"].Note.Text; n != "b" {
		t.Errorf("x note %q, want the later b", n)
	}
	if !ab.Items["point:x"].Bookmark.On {
		t.Error("x bookmark: the later (on) should win")
	}
	if !ab.Items["point:y"].Note.Deleted {
		t.Error("y: the later tombstone should win over the stale note")
	}
	if ab.Items["point:z"].Visited == nil || ab.Position.Item != "point:z" {
		t.Error("z visited or position lost")
	}
	if ab.Items["point:t"].Note.Text != "tie b" {
		t.Errorf("tie broken to %q", ab.Items["point:t"].Note.Text)
	}
	// The inputs are left as they were.
	if a.Items["point:x"].Note.Text != "a" || len(a.Items) != 3 {
		t.Error("merge modified its input")
	}
}

func TestChangedBriefingKeepsNotesByPath(t *testing.T) {
	dir := t.TempDir()
	file := "/nowhere/x.brief.md"
	v1 := parse(t, file, "Versions", []string{"alpha", "beta", "gamma"}, "")
	s1 := open(t, v1, Options{Dir: dir})
	must(t, s1.SetNote(pt("alpha"), "note a"))
	must(t, s1.SetNote(pt("beta"), "note b"))
	_, err := s1.ToggleBookmark(pt("gamma"))
	must(t, err)
	must(t, s1.SetPosition(Position{Item: pt("beta"), View: "outline"}))

	// v2: retitled (a new key), beta is gone, delta is new, the source changed.
	v2 := parse(t, file, "Versions renamed", []string{"alpha", "gamma", "delta"}, "")
	if Key(v1) == Key(v2) || Hash(v1) == Hash(v2) {
		t.Fatal("test briefings have the same key or hash")
	}
	s2 := open(t, v2, Options{Dir: dir})
	if s2.MigratedFrom() != Key(v1) {
		t.Errorf("MigratedFrom = %q, want %q", s2.MigratedFrom(), Key(v1))
	}
	wantNote(t, s2, pt("alpha"), "note a")
	if !s2.Bookmarked(pt("gamma")) {
		t.Error("bookmark on gamma lost")
	}
	if got := entryIDs(s2.Notes()); got != "alpha gamma" {
		t.Errorf("Notes = %s, want alpha gamma", got)
	}
	orph := s2.Orphans()
	if len(orph) != 1 || orph[0].Ref != pt("beta") || orph[0].Note != "note b" || orph[0].Label != "Point beta" {
		t.Errorf("Orphans = %+v, want the note on beta with its old label", orph)
	}
	if p, ok := s2.Position(); !ok || p.Item != pt("beta") {
		t.Errorf("position not carried over: %+v", p)
	}
	// The old file forwards to the new one.
	old, err := os.ReadFile(filepath.Join(dir, Key(v1)+".json"))
	must(t, err)
	if !strings.Contains(string(old), `"moved_to": "`+Key(v2)+`"`) {
		t.Errorf("old state file does not forward:\n%s", old)
	}

	// The old version, opened again, shares the new state.
	s1again := open(t, v1, Options{Dir: dir})
	if s1again.Path() != s2.Path() {
		t.Errorf("old version reads %s, want %s", s1again.Path(), s2.Path())
	}
	wantNote(t, s1again, pt("beta"), "note b")
	if got := entryIDs(s1again.Notes()); got != "alpha beta gamma" {
		t.Errorf("old version's Notes = %s", got)
	}
	must(t, s1again.SetNote(pt("gamma"), "from the old version"))
	_, err = s2.Reload()
	must(t, err)
	wantNote(t, s2, pt("gamma"), "from the old version")
	// And the stale in-memory copy of the first store writes to the same place.
	must(t, s1.SetNote(pt("alpha"), "a, later"))
	_, err = s2.Reload()
	must(t, err)
	wantNote(t, s2, pt("alpha"), "a, later")
}

// TestEditedArticleKeepsItsFile: a briefing is its file and title; editing
// its article changes neither, so its state stays where it is.
func TestEditedArticleKeepsItsFile(t *testing.T) {
	dir := t.TempDir()
	v1 := parse(t, "/e.md", "E", []string{"alpha", "beta"}, "")
	v2 := parse(t, "/e.md", "E", []string{"alpha"}, "Edited.")
	s1 := open(t, v1, Options{Dir: dir})
	must(t, s1.SetNote(pt("beta"), "b"))
	s2 := open(t, v2, Options{Dir: dir})
	if s2.Path() != s1.Path() || s2.MigratedFrom() != "" {
		t.Errorf("edited article: state in %s (migrated from %q), want %s", s2.Path(), s2.MigratedFrom(), s1.Path())
	}
	if entryIDs(s2.Orphans()) != "beta" {
		t.Errorf("Orphans = %s, want beta", entryIDs(s2.Orphans()))
	}
	must(t, s2.SetNote(pt("alpha"), "a"))
	data, err := os.ReadFile(s2.Path())
	must(t, err)
	if !strings.Contains(string(data), `"article": "`+Hash(v2)+`"`) || !strings.Contains(string(data), `"format": "`+Format+`"`) {
		t.Errorf("the state does not record the article's hash and format:\n%s", data)
	}
}

func TestRedirectToMissingFile(t *testing.T) {
	dir := t.TempDir()
	v1 := parse(t, "/r.md", "R", []string{"alpha"}, "")
	v2 := parse(t, "/r.md", "R, retitled", []string{"alpha"}, "")
	must(t, open(t, v1, Options{Dir: dir}).SetNote(pt("alpha"), "a"))
	s2 := open(t, v2, Options{Dir: dir})
	must(t, os.Remove(s2.Path())) // deleted by hand: v1's file now forwards to nothing
	s1 := open(t, v1, Options{Dir: dir})
	wantNote(t, s1, pt("alpha"), "")
	must(t, s1.SetNote(pt("alpha"), "again"))
	if want := filepath.Join(dir, Key(v1)+".json"); s1.Path() != want {
		t.Errorf("state went to %s, want %s", s1.Path(), want)
	}
	wantNote(t, open(t, v1, Options{Dir: dir}), pt("alpha"), "again")
}

// writeBriefing saves a briefing's text in dir and loads it.
func writeBriefing(t testing.TB, dir, name, text string) *model.Briefing {
	t.Helper()
	p := filepath.Join(dir, name)
	must(t, os.WriteFile(p, []byte(text), 0o600))
	b, err := model.Load(p)
	must(t, err)
	return b
}

// TestTwoBriefingsOfOneArticle: two files of the same article, even with
// the same title (a copy), keep their own notes.
func TestTwoBriefingsOfOneArticle(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	for i, titles := range [][2]string{{"Week 1", "Week 2"}, {"Same title", "Same title"}} {
		one := writeBriefing(t, files, fmt.Sprintf("one-%d.brief.md", i), briefingText(titles[0], []string{"alpha", "beta"}, ""))
		two := writeBriefing(t, files, fmt.Sprintf("two-%d.brief.md", i), briefingText(titles[1], []string{"alpha", "beta"}, ""))
		if Hash(one) != Hash(two) || Key(one) == Key(two) {
			t.Fatalf("%v: hashes %s %s, keys %s %s", titles, Hash(one), Hash(two), Key(one), Key(two))
		}
		s1 := open(t, one, Options{Dir: dir})
		must(t, s1.SetNote(pt("alpha"), "in one "+titles[0]))
		s2 := open(t, two, Options{Dir: dir})
		wantNote(t, s2, pt("alpha"), "")
		if s2.MigratedFrom() != "" || s2.Path() == s1.Path() {
			t.Errorf("%v: the second briefing took the first's state (%s, from %q)", titles, s2.Path(), s2.MigratedFrom())
		}
		must(t, s2.SetNote(pt("beta"), "in two"))
		wantNote(t, open(t, one, Options{Dir: dir}), pt("beta"), "")
		wantNote(t, open(t, one, Options{Dir: dir}), pt("alpha"), "in one "+titles[0])
		wantNote(t, open(t, two, Options{Dir: dir}), pt("beta"), "in two")
	}
	// An unrelated briefing takes nothing.
	other := open(t, parse(t, "/elsewhere.md", "Other", []string{"alpha"}, ""), Options{Dir: dir})
	if other.MigratedFrom() != "" || other.HasNote(pt("alpha")) {
		t.Error("an unrelated briefing took over notes")
	}
}

// TestMovedBriefingKeepsNotes: a briefing moved or renamed (its old file
// gone) finds its state by title, preferring the same article; moved and
// edited too.
func TestMovedBriefingKeepsNotes(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	text := briefingText("Moving", []string{"alpha", "beta"}, "")
	v1 := writeBriefing(t, files, "one.brief.md", text)
	s1 := open(t, v1, Options{Dir: dir})
	must(t, s1.SetNote(pt("alpha"), "kept"))
	// A briefing of the same title and another article whose file is gone
	// too, recorded later: the same article is preferred.
	decoy := writeBriefing(t, files, "decoy.brief.md", briefingText("Moving", []string{"alpha"}, "Other words."))
	must(t, open(t, decoy, Options{Dir: dir}).SetNote(pt("alpha"), "decoy"))
	must(t, os.Remove(decoy.File))

	must(t, os.MkdirAll(filepath.Join(files, "sub"), 0o700))
	must(t, os.Rename(v1.File, filepath.Join(files, "sub", "renamed.brief.md")))
	v2, err := model.Load(filepath.Join(files, "sub", "renamed.brief.md"))
	must(t, err)
	s2 := open(t, v2, Options{Dir: dir})
	wantNote(t, s2, pt("alpha"), "kept")
	if s2.MigratedFrom() != Key(v1) {
		t.Errorf("MigratedFrom = %q, want %q", s2.MigratedFrom(), Key(v1))
	}
	// The old name forwards: nothing is left to be taken twice.
	if old := open(t, v1, Options{Dir: dir}); old.Path() != s2.Path() {
		t.Errorf("the old name reads %s, want %s", old.Path(), s2.Path())
	}

	// Moved and edited: no article matches; the newest state of the title
	// (its own, written when it moved) is taken.
	must(t, os.Rename(v2.File, filepath.Join(files, "three.brief.md")))
	v3 := writeBriefing(t, files, "three.brief.md", briefingText("Moving", []string{"alpha", "beta"}, "Edited."))
	wantNote(t, open(t, v3, Options{Dir: dir}), pt("alpha"), "kept")
}

// TestBuiltInBriefingIdentity: a briefing without a file is its title and
// article; a new version of it (the article changed) keeps its notes.
func TestBuiltInBriefingIdentity(t *testing.T) {
	dir := t.TempDir()
	v1 := parse(t, "(built-in) x.brief.md", "Built in", []string{"alpha"}, "")
	v2 := parse(t, "(built-in) x.brief.md", "Built in", []string{"alpha"}, "A new release.")
	if Key(v1) == Key(v2) {
		t.Fatal("a briefing without a file should be keyed by its article too")
	}
	must(t, open(t, v1, Options{Dir: dir}).SetNote(pt("alpha"), "a"))
	s2 := open(t, v2, Options{Dir: dir})
	wantNote(t, s2, pt("alpha"), "a")
	if s2.MigratedFrom() != Key(v1) {
		t.Errorf("MigratedFrom = %q", s2.MigratedFrom())
	}
}

func TestRebindFollowsEdits(t *testing.T) {
	dir := t.TempDir()
	v1 := parse(t, "/x.brief.md", "Live", []string{"alpha", "beta"}, "")
	v2 := parse(t, "/x.brief.md", "Live, retitled", []string{"alpha"}, "Edited.")
	s := open(t, v1, Options{Dir: dir})
	must(t, s.SetNote(pt("alpha"), "a"))
	must(t, s.SetNote(pt("beta"), "b"))

	warn, err := s.Rebind(v2)
	if err != nil || warn != nil {
		t.Fatalf("Rebind: %v, %v", warn, err)
	}
	if s.Key() != Key(v2) || s.MigratedFrom() != Key(v1) {
		t.Errorf("after Rebind key %s migrated %s", s.Key(), s.MigratedFrom())
	}
	if entryIDs(s.Notes()) != "alpha" || entryIDs(s.Orphans()) != "beta" {
		t.Errorf("Notes %s, Orphans %s", entryIDs(s.Notes()), entryIDs(s.Orphans()))
	}
	must(t, s.SetNote(pt("alpha"), "a2"))

	// Undo the edit: the old key forwards to the current state.
	_, err = s.Rebind(v1)
	must(t, err)
	wantNote(t, s, pt("alpha"), "a2")
	if entryIDs(s.Notes()) != "alpha beta" || len(s.Orphans()) != 0 {
		t.Errorf("after undo: Notes %s, Orphans %s", entryIDs(s.Notes()), entryIDs(s.Orphans()))
	}
	fresh := open(t, v2, Options{Dir: dir})
	wantNote(t, fresh, pt("alpha"), "a2")
	wantNote(t, fresh, pt("beta"), "b")

	// Rebinding to the same key (the article edited) only swaps the briefing.
	path := s.Path()
	v1b := parse(t, "/x.brief.md", "Live", []string{"alpha", "beta"}, "Edited once more.")
	_, err = s.Rebind(v1b)
	must(t, err)
	if got := s.Notes()[0].Label; got != "Point alpha" || s.Path() != path {
		t.Errorf("label after rebind %q, path %s (was %s)", got, s.Path(), path)
	}

	// A briefing with nothing recorded moves without writing anything.
	empty := open(t, parse(t, "/y.md", "Y", []string{"alpha"}, ""), Options{Dir: dir})
	_, err = empty.Rebind(parse(t, "/y.md", "Y, retitled", []string{"alpha"}, ""))
	must(t, err)
	if _, err := os.Stat(empty.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("rebinding an empty state wrote %s", empty.Path())
	}
}

// TestRebindWhileReading reloads the briefing back and forth while another
// goroutine reads the store, as a view would (run with -race).
func TestRebindWhileReading(t *testing.T) {
	v1 := parse(t, "/w.md", "W", []string{"alpha", "beta"}, "")
	v2 := parse(t, "/w.md", "W, retitled", []string{"alpha"}, "Edited.")
	s := open(t, v1, Options{Dir: t.TempDir()})
	must(t, s.SetNote(pt("beta"), "b"))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, ok := s.Note(pt("beta")); !ok {
				t.Error("the note on beta went missing during a rebind")
				return
			}
			s.Notes()
			s.Orphans()
			s.Position()
		}
	})
	for i := range 10 {
		v := v1
		if i%2 == 0 {
			v = v2
		}
		if _, err := s.Rebind(v); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
	wantNote(t, s, pt("beta"), "b")
}

func entryIDs(es []Entry) string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.Ref.ID)
	}
	return strings.Join(ids, " ")
}

func TestSeedBriefing(t *testing.T) {
	b, err := seeds.Load()
	must(t, err)
	dir := t.TempDir()
	s := open(t, b, Options{Dir: dir})
	first := b.Themes[0].Points[0]
	must(t, s.SetNote(model.Ref{Kind: model.KindPoint, ID: first.ID}, "seed note"))
	sent := b.Sentences()[0]
	must(t, s.SetNote(model.Ref{Kind: model.KindSentence, ID: sent.ID}, "on a sentence"))
	s2 := open(t, b, Options{Dir: dir})
	n := s2.Notes()
	if len(n) != 2 || n[0].Ref.ID != first.ID || n[1].Ref.ID != sent.ID || n[0].Label == "" {
		t.Fatalf("Notes = %+v", n)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Cleanup(xdg.Reload) // runs after the variables below are restored
	env := t.TempDir()
	t.Setenv(EnvDir, filepath.Join(env, "custom"))
	d, err := DefaultDir()
	must(t, err)
	if d != filepath.Join(env, "custom") {
		t.Errorf("with %s set, DefaultDir = %s", EnvDir, d)
	}
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		t.Errorf("DefaultDir did not create %s: %v", d, err)
	}

	xdgHome := t.TempDir()
	t.Setenv(EnvDir, "")
	t.Setenv("XDG_STATE_HOME", xdgHome)
	xdg.Reload()
	d, err = DefaultDir()
	must(t, err)
	if d != filepath.Join(xdgHome, "brief") {
		t.Errorf("DefaultDir = %s, want %s/brief", d, xdgHome)
	}

	// Open with no Dir uses it.
	b := parse(t, "", "Default", []string{"alpha"}, "")
	s := open(t, b, Options{})
	must(t, s.SetNote(pt("alpha"), "x"))
	if filepath.Dir(s.Path()) != d {
		t.Errorf("Open without Dir wrote to %s", s.Path())
	}
}

func TestNoTerminalImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "charm.land/") || strings.Contains(dep, "charmbracelet/bubble") || strings.Contains(dep, "lipgloss") {
			t.Errorf("store depends on %s", dep)
		}
	}
}

func BenchmarkSetNote(b *testing.B) {
	br := parse(b, "", "Bench", []string{"alpha", "beta"}, "")
	s := open(b, br, Options{Dir: b.TempDir()})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := s.SetNote(pt("alpha"), fmt.Sprintf("note %d", i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	br, err := seeds.Load()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	s := open(b, br, Options{Dir: dir})
	for _, p := range br.Points() {
		if err := s.SetNote(model.Ref{Kind: model.KindPoint, ID: p.ID}, "a note on "+p.ID); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		s, _, err := Open(br, Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// TestLinkedPathIsTheSameBriefing: a briefing opened through a link to its
// file is the same briefing, and both ways lead to one state.
func TestLinkedPathIsTheSameBriefing(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	file := writeBriefing(t, files, "real.brief.md", briefingText("Linked", []string{"alpha"}, ""))
	must(t, open(t, file, Options{Dir: dir}).SetNote(pt("alpha"), "via the file"))
	link := filepath.Join(t.TempDir(), "link.brief.md")
	must(t, os.Symlink(file.File, link))
	viaLink, err := model.Load(link)
	must(t, err)
	if Key(viaLink) == Key(file) {
		t.Fatal("the link should have a key of its own")
	}
	s := open(t, viaLink, Options{Dir: dir})
	wantNote(t, s, pt("alpha"), "via the file")
	must(t, s.SetNote(pt("alpha"), "via the link"))
	wantNote(t, open(t, file, Options{Dir: dir}), pt("alpha"), "via the link")
}

// BenchmarkSetNoteLargeState is one save with a legal 20 MB state file
// (20,000 notes of 1 KB): every save reads, merges and writes it whole.
func BenchmarkSetNoteLargeState(b *testing.B) {
	br := parse(b, "", "Bench", []string{"alpha", "beta"}, "")
	dir := b.TempDir()
	s := open(b, br, Options{Dir: dir})
	must(b, s.SetNote(pt("alpha"), "first"))
	st, _, _, err := s.disk.read(s.Path())
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("A note of some length. ", 44)
	for i := range 20000 {
		st.Items[fmt.Sprintf("point:gone-%d", i)] = &item{Note: &noteReg{At: time.Now(), Label: "A point", Text: text}}
	}
	must(b, s.disk.write(s.Path(), st))
	if fi, err := os.Stat(s.Path()); err != nil || fi.Size() < 20<<20 {
		b.Fatalf("state file of %d bytes, want 20 MB", fi.Size())
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := s.SetNote(pt("alpha"), fmt.Sprintf("note %d", i)); err != nil {
			b.Fatal(err)
		}
	}
}
