package search

import "math/bits"

// fuzzy's scoring constants.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

// Score bounds. A match of an n-rune pattern scores at most:
//
//   - 20 a rune for the first-character, camel-case and separator bonuses,
//     which exclude each other;
//   - the adjacency bonuses: with k adjacent matches they add up to at most
//     5 + 15 + 45 + ... = 5(3^k-1)/2, since each is twice the running bonus
//     plus five, and the running bonus grows by it;
//   - the leading penalty, max(-5*firsts[0], -15) or lower;
//   - n - len(f), the unmatched-character penalty.
//
// The match of rune p (p > 0) can only be adjacent to the previous one when
// the rune before its leftmost position firsts[p] is pattern rune p-1, which
// bounds k. (The regions of fuzzy's loop are the same in rune terms for any
// text, see leftmost.) In a folded copy no rune is longer than in the text,
// so the folded offset of the first rune and the folded length bound the
// leading and unmatched-character penalties from above. Beyond 30 runes no
// bound is used: the bonuses head for overflowing int, which fuzzy's do
// after about forty adjacent matches.
const maxBoundRunes = 30

// adjTotal[k] is the sum of k adjacency bonuses.
var adjTotal = func() (t [maxBoundRunes]int) {
	curr := 0
	for k := 1; k < len(t); k++ {
		curr += curr*2 + adjacentMatchBonus
		t[k] = curr
	}
	return t
}()

// lenBound bounds the score of an n-rune match in a text of length 0; ok is
// false when n is too long for bounds. Subtracting the length of a folded
// copy, never more than that of its text, gives a bound for any text.
func lenBound(n int) (bound int, ok bool) {
	if n < 1 || n > maxBoundRunes {
		return 0, false
	}
	return 21*n + adjTotal[n-1], true
}

// wordBound bounds the score of an n-rune pattern without separators (a
// text's word, see textWordScore) in a text of length 0, like lenBound;
// in a text without camel case, as posBound does with every rune adjacent:
// the adjacency bonuses 5 and 15 count as 20, the first rune scores 20.
func wordBound(n int, camel bool) (bound int, ok bool) {
	if camel || n < 3 {
		return lenBound(n)
	}
	if n > maxBoundRunes {
		return 0, false
	}
	return 20 + adjTotal[n-1] + (20 - adjacentMatchBonus) + (20 - 3*adjacentMatchBonus) + n, true
}

// posBound bounds fuzzy's score of the word (at most maxBoundRunes runes)
// in a text whose folded copy has length l, given the adjacency count and
// the folded offset of the first rune of the word's leftmost occurrence
// (see leftmost), and whether the text has a camel-case transition
// anywhere.
//
// Without one, a rune that may be adjacent scores at most max(bonus, 20):
// its first candidate, the only one that can be adjacent, follows a rune
// equal to the previous pattern rune, so it gets its adjacency bonus but no
// camel-case bonus, and no separator bonus unless that pattern rune is a
// separator (sepAdj counts those, 20 more each); any other candidate gets
// at most 20. So the k adjacency bonuses 5, 15, 45, ... count as 20, 20, 45,
// ... and the runes that cannot be adjacent as 20 each.
func (t *term) posBound(adj, first, l int, camel bool) int {
	n := len(t.runes)
	k := min(adj, n-1)
	if camel {
		k += n
	}
	return t.btab[k] + max(first*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty) - l
}

// boundTable tabulates posBound without the leading penalty and the length
// for an n-rune word with sepAdj runes after separators: adjacency counts
// 0 to n-1 without camel case, then the same with camel case.
func boundTable(n, sepAdj int) []int {
	t := make([]int, 2*n)
	for adj := range n {
		t[n+adj] = 21*n + adjTotal[adj]
		b := adjTotal[adj] + 20*min(adj, sepAdj)
		if adj >= 1 {
			b += 20 - adjacentMatchBonus // 5 -> 20
		}
		if adj >= 2 {
			b += 20 - 3*adjacentMatchBonus // 15 -> 20
		}
		t[adj] = 20*(n-adj) + b + n
	}
	return t
}

// camelLetters returns the letters that a camel-case transition of item i
// (of mask m) makes upper case, as bits a-z: only a word with one of them
// can earn fuzzy's camel-case bonus there, which posBound must then allow
// for. A text that is not plain ASCII gets every bit, as if it could.
// NewIndex finds them.
func (ix *Index) camelLetters(i uint32) uint32 { return ix.camel[i] }

// bonusLetters returns the letters that may earn one of fuzzy's bonuses
// of 20 in item i, as bits a-z: those that begin its words (first in the
// text, or after a rune that is no letter or digit, as after each of
// fuzzy's separators), from its filter of word starts, and its camel
// letters (see camelLetters). A rune that is not a-z is no letter here:
// bonusRunes counts it anyway.
func (ix *Index) bonusLetters(i uint32) uint32 {
	return uint32(ix.starts[i]&startLetters) | ix.camel[i]
}

// bonusRunes counts the runes of the word that may earn a bonus of 20 in
// a text of bonus letters bl (see bonusLetters): its letters in bl, each
// time they occur, and every rune that is not a-z.
func (t *term) bonusRunes(bl uint32) int {
	if t.once {
		return bits.OnesCount32(t.letters&bl) + t.others
	}
	n := t.others
	for _, r := range t.runes {
		if 'a' <= r && r <= 'z' && bl&(1<<(r-'a')) != 0 {
			n++
		}
	}
	return n
}

// bonusBound is another bound on fuzzy's score of the word (at most
// maxBoundRunes runes), like posBound, for a text of bonus letters bl
// (see bonusLetters): a rune whose letter is not in bl earns no bonus of
// 20 (the first rune's bonus, a camel-case or separator bonus), only an
// adjacency bonus. So the bound is 20 for each rune that may earn one,
// plus the adjacency bonuses, whichever runes earn them.
func (t *term) bonusBound(adj, first, l int, bl uint32) int {
	n := len(t.runes)
	return 20*t.bonusRunes(bl) + adjTotal[min(adj, n-1)] + n + max(first*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty) - l
}

// camelIn reports whether the word may earn a camel-case bonus in a text
// of camel letters cl (see camelLetters). A rune of the word other than
// a-z can only be equal to a text's rune that is not ASCII.
func (t *term) camelIn(cl uint32) bool {
	return t.letters&cl != 0 || cl == ^uint32(0)
}
