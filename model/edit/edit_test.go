package edit

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copyDraft puts the harbour draft and its article in a fresh folder.
func copyDraft(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"harbour.brief.md", "harbour.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "harbour.brief.md")
}

func open(t *testing.T, name string) *Doc {
	t.Helper()
	d, err := Open(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func apply(t *testing.T, d *Doc, op Op) {
	t.Helper()
	if err := d.Apply(op); err != nil {
		t.Fatalf("%s: %v", op.Describe(), err)
	}
}

// onlyAdded reports whether after is before with lines added and none
// removed or changed: before's lines are a subsequence of after's, in
// order, and the rest of after is new.
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

func (d *Doc) sentence(t *testing.T, i int) string {
	t.Helper()
	return d.Briefing.Sentences()[i].ID
}

func TestAddPointToADraftOnlyAddsLines(t *testing.T) {
	name := copyDraft(t)
	d := open(t, name)
	before := d.Text()
	q, err := d.QuoteOf([]string{d.sentence(t, 3)})
	if err != nil {
		t.Fatal(err)
	}
	claim := "The Trust wanted a fixed bridge"
	apply(t, d, AddPoint{Theme: d.FreshID("theme"), NewTheme: "TODO theme", ID: d.FreshID(claim), Claim: claim, Quote: q})
	if _, err := d.Save(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	if !onlyAdded(before, string(data)) {
		t.Errorf("lines were changed or removed:\n%s", data)
	}
	d2 := open(t, name)
	ps := d2.Briefing.Points()
	if len(ps) != 1 || ps[0].Text != claim || ps[0].Quotes[0].Text != d.Briefing.Sentences()[3].Text {
		t.Fatalf("points %+v", ps)
	}
	// A second point goes at the end of the same theme, again only added.
	before = string(data)
	q2, _ := d2.QuoteOf([]string{d2.sentence(t, 4), d2.sentence(t, 5)})
	apply(t, d2, AddPoint{Theme: ps[0].Theme, ID: "second", Claim: "A fixed bridge blocks tall ships", Quote: q2})
	if !onlyAdded(before, d2.Text()) || len(d2.Briefing.Points()) != 2 || d2.Briefing.Points()[1].ID != "second" {
		t.Errorf("second point:\n%s", d2.Text())
	}
}

func TestUndoRedo(t *testing.T) {
	d := open(t, copyDraft(t))
	orig := d.Text()
	q, _ := d.QuoteOf([]string{d.sentence(t, 0)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "Vote", ID: "a", Claim: "A", Quote: q})
	one := d.Text()
	apply(t, d, NewTheme{ID: "cost", Title: "Cost"})
	apply(t, d, Move{ID: "a", Theme: "cost"})
	if d.Briefing.Point("a").Theme != "cost" {
		t.Fatalf("move to theme: %s", d.Text())
	}
	for range 2 {
		d.Undo()
	}
	if d.Text() != one {
		t.Errorf("two undos:\n%s", d.Text())
	}
	d.Undo()
	if d.Text() != orig || d.Modified() || d.Undo() {
		t.Error("undo does not come back to the file as read")
	}
	for range 3 {
		if !d.Redo() {
			t.Fatal("redo")
		}
	}
	if d.Briefing.Point("a").Theme != "cost" || d.Redo() {
		t.Error("redo does not come back to the last change")
	}
	apply(t, d, Rename{ID: "a", Title: "B"})
	if d.CanRedo() {
		t.Error("a new change keeps the redo stack")
	}
}

func TestOutlineOps(t *testing.T) {
	d := open(t, copyDraft(t))
	s := d.Briefing.Sentences()
	quote := func(i int) Quote { q, _ := d.QuoteOf([]string{s[i].ID}); return q }
	apply(t, d, AddPoint{Theme: "vote", NewTheme: "The vote", ID: "one", Claim: "One", Quote: quote(0)})
	apply(t, d, AddPoint{Theme: "vote", ID: "two", Claim: "Two", Quote: quote(1)})
	apply(t, d, AddPoint{Theme: "vote", ID: "three", Claim: "Three", Quote: quote(2)})
	ids := func() []string {
		var out []string
		for _, p := range d.Briefing.Points() {
			out = append(out, p.ID)
		}
		return out
	}
	apply(t, d, Move{ID: "three", By: -1})
	if got := ids(); !slices.Equal(got, []string{"one", "three", "two"}) {
		t.Errorf("move up: %v", got)
	}
	if err := d.Apply(Move{ID: "one", By: -1}); err == nil {
		t.Error("the first point moved up")
	}
	apply(t, d, Move{ID: "one", By: 1})
	if got := ids(); !slices.Equal(got, []string{"three", "one", "two"}) {
		t.Errorf("move down: %v", got)
	}
	apply(t, d, Rename{ID: "one", Title: "One, reworded {#x}"})
	if p := d.Briefing.Point("one"); p == nil || p.Text != "One, reworded { #x}" {
		t.Errorf("rename: %s", d.Text())
	}
	apply(t, d, Rename{ID: "vote", Title: "Council vote"})
	if d.Briefing.Theme("vote").Title != "Council vote" {
		t.Error("theme rename")
	}
	apply(t, d, AddToList{Item: "two", Key: "actors", IDs: []string{"harbour-trust"}})
	apply(t, d, AddToList{Item: "two", Key: "actors", IDs: []string{"ana-ruiz", "harbour-trust"}})
	if got := d.Briefing.Point("two").Actors; !slices.Equal(got, []string{"harbour-trust", "ana-ruiz"}) {
		t.Errorf("actors %v", got)
	}
	apply(t, d, AddQuote{Item: "two", Quote: quote(3)})
	apply(t, d, Merge{Into: "one", From: "two"})
	if p := d.Briefing.Point("one"); d.Briefing.Point("two") != nil || len(p.Quotes) != 3 || len(p.Actors) != 2 {
		t.Errorf("merge:\n%s", d.Text())
	}
	apply(t, d, Split{ID: "one", NewID: "onb"})
	if p, q := d.Briefing.Point("one"), d.Briefing.Point("onb"); p == nil || q == nil || len(p.Quotes) != 2 || q.Text != p.Text {
		t.Errorf("split:\n%s", d.Text())
	}
	apply(t, d, Delete{ID: "three"})
	if got := ids(); !slices.Equal(got, []string{"one", "onb"}) {
		t.Errorf("delete: %v", got)
	}
	if err := d.Apply(Delete{ID: "vote"}); err == nil {
		t.Error("deleted a theme with points")
	}
	apply(t, d, AddEvent{ID: "e-vote", Title: "The council votes", When: "2024-03-12", Phrase: "on Tuesday", Quote: quote(0)})
	apply(t, d, AddActor{ID: "council", Name: "council", Kind: "government", Stance: "TODO"})
	if d.Briefing.Event("e-vote") == nil || d.Briefing.Actor("council") == nil {
		t.Errorf("event or actor missing:\n%s", d.Text())
	}
	if strings.Contains(d.Text(), "\n\n\n") {
		t.Errorf("a change left two blank lines in a row:\n%s", d.Text())
	}
}

// A change whose text would not load is refused and changes nothing.
func TestBreakingChangeRefused(t *testing.T) {
	d := open(t, copyDraft(t))
	before := d.Text()
	for _, op := range []Op{
		Delete{ID: "nothing"},
		AddEvent{ID: "e-bad", Title: "Bad", When: "2024-13", Quote: Quote{Text: "The vote passed"}},
		AddPoint{Theme: "x", NewTheme: "X", ID: "p", Claim: "C", Quote: Quote{Text: "not in the article"}},
		Rename{ID: "nothing", Title: "x"},
	} {
		if err := d.Apply(op); err == nil {
			t.Errorf("%s was allowed", op.Describe())
		}
	}
	if d.Text() != before || d.CanUndo() {
		t.Error("a refused change changed the text")
	}
}

// A line another program adds to the file while it is open survives the
// next save, and the session's change is made on the new text.
func TestSaveKeepsAChangeMadeOnDisk(t *testing.T) {
	name := copyDraft(t)
	d := open(t, name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 2)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "Damage", ID: "cracks", Claim: "Cracks closed it", Quote: q})
	data, _ := os.ReadFile(name)
	other := strings.Replace(string(data), "- stance: TODO\n", "- stance: TODO\n- note: added elsewhere\n", 1)
	if err := os.WriteFile(name, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := d.Save()
	if err != nil || res != Merged {
		t.Fatalf("save: %v %v", res, err)
	}
	got, _ := os.ReadFile(name)
	if !strings.Contains(string(got), "- note: added elsewhere") || !strings.Contains(string(got), "## Cracks closed it {#cracks}") {
		t.Fatalf("saved:\n%s", got)
	}
	if !onlyAdded(other, string(got)) {
		t.Error("the save changed lines of the other change")
	}
	// A change that no longer applies is refused, and the file left alone.
	apply(t, d, Rename{ID: "cracks", Title: "Cracks"})
	gone := strings.Replace(string(got), "## Cracks closed it {#cracks}", "## Cracks closed it {#girders}", 1)
	os.WriteFile(name, []byte(gone), 0o644)
	if _, err := d.Save(); err == nil || !strings.Contains(err.Error(), "changed on disk") {
		t.Fatalf("conflict: %v", err)
	}
	if now, _ := os.ReadFile(name); string(now) != gone {
		t.Error("a refused save wrote the file")
	}
	if err := d.Reload(); err != nil || d.Text() != gone || d.Modified() {
		t.Errorf("reload: %v", err)
	}
}

// Opening and saving without a change leaves every briefing of the
// repository byte-identical, and so does a change undone.
func TestOpenSaveIsByteIdentical(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../testdata/*/*.brief.md", "../../testdata/*.brief.md", "../testdata/*.brief.md", "../../docs/examples/*.brief.md", "../../seeds/*.brief.md", "testdata/*.brief.md"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	opened := 0
	for _, f := range files {
		dir := t.TempDir()
		// The article files beside the briefing come along.
		src := filepath.Dir(f)
		entries, _ := os.ReadDir(src)
		for _, e := range entries {
			if e.Type().IsRegular() {
				data, _ := os.ReadFile(filepath.Join(src, e.Name()))
				os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
			}
		}
		name := filepath.Join(dir, filepath.Base(f))
		orig, _ := os.ReadFile(name)
		d, err := Open(name)
		if err != nil {
			continue // a broken briefing kept as a test case
		}
		opened++
		if res, err := d.Save(); err != nil || res != Unchanged {
			t.Errorf("%s: save without a change: %v %v", f, res, err)
		}
		if s := d.Outline.Themes(); len(s) > 0 {
			apply(t, d, NewTheme{ID: d.FreshID("new theme"), Title: "New theme"})
			d.Undo()
		}
		if _, err := d.Save(); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(name); string(got) != string(orig) {
			t.Errorf("%s changed on a save without a change", f)
		}
	}
	if opened < 4 {
		t.Fatalf("only %d briefings opened of %v", opened, files)
	}
}

// Marking an item reviewed removes its "- draft: yes" line and nothing else.
func TestMarkReviewed(t *testing.T) {
	name := copyDraft(t)
	data, _ := os.ReadFile(name)
	marked := strings.Replace(string(data), "- kind: group\n", "- kind: group\n- draft: yes\n", 1)
	marked = strings.Replace(marked, "# Timeline\n", "# Theme: Drafted {#drafted}\n\n- draft: yes\n\n# Timeline\n", 1)
	os.WriteFile(name, []byte(marked), 0o644)
	d := open(t, name)
	if got := d.Status().Drafted.Total(); got != 2 {
		t.Fatalf("drafted %d, want 2", got)
	}
	apply(t, d, MarkReviewed{ID: "harbour-trust"})
	apply(t, d, MarkReviewed{ID: "drafted"})
	if d.Status().Drafted.Total() != 0 || strings.Replace(string(data), "# Timeline\n", "# Theme: Drafted {#drafted}\n\n# Timeline\n", 1) != d.Text() {
		t.Errorf("after review:\n%s", d.Text())
	}
	if err := d.Apply(MarkReviewed{ID: "ana-ruiz"}); err == nil {
		t.Error("an item with no marker was marked reviewed")
	}
}

func TestSetFieldAndMeta(t *testing.T) {
	d := open(t, copyDraft(t))
	before := d.Text()
	apply(t, d, SetField{Item: "harbour-trust", Key: "stance", Value: "Wanted a fixed bridge"})
	apply(t, d, SetField{Item: "e-2019", Key: "when", Value: "2019~"})
	apply(t, d, SetField{Item: "ana-ruiz", Key: "aliases", Value: "Ruiz"})
	apply(t, d, SetMeta{Key: "subject", Value: "the new bridge"})
	apply(t, d, SetMeta{Key: "publisher", Value: "The Elwin Gazette"})
	b := d.Briefing
	if b.Actor("harbour-trust").Stance != "Wanted a fixed bridge" || b.Event("e-2019").When.String() != "2019~" ||
		len(b.Actor("ana-ruiz").Aliases) != 1 || b.Subject != "the new bridge" || b.Source.Publisher != "The Elwin Gazette" {
		t.Errorf("fields not set:\n%s", d.Text())
	}
	// Four lines changed in place, two added: the line count grew by two.
	if got, want := strings.Count(d.Text(), "\n"), strings.Count(before, "\n")+2; got != want {
		t.Errorf("%d lines, want %d:\n%s", got, want, d.Text())
	}
	if err := d.Apply(SetField{Item: "e-2019", Key: "when", Value: "2019-13"}); err == nil {
		t.Error("a bad date was set")
	}
}

// Deleting an actor takes it out of the lists that name it.
func TestDeleteDropsReferences(t *testing.T) {
	d := open(t, copyDraft(t))
	q, _ := d.QuoteOf([]string{d.sentence(t, 0)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "T", ID: "pt", Claim: "C", Quote: q})
	apply(t, d, AddToList{Item: "pt", Key: "actors", IDs: []string{"harbour-trust", "ana-ruiz"}})
	apply(t, d, Delete{ID: "ana-ruiz"})
	b := d.Briefing
	if b.Actor("ana-ruiz") != nil || len(b.Event("e-next-month").Actors) != 0 || !slices.Equal(b.Point("pt").Actors, []string{"harbour-trust"}) {
		t.Errorf("after delete:\n%s", d.Text())
	}
	if strings.Contains(d.Text(), "- actors: \n") || strings.Contains(d.Text(), "ana-ruiz") {
		t.Errorf("a reference is left:\n%s", d.Text())
	}
}

// A briefing that holds its article in a # Source section gets new
// sections before it, never inside the article.
func TestNewSectionsBeforeSource(t *testing.T) {
	dir := t.TempDir()
	text := `---
format: brief/1
title: T
source: S
published: 2024-01-01
---

# Source

The council met on Monday. It voted to build a bridge in 2019.
`
	name := filepath.Join(dir, "s.brief.md")
	os.WriteFile(name, []byte(text), 0o644)
	d := open(t, name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 1)})
	apply(t, d, AddEvent{ID: "e-vote", Title: "Vote", When: "2019", Quote: q})
	apply(t, d, AddActor{ID: "council", Name: "council", Kind: "government", Stance: "TODO"})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "T", ID: "pt", Claim: "C", Quote: q})
	if len(d.Briefing.Source.Paragraphs) != 1 || !strings.HasSuffix(d.Text(), "# Source\n\nThe council met on Monday. It voted to build a bridge in 2019.\n") || !onlyAdded(text, d.Text()) {
		t.Errorf("after the changes:\n%s", d.Text())
	}
	if strings.Contains(d.Text(), "\n\n\n") || !strings.Contains(d.Text(), "\n\n# Source") {
		t.Errorf("blank lines:\n%s", d.Text())
	}
}

// Undoing a change after a save that merged a change made on disk takes
// back that change only: the other program's line survives the next save.
// Undoing further, past what the file held when the other program wrote
// it, is refused at the save instead of writing over that line.
func TestUndoAfterMergedSaveKeepsTheChangeMadeOnDisk(t *testing.T) {
	name := copyDraft(t)
	d := open(t, name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 2)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "Damage", ID: "cracks", Claim: "Cracks closed it", Quote: q})
	if _, err := d.Save(); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(name)
	other := strings.Replace(string(saved), "- stance: TODO\n", "- stance: TODO\n- note: added elsewhere\n", 1)
	if err := os.WriteFile(name, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	q2, _ := d.QuoteOf([]string{d.sentence(t, 3)})
	apply(t, d, AddPoint{Theme: "t", ID: "beams", Claim: "Beams bent", Quote: q2})
	if res, err := d.Save(); err != nil || res != Merged {
		t.Fatalf("save: %v %v", res, err)
	}
	if !d.Undo() {
		t.Fatal("nothing to undo")
	}
	if d.Text() != other {
		t.Fatalf("undo after the merge did not give the file with the other change:\n%s", d.Text())
	}
	if _, err := d.Save(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(name); string(got) != other {
		t.Fatalf("saved:\n%s", got)
	}
	// The state before the first change never held the other line.
	if !d.Undo() {
		t.Fatal("nothing more to undo")
	}
	var ce *ConflictError
	if _, err := d.Save(); !errors.As(err, &ce) {
		t.Fatalf("saving a state from before the change on disk: %v", err)
	}
	if got, _ := os.ReadFile(name); string(got) != other {
		t.Error("a refused save wrote the file")
	}
}

// Two drafted points merge: every point of a fresh draft carries the same
// "- draft: yes" line, which the merged point holds once, not twice.
func TestMergeDraftedPoints(t *testing.T) {
	name := copyDraft(t)
	d := open(t, name)
	s := d.Briefing.Sentences()
	quote := func(i int) Quote { q, _ := d.QuoteOf([]string{s[i].ID}); return q }
	apply(t, d, AddPoint{Theme: "vote", NewTheme: "The vote", ID: "one", Claim: "One", Quote: quote(0)})
	apply(t, d, AddPoint{Theme: "vote", ID: "two", Claim: "Two", Quote: quote(1)})
	apply(t, d, AddToList{Item: "one", Key: "events", IDs: []string{"e-tuesday"}})
	apply(t, d, AddToList{Item: "two", Key: "actors", IDs: []string{"ana-ruiz"}})
	text := d.Text()
	// Mark both drafted, the lower first so the upper's end still holds.
	two, one := d.Outline.Item("two"), d.Outline.Item("one")
	lines := strings.Split(text, "\n")
	lines = slices.Insert(lines, two.End, "- draft: yes")
	lines = slices.Insert(lines, one.End, "- draft: yes")
	if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	d = open(t, name)
	if !d.Briefing.Point("one").Draft || !d.Briefing.Point("two").Draft {
		t.Fatalf("not drafted:\n%s", d.Text())
	}
	apply(t, d, Merge{Into: "one", From: "two"})
	p := d.Briefing.Point("one")
	if d.Briefing.Point("two") != nil || len(p.Quotes) != 2 || !slices.Equal(p.Actors, []string{"ana-ruiz"}) || !p.Draft {
		t.Errorf("merge:\n%s", d.Text())
	}
	if n := strings.Count(d.Text(), "- draft: yes"); n != 1 {
		t.Errorf("%d draft lines:\n%s", n, d.Text())
	}
}

// A point's first actor goes into its list of fields, before the
// "- draft: yes" line, not after a blank line of its own.
func TestAddToListJoinsTheFields(t *testing.T) {
	name := copyDraft(t)
	d := open(t, name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 0)})
	apply(t, d, AddPoint{Theme: "vote", NewTheme: "The vote", ID: "one", Claim: "One", Quote: q})
	apply(t, d, AddToList{Item: "one", Key: "events", IDs: []string{"e-tuesday"}})
	lines := strings.Split(d.Text(), "\n")
	end := slices.Index(lines, "- events: e-tuesday")
	if end < 0 {
		t.Fatalf("no events line:\n%s", d.Text())
	}
	lines = slices.Insert(lines, end+1, "- draft: yes")
	if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	d = open(t, name)
	before := d.Text()
	apply(t, d, AddToList{Item: "one", Key: "actors", IDs: []string{"ana-ruiz"}})
	want := "- events: e-tuesday\n- actors: ana-ruiz\n- draft: yes\n"
	if !strings.Contains(d.Text(), want) || !onlyAdded(before, d.Text()) {
		t.Errorf("want %q in:\n%s", want, d.Text())
	}
	if p := d.Briefing.Point("one"); !p.Draft || !slices.Equal(p.Actors, []string{"ana-ruiz"}) {
		t.Errorf("point %+v", p)
	}
}

// A session that must end unsaved keeps its text beside the file, and the
// file is left alone; a session without changes writes nothing.
func TestKeepUnsaved(t *testing.T) {
	name := copyDraft(t)
	d := open(t, name)
	if p, err := d.KeepUnsaved(); p != "" || err != nil {
		t.Fatalf("nothing unsaved, yet %q %v", p, err)
	}
	before, _ := os.ReadFile(name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 2)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "Damage", ID: "cracks", Claim: "Cracks closed it", Quote: q})
	p, err := d.KeepUnsaved()
	if err != nil || p != UnsavedName(name) {
		t.Fatalf("%q %v", p, err)
	}
	if got, _ := os.ReadFile(p); string(got) != d.Text() {
		t.Errorf("kept:\n%s", got)
	}
	if now, _ := os.ReadFile(name); string(now) != string(before) {
		t.Error("the file itself was written")
	}
}
