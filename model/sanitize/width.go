package sanitize

import (
	"strings"

	// Clusters and their widths come from clipperhouse/displaywidth (with
	// clipperhouse/uax29 for segmentation) rather than rivo/uniseg because
	// charmbracelet/x/ansi, which lipgloss and bubbletea lay text out with,
	// uses the same package. Measuring with the renderer's own tables means a
	// line that Wrap says fits really fits the TUI, cell for cell.
	"github.com/clipperhouse/displaywidth"
)

// Width returns the number of terminal cells that s takes, counted by
// grapheme cluster: wide CJK characters and emoji sequences are 2, combining
// marks add nothing, and control characters (newline and tab included) are 0.
func Width(s string) int { return displaywidth.String(s) }

// Truncate shortens s to at most w cells, tail included, and ends it with
// tail ("…") when anything was cut. It cuts only between grapheme clusters
// and drops spaces left before the tail. If tail alone is wider than w, s is
// cut to w without it. s should be one line (see [Line]).
func Truncate(s string, w int, tail string) string {
	w = max(w, 0)
	tw := Width(tail)
	if tw > w {
		tail, tw = "", 0
	}
	// One pass: remember where the text with room for the tail ends, not
	// counting trailing space clusters, and stop as soon as the whole string
	// is known not to fit. (Trimming bytes instead could split a cluster
	// such as a prepended mark and its space.)
	cut, total, pos := 0, 0, 0
	for g := displaywidth.StringGraphemes(s); g.Next(); {
		c := g.Value()
		pos += len(c)
		total += g.Width()
		if total <= w-tw && c != " " {
			cut = pos
		}
		if total > w {
			return s[:cut] + tail
		}
	}
	return s
}

// Wrap word-wraps s into lines at most w cells wide (w < 1 counts as 1).
// It breaks lines at spaces, which are dropped at the break, and keeps
// spaces between words that stay on one line as well as an indent that fits.
// A word wider than w is broken between grapheme clusters. A cluster is never
// split, so the one case of a line wider than w is a single cluster wider than
// w (a 2-cell character when w is 1). Each "\n" (or "\r\n") is a hard break
// and an empty paragraph is an empty line, so Wrap("") is [""]. A tab is laid
// out as one space, since a terminal would give it an unknowable width. It
// runs in linear time, however long a word is, and each line is a substring
// of s when s has no tabs.
func Wrap(s string, w int) []string {
	w = max(w, 1)
	if strings.Contains(s, "\t") {
		s = strings.ReplaceAll(s, "\t", " ")
	}
	var lines []string
	// Split at the newline bytes themselves rather than at newline clusters,
	// so that no line can hold a newline whatever the text around it.
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return wrapParagraph(lines, s, w)
		}
		lines = wrapParagraph(lines, strings.TrimSuffix(s[:i], "\r"), w)
		s = s[i+1:]
	}
}

// wrapParagraph appends the lines of p, which has no newline, to lines.
func wrapParagraph(lines []string, p string, w int) []string {
	// The current line is p[start:end] plus, tentatively, the word being read,
	// p[word:pos]. lineW is the width of p[start:end] and gap that of the
	// spaces between end and the word; words says whether p[start:end] holds
	// a whole word (if not, any spaces at start are the paragraph's indent).
	start, end, word, pos := 0, 0, 0, 0
	lineW, gap, wordW := 0, 0, 0
	words, inWord := false, false

	for g := displaywidth.StringGraphemes(p); g.Next(); {
		c, cw := g.Value(), g.Width()
		at := pos
		pos += len(c)

		if c == " " {
			if inWord {
				end, lineW, gap, words, inWord = at, lineW+gap+wordW, 0, true, false
			}
			gap += cw
			continue
		}
		if !inWord {
			word, wordW, inWord = at, 0, true
		}
		if lineW+gap+wordW+cw <= w {
			wordW += cw
			continue
		}
		// The cluster does not fit. First move the word to a line of its own,
		// dropping the spaces before it (or the indent that does not fit).
		if words {
			lines = append(lines, p[start:end])
		}
		start, lineW, gap, words = word, 0, 0, false
		if wordW+cw <= w {
			wordW += cw
			continue
		}
		// The word alone is too wide: end the line before this cluster, unless
		// it is the line's first cluster, which must go somewhere.
		if word < at {
			lines = append(lines, p[word:at])
			start, word = at, at
		}
		wordW = cw
	}

	if inWord {
		end, words = pos, true
	}
	if !words {
		return append(lines, "") // an empty or all-space paragraph
	}
	return append(lines, p[start:end])
}
