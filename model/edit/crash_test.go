package edit

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func hash(data []byte) string { return fmt.Sprintf("%x", sha256.Sum256(data)) }

// saveChild, run as a child process, renames a point back and forth and
// saves after each change, telling its parent the hash of each text before
// it writes it, until it is killed.
func saveChild(name string) {
	d, err := Open(name)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for i := rand.IntN(1 << 30); ; i++ {
		if err := d.Apply(Rename{ID: "big", Title: fmt.Sprintf("Claim number %d", i)}); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("saving", hash([]byte(d.Text())))
		if _, err := d.Save(); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
	}
}

func TestMain(m *testing.M) {
	if name := os.Getenv("BRIEF_EDIT_SAVE_CHILD"); name != "" {
		saveChild(name)
	}
	os.Exit(m.Run())
}

// A kill -9 at any moment of a save leaves the old file or the new one,
// never a mix or an empty file.
func TestKillDuringSaveLeavesOldOrNew(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	name := copyDraft(t)
	d := open(t, name)
	q, _ := d.QuoteOf([]string{d.sentence(t, 0)})
	apply(t, d, AddPoint{Theme: "t", NewTheme: "T", ID: "big", Claim: "Claim", Quote: q})
	// A large comment makes each write take long enough to be cut.
	text := d.Text() + "\n<!--\n" + strings.Repeat("padding that makes the file large\n", 60000) + "-->\n"
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for round := range 12 {
		before, _ := os.ReadFile(name)
		known := map[string]bool{hash(before): true}
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "BRIEF_EDIT_SAVE_CHILD="+name)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		saves := 1 + rand.IntN(4)
		for n := 0; n < saves && sc.Scan(); {
			line := sc.Text()
			if h, ok := strings.CutPrefix(line, "saving "); ok {
				known[h] = true
				n++
			} else {
				t.Fatalf("child: %s", line)
			}
		}
		cmd.Process.Kill() // SIGKILL
		for sc.Scan() {
			if h, ok := strings.CutPrefix(sc.Text(), "saving "); ok {
				known[h] = true
			}
		}
		cmd.Wait()
		after, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !known[hash(after)] {
			t.Fatalf("round %d: the file is neither the old text nor a new one (%d bytes)", round, len(after))
		}
		if _, err := Open(name); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	// Temporary files a killed save leaves are its own, beside the file.
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(name), "*"))
	t.Logf("%d files in the folder after the kills", len(left))
}
