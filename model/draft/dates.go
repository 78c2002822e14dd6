package draft

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model/date"
)

// Found is one dated expression in a sentence, resolved against the
// publication date at the precision the text gives.
type Found struct {
	Phrase     string // as written
	Start, End int    // byte offsets in the sentence
	When       date.Date
	Kind       string // day, month, year, decade, century, part, span, relative, planned
	// Planned is set for a span the text looks forward to ("within 14
	// months").
	Planned bool
}

// Date expressions are found in three passes: points (a day, a month of a
// year, a year, a decade, a century, a part of one of those), then spans
// joining two points ("1996 to 2001") and prefixes that open a point
// ("prior to 2021"), then expressions relative to the publication date,
// down to the casual day-level ones ("yesterday", "last Tuesday", "three
// days ago"). The rules are compiled on first use, so that commands that
// never draft do not pay for them.

const (
	monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)`
	yearRE  = `(1[5-9]\d\d|20\d\d)`
	numRE   = `(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|few|several|\d{1,3})`
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var numbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50,
}

// vague numbers, with the count they stand for; the result is approximate.
var vague = map[string]int{"few": 3, "a few": 3, "several": 5}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}

// rule is one regular expression and how to turn a match into a date.
type rule struct {
	kind string
	re   *regexp.Regexp
	// resolve returns the EDTF of the match, or "" to ignore it.
	resolve func(m []string, pub time.Time) string
}

func newPointRules() []rule {
	return []rule{
		{"day", regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? ` + monthRE + `,? ` + yearRE + `\b`), func(m []string, _ time.Time) string {
			return day(m[3], months[strings.ToLower(m[2])], m[1])
		}},
		{"day", regexp.MustCompile(`\b` + monthRE + ` (\d{1,2})(?:st|nd|rd|th)?,? ` + yearRE + `\b`), func(m []string, _ time.Time) string {
			return day(m[3], months[strings.ToLower(m[1])], m[2])
		}},
		{"day", regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), func(m []string, _ time.Time) string {
			n, _ := strconv.Atoi(m[2])
			return day(m[1], n, m[3])
		}},
		{"month", regexp.MustCompile(`\b` + monthRE + `,? (?:of )?` + yearRE + `\b`), func(m []string, _ time.Time) string {
			return fmt.Sprintf("%s-%02d", m[2], months[strings.ToLower(m[1])])
		}},
		{"year", regexp.MustCompile(`(?:^|[^$£€\d,.\w])` + yearRE + `\b`), func(m []string, _ time.Time) string { return m[1] }},
		{"decade", regexp.MustCompile(`\b(?:[Tt]he )?(1[5-9]\d0|20\d0)s\b`), func(m []string, _ time.Time) string { return m[1][:3] + "X" }},
		{"decade", regexp.MustCompile(`\b(?:[Tt]he )?['’](\d)0s\b`), func(m []string, pub time.Time) string {
			d, _ := strconv.Atoi(m[1])
			y := pub.Year()/100*100 + d*10
			if y > pub.Year() {
				y -= 100
			}
			return strconv.Itoa(y)[:3] + "X"
		}},
		{"century", regexp.MustCompile(`\b(?:[Tt]he )?(\d{1,2})(?:st|nd|rd|th)[ -]century\b`), func(m []string, _ time.Time) string {
			n, _ := strconv.Atoi(m[1])
			return century(n)
		}},
		{"century", regexp.MustCompile(`(?i)\b(?:the )?(twenty-first|twenty-second|` + ordinalAlternation() + `)[ -]century\b`), func(m []string, _ time.Time) string {
			return century(ordinalWords[strings.ToLower(m[1])])
		}},
		{"yearless", regexp.MustCompile(`\b` + monthRE + ` (\d{1,2})(?:st|nd|rd|th)?\b`), func(m []string, pub time.Time) string {
			return yearless(months[strings.ToLower(m[1])], m[2], pub)
		}},
		{"yearless", regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December)\b`), func(m []string, pub time.Time) string {
			return yearless(months[strings.ToLower(m[2])], m[1], pub)
		}},
	}
}

// aCount reports whether the four digits at text[start:end] count things
// rather than name a year: "some 1500 troops", "2000 people", where a
// plural noun follows and no preposition or determiner leads in.
func aCount(text string, start, end int) bool {
	next, _, _ := strings.Cut(strings.TrimLeft(text[end:], " "), " ")
	next = strings.TrimRight(next, ".,;:!?")
	if end >= len(text) || text[end] != ' ' || next == "" || !unicode.IsLower(rune(next[0])) || !strings.HasSuffix(next, "s") || strings.HasSuffix(next, "ss") {
		return false
	}
	prev := ""
	if f := strings.Fields(text[:start]); len(f) > 0 {
		prev = strings.ToLower(strings.Trim(f[len(f)-1], "“\"("))
	}
	return prev == "" || !wordIn("in since by from until of the its their his her a early mid late before after during between and to through till circa around about c. spring summer autumn winter fall", prev)
}

// yearless is a day written without its year ("since February 29", "on
// Nov. 1"): the last such day on or before publication, as news reports
// speak of what has happened.
func yearless(month int, d string, pub time.Time) string {
	for y := pub.Year(); y > pub.Year()-8; y-- {
		e := day(strconv.Itoa(y), month, d)
		if e == "" {
			if n, _ := strconv.Atoi(d); n > 29 || month != 2 {
				return "" // never a day
			}
			continue // 29 February: the last leap year
		}
		if t, _ := time.Parse(time.DateOnly, e); !t.After(pub) {
			return e
		}
	}
	return ""
}

// dateRules are every regular expression the date reader uses, compiled
// once, on first use.
type dateRules struct {
	points, relative               []rule
	around, part                   *regexp.Regexp
	spanJoin, spanStart, openStart *regexp.Regexp
	planned, long, old             *regexp.Regexp
	future                         *regexp.Regexp
}

var compiled = lazy(func() *dateRules {
	return &dateRules{
		points:   newPointRules(),
		relative: newRelativeRules(),
		around:   regexp.MustCompile(`(?i)\b(?:around|about|circa|roughly|approximately|c\.)\s+$`),
		// "early", "mid", "late" and their longer forms before a point
		part:      regexp.MustCompile(`(?i)(?:\b(?:the )?(early|mid|late)[- ]|\bthe (beginning|start|middle|end) of (?:the )?|\b(?:the )?(?:spring|summer|autumn|fall|winter) of )$`),
		spanJoin:  regexp.MustCompile(`^\s*(?:to|until|till|through|and|–|—|-)\s*$`),
		spanStart: regexp.MustCompile(`(?i)\b(from|between)\s+$`),
		openStart: regexp.MustCompile(`(?i)\b(prior to|before|until|till|up to|since)\s+$`),
		// "within 14 months", "in the next two years", "over the coming decade"
		planned: regexp.MustCompile(`(?i)\b(?:within (?:the )?(?:(?:next|coming) )?|in the (?:next|coming) |over the coming )` + numRE + ` (days?|weeks?|months?|years?|decades?)\b`),
		// "an 18-year-long war", "a decade-long conflict"
		long: regexp.MustCompile(`(?i)\b(?:` + numRE + `[- ])?(year|month|decade|week|day)s?[- ]long\b`),
		// a sentence that speaks of what is to come
		future: regexp.MustCompile(`(?i)\b(?:will|shall|is due|are due|scheduled|expected to|plans? to|closes|opens|reopens|begins|starts|resumes|ends|is set to|are set to|takes? effect|comes? into (?:force|effect)|goes into effect|go into effect|kicks? in)\b`),
		// "a week-old accord", "a two-month-old truce"
		old: regexp.MustCompile(`(?i)\b(?:` + numRE + `[- ])?(day|week|month|year)s?[- ]old\b`),
	}
})

func ordinalAlternation() string {
	var ws []string
	for w := range ordinalWords {
		if !strings.Contains(w, "-") {
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	return strings.Join(ws, "|")
}

func day(year string, month int, d string) string {
	y, _ := strconv.Atoi(year)
	n, _ := strconv.Atoi(d)
	if month < 1 || n < 1 || n > time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, month, n)
}

func century(n int) string {
	if n < 1 || n > 30 {
		return ""
	}
	return fmt.Sprintf("%02dXX", n-1)
}

func newRelativeRules() []rule {
	return []rule{
		// "the past two decades", "the last four years", "over the past decade", "the past few months"
		{"relative", regexp.MustCompile(`(?i)\b(?:the )?(?:past|last|previous) (?:` + numRE + ` )?(years?|decades?|months?)\b`), func(m []string, pub time.Time) string {
			if m[1] == "" && !strings.HasSuffix(m[2], "s") && !strings.HasPrefix(strings.ToLower(m[0]), "the ") {
				return "" // "last year" is a point, read below
			}
			n, _ := count(m[1])
			if m[1] == "" && strings.HasSuffix(m[2], "s") {
				n = 3 // "the past months": a few
			}
			return lookBack(pub, n, m[2], true) // the span's ends are never exact
		}},
		{"relative", regexp.MustCompile(`(?i)\brecent (years|months|decades)\b`), func(m []string, pub time.Time) string {
			return lookBack(pub, 3, m[1], true)
		}},
		// "five years ago", "a decade ago", "two months ago"
		{"relative", regexp.MustCompile(`(?i)\b` + numRE + ` (years?|decades?|months?) ago\b`), func(m []string, pub time.Time) string {
			n, approx := count(m[1])
			return ago(pub, n, m[2], approx)
		}},
		{"relative", regexp.MustCompile(`(?i)\b(this|last|next) (month|year|decade)\b`), func(m []string, pub time.Time) string {
			step := map[string]int{"this": 0, "last": -1, "next": 1}[strings.ToLower(m[1])]
			switch strings.ToLower(m[2]) {
			case "month":
				t := time.Date(pub.Year(), pub.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
				return t.Format("2006-01")
			case "decade":
				if step == -1 {
					return lookBack(pub, 1, "decade", true)
				}
				return ""
			}
			return strconv.Itoa(pub.Year() + step)
		}},
		// "last December", "this March", "in May": the month's year is implied
		{"month", regexp.MustCompile(`\b([Ll]ast|[Tt]his|[Nn]ext|[Ii]n|[Ss]ince|[Bb]y) ` + monthRE + `\b`), func(m []string, pub time.Time) string {
			mon := months[strings.ToLower(m[2])]
			y := pub.Year()
			switch strings.ToLower(m[1]) {
			case "last":
				if mon >= int(pub.Month()) {
					y--
				}
			case "next":
				if mon <= int(pub.Month()) {
					y++
				}
			case "this":
			default: // "in May", "since May": the most recent May, but the text does not say
				if mon > int(pub.Month()) {
					y--
				}
				return fmt.Sprintf("%04d-%02d?", y, mon)
			}
			return fmt.Sprintf("%04d-%02d", y, mon)
		}},
		{"day", regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|last night)\b`), func(m []string, pub time.Time) string {
			step := map[string]int{"yesterday": -1, "last night": -1, "today": 0, "tomorrow": 1}[strings.ToLower(m[1])]
			return pub.AddDate(0, 0, step).Format(time.DateOnly)
		}},
		// "on Tuesday", "last Tuesday", "next Tuesday": news speaks of the
		// last such weekday unless it says next.
		{"weekday", regexp.MustCompile(`\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`), func(m []string, pub time.Time) string {
			want := weekdays[m[2]]
			switch strings.ToLower(m[1]) {
			case "next":
				d := (int(want) - int(pub.Weekday()) + 7) % 7
				if d == 0 {
					d = 7
				}
				return pub.AddDate(0, 0, d).Format(time.DateOnly)
			case "last":
				d := (int(pub.Weekday()) - int(want) + 7) % 7
				if d == 0 {
					d = 7
				}
				return pub.AddDate(0, 0, -d).Format(time.DateOnly)
			}
			return pub.AddDate(0, 0, -((int(pub.Weekday()) - int(want) + 7) % 7)).Format(time.DateOnly)
		}},
		// "three days ago", "two weeks ago"
		{"day", regexp.MustCompile(`(?i)\b` + numRE + ` (days?|weeks?) ago\b`), func(m []string, pub time.Time) string {
			n, approx := count(m[1])
			if strings.HasPrefix(strings.ToLower(m[2]), "week") {
				n *= 7
				approx = true
			}
			q := ""
			if approx {
				q = "~"
			}
			return pub.AddDate(0, 0, -n).Format(time.DateOnly) + q
		}},
	}
}

// relativeHints are, for each relative rule, words one of which the
// lower-cased text must hold for the rule to match. Checking them first
// spares most sentences most rules.
var relativeHints = [][]string{{"past", "last", "previous"}, {"recent"}, {"ago"}, {"month", "year", "decade"},
	{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
	{"yesterday", "today", "tomorrow", "night"}, {"day"}, {"ago"}}

var weekdays = map[string]time.Weekday{"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday}

// count reads a number word or digits; vague ones ("a few") are approximate.
func count(s string) (int, bool) {
	s = strings.ToLower(s)
	if s == "" {
		return 1, false
	}
	if n, ok := vague[s]; ok {
		return n, true
	}
	if n, ok := numbers[s]; ok {
		return n, false
	}
	n, _ := strconv.Atoi(s)
	return n, false
}

// lookBack is the span from n units before the publication date to it:
// "the past two decades" in 2025 is c. 2005–2025.
func lookBack(pub time.Time, n int, unit string, approx bool) string {
	q := ""
	if approx {
		q = "~"
	}
	switch strings.TrimSuffix(strings.ToLower(unit), "s") {
	case "month":
		from := time.Date(pub.Year(), pub.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return from.Format("2006-01") + q + "/" + pub.Format("2006-01") + q
	case "decade":
		n *= 10
	}
	return fmt.Sprintf("%04d%s/%04d%s", pub.Year()-n, q, pub.Year(), q)
}

// ago is the point n units before the publication date, at the unit's
// precision: "five years ago" in 2025 is 2020.
func ago(pub time.Time, n int, unit string, approx bool) string {
	q := ""
	if approx {
		q = "~"
	}
	switch strings.TrimSuffix(strings.ToLower(unit), "s") {
	case "month":
		return time.Date(pub.Year(), pub.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC).Format("2006-01") + q
	case "decade":
		return fmt.Sprintf("%04d~", pub.Year()-10*n)
	}
	return fmt.Sprintf("%04d%s", pub.Year()-n, q)
}

type span struct {
	start, end int
	kind, edtf string
	planned    bool
}

// FindDates returns the dated expressions of a sentence, in order, resolved
// against the publication date pub.
func FindDates(text string, pub time.Time) []Found {
	rs := compiled()
	var pts []span
	digits := strings.ContainsAny(text, "0123456789")
	for _, r := range rs.points {
		if !digits && r.kind != "century" {
			continue // every other point is written with digits
		}
		for _, m := range r.re.FindAllStringSubmatchIndex(text, -1) {
			start, end := m[0], m[1]
			if r.kind == "year" {
				start = m[2] // the expression's lead character is not part of it
			}
			e := r.resolve(submatches(text, m), pub)
			kind := r.kind
			if kind == "yearless" {
				// A day without its year in a sentence about what is to
				// come is the next such day.
				kind = "day"
				if e != "" && rs.future.MatchString(text) {
					if t, err := time.Parse(time.DateOnly, e); err == nil && t.Before(pub.Truncate(24*time.Hour)) {
						e = day(strconv.Itoa(t.Year()+1), int(t.Month()), strconv.Itoa(t.Day()))
					}
				}
			}
			if e != "" && !(kind == "year" && aCount(text, start, end)) {
				pts = append(pts, span{start, end, kind, e, false})
			}
		}
	}
	pts = keepLongest(pts)
	// A part ("late 2017") narrows the point after it.
	for i, p := range pts {
		if p.kind == "day" || p.kind == "month" {
			continue
		}
		m := lookBehind(rs.part, text, p.start)
		if m == nil {
			continue
		}
		w := strings.ToLower(submatch(text, m, 1) + submatch(text, m, 2))
		part := map[string]string{"early": "37", "beginning": "37", "start": "37", "mid": "38", "middle": "38", "late": "39", "end": "39"}[w]
		if part == "" {
			// "the spring of 2027": the format has no seasons, so the
			// phrase keeps the season and the date is its year.
			pts[i] = span{m[0], p.end, p.kind, p.edtf, false}
			continue
		}
		base := strings.TrimSuffix(p.edtf, "~")
		pts[i] = span{m[0], p.end, "part", base + "-" + part, false}
	}
	// "around 2040", "about 1990": the point is approximate.
	for i, p := range pts {
		if m := lookBehind(rs.around, text, p.start); m != nil && !strings.HasSuffix(p.edtf, "~") {
			pts[i] = span{m[0], p.end, p.kind, p.edtf + "~", false}
		}
	}
	pts = joinSpans(rs, text, pts)
	var rel []span
	lower := asciiLower(text)
	for i, r := range rs.relative {
		if !holdsAny(lower, relativeHints[i]) {
			continue
		}
		for _, m := range r.re.FindAllStringSubmatchIndex(text, -1) {
			e := r.resolve(submatches(text, m), pub)
			kind := r.kind
			if kind == "weekday" {
				// A bare weekday in a sentence about what is to come is
				// the next one.
				kind = "day"
				if w := strings.ToLower(submatch(text, m, 1)); (w == "" || w == "on" || w == "this") && e < pub.Format(time.DateOnly) && rs.future.MatchString(text) {
					t, _ := time.Parse(time.DateOnly, e)
					e = t.AddDate(0, 0, 7).Format(time.DateOnly)
				}
			}
			if kind == "month" {
				// "will … in May", "by May" in a sentence about what is to
				// come: the next such month, not the last.
				kind = "relative"
				if w := strings.ToLower(submatch(text, m, 1)); (w == "in" || w == "by") && e < pub.Format("2006-01") && rs.future.MatchString(text) {
					mon := months[strings.ToLower(submatch(text, m, 2))]
					y := pub.Year()
					if mon < int(pub.Month()) {
						y++
					}
					e = fmt.Sprintf("%04d-%02d?", y, mon)
				}
			}
			if e != "" {
				rel = append(rel, span{m[0], m[1], kind, e, false})
			}
		}
	}
	// "within 14 months": from publication to the end of the period, planned.
	for _, m := range matches(rs.planned, text, lower, "within", "next", "coming") {
		n, approx := count(submatch(text, m, 1))
		if e := ahead(pub, n, submatch(text, m, 2), approx); e != "" {
			rel = append(rel, span{m[0], m[1], "planned", e, true})
		}
	}
	// "an 18-year-long war": a span that ends at its anchor, a date the
	// sentence gives or else publication.
	for _, m := range matches(rs.long, text, lower, "long") {
		anchor := pub
		for _, p := range pts {
			if d, err := date.Parse(p.edtf); err == nil && !strings.Contains(p.edtf, "/") {
				if e, ok := d.End(); ok {
					anchor = e
				}
			}
		}
		if e := lasting(anchor, submatch(text, m, 1), submatch(text, m, 2)); e != "" {
			rel = append(rel, span{m[0], m[1], "span", e, false})
		}
	}
	// "a week-old accord": a point that long before publication.
	for _, m := range matches(rs.old, text, lower, "old") {
		if agedPerson(text[m[1]:]) {
			continue
		}
		n, approx := count(submatch(text, m, 1))
		if e := aged(pub, n, submatch(text, m, 2), approx); e != "" {
			rel = append(rel, span{m[0], m[1], "relative", e, false})
		}
	}
	all := keepLongest(append(pts, rel...))
	var out []Found
	for _, s := range all {
		d, err := date.Parse(s.edtf)
		if err != nil {
			continue
		}
		out = append(out, Found{Phrase: text[s.start:s.end], Start: s.start, End: s.end, When: d, Kind: s.kind, Planned: s.planned})
	}
	return out
}

// matches is re's matches in text, where lower holds one of the hints.
func matches(re *regexp.Regexp, text, lower string, hints ...string) [][]int {
	if !holdsAny(lower, hints) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

func holdsAny(s string, words []string) bool {
	if words == nil {
		return true
	}
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// asciiLower lowers ASCII letters only, which keeps byte offsets.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// ahead is the span from publication to n units after it.
func ahead(pub time.Time, n int, unit string, approx bool) string {
	if n < 1 || n > 100 {
		return ""
	}
	q := ""
	if approx {
		q = "~"
	}
	switch strings.TrimSuffix(strings.ToLower(unit), "s") {
	case "day":
		return pub.Format(time.DateOnly) + "/" + pub.AddDate(0, 0, n).Format(time.DateOnly) + q
	case "week":
		return pub.Format(time.DateOnly) + "/" + pub.AddDate(0, 0, 7*n).Format(time.DateOnly) + q
	case "month":
		return pub.Format("2006-01") + "/" + pub.AddDate(0, n, 0).Format("2006-01") + q
	case "decade":
		n *= 10
	}
	return fmt.Sprintf("%04d/%04d%s", pub.Year(), pub.Year()+n, q)
}

// lasting is the span of n units that ends at anchor: an 18-year-long war
// that ended in 2021 ran from 2003 to 2021.
func lasting(anchor time.Time, num, unit string) string {
	n, approx := count(num)
	if n < 1 || n > 500 {
		return ""
	}
	q := ""
	if approx || num == "" {
		q = "~"
	}
	switch strings.ToLower(unit) {
	case "day", "week":
		if strings.ToLower(unit) == "week" {
			n *= 7
		}
		return anchor.AddDate(0, 0, -n).Format(time.DateOnly) + q + "/" + anchor.Format(time.DateOnly)
	case "month":
		return anchor.AddDate(0, -n, 0).Format("2006-01") + q + "/" + anchor.Format("2006-01")
	case "decade":
		n *= 10
	}
	return fmt.Sprintf("%04d%s/%04d", anchor.Year()-n, q, anchor.Year())
}

// agedPerson reports whether "N-year-old" is a person's age, from what
// follows it: a name or a demonym ("the 23-year-old Ghanaian striker"), a
// word for a person ("a 45-year-old man"), or nothing, the age standing
// for the person ("the 70-year-old, who chairs …"). "A week-old accord"
// is a date.
func agedPerson(after string) bool {
	after = strings.TrimLeft(after, " ")
	if after == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	if unicode.IsUpper(r) || strings.ContainsRune(",.;:!?)", r) {
		return true
	}
	word, _, _ := strings.Cut(after, " ")
	word = strings.ToLower(strings.TrimRight(word, ",.;:!?’'s"))
	return word != "" && wordIn("man men woman women boy girl child baby son daughter mother father who player striker forward midfielder defender "+
		"goalkeeper international veteran student worker driver resident victim suspect patient teenager pensioner former", word)
}

// aged is the point n units before publication, at the unit's precision,
// approximate: a week-old accord was signed about a week ago.
func aged(pub time.Time, n int, unit string, approx bool) string {
	if n < 1 || n > 500 {
		return ""
	}
	switch strings.ToLower(unit) {
	case "day":
		q := ""
		if approx {
			q = "~"
		}
		return pub.AddDate(0, 0, -n).Format(time.DateOnly) + q
	case "week":
		return pub.AddDate(0, 0, -7*n).Format(time.DateOnly) + "~"
	case "month":
		return pub.AddDate(0, -n, 0).Format("2006-01") + "~"
	}
	return fmt.Sprintf("%04d~", pub.Year()-n)
}

// joinSpans merges "1996 to 2001", "from March 2019 to June 2020",
// "between 1996 and 2001" and "1996–2001" into intervals, and opens a point
// after "prior to", "until" or "since".
func joinSpans(rs *dateRules, text string, pts []span) []span {
	var out []span
	for i := 0; i < len(pts); i++ {
		p := pts[i]
		if i+1 < len(pts) {
			q := pts[i+1]
			mid := text[p.end:q.start]
			from := lookBehind(rs.spanStart, text, p.start)
			and := strings.TrimSpace(mid) == "and"
			if rs.spanJoin.MatchString(mid) && (!and || from != nil) && !strings.Contains(p.edtf+q.edtf, "/") {
				start := p.start
				if from != nil {
					start = from[0]
				}
				if d, err := date.Parse(p.edtf + "/" + q.edtf); err == nil && !d.IsZero() {
					out = append(out, span{start, q.end, "span", p.edtf + "/" + q.edtf, false})
					i++
					continue
				}
			}
		}
		if m := lookBehind(rs.openStart, text, p.start); m != nil && !strings.Contains(p.edtf, "/") {
			switch w := strings.ToLower(submatch(text, m, 1)); w {
			case "since":
				out = append(out, span{m[0], p.end, "span", p.edtf + "/..", false})
			case "prior to", "before":
				if e := before(p.edtf); e != "" {
					out = append(out, span{m[0], p.end, "span", "../" + e, false})
				} else {
					out = append(out, p)
				}
			default:
				out = append(out, span{m[0], p.end, "span", "../" + p.edtf, false})
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// before is the point just before p at its precision: 2020 before 2021,
// 2021-02 before 2021-03; "" where that is not a plain step.
func before(edtf string) string {
	d, err := date.Parse(edtf)
	if err != nil {
		return ""
	}
	start, _ := d.Start()
	switch d.Precision() {
	case date.Day:
		return start.AddDate(0, 0, -1).Format("2006-01-02")
	case date.Month:
		return start.AddDate(0, -1, 0).Format("2006-01")
	case date.Year:
		if len(edtf) == 4 {
			return fmt.Sprintf("%04d", start.Year()-1)
		}
	case date.Decade:
		if len(edtf) == 4 {
			return fmt.Sprintf("%03dX", start.Year()/10-1)
		}
	}
	return ""
}

// lookBehind matches re, anchored at its end, against the few words before
// text[end:], and returns the submatch offsets in text. Looking at only a
// short window keeps a long paragraph with many dates linear.
func lookBehind(re *regexp.Regexp, text string, end int) []int {
	start := max(0, end-48)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	m := re.FindStringSubmatchIndex(text[start:end])
	for i := range m {
		if m[i] >= 0 {
			m[i] += start
		}
	}
	return m
}

// keepLongest drops spans that overlap a longer one and sorts the rest.
func keepLongest(ss []span) []span {
	sort.SliceStable(ss, func(i, j int) bool {
		li, lj := ss[i].end-ss[i].start, ss[j].end-ss[j].start
		if li != lj {
			return li > lj
		}
		return ss[i].start < ss[j].start
	})
	var kept []span
	for _, s := range ss {
		ok := true
		for _, k := range kept {
			if s.start < k.end && k.start < s.end {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func submatches(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		out[i] = submatch(s, m, i)
	}
	return out
}

func submatch(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}
