package sanitize

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/displaywidth"
)

const (
	family   = "👨\u200d👩\u200d👧" // one cluster, 2 cells
	usFlag   = "🇺🇸"
	eAcute   = "e\u0301" // e + combining acute: one cluster, 1 cell
	scotland = blackFlag + "\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074" + cancelTag
)

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"hello", 5},
		{"世界", 4},
		{"日本語テキスト", 14},
		{family, 2},
		{family + family, 4},
		{usFlag, 2},
		{scotland, 2},
		{eAcute, 1},
		{"cafe\u0301 ", 5},
		{"a\u0301\u0302\u0303", 1},
		{"سلام", 4},
		{"السَّلَامُ", 6},    // harakat are combining marks
		{"می\u200cخواهم", 7}, // ZWNJ takes no cell
		{"^[[2J", 5},
		{"⟨U+202E⟩", 8},
	} {
		if got := Width(c.in); got != c.want {
			t.Errorf("Width(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		tail string
		want string
	}{
		{"hello world", 20, "…", "hello world"},
		{"hello world", 11, "…", "hello world"},
		{"hello world", 10, "…", "hello wor…"},
		{"hello world", 7, "…", "hello…"}, // the space before the tail goes
		{"hello world", 1, "…", "…"},
		{"hello world", 0, "…", ""},
		{"hello world", -3, "…", ""},
		{"hello world", 2, "...", "he"}, // tail too wide: cut without it
		{"hello", 4, "", "hell"},
		{"世界世界", 5, "…", "世界…"},
		{"世界世界", 4, "…", "世…"}, // 世界 would leave no room for the tail
		{"世界世界", 3, "", "世"},
		{family + family + "x", 4, "…", family + "…"},
		{usFlag + usFlag + usFlag, 5, "…", usFlag + usFlag + "…"},
		{strings.Repeat(eAcute, 5), 3, "…", eAcute + eAcute + "…"},
		{"سلام علیکم", 6, "…", "سلام…"},       // logical order: the first word is kept
		{"ab\u0605 cd", 3, "…", "ab\u0605 …"}, // U+0605 prepends: "\u0605 " is one cluster
		{"", 0, "…", ""},
	} {
		got := Truncate(c.in, c.w, c.tail)
		if got != c.want {
			t.Errorf("Truncate(%q, %d, %q) = %q, want %q", c.in, c.w, c.tail, got, c.want)
		}
	}
}

// TestTruncateClusters truncates cluster-rich text at every width and checks
// the width bound and that the kept text is a whole-cluster prefix.
func TestTruncateClusters(t *testing.T) {
	in := "a" + family + "世" + usFlag + eAcute + scotland + "سلام" + "界" + family
	for w := 0; w <= Width(in)+1; w++ {
		for _, tail := range []string{"", "…", "..."} {
			checkTruncate(t, in, w, tail)
		}
	}
}

func checkTruncate(t testing.TB, in string, w int, tail string) {
	t.Helper()
	got := Truncate(in, w, tail)
	if Width(got) > max(w, 0) {
		t.Fatalf("Truncate(%q, %d, %q) = %q is %d cells wide", in, w, tail, got, Width(got))
	}
	if got == in {
		if Width(in) > max(w, 0) {
			t.Fatalf("Truncate(%q, %d, %q) did not cut", in, w, tail)
		}
		return
	}
	kept, ok := strings.CutSuffix(got, tail)
	if !ok && tail != "" {
		kept = got // the tail did not fit
	}
	want := clusters(in)
	have := clusters(kept)
	if len(have) > len(want) || !slices.Equal(have, want[:len(have)]) {
		t.Fatalf("Truncate(%q, %d, %q) = %q split a cluster: %q is not a prefix of %q", in, w, tail, got, have, want)
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"", 10, []string{""}},
		{"hello world", 20, []string{"hello world"}},
		{"hello world", 11, []string{"hello world"}},
		{"hello world", 10, []string{"hello", "world"}},
		{"hello world", 5, []string{"hello", "world"}},
		{"a b c d e f", 3, []string{"a b", "c d", "e f"}},
		{"two  spaces kept", 20, []string{"two  spaces kept"}},
		{"dropped   at   breaks", 8, []string{"dropped", "at", "breaks"}},
		{"trailing   ", 20, []string{"trailing"}},
		{"  indent kept", 20, []string{"  indent kept"}},
		{"      indent too wide", 8, []string{"indent", "too wide"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"go abcdefghij", 4, []string{"go", "abcd", "efgh", "ij"}},
		{"one\ntwo three\n\nfour", 5, []string{"one", "two", "three", "", "four"}},
		{"crlf\r\nline", 10, []string{"crlf", "line"}},
		{"end\n", 10, []string{"end", ""}},
		{"tab\tsep", 10, []string{"tab sep"}},
		{"tab\tsep", 3, []string{"tab", "sep"}},
		{"世界世界世界", 5, []string{"世界", "世界", "世界"}},
		{"世界", 1, []string{"世", "界"}}, // a 2-cell cluster cannot be split
		{family + family + family, 4, []string{family + family, family}},
		{usFlag + usFlag + usFlag, 3, []string{usFlag, usFlag, usFlag}},
		{strings.Repeat(eAcute, 5), 2, []string{eAcute + eAcute, eAcute + eAcute, eAcute}},
		{"سلام علیکم", 6, []string{"سلام", "علیکم"}}, // logical order
		{"a^[[2J b", 6, []string{"a^[[2J", "b"}},
		{"x", 0, []string{"x"}},
	} {
		got := Wrap(c.in, c.w)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		checkWrap(t, c.in, c.w)
	}
}

func TestWrapProperties(t *testing.T) {
	inputs := []string{
		"Russia’s recognition of the Afghan Taliban government has important implications for the region.",
		"د افغانستان اسلامي امارت او روسیه " + family + " " + usFlag + " سلام علیکم",
		strings.Repeat("世界"+eAcute+family+usFlag+scotland, 20),
		strings.Repeat("word ", 30) + strings.Repeat("x", 200) + "\n\n  end  ",
		Text("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ and \u202etext"),
	}
	inputs = append(inputs, corpus()...)
	for _, s := range inputs {
		for w := 1; w <= 30; w++ {
			checkWrap(t, s, w)
		}
	}
}

// checkWrap asserts the invariants of Wrap(s, w): lines fit (but for a lone
// cluster wider than w), contain no newline, split no cluster, and keep all
// the non-space content in order.
func checkWrap(t testing.TB, s string, w int) {
	t.Helper()
	lines := Wrap(s, w)
	if want := strings.Count(s, "\n") + 1; len(lines) < want {
		t.Fatalf("Wrap(%q, %d) = %q has %d lines, fewer than %d paragraphs", s, w, lines, len(lines), want)
	}
	// The lines' clusters, but for those Wrap breaks at, must be the input's.
	// Wrap lays a tab out as a space, so compare with the text it lays out.
	// Segmenting invalid UTF-8 is undefined (a cut can regroup stray bytes),
	// and Wrap is meant for sanitised, valid text: skip the check for it.
	valid := utf8.ValidString(s)
	var want []string
	if valid {
		want = nonSpace(clusters(strings.ReplaceAll(s, "\t", " ")))
	}
	k := 0
	for _, l := range lines {
		if strings.Contains(l, "\n") {
			t.Fatalf("Wrap(%q, %d) line %q has a newline", s, w, l)
		}
		n := 0
		for g := displaywidth.StringGraphemes(l); g.Next(); n++ {
			if c := g.Value(); valid && !isBreak(c) {
				if k == len(want) || c != want[k] {
					t.Fatalf("Wrap(%q, %d) = %q: line %q has cluster %q where the input has %q", s, w, lines, l, c, want[min(k, len(want)-1)])
				}
				k++
			}
		}
		if width := Width(l); width > max(w, 1) && n != 1 || w >= 2 && width > w {
			t.Fatalf("Wrap(%q, %d) line %q is %d cells wide", s, w, l, width)
		}
	}
	if k != len(want) {
		t.Fatalf("Wrap(%q, %d) = %q lost clusters %q", s, w, lines, want[k:])
	}
	if a, b := stripSpace(strings.Join(lines, "")), stripSpace(s); a != b {
		t.Fatalf("Wrap(%q, %d) = %q: non-space content %q, want %q", s, w, lines, a, b)
	}
}

// clusters segments s into grapheme clusters.
func clusters(s string) []string {
	var out []string
	for g := displaywidth.StringGraphemes(s); g.Next(); {
		out = append(out, g.Value())
	}
	return out
}

// isBreak reports whether Wrap may drop the cluster c at a line break.
func isBreak(c string) bool { return c == " " || c == "\t" || c == "\n" || c == "\r\n" }

// nonSpace drops the clusters at which Wrap may break lines.
func nonSpace(cs []string) []string {
	return slices.DeleteFunc(cs, isBreak)
}

// stripSpace drops spaces, tabs and line endings.
func stripSpace(s string) string { return spaceRemover.Replace(s) }

var spaceRemover = strings.NewReplacer(" ", "", "\t", "", "\r\n", "", "\n", "")

// TestWidthAgreesWithTerminals: a terminal without grapheme clustering
// (tmux, xterm, VTE) draws a character at a time, with wcwidth's widths, as
// Bubble Tea's renderer counts them there (ansi.StringWidthWc); lipgloss
// lays text out by cluster (Width). For decomposed Hangul and Thai or Lao
// SARA AM the two differed, and a pane's border moved; the sanitised text
// measures the same both ways.
func TestWidthAgreesWithTerminals(t *testing.T) {
	for _, s := range []string{
		"\u1112\u1161\u11ab\u1100\u1173\u11af", // 한글 in jamo
		"\u1100\u1100\u1161",                   // two leads and a vowel
		"a\u1161b",                             // a vowel jamo alone
		"\uac00\u11a8",                         // a syllable and a final jamo
		"\u0e19\u0e49\u0e33\u0e17\u0e33",       // น้ำทำ
		"\u0e81\u0eb3",                         // Lao
	} {
		out := Text(s)
		if w, wc := Width(out), ansi.StringWidthWc(out); w != wc {
			t.Errorf("Text(%q) = %q measures %d by cluster and %d a character at a time", s, out, w, wc)
		}
	}
}
