package edit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/edit"
)

func openDraft(t *testing.T) *edit.Doc {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"harbour.brief.md", "harbour.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "model", "edit", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	d, err := edit.Open(filepath.Join(dir, "harbour.brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sized(t *testing.T, w, h int) Model {
	m := New(openDraft(t), "dark", true, false)
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// keyMsg makes the key press a tmux user would send.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+r":
		return tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys, running the commands they return (prompt answers).
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var cmd tea.Cmd
		var next tea.Model
		next, cmd = m.Update(keyMsg(k))
		m = next.(Model)
		for cmd != nil {
			msg := cmd()
			if msg == nil {
				break
			}
			next, cmd = m.Update(msg)
			m = next.(Model)
		}
	}
	return m
}

func typed(m Model, s string) Model {
	for _, r := range s {
		m = press(m, string(r))
	}
	return m
}

func plainView(m Model) string { return ansi.Strip(m.render()) }

// Every view fits its screen: no line wider, none more than the height.
func checkFits(t *testing.T, m Model) {
	t.Helper()
	lines := strings.Split(plainView(m), "\n")
	if len(lines) > m.h {
		t.Errorf("%d lines on a %d-line screen", len(lines), m.h)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.w {
			t.Errorf("line %d is %d wide on a %d-column screen: %q", i, w, m.w, l)
		}
	}
}

func TestViews(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := sized(t, size[0], size[1])
			m = press(m, "j", "j", "J", "p")
			checkFits(t, m)
			golden.RequireEqual(t, []byte(plainView(m)))
			m = press(m, "enter", "tab")
			checkFits(t, m)
			m = press(m, "?")
			checkFits(t, m)
		})
	}
	if got := plainView(sized(t, 59, 20)); !strings.Contains(got, "too small") {
		t.Errorf("below the minimum: %q", got)
	}
}

// Three j, p, a claim, enter: a point quoting the fourth sentence; ctrl+s
// writes it; u takes a second one back.
func TestPointFromTheSelection(t *testing.T) {
	m := sized(t, 80, 24)
	fourth := m.doc.Briefing.Sentences()[3].Text
	m = press(m, "j", "j", "j", "p", "ctrl+u")
	m = typed(m, "The Trust wanted a fixed bridge")
	m = press(m, "enter")
	ps := m.doc.Briefing.Points()
	if len(ps) != 1 || ps[0].Text != "The Trust wanted a fixed bridge" || ps[0].Quotes[0].Text != fourth {
		t.Fatalf("points %+v\n%s", ps, plainView(m))
	}
	if !strings.Contains(plainView(m), "point: The Trust wanted a fixed bridge") {
		t.Errorf("the header does not name the current point:\n%s", plainView(m))
	}
	m = press(m, "ctrl+s")
	data, _ := os.ReadFile(m.doc.Name)
	if !strings.Contains(string(data), "## The Trust wanted a fixed bridge {#") || m.doc.Modified() {
		t.Errorf("not saved:\n%s", data)
	}
	m = press(m, "j", "p", "enter")
	if len(m.doc.Briefing.Points()) != 2 {
		t.Fatalf("second point: %s", plainView(m))
	}
	m = press(m, "u")
	if len(m.doc.Briefing.Points()) != 1 || m.doc.Modified() {
		t.Error("u did not take the second point back")
	}
	m = press(m, "ctrl+r")
	if len(m.doc.Briefing.Points()) != 2 {
		t.Error("ctrl+r did not bring it back")
	}
	// c cites the selection in the current point; a names an actor.
	m = press(m, "j", "c")
	if p := m.doc.Briefing.Point(m.current); p == nil || len(p.Quotes) != 2 {
		t.Errorf("c: %s", plainView(m))
	}
	m = press(m, "a", "enter")
	if p := m.doc.Briefing.Point(m.current); len(p.Actors) != 1 {
		t.Errorf("a: %s", plainView(m))
	}
	// q with unsaved changes asks first.
	m = press(m, "q")
	if m.quitting || !strings.Contains(plainView(m), "q again") {
		t.Errorf("q quit with unsaved changes: %s", plainView(m))
	}
}

// e asks for a title, then a date drafted from the selection and checked.
func TestEventFromTheSelection(t *testing.T) {
	m := sized(t, 80, 24)
	m = press(m, "j", "j", "e", "enter")
	if m.prompt == nil || m.prompt.in.Value() != "2019" {
		t.Fatalf("the date is not drafted from the sentence:\n%s", plainView(m))
	}
	m = press(m, "ctrl+u")
	m = typed(m, "2019-13")
	m = press(m, "enter")
	if m.prompt == nil || !strings.Contains(plainView(m), "date:") {
		t.Fatalf("a bad date was taken:\n%s", plainView(m))
	}
	m = press(m, "ctrl+u")
	m = typed(m, "2019~")
	n := len(m.doc.Briefing.Timeline)
	m = press(m, "enter")
	if len(m.doc.Briefing.Timeline) != n+1 {
		t.Errorf("no event:\n%s", plainView(m))
	}
}

// The outline renames, moves, merges, splits and deletes.
func TestOutlineKeys(t *testing.T) {
	m := sized(t, 120, 30)
	m = press(m, "p", "enter", "j", "p", "enter", "tab", "t")
	m = typed(m, "Costs")
	m = press(m, "enter")
	if len(m.doc.Briefing.Themes) != 2 {
		t.Fatalf("new theme:\n%s", plainView(m))
	}
	m.outline = m.outline.Select(m.doc.Briefing.Themes[0].Points[1].ID)
	m = press(m, "K")
	first := m.doc.Briefing.Themes[0].Points[0]
	m = press(m, "r", "ctrl+u")
	m = typed(m, "Renamed")
	m = press(m, "enter")
	if m.doc.Briefing.Point(first.ID).Text != "Renamed" {
		t.Fatalf("rename:\n%s", plainView(m))
	}
	m = press(m, "M")
	if p := m.doc.Briefing.Point(first.ID); len(m.doc.Briefing.Points()) != 1 || len(p.Quotes) != 2 {
		t.Fatalf("merge:\n%s", plainView(m))
	}
	m = press(m, "S")
	if len(m.doc.Briefing.Points()) != 2 {
		t.Fatalf("split:\n%s", plainView(m))
	}
	m = press(m, "m", "enter")
	if m.doc.Briefing.Point(first.ID).Theme != m.doc.Briefing.Themes[1].ID {
		t.Fatalf("move to theme:\n%s", plainView(m))
	}
	m.outline = m.outline.Select(first.ID)
	m = press(m, "d")
	if m.doc.Briefing.Point(first.ID) != nil {
		t.Fatalf("delete:\n%s", plainView(m))
	}
}

// docs/keys.md names every key of edit mode.
func TestKeysDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/keys.md")
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(doc), "# Keys of edit mode")
	if i < 0 {
		t.Fatal("docs/keys.md has no edit mode")
	}
	section := string(doc[i:])
	for _, col := range AllBindings() {
		for _, b := range col {
			for _, k := range b.Keys() {
				name := k
				if n, ok := map[string]string{"up": "↑", "down": "↓", "pgdown": "pgdn", "shift+up": "shift+↑", "shift+down": "shift+↓"}[k]; ok {
					name = n
				}
				if !strings.Contains(section, "`"+name+"`") {
					t.Errorf("docs/keys.md does not list %q (%s) under edit mode", k, b.Help().Desc)
				}
			}
		}
	}
}

// Help lists every binding, from the bindings themselves.
func TestHelpListsEveryKey(t *testing.T) {
	m := press(sized(t, 200, 50), "?")
	v := plainView(m)
	for _, col := range AllBindings() {
		for _, b := range col {
			if h := b.Help(); !strings.Contains(v, h.Key+" "+h.Desc) {
				t.Errorf("help lacks %q %q", h.Key, h.Desc)
			}
		}
	}
	var _ key.Binding
}

// At the smallest size, help still lists every key.
func TestHelpAtTheMinimum(t *testing.T) {
	v := plainView(press(sized(t, 60, 20), "?"))
	for _, col := range AllBindings() {
		for _, b := range col {
			if h := b.Help(); !strings.Contains(v, h.Key+" "+h.Desc) {
				t.Errorf("help at 60x20 lacks %q %q:\n%s", h.Key, h.Desc, v)
			}
		}
	}
}

// f sets an actor's stance, F its kind, b the subject; a bad date is
// refused at the prompt.
func TestFieldKeys(t *testing.T) {
	m := press(sized(t, 120, 30), "tab")
	m.outline = m.outline.Select("harbour-trust")
	m = press(m, "f")
	m = typed(m, "Wants a fixed bridge")
	m = press(m, "enter", "F", "tab", "enter", "b")
	m = typed(m, "the new bridge")
	m = press(m, "enter")
	b := m.doc.Briefing
	if a := b.Actor("harbour-trust"); a.Stance != "Wants a fixed bridge" || a.Kind == "group" || b.Subject != "the new bridge" {
		t.Errorf("stance %q kind %q subject %q", a.Stance, a.Kind, b.Subject)
	}
	m.outline = m.outline.Select("e-2019")
	m = press(m, "f", "ctrl+u")
	m = typed(m, "2019-99")
	m = press(m, "enter")
	if m.prompt == nil || m.doc.Briefing.Event("e-2019").When.String() != "2019" {
		t.Errorf("a bad date was taken:\n%s", plainView(m))
	}
}

// A click on a sentence selects it.
func TestClickSelects(t *testing.T) {
	m := sized(t, 80, 24)
	want := m.doc.Briefing.Sentences()[2]
	lines := strings.Split(plainView(m), "\n")
	y := -1
	for i, l := range lines {
		if strings.Contains(l, want.Text[:30]) {
			y = i
		}
	}
	if y < 0 {
		t.Fatalf("sentence not on screen:\n%s", plainView(m))
	}
	next, _ := m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, X: 5, Y: y})
	m = next.(Model)
	if sel := m.canvas.Selection(); len(sel) != 1 || sel[0] != want.ID {
		t.Errorf("selection %v, want %s", sel, want.ID)
	}
}

// A save refused because the file changed on disk says how to go on, and
// writes nothing until asked again.
func TestConflictingSave(t *testing.T) {
	m := press(sized(t, 60, 20), "p", "enter")
	os.WriteFile(m.doc.Name, []byte(strings.Replace(m.doc.Text(), "{#harbour-trust}", "{#trust}", 1)), 0o644)
	// The point's actor list names the old id only after a, so make it.
	m = press(m, "a", "enter")
	other, _ := os.ReadFile(m.doc.Name)
	m = press(m, "ctrl+s")
	if v := plainView(m); !strings.Contains(v, "changed on disk") || !strings.Contains(v, "ctrl+s again") {
		t.Fatalf("no conflict message:\n%s", v)
	}
	// The reason is on the screen too, not cut off at 60 columns.
	if v := strings.Join(strings.Fields(plainView(m)), " "); !strings.Contains(v, "is taken (add point") {
		t.Errorf("the conflict's reason is cut:\n%s", plainView(m))
	}
	checkFits(t, m)
	if now, _ := os.ReadFile(m.doc.Name); string(now) != string(other) {
		t.Fatal("a refused save wrote the file")
	}
	m = press(m, "ctrl+s")
	if now, _ := os.ReadFile(m.doc.Name); string(now) != m.doc.Text() {
		t.Error("ctrl+s again did not write the session's text")
	}
}

// A key typed right after enter acts on the screen, not on the prompt just
// answered: the answer is taken at once, not by a later message.
func TestKeyAfterEnterIsNotLost(t *testing.T) {
	m := sized(t, 80, 24)
	for _, k := range []string{"p", "enter", "j"} {
		next, _ := m.Update(keyMsg(k)) // the commands are not run
		m = next.(Model)
	}
	if len(m.doc.Briefing.Points()) != 1 || m.canvas.cursor != 1 || m.prompt != nil {
		t.Errorf("points %d, cursor %d, prompt open %v", len(m.doc.Briefing.Points()), m.canvas.cursor, m.prompt != nil)
	}
}

// Moving onto a sentence a point cites makes that point the current one.
func TestCursorFollowsPoints(t *testing.T) {
	m := press(sized(t, 80, 24), "p", "enter", "j", "j", "p", "enter")
	first := m.doc.Briefing.Points()[0].ID
	m = press(m, "k", "k")
	if m.current != first {
		t.Errorf("current %q, want %q", m.current, first)
	}
}

// A drafted item shows ✎ in the outline until v marks it reviewed.
func TestReviewKey(t *testing.T) {
	d := openDraft(t)
	text := strings.Replace(d.Text(), "- kind: group\n", "- kind: group\n- draft: yes\n", 1)
	os.WriteFile(d.Name, []byte(text), 0o644)
	d, err := edit.Open(d.Name)
	if err != nil {
		t.Fatal(err)
	}
	m := New(d, "dark", true, false)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	m = next.(Model)
	if !strings.Contains(plainView(m), "✎ Harbour Trust") || !strings.Contains(plainView(m), "1 drafted item to review") {
		t.Fatalf("no draft mark:\n%s", plainView(m))
	}
	m = press(m, "tab")
	m.outline = m.outline.Select("harbour-trust")
	m = press(m, "v")
	if strings.Contains(plainView(m), "✎") || m.doc.Briefing.Actor("harbour-trust").Draft {
		t.Errorf("still drafted:\n%s", plainView(m))
	}
}

// x cuts the quote to a clause of the sentence; p quotes just that.
func TestClauseQuote(t *testing.T) {
	m := sized(t, 80, 24)
	m = press(m, "j", "j", "j", "x", "x")
	if got := m.canvas.Part(); got != "which owns the quays" {
		t.Fatalf("part %q", got)
	}
	checkFits(t, m)
	if !strings.Contains(plainView(m), "which owns the quays") {
		t.Errorf("the sentence is not shown whole:\n%s", plainView(m))
	}
	m = press(m, "p", "enter")
	ps := m.doc.Briefing.Points()
	if len(ps) != 1 || ps[0].Quotes[0].Text != "which owns the quays" {
		t.Fatalf("points %d, quote %q:\n%s", len(ps), ps[0].Quotes[0].Text, m.doc.Text())
	}
	m = press(m, "x", "x") // the third clause, then the whole sentence
	if m.canvas.Part() != "" {
		t.Errorf("x does not come back to the whole sentence: %q", m.canvas.Part())
	}
}

// On opening, the current point is the one citing the sentence under the
// cursor, as after a move, not the last point of the file: p, c and a act
// on what the author sees first.
func TestOpenFollowsTheCursor(t *testing.T) {
	m := press(sized(t, 80, 24), "p", "enter", "j", "j", "p", "enter", "ctrl+s")
	first := m.doc.Briefing.Points()[0].ID
	d, err := edit.Open(m.doc.Name)
	if err != nil {
		t.Fatal(err)
	}
	m2 := New(d, "dark", true, false)
	if m2.current != first {
		t.Errorf("current %q on opening, want %q, which cites the first sentence", m2.current, first)
	}
}

// n with no sentence left to cite says so instead of doing nothing.
func TestNextUncitedWhenAllAreCited(t *testing.T) {
	m := sized(t, 80, 24)
	for range m.doc.Briefing.Sentences() {
		m = press(m, "p", "enter", "j")
	}
	before := m.canvas.cursor
	m = press(m, "n")
	if m.canvas.cursor != before || !strings.Contains(plainView(m), "every sentence is cited") {
		t.Errorf("cursor %d → %d, view:\n%s", before, m.canvas.cursor, plainView(m))
	}
}

// After an undo or a redo the outline's cursor is on the item the change
// touched: a deleted point brought back, a moved or renamed one.
func TestUndoLandsOnTheItem(t *testing.T) {
	m := sized(t, 120, 30)
	m = press(m, "p", "enter", "j", "p", "enter", "j", "p", "enter", "tab")
	ps := m.doc.Briefing.Points()
	if len(ps) != 3 {
		t.Fatalf("three points:\n%s", plainView(m))
	}
	at := func(want, what string) {
		t.Helper()
		if got := m.outline.Current().id; got != want {
			t.Errorf("%s: the cursor is on %q, want %q\n%s", what, got, want, plainView(m))
		}
	}
	// Delete the middle point, undo: back on it, not on the next one.
	m.outline = m.outline.Select(ps[1].ID)
	m = press(m, "d")
	at(ps[2].ID, "after d")
	m = press(m, "u")
	at(ps[1].ID, "d then u")
	if m.current != ps[1].ID {
		t.Errorf("d then u: current point %q, want %q", m.current, ps[1].ID)
	}
	// Redo takes it away again: the cursor stays near.
	m = press(m, "ctrl+r")
	if m.doc.Briefing.Point(ps[1].ID) != nil {
		t.Fatal("redo did not delete")
	}
	m = press(m, "u")
	at(ps[1].ID, "undo after redo")
	// Move down, then go elsewhere and undo: the moved point.
	m.outline = m.outline.Select(ps[0].ID)
	m = press(m, "J", "g")
	m = press(m, "u")
	at(ps[0].ID, "J then u")
	m = press(m, "g", "ctrl+r")
	at(ps[0].ID, "J redone")
	// Rename, go elsewhere, undo.
	m.outline = m.outline.Select(ps[2].ID)
	m = press(m, "r", "ctrl+u")
	m = typed(m, "Renamed")
	m = press(m, "enter", "g", "u")
	at(ps[2].ID, "r then u")
	m = press(m, "g", "ctrl+r")
	at(ps[2].ID, "r redone")
	// Merge the next point in, go elsewhere, undo: the point merged into.
	m.outline = m.outline.Select(ps[0].ID)
	m = press(m, "M", "g", "u")
	at(ps[0].ID, "M then u")
}

// A refused date says what is wrong, where, and the forms a date takes,
// on the screens' smallest sizes too, with the input still there to fix.
func TestBadDateSaysWhereAndWhich(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		m := sized(t, size[0], size[1])
		m = press(m, "j", "j", "e", "enter", "ctrl+u")
		m = typed(m, "2019-13")
		m = press(m, "enter")
		checkFits(t, m)
		v := plainView(m)
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range []string{"month 13", "column 6", "2021-08", "198X", "2016~", "../2019", "2019-13"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the message lacks %q:\n%s", size[0], size[1], want, v)
			}
		}
		if m.prompt == nil {
			t.Fatalf("%dx%d: the prompt closed", size[0], size[1])
		}
	}
}

// withRecovery opens the draft with a recovery file beside it holding one
// more point, as a session ended by a signal leaves it.
func withRecovery(t *testing.T, w, h int) (Model, string) {
	t.Helper()
	d := openDraft(t)
	q, err := d.QuoteOf([]string{d.Briefing.Sentences()[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(edit.AddPoint{Theme: "t", NewTheme: "Damage", ID: "cracks", Claim: "Cracks closed the bridge", Quote: q}); err != nil {
		t.Fatal(err)
	}
	kept, err := d.KeepUnsaved()
	if err != nil {
		t.Fatal(err)
	}
	d2, err := edit.Open(d.Name)
	if err != nil {
		t.Fatal(err)
	}
	m := New(d2, "dark", true, false)
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model), kept
}

// The next session offers the unsaved work: r restores it as a change u
// undoes and ctrl+s writes, which then removes the recovery file.
func TestRecoveryRestore(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		m, kept := withRecovery(t, size[0], size[1])
		v := plainView(m)
		checkFits(t, m)
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range []string{"ended unsaved", filepath.Base(kept), "r restore", "d discard", "keep"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the question lacks %q:\n%s", size[0], size[1], want, v)
			}
		}
		// Other keys do nothing until it is answered.
		m = press(m, "p")
		if m.prompt != nil || m.recover == nil {
			t.Fatalf("p went past the question:\n%s", plainView(m))
		}
		m = press(m, "r")
		if m.recover != nil || m.doc.Briefing.Point("cracks") == nil || !m.doc.Modified() {
			t.Fatalf("not restored:\n%s", plainView(m))
		}
		m = press(m, "u")
		if m.doc.Briefing.Point("cracks") != nil {
			t.Fatal("u does not undo the restore")
		}
		m = press(m, "ctrl+r", "ctrl+s")
		if data, _ := os.ReadFile(m.doc.Name); !strings.Contains(string(data), "Cracks closed the bridge") {
			t.Errorf("ctrl+s did not write it:\n%s", data)
		}
		if _, err := os.Stat(kept); err == nil {
			t.Error("the recovery file stayed after its text was saved")
		}
	}
}

// d asks before it deletes; k keeps the file for the next session.
func TestRecoveryDiscardAndKeep(t *testing.T) {
	m, kept := withRecovery(t, 80, 24)
	m = press(m, "d")
	if _, err := os.Stat(kept); err != nil {
		t.Fatal("d deleted without asking")
	}
	if !strings.Contains(plainView(m), "y deletes") {
		t.Errorf("d does not ask:\n%s", plainView(m))
	}
	m = press(m, "n")
	if _, err := os.Stat(kept); err != nil || m.recover == nil {
		t.Fatal("n after d deleted or closed the question")
	}
	m = press(m, "k")
	if m.recover != nil || m.doc.Modified() {
		t.Fatal("k changed the briefing or left the question open")
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatal("k did not keep the file")
	}
	// q quits at the question, the file kept.
	m3, kept3 := withRecovery(t, 80, 24)
	if m3 = press(m3, "q"); !m3.quitting {
		t.Error("q does not quit at the question")
	}
	if _, err := os.Stat(kept3); err != nil {
		t.Error("q removed the recovery file")
	}
	m2, _ := withRecovery(t, 80, 24)
	m2 = press(m2, "d", "y")
	if m2.recover != nil || len(edit.UnsavedFiles(m2.doc.Name)) != 0 {
		t.Fatalf("d y did not delete:\n%s", plainView(m2))
	}
}

// A recovery file that no longer loads is reported at its line and column
// and kept.
func TestRecoveryBroken(t *testing.T) {
	m, kept := withRecovery(t, 80, 24)
	data, _ := os.ReadFile(kept)
	broken := strings.Replace(string(data), "- when: 2019\n", "- when: 2019-13\n", 1)
	os.WriteFile(kept, []byte(broken), 0o644)
	m = New(m.doc, "dark", true, false)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	line := 1 + strings.Count(broken[:strings.Index(broken, "2019-13")], "\n")
	flat := strings.Join(strings.Fields(plainView(m)), " ")
	if want := fmt.Sprintf("%s:%d:", filepath.Base(kept), line); !strings.Contains(flat, want) || !strings.Contains(flat, "kept") {
		t.Errorf("no %q in:\n%s", want, plainView(m))
	}
	m = press(m, "r", "d", "y")
	if got, _ := os.ReadFile(kept); string(got) != broken || m.doc.Modified() {
		t.Error("a broken recovery file was restored or touched")
	}
}

// The status line keeps its counts and the footer its most needed keys
// and ? help, uncut, at the smallest sizes, when --strict wants much.
func TestStatusAndKeysFit(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {200, 50}} {
		m := sized(t, size[0], size[1])
		for _, op := range []edit.Op{
			edit.AddActor{ID: "zed", Name: "Zebulon Quarrier", Kind: "person", Stance: "unknown"},
			edit.SetField{Item: "e-2019", Key: "draft", Value: "yes"},
			edit.SetField{Item: "e-2027", Key: "draft", Value: "yes"},
		} {
			if err := m.doc.Apply(op); err != nil {
				t.Fatal(err)
			}
		}
		m.refresh()
		st := m.doc.Status()
		if st.Warnings == 0 || st.Drafted.Total() == 0 || st.TODOs == 0 {
			t.Fatalf("the setup wants much: %+v", st)
		}
		for _, pane := range []string{"article", "outline"} {
			if pane == "outline" {
				m = press(m, "tab")
			}
			checkFits(t, m)
			lines := strings.Split(plainView(m), "\n")
			status, keys := lines[len(lines)-3], lines[len(lines)-1]
			if !strings.HasPrefix(status, fmt.Sprintf("check: %d warning", st.Warnings)) || !strings.Contains(status, "strict") {
				t.Errorf("%dx%d %s: status %q", size[0], size[1], pane, status)
			}
			total := st.TODOs + st.Drafted.Total() + st.Warnings
			if !strings.Contains(status, fmt.Sprintf("%d to do", total)) && !strings.Contains(status, fmt.Sprintf("%d TODO", st.TODOs)) {
				t.Errorf("%dx%d %s: status lacks the counts: %q", size[0], size[1], pane, status)
			}
			if strings.Contains(keys, "…") || !strings.HasSuffix(keys, "? help") {
				t.Errorf("%dx%d %s: keys %q", size[0], size[1], pane, keys)
			}
			for _, want := range map[string][]string{"article": {"p point", "e event", "tab outline"}, "outline": {"r rename", "d delete", "tab article"}}[pane] {
				if !strings.Contains(keys, want) {
					t.Errorf("%dx%d %s: keys lack %q: %q", size[0], size[1], pane, want, keys)
				}
			}
			if size[0] == 200 && !strings.Contains(status, "to write") {
				t.Errorf("200 columns and still short: %q", status)
			}
		}
	}
}

// A skipped sentence says so in words; p on it says it will un-skip it,
// and the point and the un-skipping are one change.
func TestPointOnASkippedSentence(t *testing.T) {
	d := openDraft(t)
	data, _ := os.ReadFile(d.Name)
	os.WriteFile(d.Name, []byte(strings.Replace(string(data), "article: harbour.txt\n", "article: harbour.txt\nskip: p1, p2.s2\n", 1)), 0o644)
	d, err := edit.Open(d.Name)
	if err != nil {
		t.Fatal(err)
	}
	m := New(d, "dark", true, false)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	before := m.doc.Text()
	if v := plainView(m); strings.Count(v, "[skipped]") != 3 {
		t.Errorf("the three skipped sentences do not say so:\n%s", v)
	}
	// The fourth sentence is p2.s2.
	m = press(m, "j", "j", "j", "p")
	if v := plainView(m); !strings.Contains(v, "un-skips p2.s2") {
		t.Errorf("the claim prompt does not say it un-skips:\n%s", v)
	}
	m = press(m, "enter")
	b := m.doc.Briefing
	if len(b.Points()) != 1 || b.Skipped(b.Sentence("p2.s2")) || !b.Skipped(b.Sentence("p1.s1")) {
		t.Fatalf("point %d, skip %q", len(b.Points()), b.Skip)
	}
	if !strings.Contains(plainView(m), "un-skip p2.s2") {
		t.Errorf("the message does not say it:\n%s", plainView(m))
	}
	m = press(m, "u")
	if m.doc.Text() != before {
		t.Error("one u does not take the point and the un-skipping back")
	}
	// c on a skipped sentence of a skipped paragraph un-skips only it.
	m = press(m, "ctrl+r", "k", "k", "c")
	if b := m.doc.Briefing; b.Skipped(b.Sentence("p1.s2")) || !b.Skipped(b.Sentence("p1.s1")) {
		t.Errorf("c: skip %q", b.Skip)
	}
}

// The status line in colour says what it says without colour: its escape
// codes take no room.
func TestStatusLineInColourIsNotCutShort(t *testing.T) {
	for _, w := range []int{60, 80} {
		plain := sized(t, w, 20)
		colour := New(openDraft(t), "dark", false, false)
		next, _ := colour.Update(tea.WindowSizeMsg{Width: w, Height: 20})
		colour = next.(Model)
		got, want := ansi.Strip(colour.statusLine()), plain.statusLine()
		if got != want {
			t.Errorf("%d columns: the status line in colour reads %q, without colour %q", w, got, want)
		}
		if strings.Contains(want, "…") {
			t.Errorf("%d columns: the status line is cut: %q", w, want)
		}
	}
}

// With the first sentence uncited, the current point on opening is the
// one citing the earliest cited sentence, not the briefing's last.
func TestOpeningWithTheFirstSentenceUncited(t *testing.T) {
	doc := openDraft(t)
	ss := doc.Briefing.Sentences()
	for k, op := range []edit.AddPoint{
		{Theme: "t-bridge", NewTheme: "The bridge", ID: "vote", Claim: "The vote passed", Quote: edit.Quote{Text: ss[1].Text, At: ss[1].ID}},
		{Theme: "t-bridge", ID: "cracks", Claim: "Cracks were found", Quote: edit.Quote{Text: ss[2].Text, At: ss[2].ID}},
	} {
		if err := doc.Apply(op); err != nil {
			t.Fatalf("point %d: %v", k, err)
		}
	}
	b := doc.Briefing
	for _, r := range b.CitedBy(ss[0].ID) {
		if r.Kind == model.KindPoint {
			t.Fatalf("the setup leaves %s cited by %s", ss[0].ID, r.ID)
		}
	}
	if ps := b.Points(); len(ps) != 2 || ps[1].ID != "cracks" {
		t.Fatalf("the setup made points %v", ps)
	}
	if m := New(doc, "dark", true, false); m.current != "vote" {
		t.Errorf("current point on opening is %q, want the one citing the earliest sentence, vote", m.current)
	}
}
