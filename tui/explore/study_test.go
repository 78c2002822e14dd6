package explore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/testkit/seedcopy"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
	"github.com/brief-cli/brief/store"
	"github.com/brief-cli/brief/tui/style"
)

// dropLater stands in for the timer of delayed messages (the rest of the
// selection, the end of a status message): tests deliver those by hand.
func dropLater(time.Duration, tea.Msg) tea.Cmd { return nil }

func openStore(tb testing.TB, b *model.Briefing, dir string) *store.Store {
	tb.Helper()
	st, warn, err := store.Open(b, store.Options{Dir: dir})
	if err != nil || warn != nil {
		tb.Fatalf("opening the store: %v %v", err, warn)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// studied returns explore mode on b with study state in dir, at w x h.
func studied(tb testing.TB, b *model.Briefing, dir string, w, h int) Model {
	tb.Helper()
	st := openStore(tb, b, dir)
	m := New(b, config{theme: ThemeDark, st: st, schedule: dropLater})
	return step(m, sizeMsg(w, h))
}

var (
	refCredentials = model.Ref{Kind: model.KindPoint, ID: "credentials-accepted"}
	refMoscow      = model.Ref{Kind: model.KindPoint, ID: "moscow-format-platform"}
)

// rest tells the model the selection has rested, as the timer would.
func rest(m Model) Model { return step(m, restMsg{m.restSeq}) }

func TestStudyBookmarkToggles(t *testing.T) {
	m := studied(t, seed(t), t.TempDir(), 120, 40)
	m = press(m, "down", "m")
	if m.current != refCredentials || !m.st.Bookmarked(refCredentials) {
		t.Fatalf("m on %v: bookmarked %v", m.current, m.st.Bookmarked(refCredentials))
	}
	screen := plain(m)
	if lineWith(screen, "★ ▸   Russia accepted the") < 0 {
		t.Errorf("the outline does not mark the bookmark:\n%s", screen)
	}
	if lineWith(screen, "bookmarked") < 0 || lineWith(screen, "★ Bookmarked") < 0 {
		t.Errorf("no status or detail for the bookmark:\n%s", screen)
	}
	m = step(m, clearStatusMsg{m.statusSeq})
	if m.status != "" {
		t.Errorf("status %q not cleared", m.status)
	}
	m = press(m, "m")
	if m.st.Bookmarked(refCredentials) || strings.Contains(plain(m), "★") {
		t.Error("a second m does not remove the bookmark")
	}
}

func TestStudyNoteSaves(t *testing.T) {
	dir := t.TempDir()
	m := studied(t, seed(t), dir, 120, 40)
	m = press(m, "down", "n")
	if !isOpen[noteEditor](m) {
		t.Fatal("n does not open the note editor")
	}
	m = press(m, "type:Compare with China", "enter", "type:in 2023.")
	m = step(m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if m.modal != nil {
		t.Fatal("ctrl+s does not close the editor")
	}
	if got, _ := m.st.Note(refCredentials); got != "Compare with China\nin 2023." {
		t.Fatalf("saved %q", got)
	}
	screen := plain(m)
	for _, want := range [][]string{
		{" ✎▸   Russia accepted the"}, // outline mark
		{"✎ Your note"},               // detail
		{"Compare with China"},        // the note in the detail
		{"note saved"},                // status
	} {
		if lineWith(screen, want...) < 0 {
			t.Errorf("no line with %q:\n%s", want, screen)
		}
	}
	// The source marks the sentences the noted point cites.
	sents := sentencesOf(m.b, refCredentials)
	if len(sents) == 0 || lineWith(screen, "▌"+sents[0], "✎ This month") < 0 {
		t.Errorf("the source does not mark %v:\n%s", sents, screen)
	}
	// The note is on disk: another store sees it.
	if got, ok := openStore(t, m.b, dir).Note(refCredentials); !ok || got != "Compare with China\nin 2023." {
		t.Errorf("on disk: %q %v", got, ok)
	}
	// An emptied note is deleted.
	m = press(m, "n")
	for range len("Compare with China\nin 2023.") + 5 {
		m = press(m, "backspace")
	}
	m = step(m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if m.st.HasNote(refCredentials) {
		t.Errorf("emptying the note did not delete it: %q", editor(m).Value())
	}
}

func TestStudyEscAsksBeforeDiscarding(t *testing.T) {
	m := studied(t, seed(t), t.TempDir(), 80, 24)
	m = press(m, "down", "n", "esc")
	if m.modal != nil {
		t.Fatal("esc on an unchanged note does not close the editor")
	}
	m = press(m, "n", "type:draft", "esc")
	if !isOpen[noteEditor](m) || !strings.Contains(plain(m), "discard changes? y/n") {
		t.Fatalf("esc with changes does not ask:\n%s", plain(m))
	}
	m = press(m, "n")
	if !isOpen[noteEditor](m) || editor(m).confirm || editor(m).Value() != "draft" {
		t.Fatalf("n did not go back to writing: modal %v, confirm %v, %q", m.modal, editor(m).confirm, editor(m).Value())
	}
	m = press(m, "type: more", "esc", "y")
	if m.modal != nil {
		t.Fatal("y did not discard")
	}
	if m.st.HasNote(refCredentials) {
		t.Error("a discarded note was saved")
	}
}

func TestStudyNotesViewListsAndJumps(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	st := openStore(t, b, dir)
	event := model.Ref{Kind: model.KindEvent, ID: b.Timeline[1].ID}
	gone := model.Ref{Kind: model.KindPoint, ID: "no-such-point"}
	for _, err := range []error{
		st.SetNote(refMoscow, "Launched 2016.\nWho attends?"),
		st.SetBookmark(event, true),
		st.SetNote(gone, "about a point since removed"),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	m := studied(t, b, dir, 120, 40)
	m = press(m, "N")
	if !isOpen[notesModel](m) {
		t.Fatal("N does not open the Notes view")
	}
	screen := plain(m)
	moscow := lineWith(screen, "✎", "point: Russia launched the Moscow")
	ev := lineWith(screen, "★", "event:", b.Timeline[1].Title)
	orphan := lineWith(screen, "orphaned point: no-such-point")
	if moscow < 0 || ev < 0 || orphan < 0 || !(moscow < ev && ev < orphan) {
		t.Fatalf("notes listed at %d, %d, %d:\n%s", moscow, ev, orphan, screen)
	}
	if lineWith(screen, "Who attends?") != moscow+2 {
		t.Errorf("the note's lines are not under its item:\n%s", screen)
	}
	m = press(m, "down", "enter")
	if m.modal != nil || m.current != event || m.nav != navTimeline {
		t.Fatalf("enter went to %v in navigator %v (modal %v)", m.current, m.nav, m.modal)
	}
	// Enter on an orphan stays, and says why.
	m = press(m, "N", "end", "enter")
	if !isOpen[notesModel](m) || !strings.Contains(plain(m), "no longer in the briefing") {
		t.Errorf("enter on an orphan:\n%s", plain(m))
	}
	// The outline's Notes row opens the view too.
	m = press(m, "esc", "o", "end", "enter")
	if !isOpen[notesModel](m) {
		t.Errorf("the outline's last row is %v and does not open the Notes view", m.current)
	}
}

func TestStudyVisitedAndResume(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	m := studied(t, b, dir, 120, 40)
	m = rest(press(m, "down", "down"))
	m = rest(press(m, "t", "down", "down"))
	want := m.current
	if want.Kind != model.KindEvent {
		t.Fatalf("on %v", want)
	}
	m = press(m, "o")
	if lineWith(plain(m), " ·▸   China, the UAE") < 0 {
		t.Errorf("the visited point is not marked:\n%s", plain(m))
	}
	m = press(m, "t")
	m = rest(m)
	m.st.Close()

	again := studied(t, b, dir, 120, 40)
	if again.current != want || again.nav != navTimeline {
		t.Errorf("reopened on %v in navigator %v, want %v in the timeline", again.current, again.nav, want)
	}
	if lineWith(plain(again), "▸ ", b.Event(want.ID).When.Label()) < 0 {
		t.Errorf("the resumed item is not selected:\n%s", plain(again))
	}
}

func TestStudyResumeOfAGoneItem(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	st := openStore(t, b, dir)
	if err := st.SetPosition(store.Position{Item: model.Ref{Kind: model.KindPoint, ID: "gone"}, View: "outline"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	m := studied(t, b, dir, 80, 24)
	if m.current != (model.Ref{Kind: model.KindTheme, ID: b.Themes[0].ID}) {
		t.Errorf("a position on a gone item opened on %v", m.current)
	}
}

func TestStudyCorruptStateIsReported(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	if err := os.WriteFile(filepath.Join(dir, store.Hash(b)+".json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, warn, err := store.Open(b, store.Options{Dir: dir})
	var ce *store.CorruptError
	if err != nil || !errors.As(warn, &ce) {
		t.Fatalf("open: %v %v", err, warn)
	}
	defer st.Close()
	m := New(b, config{theme: ThemeDark, st: st, warn: warn, schedule: dropLater})
	m = step(m, sizeMsg(120, 40))
	for _, msg := range runCmd(m.Init()) {
		m = step(m, msg)
	}
	if lineWith(plain(m), "! notes file could not be read; moved aside") < 0 {
		t.Errorf("no warning in the status bar:\n%s", plain(m))
	}
}

func TestReadOnlyHasNoStudyKeys(t *testing.T) {
	m := NewModel(seed(t), Options{ReadOnly: false}).(Model)
	m = step(m, sizeMsg(120, 40))
	m = press(m, "down", "m", "n")
	if m.st != nil || m.modal != nil {
		t.Errorf("NewModel opened study state (%v) or the editor (%v)", m.st, m.modal)
	}
	if strings.Contains(plain(m), "★") || strings.Contains(plain(m), "Notes and bookmarks") {
		t.Errorf("read-only explore mode shows study marks:\n%s", plain(m))
	}
}

// TestStudyGolden renders the note editor and the Notes view.
func TestStudyGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, v := range []struct {
			name string
			keys []string
		}{
			{"note-editor", []string{"down", "n", "type:Compare with China’s move in 2023.", "enter", "enter", "type:Ask: what does “official” add?"}},
			{"note-discard", []string{"down", "n", "type:draft", "esc"}},
			{"notes-view", []string{"N"}},
			{"outline-marks", []string{"down", "down", "down", "down", "down", "down", "down"}},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, sz[0], sz[1]), func(t *testing.T) {
				dir := t.TempDir()
				b := seed(t)
				st := openStore(t, b, dir)
				if err := st.SetNote(refMoscow, "Launched 2016.\nWho attends?"); err != nil {
					t.Fatal(err)
				}
				if err := st.SetBookmark(refCredentials, true); err != nil {
					t.Fatal(err)
				}
				if err := st.MarkVisited(model.Ref{Kind: model.KindPoint, ID: b.Themes[0].Points[1].ID}); err != nil {
					t.Fatal(err)
				}
				st.Close()
				m := press(studied(t, b, dir, sz[0], sz[1]), v.keys...)
				out := m.Render()
				checkFits(t, out, sz[0], sz[1])
				if got := strings.Count(out, "\n") + 1; got != sz[1] {
					t.Errorf("view is %d lines, want %d", got, sz[1])
				}
				golden.RequireEqual(t, []byte(plain(m)))
			})
		}
	}
}

// briefingDir copies the seed briefing and its article into a folder, so
// tests can edit them.
func briefingDir(tb testing.TB) (dir, file string) {
	tb.Helper()
	dir = tb.TempDir()
	file, err := seedcopy.CopyTo(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return dir, file
}

// editFile replaces old by new in a file.
func editFile(tb testing.TB, file, old, new string) {
	tb.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		tb.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// reload reads the file again as a save would make explore mode do.
func reload(m Model) Model {
	var cmd tea.Cmd
	m.live, cmd = m.live.Read()
	return step(m, cmd())
}

func TestReloadKeepsSelectionAndShowsChange(t *testing.T) {
	_, file := briefingDir(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	m := studied(t, b, t.TempDir(), 120, 40)
	m = press(m, "down", "down", "down", "down", "down", "down", "down") // the Moscow Format point
	if m.current != refMoscow {
		t.Fatalf("on %v", m.current)
	}
	m = press(m, "m")
	editFile(t, file, "## Two decades of Russian engagement", "## Twenty years of Russian engagement")
	m = reload(m)
	if m.current != refMoscow || m.navs[navOutline].Selected() != refMoscow {
		t.Errorf("after the reload on %v", m.current)
	}
	screen := plain(m)
	if lineWith(screen, "Twenty years of Russian") < 0 {
		t.Errorf("the change is not on screen:\n%s", screen)
	}
	if lineWith(screen, "★ ▸   Russia launched the Moscow") < 0 {
		t.Errorf("the selection or its bookmark is lost:\n%s", screen)
	}
	if !strings.Contains(screen, "reloaded: 1 items changed") {
		t.Errorf("no status for the reload:\n%s", screen)
	}

	// The selected point is renamed away: the selection moves to the first
	// changed item.
	editFile(t, file, "{#moscow-format-platform}", "{#moscow-format-forum}")
	m = reload(m)
	if want := (model.Ref{Kind: model.KindPoint, ID: "moscow-format-forum"}); m.current != want {
		t.Errorf("after its item went, the selection is on %v, want %v", m.current, want)
	}
}

func TestReloadBrokenFileShowsBannerUntilFixed(t *testing.T) {
	_, file := briefingDir(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range [][2]int{{60, 20}, {120, 40}} {
		m := studied(t, b, t.TempDir(), sz[0], sz[1])
		m = press(m, "down")
		const good, bad = "- actors: russia, taliban\n- events: recognition-2025", "- actors: russia, nobody-here\n- events: recognition-2025, no-such-event"
		editFile(t, file, good, bad)
		m = reload(m)
		screen := plain(m)
		lines := strings.Split(screen, "\n")
		if len(lines) < 2 || !strings.Contains(lines[1], "⚠ "+filepath.Base(file)+":24:19: unknown actor") {
			t.Fatalf("%v: no positioned banner under the header:\n%s", sz, screen)
		}
		if m.current != refCredentials || lineWith(screen, "Russia accepted the credentia") < 0 {
			t.Errorf("%v: the last good version is gone:\n%s", sz, screen)
		}
		checkFits(t, m.Render(), sz[0], sz[1])
		if got := strings.Count(m.Render(), "\n") + 1; got != sz[1] {
			t.Errorf("%v: with the banner the view is %d lines", sz, got)
		}
		if sz[0] >= 120 && !strings.Contains(lines[1], "(+1 more)") {
			t.Errorf("the banner does not count the second error: %q", lines[1])
		}
		editFile(t, file, bad, good)
		m = reload(m)
		if strings.Contains(plain(m), "⚠") || m.banner != "" {
			t.Errorf("%v: fixing the file leaves the banner:\n%s", sz, plain(m))
		}
	}
}

func TestBannerCountsMoreErrors(t *testing.T) {
	err := model.ErrorList{
		{File: "x.brief.md", Pos: model.Pos{Line: 3, Col: 1}, Msg: "first"},
		{File: "x.brief.md", Pos: model.Pos{Line: 9, Col: 2}, Msg: "second"},
		{File: "x.brief.md", Pos: model.Pos{Line: 12, Col: 4}, Msg: "third"},
	}
	if got, want := model.Summary(err), "x.brief.md:3:1: first (+2 more)"; got != want {
		t.Errorf("banner %q, want %q", got, want)
	}
	if got, want := model.Summary(err[:1]), "x.brief.md:3:1: first"; got != want {
		t.Errorf("banner %q, want %q", got, want)
	}
}

func TestWatchPaths(t *testing.T) {
	if p := seed(t).DiskFiles(); p != nil {
		t.Errorf("the built-in briefing is watched: %v", p)
	}
	dir, file := briefingDir(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	got := b.DiskFiles()
	if len(got) != 2 || got[0] != file || got[1] != filepath.Join(dir, seeds.Article) {
		t.Errorf("watching %v", got)
	}
}

// TestStudyScreensFitEverySize opens the note editor, the Notes view and the
// reload banner at sizes from the minimum up, and checks every screen fits.
func TestStudyScreensFitEverySize(t *testing.T) {
	_, file := briefingDir(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	m := studied(t, b, t.TempDir(), 60, 20)
	m = press(m, "down", "m", "n", "type:a note that is long enough to wrap at sixty columns, and then some more words", "enter", "type:second line")
	m = step(m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	editFile(t, file, "- actors: russia, taliban\n", "- actors: russia, nobody-here\n")
	m = reload(m)
	for _, k := range []string{"", "n", "esc", "N", "esc", "t", "a", "s"} {
		if k != "" {
			m = press(m, k)
		}
		for _, sz := range [][2]int{{60, 20}, {61, 21}, {79, 23}, {80, 24}, {119, 30}, {120, 40}, {300, 100}, {59, 19}} {
			m = step(m, sizeMsg(sz[0], sz[1]))
			out := m.Render()
			checkFits(t, out, sz[0], sz[1])
			if got := strings.Count(out, "\n") + 1; got != sz[1] && sz[0] >= style.MinWidth {
				t.Errorf("after %q at %dx%d: %d lines", k, sz[0], sz[1], got)
			}
		}
	}
}

func TestStudyStatusErrorShows(t *testing.T) {
	m := studied(t, seed(t), t.TempDir(), 80, 24)
	m = step(m, studyMsg{err: errors.New("saving the note: disk full")})
	if lineWith(plain(m), "! saving the note: disk full") < 0 {
		t.Errorf("no error in the status bar:\n%s", plain(m))
	}
	m = step(m, clearStatusMsg{m.statusSeq - 1})
	if m.status == "" {
		t.Error("an older clear removed a newer message")
	}
	m = step(m, clearStatusMsg{m.statusSeq})
	if m.status != "" || strings.Contains(plain(m), "disk full") {
		t.Error("the error did not clear")
	}
}

func TestStudyMouseInModals(t *testing.T) {
	b := seed(t)
	dir := t.TempDir()
	st := openStore(t, b, dir)
	if err := st.SetBookmark(refMoscow, true); err != nil {
		t.Fatal(err)
	}
	st.Close()
	m := studied(t, b, dir, 120, 40)
	m = press(m, "n", "type:keep me")
	m = step(m, tea.MouseClickMsg{X: 5, Y: 10, Button: tea.MouseLeft})
	if !isOpen[noteEditor](m) || editor(m).Value() != "keep me" {
		t.Fatalf("a click in the editor closed it or lost the text: %v %q", m.modal, editor(m).Value())
	}
	m = press(m, "esc", "y", "N")
	// The first entry is on the body's third content row.
	m = step(m, tea.MouseClickMsg{X: 5, Y: m.lay.body.y + 1 + 2, Button: tea.MouseLeft})
	if m.modal != nil || m.current != refMoscow {
		t.Errorf("clicking the entry went to %v (modal %v)", m.current, m.modal)
	}
}

// TestSearchHistoryKeptPerBriefing: the palette's queries come back in the
// next session of the same briefing.
func TestSearchHistoryKeptPerBriefing(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	m := studied(t, b, dir, 120, 40)
	press(m, "/", "type:isolation", "esc", "/", "ctrl+u", "type:deash", "esc")
	m = studied(t, b, dir, 120, 40)
	m = press(m, "/")
	if got := palette(m).input.Value(); got != "deash" {
		t.Fatalf("the next session's palette opened with %q", got)
	}
	if m = press(m, "up"); palette(m).input.Value() != "isolation" {
		t.Errorf("↑ gave %q", palette(m).input.Value())
	}
}
