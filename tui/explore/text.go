package explore

import (
	"github.com/charmbracelet/x/ansi"

	"strings"

	"github.com/brief-cli/brief/model/sanitize"
)

// Text helpers. Content reaching them has been sanitised at load; they
// measure by terminal cells, never by bytes.

// fit truncates s to w cells (with "…") and pads it with spaces to exactly w.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := sanitize.Width(s)
	if n > w {
		s = sanitize.Truncate(s, w, "…")
		n = sanitize.Width(s)
	}
	if n < w {
		s += spaces(w - n)
	}
	return s
}

// trunc truncates s to w cells with "…", without padding.
func trunc(s string, w int) string {
	if sanitize.Width(s) <= w {
		return s
	}
	return sanitize.Truncate(s, max(w, 0), "…")
}

const blanks = "                                                                                                                                "

// spaces returns n spaces.
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// wrap word-wraps s to w cells; indent prefixes every line and counts
// toward w.
func wrap(s string, w int, indent string) []string {
	iw := sanitize.Width(indent)
	lines := sanitize.Wrap(s, max(w-iw, 1))
	if indent != "" {
		for i := range lines {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}

// clamp limits v to [lo, hi]; hi below lo yields lo.
func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// scrollTo returns the offset that keeps row visible in a window of h rows
// over n rows, moving as little as possible from off.
func scrollTo(off, row, h, n int) int {
	if h <= 0 {
		return 0
	}
	if row < off {
		off = row
	}
	if row >= off+h {
		off = row - h + 1
	}
	return clamp(off, 0, max(n-h, 0))
}

// ansiWidth measures a line that may hold escape sequences.
func ansiWidth(s string) int { return ansi.StringWidth(s) }
