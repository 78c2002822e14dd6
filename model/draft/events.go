package draft

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// eventFor drafts the quote and the title of the event whose date is fs[i]
// in sentence s: the smallest clause that holds the date, titled by that
// clause without the date phrase, and without the sentence's other date
// phrases, which are events of their own.
func eventFor(s string, fs []Found, i int) (cs, ce int, title string) {
	f := fs[i]
	masked := maskDates(s, fs, i)
	if a, b, t, ok := relativeEvent(masked, f.Start, f.End); ok {
		return a, b, t
	}
	if a, b, t, ok := reducedRelative(masked, f.Start, f.End); ok {
		return a, b, t
	}
	if b, t, ok := openingParticiple(masked, f.Start, f.End); ok {
		return 0, b, t
	}
	if a, b, t, ok := gappedEvent(s, masked, f.Start, f.End); ok {
		return a, b, t
	}
	cs, ce = clauseAround(s, f.Start, f.End)
	if w := strings.ToLower(firstWord(s[cs:])); (w == "who" || w == "which") && strings.HasSuffix(strings.TrimRight(s[:cs], " "), ",") {
		// "Maria Delgado, who sold fruit …, lost her cart in 2017":
		// the clause starts at the name.
		if a, ok := antecedent(strings.TrimSuffix(strings.TrimRight(s[:cs], " "), ",")); ok {
			cs = a
		}
	}
	title = eventTitle(masked, cs, ce, f.Start, f.End)
	if rest, ok := strings.CutPrefix(title, "That "); ok && (strings.HasPrefix(s[cs:], "and that ") || strings.HasPrefix(s[cs:], "but that ")) && wordCount(rest) >= 2 && hasVerb(rest) && !hasVerb(firstWord(rest)) {
		// "said construction would start in 2027 and that the first
		// turbines would deliver power by 2029": a clause of its own
		return cs, ce, shortTitle(rest, 12)
	}
	if name, rest, ok := strings.Cut(title, ", "); ok && cs > 0 && capitalised(name) && len(strings.Fields(name)) <= 4 && !hasVerb(name) && saidWord(firstWord(rest)) {
		// "The developer, Northline Energy, said …": the clause starts at
		// the name in apposition, which is the subject
		title = shortTitle(name+" "+rest, 12)
		if pre := strings.TrimSuffix(strings.TrimRight(s[:cs], " "), ","); len(strings.Fields(pre)) <= 3 && article(firstWord(pre)) && !strings.ContainsAny(pre, ",;:") {
			cs = 0 // the quote keeps "The developer,"
		}
	}
	if a, t, ok := participleEvent(s, cs, title); ok {
		return a, ce, t
	}
	if a, t, ok := borrowSubject(s, cs, title); ok {
		return a, ce, t
	}
	if a, t, ok := appositiveSubject(s, cs, title); ok {
		return a, ce, t
	}
	if w := strings.ToLower(firstWord(title)); slices.Contains(phraseStarts, w) || article(w) {
		// "For every visitor staying in the old town", "A tonne for
		// every boat": a phrase the quote starts at, not what happened
		if t, ok := clauseFromItsStart(masked, cs, ce, f.Start, f.End); ok {
			return cs, ce, t
		}
	}
	return cs, ce, title
}

// clauseFromItsStart titles a date whose quote starts inside a long clause
// after the clause's subject and verb, "The council approved a fee of 62
// euros per night for every visitor staying in the old town from next
// May": the quote keeps the words near the date, the title the clause from
// its start, "The council approved a fee of 62 euros per night …".
func clauseFromItsStart(s string, cs, ce, start, end int) (string, bool) {
	from := max(0, cs-200)
	if cs == 0 || !strings.HasSuffix(s[:cs], " ") {
		return "", false
	}
	brk := from
	if i := strings.LastIndexAny(s[from:cs], ",;:()–—“”\""); i >= 0 {
		brk = from + i + 1
	} else if from > 0 {
		return "", false // the clause is longer than a title can say
	}
	lead := strings.TrimSpace(s[brk:cs])
	if w := strings.ToLower(firstWord(lead)); w == "and" || w == "but" || w == "who" || w == "which" || w == "that" {
		return "", false
	}
	if words := strings.Fields(lead); len(words) < 3 || !article(words[0]) && !capitalised(words[0]) {
		return "", false
	}
	return shortTitle(mainClause(withoutDate(s[brk:start], strings.TrimRight(s[end:ce], ".!?"))), 12), true
}

// appositiveSubject reads a clause that starts with an aside on its
// subject, "emissions of CFC-11, a banned chemical, had risen since 2012":
// the clause is cut at the aside's first comma, so the subject is the noun
// phrase before it, "Emissions of CFC-11 had risen".
func appositiveSubject(s string, cs int, title string) (int, string, bool) {
	if cs == 0 || !article(firstWord(s[cs:])) || !strings.HasSuffix(strings.TrimRight(s[:cs], " "), ",") {
		return 0, "", false
	}
	aside, pred, ok := strings.Cut(s[cs:], ", ")
	if !ok || len(strings.Fields(aside)) > 6 || predicate(aside) || !(predicate(pred) || hasVerb(firstWord(pred))) {
		return 0, "", false
	}
	before := strings.TrimSuffix(strings.TrimRight(s[:cs], " "), ",")
	words := strings.Fields(before)
	n := 0
	for k := len(words) - 1; k >= 0 && n < 6; k-- {
		w := words[k]
		if strings.ContainsAny(w, ",;:()–—“”\"") || hasVerb(w) || stopword(strings.ToLower(w)) && !nameJoiner(strings.ToLower(w)) && !article(w) {
			break
		}
		n++
		if article(w) {
			break
		}
	}
	for n > 0 && nameJoiner(strings.ToLower(words[len(words)-n])) {
		n-- // not "of CFC-11"
	}
	if n == 0 {
		return 0, "", false
	}
	a := nameStart(before, len(words)-n)
	t := strings.TrimSuffix(title, " …")
	if i := strings.Index(t, ", "); i >= 0 {
		t = t[i+2:]
	}
	return a, shortTitle(strings.TrimSpace(before[a:])+" "+t, 12), true
}

// borrowSubject gives a clause that starts with its verb the subject the
// sentence opens with: "Santos, 23, signed a five-year contract on
// Friday" is titled "Santos signed a five-year contract", and quoted from
// "Santos".
func borrowSubject(s string, cs int, title string) (int, string, bool) {
	w := firstWord(s[cs:])
	if lw := strings.ToLower(w); lw == "and" || lw == "but" {
		// "Ozone levels fell below 1980 values, and are expected to
		// recover …": the verb after the "and" shares the subject.
		cs += len(w) + 1
		w = firstWord(s[cs:])
	}
	if cs == 0 || capitalised(w) || !hasVerb(w) || !strings.HasSuffix(strings.TrimRight(s[:cs], " "), ",") && !strings.HasSuffix(strings.TrimRight(s[:cs], " "), ", and") && !strings.HasSuffix(strings.TrimRight(s[:cs], " "), ", but") || !strings.EqualFold(firstWord(title), w) {
		return 0, "", false
	}
	head := s[max(0, cs-300):cs] // a subject is near
	afterSemi := false
	if i := strings.LastIndex(head, ";"); i >= 0 {
		head, afterSemi = head[i+1:], true // "…; developing countries, helped by …, followed"
	}
	subj, _, ok := strings.Cut(head, ",")
	subj = strings.TrimSpace(subj)
	if words := strings.Fields(subj); ok && hasVerb(subj) {
		// the subject of the sentence's first verb: "Ozone levels"
		k := slices.IndexFunc(words, func(w string) bool { return hasVerb(w) })
		subj = strings.Join(words[:k], " ")
	}
	n := len(strings.Fields(subj))
	if !ok || n == 0 || n > 6 || !capitalised(subj) && !afterSemi || hasVerb(subj) || pronoun(firstWord(subj)) || starter(strings.ToLower(firstWord(subj))) && !article(firstWord(subj)) {
		return 0, "", false
	}
	t := lowerFirst(strings.TrimSuffix(title, " …"))
	if participle(strings.ToLower(w)) {
		// "helped by a fund set up, followed": the aside goes
		if _, rest, ok := strings.Cut(t, ", "); ok && (hasVerb(firstWord(rest)) || strings.HasSuffix(firstWord(rest), "ed")) {
			t = rest
		}
	}
	a := 0
	if afterSemi {
		a = strings.LastIndex(s[:cs], ";") + 1
		for a < len(s) && s[a] == ' ' {
			a++
		}
	}
	return a, shortTitle(subj+" "+t, 12), true
}

// dropIntro takes a leading phrase set off by a comma from a title whose
// rest reads as a sentence: "In the Rwandan capital Kigali, negotiators
// agreed …" → "negotiators agreed …".
func dropIntro(c string) string {
	if !wordIn("in on at after during with under amid despite following over from", strings.ToLower(firstWord(c))) {
		return c
	}
	i := strings.Index(c, ", ")
	if i < 0 || len(strings.Fields(c[:i])) > 10 || strings.ContainsAny(c[:i], ";:()–—“”\"") {
		return c
	}
	rest := c[i+2:]
	if f := firstWord(rest); !sentenceLike(rest) && !(len(strings.Fields(rest)) >= 3 && hasVerb(rest) && !stopword(strings.ToLower(f)) && unicode.IsLetter([]rune(f)[0])) {
		return c
	}
	return rest
}

var participles = []string{"set", "made", "built", "held", "written", "signed", "founded", "published", "launched", "given", "taken",
	"known", "seen", "born", "chosen", "elected", "found", "sent", "paid", "sold", "brought", "led", "kept", "begun", "drawn", "done", "opened", "formed", "created"}

// participle reports whether a word in lower case reads as a past
// participle: "signed", "set", "known".
func participle(w string) bool {
	return slices.Contains(participles, w) || strings.HasSuffix(w, "ed") && len(w) > 4
}

// participleEvent reads a date in a participle set off after its noun,
// "The latest assessment, published by the agency in January 2023, found
// …": the event is the noun and what was done to it, "The latest
// assessment was published by the agency".
func participleEvent(s string, cs int, title string) (int, string, bool) {
	w := strings.ToLower(firstWord(s[cs:]))
	if cs == 0 || !strings.HasSuffix(strings.TrimRight(s[:cs], " "), ",") || !participle(w) {
		return 0, "", false
	}
	before := strings.TrimSuffix(strings.TrimRight(s[:cs], " "), ",")
	a, ok := antecedent(before)
	if !ok || !article(firstWord(before[a:])) || strings.Contains(before[:a], ",") && a > 0 && !strings.HasSuffix(strings.TrimRight(before[:a], " "), ",") {
		return 0, "", false
	}
	np := strings.TrimSpace(before[a:])
	be := " was "
	if last := lastWords(np, 1); len(last) == 1 && strings.HasSuffix(last[0], "s") && !strings.HasSuffix(last[0], "ss") {
		be = " were "
	}
	t := lowerFirst(strings.TrimSuffix(title, " …"))
	return a, shortTitle(np+be+t, 12), true
}

// maskDates blanks the date phrases of s other than fs[keep], with the
// preposition that leads into each, keeping every offset: "voted on
// Tuesday to close the harbour from 2028" titles the 2028 event "voted to
// close the harbour".
func maskDates(s string, fs []Found, keep int) string {
	b := []byte(s)
	_, prep := titleRE()
	for j, f := range fs {
		if j == keep || f.End > len(s) || keep >= 0 && (f.End < fs[keep].Start-400 || f.Start > fs[keep].End+400) {
			continue // far from the date: no title reaches it
		}
		from := f.Start
		w := max(0, f.Start-24) // a preposition is a short word before it
		if m := prep.FindStringIndex(s[w:f.Start]); m != nil {
			from = w + m[0]
		} else if !isDigit(s[f.Start]) && !prep.MatchString(firstWord(s[f.Start:])+" ") && !slices.Contains(vagueWords, strings.ToLower(firstWord(s[f.Start:]))) || attributiveMeasure(s, f.Start) {
			// "the question the past four decades leave open": a date
			// that is a subject stays, and so does the year of "its 1980
			// values".
			continue
		}
		to := f.End
		if keep >= 0 {
			// "recover around 2040 in the Arctic and around 2066 in
			// Antarctica": the place after another date is that date's,
			// and so is the "and" that joins the two, but not one that
			// opens a that-clause of its own.
			to += ownPhrase(s[f.End:])
			if keep > j && strings.HasPrefix(s[to:], " and ") && !strings.HasPrefix(s[to:], " and that ") && fs[keep].Start-to < 40 {
				to += len(" and")
			} else if keep < j && strings.HasSuffix(s[:from], " and ") {
				from -= len("and ")
			}
		}
		for k := from; k < to; k++ {
			b[k] = ' '
		}
	}
	return string(b)
}

// ownPhrase returns the length of the place phrase that opens s, right
// after a date: " in the Arctic" in "around 2040 in the Arctic and …". It
// is a preposition of place and a few words that hold no verb, up to a
// clause break, an "and" or the end.
func ownPhrase(s string) int {
	words := strings.Fields(s[:min(len(s), 100)]) // seven words at most
	if len(words) < 2 {
		return 0
	}
	if !wordIn("in at over across near inside outside throughout among", strings.ToLower(words[0])) {
		return 0
	}
	n := 0
	for k := 1; k < len(words) && k <= 6; k++ {
		w := strings.ToLower(strings.TrimRight(words[k], ",;:.!?"))
		if w == "and" || w == "or" || w == "but" || w == "to" || hasVerb(w) || pronoun(w) && !article(w) {
			break
		}
		n = k
		if w != strings.ToLower(words[k]) {
			break // "in Antarctica."
		}
	}
	if n == 0 {
		return 0
	}
	end := nameStart(s, n) + len(words[n])
	return len(strings.TrimRight(s[:end], ",;:.!?"))
}

var articles = []string{"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our"}

func article(w string) bool { return slices.Contains(articles, strings.ToLower(w)) }

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// relativeEvent reads a date inside a relative clause, "ending a trade that
// began in the 1990s" or "the new terminal at Ostkaj, which opened in
// 2019", or a date that leads the noun of one, "a 2024 study that found
// the trade paid": the event is the noun phrase and its relative clause,
// titled as a sentence ("A trade began", "The new terminal at Ostkaj
// opened").
func relativeEvent(s string, start, end int) (cs, ce int, title string, ok bool) {
	rel := -1
	from := max(0, start-200) // twelve words at most
	for _, p := range []string{" that ", " which ", " who "} {
		if i := strings.LastIndex(s[from:start], p); i >= 0 && from+i > rel {
			rel = from + i
		}
	}
	var np string
	var relEnd int
	if rel >= 0 && !strings.ContainsAny(s[rel:start], ",;:()–—“”\"") && wordCount(s[rel:start]) <= 12 {
		a, ok := antecedent(strings.TrimSuffix(s[:rel], ","))
		if !ok {
			return 0, 0, "", false
		}
		cs, np = a, strings.TrimSuffix(s[a:rel], ",")
		relEnd = rel + 1 + len(firstWord(s[rel+1:])) + 1
	} else if w := lastWords(s[:start], 1); len(w) == 1 && article(w[0]) {
		// "a 2024 study that found": the date qualifies the noun
		after := strings.Fields(s[end:min(len(s), end+60)])
		k := slices.IndexFunc(after, func(w string) bool { return w == "that" || w == "which" || w == "who" })
		if k < 1 || k > 3 || strings.ContainsAny(strings.Join(after[:k], " "), ",;:()–—") {
			return 0, 0, "", false
		}
		cs = start - len(w[0]) - 1
		np = w[0] + " " + strings.Join(after[:k], " ")
		relEnd = end + strings.Index(s[end:], " "+after[k]+" ") + len(after[k]) + 2
		start, end = relEnd, relEnd
	} else {
		return 0, 0, "", false
	}
	ce = len(s)
	if j := strings.IndexAny(s[end:], ",;:()–—"); j >= 0 {
		ce = end + j
	}
	if w := strings.Fields(s[end:ce]); len(w) > 8 {
		ce = end + strings.Index(s[end:], strings.Join(w[:8], " ")) + len(strings.Join(w[:8], " "))
	}
	cs, ce = trimClause(s, cs, ce)
	rest := strings.TrimRight(withoutDate(s[relEnd:start], s[end:ce]), ".!?")
	for words := strings.Fields(rest); len(words) > 1; words = words[:len(words)-1] {
		if w := strings.ToLower(words[len(words)-1]); !slices.Contains(vagueWords, w) && !slices.Contains(functionWords, w) {
			break
		}
		rest = strings.Join(words[:len(words)-1], " ") // "began nearly a decade ago"
	}
	if wordCount(rest) == 0 || !hasVerb(rest) && wordCount(rest) < 2 {
		return 0, 0, "", false
	}
	title = strings.TrimRight(strings.Join(strings.Fields(np+" "+rest), " "), ".")
	return cs, ce, shortTitle(title, 12), true
}

// antecedent finds where the noun phrase that ends s starts: at its
// article ("the new terminal at Ostkaj"), or at the name it is ("Per
// Holm"). It fails where s ends in a verb ("said that").
func antecedent(s string) (int, bool) {
	words := strings.Fields(s)
	n := 0
	for k := len(words) - 1; k >= 0 && n < 8; k-- {
		w := words[k]
		if strings.ContainsAny(w, ",;:()–—“”\"") || hasVerb(w) || n == 0 && !unicode.IsLetter([]rune(w)[0]) {
			break
		}
		n++
		if article(w) {
			return nameStart(s, len(words)-n), true
		}
	}
	if n == 0 {
		return 0, false
	}
	// no article: a name of capitalised words
	first := len(words) - n
	for first < len(words) && !capitalised(words[first]) {
		first++
	}
	if first != len(words)-n || first >= len(words) {
		return 0, false
	}
	for k := first; k < len(words); k++ {
		if !capitalised(words[k]) && !nameJoiner(words[k]) {
			return 0, false
		}
	}
	return nameStart(s, first), true
}

func nameJoiner(w string) bool {
	return wordIn("of for and de du von van al bin", w)
}

// nameStart is the byte offset in s of its word k.
func nameStart(s string, k int) int {
	off := 0
	for i := 0; ; i++ {
		for off < len(s) && s[off] == ' ' {
			off++
		}
		if i == k || off >= len(s) {
			return off
		}
		for off < len(s) && s[off] != ' ' {
			off++
		}
	}
}

// intoName moves a clause's start at s[a:] back to the start of the proper
// name it would otherwise cut: "Commerce said" is "The Lindmark Chamber of
// Commerce said".
func intoName(s string, a int) int {
	if a == 0 || !capitalised(s[a:]) {
		return a
	}
	for {
		prev := lastWords(s[:a], 2)
		if len(prev) == 0 || strings.ContainsAny(prev[len(prev)-1], ",;:()–—“”\".") {
			return a
		}
		p := prev[len(prev)-1]
		switch {
		case capitalised(p):
		case nameJoiner(p) && len(prev) == 2 && capitalised(prev[0]) && !strings.ContainsAny(prev[0], ",;:()–—“”\"."):
		default:
			return a
		}
		a = strings.LastIndex(strings.TrimRight(s[:a], " "), " ") + 1
		if prev := lastWords(s[:a], 1); len(prev) == 1 && prev[0] == "the" {
			a -= len("the ") // "the United Nations"
		}
	}
}

// speakerLead drops "Opponents said " or "The Lindmark Chamber of Commerce
// said " from the front of a title whose claim follows it without "that".
func speakerLead(c string) string {
	words := strings.Fields(c)
	for k := 1; k < len(words) && k <= 6; k++ {
		if strings.ContainsAny(words[k-1], ",;:()–—“”\"") {
			return c
		}
		if slices.Contains(sayWords, words[k]) {
			rest := words[k+1:]
			if len(rest) > 0 && strings.EqualFold(rest[0], "that") {
				rest = rest[1:]
			}
			if len(rest) >= 4 && hasVerb(strings.Join(rest, " ")) && !article(words[k-1]) && !pronoun(rest[0]) {
				return strings.Join(rest, " ")
			}
			return c
		}
	}
	return c
}

// pronoun reports whether w stands for someone named before: a title does
// not start with it ("His team would return").
func pronoun(w string) bool {
	return wordIn("he she it they we i you his her its their our my your this these those", strings.ToLower(w))
}

// overlaps reports whether one title repeats the other's words wholesale:
// two thirds of the shorter one's content words are in the longer one.
func overlaps(a, b string) bool {
	wa, wb := contentSet(a), contentSet(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return n*3 >= len(wa)*2
}

func contentSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",;:.…“”\"()")
		if w != "" && !stopword(w) {
			m[w] = true
		}
	}
	return m
}

// infinitiveTitle titles a date that ends an infinitive, "voted to close
// its old harbour to cruise ships from 2028", by what will happen: "The
// old harbour closes to cruise ships".
// It returns the title and where the infinitive starts in s, for the
// event's quote.
func infinitiveTitle(s string, start int) (string, int, bool) {
	before := strings.Fields(s[:start])
	for k := len(before) - 3; k >= 1 && k >= len(before)-14; k-- {
		if before[k] != "to" || !hasVerb(before[k-1]) || strings.ContainsAny(before[k-1], ",;:") {
			continue
		}
		verb := before[k+1]
		obj := before[k+2:]
		p := slices.IndexFunc(obj, func(w string) bool { return wordIn("to from in on at for by with into until", w) })
		if p < 1 || !article(obj[0]) {
			return "", 0, false
		}
		np := slices.Clone(obj[:p])
		if strings.ToLower(np[0]) != "a" && strings.ToLower(np[0]) != "an" {
			np[0] = "the"
		}
		rest := withoutDate(strings.Join(obj[p:], " "), "")
		t := strings.Join(np, " ") + " " + thirdPerson(verb)
		if strings.TrimSpace(rest) != "" {
			t += " " + rest
		}
		return shortTitle(t, 12), nameStart(s, k), true
	}
	return "", 0, false
}

// thirdPerson puts a verb in the present third person: close → closes.
func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "o"):
		return v + "es"
	case strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

// dropAside takes a relative clause set off by commas out of a title,
// "Maria Delgado, who sold fruit near the station, lost her cart" →
// "Maria Delgado lost her cart", when a verb follows it.
func dropAside(c string) string {
	i := strings.Index(c, ", ")
	if i < 0 {
		return c
	}
	w := strings.ToLower(firstWord(c[i+2:]))
	if w != "who" && w != "which" {
		return c
	}
	j := strings.Index(c[i+2:], ", ")
	if j < 0 {
		return c
	}
	after := c[i+2+j+2:]
	if next := firstWord(after); next == "" || capitalised(next) || next == "and" || next == "or" || next == "but" || !hasVerb(after) {
		return c
	}
	return c[:i] + " " + after
}

// lowerFirst puts the first letter of s in lower case, for a title that
// goes after a subject: "Published by" → "… was published by".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// baselineWords lead into a comparison with an earlier figure.
var baselineWords = []string{"down from", "up from", "compared with", "compared to", "as against", "versus", "than it was", "than they were", "from a peak of", "from a high of", "from a low of"}

// baseline reports whether the date at s[start:] only dates the figure a
// comparison measures against: "turnout was 71 percent, down from 93
// percent a decade ago" says what turnout is now, not what happened a
// decade ago. The comparison is the clause that holds the date, up to it.
func baseline(s string, start int) bool {
	from := start
	for from > 0 && !(strings.ContainsRune(",;:(", rune(s[from-1])) && !(s[from-1] == ',' && from < len(s) && isDigit(s[from]) && from > 1 && isDigit(s[from-2]))) {
		from-- // back to the clause break, not the comma of "9,000"
	}
	if attributiveMeasure(s, start) {
		return true
	}
	// "smaller than in most years of the past two decades": a comparison
	// with every year of a period, not something that happened in it.
	near := strings.Fields(strings.ToLower(s[max(0, start-60):start]))
	if len(near) > 6 {
		near = near[len(near)-6:]
	}
	if k := slices.Index(near, "than"); k >= 0 {
		for _, w := range near[k+1:] {
			if wordIn("most any all every previous other ever", w) {
				return true
			}
		}
	}
	lead := strings.ToLower(s[from:start])
	if len(strings.Fields(lead)) > 8 {
		return false
	}
	for _, w := range baselineWords {
		if strings.Contains(" "+lead, " "+w+" ") {
			return true
		}
	}
	return false
}

// measureNouns are what a year before them measures: "its 1980 values".
var measureNouns = []string{"values", "value", "levels", "level", "figures", "figure", "prices", "price", "rates", "rate", "peak", "standards", "terms", "dollars", "average", "averages", "highs", "lows", "baseline", "output"}

// attributiveMeasure reports whether the year at s[start:] qualifies a
// measure, "return to its 1980 values" or "below 1990 levels": the year
// dates a yardstick, not an event.
func attributiveMeasure(s string, start int) bool {
	year, rest, _ := strings.Cut(s[start:], " ")
	if len(year) != 4 || !isDigit(year[0]) || !isDigit(year[3]) {
		return false
	}
	next := strings.ToLower(strings.TrimRight(firstWord(rest), ",;:.!?"))
	return slices.Contains(measureNouns, next)
}

// gappedEvent reads a date in a clause that leaves out the verb it shares
// with the clause before, "it should return to its 1980 values by around
// 2040; over Antarctica, by around 2066": the event is the earlier clause's
// subject and verb with the gapped clause's own words, "It should return to
// its 1980 values over Antarctica". masked is s with the other dates (and
// their own place phrases) blanked.
func gappedEvent(s, masked string, start, end int) (cs, ce int, title string, ok bool) {
	semi := strings.LastIndex(s[max(0, start-60):start], ";") // the gapped clause is short
	if semi >= 0 {
		semi += max(0, start-60)
	}
	if semi < 0 {
		return 0, 0, "", false
	}
	fragEnd := len(s)
	if j := strings.IndexAny(s[end:], ";"); j >= 0 {
		fragEnd = end + j
	}
	own := withoutDate(s[semi+1:start], s[end:fragEnd])
	own = strings.Trim(strings.ReplaceAll(own, ",", ""), " .!?")
	if n := wordCount(own); n == 0 || n > 6 || hasVerb(own) || strings.ContainsAny(own, "“”\"") {
		return 0, 0, "", false
	}
	from := max(0, semi-300)
	if i := strings.LastIndex(s[from:semi], ";"); i >= 0 {
		from += i + 1
	} else if from > 0 {
		return 0, 0, "", false // a clause too long to borrow from
	}
	words := strings.Fields(masked[from:semi])
	v := slices.IndexFunc(words, func(w string) bool {
		return hasVerb(w) || predicate(w) || wordIn("should must shall", strings.ToLower(w))
	})
	if v < 1 {
		return 0, 0, "", false
	}
	subj := v - 1
	if !pronoun(words[subj]) {
		for subj > 0 && v-subj < 5 && !article(words[subj]) {
			subj--
		}
		if !article(words[subj]) && !(subj == 0 && capitalised(words[0])) {
			return 0, 0, "", false
		}
	}
	if subj > 0 && !starter(strings.ToLower(words[0])) {
		return 0, 0, "", false // what comes before the subject is no leading phrase
	}
	pred := words[subj:]
	// "Prices rose in the north in 2020; in the south, in 2022": the
	// gapped clause's "in the south" stands for the earlier "in the north".
	if p := strings.ToLower(firstWord(own)); wordIn("in at over across for among", p) {
		if k := slices.IndexFunc(pred, func(w string) bool { return strings.EqualFold(w, p) }); k > 0 {
			pred = append(slices.Clone(pred[:k]), pred[k+min(len(pred)-k, 1+len(strings.Fields(own))-1):]...)
		}
	}
	clause := strings.Join(pred, " ")
	clause = strings.TrimRight(withoutDate(clause, ""), ",;: ")
	if wordCount(clause) < 2 {
		return 0, 0, "", false
	}
	cs, ce = trimClause(s, semi+1, fragEnd)
	return cs, ce, shortTitle(clause+" "+own, 12), true
}

// openingParticiple reads a date in a participle that opens the sentence,
// "Signed on 16 September 1987, it is often called the most successful
// treaty": what happened then is what the participle says of the subject,
// "It was signed" (the pronoun is resolved later, where the sentences
// before are known).
func openingParticiple(s string, start, end int) (ce int, title string, ok bool) {
	comma := strings.Index(s, ", ")
	w := strings.ToLower(firstWord(s))
	if comma < 0 || start > comma || !participle(w) || strings.ContainsAny(s[:comma], ";:()–—“”\"") {
		return 0, "", false
	}
	phrase := withoutDate(s[:start], s[end:comma])
	if n := wordCount(phrase); n == 0 || n > 10 || hasVerb(strings.Join(strings.Fields(phrase)[1:], " ")) {
		return 0, "", false
	}
	rest := strings.Fields(s[comma+2 : min(len(s), comma+200)])
	v := slices.IndexFunc(rest, func(w string) bool { return hasVerb(w) || predicate(w) })
	for k := 1; k < len(rest) && k <= 4 && (v < 0 || k < v) && article(rest[0]); k++ {
		if lw := strings.ToLower(rest[k]); lw == "now" || lw == "still" || lw == "also" || lw == "later" || strings.HasSuffix(lw, "ly") {
			v = k // "the cooperative now sells"
			break
		}
	}
	if v < 1 || v > 6 || strings.ContainsAny(strings.Join(rest[:v], " "), ",;:") {
		return 0, "", false
	}
	subj := strings.Join(rest[:v], " ")
	if f := strings.ToLower(rest[0]); !pronoun(f) && !article(f) && !capitalised(rest[0]) {
		return 0, "", false
	}
	be := " was "
	if last := strings.ToLower(rest[v-1]); last == "they" || last == "we" || strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !pronoun(last) {
		be = " were "
	}
	return comma, shortTitle(subj+be+lowerFirst(phrase), 12), true
}

// resolvePronoun puts the name a title's opening pronoun stands for in its
// place, "It was signed" → "The Montreal Protocol was signed", "Their
// strike began" → "The Fishermen's Union's strike began", when it is
// clear: the nearest text that names anything (what the sentence says
// before the clause, else the sentence before) names one thing only, of a
// kind the pronoun can stand for. Otherwise the title is left as it is.
func resolvePronoun(title, before, prev string) string {
	w := firstWord(title)
	lw := strings.ToLower(w)
	possessive := wordIn("its their his her", lw)
	if !possessive && !wordIn("it they he she", lw) {
		return title
	}
	for _, text := range []string{before, prev} {
		names := namesIn(text)
		if len(names) == 0 {
			continue
		}
		if len(names) > 1 {
			return title // two or more: not clear which
		}
		name := names[0]
		body := nameREs().org.MatchString(name)
		theName := strings.HasPrefix(name, "the ")
		if person := wordIn("he she his her", lw); person && (body || theName || !strings.Contains(name, " ")) || !person && !body && !theName {
			return title // a person for "it", or a body for "she"
		}
		if possessive {
			apos := "’" // as the text writes it
			if strings.Contains(text, "'") && !strings.Contains(text, "’") {
				apos = "'"
			}
			if strings.HasSuffix(name, "s") {
				name += apos
			} else {
				name += apos + "s"
			}
		}
		return headingText(name + title[len(w):])
	}
	return title
}

// namesIn lists the distinct names a text gives, runs of capitalised words
// other than a sentence's first word and the words that are never names,
// each with "the" before it where the text has it.
func namesIn(text string) []string {
	if text == "" {
		return nil
	}
	notNames := notNamesOnce()
	var out []string
	for _, m := range nameREs().name.FindAllStringIndex(text, -1) {
		st, en := m[0], m[1]
		name := strings.TrimRight(text[st:en], ".’'-")
		for {
			f, rest, ok := strings.Cut(name, " ")
			if !ok || !notNames[f] {
				break
			}
			name, st = rest, st+len(f)+1
		}
		if notNames[name] || strings.TrimLeft(text[:st], "“\"‘'([ ") == "" && !strings.Contains(name, " ") {
			continue // "Signed" opening a sentence is no name
		}
		if prev := lastWords(text[:st], 1); len(prev) == 1 && strings.EqualFold(prev[0], "the") {
			name = "the " + name
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// reducedRelative reads a date in a participle that follows its noun
// without "that" or "which", "helped by a Multilateral Fund set up in
// 1990": the event is the noun and what was done to it, "A Multilateral
// Fund was set up". The noun must not open its clause, where the
// participle would be its verb ("The council approved …").
func reducedRelative(s string, start, end int) (cs, ce int, title string, ok bool) {
	_, prep := titleRE()
	// The noun and its participle are a few words before the date: look
	// no further back, so a long sentence costs no more per date.
	off := max(0, start-200)
	if off > 0 {
		if i := strings.IndexByte(s[off:start], ' '); i >= 0 {
			off += i + 1
		}
	}
	whole := off == 0
	s, start, end = s[off:], start-off, end-off
	at := start // "in February": the phrase holds its preposition
	if !prep.MatchString(firstWord(s[start:]) + " ") {
		m := prep.FindStringIndex(s[max(0, start-24):start])
		if m == nil {
			return 0, 0, "", false
		}
		at = max(0, start-24) + m[0]
	}
	words := strings.Fields(s[:at])
	if len(words) < 3 {
		return 0, 0, "", false
	}
	k := len(words) - 1
	if wordIn("up out down off back", words[k]) {
		k-- // "set up"
	}
	p := words[k]
	if !participle(p) || k < 2 {
		return 0, 0, "", false
	}
	pStart := nameStart(s, k)
	a, ok := antecedent(s[:pStart])
	if !ok || !article(firstWord(s[a:])) || a == 0 {
		return 0, 0, "", false
	}
	np := strings.TrimSpace(s[a:pStart])
	if n := len(strings.Fields(np)); n > 6 || strings.ContainsAny(np, ",;:()–—“”\"") {
		return 0, 0, "", false
	}
	lead := lastWords(s[:a], 1)
	if len(lead) == 0 {
		return 0, 0, "", false
	}
	// the noun follows a preposition or a verb: it is no subject
	object := wordIn("in on at for to from by with into over under after before during since until against between among about across through of", strings.ToLower(lead[0]))
	if strings.HasSuffix(lead[0], ",") || !(object || hasVerb(lead[0]) || strings.HasSuffix(lead[0], "ing")) {
		return 0, 0, "", false // the noun opens its clause: the participle may be its verb
	}
	if whole && strings.TrimSpace(s[:a]) == lead[0] {
		return 0, 0, "", false // "In a report published in August, the IMF urged …": the main clause says what happened
	}
	be := " was "
	if last := strings.ToLower(lastWords(np, 1)[0]); strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		be = " were "
	}
	rest := withoutDate("", strings.TrimRight(s[end:end+ownPhrase(s[end:])], ".,;:"))
	t := np + be + strings.Join(words[k:], " ")
	if rest != "" {
		t += " " + rest
	}
	cs, ce = trimClause(s, a, end)
	return cs + off, ce + off, shortTitle(t, 12), true
}
