package explore

import (
	"context"
	"sync"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
)

// searchItem is one thing the palette can find.
type searchItem struct {
	ref  model.Ref
	text string // what is matched and shown
}

// match is one search result: the item, its score and the byte offsets of
// the matched characters in its text.
type match struct {
	Item           int
	Score          int
	MatchedIndexes []int
	Weak           bool // a weaker match (see catalog.SearchHit.Weak)
}

// searcher finds items for a query. The palette runs it off the UI
// goroutine, so implementations must be safe for concurrent use.
type searcher interface {
	Search(ctx context.Context, query string, limit int) []match
}

// searchItems lists everything the palette searches, in the order used to
// break ties (catalog.SearchKindRank): glossary terms, actors, events, themes, points,
// then sentences. They are catalog.SearchItems, the items of brief search,
// made without that slice: the texts are the briefing's own strings, not
// copies, and on an article near the size limit a second list of 185,000
// items would weigh 10 MiB.
func searchItems(b *model.Briefing) []searchItem {
	n := 0
	catalog.EachSearchItem(b, func(model.RefKind, string, string) { n++ })
	items := make([]searchItem, 0, n)
	catalog.EachSearchItem(b, func(k model.RefKind, id, text string) {
		items = append(items, searchItem{ref: model.Ref{Kind: k, ID: id}, text: text})
	})
	return items
}

// indexSearcher searches with catalog.SearchIndex, the engine of brief
// search: ranked in tiers (the phrase, whole words in any order, ..., a
// word one edit away; see model/search), then by sahilm/fuzzy's score,
// kind, shorter text and position, from an index built once.
//
// One catalog.Searcher serves the keystrokes, so a query that extends the
// one before only looks at the items that matched it. Searches run one at
// a time; the palette cancels one that a newer keystroke made stale.
//
// The index is built by the first search, off the UI goroutine, not at
// start: it holds a folded copy of every text, as much again as the
// article, which a reader who never searches does not pay for.
type indexSearcher struct {
	items []searchItem

	mu sync.Mutex // held by the running search
	s  *catalog.Searcher
}

func newIndexSearcher(items []searchItem) *indexSearcher {
	return &indexSearcher{items: items}
}

// searcher builds the index on first use; s.mu is held.
func (s *indexSearcher) searcher() *catalog.Searcher {
	if s.s == nil {
		ms := make([]catalog.SearchItem, len(s.items))
		texts := 0
		for i, it := range s.items {
			ms[i] = catalog.SearchItem{Ref: it.ref, Text: it.text}
			texts += len(it.text)
		}
		ix := catalog.NewItemIndex(ms)
		// The texts it counts are the briefing's, already in memory.
		growMemoryLimit(int64(ix.Size() - texts))
		s.s = ix.NewSearcher()
	}
	return s.s
}

func (s *indexSearcher) Search(ctx context.Context, query string, limit int) []match {
	if query == "" {
		return nil
	}
	s.mu.Lock()
	hits := s.searcher().Search(ctx, query, limit)
	s.mu.Unlock()
	out := make([]match, len(hits))
	for i, h := range hits {
		out[i] = match{Item: h.Item, Score: h.Score, MatchedIndexes: h.MatchedIndexes, Weak: h.Weak}
	}
	return out
}
