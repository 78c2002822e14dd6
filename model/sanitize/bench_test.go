package sanitize

import (
	"strings"
	"testing"
)

// tenKB repeats piece to just under 10 KB.
func tenKB(piece string) string {
	return strings.Repeat(piece, 10240/len(piece))
}

func BenchmarkText(b *testing.B) {
	clean := tenKB("Russia’s recognition of the Taliban government, 世界, سلام علیکم. ")
	dirty := tenKB("News \x1b[31mred\x1b[0m \x1b]8;;https://x.example/\a link \u202eevil\u202c \u200b\xff. ")
	if !Clean(clean) || Clean(dirty) {
		b.Fatal("benchmark inputs are not what they claim")
	}
	for _, c := range []struct{ name, in string }{{"clean-10KB", clean}, {"dirty-10KB", dirty}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in)))
			for b.Loop() {
				Text(c.in)
			}
		})
	}
}

func BenchmarkClean(b *testing.B) {
	s := tenKB("Russia’s recognition of the Taliban government, 世界, سلام علیکم. ")
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Clean(s)
	}
}

// BenchmarkWrapLongWord wraps a line with no spaces at width 80; ns/op
// growing in step with the length shows the wrap is linear.
func BenchmarkWrapLongWord(b *testing.B) {
	for _, c := range []struct {
		name string
		in   string
	}{
		{"ascii-5000", strings.Repeat("a", 5000)},
		{"mixed-5000", strings.Repeat("a世"+eAcute+"س"+family, 1000)},
		{"ascii-50000", strings.Repeat("a", 50000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Wrap(c.in, 80)
			}
		})
	}
}
