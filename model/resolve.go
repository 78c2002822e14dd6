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
	i := strings.Index(body, q)
	if i < 0 {
		bd.errorf(rq.pos, "quote not found in the article: %s", divergence(body, q))
		return Quote{}, false
	}
	return Quote{Text: q, Sentences: bd.b.Source.sentencesIn(i, i+len(q)), Start: i, End: i + len(q), Pos: rq.pos}, true
}

// divergence says how far a quote matches the article before it differs, so
// the author can see the changed word.
func divergence(body, q string) string {
	// Containment is monotonic in prefix length, so binary search the longest
	// prefix of q (on rune boundaries) that occurs in the body.
	runes := []rune(q)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(body, string(runes[:mid])) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo < 3 {
		return fmt.Sprintf("no part of %s occurs in it", excerpt(q, 60, false))
	}
	return fmt.Sprintf("matches up to %s, then differs at %s", excerpt(string(runes[:lo]), 40, true), excerpt(string(runes[lo:]), 30, false))
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
func (s *Source) sentencesIn(start, end int) []string {
	var ids []string
	for _, p := range s.Paragraphs {
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
// "non-Taliban Afghan politicians" is not also a mention of "Taliban").
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
					if wordBoundary(s.Text, st, en) {
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

func wordBoundary(s string, start, end int) bool {
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
