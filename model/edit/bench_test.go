package edit

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkApplySeed is one change to the seed briefing: the text edit,
// the parse and check of the new text, and the outline's scan.
func BenchmarkApplySeed(b *testing.B) {
	dir := b.TempDir()
	for _, f := range []string{"000_bc22e7b79049ddaf.brief.md", "000_bc22e7b79049ddaf.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "seeds", f))
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	d, err := Open(filepath.Join(dir, "000_bc22e7b79049ddaf.brief.md"))
	if err != nil {
		b.Fatal(err)
	}
	id := d.Briefing.Points()[0].ID
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := d.Apply(Rename{ID: id, Title: "Claim " + string(rune('a'+i%26))}); err != nil && i%26 != 0 {
			b.Fatal(err)
		}
	}
}
