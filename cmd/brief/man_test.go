package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brief-cli/brief/tui/edit"
	"github.com/brief-cli/brief/tui/present"
)

// renderMan runs the page through groff as man(1) would, with every
// warning on; it returns the text and what groff said on standard error.
func renderMan(t *testing.T) (page, text, warnings string) {
	t.Helper()
	groff, err := exec.LookPath("groff")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("groff is not installed (.ci/run installs it)")
		}
		t.Skip("groff is not installed")
	}
	page = manPage(newRootCmd(), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	file := filepath.Join(t.TempDir(), "brief.1")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-P-cbou", file)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("groff: %v\n%s", err, stderr.String())
	}
	return page, string(out), stderr.String()
}

func TestManPageRendersWithoutWarnings(t *testing.T) {
	page, text, warnings := renderMan(t)
	if warnings != "" {
		t.Errorf("groff -ww warns:\n%s", warnings)
	}
	// Sections start on their own line, in order, none run into another.
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^\.SH "?([^"\n]+)"?$`).FindAllStringSubmatch(page, -1) {
		got = append(got, m[1])
	}
	want := []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "KEYS", "BRIEFING FORMAT", "SEARCH", "PRESENTING", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES", "SEE ALSO"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sections %q, want %q", got, want)
	}
	if strings.Contains(page, "..SH") || regexp.MustCompile(`(?m)^[^.].*\.SH `).MatchString(page) {
		t.Error("a section heading runs into the text before it")
	}
	// The page stands alone: no pointers into a source checkout.
	if regexp.MustCompile(`docs/\S+\.md`).MatchString(text) {
		t.Errorf("the page sends the reader to the repository's docs:\n%s", regexp.MustCompile(`.*docs/\S+\.md.*`).FindString(text))
	}
	for _, cmd := range []string{"brief present [FILE]", "brief export --format", "brief notes", "brief search QUERY"} {
		if !strings.Contains(text, cmd) {
			t.Errorf("COMMANDS lacks %q", cmd)
		}
	}
}

// KEYS lists the present-mode keys from the same bindings as its help
// screen, each with its description.
func TestManPageKeysComeFromTheBindings(t *testing.T) {
	_, text, _ := renderMan(t)
	start := strings.Index(text, "\nKEYS\n")
	end := strings.Index(text, "\nBRIEFING FORMAT\n")
	if start < 0 || end < start {
		t.Fatalf("no KEYS section:\n%s", text)
	}
	keys := text[start:end]
	pm := strings.Index(keys, "Present mode")
	if pm < 0 {
		t.Fatalf("KEYS has no present mode:\n%s", keys)
	}
	flat := strings.Join(strings.Fields(keys[pm:]), " ")
	for _, col := range present.DefaultKeyMap().FullHelp() {
		for _, b := range col {
			h := b.Help()
			if !strings.Contains(flat, h.Key+" "+h.Desc) {
				t.Errorf("KEYS lacks the present key %q (%s)", h.Key, h.Desc)
			}
		}
	}
}

// KEYS lists every key of edit mode, from its bindings.
func TestManPageListsEditKeys(t *testing.T) {
	_, text, _ := renderMan(t)
	start := strings.Index(text, "Edit mode (brief edit)")
	end := strings.Index(text, "\nBRIEFING FORMAT\n")
	if start < 0 || end < start {
		t.Fatalf("KEYS has no edit mode:\n%s", text)
	}
	flat := strings.Join(strings.Fields(text[start:end]), " ")
	for _, col := range edit.AllBindings() {
		for _, b := range col {
			if h := b.Help(); !strings.Contains(flat, h.Key+" "+h.Desc) {
				t.Errorf("KEYS lacks the edit key %q (%s)", h.Key, h.Desc)
			}
		}
	}
}
