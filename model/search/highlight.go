package search

import (
	"slices"
	"unicode/utf8"
)

// results turns the winners into Matches, with the runes to highlight.
func (ix *Index) results(q *Query, cands []cand) []Match {
	if len(cands) == 0 {
		return nil
	}
	buf := make([]rune, maxEditRunes+1)
	cache := stemCache{}
	res := make([]Match, len(cands))
	for k, c := range cands {
		res[k] = Match{Item: int(c.item), Tier: int(c.tier), Score: c.score,
			MatchedIndexes: ix.highlight(q, c.item, int(c.tier), buf, cache)}
	}
	return res
}

// highlight returns the byte offsets in item i's text of the runes that
// show how q matched, ascending: the best alignment of each term. The
// phrase where the words make one; else for each word its occurrence at a
// word start, or anywhere, or inside one word, or the word of the text
// one edit away or of the same stem, and only failing all of these
// fuzzy's scattered runes.
func (ix *Index) highlight(q *Query, i uint32, tier int, buf []rune, cache stemCache) []int {
	f := ix.item(i)
	text := ix.texts[i]
	var folded, orig []int   // offsets in the folded copy, in the text
	run := func(at, n int) { // n bytes of f from at, rune by rune
		for x := at; x < at+n && x < len(f); {
			folded = append(folded, x)
			_, size := decodeFolded(f[x:])
			x += size
		}
	}
	var starts [maxPhraseWords]int
	inPhrase := tier == tierPhrase && len(q.words) <= maxPhraseWords &&
		phrase(f, q.words, starts[:len(q.words)])
	if inPhrase {
		for k, w := range q.words {
			run(starts[k], len(w.enc))
		}
	}
	for _, g := range q.groups {
		if inPhrase && len(g) == 1 && g[0].kind == termFuzzy && !g[0].inv {
			continue
		}
		// The alternative that matches best.
		var best *term
		bh := wordHit{tier: tierNone}
		for a := range g {
			if wh := g[a].termTier(f, buf, cache); wh.tier > bh.tier {
				best, bh = &g[a], wh
			}
		}
		if best == nil || best.inv {
			continue
		}
		if best.kind != termFuzzy {
			if at := specialAt(f, best); at >= 0 {
				run(at, len(best.enc))
			}
			continue
		}
		switch bh.tier {
		case tierStart, tierAnywhere:
			run(bh.at, len(best.enc))
		case tierInWord:
			p := 0
			for x := bh.at; x < len(f) && p < len(best.runes); {
				r, size := decodeFolded(f[x:])
				if r == best.runes[p] {
					folded = append(folded, x)
					p++
				}
				x += size
			}
		case tierEdit, tierEditLong, tierStem:
			x := bh.at
			for n := 0; n < bh.k && x < len(f); n++ {
				folded = append(folded, x)
				_, size := decodeFolded(f[x:])
				x += size
			}
		case tierScattered:
			orig = append(orig, fuzzyIndexes(best.word, text)...)
		}
	}
	slices.Sort(folded)
	orig = append(orig, textOffsets(text, folded)...)
	slices.Sort(orig)
	return slices.Compact(orig)
}

// specialAt returns where an exact, prefix, suffix or whole-text term
// occurs in f, or -1.
func specialAt(f []byte, t *term) int {
	switch t.kind {
	case termPrefix, termEqual:
		return 0
	case termSuffix:
		end := len(f)
		for end > 0 && f[end-1] == ' ' {
			end--
		}
		return end - len(t.enc)
	}
	return indexBytes(f, t.enc)
}

// textOffsets maps ascending offsets of runes in the folded copy of text
// to the offsets of the same runes in text. A folded rune is never longer
// than the rune it stands for, so the two differ once a rune folds shorter.
func textOffsets(text string, folded []int) []int {
	if len(folded) == 0 {
		return nil
	}
	out := make([]int, 0, len(folded))
	fo, k := 0, 0
	for j := 0; j < len(text) && k < len(folded); {
		c := text[j]
		if c == 0 {
			break
		}
		size, fsize := 1, 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[j:])
			if fr := foldRune(r); fr != utf8.RuneError {
				fsize = utf8.RuneLen(fr)
			}
		}
		for k < len(folded) && folded[k] < fo {
			k++
		}
		if k < len(folded) && folded[k] == fo {
			out = append(out, j)
			k++
		}
		fo += fsize
		j += size
	}
	return out
}
