package tui

import (
	"context"
	"sort"

	"github.com/sahilm/fuzzy"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/search"
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
}

// searcher finds items for a query. The palette runs it off the UI
// goroutine, so implementations must be safe for concurrent use.
type searcher interface {
	Search(ctx context.Context, query string, limit int) []match
}

// searchItems lists everything the palette searches, in the order used to
// break ties (kindRank): glossary terms, actors, events, themes, points,
// then sentences.
func searchItems(b *model.Briefing) []searchItem {
	var items []searchItem
	for _, t := range b.Glossary {
		items = append(items, searchItem{model.Ref{Kind: model.KindTerm, ID: t.ID}, t.Term})
		for _, a := range t.Aliases {
			items = append(items, searchItem{model.Ref{Kind: model.KindTerm, ID: t.ID}, a})
		}
	}
	for _, a := range b.Actors {
		items = append(items, searchItem{model.Ref{Kind: model.KindActor, ID: a.ID}, a.Name})
		for _, al := range a.Aliases {
			items = append(items, searchItem{model.Ref{Kind: model.KindActor, ID: a.ID}, al})
		}
	}
	for _, e := range b.Timeline {
		items = append(items, searchItem{model.Ref{Kind: model.KindEvent, ID: e.ID}, e.Title + " · " + e.When.Label()})
	}
	for _, t := range b.Themes {
		items = append(items, searchItem{model.Ref{Kind: model.KindTheme, ID: t.ID}, t.Title})
	}
	for _, p := range b.Points() {
		items = append(items, searchItem{model.Ref{Kind: model.KindPoint, ID: p.ID}, p.Text})
	}
	for _, s := range b.Sentences() {
		items = append(items, searchItem{model.Ref{Kind: model.KindSentence, ID: s.ID}, s.Text})
	}
	return items
}

// fuzzySearcher searches with sahilm/fuzzy. Results are ordered by fuzzy's
// score, then, on equal scores, by kind (kindRank: a term or actor named by
// the query before the points and sentences that mention it), then by
// shorter text, then by position. So "moscw" puts the glossary's
// Moscow Format first: fuzzy gives it the first-character bonus and no
// penalty for unmatched leading characters, which outscores every point and
// sentence where "Moscow" comes later in the text.
type fuzzySearcher struct {
	items []searchItem
}

func newFuzzySearcher(items []searchItem) fuzzySearcher { return fuzzySearcher{items: items} }

type itemSource []searchItem

func (s itemSource) String(i int) string { return s[i].text }
func (s itemSource) Len() int            { return len(s) }

func (f fuzzySearcher) Search(ctx context.Context, query string, limit int) []match {
	if query == "" || ctx.Err() != nil {
		return nil
	}
	ms := fuzzy.FindFromNoSort(query, itemSource(f.items))
	out := make([]match, len(ms))
	for i, m := range ms {
		out[i] = match{Item: m.Index, Score: m.Score, MatchedIndexes: m.MatchedIndexes}
	}
	rank(f.items, out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// rank orders matches: by score, then kind, then shorter text, then
// position.
func rank(items []searchItem, ms []match) {
	sort.Slice(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if ra, rb := kindRank(items[a.Item].ref.Kind), kindRank(items[b.Item].ref.Kind); ra != rb {
			return ra < rb
		}
		if la, lb := len(items[a.Item].text), len(items[b.Item].text); la != lb {
			return la < lb
		}
		return a.Item < b.Item
	})
}

// indexSearcher searches with model/search, which returns what fuzzy.Find
// returns, faster on large libraries. Its results come best first with
// ties in item order, which searchItems makes kind order; rank adds the
// shorter-text tie-break within the results kept.
type indexSearcher struct {
	items []searchItem
	ix    *search.Index
}

func newIndexSearcher(items []searchItem) indexSearcher {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.text
	}
	return indexSearcher{items: items, ix: search.NewIndex(texts)}
}

func (s indexSearcher) Search(ctx context.Context, query string, limit int) []match {
	if query == "" {
		return nil
	}
	ms := s.ix.Search(ctx, query, limit)
	out := make([]match, len(ms))
	for i, m := range ms {
		out[i] = match{Item: m.Item, Score: m.Score, MatchedIndexes: m.MatchedIndexes}
	}
	rank(s.items, out)
	return out
}

// kindRank orders kinds for ties: named things before the text about them.
func kindRank(k model.RefKind) int {
	switch k {
	case model.KindTerm:
		return 0
	case model.KindActor:
		return 1
	case model.KindEvent:
		return 2
	case model.KindTheme:
		return 3
	case model.KindPoint:
		return 4
	}
	return 5
}
