package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-cli/brief/model"
)

// writeV1 writes a state file the way brief did before state was kept per
// briefing (format brief-state/1): named after the first 16 hex digits of
// the SHA-256 of the article (Source.Body), with the path and title of the
// briefing that last wrote it, keys sorted, two-space indentation. It is
// spelled out here, not made with this package's types, so that it stays
// the old layout whatever the code becomes. It returns the file's path.
func writeV1(t testing.TB, dir string, b *model.Briefing, file, title string, notes map[string]string) string {
	t.Helper()
	sum := sha256.Sum256([]byte(b.Source.Body))
	hash := hex.EncodeToString(sum[:])[:16]
	at := time.Date(2026, 11, 27, 10, 22, 33, 1, time.UTC)
	items := map[string]any{}
	for id, text := range notes {
		items["point:"+id] = map[string]any{
			"bookmark": map[string]any{"at": at, "label": "Point " + id, "on": true},
			"note":     map[string]any{"at": at, "label": "Point " + id, "text": text},
		}
	}
	v := map[string]any{
		"file":     file,
		"format":   "brief-state/1",
		"hash":     hash,
		"items":    items,
		"position": map[string]any{"at": at, "item": "point:beta", "view": "outline"},
		"title":    title,
		"updated":  at,
	}
	data, err := json.MarshalIndent(v, "", "  ")
	must(t, err)
	path := filepath.Join(dir, hash+".json")
	must(t, os.WriteFile(path, append(data, '\n'), 0o600))
	if filepath.Base(path) != Hash(b)+".json" {
		t.Fatalf("the old layout's name %s is not the article's hash %s", path, Hash(b))
	}
	return path
}

// weeks is two briefings of one article in files of their own.
func weeks(t testing.TB) (files string, one, two *model.Briefing) {
	files = t.TempDir()
	one = writeBriefing(t, files, "week1.brief.md", briefingText("Week 1", []string{"alpha", "beta"}, ""))
	two = writeBriefing(t, files, "week2.brief.md", briefingText("Week 2", []string{"alpha", "beta"}, ""))
	if Hash(one) != Hash(two) {
		t.Fatal("the two weeks should share their article")
	}
	return files, one, two
}

func openNotice(t testing.TB, b *model.Briefing, opts Options) (*Store, *ElsewhereNotice) {
	t.Helper()
	s, warn, err := Open(b, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	var n *ElsewhereNotice
	if warn != nil && !errors.As(warn, &n) {
		t.Fatalf("Open warned: %v", warn)
	}
	return s, n
}

// TestOldStateGoesToItsBriefing: an old state file goes to the briefing
// whose file it records, whichever of the article's briefings opens first;
// the other starts empty, says so once, and no note ends up in both.
func TestOldStateGoesToItsBriefing(t *testing.T) {
	for _, firstOwner := range []bool{true, false} {
		dir := t.TempDir()
		_, one, two := weeks(t)
		old := writeV1(t, dir, one, one.File, "Week 1", map[string]string{"alpha": "old note"})
		order := []*model.Briefing{two, one}
		if firstOwner {
			order = []*model.Briefing{one, two}
		}
		for _, b := range order {
			s, notice := openNotice(t, b, Options{Dir: dir})
			switch b {
			case one:
				if notice != nil {
					t.Errorf("owner got a notice: %v", notice)
				}
				wantNote(t, s, pt("alpha"), "old note")
				if !s.Bookmarked(pt("alpha")) {
					t.Error("the old bookmark was not carried over")
				}
				if p, ok := s.Position(); !ok || p.Item != pt("beta") {
					t.Errorf("the old position was not carried over: %+v %v", p, ok)
				}
				if s.MigratedFrom() != Hash(one) {
					t.Errorf("MigratedFrom = %q, want the old file's %q", s.MigratedFrom(), Hash(one))
				}
			case two:
				wantNote(t, s, pt("alpha"), "")
				if notice == nil || notice.Title != "Week 1" || notice.File != one.File {
					t.Fatalf("the other briefing's notice = %+v, want one naming Week 1 and %s", notice, one.File)
				}
				if msg := notice.Error(); !strings.Contains(msg, "“Week 1”") || !strings.HasPrefix(msg, "this briefing starts with notes of its own") {
					t.Errorf("notice %q", msg)
				}
				// Once: the next open says nothing.
				if _, again := openNotice(t, two, Options{Dir: dir}); again != nil {
					t.Errorf("the notice came twice: %v", again)
				}
			}
		}
		// The old file now forwards to the owner's, in the current format.
		data, err := os.ReadFile(old)
		must(t, err)
		var fwd state
		must(t, json.Unmarshal(data, &fwd))
		if fwd.MovedTo != Key(one) || fwd.Format != Format || len(fwd.Items) != 0 {
			t.Errorf("old file after adoption:\n%s", data)
		}
		// Each keeps its own from now on; the old note is in one only.
		s1, s2 := open(t, one, Options{Dir: dir}), open(t, two, Options{Dir: dir})
		must(t, s2.SetNote(pt("beta"), "week 2"))
		must(t, s1.SetNote(pt("beta"), "week 1"))
		for i := range 2 {
			a, b := open(t, one, Options{Dir: dir}), open(t, two, Options{Dir: dir})
			wantNote(t, a, pt("alpha"), "old note")
			wantNote(t, a, pt("beta"), "week 1")
			wantNote(t, b, pt("alpha"), "")
			wantNote(t, b, pt("beta"), "week 2")
			if i == 0 && (len(b.Notes()) != 1 || len(a.Notes()) != 2) {
				t.Errorf("notes: week 1 %d, week 2 %d; want 2 and 1", len(a.Notes()), len(b.Notes()))
			}
		}
	}
}

// TestOldStateByTitleWhenMoved: the file an old state records is gone (the
// briefing moved since): the briefing of that title takes it.
func TestOldStateByTitleWhenMoved(t *testing.T) {
	dir := t.TempDir()
	_, one, two := weeks(t)
	writeV1(t, dir, one, "/gone/week1.brief.md", "Week 1", map[string]string{"alpha": "moved note"})
	s2, n := openNotice(t, two, Options{Dir: dir})
	wantNote(t, s2, pt("alpha"), "")
	if n == nil {
		t.Error("Week 2 was not told where the old notes are")
	}
	s1, n := openNotice(t, one, Options{Dir: dir})
	wantNote(t, s1, pt("alpha"), "moved note")
	if n != nil {
		t.Errorf("Week 1 got a notice: %v", n)
	}
}

// TestOldStateOfAnotherFile: an old state whose file still exists, with the
// same title (a copy), stays with that file.
func TestOldStateOfAnotherFile(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	text := briefingText("Copied", []string{"alpha"}, "")
	orig := writeBriefing(t, files, "orig.brief.md", text)
	cp := writeBriefing(t, files, "copy.brief.md", text)
	writeV1(t, dir, orig, orig.File, "Copied", map[string]string{"alpha": "original's"})
	s, n := openNotice(t, cp, Options{Dir: dir})
	wantNote(t, s, pt("alpha"), "")
	if n == nil || n.File != orig.File {
		t.Errorf("notice %+v, want one naming %s", n, orig.File)
	}
	wantNote(t, open(t, orig, Options{Dir: dir}), pt("alpha"), "original's")
}

// TestOldChainAdopted: before, a changed article left its old file
// forwarding to the new one (both brief-state/1); the state at the end of
// the chain is adopted, and the start of it leads there too.
func TestOldChainAdopted(t *testing.T) {
	dir := t.TempDir()
	_, one, two := weeks(t)
	earlier := parse(t, one.File, "Week 1", []string{"alpha"}, "An earlier article.")
	writeV1(t, dir, one, one.File, "Week 1", map[string]string{"alpha": "at the end"})
	fwd := filepath.Join(dir, Hash(earlier)+".json")
	must(t, os.WriteFile(fwd, []byte(`{"file": "`+one.File+`", "format": "brief-state/1", "hash": "`+Hash(earlier)+`", "moved_to": "`+Hash(one)+`", "title": "Week 1", "updated": "2026-11-27T10:00:00Z"}`+"\n"), 0o600))
	wantNote(t, open(t, one, Options{Dir: dir}), pt("alpha"), "at the end")
	_, n := openNotice(t, two, Options{Dir: dir})
	if n == nil || n.Path != filepath.Join(dir, Key(one)+".json") {
		t.Errorf("notice %+v: want the old notes found in Week 1's file", n)
	}
}

// TestOldStateWithNothingToTell: an old file with no note or bookmark is
// not worth a notice.
func TestOldStateWithNothingToTell(t *testing.T) {
	dir := t.TempDir()
	_, one, two := weeks(t)
	writeV1(t, dir, one, one.File, "Week 1", nil)
	s, n := openNotice(t, two, Options{Dir: dir})
	if n != nil {
		t.Errorf("notice for an old file without notes: %v", n)
	}
	if _, err := os.Stat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open wrote %s with nothing to record", s.Path())
	}
}

// TestCorruptOldStateMovedAside: an old file that cannot be read is moved
// aside and reported, as any other.
func TestCorruptOldStateMovedAside(t *testing.T) {
	dir := t.TempDir()
	_, one, _ := weeks(t)
	path := filepath.Join(dir, Hash(one)+".json")
	must(t, os.WriteFile(path, []byte(`{"format": "brief-state/1", "items": `), 0o600))
	s, warn, err := Open(one, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ce *CorruptError
	if !errors.As(warn, &ce) || ce.Path != path {
		t.Fatalf("warning %v, want a *CorruptError for %s", warn, path)
	}
	if _, err := os.Stat(ce.MovedTo); err != nil {
		t.Errorf("moved-aside file: %v", err)
	}
	must(t, s.SetNote(pt("alpha"), "fine"))
}

// TestAdoptionOnAFullDisk: an adoption that cannot be written loses
// nothing: Open fails, the old file is untouched, and the next Open with
// room adopts it. A notice that cannot be recorded is given again.
func TestAdoptionOnAFullDisk(t *testing.T) {
	dir, fsys, fill, free := fullDisk(t)
	_, one, two := weeks(t)
	old := writeV1(t, dir, one, one.File, "Week 1", map[string]string{"alpha": "old note"})
	before, err := os.ReadFile(old)
	must(t, err)
	fill()
	if _, _, err := Open(one, Options{Dir: dir, FS: fsys}); err == nil || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Open on a full disk: %v, want ENOSPC", err)
	}
	if after, _ := os.ReadFile(old); string(after) != string(before) {
		t.Errorf("the old file changed on a failed adoption:\n%s", after)
	}
	for range 2 {
		if _, n := openNotice(t, two, Options{Dir: dir, FS: fsys}); n == nil {
			t.Error("no notice when it could not be recorded")
		}
	}
	free()
	wantNote(t, open(t, one, Options{Dir: dir, FS: fsys}), pt("alpha"), "old note")
}
