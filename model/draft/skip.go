package draft

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// skipRules recognise what is not body text: photo captions and credit
// lines, bylines, and the dateline that opens a wire story.
type skipRules struct {
	captionStart, captionEnd, credit, picture, captionDate, byline, dateline *regexp.Regexp
}

var skipRE = lazy(func() *skipRules {
	return &skipRules{
		// "Photo: …", "FILE - …", "FILE PHOTO: …"
		captionStart: regexp.MustCompile(`(?i)^(?:photo|image|file photo|picture|caption|video|graphic|illustration)\b|^FILE\s*[-–—:]`),
		// "… (Reuters)", "… (AP Photo/Name)", "… Photo: Name", "… / AFP"
		captionEnd: regexp.MustCompile(`(?i)(\((?:photo|file|reuters|ap|afp|getty images|epa)[^)]*\)|photo: .*|/ ?(?:reuters|ap|afp|getty images|epa))[.)]?$`),
		// a credit anywhere: "(AP Photo/Anjum Naveed)", "(Photo by …)", "(Image: …)"
		credit: regexp.MustCompile(`\((?:AP|AFP|Reuters|EPA|Getty)? ?(?:Photo|Image|Photograph)s?\b[^)]*\)|\b(?:Photo|Image) (?:by|courtesy of|credit)\b`),
		// a paragraph that describes a picture
		picture: regexp.MustCompile(`(?i)\b(?:in this (?:photo|picture|image|file photo|handout)|pictured|photo taken|is seen|are seen|poses? for|this handout)\b`),
		// a caption's own date at its end: ", Nov. 1, 2023." or "on March 3, 2024."
		captionDate: regexp.MustCompile(`(?:,| on| in) (?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|January|February|August|September|October|November|December) \d{1,2}, \d{4}\.?\)?$`),
		// "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press"
		byline: regexp.MustCompile(`^(?:By|BY) \p{Lu}[\p{L}.'’-]*(?:,? (?:and )?\p{Lu}[\p{L}.'’-]*){0,6}(?:,? [\p{L} ]{1,40})?$`),
		// "ISLAMABAD (AP) — ", "KABUL, Afghanistan — ", "WASHINGTON - "
		dateline: regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{2,}(?:, [\p{L} .]+)?(?: \([\p{L} .]+\))? ?[—–-]{1,2} `),
	}
})

// LikelySkip reports whether a paragraph looks like a photo caption, a
// credit line, a byline or a subheading rather than body text, and which.
func LikelySkip(p string) (string, bool) {
	rs := skipRE()
	if rs.captionStart.MatchString(p) || rs.captionEnd.MatchString(p) || rs.credit.MatchString(p) {
		return "caption", true
	}
	if rs.picture.MatchString(p) && rs.captionDate.MatchString(p) {
		return "caption", true
	}
	if rs.byline.MatchString(p) {
		return "byline", true
	}
	words := strings.Fields(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	if len(words) <= 12 && !strings.ContainsRune(".!?”\":;…)", last) {
		return "subheading", true
	}
	return "", false
}

// captionSentence reports whether one sentence of a longer paragraph is a
// caption or credit ("FILE - …", "(AP Photo/…)").
func captionSentence(s string) bool {
	rs := skipRE()
	return rs.captionStart.MatchString(s) || rs.credit.MatchString(s) || rs.picture.MatchString(s) && rs.captionDate.MatchString(s)
}

// dateline returns the length of the dateline that opens a wire story's
// sentence ("ISLAMABAD (AP) — "), or 0.
func dateline(s string) int {
	if loc := skipRE().dateline.FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return 0
}

// lazy is sync.OnceValue kept out of line: the package builds many tables
// on first use, and inlined at each, OnceValue's closures were compiled
// again for every one of them.
//
//go:noinline
func lazy[T any](build func() T) func() T { return sync.OnceValue(build) }
