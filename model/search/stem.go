package search

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Word forms. A word of the query also matches the forms of it that an
// English stemmer (Snowball's Porter2, github.com/kljensen/snowball) gives
// the same stem, with British and American spellings alike: "criticism"
// finds "criticized", "exporting" finds "exports", "recognised" finds
// "recognition" and "recognizing". These rank below the word itself
// (tierStem, below tierAnywhere).
//
// A text's word matches when its stem is the query word's, or begins with
// it, of five letters or more, and is at most two letters longer ("recogn"
// of "recognised" begins "recognit" of "recognition"), or the two differ by
// an -ist the stemmer leaves (see stemsAgree); a word in -y also counts as
// the word without it (recovery, recovered: see stemKeys). Only words of
// four to 32 plain ASCII letters are stemmed.

// stemMin is the fewest letters a word needs to be matched by its stem.
const stemMin = 4

// maxStemRunes bounds the words of a text that are stemmed.
const maxStemRunes = 32

// stemKey is the stem of a lower-case ASCII word, its spelling made
// American first.
func stemKey(w string) string {
	return english.Stem(americanize(w), false)
}

// stems are a word's stem and, for a word in -y, the stem of the word
// without it.
type stems struct{ key, alt string }

// stemKeys returns the stems of a lower-case ASCII word. The stemmer keeps
// the y of a noun as an i; the word without it may be the verb or adjective
// the noun is made of (recovery, recover; economy, economic). Six letters
// at least: policy is not police.
func stemKeys(w string) stems {
	s := stems{key: stemKey(w)}
	if strings.HasSuffix(w, "y") && len(w) > 6 {
		s.alt = stemKey(w[:len(w)-1])
	}
	return s
}

// americanize rewrites the British endings of a lower-case word as
// American ones, so that both spellings stem alike: -ise/-isation as
// -ize/-ization, -yse as -yze, -our as -or, -tre as -ter, -ogue as -og,
// -ence of defence, offence, licence and pretence as -ense, and -ll- before
// -ed, -ing, -er as -l- (travelled, modelling). Short words are left alone:
// four, hour, rise.
func americanize(w string) string {
	if len(w) < 6 {
		return w
	}
	for _, r := range britishEndings {
		for _, suf := range r.suffixes {
			if strings.HasSuffix(w, r.from+suf) && len(w)-len(r.from+suf) >= r.stem {
				return w[:len(w)-len(r.from+suf)] + r.to + suf
			}
		}
	}
	return w
}

// britishEndings are the rewrites of americanize: from (followed by one of
// the suffixes) becomes to, when at least stem letters come before it.
var britishEndings = []struct {
	from, to string
	stem     int
	suffixes []string
}{
	{"isation", "ization", 3, []string{"", "s", "al"}},
	{"ise", "ize", 3, []string{"", "s", "d", "r", "rs"}},
	{"is", "iz", 3, []string{"ing", "ation", "ations"}},
	{"yse", "yze", 3, []string{"", "s", "d", "r"}},
	{"ys", "yz", 3, []string{"ing"}},
	{"our", "or", 3, []string{"", "s", "ed", "ing", "ite", "ites", "able", "ful"}},
	{"tre", "ter", 3, []string{"", "s", "d"}},
	{"ogue", "og", 3, []string{"", "s"}},
	{"fence", "fense", 0, []string{"", "s"}},
	{"licence", "license", 0, []string{"", "s", "d"}},
	{"pretence", "pretense", 0, []string{"", "s"}},
	{"ll", "l", 4, []string{"ed", "ing", "er", "ers"}},
}

// stemsAgree reports whether a text word's stem t agrees with a query
// word's stem q (see above).
func stemsAgree(q, t string) bool {
	if q == t || len(q) >= 5 && len(t)-len(q) <= 2 && strings.HasPrefix(t, q) {
		return true
	}
	// The stemmer keeps -ist where it takes -ism away (terrorist,
	// terrorism: "terror").
	short, long := q, t
	if len(short) > len(long) {
		short, long = long, short
	}
	rest, ok := strings.CutPrefix(long, short)
	return ok && rest == "ist" && len(short) >= 5
}

// stemTerm is what a query word needs to be matched by its stem.
type stemTerm struct {
	key   string // the word's stem
	alt   string // for a word in -y, the stem of the word without it (recovery: "recov" of recover), or ""
	probe []byte // the first letters the text's word must begin with
	mask  uint64 // character mask of probe
	pairs pairs  // filter of probe's pairs of bytes
}

// newStemTerm prepares the stem of a fuzzy word, or returns nil when it
// has none: not plain ASCII letters, or too short.
func newStemTerm(runes []rune) *stemTerm {
	if len(runes) < stemMin || len(runes) > maxStemRunes {
		return nil
	}
	b := make([]byte, len(runes))
	for i, r := range runes {
		if r < 'a' || r > 'z' {
			return nil
		}
		b[i] = byte(r)
	}
	w := string(b)
	k := stemKeys(w)
	key, alt := k.key, k.alt
	// A text's word of the same stem begins with the letters the word and
	// its stem share (its stem begins with the word's, and a stem is the
	// start of its word, spelt the American way), but for an i that may
	// stand for a y (cities, city) and an -ist (see stemsAgree).
	n := 0
	for n < len(key) && n < len(w) && key[n] == w[n] && (alt == "" || n < len(alt) && alt[n] == w[n]) {
		n++
	}
	switch {
	case strings.HasSuffix(key, "ist") && n > len(key)-3:
		n = len(key) - 3 // terrorists: terrorism
	case n > 0 && w[n-1] == 'i':
		n--
	}
	if n < 3 {
		return nil
	}
	st := &stemTerm{key: key, alt: alt, probe: []byte(w[:n])}
	for _, c := range st.probe {
		st.mask |= runeBit(rune(c))
	}
	st.pairs = pairsOf(st.probe)
	return st
}

// agrees reports whether the stems of a text's word agree with the
// word's.
func (st *stemTerm) agrees(t stems) bool {
	for _, q := range [2]string{st.key, st.alt} {
		if q != "" && (stemsAgree(q, t.key) || t.alt != "" && stemsAgree(q, t.alt)) {
			return true
		}
	}
	return false
}

// beyond reports whether the stem (nil: none) can match a text that lacks
// the word itself: its probe is shorter than the word. Otherwise every text
// it matches holds the word, in order, as a Searcher remembers it.
func (st *stemTerm) beyond(t *term) bool {
	return st != nil && len(st.probe) < len(t.enc)
}

// stemCache remembers the stems of a worker's text words.
type stemCache map[string]stems

// key returns the stems of a text's word (folded, ASCII letters).
func (c stemCache) key(word []byte) stems {
	if k, ok := c[string(word)]; ok {
		return k
	}
	if len(c) >= 1<<14 {
		clear(c)
	}
	w := string(word)
	k := stemKeys(w)
	c[w] = k
	return k
}

// find looks in f, whose character mask is m and filter of pairs p, for a
// word whose stem agrees with the term's: it returns the word's offset and
// its length in runes (bytes: the word is ASCII), or -1.
func (st *stemTerm) find(f []byte, m uint64, p pairs, cache stemCache) (at, n int) {
	if st.mask&^m != 0 || !st.pairs.mayHold(p) {
		return -1, 0
	}
	for from := 0; ; {
		k := indexBytes(f[from:], st.probe)
		if k < 0 {
			return -1, 0
		}
		s := from + k
		from = s + 1
		if !wordStart(f, s) {
			continue
		}
		e := s
		for e < len(f) && e-s <= maxStemRunes && f[e] >= 'a' && f[e] <= 'z' {
			e++
		}
		if e-s > maxStemRunes || e-s < stemMin || !wordEnd(f, e) {
			continue
		}
		if st.agrees(cache.key(f[s:e])) {
			return s, e - s
		}
	}
}
