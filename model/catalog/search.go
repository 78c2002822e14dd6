package catalog

import (
	"context"
	"encoding/json"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/model/search"
)

// SearchItem is one text that search finds: a glossary term or one of its
// aliases, an actor's name or alias, an event (its title and date), a
// theme's title, a point, or a sentence of the source.
type SearchItem struct {
	Briefing int       // which briefing of the index holds it (its position among NewSearchIndex's arguments)
	Ref      model.Ref // its kind and id; a sentence's id is its location, "p3.s2"
	Text     string
}

// SearchItems lists what search finds in a briefing, in the briefing's
// order within each kind, and the kinds in the order that breaks ties:
// glossary terms, actors, events, themes, points, sentences.
func SearchItems(b *model.Briefing) []SearchItem {
	return appendSearchItems(nil, 0, b)
}

func appendSearchItems(items []SearchItem, bi int, b *model.Briefing) []SearchItem {
	eachSearchItem(b, func(k model.RefKind, id, text string) {
		items = append(items, SearchItem{Briefing: bi, Ref: model.Ref{Kind: k, ID: id}, Text: text})
	})
	return items
}

// EachSearchItem calls fn with the kind, id and text of every item of b
// that search finds, in the order of SearchItems, without making the list.
func EachSearchItem(b *model.Briefing, fn func(k model.RefKind, id, text string)) {
	eachSearchItem(b, fn)
}

// eachSearchItem calls fn with the kind, id and text of every item of b
// that search finds, in the order of SearchItems.
func eachSearchItem(b *model.Briefing, fn func(k model.RefKind, id, text string)) {
	for _, t := range b.Glossary {
		fn(model.KindTerm, t.ID, t.Term)
		for _, a := range t.Aliases {
			fn(model.KindTerm, t.ID, a)
		}
	}
	for _, a := range b.Actors {
		fn(model.KindActor, a.ID, a.Name)
		for _, al := range a.Aliases {
			fn(model.KindActor, a.ID, al)
		}
	}
	for _, e := range b.Timeline {
		fn(model.KindEvent, e.ID, e.Title+" · "+e.When.Label())
	}
	for _, t := range b.Themes {
		fn(model.KindTheme, t.ID, t.Title)
	}
	for _, t := range b.Themes {
		for _, p := range t.Points {
			fn(model.KindPoint, p.ID, p.Text)
		}
	}
	for _, p := range b.Source.Paragraphs {
		for _, s := range p.Sentences {
			fn(model.KindSentence, s.ID, s.Text)
		}
	}
}

// SearchKindRank orders the kinds of SearchItem for ties: named things
// (terms, actors, events, themes) before the text about them (points,
// then sentences).
func SearchKindRank(k model.RefKind) int {
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

// SearchIndex finds items of one or more briefings (a library) as
// explore mode's search palette does: fuzzy matching with sahilm/fuzzy's
// scores (see model/search), best first; equal scores are ordered by kind
// (SearchKindRank), then shorter text, then position (briefing, then the
// item's place in it). It is built once and is safe for concurrent use;
// a Searcher is not.
type SearchIndex struct {
	briefings []*model.Briefing
	items     []SearchItem // in position order
	order     []uint32     // order[k] is the item of the k-th text in tie order
	parts     []indexPart  // consecutive runs of the texts in tie order
}

// indexPart indexes texts [base, base+ix.Len()) of the tie order. The
// index of a search run once is cut into parts built concurrently, and the
// search merges their best; an index searched again and again is one part,
// since parts cost every search about a third more than they save once.
type indexPart struct {
	base int
	ix   *search.Index
}

// partSize is the fewest texts worth a part of their own.
var partSize = 32 << 10 // tests lower it

// maxParts bounds the parts of an index; 0 is GOMAXPROCS (tests set it).
var maxParts = 0

// SearchHit is one result of a search.
type SearchHit struct {
	SearchItem
	Item           int   // its position in Items()
	Tier           int   // how the query matched (see model/search); higher is better
	Score          int   // fuzzy's score within the tier; higher is better
	MatchedIndexes []int // byte offsets in Text of the characters to highlight, ascending
	// Weak says the hit is a weaker match: its tier is of a lower class
	// (see search.Class) than the first hit's. Only the hits of the best
	// class present are counted as matches; the weak ones come after them.
	Weak bool
}

// NewSearchIndex indexes everything search finds in the briefings.
func NewSearchIndex(bs ...*model.Briefing) *SearchIndex {
	n := 0
	for _, b := range bs {
		n += len(b.Glossary) + len(b.Actors) + len(b.Timeline) + len(b.Themes)
		for _, t := range b.Themes {
			n += len(t.Points)
		}
		for _, p := range b.Source.Paragraphs {
			n += len(p.Sentences)
		}
	}
	items := make([]SearchItem, 0, n)
	for i, b := range bs {
		items = appendSearchItems(items, i, b)
	}
	x := NewItemIndex(items)
	x.briefings = bs
	return x
}

// NewItemIndex indexes the given items; hits name them by their position
// in items. The slice is kept: the caller must not modify it.
func NewItemIndex(items []SearchItem) *SearchIndex { return newItemIndex(items, false) }

// newItemIndex is NewItemIndex; once says the index serves a single search
// and is built in parts, on every core.
func newItemIndex(items []SearchItem, once bool) *SearchIndex {
	// Sort the texts in tie order, so that the order model/search keeps
	// for equal scores (the texts' order) is ours, and so is its top N.
	order := tieOrder(items)
	texts := make([]string, len(items))
	for k, i := range order {
		texts[k] = items[i].Text
	}
	x := &SearchIndex{items: items, order: order}
	n := 1
	if once || maxParts > 0 {
		most := maxParts
		if most <= 0 {
			most = runtime.GOMAXPROCS(0)
		}
		n = max(1, min(most, len(texts)/partSize))
	}
	x.parts = make([]indexPart, n)
	var wg sync.WaitGroup
	for p := range n {
		lo, hi := p*len(texts)/n, (p+1)*len(texts)/n
		wg.Go(func() { x.parts[p] = indexPart{base: lo, ix: search.NewIndex(texts[lo:hi:hi])} })
	}
	wg.Wait()
	return x
}

// tieOrder returns the item numbers sorted by kind rank, then length,
// then number: a stable counting sort by (rank, length) when the lengths
// allow, else a sort of packed keys.
func tieOrder(items []SearchItem) []uint32 {
	const kinds = 6
	longest := 0
	for _, it := range items {
		longest = max(longest, len(it.Text))
	}
	order := make([]uint32, len(items))
	buckets := kinds * (longest + 1)
	if buckets > max(4*len(items), 1<<12) {
		keys := make([]uint64, len(items))
		for i, it := range items {
			keys[i] = uint64(SearchKindRank(it.Ref.Kind))<<60 | uint64(min(len(it.Text), 1<<28-1))<<32 | uint64(i)
		}
		slices.Sort(keys)
		for k, key := range keys {
			order[k] = uint32(key)
		}
		return order
	}
	bucket := func(it *SearchItem) int { return SearchKindRank(it.Ref.Kind)*(longest+1) + len(it.Text) }
	start := make([]uint32, buckets+1)
	for i := range items {
		start[bucket(&items[i])+1]++
	}
	for b := 1; b <= buckets; b++ {
		start[b] += start[b-1]
	}
	for i := range items {
		b := bucket(&items[i])
		order[start[b]] = uint32(i)
		start[b]++
	}
	return order
}

// Len returns the number of items.
func (x *SearchIndex) Len() int { return len(x.items) }

// Items returns the items, in position order. The slice must not be
// modified.
func (x *SearchIndex) Items() []SearchItem { return x.items }

// Briefings returns the briefings indexed by NewSearchIndex (nil for
// NewItemIndex).
func (x *SearchIndex) Briefings() []*model.Briefing { return x.briefings }

// Size returns the bytes the index holds besides the briefings: the
// search index over the texts (the texts included) and the items.
func (x *SearchIndex) Size() int {
	const itemSize = 8 + 2*16 + 16 // Briefing, Ref, Text
	n := cap(x.items)*itemSize + 4*cap(x.order)
	for _, p := range x.parts {
		n += p.ix.Size()
	}
	return n
}

// Search returns the best matches of query, at most limit (all when
// limit <= 0), best first. It returns nil for an empty query, and when ctx
// is done before the search ends.
func (x *SearchIndex) Search(ctx context.Context, query string, limit int) []SearchHit {
	return x.merge(ctx, limit, func(p int) []search.Match { return x.parts[p].ix.Search(ctx, query, limit) })
}

// merge runs a search on every part and keeps the limit best matches,
// ordered as one index over all the texts would order them.
func (x *SearchIndex) merge(ctx context.Context, limit int, run func(p int) []search.Match) []SearchHit {
	var all []search.Match
	for p, part := range x.parts {
		ms := run(p)
		for k := range ms {
			ms[k].Item += part.base
		}
		if len(x.parts) == 1 {
			all = ms
		} else {
			all = append(all, ms...)
		}
	}
	if ctx.Err() != nil || len(all) == 0 {
		return nil
	}
	if len(x.parts) > 1 {
		// sort.Slice rather than slices.SortFunc: a generic sort of a
		// struct compiles a sort of its own into the binary.
		sort.Slice(all, func(i, j int) bool {
			a, b := all[i], all[j]
			if a.Tier != b.Tier {
				return a.Tier > b.Tier
			}
			if a.Score != b.Score {
				return a.Score > b.Score
			}
			return a.Item < b.Item
		})
		if limit > 0 && len(all) > limit {
			all = all[:limit]
		}
	}
	out := make([]SearchHit, len(all))
	for k, m := range all {
		i := int(x.order[m.Item])
		out[k] = SearchHit{SearchItem: x.items[i], Item: i, Tier: m.Tier, Score: m.Score, MatchedIndexes: m.MatchedIndexes,
			Weak: search.Weak(m.Tier, all[0].Tier)}
	}
	return out
}

// Searcher runs one search after another over an index, as a person types:
// when a query extends the one before, only the items that matched are
// searched again (see search.Searcher). It is not safe for concurrent use.
type Searcher struct {
	x  *SearchIndex
	ss []*search.Searcher // one per part
}

// NewSearcher returns a Searcher over x.
func (x *SearchIndex) NewSearcher() *Searcher {
	s := &Searcher{x: x}
	for _, p := range x.parts {
		s.ss = append(s.ss, p.ix.NewSearcher())
	}
	return s
}

// Search is SearchIndex.Search, narrowing the previous matches when it
// can. It returns nil when ctx is done before the search ends.
func (s *Searcher) Search(ctx context.Context, query string, limit int) []SearchHit {
	return s.x.merge(ctx, limit, func(p int) []search.Match { return s.ss[p].Search(ctx, query, limit) })
}

// jsonHit is one search result as `brief search --json` writes it.
type jsonHit struct {
	Address      string `json:"address"`
	File         string `json:"file"`
	Title        string `json:"title"`
	Kind         string `json:"kind"`
	ID           string `json:"id"`
	Text         string `json:"text"`
	Score        int    `json:"score"`
	Tier         string `json:"tier"`
	Weak         bool   `json:"weak"`
	Matched      []int  `json:"matched"`
	MatchedBytes []int  `json:"matched_bytes"`
}

// SearchAddress is where an item of b lives, FILE#ID, as `brief FILE#ID`
// opens it; an item of the built-in briefing, which has no file, is "#ID"
// (`brief '#ID'`).
func SearchAddress(b *model.Briefing, id string) string {
	if b == nil || len(b.DiskFiles()) == 0 {
		return "#" + id
	}
	return b.File + "#" + id
}

// WriteSearchJSON writes hits as a JSON array, best first: each with its
// address (FILE#ID), its briefing's file and title, its kind and id (a sentence's id is its
// location, "p3.s2"), its text, score, tier (how it matched, see
// search.TierName), whether it is a weaker match (see SearchHit.Weak), and
// the matched characters as character (rune) indices and as byte offsets
// into the UTF-8 text.
// briefings are those searched, in the order given to the search.
func WriteSearchJSON(w io.Writer, hits []SearchHit, briefings []*model.Briefing) error {
	out := make([]jsonHit, 0, len(hits))
	for _, h := range hits {
		j := jsonHit{Kind: string(h.Ref.Kind), ID: h.Ref.ID, Text: h.Text, Score: h.Score,
			Tier: search.TierName(h.Tier), Weak: h.Weak,
			Matched: search.RuneIndexes(h.Text, h.MatchedIndexes), MatchedBytes: nonNilInts(h.MatchedIndexes)}
		var b *model.Briefing
		if h.Briefing >= 0 && h.Briefing < len(briefings) {
			b = briefings[h.Briefing]
			j.File, j.Title = b.File, b.Title
		}
		j.Address = SearchAddress(b, h.Ref.ID)
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNilInts(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// SearchBriefings runs one search over briefings, with the results of
// NewSearchIndex(bs...).Search(ctx, query, limit), for a program that
// searches once (brief search): instead of indexing every item, it first
// drops the items that cannot match with a cheap test of the query's
// characters, and indexes the rest. Hits name items by their position in
// NewSearchIndex(bs...).Items().
func SearchBriefings(ctx context.Context, query string, limit int, bs ...*model.Briefing) []SearchHit {
	if query == "" || ctx.Err() != nil {
		return nil
	}
	f := newPrefilter(query, true)
	hits := searchParts(ctx, query, limit, siftAll(bs, &f))
	if typosMatter(query, hits, limit) {
		f = newPrefilter(query, false)
		hits = searchParts(ctx, query, limit, siftAll(bs, &f))
	}
	return hits
}

// typosMatter reports whether a match with a typo could make the first
// limit hits of a search for query that left such matches out: fewer than
// limit hits match without one in the tiers above the best a typo of the
// query's words can reach (see search.Query.TypoTier; the scattered
// matches of the lowest tier rank below typos).
func typosMatter(query string, hits []SearchHit, limit int) bool {
	return limit <= 0 || len(hits) < limit || hits[limit-1].Tier <= search.NewQuery(query).TypoTier()
}

// siftAll sifts the items of every briefing, on every core.
func siftAll(bs []*model.Briefing, f *prefilter) []searchPart {
	parts := make([]searchPart, len(bs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(bs))) {
		wg.Go(func() {
			for i := range jobs {
				parts[i] = f.part(bs[i])
			}
		})
	}
	for i := range bs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return parts
}

// SearchLibrary loads the library under dir, as library.Load does but
// without the briefings' warnings (see library.Options), and
// runs one search over its briefings, with the results of
// SearchBriefings(ctx, query, limit, lib.Briefings()...). Each briefing's
// items are sifted as soon as it is loaded, on the loading goroutines.
func SearchLibrary(ctx context.Context, dir, query string, limit int) (*library.Library, []SearchHit) {
	f := newPrefilter(query, true)
	var mu sync.Mutex
	parts := map[*model.Briefing]searchPart{}
	// The briefings load without their warnings, which a search never
	// shows: looking for a misspelt alias's closest words in the article
	// took a third of the time.
	lib := library.LoadWith(ctx, dir, library.Options{Quiet: true, Visit: func(b *model.Briefing) {
		if query == "" {
			return
		}
		p := f.part(b)
		mu.Lock()
		parts[b] = p
		mu.Unlock()
	}})
	if lib.Err != nil || query == "" {
		return lib, nil
	}
	bs := lib.Briefings()
	ordered := make([]searchPart, len(bs))
	for i, b := range bs {
		ordered[i] = parts[b]
		for k := range ordered[i].items {
			ordered[i].items[k].Briefing = i
		}
	}
	hits := searchParts(ctx, query, limit, ordered)
	if typosMatter(query, hits, limit) {
		f = newPrefilter(query, false)
		hits = searchParts(ctx, query, limit, siftAll(bs, &f))
	}
	return lib, hits
}

// searchPart is what may match in one briefing.
type searchPart struct {
	items []SearchItem
	pos   []int // position of each item among the briefing's items
	total int   // items of the briefing
}

// part sifts the items of b.
func (f *prefilter) part(b *model.Briefing) searchPart {
	var p searchPart
	eachSearchItem(b, func(k model.RefKind, id, text string) {
		if f.mayMatch(text) {
			p.items = append(p.items, SearchItem{Ref: model.Ref{Kind: k, ID: id}, Text: text})
			p.pos = append(p.pos, p.total)
		}
		p.total++
	})
	return p
}

// searchParts searches what the parts hold, the i-th part being the
// briefing numbered i.
func searchParts(ctx context.Context, query string, limit int, parts []searchPart) []SearchHit {
	n := 0
	for _, p := range parts {
		n += len(p.items)
	}
	items := make([]SearchItem, 0, n)
	pos := make([]int, 0, n)
	base := 0
	for i, p := range parts {
		for k, it := range p.items {
			it.Briefing = i
			items = append(items, it)
			pos = append(pos, base+p.pos[k])
		}
		base += p.total
	}
	hits := newItemIndex(items, true).Search(ctx, query, limit)
	for k := range hits {
		hits[k].Item = pos[hits[k].Item]
	}
	return hits
}

// prefilter tells texts that cannot match a query: those in which a word
// of the query does not occur in order, ignoring case, and, for a word of
// four characters or more, no word one typo away can occur either. It only knows
// ASCII words; other words let every text through.
type prefilter struct {
	words []wordFilter
}

// A text that holds a word's stem probe may match it by its stem (see
// model/search); the probe is kept as a wordFilter of its own.

// wordFilter is one word of a prefilter.
type wordFilter struct {
	lower, upper []byte      // the word's bytes in lower and upper case
	rare         [2]int      // indexes of the word's two rarest letters in English text, or -1
	kelvin       bool        // the word holds k or s, whose case folds include non-ASCII runes
	edit         bool        // a typo is forgiven: four characters or more, no digit
	probe        *wordFilter // the letters a word of the same stem begins with, or nil
}

// letterRarity orders the letters from the most common in English text to
// the rarest.
const letterRarity = "etaoinsrhldcumfpgwybvkxjqz"

// newPrefilter makes the prefilter of query; exact leaves out the texts
// that can only match with a typo.
func newPrefilter(query string, exact bool) prefilter {
	var f prefilter
	q := search.NewQuery(query)
	probes := q.Probes()
	for k, w := range q.Words() {
		if wf, ok := newWordFilter(w); ok {
			wf.edit = wf.edit && !exact
			if pf, ok := newWordFilter(probes[k]); ok {
				wf.probe = &pf
			}
			f.words = append(f.words, wf)
		}
	}
	return f
}

func newWordFilter(w string) (wordFilter, bool) {
	f := wordFilter{rare: [2]int{-1, -1}}
	rarity := [2]int{-1, -1}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c == 0 {
			return wordFilter{}, false
		}
		lo, up := c, c
		if 'A' <= c && c <= 'Z' {
			lo = c + 'a' - 'A'
		} else if 'a' <= c && c <= 'z' {
			up = c - ('a' - 'A')
		}
		if r := strings.IndexByte(letterRarity, lo); r >= 0 && r != rarity[0] && r != rarity[1] {
			switch {
			case r > rarity[0]:
				rarity[1], f.rare[1] = rarity[0], f.rare[0]
				rarity[0], f.rare[0] = r, len(f.lower)
			case r > rarity[1]:
				rarity[1], f.rare[1] = r, len(f.lower)
			}
		}
		f.lower, f.upper = append(f.lower, lo), append(f.upper, up)
		f.kelvin = f.kelvin || lo == 'k' || lo == 's'
	}
	f.edit = len(f.lower) >= 4 && !strings.ContainsAny(string(f.lower), "0123456789")
	return f, len(f.lower) > 0
}

// mayMatch reports whether t may match: false only when it cannot.
func (f *prefilter) mayMatch(t string) bool {
	for k := range f.words {
		if !f.words[k].mayMatch(t) {
			return false
		}
	}
	return true
}

func (f *wordFilter) mayMatch(t string) bool {
	return f.mayHold(t) || f.probe != nil && f.probe.holds(t)
}

// holds reports whether t holds the word, ignoring case.
func (f *wordFilter) holds(t string) bool {
	if f.absent(t, f.rare[0]) || f.absent(t, f.rare[1]) {
		return false
	}
	return f.contains(t, 0, len(f.lower))
}

// mayHold reports whether t may hold the word, or a word one typo away.
func (f *wordFilter) mayHold(t string) bool {
	if len(t) < len(f.lower)-1 {
		return false // every byte of the word but one needs a text byte
	}
	// The Kelvin sign (U+212A, E2 84 AA) folds to k, the long s (U+017F,
	// C5 BF) to s: leave such texts to the real test.
	if f.kelvin && (strings.IndexByte(t, 0xE2) >= 0 || strings.IndexByte(t, 0xC5) >= 0) {
		return true
	}
	// Most texts lack the word's rarest letters; one of the two may be the
	// character left out, not both.
	if f.absent(t, f.rare[0]) && (f.rare[1] < 0 || f.absent(t, f.rare[1])) {
		return false
	}
	// In order, all of them; else, for a word long enough to forgive a
	// typo, one of its pieces that a word one edit away keeps (see
	// model/search), and all of it but one character in order.
	at := 0
	for i := range f.lower {
		k := f.index(t[at:], i)
		if k < 0 {
			return f.edit && f.loose(t) && f.mayBeNear(t)
		}
		at += k + 1
	}
	return true
}

// mayBeNear reports whether t holds, ignoring case, one of the halves of
// the word, or both but for the characters around the middle.
func (f *wordFilter) mayBeNear(t string) bool {
	n := len(f.lower)
	h := n / 2
	return f.contains(t, 0, h) || f.contains(t, h, n) || f.contains(t, 0, h-1) && f.contains(t, h+1, n)
}

// contains reports whether t holds the word's bytes [i, j), ignoring case.
func (f *wordFilter) contains(t string, i, j int) bool {
	if i >= j {
		return true
	}
	for at := 0; at <= len(t)-(j-i); {
		k := f.index(t[at:], i)
		if k < 0 || at+k > len(t)-(j-i) {
			return false
		}
		p := at + k
		ok := true
		for x := i + 1; x < j && ok; x++ {
			c := t[p+x-i]
			ok = c == f.lower[x] || c == f.upper[x]
		}
		if ok {
			return true
		}
		at = p + 1
	}
	return false
}

// loose reports whether all the word's characters but one occur in t in
// order, ignoring case.
func (f *wordFilter) loose(t string) bool {
	s0, s1 := 0, -1 // offsets just past: all of them so far; all but one
	for i := range f.lower {
		n1 := s0
		if s1 >= 0 {
			if k := f.index(t[s1:], i); k >= 0 && (n1 < 0 || s1+k+1 < n1) {
				n1 = s1 + k + 1
			}
		}
		if s0 >= 0 {
			if k := f.index(t[s0:], i); k >= 0 {
				s0 += k + 1
			} else {
				s0 = -1
			}
		}
		s1 = n1
		if s1 < 0 {
			return false
		}
	}
	return true
}

// absent reports whether letter i of the word is not in t at all.
func (f *wordFilter) absent(t string, i int) bool {
	return i >= 0 && strings.IndexByte(t, f.lower[i]) < 0 && strings.IndexByte(t, f.upper[i]) < 0
}

// index finds letter i of the word in t, in either case.
func (f *wordFilter) index(t string, i int) int {
	lo, up := f.lower[i], f.upper[i]
	k := strings.IndexByte(t, lo)
	if up != lo {
		rest := t
		if k >= 0 {
			rest = t[:k]
		}
		if j := strings.IndexByte(rest, up); j >= 0 {
			k = j
		}
	}
	return k
}
