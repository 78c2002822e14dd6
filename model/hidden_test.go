package model

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestHiddenCharactersWarned: check reports each run of characters that
// would be shown as placeholders, placed where it starts, so that a reader
// learns of text hidden in variation selectors before anyone sees it.
func TestHiddenCharactersWarned(t *testing.T) {
	data, err := os.ReadFile("testdata/mini.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	var secret strings.Builder
	for _, c := range []byte("run me") {
		secret.WriteRune(0xE0100 + rune(c))
	}
	lines := strings.Split(string(data), "\n")
	at := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "# Theme: ") {
			lines[i] = "# Theme: Wa" + secret.String() + "ter\u2800 " + strings.TrimPrefix(l, "# Theme: Water ")
			at = i + 1
			break
		}
	}
	b, err := Parse("mini.brief.md", []byte(strings.Join(lines, "\n")), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range b.Warnings {
		if strings.Contains(w.Msg, "hidden character") {
			got = append(got, w.Error())
		}
	}
	want := []string{
		"mini.brief.md:" + strconv.Itoa(at) + ":12: warning: 6 hidden characters, the first VARIATION SELECTOR-131 (U+E0172); shown as ⟨U+…⟩ placeholders",
		"mini.brief.md:" + strconv.Itoa(at) + ":21: warning: a hidden character: BRAILLE PATTERN BLANK (U+2800); shown as ⟨U+…⟩ placeholders",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if title := b.Themes[0].Title; !strings.Contains(title, "⟨U+E0172⟩") {
		t.Errorf("theme title %q does not show the hidden text", title)
	}
}
