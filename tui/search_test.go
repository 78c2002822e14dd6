package tui

import (
	"context"
	"strings"
	"testing"
)

// TestIndexSearcherMatchesFuzzy checks that the palette's searcher
// (model/search, ranked in tiers) finds everything sahilm/fuzzy finds,
// with fuzzy's scores for one-word queries.
func TestIndexSearcherMatchesFuzzy(t *testing.T) {
	items := searchItems(seed(t))
	ix, fz := newIndexSearcher(items), newFuzzySearcher(items)
	for _, q := range []string{"moscw", "daesh", "Taliban", "russia’s", "2016", "ukr", "x", "ground real", "zzzz", "é"} {
		got := map[int]match{}
		for _, m := range ix.Search(context.Background(), q, 0) {
			got[m.Item] = m
		}
		for _, w := range fz.Search(context.Background(), q, 0) {
			g, ok := got[w.Item]
			if !ok {
				t.Errorf("%q: fuzzy finds %q, the palette does not", q, items[w.Item].text)
			} else if !strings.Contains(q, " ") && g.Score != w.Score {
				t.Errorf("%q: %q scores %d, fuzzy %d", q, items[w.Item].text, g.Score, w.Score)
			}
		}
	}
}

func TestRankTieBreaks(t *testing.T) {
	items := searchItems(seed(t))
	ms := newIndexSearcher(items).Search(context.Background(), "daesh", 0)
	if len(ms) < 2 {
		t.Fatal("too few results")
	}
	// "Daesh" is both a glossary term and an actor, with the same score:
	// the term comes first.
	if items[ms[0].Item].ref.Kind != "glossary" || items[ms[1].Item].ref.Kind != "actor" {
		t.Errorf("daesh ranks %v, %v first", items[ms[0].Item].ref, items[ms[1].Item].ref)
	}
}
