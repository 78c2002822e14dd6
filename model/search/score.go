package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// fuzzy's scoring constants.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	camelCaseMatchBonus            = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

// walkScore is fuzzy's matching loop for one text, rune by rune, without
// allocations. pat holds the folded runes of the pattern (non-empty). When
// out is not nil it receives the matched byte offsets (len(out) >= len(pat)).
// ok is false when s does not match.
//
// It is a transcription of fuzzy.FindFromIterNoSort's inner loop, quirks
// included, with equalFold replaced by comparing folded runes; it serves
// every text that is not plain ASCII.
func walkScore(s string, pat []rune, out []int) (score int, ok bool) {
	s = clean(s)
	n := len(pat)
	matched := 0 // len(match.MatchedIndexes)
	lastMatch := -1
	patternIndex := 0
	bestScore := -1
	matchedIndex := -1
	currAdjacentMatchBonus := 0
	var last rune
	var lastIndex int
	nextc, nextSize := utf8.DecodeRuneInString(s)
	var candidate rune
	var candidateSize int
	for j := 0; j < len(s); j += candidateSize {
		candidate, candidateSize = nextc, nextSize
		if patternIndex < n && foldRune(candidate) == pat[patternIndex] {
			sc := 0
			if j == 0 {
				sc += firstCharMatchBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(candidate) {
				sc += camelCaseMatchBonus
			}
			if j != 0 && isSeparator(last) {
				sc += matchFollowingSeparatorBonus
			}
			if matched > 0 && lastIndex == lastMatch {
				// Adjacent matches grow the bonus, which is never reset.
				bonus := currAdjacentMatchBonus*2 + adjacentMatchBonus
				sc += bonus
				currAdjacentMatchBonus += bonus
			}
			if sc > bestScore {
				bestScore = sc
				matchedIndex = j
			}
		}
		var nextp rune
		if patternIndex < n-1 {
			nextp = pat[patternIndex+1]
		}
		if j+candidateSize < len(s) {
			if c := s[j+candidateSize]; c < utf8.RuneSelf {
				nextc, nextSize = rune(c), 1
			} else {
				nextc, nextSize = utf8.DecodeRuneInString(s[j+candidateSize:])
			}
		} else {
			nextc, nextSize = 0, 0
		}
		// Commit the best candidate once the next pattern rune comes up
		// next, or at the end of the text.
		if nextc == 0 || foldRune(nextc) == nextp {
			if matchedIndex > -1 {
				if matched == 0 {
					bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
				}
				score += bestScore
				if out != nil && matched < len(out) {
					out[matched] = matchedIndex
				}
				matched++
				lastMatch = matchedIndex
				bestScore = -1
				patternIndex++
			}
		}
		lastIndex = j
		last = candidate
	}
	score += matched - len(s)
	return score, matched == n
}

// leftmost finds the greedy, leftmost occurrence of the (ASCII) pattern
// as a subsequence of f: firsts[p] is the first occurrence of pat[p] after
// firsts[p-1]. It reports whether the whole pattern occurs.
//
// These are also the regions of fuzzy's loop for a plain ASCII text. The
// loop commits pattern rune p at the first position after its first
// occurrence where the next text rune equals pattern rune p+1 (for the last
// rune: at the end of the text). So the region of rune p starts at
// firsts[p] and ends before firsts[p+1], and the committed offset is the
// first occurrence of pat[p] in that region with the highest score.
func leftmost(f, pat []byte, firsts []int) bool {
	at := 0
	for p, c := range pat {
		k := bytes.IndexByte(f[at:], c)
		if k < 0 {
			return false
		}
		at += k
		firsts[p] = at
		at++
	}
	return true
}

// asciiScore computes what walkScore computes, for a text whose part before
// any NUL is plain ASCII: f is its folded copy (so the byte offsets of f and
// s agree), pat the folded pattern, ASCII as well, and firsts its leftmost
// occurrence in f. Rather than visiting every byte it jumps between the
// occurrences of each pattern byte in its region (see leftmost). Only the
// first candidate of a region can be adjacent to the previous match, and
// only if that match was the byte just before it.
func asciiScore(s string, f []byte, pat []byte, firsts []int, out []int) (score int) {
	n := len(pat)
	prev := -1 // offset of the previous committed match
	curr := 0  // fuzzy's currAdjacentMatchBonus
	for p := 0; p < n; p++ {
		c := pat[p]
		end := len(f)
		if p+1 < n {
			end = firsts[p+1]
		}
		// As in fuzzy, the committed offset is not reset between pattern
		// runes: should every candidate score below zero (the adjacency
		// bonus overflows after about 40 adjacent matches) the previous
		// offset is committed again, with a score of -1.
		best, bestJ := -1, prev
		for j := firsts[p]; ; {
			sc := 0
			if j == 0 {
				sc = firstCharMatchBonus
			} else {
				last := asciiClass[s[j-1]]
				if last&clsLower != 0 && asciiClass[s[j]]&clsUpper != 0 {
					sc += camelCaseMatchBonus
				}
				if last&clsSep != 0 {
					sc += matchFollowingSeparatorBonus
				}
				if j-1 == prev {
					bonus := curr*2 + adjacentMatchBonus
					sc += bonus
					curr += bonus
				}
			}
			if sc > best {
				best, bestJ = sc, j
			}
			k := bytes.IndexByte(f[j+1:end], c)
			if k < 0 {
				break
			}
			j += 1 + k
		}
		if p == 0 {
			best += max(bestJ*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
		}
		score += best
		if out != nil {
			out[p] = bestJ
		}
		prev = bestJ
	}
	return score + n - len(f)
}

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
