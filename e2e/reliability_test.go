package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/forged"
	"github.com/brief-cli/brief/internal/testkit/fulldisk"
	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// TestNotesListOfAForgedPeer: a process of the user listens where
// presentations do and sends a state full of escape sequences; brief
// notes --list prints it as plain text.
func TestNotesListOfAForgedPeer(t *testing.T) {
	t.Parallel()
	run := t.TempDir()
	forged.Listen(t, filepath.Join(run, "brief"))
	cmd := exec.Command(tmuxtest.Binary(t), "notes", "--list")
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+run)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("brief notes --list: %v\n%s", err, errOut.String())
	}
	forged.Check(t, out.Bytes())
	forged.Check(t, errOut.Bytes())
	if !strings.Contains(out.String(), "EVIL^[]0;PWNED^G") || !strings.Contains(out.String(), "⟨U+009B⟩31mRED") {
		t.Errorf("the peer's title is not listed as visible text: %q", out.String())
	}
}

// TestFullDiskKeepsTheNoteAndQuitSaysWhatWasLost runs explore mode with
// its state on a disk that fills up (a 64 KiB tmpfs under root; a
// read-only directory otherwise): the note stays in the editor with the
// cause, ctrl+s saves it once there is room, and a position that cannot
// be written at quit ends brief with exit 1 and a message naming it.
func TestFullDiskKeepsTheNoteAndQuitSaysWhatWasLost(t *testing.T) {
	t.Parallel()
	d := fulldisk.New(t)
	state := filepath.Join(d.Dir, "state")
	if err := os.MkdirAll(state, 0o700); err != nil {
		t.Fatal(err)
	}
	cause, fill, free := "no space left on device", d.Fill, d.Free
	if !d.Real() {
		if os.Geteuid() == 0 {
			t.Skip("no tmpfs, and root ignores a read-only directory")
		}
		cause = "permission denied"
		fill = func() { os.Chmod(state, 0o500) }
		free = func() { os.Chmod(state, 0o700) }
	}
	s := openStudy(t, state, studyFiles(t))
	s.Type("j")
	fill()
	s.Type("n")
	s.WaitText("Write a note")
	s.Type("Kept through a full disk")
	s.Keys("C-s")
	s.WaitText("note not saved: " + cause)
	if !strings.Contains(s.Screen(), "Kept through a full disk") {
		t.Fatalf("the note left the editor:\n%s", s.Screen())
	}
	free()
	s.Keys("C-s")
	s.WaitText("note saved")
	fill()
	s.Type("jj")
	s.Type("q")
	s.WaitText("READY$")
	s.Type("echo EXIT=$?")
	s.Keys("Enter")
	// Wait for the answer, not the typed command that holds "EXIT=" too.
	screen := s.WaitFor("the exit status", func(sc string) bool { return lineIndexPrefix(sc, "EXIT=") >= 0 })
	if !strings.Contains(screen, "EXIT=1") {
		t.Errorf("quitting with an unsaved position: want exit 1:\n%s", screen)
	}
	if !strings.Contains(screen, "not saved: "+cause) || strings.Contains(screen, "--help") {
		t.Errorf("the message does not say what was not saved, or reads as a usage error:\n%s", screen)
	}
}
