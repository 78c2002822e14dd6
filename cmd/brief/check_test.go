package main

import (
	"slices"
	"testing"
)

// Quote errors of one cause close with one line naming the fix.
func TestFixLines(t *testing.T) {
	problems := []string{
		`a.brief.md:3:4: quote not found in the article: …; the article has a curly ’ (U+2019) where the quote has a straight apostrophe ' (brief fix rewrites it)`,
		`a.brief.md:9:4: quote not found in the article: …; the article has an en dash – where the quote has a hyphen - (brief fix rewrites it)`,
		`a.brief.md:12:4: quote not found in the article: a quote cannot skip words, and this one holds "…"; split it into two quotes, one for each part`,
		`a.brief.md:15:4: quote not found in the article: a quote cannot skip words, and this one holds "..."; split it into two quotes, one for each part`,
		`a.brief.md:20:11: unknown actor "rusia"; did you mean "russia"?`,
	}
	want := []string{
		"a.brief.md: 2 quotes differ from the article only in quotation marks, apostrophes or dashes: brief fix a.brief.md rewrites them all",
		`a.brief.md: 2 quotes skip words with "…": split each into one quote per part`,
	}
	if got := fixLines("a.brief.md", problems); !slices.Equal(got, want) {
		t.Errorf("fixLines:\n got %q\nwant %q", got, want)
	}
	if got := fixLines("a.brief.md", problems[:1]); len(got) != 0 {
		t.Errorf("one fixable quote: %q, want no closing line (its own message says it)", got)
	}
}
