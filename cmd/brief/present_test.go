package main

import (
	"os"
	"strconv"
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

// A size given after --check needs no "=": "--check 200x50" and a width
// alone, "--check 200", are sizes, not files.
func TestPresentCheckSizeWithoutEquals(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"200x50"}, "200x50"},
		{[]string{"200"}, "200x56"},
		{[]string{"128"}, "128x36"},
		{[]string{"160"}, "160x45"},
	} {
		check, rest := checkSizeArg(checkDefault, tc.args)
		if len(rest) != 0 {
			t.Errorf("--check %v leaves %q as a file", tc.args, rest)
			continue
		}
		w, h, err := parseSize(check)
		if err != nil {
			t.Errorf("--check %v: %v", tc.args, err)
			continue
		}
		if got := strconv.Itoa(w) + "x" + strconv.Itoa(h); got != tc.want {
			t.Errorf("--check %v is %s, want %s", tc.args, got, tc.want)
		}
	}
	// A file of that name is a file.
	if err := os.WriteFile("200", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if check, rest := checkSizeArg(checkDefault, []string{"200"}); check != checkDefault || len(rest) != 1 {
		t.Errorf("--check 200 with a file named 200: size %q, files %q", check, rest)
	}
	for _, bad := range []string{"wide", "0", "x50", "200x", "-3"} {
		if _, _, err := parseSize(bad); err == nil {
			t.Errorf("size %q accepted", bad)
		}
	}
}
