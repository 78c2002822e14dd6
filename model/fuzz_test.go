package model

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds the parser arbitrary bytes. Whatever comes in, Parse
// returns either a briefing or a positioned error list, never both, never a
// panic; error messages carry no raw control characters.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	if data, err := os.ReadFile("testdata/mini.brief.md"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("---\nformat: brief/1\n---\n"))
	f.Add([]byte("Title\n- 2020-01-01 00:00:00\n\nBody. More.\n"))
	f.Add([]byte("---\n\x1b]0;x\x07: y\n---\n# Source\n\x1b[2J"))
	f.Add([]byte(strings.Replace(base, "2019", "198X/2025-07~", 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("f.md", data, func(string) ([]byte, error) { return nil, errors.New("no files here") })
		if (b == nil) == (err == nil) {
			t.Fatalf("Parse returned briefing=%v err=%v", b != nil, err)
		}
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) {
				var one *Error
				if !errors.As(err, &one) {
					t.Fatalf("error of type %T", err)
				}
				return
			}
			for _, e := range list {
				if e.Pos.Line < 0 || e.Pos.Col < 0 {
					t.Fatalf("negative position: %v", e)
				}
				for _, r := range e.Msg {
					if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
						t.Fatalf("raw control %U in error message %q", r, e.Msg)
					}
				}
				if !utf8.ValidString(e.Msg) {
					t.Fatalf("invalid UTF-8 in error %q", e.Msg)
				}
			}
			return
		}
		for _, s := range b.Sentences() {
			if b.Source.Body[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %s offsets are wrong", s.ID)
			}
		}
	})
}
