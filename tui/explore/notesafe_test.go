package explore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/testkit/fulldisk"
	"github.com/brief-cli/brief/internal/testkit/nobody"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/store"
)

var ctrlS = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}

// recoveryFiles lists the recovery files in dir with their text.
func recoveryFiles(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		_, body, _ := strings.Cut(string(data), "\n---\n")
		out[e.Name()] = body
	}
	return out
}

// failedSaveKeepsText types a note, saves it while writes fail (breakWrites
// makes them fail, mendWrites lets them through again) and checks that the
// text is never lost: it stays in the editor with the whole error, goes to
// a recovery file, is offered back by a new session, and is saved by
// ctrl+s once writes work.
func failedSaveKeepsText(t *testing.T, b *model.Briefing, opts store.Options, cause string, breakWrites, mendWrites func()) {
	t.Helper()
	const text = "Compare with China in 2023"
	st, warn, err := store.Open(b, opts)
	if err != nil || warn != nil {
		t.Fatalf("opening the store: %v %v", err, warn)
	}
	defer st.Close()
	m := New(b, config{theme: ThemeDark, st: st, schedule: dropLater})
	m = step(m, sizeMsg(80, 24))
	breakWrites()
	m = press(m, "down", "n", "type:"+text)
	ref := editor(m).ref
	m = step(m, ctrlS)

	if !isOpen[noteEditor](m) || editor(m).Value() != text {
		t.Fatalf("after a failed save the editor is closed (%v) or lost the text (%q)", !isOpen[noteEditor](m), editor(m).Value())
	}
	screen := plain(m)
	checkFits(t, m.Render(), 80, 24)
	if lineWith(screen, "note not saved: "+cause) < 0 {
		t.Errorf("the editor does not show the cause %q in full:\n%s", cause, screen)
	}
	if lineWith(screen, "! note not saved: "+cause) < 0 {
		t.Errorf("the status bar does not start with what failed and why:\n%s", screen)
	}
	files := recoveryFiles(t, opts.RecoveryDir)
	if len(files) != 1 {
		t.Fatalf("recovery files %v: want one", files)
	}
	for _, body := range files {
		if body != text {
			t.Errorf("the recovery file holds %q, want %q", body, text)
		}
	}
	if st.HasNote(ref) {
		t.Error("the store pretends the note is saved")
	}

	// A new session (say the user quit) offers the text back.
	st2, _, err := store.Open(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	m2 := step(New(b, config{theme: ThemeDark, st: st2, schedule: dropLater}), sizeMsg(80, 24))
	m2 = press(m2, "down", "n")
	if !isOpen[noteEditor](m2) || editor(m2).Value() != text || lineWith(plain(m2), "Unsaved text from an earlier session") < 0 {
		t.Errorf("a new session does not offer the text back (%q):\n%s", editor(m2).Value(), plain(m2))
	}

	// Space is back: ctrl+s in the first session saves and closes.
	mendWrites()
	m = step(m, ctrlS)
	if m.modal != nil {
		t.Fatalf("the retry did not close the editor:\n%s", plain(m))
	}
	if got, _ := st.Note(ref); got != text {
		t.Errorf("saved %q, want %q", got, text)
	}
	if files := recoveryFiles(t, opts.RecoveryDir); len(files) != 0 {
		t.Errorf("the recovery file outlives the save: %v", files)
	}
	st3, _, err := store.Open(b, store.Options{Dir: opts.Dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st3.Close()
	if got, _ := st3.Note(ref); got != text {
		t.Errorf("on disk: %q", got)
	}
}

func TestNoteSurvivesAFullDisk(t *testing.T) {
	d := fulldisk.New(t)
	opts := store.Options{Dir: filepath.Join(d.Dir, "state"), FS: d.FS(), RecoveryDir: filepath.Join(t.TempDir(), "recovery")}
	failedSaveKeepsText(t, seed(t), opts, "no space left on device", d.Fill, d.Free)
	t.Logf("real tmpfs: %v", d.Real())
}

func TestNoteSurvivesAReadOnlyStateDir(t *testing.T) {
	dir, rec := nobody.TempDir(t), nobody.TempDir(t)
	nobody.Run(t, func(t *testing.T) {
		state := filepath.Join(dir, "state")
		opts := store.Options{Dir: state, RecoveryDir: filepath.Join(rec, "recovery")}
		failedSaveKeepsText(t, seed(t), opts, "permission denied",
			func() {
				if err := os.Chmod(state, 0o500); err != nil {
					t.Fatal(err)
				}
			},
			func() {
				if err := os.Chmod(state, 0o700); err != nil {
					t.Fatal(err)
				}
			})
	}, dir, rec)
}

func TestNotesOffSaySoAndSwallowKeys(t *testing.T) {
	b := seed(t)
	off := store.Cause(os.ErrPermission)
	m := New(b, config{theme: ThemeDark, schedule: dropLater, off: errorString("notes and bookmarks are off: " + off + " (/state)")})
	m.cfg.warn = m.cfg.off
	m = step(m, sizeMsg(80, 24))
	for _, msg := range runCmd(m.Init()) {
		m = step(m, msg)
	}
	if lineWith(plain(m), "! notes and bookmarks are off: permission denied") < 0 {
		t.Errorf("no standing warning at start:\n%s", plain(m))
	}
	nav := m.nav
	m = press(m, "down", "n", "type:the timeline and actors")
	if m.nav != nav || !isOpen[noteEditor](m) || !editor(m).Off() {
		t.Fatalf("keys typed after n ran as commands (nav %v, modal %v)", m.nav, m.modal)
	}
	if lineWith(plain(m), "Notes and bookmarks are off") < 0 || lineWith(plain(m), "permission denied") < 0 {
		t.Errorf("the editor does not say why notes are off:\n%s", plain(m))
	}
	m = press(m, "esc")
	if m.modal != nil {
		t.Error("esc does not close")
	}
	m = step(m, clearStatusMsg{m.statusSeq})
	m = press(m, "m")
	if lineWith(plain(m), "! notes and bookmarks are off") < 0 {
		t.Errorf("m does not say why:\n%s", plain(m))
	}
}

func TestCorruptWarningStaysUntilDismissed(t *testing.T) {
	m := studied(t, seed(t), t.TempDir(), 100, 30)
	m = step(m, studyMsg{warn: &store.CorruptError{Path: "/s/a.json", MovedTo: "/s/a.json.corrupt-1", Err: os.ErrInvalid}})
	m = press(m, "down", "m")
	m = step(m, clearStatusMsg{m.statusSeq})
	if lineWith(plain(m), "moved aside to /s/a.json.corrupt-1") < 0 {
		t.Fatalf("the warning went with the next message:\n%s", plain(m))
	}
	m = press(m, "esc")
	if strings.Contains(plain(m), "moved aside") {
		t.Errorf("esc does not dismiss the warning:\n%s", plain(m))
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

func TestBookmarkOnAFullDiskIsKeptAndWrittenLater(t *testing.T) {
	d := fulldisk.New(t)
	opts := store.Options{Dir: filepath.Join(d.Dir, "state"), FS: d.FS(), RecoveryDir: t.TempDir()}
	b := seed(t)
	st, _, err := store.Open(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := step(New(b, config{theme: ThemeDark, st: st, schedule: dropLater}), sizeMsg(80, 24))
	d.Fill()
	m = press(m, "down", "m")
	screen := plain(m)
	if lineWith(screen, "! bookmark not saved: no space left on device") < 0 {
		t.Errorf("the status does not say the bookmark was not saved, and why:\n%s", screen)
	}
	if !m.st.Bookmarked(refCredentials) || lineWith(screen, "★ ▸") < 0 {
		t.Errorf("the bookmark is gone from the screen:\n%s", screen)
	}
	d.Free()
	m = press(m, "down", "up") // the next write, when the selection rests
	m = rest(m)
	disk, _, err := store.Open(b, store.Options{Dir: opts.Dir})
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	if !disk.Bookmarked(refCredentials) {
		t.Error("the bookmark kept in memory was not written by the next write")
	}
}

func TestNotesViewListsUnsavedNotes(t *testing.T) {
	b := seed(t)
	dir, rec := t.TempDir(), t.TempDir()
	st, _, err := store.Open(b, store.Options{Dir: dir, RecoveryDir: rec})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveRecovery(refCredentials, "words that did not reach the disk"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, _, err = store.Open(b, store.Options{Dir: dir, RecoveryDir: rec})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := step(New(b, config{theme: ThemeDark, st: st, schedule: dropLater}), sizeMsg(100, 30))
	m = press(m, "N")
	screen := plain(m)
	checkFits(t, m.Render(), 100, 30)
	if lineWith(screen, "1 note not saved") < 0 || lineWith(screen, "NOT SAVED, note on point") < 0 || lineWith(screen, "words that did not reach the disk") < 0 {
		t.Fatalf("the Notes view does not list the unsaved note:\n%s", screen)
	}
	m = press(m, "n")
	if !isOpen[noteEditor](m) || editor(m).Value() != "words that did not reach the disk" {
		t.Fatalf("n on it does not offer the text (%q)", editor(m).Value())
	}
	m = step(m, ctrlS)
	if got, _ := st.Note(refCredentials); got != "words that did not reach the disk" {
		t.Errorf("saved %q", got)
	}
	m = press(m, "N")
	if strings.Contains(plain(m), "NOT SAVED") {
		t.Errorf("still listed as not saved:\n%s", plain(m))
	}
}

func TestTextOfAnEditorOpenAtTheEndIsKept(t *testing.T) {
	b := seed(t)
	opts := store.Options{Dir: t.TempDir(), RecoveryDir: t.TempDir()}
	st, _, err := store.Open(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	m := step(New(b, config{theme: ThemeDark, st: st, schedule: dropLater}), sizeMsg(80, 24))
	m = press(m, "down", "n", "type:half a thought")
	m = step(m, tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	m.keepEditorText() // as Run does when the program ends
	st.Close()
	st2, _, err := store.Open(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if text, _, ok := st2.Recovered(refCredentials); !ok || text != "half a thought" {
		t.Errorf("Recovered = %q %v", text, ok)
	}
}

// TestErrorsAreNotCutBeforeTheirCause: at the narrowest size explore mode
// supports, the longest "what: why" still shows whole.
func TestErrorsAreNotCutBeforeTheirCause(t *testing.T) {
	m := studied(t, seed(t), t.TempDir(), 60, 20)
	err := &store.WriteError{What: "reading position not saved", Path: "/home/someone/.local/state/brief/35f099e269b9bb1f.json", Err: os.ErrPermission}
	m = step(m, studyMsg{err: err})
	if lineWith(plain(m), "! reading position not saved: permission denied") < 0 {
		t.Errorf("the cause is cut:\n%s", plain(m))
	}
	checkFits(t, m.Render(), 60, 20)
}
