package search

import (
	"math/bits"
	"unicode/utf8"
)

// pairs is a 128-bit Bloom filter of the pairs of adjacent bytes of a
// folded copy: each pair sets one bit. A byte string can only occur in a
// text when the text's filter has every bit of the string's, so a look for
// a word, a half of it or a stem's probe is skipped when a bit is missing.
// For sentences of 80 bytes about a third of the bits are set: a word of
// five letters (four pairs) passes a text that lacks it about one time in
// eighty.
type pairs [2]uint64

// anyPairs passes every string: for callers without a text's filter.
var anyPairs = pairs{^uint64(0), ^uint64(0)}

// pairHash hashes a pair of bytes: its top 7 bits pick the pair's bit in
// a filter of pairs, the 13 below them its bit in a filter of word starts
// (see startBit).
func pairHash(a, b byte) uint64 {
	return (uint64(a)<<8 | uint64(b)) * 0x9E3779B97F4A7C15
}

func pairBit(a, b byte) (word int, bit uint64) {
	h := pairHash(a, b)
	return int(h >> 63), 1 << (h >> 57 & 63)
}

// pairsOf returns the filter of the pairs of p.
func pairsOf(p []byte) pairs {
	var v pairs
	for j := 1; j < len(p); j++ {
		w, bit := pairBit(p[j-1], p[j])
		v[w] |= bit
	}
	return v
}

// mayHold reports whether a text of filter t may hold a string of filter
// s.
func (s pairs) mayHold(t pairs) bool {
	return s[0]&^t[0]|s[1]&^t[1] == 0
}

// A text's filter of word starts holds, for every folded offset that
// begins a word (see wordStart) and holds a letter, a digit or a rune
// beyond ASCII, the letter there (bits 0 to 25, for a to z) and a bit of
// a 38-bit Bloom filter of the word's first two bytes. Once the results
// are all matches at word starts, a text lacking a word's bits cannot get
// in, and is set aside without being read. The letters also tell which of
// a word's runes may earn a bonus of fuzzy's (see bonusLetters).
func startBit(a, b byte) uint64 {
	return startLetter[a] | startHash(pairHash(a, b))
}

// startLetters are the bits of a filter of word starts that hold letters.
const startLetters = 1<<26 - 1

// startHash is the Bloom filter's bit of a pair of hash h (see pairHash).
func startHash(h uint64) uint64 {
	return 1 << (26 + (h>>51)*38>>13)
}

// startLetter is the bit of a folded byte's letter, if any.
var startLetter = func() (t [256]uint64) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1 << (c - 'a')
	}
	return t
}()

// filtersOf returns the filters of pairs and of word starts of a folded
// copy.
func filtersOf(f []byte, ascii bool) (pairs, uint64) {
	if !ascii {
		return pairsOf(f), startsOf(f)
	}
	// One pass, without branches but the loop's: a byte begins a word
	// when it is a letter or digit and the byte before is not.
	var v pairs
	var s uint64
	var in uint64 // 1: the last byte is a letter or digit
	for j := 1; j < len(f); j++ {
		h := pairHash(f[j-1], f[j])
		v[h>>63] |= 1 << (h >> 57 & 63)
		an := alnum256[f[j-1]]
		s |= -(an &^ in) & (startLetter[f[j-1]] | startHash(h))
		in = an
	}
	return v, s | lastStart(f)
}

// lastStart is the letter of a word of one byte that ends f, which the
// filter of word starts holds too.
func lastStart(f []byte) uint64 {
	if n := len(f); n > 0 && wordStart(f, n-1) {
		return startLetter[f[n-1]]
	}
	return 0
}

// startsOf returns the filter of word starts of a folded copy.
func startsOf(f []byte) uint64 {
	var s uint64
	for k := 0; k+1 < len(f); k++ {
		c := f[k]
		if c < utf8.RuneSelf && !asciiAlnum[c] || utf8.RuneSelf <= c && c < 0xC0 {
			continue // punctuation or space, or inside a rune
		}
		if wordStart(f, k) {
			s |= startBit(c, f[k+1])
		}
	}
	return s | lastStart(f)
}

// alnum256 is asciiAlnum over every byte value, as 0 or 1.
var alnum256 = func() (t [256]uint64) {
	for c, ok := range asciiAlnum {
		if ok {
			t[c] = 1
		}
	}
	return t
}()

// startOf is the bits a text's filter of word starts must have to hold
// the folded word enc at a word start, or 0 when the filter cannot tell:
// a word of one byte, or one that begins with punctuation.
func startOf(enc []byte) uint64 {
	if len(enc) < 2 || enc[0] < utf8.RuneSelf && !asciiAlnum[enc[0]] {
		return 0
	}
	return startBit(enc[0], enc[1])
}

// pairBits is where a pair of bytes sets its bit in a filter of pairs.
type pairBits struct {
	word uint8
	bit  uint64
}

// adjMax is how many of the word's runes may directly follow the rune
// before them in a text of filter p: fuzzy's adjacency bonus needs the
// two runes side by side in the text, so this bounds the adjacency count
// of any occurrence (see posBound) before the word is looked for.
func (t *term) adjMax(p pairs) int {
	if t.adjDistinct {
		return bits.OnesCount64(t.adjMask[0]&p[0]) + bits.OnesCount64(t.adjMask[1]&p[1])
	}
	n := 0
	for _, a := range t.adjPairs {
		if p[a.word]&a.bit != 0 {
			n++
		}
	}
	return n
}
