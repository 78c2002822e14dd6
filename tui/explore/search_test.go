package explore

import (
	"context"
	"reflect"
	"testing"
)

// TestIndexSearcherMatchesFuzzy checks that the palette's searcher
// (model/search) and sahilm/fuzzy give the same results.
func TestIndexSearcherMatchesFuzzy(t *testing.T) {
	items := searchItems(seed(t))
	ix, fz := newIndexSearcher(items), newFuzzySearcher(items)
	for _, q := range []string{"moscw", "daesh", "Taliban", "russia’s", "2016", "ukr", "x", "ground real", "zzzz", "é"} {
		got := ix.Search(context.Background(), q, 0)
		want := fz.Search(context.Background(), q, 0)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: index %d results, fuzzy %d; first %+v vs %+v", q, len(got), len(want), got[0], want[0])
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
