package draft

import (
	"fmt"
	"strings"
	"testing"
)

// A long paragraph full of dates and names drafts in a time that grows
// with its length, not its square.
func BenchmarkDraftLongParagraph(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Title\n- 2024-01-01\n\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "the Name%d met Name%d in %d and late %d, ", i, i, 1900+i%120, 1900+i%120)
	}
	data := []byte(sb.String())
	b.ResetTimer()
	for b.Loop() {
		if _, err := New("a.txt", data, Options{ArticlePath: "a.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}
