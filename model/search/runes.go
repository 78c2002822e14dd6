package search

// RuneIndexes converts the byte offsets of Match.MatchedIndexes into s to
// rune indices, which is what a screen or a styler counts. Text with em
// dashes and curly quotes has multi-byte runes, so the two differ; an
// offset inside a rune is skipped.
func RuneIndexes(s string, offsets []int) []int {
	out := make([]int, 0, len(offsets))
	r, j := 0, 0
	for i := range s { // i walks the byte offset of each rune
		for j < len(offsets) && offsets[j] < i {
			j++
		}
		if j < len(offsets) && offsets[j] == i {
			out = append(out, r)
			j++
		}
		r++
	}
	return out
}
