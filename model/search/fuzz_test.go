package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch compares Index.Search and narrowing Searcher.Search with the
// reference ranking (refFind) on small random item sets: data is split at newlines into
// items.
func FuzzSearch(f *testing.F) {
	f.Add("moduleNameResolver.ts\nmy name is_Ramsey", "mnr")
	f.Add("The Black Knight\nthe knight\nTK", "tk")
	f.Add("aaa\naab\nbaa\nAAA", "aa")
	f.Add("Café — “quoted” text’s\nnaïve NAÏVE\n東京タワー", "“q")
	f.Add("ſtraße\nSTRASSE\nKelvin \u212A\nσίσυφος ΣΊΣΥΦΟΣ", "s\u212A")
	f.Add("\xff\xfeabc\nabc\x00def\n\nİı", "\xffa")
	f.Add("ab-b\nab_b\naBb\nxaxbab", "ab")
	f.Add("x aBcD eF\nReadFrom readFrom", "abcd")
	f.Add(strings.Repeat("a", 60)+"\n"+strings.Repeat("ab", 30), strings.Repeat("a", 44))
	f.Fuzz(func(t *testing.T, data, query string) {
		if strings.ContainsAny(query, "'!^$|\\\r\v\f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000") {
			return // operators and other spaces: the reference knows plain words only
		}
		texts := strings.Split(data, "\n")
		if len(texts) > 64 {
			texts = texts[:64]
		}
		ctx := context.Background()
		ix := NewIndex(texts)
		all := ix.Search(ctx, query, 0)
		checkAgainstFuzzy(t, "Index.Search", texts, query, 0, all)

		// The bound that lets scoring be skipped.
		if q := NewQuery(query); q.bndOK {
			for _, m := range all {
				if b := q.bound - len(q.words)*len(ix.item(uint32(m.Item))); m.Score > b {
					t.Errorf("query %q, %q: score %d above the bound %d", query, texts[m.Item], m.Score, b)
				}
			}
		}
		checkAgainstFuzzy(t, "Index.Search", texts, query, 3, ix.Search(ctx, query, 3))

		// Narrowing: search the query without its last rune, then the
		// whole query; then a backspace and an edit in the middle.
		s := ix.NewSearcher()
		_, size := utf8.DecodeLastRuneInString(query)
		s.Search(ctx, query[:len(query)-size], 3)
		checkAgainstFuzzy(t, "Searcher.Search", texts, query, 3, s.Search(ctx, query, 3))
		q2 := query[:len(query)-size]
		checkAgainstFuzzy(t, "Searcher.Search", texts, q2, 3, s.Search(ctx, q2, 3))
		if len(query) > 1 {
			q3 := query[:len(query)/2] + "e" + query[len(query)/2+1:]
			checkAgainstFuzzy(t, "Searcher.Search", texts, q3, 3, s.Search(ctx, q3, 3))
		}
	})
}
