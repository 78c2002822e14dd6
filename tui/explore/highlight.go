package explore

import (
	"strings"
	"unicode/utf8"

	"github.com/brief-cli/brief/model/sanitize"
)

// highlightRunes renders s in exactly w cells with the runes at the given
// indices (ascending) painted p. When the first highlighted rune would fall
// in the last third of the line, the start of s is cut ("…") to bring it
// into view; the end is cut with "…" when s is too long.
func highlightRunes(s string, idx []int, w int, p paint) string {
	if w <= 0 {
		return ""
	}
	runes := []rune(s)
	start := 0
	if len(idx) > 0 && idx[0] > 0 {
		// Width up to the first highlight.
		if sanitize.Width(string(runes[:idx[0]])) > w*2/3 {
			start = idx[0]
			budget := w / 3
			for start > 0 && budget > 0 {
				budget -= runeWidth(runes[start-1])
				if budget < 0 {
					break
				}
				start--
			}
		}
	}
	var b strings.Builder
	used := 0
	if start > 0 {
		b.WriteString("…")
		used = 1
	}
	k := 0
	for k < len(idx) && idx[k] < start {
		k++
	}
	inHL := false
	for i := start; i < len(runes); i++ {
		rw := runeWidth(runes[i])
		// Keep a cell for the ellipsis unless this is the last rune.
		room := w - used
		if i < len(runes)-1 {
			room--
		}
		if rw > room {
			if inHL {
				b.WriteString(p.Post())
				inHL = false
			}
			b.WriteString("…")
			used++
			break
		}
		hl := k < len(idx) && idx[k] == i
		if hl {
			k++
		}
		if hl != inHL && p.Pre() != "" {
			if hl {
				b.WriteString(p.Pre())
			} else {
				b.WriteString(p.Post())
			}
		}
		inHL = hl
		b.WriteRune(runes[i])
		used += rw
	}
	if inHL && p.Pre() != "" {
		b.WriteString(p.Post())
	}
	b.WriteString(spaces(w - used))
	return b.String()
}

func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		if r < 0x20 {
			return 0
		}
		return 1
	}
	return sanitize.Width(string(r))
}
