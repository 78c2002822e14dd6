package search

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

func pairBit(a, b byte) (word int, bit uint64) {
	h := (uint32(a)<<8 | uint32(b)) * 0x9E3779B1
	return int(h >> 31), 1 << (h >> 25 & 63)
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
