package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model/sanitize"
)

// resolve finds a quote in the source body and the sentences it spans.
// Whitespace is forgiven, nothing else.
func (bd *builder) resolve(rq rawQuote) (Quote, bool) {
	q := collapse(sanitize.Text(rq.text))
	if q == "" {
		bd.errorf(rq.pos, "empty quote")
		return Quote{}, false
	}
	body := bd.b.Source.Body
	if body == "" {
		return Quote{}, false // the article itself failed; that error is reported
	}
	at := occurrences(body, q)
	if len(at) == 0 {
		bd.notFound(rq, q)
		return Quote{}, false
	}
	src := &bd.b.Source
	i := at[0]
	if rq.at != "" {
		var where []string
		pick := -1
		for _, o := range at {
			ids := src.sentencesIn(o, o+len(q))
			where = append(where, ids[0])
			for _, id := range ids {
				if id == rq.at || strings.HasPrefix(id, rq.at+".") {
					pick = o
				}
			}
		}
		switch {
		case pick >= 0:
			i = pick
		case bd.b.Sentence(rq.at) == nil && bd.b.paragraph(rq.at) == nil:
			bd.errorf(rq.atPos, "at: %q is not a paragraph (pN) or sentence (pN.sM) of the article%s", rq.at, didYouMean(rq.at, bd.b.sourceIDs()))
			return Quote{}, false
		default:
			bd.errorf(rq.atPos, "at: the quote does not occur in %s; it occurs in %s", rq.at, strings.Join(where, ", "))
			return Quote{}, false
		}
	} else if len(at) > 1 {
		var where []string
		for _, o := range at {
			where = append(where, src.sentencesIn(o, o+len(q))[0])
		}
		bd.warnf(rq.pos, "quote occurs %d times in the article (in %s); it cites the first: add \"- at: %s\" right under it to pick another", len(at), strings.Join(where, ", "), where[1])
	}
	return Quote{Text: q, Sentences: src.sentencesIn(i, i+len(q)), Start: i, End: i + len(q), Pos: rq.pos}, true
}

// occurrences lists where q starts in body, overlapping ones included.
func occurrences(body, q string) []int {
	var out []int
	for off := 0; ; {
		i := strings.Index(body[off:], q)
		if i < 0 {
			return out
		}
		out = append(out, off+i)
		off += i + 1
	}
}

// notFound reports a quote the article does not hold: where the first
// character that differs is in the file, the article's text beside the
// quote's from there, and the likely cause when it is a straight or curly
// quotation mark, an apostrophe or a dash. With fixes on, a quote that
// differs only in such characters is recorded for rewriting.
func (bd *builder) notFound(rq rawQuote, q string) {
	body := bd.b.Source.Body
	pos := rq.pos
	runePos := quotePositions(rq, q)
	if bd.fixes != nil && runePos != nil {
		if edits, ok := foldMatch(body, q, runePos); ok {
			*bd.fixes = append(*bd.fixes, edits...)
			return
		}
	}
	runes := []rune(q)
	if art := caseMatch(body, q); art != nil && !strings.Contains(foldString(body), foldString(q)) {
		// Found but for case (and perhaps quotation marks): point at the
		// first character that differs.
		d := 0
		for d < len(runes) && art[d] == runes[d] {
			d++
		}
		if runePos != nil && d < len(runePos) {
			pos = runePos[d]
		}
		bd.errorf(pos, "quote not found in the article: it differs in case; the article has %s where the quote has %s", excerpt(string(art), 40, false), excerpt(q, 40, false))
		return
	}
	if e := ellipsis(q); e >= 0 && !strings.Contains(body, q) {
		if runePos != nil && e < len(runePos) {
			pos = runePos[e]
		}
		bd.errorf(pos, "quote not found in the article: a quote cannot skip words, and this one holds %q; split it into two quotes, one for each part", string([]rune(q)[e:e+ellipsisLen(q, e)]))
		return
	}
	lo := matchedPrefix(body, runes)
	if lo < 3 {
		bd.errorf(pos, "quote not found in the article: no part of %s occurs in it", excerpt(q, 60, false))
		return
	}
	if runePos != nil {
		pos = runePos[lo]
	}
	prefix := string(runes[:lo])
	k := strings.Index(body, prefix) + len(prefix)
	// Of the places the prefix occurs, show one where the next character
	// differs only as a quotation mark or dash does, if there is one.
	for i, seen := k-len(prefix), 0; i >= 0 && seen < 1000; seen++ {
		if r, _ := utf8.DecodeRuneInString(body[i+len(prefix):]); lo < len(runes) && charCause(r, runes[lo]) != "" {
			k = i + len(prefix)
			break
		}
		j := strings.Index(body[i+1:], prefix)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	article := []rune(body[k:])
	mine := runes[lo:]
	msg := fmt.Sprintf("quote not found in the article: it matches up to %s, then the article has %s where the quote has %s",
		excerpt(prefix, 30, true), excerpt(string(article), 24, false), excerpt(string(mine), 24, false))
	if len(article) > 0 {
		if cause := charCause(article[0], mine[0]); cause != "" {
			msg += "; " + cause
			if bd.fixable(q) {
				msg += " (brief fix rewrites it)"
			}
		}
	}
	bd.errorf(pos, "%s", msg)
}

// caseMatch returns the article's runes where q occurs ignoring case and
// quotation marks, or nil.
func caseMatch(body, q string) []rune {
	lb, lq := strings.ToLower(foldString(body)), strings.ToLower(foldString(q))
	k := strings.Index(lb, lq)
	if k < 0 {
		return nil
	}
	br := []rune(body)
	rk, n := utf8.RuneCountInString(lb[:k]), utf8.RuneCountInString(q)
	if utf8.RuneCountInString(lb) != len(br) || rk+n > len(br) {
		return nil // lower-casing changed the length: no way to line up
	}
	return br[rk : rk+n]
}

// matchedPrefix is the length in runes of the longest prefix of q that
// occurs in body. Containment is monotonic in prefix length, so it is a
// binary search.
func matchedPrefix(body string, runes []rune) int {
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(body, string(runes[:mid])) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// quotePositions maps each rune of the collapsed quote q to its line and
// column in the file; nil when sanitising changed the text, so the map
// would not line up.
func quotePositions(rq rawQuote, q string) []Pos {
	var poss []Pos
	for i, sg := range rq.segs {
		if i > 0 {
			prev := rq.segs[i-1]
			poss = append(poss, Pos{prev.pos.Line, prev.pos.Col + prev.n}) // the joining space
		}
		for j := 0; j < sg.n; j++ {
			poss = append(poss, Pos{sg.pos.Line, sg.pos.Col + j})
		}
	}
	raw := []rune(rq.text)
	if len(raw) != len(poss) {
		return nil
	}
	// Collapse white space as collapse() does, keeping positions.
	var out []rune
	var outPos []Pos
	space := false
	for i, r := range raw {
		if unicode.IsSpace(r) {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			outPos = append(outPos, poss[i-1])
			space = false
		}
		out = append(out, r)
		outPos = append(outPos, poss[i])
	}
	if string(out) != q {
		return nil
	}
	return outPos
}

// fold maps the characters authors type for the article's typographic
// ones: curly quotes to straight, dashes to hyphens. One rune to one, so
// positions stay aligned.
func fold(r rune) rune {
	switch r {
	case '‘', '’', '‛', '′':
		return '\''
	case '“', '”', '„', '″':
		return '"'
	case '–', '—', '‐', '‑', '−':
		return '-'
	}
	return r
}

func foldString(s string) string { return strings.Map(fold, s) }

// fixable reports whether q matches the article at exactly one place once
// quotation marks and dashes are folded.
func (bd *builder) fixable(q string) bool {
	_, ok := foldMatch(bd.b.Source.Body, q, nil)
	return ok
}

// foldMatch finds q in body ignoring the straight/curly and dash
// differences; when it matches exactly once, it returns the edits that give
// the quote the article's characters (with positions, when poss is set).
func foldMatch(body, q string, poss []Pos) ([]Fix, bool) {
	fb, fq := foldString(body), foldString(q)
	at := occurrences(fb, fq)
	if len(at) != 1 {
		return nil, false
	}
	// fold keeps rune counts, so the match's runes line up with the body's.
	bodyRunes := []rune(body)
	start := utf8.RuneCountInString(fb[:at[0]])
	var edits []Fix
	for k, r := range []rune(q) {
		if a := bodyRunes[start+k]; a != r {
			f := Fix{From: r, To: a}
			if poss != nil {
				f.Pos = poss[k]
			}
			edits = append(edits, f)
		}
	}
	return edits, true
}

// charCause names a typographic difference between the article's character
// a and the quote's q.
func charCause(a, q rune) string {
	name := func(r rune) string {
		switch r {
		case '\'':
			return "a straight apostrophe '"
		case '"':
			return "a straight quotation mark \""
		case '‘', '’':
			return fmt.Sprintf("a curly %c (U+%04X)", r, r)
		case '“', '”':
			return fmt.Sprintf("a curly %c (U+%04X)", r, r)
		case '-':
			return "a hyphen -"
		case '–':
			return "an en dash – (U+2013)"
		case '—':
			return "an em dash — (U+2014)"
		}
		return fmt.Sprintf("%q", r)
	}
	if a != q && fold(a) == fold(q) {
		return fmt.Sprintf("the article has %s where the quote has %s", name(a), name(q))
	}
	return ""
}

// excerpt quotes s, shortened to n characters from its end (tail) or start.
func excerpt(s string, n int, tail bool) string {
	r := []rune(s)
	if len(r) > n {
		if tail {
			s = "…" + string(r[len(r)-n:])
		} else {
			s = string(r[:n]) + "…"
		}
	}
	return "“" + sanitize.Line(s) + "”"
}

// sentencesIn lists the ids of the sentences overlapping body[start:end].
// The paragraphs are in the order of the body, so a binary search finds the
// first one that can overlap: a briefing quoting every sentence of a long
// article resolves its quotes in n log n, not n².
func (s *Source) sentencesIn(start, end int) []string {
	ps := s.Paragraphs
	first := sort.Search(len(ps), func(i int) bool {
		for ; i < len(ps); i++ { // an empty paragraph answers as the next one
			if ss := ps[i].Sentences; len(ss) > 0 {
				return ss[len(ss)-1].End > start
			}
		}
		return true
	})
	var ids []string
	for _, p := range ps[first:] {
		if len(p.Sentences) > 0 && p.Sentences[0].Start >= end {
			break
		}
		for _, sn := range p.Sentences {
			if sn.Start < end && start < sn.End {
				ids = append(ids, sn.ID)
			}
		}
	}
	return ids
}

// index builds the lookup tables used by the views: ids to items and
// sentences to the items that cite them.
func (b *Briefing) index() {
	b.ids = map[string]any{}
	b.citers = map[string][]Ref{}
	cite := func(kind RefKind, id string, qs []Quote) {
		for _, q := range qs {
			for _, s := range q.Sentences {
				refs := b.citers[s]
				if n := len(refs); n == 0 || refs[n-1] != (Ref{kind, id}) {
					b.citers[s] = append(refs, Ref{kind, id})
				}
			}
		}
	}
	for _, t := range b.Themes {
		b.ids[t.ID] = t
		for _, p := range t.Points {
			b.ids[p.ID] = p
			cite(KindPoint, p.ID, p.Quotes)
		}
	}
	for _, e := range b.Timeline {
		b.ids[e.ID] = e
		cite(KindEvent, e.ID, e.Quotes)
	}
	for _, a := range b.Actors {
		b.ids[a.ID] = a
		cite(KindActor, a.ID, a.Quotes)
	}
	for _, t := range b.Glossary {
		b.ids[t.ID] = t
		cite(KindTerm, t.ID, t.Quotes)
	}
}

// Theme, Point, Event, Actor and Term look an item up by id (nil if absent).
func (b *Briefing) Theme(id string) *Theme { t, _ := b.ids[id].(*Theme); return t }
func (b *Briefing) Point(id string) *Point { p, _ := b.ids[id].(*Point); return p }
func (b *Briefing) Event(id string) *Event { e, _ := b.ids[id].(*Event); return e }
func (b *Briefing) Actor(id string) *Actor { a, _ := b.ids[id].(*Actor); return a }
func (b *Briefing) Term(id string) *Term   { t, _ := b.ids[id].(*Term); return t }

// Sentence returns the source sentence with the given id ("p3.s2"), or
// nil. The id says where the sentence is, so no table is needed: a
// library holds many sentences.
func (b *Briefing) Sentence(id string) *Sentence {
	ps, ss, ok := strings.Cut(strings.TrimPrefix(id, "p"), ".s")
	if !ok {
		return nil
	}
	p, err1 := strconv.Atoi(ps)
	s, err2 := strconv.Atoi(ss)
	if err1 != nil || err2 != nil || p < 1 || p > len(b.Source.Paragraphs) {
		return nil
	}
	sents := b.Source.Paragraphs[p-1].Sentences
	if s < 1 || s > len(sents) || sents[s-1].ID != id { // "p03.s1" and "+3" are not ids
		return nil
	}
	return sents[s-1]
}

// Sentences returns every sentence of the source in order.
func (b *Briefing) Sentences() []*Sentence {
	var out []*Sentence
	for _, p := range b.Source.Paragraphs {
		out = append(out, p.Sentences...)
	}
	return out
}

// CitedBy lists the points, events, actors and glossary terms whose quotes
// cite a sentence, in briefing order.
func (b *Briefing) CitedBy(sentenceID string) []Ref { return b.citers[sentenceID] }

// Points returns every point of every theme in order.
func (b *Briefing) Points() []*Point {
	var out []*Point
	for _, t := range b.Themes {
		out = append(out, t.Points...)
	}
	return out
}

// Quotes returns the quotes of an item, whatever its kind.
func (b *Briefing) Quotes(r Ref) []Quote {
	switch r.Kind {
	case KindPoint:
		if p := b.Point(r.ID); p != nil {
			return p.Quotes
		}
	case KindEvent:
		if e := b.Event(r.ID); e != nil {
			return e.Quotes
		}
	case KindActor:
		if a := b.Actor(r.ID); a != nil {
			return a.Quotes
		}
	case KindTerm:
		if t := b.Term(r.ID); t != nil {
			return t.Quotes
		}
	case KindTheme:
		var qs []Quote
		if t := b.Theme(r.ID); t != nil {
			for _, p := range t.Points {
				qs = append(qs, p.Quotes...)
			}
		}
		return qs
	}
	return nil
}

// SentencesOf lists the ids of the sentences an item rests on: the sentences
// its quotes span, or for an actor, also those that mention it.
func (b *Briefing) SentencesOf(r Ref) []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, q := range b.Quotes(r) {
		for _, s := range q.Sentences {
			add(s)
		}
	}
	if r.Kind == KindActor {
		if a := b.Actor(r.ID); a != nil {
			for _, m := range a.Mentions {
				add(m.Sentence)
			}
		}
	}
	sort.SliceStable(ids, func(i, j int) bool { return b.Sentence(ids[i]).Start < b.Sentence(ids[j]).Start })
	return ids
}

// findMentions scans the source for each actor's name and aliases: whole
// words, case-sensitive; where names overlap, the longest wins (so
// "non-Union workers" is not also a mention of "Union").
func (b *Briefing) findMentions() {
	type cand struct {
		start, end, actor int
	}
	for _, s := range b.Sentences() {
		var cs []cand
		for ai, a := range b.Actors {
			for _, name := range append([]string{a.Name}, a.Aliases...) {
				if name == "" {
					continue
				}
				for off := 0; ; {
					i := strings.Index(s.Text[off:], name)
					if i < 0 {
						break
					}
					st, en := off+i, off+i+len(name)
					if WordBoundary(s.Text, st, en) {
						cs = append(cs, cand{st, en, ai})
					}
					off = st + 1
				}
			}
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].start != cs[j].start {
				return cs[i].start < cs[j].start
			}
			return cs[i].end-cs[i].start > cs[j].end-cs[j].start
		})
		// Longest first at each start; a candidate inside a taken span loses.
		var taken []cand
		for _, c := range cs {
			ok := true
			for _, t := range taken {
				if c.start < t.end && t.start < c.end {
					if c.end-c.start > t.end-t.start {
						continue
					}
					ok = false
					break
				}
			}
			if ok {
				taken = append(taken, c)
			}
		}
		// Drop shorter spans swallowed by a longer one found later.
		for _, c := range taken {
			swallowed := false
			for _, t := range taken {
				if t != c && t.start <= c.start && c.end <= t.end && t.end-t.start > c.end-c.start {
					swallowed = true
				}
			}
			if !swallowed {
				a := b.Actors[c.actor]
				a.Mentions = append(a.Mentions, Mention{Sentence: s.ID, Start: c.start, End: c.end, Text: s.Text[c.start:c.end]})
			}
		}
	}
}

// WordBoundary reports whether s[start:end] stands as whole words: no
// letter or digit touches it on either side. Mentions are found with it,
// and so are the drafted ones of `brief new`.
func WordBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// paragraph returns the source paragraph with the given id ("p3"), or nil.
func (b *Briefing) paragraph(id string) *Paragraph {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "p"))
	if err != nil || !strings.HasPrefix(id, "p") || n < 1 || n > len(b.Source.Paragraphs) || b.Source.Paragraphs[n-1].ID != id {
		return nil
	}
	return b.Source.Paragraphs[n-1]
}

// sourceIDs lists every paragraph and sentence id of the source.
func (b *Briefing) sourceIDs() []string {
	var ids []string
	for _, p := range b.Source.Paragraphs {
		ids = append(ids, p.ID)
		for _, s := range p.Sentences {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// Skipped reports whether coverage leaves a sentence out: it, or its
// paragraph, is listed under "skip:".
func (b *Briefing) Skipped(s *Sentence) bool {
	for _, id := range b.Skip {
		if id == s.ID || id == b.Source.Paragraphs[s.Paragraph].ID {
			return true
		}
	}
	return false
}

// ellipsis returns the rune index of the first "…" or "..." in q, or -1.
func ellipsis(q string) int {
	i := strings.Index(q, "…")
	if j := strings.Index(q, "..."); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return -1
	}
	return len([]rune(q[:i]))
}

func ellipsisLen(q string, at int) int {
	if []rune(q)[at] == '…' {
		return 1
	}
	return 3
}
