package draft

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// clauseRules trim a sentence to the claim it makes: the attributions and
// connectives around its main clause go.
type clauseRules struct {
	leadAttribution, connective, leadSaid, tailSaid, tailQuoteSaid, tailAccording *regexp.Regexp
}

const sayVerbs = `said|says|noted|added|told|stated|explained|wrote|argued|warned|insisted|asked|replied|announced|declared|claimed|confirmed|remarked|tweeted|observed|stressed|emphasi[sz]ed`

// sayWords are sayVerbs as plain words, to test for before the regular
// expressions.
var sayWords = strings.Split(strings.ReplaceAll(sayVerbs, "emphasi[sz]ed", "emphasi"), "|")

var clauseRE = lazy(func() *clauseRules {
	return &clauseRules{
		// "It’s pertinent to state that", "It is worth noting that"
		leadAttribution: regexp.MustCompile(`(?i)^(?:it[’']s|it is|it was) (?:pertinent|worth|important|notable|noteworthy|significant|interesting|clear|true|evident)(?: to (?:state|note|mention|say|recall|add|remember)| noting| mentioning)? that |^(?:according to|as per) [^,]{1,60}, `),
		connective:      regexp.MustCompile(`(?i)^(?:however|moreover|meanwhile|consequently|as a result|in addition|furthermore|still|yet|but|and|so|thus|therefore|indeed|instead|nevertheless|nonetheless|also|separately|in short|in this evolving scenario|in other words|on the whole|for (?:its|their|his|her) part|in turn|at the same time|by contrast|in contrast|on the other hand|in any case|of course)\b,? `),
		// "The ministry said on Tuesday that …"
		leadSaid: regexp.MustCompile(`^[^,“”"]{1,70}? (?:` + sayVerbs + `)(?: [A-Z]\w+| reporters| journalists)?(?: on \w+| last \w+| in a statement)? that `),
		// "…, the ministry said." "…, said Jane Doe." "…, he added on Monday."
		tailSaid: regexp.MustCompile(`, (?:` + sayVerbs + `) (?:\p{Lu}|the |a |an |his |her |their )[^“”"]{0,80}[.!]?$|, [^,“”"]{1,60}? (?:` + sayVerbs + `)(?: on \w+| in a statement| in an interview| last \w+)?[.!]?$`),
		// "…,” Lijian noted." → the quotation
		// (or with straight marks: "…," Lijian noted.)
		tailQuoteSaid: regexp.MustCompile(`(?:[,.!?]?”|[,.!?]") [^“”"]{1,60}[.!]?$`),
		tailAccording: regexp.MustCompile(`, according to [^,“”"]{1,60}[.!]?$`),
	}
})

// mainClause drafts a point's claim from its sentence: the dateline,
// attributions ("it is pertinent to state that", "…, she said") and leading
// connectives dropped, quotation marks taken off, shortened to a clause of
// at most about fifteen words.
func mainClause(s string) string {
	rs := clauseRE()
	s = strings.TrimSpace(s[dateline(s):])
	for range 3 {
		t := rs.connective.ReplaceAllString(s, "")
		t = rs.leadAttribution.ReplaceAllString(t, "")
		if t == s {
			break
		}
		s = t
	}
	saying := holdsAny(s, sayWords) || strings.Contains(s, "according")
	if !saying {
		// no attribution to drop
	} else if m := rs.tailQuoteSaid.FindStringIndex(s); m != nil && strings.ContainsAny(s[:m[0]], "“\"") {
		s = s[:m[0]]
	} else if m := rs.tailAccording.FindStringIndex(s); m != nil {
		s = s[:m[0]]
	} else if m := rs.tailSaid.FindStringIndex(s); m != nil && m[0] > 20 {
		if said, ok := saidAfterSpeaker(s, m[0]); ok {
			s = said
		} else {
			s = s[:m[0]]
		}
	} else if m := rs.leadSaid.FindStringIndex(s); m != nil && len(s)-m[1] > 20 {
		s = s[m[1]:]
	}
	s = strings.Map(func(r rune) rune {
		if r == '“' || r == '”' || r == '"' {
			return -1
		}
		return r
	}, s)
	return headingText(shorten(s, 15))
}

// saidAfterSpeaker reads "His agent, Daniel Osterberg, said the player had
// turned down the offers": when what comes before the attribution at cut
// is only the speaker (ending in a name set off by commas) and the verb of
// saying follows it, the claim is what was said.
func saidAfterSpeaker(s string, cut int) (string, bool) {
	kept := s[:cut]
	i := strings.LastIndex(kept, ", ")
	if i < 0 {
		return "", false
	}
	name := strings.Fields(kept[i+2:])
	if len(name) == 0 || len(name) > 4 {
		return "", false
	}
	for _, w := range name {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return "", false
		}
	}
	verb, said, _ := strings.Cut(strings.TrimPrefix(s[cut:], ", "), " ")
	if !slices.Contains(sayWords, verb) {
		return "", false
	}
	said = strings.TrimPrefix(said, "that ")
	if len(strings.Fields(said)) < 4 {
		return "", false
	}
	return said, true
}

// shorten cuts a text of more than max words at a clause boundary after
// its first few words, or else at max words with "…".
func shorten(s string, max int) string {
	words := strings.Fields(s)
	if len(words) <= max {
		return strings.Join(words, " ")
	}
	for i := 5; i < len(words) && i <= max; i++ {
		w := words[i-1]
		next := strings.ToLower(words[i])
		if strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") || next == "–" || next == "—" ||
			strings.HasSuffix(w, ",") && (next == "which" || next == "who" || next == "while" || next == "as" || next == "but" || next == "adding" || next == "although" || next == "because" || next == "where" || next == "whereas" || next == "and" || next == "saying") {
			return strings.Join(words[:i], " ")
		}
	}
	return cutAtPhrase(words, max) + " …"
}

// phraseStarts are the words a new phrase or clause starts with: a text is
// cut before one of them rather than after a word that leads into more.
var phraseStarts = []string{"in", "on", "at", "for", "to", "from", "by", "with", "into", "over", "under", "after", "before",
	"during", "since", "until", "against", "between", "among", "about", "across", "through", "while", "who", "which",
	"that", "where", "when", "and", "but", "or", "as", "because", "although", "if", "than"}

// dangling reports whether a text may not end on w: an article, a
// preposition or other function word, or a number ("a fee of 62").
func dangling(w string) bool {
	w = strings.ToLower(strings.Trim(w, ",;:“”\"‘’()"))
	return w == "" || wordIn(danglingWords, w) || determiner(w) || slices.Contains(phraseStarts, w) || slices.Contains(functionWords, w) || strings.Trim(w, "0123456789.,%$€£-") == ""
}

const danglingWords = "is are was were be been has have had will would could can may might should must not no some any more less most " +
	"very per such than then of off up out also just only yet still already never ever even so too mr mrs ms dr its their his her our my your"

// wordIn reports whether w is one of the words of list, a string of
// words separated by single spaces.
func wordIn(list, w string) bool {
	for list != "" {
		f, rest, _ := strings.Cut(list, " ")
		if f == w {
			return true
		}
		list = rest
	}
	return false
}

// cutAtPhrase keeps at most max of words, cut where a phrase or clause
// starts and never after a dangling word: "The council approved a fee of
// 62 euros per night for every visitor" rather than "… a fee of 62".
func cutAtPhrase(words []string, max int) string {
	if len(words) <= max {
		return strings.Join(words, " ")
	}
	lo := min(6, max)
	for i := max; i >= lo; i-- {
		prev, next := words[i-1], strings.ToLower(words[i])
		if dangling(prev) {
			continue
		}
		if strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, ";") || strings.HasSuffix(prev, ":") || slices.Contains(phraseStarts, next) {
			return strings.TrimRight(strings.Join(words[:i], " "), ",;:")
		}
	}
	w := words[:max]
	for len(w) > lo && dangling(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return strings.TrimRight(strings.Join(w, " "), ",;:")
}

// headingText makes a heading of a text: no trailing punctuation, an
// upper-case first letter, no "{#" that would read as an id.
func headingText(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " ,;:.–—-")
	s = strings.TrimLeft(s, " ,;:.–—-")
	s = strings.ReplaceAll(s, "{#", "{ #")
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// clauseAround returns the offsets of the clause of s that holds the date
// at s[start:end]: the run between the nearest clause breaks (a comma,
// semicolon, colon, dash or parenthesis), widened while it says little
// more than the date.
func clauseAround(s string, start, end int) (int, int) {
	breaks := []int{0}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case ',', ';', ':', '(', ')', '–', '—':
			if r == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				break // 2,000
			}
			if r == '(' {
				if j := acronymParen(s[i:]); j > 0 {
					i += j // "the Environment Programme (UNEP) estimates": one clause
					continue
				}
			}
			if i < start || i >= end {
				breaks = append(breaks, i, i+n)
			}
		case ' ':
			// "construction would begin within 18 months and the first
			// trams would run in 2030": "and" or "but" between two clauses
			// that read as sentences is a break too.
			for _, conj := range []string{" and ", " but "} {
				if !strings.HasPrefix(s[i:], conj) || i >= start && i < end {
					continue
				}
				rest := s[i+len(conj):]
				if j := strings.IndexAny(rest, ",;:()–—"); j >= 0 {
					rest = rest[:j]
				}
				if sentenceLike(rest) && hasVerb(s[breaks[len(breaks)-1]:i]) {
					breaks = append(breaks, i, i+len(conj))
				}
			}
		}
		i += n
	}
	breaks = append(breaks, len(s))
	// breaks holds pairs: a clause runs from breaks[2k] to breaks[2k+1].
	k := 0
	for k+2 < len(breaks) && breaks[k+2] <= start {
		k += 2
	}
	from, to := k, k+1
	words := func() int { return wordCount(s[breaks[from]:start]) + wordCount(s[end:breaks[to]]) }
	for words() < 6 && !(words() >= 3 && sentenceLike(s[breaks[from]:breaks[to]])) {
		before := len(strings.Fields(s[breaks[from]:start]))
		switch {
		case before <= 1 && to+2 < len(breaks):
			to += 2 // "In 2016, Russia initiated …": take what follows
		case from >= 2:
			from -= 2
		case to+2 < len(breaks):
			to += 2
		default:
			return trimClause(s, breaks[from], breaks[to])
		}
	}
	a, b := trimClause(s, breaks[from], breaks[to])
	// A long clause: the words around the date, about fourteen before
	// and eight after.
	if w := strings.Fields(s[a:start]); len(w) > 16 {
		k := len(w) - 14
		for j := k; j < len(w)-4; j++ {
			if starter(w[j]) { // start where a phrase does: "against the backdrop"
				k = j
				break
			}
		}
		a = start - len(strings.Join(w[k:], " "))
		for a > 0 && s[a-1] != ' ' {
			a--
		}
		if prev := lastWords(s[:a], 1); len(prev) > 0 && determiner(prev[0]) && !strings.EqualFold(prev[0], "of") {
			a -= len(prev[0]) + 1 // "the other is", "a closure that"
		}
		a = intoName(s, a) // not "Commerce said" for "the Chamber of Commerce said"
	}
	// Cut before a relative clause, keep its antecedent: "a closure that
	// had stranded", not "that had stranded".
	for back := 0; back < 4 && a > 0 && predicate(s[a:]); back++ {
		w := lastWords(s[:a], 1)
		if len(w) == 0 || strings.ContainsAny(w[0], ",;:()–—") {
			break
		}
		a = strings.LastIndex(strings.TrimRight(s[:a], " "), " ") + 1
		if determiner(w[0]) {
			break
		}
		if prev := lastWords(s[:a], 1); len(prev) > 0 && determiner(prev[0]) && !strings.EqualFold(prev[0], "of") {
			a -= len(prev[0]) + 1 // "a closure that had"
			break
		}
	}
	after := max(8, 16-len(strings.Fields(s[a:start])))
	if w := strings.Fields(s[end:b]); len(w) > after {
		w = w[:after]
		for len(w) > 3 && (stopword(strings.ToLower(strings.Trim(w[len(w)-1], ",;:"))) || strings.Trim(w[len(w)-1], "0123456789.,") == "") {
			w = w[:len(w)-1] // end on a word that says something, not "to 15"
		}
		b = end + strings.Index(s[end:], strings.Join(w, " ")) + len(strings.Join(w, " "))
	}
	return trimClause(s, a, b)
}

// acronymParen returns the length of the parenthesis that opens s when it
// holds only an acronym, "(UNEP)" or "(CFC-11)", and 0 otherwise.
func acronymParen(s string) int {
	j := strings.IndexByte(s, ')')
	if j < 2 || j > 12 {
		return 0
	}
	upper := 0
	for _, r := range strings.TrimSuffix(s[1:j], "s") { // "(HFCs)"
		switch {
		case unicode.IsUpper(r):
			upper++
		case '0' <= r && r <= '9' || r == '-':
		default:
			return 0
		}
	}
	if upper < 2 {
		return 0
	}
	return j + 1
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// wordCount counts the words of s that hold a letter.
func wordCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

func trimClause(s string, a, b int) (int, int) {
	for a < b && strings.ContainsRune(" ,;:()–—", rune(s[a])) {
		a++
	}
	for b > a && strings.ContainsRune(" ,;:(", rune(s[b-1])) {
		b--
	}
	for a < b && !utf8.RuneStart(s[a]) {
		a++
	}
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return a, b
}

var titleRE = sync.OnceValues(func() (*regexp.Regexp, *regexp.Regexp) {
	// "the army takeover in", "the military intervention of"
	return regexp.MustCompile(`(?i)(?:^|\s)(?:since|after|before|during|of|with|following|until|by|from|to|against|despite|amid|over) (?:the|its|their) ((?:[\p{L}’'-]+ ){0,3}[\p{L}’'-]+) (?:in|of|on|from|during)\s*$`),
		regexp.MustCompile(`(?i)\s*\b(?:in|on|since|by|from|during|at|of|until|before|after|for|over|within)\s*$`)
})

// eventTitle drafts an event's title from the clause that quotes it, the
// date phrase at s[start:end] of the sentence taken out: "since the army
// takeover in August 2021" gives "Army takeover"; "In 2016, Kenya opened
// the Harbour Forum" gives "Kenya opened the Harbour Forum".
func eventTitle(s string, cs, ce, start, end int) string {
	np, _ := titleRE()
	if m := np.FindStringSubmatch(s[max(cs, start-60):start]); m != nil && !stopword(strings.ToLower(strings.Fields(m[1])[0])) && !hasVerb(m[1]) && !adverbs(m[1]) && !namedAfterNoun(m[1]) {
		return headingText(m[1])
	}
	cut := withoutDate
	if dateSubject(s, start, end) {
		// "The past three years brought the town its worst catches":
		// the date is who did it, and stays.
		cut = func(before, after string) string { return withoutDate(before+s[start:end], after) }
		if w := lastWords(s[cs:start], 1); len(w) == 1 && !hasVerb(w[0]) && !strings.ContainsAny(w[0], ",;:()–—“”\"") && !stopword(strings.ToLower(w[0])) {
			// "… is the question the past four decades leave open": the
			// date opens a clause on the noun before it.
			if a, ok := antecedent(s[cs:start]); ok {
				return shortTitle(withoutDate(s[cs+a:end], strings.TrimRight(s[end:ce], ".!?")), 12)
			}
		}
	}
	c := cut(s[cs:start], s[end:ce])
	if wordCount(c) < 3 || !hasVerb(c) && wordCount(c) < 6 || predicate(c) {
		// A fragment ("over three nights in January 2025", "has been
		// disputed since …"): the sentence's own claim, the date taken out.
		c = cut(s[:start], s[end:])
	}
	c = speakerLead(dropAside(dropIntro(c)))
	if m := mainClause(c); hasVerb(m) || !hasVerb(c) {
		c = m
	} else {
		// "argued that chlorofluorocarbons (CFCs)": what was said is
		// cut short, so the attribution stays.
		c = headingText(shorten(c, 15))
	}
	if c == "" {
		return headingText(s[start:end])
	}
	return shortTitle(c, 12)
}

// namedAfterNoun reports whether a noun phrase names someone after a common
// noun ("Ghanaian club Accra Lions", "striker Kofi Amankwah"): a club or a
// person, not an event as "army takeover" or "Gulf War" are.
func namedAfterNoun(np string) bool {
	lower := false
	for _, w := range strings.Fields(np) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r) && lower:
			return true
		}
	}
	return false
}

// starter reports whether a phrase can start at word w: a determiner, a
// preposition or a name.
func starter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if lw := strings.ToLower(w); lw == "of" {
		return false
	} else if wordIn("in on at since after before during against with from for by over under between among despite", lw) {
		return true
	}
	return determiner(w) || unicode.IsUpper(r)
}

// sentenceLike reports whether a clause reads as a sentence of its own: a
// subject (a determiner, a name or a pronoun, after any "and" or "but")
// and a verb.
func sentenceLike(c string) bool {
	w := strings.Fields(strings.TrimLeft(c, " ,;:()–—"))
	if len(w) > 0 && (strings.EqualFold(w[0], "and") || strings.EqualFold(w[0], "but")) {
		w = w[1:]
	}
	if len(w) < 3 || !hasVerb(strings.Join(w, " ")) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[0])
	switch strings.ToLower(w[0]) {
	case "he", "she", "they", "it", "we", "i":
		return true
	}
	lower := strings.ToLower(w[0])
	return (determiner(w[0]) && lower != "of") || unicode.IsUpper(r) && !stopword(lower) && !starter(lower)
}

// predicate reports whether a clause starts without its subject: with an
// auxiliary or a relative pronoun ("has been disputed", "that had
// stranded").
func predicate(c string) bool {
	return wordIn("has have had was were is are will would could can may might that which who whom whose", strings.ToLower(firstWord(c)))
}

// withoutDate joins the text before a date phrase, less the preposition
// that leads into it, and the text after it.
func withoutDate(before, after string) string {
	_, prep := titleRE()
	before = prep.ReplaceAllString(before, "")
	t := strings.TrimSpace(before) + " " + strings.TrimSpace(after)
	t = strings.Join(strings.Fields(t), " ")
	t = strings.ReplaceAll(t, " ,", ",")
	t = strings.ReplaceAll(t, " .", ".")
	t = strings.TrimLeft(t, " ,;:")
	words := strings.Fields(t)
	for len(words) > 2 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ",;:."))
		if !slices.Contains(functionWords, w) && !slices.Contains(vagueWords, w) {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

var functionWords = []string{"the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "but", "from", "as", "its", "their", "this", "that"}

var vagueWords = []string{"nearly", "almost", "roughly", "around", "about", "some", "only", "just", "later", "earlier", "ago"}

// adverbs reports whether a phrase holds an adverb, which a noun phrase
// before a date does not ("her cart twice in 2017").
func adverbs(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if strings.HasSuffix(w, "ly") || w == "twice" || w == "again" || w == "once" || w == "already" || w == "also" {
			return true
		}
	}
	return false
}

// shortTitle keeps the first n words of a claim, ending at a word.
func shortTitle(s string, n int) string {
	cut := strings.HasSuffix(s, " …")
	s = strings.TrimSuffix(s, " …")
	words := strings.Fields(s)
	if len(words) <= n {
		if cut {
			return headingText(s) + " …"
		}
		return headingText(s)
	}
	return headingText(cutAtPhrase(words, n)) + " …"
}

// verbWords are auxiliaries and common irregular verbs.
const verbWords = "is are was were has have had will would be been did does do can could may might " +
	"began became came went took made gave found said held left won lost met ran saw set told wrote fell rose grew led paid sold " +
	"brought built fought kept struck spoke stood broke chose drew knew meant put sent shot shut spent threw begin begins " +
	"determine determines believes believe says say think thinks"

// hasVerb is a rough test that a short phrase holds a verb rather than being
// a noun phrase: an auxiliary or a past tense.
func hasVerb(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",;:.!?“”\"()")
		if strings.HasSuffix(w, "ed") && len(w) > 4 && w != "united" || len(w) > 1 && wordIn(verbWords, w) {
			return true
		}
	}
	return false
}

// dateSubject reports whether the date phrase at s[start:end] is the
// subject of its clause, "The past three years brought …" or "the question
// the past four decades leave open": no preposition leads into it, it is a
// noun phrase ("the 1990s", "2023") or a verb of being follows it ("Last
// year was the wettest"), and a verb, not a phrase, comes after it.
func dateSubject(s string, start, end int) bool {
	_, prep := titleRE()
	if prep.MatchString(s[max(0, start-24):start]) || strings.HasSuffix(strings.TrimRight(s[:start], " "), ",") && start > 0 {
		return false
	}
	next := firstWord(s[end:])
	if next == "" || strings.HasPrefix(s[end:], ",") || !unicode.IsLower([]rune(next)[0]) {
		return false
	}
	lw := strings.ToLower(next)
	if slices.Contains(phraseStarts, lw) || slices.Contains(functionWords, lw) || slices.Contains(vagueWords, lw) || strings.HasSuffix(lw, "ly") {
		return false
	}
	first := strings.ToLower(firstWord(s[start:]))
	return first == "the" || isDigit(s[start]) || wordIn("was is has had will saw brought", lw)
}
