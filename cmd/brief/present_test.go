package main

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-cli/brief/tui/present"
)

// One list of present themes: the flag takes exactly the names of
// present.ThemeNames, and its help, its completion, its error for a bad
// value and docs/present.md all give the same list.
func TestPresentThemesAreOneList(t *testing.T) {
	cmd := newPresentCmd()
	flag := cmd.Flags().Lookup("theme")
	for _, name := range present.ThemeNames {
		if err := flag.Value.Set(name); err != nil {
			t.Errorf("--theme %s refused: %v", name, err)
		}
		if _, err := present.NewTheme(name, false); err != nil {
			t.Errorf("present has no theme %q: %v", name, err)
		}
		if !strings.Contains(flag.Usage, name) {
			t.Errorf("--theme's help does not list %q: %q", name, flag.Usage)
		}
	}
	err := flag.Value.Set("sepia")
	if err == nil {
		t.Fatal("--theme sepia accepted")
	}
	for _, name := range present.ThemeNames {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the error %q does not list %q", err, name)
		}
	}
	complete, ok := cmd.GetFlagCompletionFunc("theme")
	if !ok {
		t.Fatal("no completion for --theme")
	}
	got, _ := complete(cmd, nil, "")
	if strings.Join(got, ",") != strings.Join(present.ThemeNames, ",") {
		t.Errorf("completion %q, want %q", got, present.ThemeNames)
	}
	doc, err := os.ReadFile("../../docs/present.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range present.ThemeNames {
		if !strings.Contains(string(doc), "`"+name+"`") && !strings.Contains(string(doc), "--theme "+name) {
			t.Errorf("docs/present.md does not name the theme %q", name)
		}
	}
}
