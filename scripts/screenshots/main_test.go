package main

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestShotsStillWork takes every picture into a temporary folder: when a
// change to the views breaks a step of the script (a key that no longer
// leads to the screen it waits for), this fails rather than the next
// person to run the script.
func TestShotsStillWork(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux is required in CI: %v", err)
		}
		t.Skip("tmux not installed")
	}
	if testing.Short() {
		t.Skip("takes the pictures: not in -short")
	}
	out := t.TempDir()
	if err := run(out); err != nil {
		t.Fatal(err)
	}
	for _, s := range shots("brief") {
		data, err := os.ReadFile(filepath.Join(out, s.file))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Title string   `xml:"title"`
			Texts []string `xml:"g>text"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s is not well-formed: %v", s.file, err)
		}
		if doc.Title != s.title || len(strings.Join(doc.Texts, "")) < 100 {
			t.Errorf("%s: title %q and %d characters of text; the screen was nearly empty", s.file, doc.Title, len(strings.Join(doc.Texts, "")))
		}
	}
}
