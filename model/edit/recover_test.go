package edit

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// keptSession leaves a recovery file beside the draft as a session ended
// by a signal would, and returns the draft's name and that file.
func keptSession(t *testing.T) (name, kept string) {
	t.Helper()
	name = copyDraft(t)
	d := open(t, name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 2)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "Damage", ID: "cracks", Claim: "Cracks closed it", Quote: q})
	kept, err := d.KeepUnsaved()
	if err != nil || kept != UnsavedName(name) {
		t.Fatalf("%q %v", kept, err)
	}
	return name, kept
}

// Restoring is a change like any other: undone with u, written by a save,
// which then removes the recovery file.
func TestRestoreUnsaved(t *testing.T) {
	name, kept := keptSession(t)
	want, _ := os.ReadFile(kept)
	before, _ := os.ReadFile(name)
	d := open(t, name)
	if got := UnsavedFiles(name); !slices.Equal(got, []string{kept}) {
		t.Fatalf("UnsavedFiles = %q", got)
	}
	if err := d.RestoreUnsaved(kept); err != nil {
		t.Fatal(err)
	}
	if d.Text() != string(want) || d.Briefing.Point("cracks") == nil || !d.Modified() {
		t.Fatalf("not restored:\n%s", d.Text())
	}
	if !d.Undo() || d.Text() != string(before) {
		t.Fatal("u does not take the restore back")
	}
	if !d.Redo() || d.Text() != string(want) {
		t.Fatal("ctrl+r does not make it again")
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatal("the recovery file went before a save")
	}
	if res, err := d.Save(); err != nil || res != Written {
		t.Fatal(res, err)
	}
	if now, _ := os.ReadFile(name); string(now) != string(want) {
		t.Errorf("saved:\n%s", now)
	}
	if _, err := os.Stat(kept); !errors.Is(err, os.ErrNotExist) {
		t.Error("the recovery file stayed after the save that wrote its text")
	}
}

// A restore undone before the save leaves the recovery file in place.
func TestRestoreUndoneKeepsTheFile(t *testing.T) {
	name, kept := keptSession(t)
	d := open(t, name)
	if err := d.RestoreUnsaved(kept); err != nil {
		t.Fatal(err)
	}
	d.Undo()
	apply(t, d, SetMeta{Key: "subject", Value: "the bridge"})
	if _, err := d.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Error("a save without the restored text removed the recovery file")
	}
}

// A recovery file that no longer loads is reported with its own line and
// column, and kept.
func TestBrokenRecoveryIsKept(t *testing.T) {
	name, kept := keptSession(t)
	data, _ := os.ReadFile(kept)
	broken := strings.Replace(string(data), "- when: 2019\n", "- when: 2019-13\n", 1)
	if broken == string(data) {
		t.Fatal("the draft has no 2019 event to break")
	}
	os.WriteFile(kept, []byte(broken), 0o644)
	d := open(t, name)
	err := d.RestoreUnsaved(kept)
	var re *RecoveryError
	if !errors.As(err, &re) {
		t.Fatalf("got %v", err)
	}
	line := 1 + strings.Count(broken[:strings.Index(broken, "2019-13")], "\n")
	if want := filepath.Base(kept) + ":"; !strings.Contains(re.Error(), want) || !strings.Contains(re.Err, kept+":"+itoa(line)+":") {
		t.Errorf("no position in %q (line %d)", re.Error(), line)
	}
	if d.Modified() || d.CanUndo() {
		t.Error("a broken recovery changed the document")
	}
	if got, _ := os.ReadFile(kept); string(got) != broken {
		t.Error("the broken recovery file was touched")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A second session ending unsaved while the first one's recovery file is
// still there keeps its text in a new file: neither is lost.
func TestKeepUnsavedNeverOverwrites(t *testing.T) {
	name, kept := keptSession(t)
	first, _ := os.ReadFile(kept)
	d := open(t, name)
	apply(t, d, SetMeta{Key: "subject", Value: "the bridge"})
	p, err := d.KeepUnsaved()
	if err != nil || p != kept+".2" {
		t.Fatalf("%q %v", p, err)
	}
	if got, _ := os.ReadFile(kept); string(got) != string(first) {
		t.Error("the first recovery file was overwritten")
	}
	if got := UnsavedFiles(name); !slices.Equal(got, []string{kept, kept + ".2"}) {
		t.Errorf("UnsavedFiles = %q", got)
	}
	// The same text again goes to the file that holds it.
	if p2, _ := d.KeepUnsaved(); p2 != p {
		t.Errorf("kept again in %q", p2)
	}
}

// A restore made again on a file changed on disk meanwhile refuses the
// save rather than write the kept text over the change.
func TestRestoreDoesNotOverwriteADiskChange(t *testing.T) {
	name, kept := keptSession(t)
	d := open(t, name)
	if err := d.RestoreUnsaved(kept); err != nil {
		t.Fatal(err)
	}
	disk, _ := os.ReadFile(name)
	os.WriteFile(name, append(disk, []byte("\n<!-- added elsewhere -->\n")...), 0o644)
	_, err := d.Save()
	var ce *ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Error("the recovery file went without a save")
	}
}

// Discarding removes the recovery file.
func TestDiscardUnsaved(t *testing.T) {
	name, kept := keptSession(t)
	if err := DiscardUnsaved(kept); err != nil {
		t.Fatal(err)
	}
	if got := UnsavedFiles(name); len(got) != 0 {
		t.Errorf("left %q", got)
	}
}
