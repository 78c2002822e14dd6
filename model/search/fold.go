package search

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Case folding.
//
// fuzzy compares runes with its own copy of strings.EqualFold's rune test:
// two runes are equal when they lie on the same unicode.SimpleFold orbit
// ('k', 'K' and the Kelvin sign U+212A; 's', 'S' and 'ſ' U+017F; 'σ', 'ς'
// and 'Σ'). unicode.ToLower is not enough for that ('ſ' and 'ς' are already
// lower case), so every rune is mapped to one representative of its orbit:
// the lower-case ASCII letter when the orbit holds one, otherwise the
// smallest rune of the orbit. Two runes are equal under fuzzy's test exactly
// when their representatives are equal, so matching can be done on folded
// copies with plain byte comparisons. The representative is never a longer
// UTF-8 sequence than the rune it stands for.
//
// Folded copies and patterns are UTF-8, except that U+FFFD, the rune fuzzy
// sees for each invalid byte as well as a real U+FFFD, is the single byte
// 0xFF, which no UTF-8 sequence contains. So a folded copy is never longer
// than the text it stands for, and its length bounds the text's from below.

// foldTabSize covers Latin, Greek, Cyrillic and the other alphabets with
// case, plus the general punctuation block (dashes, curly quotes).
const foldTabSize = 0x3000

var (
	foldOnce sync.Once
	foldTab  [foldTabSize]uint16 // representative of every rune below foldTabSize
)

// asciiFold maps an ASCII byte to its representative (its lower case).
var asciiFold = func() (t [256]byte) { // indexed by a byte: no bounds check; only ASCII is used
	for i := range 128 {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()

func initFold() {
	foldOnce.Do(func() {
		for r := range rune(foldTabSize) {
			foldTab[r] = uint16(foldSlow(r))
		}
	})
}

// foldSlow walks the SimpleFold orbit of r.
func foldSlow(r rune) rune {
	if r < 0x80 {
		return rune(asciiFold[r&0x7f]) // r >= 0 for every rune from a string
	}
	lo := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		lo = min(lo, f)
	}
	if 'A' <= lo && lo <= 'Z' {
		lo += 'a' - 'A'
	}
	return lo
}

// foldRune returns the representative of r's case-folding orbit. initFold
// must have run (NewIndex and NewQuery see to it).
func foldRune(r rune) rune {
	if uint32(r) < foldTabSize {
		return rune(foldTab[r])
	}
	return foldSlow(r)
}

// appendFolded appends the folded-copy encoding of the representative r.
func appendFolded(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		return append(dst, byte(r))
	case r == utf8.RuneError:
		return append(dst, 0xff)
	}
	return utf8.AppendRune(dst, r)
}

// Character classes of ASCII bytes, as unicode.IsLower, unicode.IsUpper
// and fuzzy's separator list ("/-_ .\\") see them.
const (
	clsLower = 1 << iota
	clsUpper
	clsSep
)

var asciiClass = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clsLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = clsUpper
	}
	for _, c := range "/-_ .\\" {
		t[c] = clsSep
	}
	return t
}()

// isSeparator reports whether r is one of fuzzy's separators.
func isSeparator(r rune) bool {
	return r < 0x80 && asciiClass[r]&clsSep != 0
}

// Character mask bits. A folded rune sets one bit; an item's mask is the OR
// over its runes, a query's likewise, and an item can only match when it has
// every bit of the query.
//
//	bits  0-25  a-z
//	bits 26-35  0-9
//	bit  36     space
//	bits 37-47  other ASCII, 11 buckets
//	bits 48-61  other runes, 14 buckets
//	bit  62     not a mask bit: the item's text has a camel-case transition
//	bit  63     not a mask bit: the item's text is not plain ASCII
const (
	camelCase = 1 << 62
	nonASCII  = 1 << 63
)

func runeBit(r rune) uint64 {
	switch {
	case 'a' <= r && r <= 'z':
		return 1 << (r - 'a')
	case '0' <= r && r <= '9':
		return 1 << (26 + r - '0')
	case r == ' ':
		return 1 << 36
	case 0 <= r && r < 0x80:
		return 1 << (37 + r%11)
	default:
		return 1 << (48 + uint32(r)%14)
	}
}

// asciiBit holds runeBit of the representative of every ASCII byte.
var asciiBit = func() (t [256]uint64) { // indexed by a byte; only ASCII is used
	for i := range 128 {
		t[i] = runeBit(rune(asciiFold[i]))
	}
	return t
}()
