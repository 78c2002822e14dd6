package search

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"
)

// The reference ranking: the rules of the package documentation written
// the slow, obvious way, with sahilm/fuzzy as the scorer. Index.Search
// must give the same items, tiers, scores and order.

type refMatch struct {
	item, tier, score int
}

// refFold folds a text as fuzzy compares it: up to the first NUL, each
// rune replaced by its fold representative (invalid bytes are U+FFFD).
func refFold(s string) []rune {
	initFold()
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	var out []rune
	for _, r := range s {
		out = append(out, foldRune(r))
	}
	return out
}

func refAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func refAt(t, w []rune, i int) bool {
	return i+len(w) <= len(t) && slices.Equal(t[i:i+len(w)], w)
}

func refStart(t []rune, i int) bool { return i == 0 || !refAlnum(t[i-1]) }

func refSubseq(t, w []rune) bool {
	p := 0
	for _, r := range t {
		if p < len(w) && r == w[p] {
			p++
		}
	}
	return p == len(w)
}

// refOSA is the optimal string alignment distance: insertions, deletions,
// substitutions and swaps of neighbours.
func refOSA(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range b {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// refWord returns the tier of word w in text s (-1: no match) and its
// score.
func refWord(s string, t, w []rune) (tier, score int) {
	fz := func(p string) (int, bool) {
		ms := fuzzy.Find(p, []string{s})
		if len(ms) == 0 {
			return 0, false
		}
		return ms[0].Score, true
	}
	sc, sub := fz(string(w))
	if sub {
		for i := range t {
			if refAt(t, w, i) && refStart(t, i) {
				return tierStart, sc
			}
		}
		for i := range t {
			if refAt(t, w, i) {
				return tierAnywhere, sc
			}
		}
	}
	if st := newStemTerm(w); st != nil {
		for i := range t {
			if !refStart(t, i) || !refAlnum(t[i]) {
				continue
			}
			j := i
			for j < len(t) && refAlnum(t[j]) {
				j++
			}
			word := string(t[i:j])
			if len(word) < stemMin || len(word) > maxStemRunes || strings.IndexFunc(word, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
				continue
			}
			if st.agrees(stemKeys(word)) {
				ss, _ := fz(word[:min(len(word), len(st.key))])
				return tierStem, ss
			}
		}
	}
	inWord := func() bool {
		if sub {
			for _, tok := range strings.FieldsFunc(string(t), unicode.IsSpace) {
				if refSubseq([]rune(tok), w) {
					return true
				}
			}
		}
		return false
	}
	editable := len(w) >= editMin && len(w) <= maxEditRunes && !slices.ContainsFunc(w, unicode.IsDigit)
	edit := func() (int, bool) {
		if !editable {
			return 0, false
		}
		for i := range t {
			if !refAlnum(t[i]) || !refStart(t, i) {
				continue
			}
			j := i
			for j < len(t) && refAlnum(t[j]) {
				j++
			}
			word := t[i:j]
			for _, k := range []int{len(w), len(w) + 1, len(w) - 1} {
				if k > len(word) || k == len(w)-1 && len(word) != k {
					continue
				}
				if refOSA(w, word[:k]) <= 1 {
					es, _ := fz(string(word[:k]))
					return es, true
				}
			}
		}
		return 0, false
	}
	// A word of five runes or more ranks a word one edit away above its
	// runes inside a word; a shorter one, below.
	if len(w) >= editFirst {
		if es, ok := edit(); ok {
			return tierEditLong, es
		}
		if inWord() {
			return tierInWord, sc
		}
	} else {
		if inWord() {
			return tierInWord, sc
		}
		if es, ok := edit(); ok {
			return tierEdit, es
		}
	}
	if sub {
		return tierScattered, sc
	}
	return tierNone, 0
}

// refPhrase reports whether the words follow one another in t as typed.
func refPhrase(t []rune, words [][]rune) bool {
	for i := range t {
		at, ok := i, refStart(t, i)
		for k, w := range words {
			if !ok {
				break
			}
			if k > 0 {
				j := at
				for j < len(t) && !refAlnum(t[j]) {
					j++
				}
				if j == at {
					ok = false
					break
				}
				at = j
			}
			if !refAt(t, w, at) {
				ok = false
				break
			}
			at += len(w)
			if k < len(words)-1 && at < len(t) && refAlnum(t[at]) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// refFind ranks texts for a query of plain words (operators are tested
// on their own).
func refFind(query string, texts []string) []refMatch {
	if strings.ContainsRune(query, 0) {
		return nil
	}
	var words [][]rune
	for _, f := range strings.Fields(query) {
		words = append(words, refFold(f))
	}
	if len(words) == 0 {
		return nil
	}
	var out []refMatch
	for i, s := range texts {
		t := refFold(s)
		tier, score := tierStart, 0
		for _, w := range words {
			wt, ws := refWord(s, t, w)
			if wt == tierNone {
				tier = tierNone
				break
			}
			tier, score = min(tier, wt), score+ws
		}
		if tier == tierNone {
			continue
		}
		if tier == tierStart && refPhrase(t, words) {
			tier = tierPhrase
		}
		out = append(out, refMatch{i, tier, score})
	}
	slices.SortStableFunc(out, func(a, b refMatch) int {
		if a.tier != b.tier {
			return b.tier - a.tier
		}
		return b.score - a.score
	})
	return out
}

// refExact counts the texts in which every word of the query occurs in
// order: the matches without a typo.
func refExact(query string, texts []string) int {
	n := 0
	for _, s := range texts {
		t, all := refFold(s), true
		for _, f := range strings.Fields(query) {
			all = all && refSubseq(t, refFold(f))
		}
		if all {
			n++
		}
	}
	return n
}
