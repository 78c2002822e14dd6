package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// seeds are the fuzz seed corpus: one of each class of trouble.
var seeds = []string{
	"",
	"plain text",
	"\x1b[31mred\x1b[0m\x1b[2J",
	"\x1b]0;title\a\x1b]0;title\x1b\\",
	"\x1b]52;c;cm0gLXJmIH4=\a",
	"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
	"\x1bP1$r0m\x1b\\\x1b_G\x1b\\\x1b^p\x1b\\\x1bXs\x1b\\\x1bc\x1b",
	"\u009b31m\u009d0;t\u009c\u0090q\u009c\x9b",
	"\u202eabc\u202c\u2066x\u2069\u200e\u200f\u061c",
	"\ufeffa\u200bb\u2060c\ufeffd\u180ee\u00adf\u200cg\u200dh",
	blackFlag + tags("gbsct") + cancelTag + blackFlag + tags("run rm -rf") + cancelTag + "\U000E0041",
	"\ufffe\uffff\ufdd0\U0001fffe\ue000\ufffd\u2028\u2029",
	"&#27; \\x1b \\e %1B \\033 \\u001b",
	"\xff\xe4\xb8\xed\xa0\x80\xc0\xaf",
	"د افغانستان اسلامي امارت\nسلام علیکم\tالسَّلَامُ",
	family + usFlag + eAcute + "世界" + scotland,
	"a\r\nb\rc\n\n  indent\t tab",
	strings.Repeat("x", 300) + " " + strings.Repeat("世", 100),
}

func FuzzText(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Valid UTF-8, no raw control or invisible character, idempotent,
		// nothing dropped; Line, Clean and Invisible agree with Text.
		checkText(t, s)
		if out := Text(s); !utf8.ValidString(out) || !Clean(out) {
			t.Fatalf("Text(%q) = %q is not clean", s, out)
		}
	})
}

func FuzzWrap(f *testing.F) {
	for i, s := range seeds {
		f.Add(s, i%12)
	}
	f.Add(family+family+family, 1)
	f.Add(usFlag+eAcute+"世", 2)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = w%100 + 1 // keep widths small enough to force wrapping
		if w < 1 {
			w += 100
		}
		// Every line fits in w (or is one cluster wider than w), no cluster
		// is split, and the non-space content survives, both for raw input
		// and for the sanitised text the TUI will really wrap.
		checkWrap(t, s, w)
		checkWrap(t, Text(s), w)
		checkTruncate(t, Line(s), w, "…")
	})
}
