package present

import (
	"strings"
	"unicode"
)

// The block-letter font of slide titles: each glyph is five rows of pixels
// ('#' set), drawn two pixel rows per terminal row with half blocks, so a
// line of big letters is three rows high. Letters are drawn upper case.
const bigRows = 3

var glyphs = map[rune][5]string{
	'A':  {".##.", "#..#", "####", "#..#", "#..#"},
	'B':  {"###.", "#..#", "###.", "#..#", "###."},
	'C':  {".###", "#...", "#...", "#...", ".###"},
	'D':  {"###.", "#..#", "#..#", "#..#", "###."},
	'E':  {"####", "#...", "###.", "#...", "####"},
	'F':  {"####", "#...", "###.", "#...", "#..."},
	'G':  {".###", "#...", "#.##", "#..#", ".###"},
	'H':  {"#..#", "#..#", "####", "#..#", "#..#"},
	'I':  {"###", ".#.", ".#.", ".#.", "###"},
	'J':  {"...#", "...#", "...#", "#..#", ".##."},
	'K':  {"#..#", "#.#.", "##..", "#.#.", "#..#"},
	'L':  {"#...", "#...", "#...", "#...", "####"},
	'M':  {"#...#", "##.##", "#.#.#", "#...#", "#...#"},
	'N':  {"#..#", "##.#", "#.##", "#..#", "#..#"},
	'O':  {".##.", "#..#", "#..#", "#..#", ".##."},
	'P':  {"###.", "#..#", "###.", "#...", "#..."},
	'Q':  {".##.", "#..#", "#..#", "#.#.", ".#.#"},
	'R':  {"###.", "#..#", "###.", "#.#.", "#..#"},
	'S':  {".###", "#...", ".##.", "...#", "###."},
	'T':  {"#####", "..#..", "..#..", "..#..", "..#.."},
	'U':  {"#..#", "#..#", "#..#", "#..#", ".##."},
	'V':  {"#...#", "#...#", "#...#", ".#.#.", "..#.."},
	'W':  {"#...#", "#...#", "#.#.#", "##.##", "#...#"},
	'X':  {"#..#", "#..#", ".##.", "#..#", "#..#"},
	'Y':  {"#...#", ".#.#.", "..#..", "..#..", "..#.."},
	'Z':  {"####", "...#", ".##.", "#...", "####"},
	'0':  {".##.", "#.##", "#..#", "##.#", ".##."},
	'1':  {".#.", "##.", ".#.", ".#.", "###"},
	'2':  {"###.", "...#", ".##.", "#...", "####"},
	'3':  {"###.", "...#", ".##.", "...#", "###."},
	'4':  {"#..#", "#..#", "####", "...#", "...#"},
	'5':  {"####", "#...", "###.", "...#", "###."},
	'6':  {".##.", "#...", "###.", "#..#", ".##."},
	'7':  {"####", "...#", "..#.", ".#..", ".#.."},
	'8':  {".##.", "#..#", ".##.", "#..#", ".##."},
	'9':  {".##.", "#..#", ".###", "...#", ".##."},
	' ':  {"..", "..", "..", "..", ".."},
	'\'': {"#", "#", ".", ".", "."},
	'’':  {"#", "#", ".", ".", "."},
	'‘':  {"#", "#", ".", ".", "."},
	'"':  {"#.#", "#.#", "...", "...", "..."},
	'“':  {"#.#", "#.#", "...", "...", "..."},
	'”':  {"#.#", "#.#", "...", "...", "..."},
	'.':  {".", ".", ".", ".", "#"},
	',':  {".", ".", ".", "#", "#"},
	':':  {".", "#", ".", "#", "."},
	';':  {".", "#", ".", "#", "#"},
	'-':  {"...", "...", "###", "...", "..."},
	'–':  {"...", "...", "###", "...", "..."},
	'—':  {"....", "....", "####", "....", "...."},
	'?':  {"###.", "...#", ".##.", "....", ".#.."},
	'!':  {"#", "#", "#", ".", "#"},
	'(':  {".#", "#.", "#.", "#.", ".#"},
	')':  {"#.", ".#", ".#", ".#", "#."},
	'/':  {"..#", "..#", ".#.", "#..", "#.."},
	'+':  {"...", ".#.", "###", ".#.", "..."},
	'&':  {".#..", "#.#.", ".#.#", "#.#.", ".#.#"},
	'%':  {"#..#", "...#", "..#.", ".#..", "#..#"},
}

// bigWidth returns the width of s in block letters, and false when a
// character of s has no glyph.
func bigWidth(s string) (int, bool) {
	w, n := 0, 0
	for _, r := range strings.ToUpper(s) {
		g, ok := glyphs[r]
		if !ok {
			return 0, false
		}
		w += len(g[0])
		n++
	}
	if n > 1 {
		w += n - 1
	}
	return w, true
}

// canBig reports whether every character of s has a glyph.
func canBig(s string) bool {
	_, ok := bigWidth(s)
	return ok
}

// bigText draws one line of s in block letters: bigRows strings of equal
// width. s must have a glyph for every character (see canBig).
func bigText(s string) []string {
	var px [5]strings.Builder
	first := true
	for _, r := range strings.ToUpper(s) {
		g := glyphs[unicode.ToUpper(r)]
		for i := range px {
			if !first {
				px[i].WriteByte('.')
			}
			px[i].WriteString(g[i])
		}
		first = false
	}
	rows := make([]string, bigRows)
	for r := range rows {
		top := px[2*r].String()
		bottom := ""
		if 2*r+1 < len(px) {
			bottom = px[2*r+1].String()
		}
		var b strings.Builder
		for i := 0; i < len(top); i++ {
			t := top[i] == '#'
			u := i < len(bottom) && bottom[i] == '#'
			switch {
			case t && u:
				b.WriteRune('█')
			case t:
				b.WriteRune('▀')
			case u:
				b.WriteRune('▄')
			default:
				b.WriteByte(' ')
			}
		}
		rows[r] = b.String()
	}
	return rows
}

// wrapBig splits s into lines whose block-letter width is at most w,
// breaking at spaces; ok is false if a word alone is wider than w or a
// character has no glyph.
func wrapBig(s string, w int) (lines []string, ok bool) {
	if !canBig(s) {
		return nil, false
	}
	cur := ""
	for _, word := range strings.Fields(s) {
		if ww, _ := bigWidth(word); ww > w {
			return nil, false
		}
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if tw, _ := bigWidth(try); tw <= w {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = word
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines, len(lines) > 0
}
