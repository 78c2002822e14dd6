package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Tiers, best first. A word of the query matches a text in one of these
// ways; a text's tier is that of its worst word, raised to tierPhrase when
// the words also follow one another as typed.
const (
	tierNone      = -1
	tierScattered = 0 // the word's runes in order, across words of the text (fuzzy)
	tierEdit      = 1 // a word of the text begins within one edit of the word, of fewer than editFirst runes
	tierInWord    = 2 // the word's runes in order inside one word of the text
	tierEditLong  = 3 // a word of the text begins within one edit of the word, of editFirst runes or more
	tierStem      = 4 // a word of the text with the same stem (see stem.go)
	tierAnywhere  = 5 // the word itself, inside a word of the text
	tierStart     = 6 // the word itself, at the start of a word of the text
	tierPhrase    = 7 // the words in order, each at a word start, one after another
)

// editFirst is the fewest runes of a word for which a word of the text one
// edit away ranks above its runes inside a word. Typed with a typo, a long
// word means the real word one edit away far more often than a long token
// (a path, a URL, an identifier) that happens to hold its runes in order;
// a shorter one is often typed as its letters in order on purpose ("cntrl"
// for control), and is one edit away from too many other words.
const editFirst = 8

// Tiers is the number of tiers; Match.Tier is below it.
const Tiers = tierPhrase + 1

// Classes of matches, best first. A tier belongs to one of three classes:
//
//	ClassWord       the word itself or a form of it: as a phrase, at a word
//	                start, inside a word, or by its stem
//	ClassNear       its letters in order inside one word, or one edit away
//	ClassScattered  its letters scattered across words
//
// Only the best class present in a list of results counts as matches; the
// others are weaker matches (see Weak).
const (
	ClassWord = iota
	ClassNear
	ClassScattered
)

// Class returns the class of a tier.
func Class(tier int) int {
	switch {
	case tier >= tierStem:
		return ClassWord
	case tier >= tierEdit:
		return ClassNear
	}
	return ClassScattered
}

// Weak reports whether a match of tier ranks in a weaker class than the
// best match of a list, of tier best.
func Weak(tier, best int) bool { return Class(tier) > Class(best) }

// TierName names a tier: "phrase", "word start", "in a word", "word form",
// "letters in a word", "one edit" or "scattered".
func TierName(tier int) string {
	switch tier {
	case tierPhrase:
		return "phrase"
	case tierStart:
		return "word start"
	case tierAnywhere:
		return "in a word"
	case tierStem:
		return "word form"
	case tierInWord:
		return "letters in a word"
	case tierEdit, tierEditLong:
		return "one edit"
	}
	return "scattered"
}

// decodeFolded decodes the rune at the start of a folded copy: the byte
// 0xFF is U+FFFD.
func decodeFolded(f []byte) (rune, int) {
	if c := f[0]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(f) // 0xFF: RuneError, 1
}

// isAlnum reports whether a folded rune is a letter or a digit.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var asciiAlnum = func() (t [128]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isSpace reports whether a folded rune separates the words of a text for
// the in-word tier.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// asciiSpace is isSpace over the ASCII runes.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isSpace(rune(c))
	}
	return t
}()

// wordStart reports whether offset at of f begins a word: nothing before
// it, or a rune that is no letter or digit.
func wordStart(f []byte, at int) bool {
	if at == 0 {
		return true
	}
	if c := f[at-1]; c < utf8.RuneSelf {
		return !asciiAlnum[c]
	}
	r, _ := utf8.DecodeLastRune(f[:at]) // 0xFF: RuneError, no letter
	return !isAlnum(r)
}

// wordEnd reports whether offset at of f ends a word.
func wordEnd(f []byte, at int) bool {
	if at >= len(f) {
		return true
	}
	r, _ := decodeFolded(f[at:])
	return !isAlnum(r)
}

// indexRune finds the encoding of one folded rune in f.
func indexRune(f, unit []byte) int {
	if len(unit) == 1 {
		return bytes.IndexByte(f, unit[0])
	}
	return bytes.Index(f, unit)
}

// subseq reports whether the word's runes occur in f in order (exact), and
// whether all but at most one of them do (loose). Loose is what a match
// needs at least, whatever its tier: a word one edit away from a word of
// the text occurs in it, in order, but for the rune edited. And it holds
// for a word whenever it holds for a longer one, which is what lets a
// Searcher narrow.
func (t *term) subseq(f []byte) (exact, loose bool) {
	enc := t.enc
	s0, s1 := 0, -1 // just past the runes so far: all of them; all but one
	for i := 0; i < len(enc); {
		size := 1
		if enc[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(enc[i:]) // 1 for 0xFF
		}
		unit := enc[i : i+size]
		n1 := s0 // leave this rune out
		if s1 >= 0 {
			if k := indexRune(f[s1:], unit); k >= 0 && (n1 < 0 || s1+k+size < n1) {
				n1 = s1 + k + size
			}
		}
		if s0 >= 0 {
			if k := indexRune(f[s0:], unit); k >= 0 {
				s0 += k + size
			} else {
				s0 = -1
			}
		}
		s1 = n1
		if s1 < 0 {
			return false, false
		}
		i += size
	}
	return s0 >= 0, true
}

// occurrence is where a word's leftmost occurrence in a text ends (just
// past its last rune), with what posBound needs of it: how many of its
// runes after the first directly follow a rune equal to the word's rune
// before them (only those can be adjacent matches), and the offset of its
// first rune.
type occurrence struct{ end, adj, first int }

// leftmostFrom continues o, the leftmost occurrence of the word's first
// from bytes (none when from is 0), with the rest of the word: the
// leftmost occurrence of a longer word is that of its prefix followed by
// the first occurrences of the runes added, one after another.
func (t *term) leftmostFrom(f []byte, from int, o occurrence) (occurrence, bool) {
	enc, at := t.enc, o.end
	if t.ascii {
		for p := from; p < len(enc); p++ {
			k := bytes.IndexByte(f[at:], enc[p])
			if k < 0 {
				return o, false
			}
			at += k
			if p == 0 {
				o.first = at
			} else if f[at-1] == enc[p-1] {
				o.adj++
			}
			at++
		}
		o.end = at
		return o, true
	}
	prev := 0 // size of the previous rune's encoding
	if from > 0 {
		_, prev = utf8.DecodeLastRune(enc[:from]) // 1 for 0xFF
	}
	for i := from; i < len(enc); {
		size := 1
		if enc[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(enc[i:])
		}
		k := indexRune(f[at:], enc[i:i+size])
		if k < 0 {
			return o, false
		}
		at += k
		if i == 0 {
			o.first = at
		} else if bytes.HasSuffix(f[:at], enc[i-prev:i]) {
			o.adj++
		}
		at += size
		prev = size
		i += size
	}
	o.end = at
	return o, true
}

// occurs finds the word itself in f, whose filter of pairs is p: tierStart
// and the offset of its first occurrence at a word start, else tierAnywhere
// and its first occurrence, else tierNone.
func (t *term) occurs(f []byte, p pairs) (tier, at int) {
	if !t.pairs.mayHold(p) {
		return tierNone, -1
	}
	k := bytes.Index(f, t.enc)
	if k < 0 {
		return tierNone, -1
	}
	first := k
	for {
		if wordStart(f, k) {
			return tierStart, k
		}
		n := bytes.Index(f[k+1:], t.enc)
		if n < 0 {
			return tierAnywhere, first
		}
		k += 1 + n
	}
}

// inWord finds the first word of f (a run of runes between spaces) that
// holds the word's runes in order, and returns the offset of its first
// rune there, or -1. It jumps between the occurrences of that first rune:
// from the first in a word, a greedy walk to the word's end tells.
func (t *term) inWord(f []byte) int {
	w := t.runes
	size0 := 1
	if t.enc[0] >= utf8.RuneSelf {
		_, size0 = utf8.DecodeRune(t.enc)
	}
	unit := t.enc[:size0]
	for from := 0; from < len(f); {
		k := indexRune(f[from:], unit)
		if k < 0 {
			return -1
		}
		s := from + k
		p, j := 1, s+size0
		for p < len(w) && j < len(f) {
			// ASCII bytes without a call: this walk is most of the cost
			// of a look inside a text's words.
			if c := f[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				if rune(c) == w[p] {
					p++
				}
				j++
				continue
			}
			r, size := decodeFolded(f[j:])
			if unicode.IsSpace(r) {
				break
			}
			if r == w[p] {
				p++
			}
			j += size
		}
		if p == len(w) {
			return s
		}
		from = j
	}
	return -1
}

// maxEditRunes bounds the words that typos are forgiven in.
const maxEditRunes = 64

// nearWord finds the first word of f that begins with runes within one
// edit of the word: one rune inserted, left out, replaced, or two
// neighbours swapped. It returns the offset of that word and how many of
// its runes match (k), or -1. The word must have editMin runes or more;
// buf holds maxEditRunes+1 runes.
//
// Whatever the edit, the text's word has w[0] or w[1] as its first or
// second rune, so only the occurrences of those two are looked at.
func (t *term) nearWord(f []byte, p pairs, buf []rune) (at, k int) {
	w := t.runes
	n := len(w)
	if n > maxEditRunes || !t.mayBeNear(f, ^uint64(0), p) {
		return -1, 0
	}
	s0, s1 := foldedLen(w[0]), foldedLen(w[1])
	best, bestK := -1, 0
	for u, unit := range [2][]byte{t.enc[:s0], t.enc[s0 : s0+s1]} {
		if u == 1 && bytes.Equal(unit, t.enc[:s0]) {
			break
		}
		for from := 0; from < len(f); {
			p := indexRune(f[from:], unit)
			if p < 0 || best >= 0 && from+p > best+4*utf8.UTFMax {
				break
			}
			p += from
			from = p + len(unit)
			for _, s := range [2]int{p, prevRune(f, p)} {
				if s < 0 || best >= 0 && s >= best || !wordStart(f, s) {
					continue
				}
				if r, _ := decodeFolded(f[s:]); !isAlnum(r) {
					continue
				}
				if kk := oneEdit(w, textWord(f, s, n+1, buf)); kk > 0 {
					best, bestK = s, kk
				}
			}
		}
	}
	return best, bestK
}

// foldedLen is the length of a folded rune in a folded copy.
func foldedLen(r rune) int {
	if r == utf8.RuneError {
		return 1
	}
	return utf8.RuneLen(r)
}

// mayBeNear is a quick test that f may hold a word one edit away from the
// word (of editMin runes or more). One edit leaves one of the word's
// halves whole; or, a swap of the two runes around the middle, both
// halves but for those two runes.
// m is the text's character mask and p its filter of pairs: a piece with a
// rune or a pair the text lacks is not looked for.
//
// The first part is the first half but for its last rune: a text without
// it lacks both, and only the second half is left to look for.
func (t *term) mayBeNear(f []byte, m uint64, p pairs) bool {
	// An edit breaks three of the word's pairs of neighbouring runes at
	// most (a swap: the pair swapped and those on either side).
	if len(t.adjPairs)-t.adjMax(p) > 3 {
		return false
	}
	has := func(k int, piece []byte) bool {
		return t.pmask[k]&^m == 0 && t.ppairs[k].mayHold(p) && bytes.Contains(f, piece)
	}
	if !has(2, t.part1) {
		return has(1, t.half2)
	}
	return has(0, t.half1) || has(1, t.half2) || has(3, t.part2)
}

// prevRune returns the offset of the rune before offset p, or -1.
func prevRune(f []byte, p int) int {
	if p == 0 {
		return -1
	}
	if f[p-1] < utf8.RuneSelf {
		return p - 1
	}
	_, size := utf8.DecodeLastRune(f[:p])
	return p - size
}

// wordRunes is the first runes of a text's word.
type wordRunes struct {
	r     []rune
	ended bool // r holds the whole word
}

// textWord decodes up to most runes of the word (letters and digits) at
// offset s of f into buf.
func textWord(f []byte, s, most int, buf []rune) wordRunes {
	tw := buf[:0]
	for x := s; x < len(f); {
		c, size := decodeFolded(f[x:])
		if !isAlnum(c) {
			break
		}
		if len(tw) == most {
			return wordRunes{tw, false}
		}
		tw = append(tw, c)
		x += size
	}
	return wordRunes{tw, true}
}

// oneEdit returns k > 0 when tw[:k] is within one edit of w (k is len(w),
// or one more or less), or 0. tw holds the first runes of a text's word,
// up to len(w)+1 of them; ended says it holds the whole word. A word one
// rune shorter than w must be the whole word.
func oneEdit(w []rune, word wordRunes) int {
	tw, ended := word.r, word.ended
	n := len(w)
	common := 0
	for common < n && common < len(tw) && w[common] == tw[common] {
		common++
	}
	if len(tw) >= n {
		i := common
		if i == n {
			return n
		}
		if equalRunes(w[i+1:], tw[i+1:n]) { // one replaced
			return n
		}
		if i+1 < n && w[i] == tw[i+1] && w[i+1] == tw[i] && equalRunes(w[i+2:], tw[i+2:n]) { // swapped
			return n
		}
	}
	if len(tw) >= n+1 && equalRunes(w[common:], tw[common+1:n+1]) { // one inserted in the text
		return n + 1
	}
	if ended && len(tw) == n-1 && equalRunes(w[common+1:], tw[common:]) { // one left out of the text
		return n - 1
	}
	return 0
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// phrase finds the query's words in f one after another as typed: each at
// a word start, every one but the last ending a word, separated by runes
// that are neither letters nor digits. starts receives their offsets.
func phrase(f []byte, words []*term, starts []int) bool {
	w0 := words[0].enc
	for from := 0; ; {
		k := bytes.Index(f[from:], w0)
		if k < 0 {
			return false
		}
		k += from
		if wordStart(f, k) && phraseFrom(f, k, words, starts) {
			return true
		}
		from = k + 1
	}
}

func phraseFrom(f []byte, at int, words []*term, starts []int) bool {
	for i, w := range words {
		if i > 0 {
			j := at
			for j < len(f) {
				r, size := decodeFolded(f[j:])
				if isAlnum(r) {
					break
				}
				j += size
			}
			if j == at || !bytes.HasPrefix(f[j:], w.enc) {
				return false
			}
			at = j
		}
		starts[i] = at
		at += len(w.enc)
		if i < len(words)-1 && !wordEnd(f, at) {
			return false
		}
	}
	return true
}

// special reports whether a term other than a fuzzy word matches f,
// inverse terms included.
func (t *term) special(f []byte) bool {
	var ok bool
	switch t.kind {
	case termPrefix:
		ok = bytes.HasPrefix(f, t.enc)
	case termSuffix:
		ok = bytes.HasSuffix(bytes.TrimRight(f, " "), t.enc)
	case termEqual:
		ok = bytes.Equal(bytes.TrimRight(f, " "), t.enc)
	default:
		ok = bytes.Contains(f, t.enc)
	}
	return ok != t.inv
}

// wordHit is how a fuzzy word matched a text.
type wordHit struct {
	tier int8
	at   int // tierStart, tierAnywhere: the occurrence; tierStem, tierInWord, tierEdit(Long): the text's word
	k    int // tierEdit(Long), tierStem: the runes of the text's word that match
}

// byTextWord reports whether the hit scores as the text's word (its first
// k runes): a word one edit away, or a form of it.
func (wh wordHit) byTextWord() bool {
	return (wh.tier == tierEdit || wh.tier == tierEditLong || wh.tier == tierStem) && wh.k > 0
}

// fuzzyTier matches a fuzzy word against f, every tier tried.
func (t *term) fuzzyTier(f []byte, buf []rune, cache stemCache) wordHit {
	exact, loose := t.subseq(f)
	if !loose && t.stem == nil || !exact && !t.editable() && t.stem == nil {
		return wordHit{tier: tierNone}
	}
	if exact {
		if tier, at := t.occurs(f, anyPairs); tier != tierNone {
			return wordHit{tier: int8(tier), at: at}
		}
	}
	if t.stem != nil {
		if at, n := t.stem.find(f, ^uint64(0), anyPairs, cache); at >= 0 {
			return wordHit{tier: tierStem, at: at, k: n}
		}
	}
	near := func() (wordHit, bool) {
		if loose && t.editable() {
			if at, k := t.nearWord(f, anyPairs, buf); at >= 0 {
				return wordHit{tier: int8(t.editTier()), at: at, k: k}, true
			}
		}
		return wordHit{}, false
	}
	if t.editsFirst() {
		if wh, ok := near(); ok {
			return wh
		}
	}
	if exact {
		if at := t.inWord(f); at >= 0 {
			return wordHit{tier: tierInWord, at: at}
		}
	}
	if !t.editsFirst() {
		if wh, ok := near(); ok {
			return wh
		}
	}
	if exact {
		return wordHit{tier: tierScattered}
	}
	return wordHit{tier: tierNone}
}

// termTier matches any term: a fuzzy word by its tier, any other term
// that matches as tierStart, so that it does not lower the text's tier.
func (t *term) termTier(f []byte, buf []rune, cache stemCache) wordHit {
	if t.kind == termFuzzy && !t.inv {
		return t.fuzzyTier(f, buf, cache)
	}
	if t.special(f) {
		return wordHit{tier: tierStart, at: -1}
	}
	return wordHit{tier: tierNone}
}

func indexBytes(f, w []byte) int { return bytes.Index(f, w) }
