package model

import (
	"strings"
	"unicode"
)

// PublishedDate is the publication date as a reader reads it, at the
// article's precision: "19 July 2025", never a clock time; "" when the
// date is not known.
func (s Source) PublishedDate() string {
	if s.Published.IsZero() {
		return ""
	}
	return s.Published.Format("2 January 2006")
}

// Citation is the source as it is cited: author, “title”, outlet
// (publisher), date at the article's precision (19 July 2025, never a
// clock time), address. Parts the briefing does not give are left out;
// quotation marks inside the title alternate with the ones around it.
func (s Source) Citation() string {
	var parts []string
	if s.Author != "" {
		parts = append(parts, s.Author)
	}
	if s.Title != "" {
		parts = append(parts, Quoted(s.Title))
	}
	for _, p := range []string{s.Publisher, s.PublishedDate(), s.URL} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// Quoted sets s in double quotation marks, “s”, with the quotations inside
// it alternating: ‘…’ within, “…” within those, and so on.
func Quoted(s string) string {
	return "“" + QuoteWithin(s) + "”"
}

// QuoteWithin rewrites the quotation marks of s, a text that is itself
// quoted (in “…” or a block quotation), so that nested quotations
// alternate: a quotation inside it takes single marks ‘…’, one inside that
// double marks “…”. Straight quotes are read as curly ones. An apostrophe
// (Europe’s, ’80s) is left as it is.
func QuoteWithin(s string) string {
	if !strings.ContainsAny(s, "“”‘’\"'") {
		return s
	}
	rs := []rune(s)
	var out strings.Builder
	out.Grow(len(s) + 8)
	// open holds, for each quotation open, whether it opened with a double
	// mark; its depth (1 for the first inside s) chooses its marks.
	var open []bool
	mark := func(depth int, opening bool) string {
		switch {
		case depth%2 == 1 && opening:
			return "‘"
		case depth%2 == 1:
			return "’"
		case opening:
			return "“"
		}
		return "”"
	}
	letter := func(i int) bool { return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) }
	for i, r := range rs {
		double := r == '“' || r == '”' || r == '"'
		switch r {
		case '“', '‘':
			open = append(open, double)
			out.WriteString(mark(len(open), true))
			continue
		case '”':
			if n := len(open); n > 0 && open[n-1] {
				out.WriteString(mark(n, false))
				open = open[:n-1]
				continue
			}
		case '’':
			// A closing single mark, not an apostrophe: it closes a single
			// quotation and no letter follows it.
			if n := len(open); n > 0 && !open[n-1] && !letter(i+1) {
				out.WriteString(mark(n, false))
				open = open[:n-1]
				continue
			}
		case '"', '\'':
			n := len(open)
			if n > 0 && open[n-1] == double && !letter(i+1) {
				out.WriteString(mark(n, false))
				open = open[:n-1]
				continue
			}
			if !letter(i - 1) {
				open = append(open, double)
				out.WriteString(mark(len(open), true))
				continue
			}
		}
		out.WriteRune(r)
	}
	return out.String()
}
