package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitSentencesRef is SplitSentences as first written: rune by rune, a
// test at every space. SplitSentences must agree with it.
func splitSentencesRef(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if r != ' ' || i == 0 {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(p[:i])
		next, _ := utf8.DecodeRuneInString(p[i+1:])
		if strings.ContainsRune(".!?”", prev) && (unicode.IsUpper(next) || next == '“' || next == '"') && !abbreviation(p[start:i]) && !quoteGoesOn(p[start:i], p[i+1:]) {
			out = append(out, p[start:i])
			start = i + 1
		}
		i += size
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

// realLines are lines of real text: the seed article and the hostile corpus.
func realLines(t testing.TB) []string {
	t.Helper()
	var out []string
	files, _ := filepath.Glob("../testdata/hostile/*")
	files = append(files, "../seeds/000_bc22e7b79049ddaf.txt", "../seeds/000_bc22e7b79049ddaf.brief.md")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			out = append(out, l, collapse(l))
		}
	}
	return out
}

func TestSplitSentencesMatchesReference(t *testing.T) {
	extra := []string{"", " ", "A.", "A. ", ". B", "Hi.  There.", "“Go.” He went. «No.» Yes! Why? Because…", "e.g. Not. Mr. Smith. U.S. Army. Dr.", "x.\u00a0Y. Z", "end.”“Next"}
	for _, p := range append(realLines(t), extra...) {
		if got, want := SplitSentences(p), splitSentencesRef(p); !slices.Equal(got, want) {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", p, got, want)
		}
	}
}

// A closing quotation mark followed by its attribution stays in its
// sentence; a quotation that ends a sentence still ends it.
func TestSplitSentencesKeepsAttributions(t *testing.T) {
	for _, tc := range []struct {
		p    string
		want []string
	}{
		{"“We will reopen the crossing,” Lijian noted. Trade resumed.", []string{"“We will reopen the crossing,” Lijian noted.", "Trade resumed."}},
		{"“Will it hold?” Zhao Lijian asked. Nobody knew.", []string{"“Will it hold?” Zhao Lijian asked.", "Nobody knew."}},
		{"He called it “a disgrace” Monday. Then he left.", []string{"He called it “a disgrace” Monday.", "Then he left."}},
		{"“It is over.” The crowd cheered.", []string{"“It is over.”", "The crowd cheered."}},
		{"“Go!” She went.", []string{"“Go!”", "She went."}},
	} {
		if got := SplitSentences(tc.p); !slices.Equal(got, tc.want) {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tc.p, got, tc.want)
		}
	}
}

func FuzzSplitSentences(f *testing.F) {
	f.Add("One. Two! Three? “Four.” Five")
	f.Add("Mr. Smith. U.S. Army.")
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := SplitSentences(p), splitSentencesRef(p); !slices.Equal(got, want) {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", p, got, want)
		}
	})
}

func TestCollapseFastPath(t *testing.T) {
	extra := []string{"", " ", "a", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u2003b", "a\u3000b", "a\u0085b", "é—“x”", "a\x01b"}
	for _, s := range append(realLines(t), extra...) {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapse(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
		if collapsed(s) && s != want {
			t.Errorf("collapsed(%q) is true but collapsing gives %q", s, want)
		}
	}
}

func FuzzCollapse(f *testing.F) {
	f.Add("a  b\tc\u00a0d")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestIsBriefing(t *testing.T) {
	for text, want := range map[string]bool{"": true, "\n\n---\nx": true, "--- \n": true, "Title\n---": false, "  \n\tTitle": false, "---x": false} {
		if got := IsBriefing(text); got != want {
			t.Errorf("IsBriefing(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestPrintableASCII(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, at := range []int{0, 3, 7, 8, 13, 16} {
			b := []byte(strings.Repeat("a", 17))
			b[at] = byte(c)
			want := c >= 0x20 && c < 0x7F
			if got := printableASCII(string(b)); got != want {
				t.Errorf("byte 0x%02X at %d: %v, want %v", c, at, got, want)
			}
		}
	}
	if !printableASCII("") || !printableASCII("Hello, world! ~ {}") || printableASCII("tab\there, and more text") || printableASCII("café au lait, et cetera") {
		t.Error("printableASCII is wrong on whole strings")
	}
}

func FuzzPrintableASCII(f *testing.F) {
	f.Add("Hello, world!\x7f")
	f.Fuzz(func(t *testing.T, s string) {
		want := true
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] >= 0x7F {
				want = false
			}
		}
		if got := printableASCII(s); got != want {
			t.Errorf("printableASCII(%q) = %v, want %v", s, got, want)
		}
	})
}
