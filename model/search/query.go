package search

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The query syntax is fzf's extended search: terms separated by spaces
// must all match, in any order. A term is a fuzzy word unless it is
// written
//
//	'word   exact: the text contains word
//	^word   prefix: the text starts with word
//	word$   suffix: the text ends with word
//	^word$  the whole text is word
//	!word   inverse: the text does not contain word (also !^word, !word$)
//	a | b   either a or b (a group of alternatives)
//
// A backslash before a space keeps the space inside the term. Matching
// ignores case, always.

// termKind says how a term matches.
type termKind uint8

const (
	termFuzzy  termKind = iota // the word, tiered (see the package documentation)
	termExact                  // 'word
	termPrefix                 // ^word
	termSuffix                 // word$
	termEqual                  // ^word$
)

// term is one word of a query, compiled.
type term struct {
	kind  termKind
	inv   bool   // !: the text must not match
	runes []rune // folded runes
	enc   []byte // the runes encoded as in the folded copies (see appendFolded)
	ascii bool   // every folded rune is ASCII
	edit  bool   // see editable
	mask  uint64 // character mask of the runes
	// letters are the runes a-z of the word, as bits (see camelLetters)
	letters uint32
	// others counts its runes that are not a-z; once is true when no
	// letter occurs twice (see bonusRunes)
	others int
	once   bool

	// Pieces of the word of which a text one edit away holds one (see
	// mayBeNear): its halves, or both of them but the runes next to the
	// middle, which a swap across the middle may have moved.
	half1, half2, part1, part2 []byte
	pmask                      [4]uint64 // their character masks
	ppairs                     [4]pairs  // their filters of pairs of bytes
	pairs                      pairs     // the filter of the word's pairs of bytes
	start                      uint64    // the bit of the word in a filter of word starts (see startOf)
	// The bits of the word's pairs of neighbouring runes in a filter of
	// pairs (see adjMax).
	adjPairs []pairBits
	adjMask  pairs // their bits together
	// adjDistinct: no two of them share a bit
	adjDistinct bool

	btab []int // boundTable of the word, when it has at most maxBoundRunes runes

	word string    // the folded runes, the pattern handed to fuzzy
	stem *stemTerm // a fuzzy word's stem, when it has one (see stem.go)
}

// editMin is the fewest runes a fuzzy word needs for typos to be forgiven:
// shorter words are too easily one edit away from something else.
const editMin = 4

func newTerm(kind termKind, inv bool, s string) term {
	t := term{kind: kind, inv: inv, ascii: true, once: true}
	var ends []int        // ends[k]: the length of the encoding of runes[:k+1]
	for _, r := range s { // like []rune(s): invalid bytes become U+FFFD
		f := foldRune(r)
		t.runes = append(t.runes, f)
		t.enc = appendFolded(t.enc, f)
		ends = append(ends, len(t.enc))
		t.mask |= runeBit(f)
		if 'a' <= f && f <= 'z' {
			t.once = t.once && t.letters&(1<<(f-'a')) == 0
			t.letters |= 1 << (f - 'a')
		} else {
			t.others++
		}
		if f >= utf8.RuneSelf {
			t.ascii = false
		}
	}
	t.word = string(t.runes)
	t.pairs = pairsOf(t.enc)
	t.adjDistinct = true
	for p := 1; p < len(ends); p++ {
		w, bit := pairBit(t.enc[ends[p-1]-1], t.enc[ends[p-1]])
		t.adjDistinct = t.adjDistinct && t.adjMask[w]&bit == 0
		t.adjMask[w] |= bit
		t.adjPairs = append(t.adjPairs, pairBits{uint8(w), bit})
	}
	t.start = startOf(t.enc)
	// A stem whose probe is the whole word matches only texts that hold the
	// word itself, which rank above it: it would only cost looks.
	if st := newStemTerm(t.runes); kind == termFuzzy && !inv && st.beyond(&t) {
		t.stem = st
	}
	if n := len(t.runes); n <= maxBoundRunes {
		sepAdj := 0
		for p := 1; p < n; p++ {
			if isSeparator(t.runes[p-1]) {
				sepAdj++
			}
		}
		t.btab = boundTable(n, sepAdj)
	}
	t.edit = len(t.runes) >= editMin && len(t.runes) <= maxEditRunes && !slices.ContainsFunc(t.runes, unicode.IsDigit)
	if n := len(t.runes); n >= editMin {
		h := n / 2
		t.half1, t.half2 = t.enc[:ends[h-1]], t.enc[ends[h-1]:]
		t.part1, t.part2 = t.enc[:ends[h-2]], t.enc[ends[h]:]
		for k, p := range [4][]byte{t.half1, t.half2, t.part1, t.part2} {
			for _, r := range string(p) {
				t.pmask[k] |= runeBit(r)
			}
			t.ppairs[k] = pairsOf(p)
		}
	}
	return t
}

// editable reports whether one edit in the word is forgiven: a word of
// editMin letters or more, without digits (a number or an id one digit
// off is another one, not a typo).
func (t *term) editable() bool { return t.edit }

// editTier is the tier of a text's word one edit away from the word, when
// editable: tierEditLong for a word of editFirst runes or more.
func (t *term) editTier() int {
	if len(t.runes) >= editFirst {
		return tierEditLong
	}
	return tierEdit
}

// editsFirst reports whether a word one edit away ranks above the word's
// runes inside a word, which is then looked for after it.
func (t *term) editsFirst() bool { return t.edit && len(t.runes) >= editFirst }

// Query is a compiled search: groups of alternative terms, every group
// to match. A Searcher keeps the last one to decide whether the next query
// narrows it.
type Query struct {
	text   string
	groups [][]term
	words  []*term // the fuzzy words standing alone in their group, in order: the phrase
	plain  bool    // the query is nothing but fuzzy words
	nul    bool    // a term holds a NUL, which nothing matches
	bound  int     // score bound of the words at length 0 (see lenBound), when bndOK
	boundE int     // the same with the words one rune longer: a word one edit away scores as the text's word
	bndOK  bool
	stems  bool // a fuzzy word may match a text that lacks it, by a word of another form (see stemTerm.beyond)
	// editsFirst: a fuzzy word one edit away ranks above its runes inside a
	// word (see term.editsFirst)
	editsFirst bool
	// editTop is the best tier a text can get with a typo: the highest
	// edit tier of the editable words (tierNone without any)
	editTop int
}

// NewQuery compiles s (see the syntax above).
func NewQuery(s string) Query {
	initFold()
	q := Query{text: s, plain: true}
	orNext := false
	for _, tok := range splitTerms(s) {
		if tok == "|" {
			orNext = len(q.groups) > 0
			continue
		}
		t, ok := parseTerm(tok)
		if !ok {
			continue
		}
		if bytes.IndexByte(t.enc, 0) >= 0 {
			q.nul = true
		}
		if orNext {
			k := len(q.groups) - 1
			q.groups[k] = append(q.groups[k], t)
		} else {
			q.groups = append(q.groups, []term{t})
		}
		orNext = false
	}
	q.bndOK = true
	q.editTop = tierNone
	for k := range q.groups {
		g := q.groups[k]
		if len(g) > 1 {
			q.bndOK = false // alternatives score too
		}
		for a := range g {
			q.stems = q.stems || len(g) > 1 && g[a].stem.beyond(&g[a])
			if t := &g[a]; t.kind == termFuzzy && !t.inv && t.editable() {
				q.editsFirst = q.editsFirst || t.editsFirst()
				q.editTop = max(q.editTop, t.editTier())
			}
		}
		if len(g) != 1 || g[0].kind != termFuzzy || g[0].inv {
			q.plain = false
			continue
		}
		t := &g[0]
		q.words = append(q.words, t)
		q.stems = q.stems || t.stem.beyond(t)
		b, ok := lenBound(len(t.runes))
		be, okE := lenBound(len(t.runes) + 1)
		q.bound += b
		q.boundE += be
		q.bndOK = q.bndOK && ok && okE
	}
	return q
}

// TypoTier is the best tier that a match with a typo (a word one edit
// away) can have for the query: no match in a tier above it needs one.
func (q Query) TypoTier() int { return max(tierEdit, q.editTop) }

// splitTerms cuts a query at spaces, keeping a space escaped with a
// backslash inside its term.
func splitTerms(s string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == ' ':
			cur.WriteByte(' ')
			i++
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n':
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteByte(s[i])
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// parseTerm reads the operators of one term, as fzf does; ok is false
// when nothing is left to match.
func parseTerm(tok string) (term, bool) {
	kind, inv := termFuzzy, false
	text := tok
	if strings.HasPrefix(text, "!") && len(text) > 1 {
		inv, text = true, text[1:]
	}
	suffix := false
	if text != "$" && strings.HasSuffix(text, "$") {
		suffix, text = true, text[:len(text)-1]
	}
	switch {
	case strings.HasPrefix(text, "'") && len(text) > 1:
		kind, text = termExact, text[1:]
	case strings.HasPrefix(text, "^") && len(text) > 1:
		kind, text = termPrefix, text[1:]
		if suffix {
			kind = termEqual
		}
	case suffix:
		kind = termSuffix
	case inv:
		kind = termExact // !word: the text does not contain word
	}
	if text == "" {
		return term{}, false
	}
	return newTerm(kind, inv, text), true
}

// String returns the query as given.
func (q Query) String() string { return q.text }

// Len returns the number of runes in the fuzzy words of the query.
func (q Query) Len() int {
	n := 0
	for _, w := range q.words {
		n += len(w.runes)
	}
	return n
}

// empty reports whether q matches nothing: no term at all, or a NUL.
func (q *Query) empty() bool { return len(q.groups) == 0 || q.nul }

// Words returns the fuzzy words of the query that stand alone in their
// group, and the texts of its exact, prefix and suffix terms: every one of
// them, or all but one of its runes (a typo forgiven), occurs in a match
// in order. Inverse terms and alternatives are left out.
func (q Query) Words() []string {
	var out []string
	for _, g := range q.groups {
		if len(g) == 1 && !g[0].inv {
			out = append(out, string(g[0].runes))
		}
	}
	return out
}

// Probes returns, for each of Words, the letters a word of a text must
// begin with to match it by its stem (see stem.go), or "" when it has no
// stem. A text that holds neither the word (as Words says) nor its probe
// cannot match.
func (q Query) Probes() []string {
	var out []string
	for _, g := range q.groups {
		if len(g) == 1 && !g[0].inv {
			p := ""
			if g[0].stem != nil {
				p = string(g[0].stem.probe)
			}
			out = append(out, p)
		}
	}
	return out
}

// Extends reports whether every text that may match q is among those that
// may match prev, as the Searcher remembers them: both are plain fuzzy
// words, q's words are prev's, except that the last may be longer, and
// maybe more words after them.
func (q Query) Extends(prev Query) bool {
	if !q.plain || !prev.plain || len(prev.words) == 0 || len(q.words) < len(prev.words) {
		return false
	}
	last := len(prev.words) - 1
	for k, w := range prev.words {
		v := q.words[k].runes
		if k == last {
			if len(v) < len(w.runes) || !slices.Equal(v[:len(w.runes)], w.runes) {
				return false
			}
		} else if !slices.Equal(v, w.runes) {
			return false
		}
	}
	return true
}
