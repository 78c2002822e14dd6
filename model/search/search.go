package search

import (
	"context"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/sahilm/fuzzy"
)

// Match is one search result.
type Match struct {
	Item  int // index of the text in the slice given to NewIndex
	Tier  int // how the query matched, 0 to Tiers-1; higher is better (see the package documentation)
	Score int // fuzzy's score, summed over the query's words; higher is better within a tier
	// MatchedIndexes are the byte offsets in the original text of the runes
	// to highlight, ascending: the best alignment of each word.
	MatchedIndexes []int
}

// Search returns the best matches of query, at most limit of them (all of
// them when limit <= 0), best first: by tier, then score; equal ones keep
// the order of the items.
//
// If ctx is done before or while the texts are scanned, Search returns nil;
// it checks ctx every few thousand items.
func (ix *Index) Search(ctx context.Context, query string, limit int) []Match {
	q := NewQuery(query)
	if q.empty() || ctx.Err() != nil {
		return nil
	}
	st, _ := ix.pool.Get().(*scanState)
	if st == nil {
		st = new(scanState)
	}
	defer ix.pool.Put(st)
	cands, ok := ix.scan(ctx, &q, nil, nil, nil, nil, limit, st)
	if !ok {
		return nil
	}
	return ix.results(&q, cands)
}

// Searcher runs a sequence of searches, typically one per keystroke, over
// one Index. It remembers which items match the last query without a typo
// (every word's runes in order; for a query of one word, with the items
// that could not make the results and were not looked at that closely,
// see unchecked); when the next query extends the last one
// (see Query.Extends), only those items are scanned again, and the others
// only if a match one edit away could make the results.
//
// It also keeps the items of the earlier queries that the last one
// extends, so that after a backspace, or an edit in the middle, it narrows
// those of the longest remembered prefix of the new query instead of
// scanning every item. It holds 10 bytes per remembered item, at most 40
// bytes per item of the index in all.
//
// A Searcher is not safe for concurrent use.
type Searcher struct {
	ix     *Index
	levels []level     // levels[k].q extends levels[k-1].q; the last is the last query's
	spare  []survivors // buffers for reuse
	valid  bool        // the last search completed; its items are the last level
	from   int         // runes of the query the last search narrowed, or -1 (test hook)
	last   []uint32    // the items that seed the next search (see remember, Index.seed)
	res    []uint32    // the items of the last results
	before []uint32    // the items of the results before them
	st     scanState
}

// level holds the items that match one query without a typo.
type level struct {
	q    Query
	surv survivors
}

// survivors are the items that match a query without a typo, ascending,
// in parallel slices; for a query of one word also where its leftmost
// occurrence ends and what posBound needs of it (see packMeta).
type survivors struct {
	item []uint32
	at   []uint32
	meta []uint16
}

func (v *survivors) len() int { return len(v.item) }

func (v *survivors) cap() int { return cap(v.item) }

func (v *survivors) truncate(n int) { v.item, v.at, v.meta = v.item[:n], v.at[:n], v.meta[:n] }

// packMeta keeps the adjacency count of an occurrence (saturating; only
// used for words of at most maxBoundRunes runes) and the offset of its
// first rune, capped at 3 (where the leading penalty reaches its maximum).
func packMeta(o occurrence) uint16 {
	return uint16(min(o.adj, 31) | min(o.first, 3)<<5)
}

func unpackMeta(m uint16, end uint32) occurrence {
	return occurrence{end: int(end), adj: int(m & 31), first: int(m >> 5 & 3)}
}

// unchecked marks, in a survivor's meta, an item of a one-word query that
// was kept without looking for the word in it: it could not make the
// results (see match), and it holds every rune of the word. Its occurrence
// is unknown; the next search that needs to know looks from the start.
// So the survivors of a one-word query may hold items in which the word
// does not occur in order; Survivors counts only those in which it does.
const unchecked = 1 << 7

// What a search learnt of a one-word query's word in an item, kept in the
// survivor's meta for the next search, whose word extends it: a text that
// does not hold a word, or not inside one of its words, does not hold a
// longer one either. So the next search skips those looks, and once its
// results all hold the word itself, it keeps the item unchecked without
// reading its text.
const (
	noWord   = 1 << 8 // the word does not occur in the text
	noInWord = 1 << 9 // nor do its runes in order inside one word of it

	learnt = noWord | noInWord
)

// An unchecked item may keep the occurrence of the word's first bytes,
// those of the query that last looked for it: their count is in the
// meta's top bits (partialShift), and the occurrence in the rest, as for
// an item checked. The next search goes on from there.
const (
	partialShift = 10
	maxPartial   = 1<<(16-partialShift) - 1
)

// NewSearcher returns a Searcher over ix.
func (ix *Index) NewSearcher() *Searcher {
	return &Searcher{ix: ix, from: -1}
}

// Search is Index.Search, narrowing the items of the longest remembered
// query that query extends and scanning every item when there is none. If
// ctx is done before or during the scan, it returns nil.
func (s *Searcher) Search(ctx context.Context, query string, limit int) []Match {
	q := NewQuery(query)
	s.from = -1
	if q.empty() {
		s.valid = false
		return nil
	}
	if ctx.Err() != nil {
		return nil
	}
	s.valid = false
	if !q.plain { // nothing to remember: operators do not narrow
		cands, ok := s.ix.scan(ctx, &q, nil, nil, nil, s.last, limit, &s.st)
		if !ok {
			return nil
		}
		s.remember(cands)
		return s.ix.results(&q, cands)
	}
	for len(s.levels) > 0 && !q.Extends(s.levels[len(s.levels)-1].q) {
		s.pop()
	}
	var src, dst *survivors
	if len(s.levels) == 0 {
		dst = s.buffer(s.ix.Len())
	} else {
		top := &s.levels[len(s.levels)-1]
		src, dst = &top.surv, &top.surv
		s.from = top.q.Len()
		if q.text != top.q.text {
			dst = s.buffer(src.len())
		} // else the same query again: the items stay as they are
	}
	var prev *Query
	if len(s.levels) > 0 {
		prev = &s.levels[len(s.levels)-1].q
	}
	cands, ok := s.ix.scan(ctx, &q, prev, src, dst, s.last, limit, &s.st)
	if !ok {
		if dst == src {
			s.pop()
		} else {
			s.spare = append(s.spare, *dst)
		}
		return nil
	}
	if dst != src {
		s.levels = append(s.levels, level{q, *dst})
	}
	s.valid = true
	s.trim()
	s.remember(cands)
	return s.ix.results(&q, cands)
}

// remember keeps the items of the results, of the candidates that just
// missed them (see scanState.more), and of the results before, to seed
// the next search: a keystroke whose best matches were not the last
// ones' finds them among the near misses, and a query typed back and
// forth finds its matches among the results before.
func (s *Searcher) remember(cands []cand) {
	s.before, s.res = s.res, s.before[:0]
	for _, c := range cands {
		s.res = append(s.res, c.item)
	}
	s.last = append(append(s.last[:0], s.res...), s.before...)
	for _, c := range s.st.more {
		s.last = append(s.last, c.item)
	}
	// An item twice among the seeds would count twice towards the floor.
	slices.Sort(s.last)
	s.last = slices.Compact(s.last)
}

// Reset forgets the remembered items; the next search scans every item.
// The memory is kept for reuse.
func (s *Searcher) Reset() {
	for len(s.levels) > 0 {
		s.pop()
	}
	s.valid, s.from, s.last, s.res, s.before = false, -1, s.last[:0], s.res[:0], s.before[:0]
}

// Survivors returns how many items match the last query without a typo,
// or -1 when the last search was empty, cancelled or had operators.
func (s *Searcher) Survivors() int {
	if !s.valid {
		return -1
	}
	l := &s.levels[len(s.levels)-1]
	n := 0
	for pos, i := range l.surv.item {
		if l.surv.meta[pos]&unchecked == 0 || s.ix.exact(&l.q, i) {
			n++
		}
	}
	return n
}

// exact reports whether every word of q occurs in order in item i.
func (ix *Index) exact(q *Query, i uint32) bool {
	f := ix.item(i)
	for _, w := range q.words {
		if _, ok := w.leftmostFrom(f, 0, occurrence{}); !ok {
			return false
		}
	}
	return true
}

// pop forgets the last level.
func (s *Searcher) pop() {
	k := len(s.levels) - 1
	s.spare = append(s.spare, s.levels[k].surv)
	s.levels[k] = level{}
	s.levels = s.levels[:k]
}

// buffer returns survivors of length n, reusing the smallest spare buffer
// that is large enough.
func (s *Searcher) buffer(n int) *survivors {
	best := -1
	for k, v := range s.spare {
		if v.cap() >= n && (best < 0 || v.cap() < s.spare[best].cap()) {
			best = k
		}
	}
	var v survivors
	if best >= 0 {
		v = s.spare[best]
		s.spare = slices.Delete(s.spare, best, best+1)
	} else {
		v = survivors{make([]uint32, n), make([]uint32, n), make([]uint16, n)}
	}
	v.truncate(n)
	return &v
}

// maxLevels is how many times the index's length the buffers of a
// Searcher may hold in all (10 bytes an item each).
const maxLevels = 4

// trim keeps the buffers at no more than maxLevels times the index's
// length, dropping spare buffers, largest first, then the levels that
// spare the least work (see leastUseful).
func (s *Searcher) trim() {
	limit := maxLevels * s.ix.Len()
	total := 0
	for _, v := range s.spare {
		total += v.cap()
	}
	for _, l := range s.levels {
		total += l.surv.cap()
	}
	// sort.Slice rather than slices.SortFunc: a generic sort of this
	// struct would compile a sort of its own into the binary, for a
	// handful of buffers.
	sort.Slice(s.spare, func(i, j int) bool { return s.spare[i].cap() < s.spare[j].cap() })
	for total > limit && len(s.spare) > 0 {
		k := len(s.spare) - 1
		total -= s.spare[k].cap()
		s.spare[k] = survivors{}
		s.spare = s.spare[:k]
	}
	for total > limit && len(s.levels) > 1 {
		k := s.leastUseful()
		total -= s.levels[k].surv.cap()
		s.levels[k] = level{}
		s.levels = slices.Delete(s.levels, k, k+1)
	}
}

// leastUseful returns the level, other than the last two (the query and
// the one a backspace goes back to), that spares the least work: the one
// whose items are the largest share of the level before it (of every
// item, for the first). Without it, a query that narrows it narrows that
// level instead, which holds hardly more items. So a prefix that narrowed
// the most, the one to go back to after a typo, stays longest.
func (s *Searcher) leastUseful() int {
	best, share := 0, -1.0
	for k := range len(s.levels) - 2 {
		parent := s.ix.Len()
		if k > 0 {
			parent = s.levels[k-1].surv.len()
		}
		if f := float64(s.levels[k].surv.len()) / float64(max(parent, 1)); f > share {
			best, share = k, f
		}
	}
	return best
}

// cand is a scored match waiting for the final sort.
type cand struct {
	tier  int8
	score int
	item  uint32
}

// worse orders candidates: lower tier, lower score, then later item.
func worse(a, b cand) bool {
	if a.tier != b.tier {
		return a.tier < b.tier
	}
	return a.score < b.score || a.score == b.score && a.item > b.item
}

// topN keeps the limit best candidates in a min-heap (worst at the root),
// or every candidate when limit <= 0.
//
// A floor, when set, is a candidate known to be no better than the
// limit-th best of the whole scan (see Searcher.seed): a candidate worse
// than it cannot make the results, so the heap counts as full from the
// start, and its root is the better of the two.
type topN struct {
	c        []cand
	limit    int
	floor    cand
	hasFloor bool

	// What full and root report, kept up to date by every change: match
	// asks for them many times a text.
	isFull bool
	top    cand

	// The last candidates pushed out of the heap by better ones, at most
	// spillCap of them (none when 0), oldest overwritten first: near the
	// limit-th best, they seed the next query (see Searcher.remember).
	spill    []cand
	spillAt  int
	spillCap int
}

// spillMax is how many pushed-out candidates the heaps of a scan keep in
// all, per limit: shared between the workers, so that the seeds of the
// next search, which one goroutine scores, do not grow with the cores.
const spillMax = 8

func (h *topN) reset(limit int) {
	h.c, h.limit, h.hasFloor, h.isFull = h.c[:0], limit, false, false
	h.spill, h.spillAt = h.spill[:0], 0
}

// pushOut keeps x, pushed out of the heap, in spill.
func (h *topN) pushOut(x cand) {
	if h.spillCap == 0 {
		return
	}
	if len(h.spill) < h.spillCap {
		h.spill = append(h.spill, x)
		return
	}
	h.spill[h.spillAt] = x
	h.spillAt = (h.spillAt + 1) % len(h.spill)
}

// setFloor gives the heap the floor f.
func (h *topN) setFloor(f cand) {
	h.floor, h.hasFloor = f, true
	h.update()
}

// raise gives the heap the floor f when f is better than its root.
func (h *topN) raise(f cand) {
	if !h.full() || worse(h.root(), f) {
		h.setFloor(f)
	}
}

// update recomputes what full and root report.
func (h *topN) update() {
	h.isFull = h.limit > 0 && (h.hasFloor || len(h.c) >= h.limit)
	if len(h.c) >= h.limit && h.limit > 0 && (!h.hasFloor || worse(h.floor, h.c[0])) {
		h.top = h.c[0]
	} else {
		h.top = h.floor
	}
}

// full reports whether a candidate must beat the root to get in.
func (h *topN) full() bool { return h.isFull }

// root is the candidate to beat when the heap is full.
func (h *topN) root() cand { return h.top }

// below reports whether no match of q in a text whose folded copy has
// length l can get in when its tier is at most tier.
func (h *topN) below(q *Query, tier, l int) bool {
	if !h.full() {
		return false
	}
	r := h.root()
	if tier != int(r.tier) {
		return tier < int(r.tier)
	}
	if !q.bndOK {
		return false
	}
	b := q.bound
	// A word one edit away scores as the text's word, which may be a rune
	// longer; beside another word inside a word too.
	if tier <= tierEdit || tier == tierEditLong || tier == tierInWord && q.editsFirst && len(q.groups) > 1 {
		b = q.boundE
	}
	return b-len(q.words)*l < r.score
}

func (h *topN) offer(x cand) {
	if h.limit <= 0 {
		h.c = append(h.c, x)
		return
	}
	if h.hasFloor && worse(x, h.floor) {
		return
	}
	c := h.c
	if len(c) < h.limit {
		c = append(c, x)
		for i := len(c) - 1; i > 0; { // sift up
			p := (i - 1) / 2
			if !worse(c[i], c[p]) {
				break
			}
			c[i], c[p] = c[p], c[i]
			i = p
		}
		h.c = c
		h.update()
		return
	}
	if !worse(c[0], x) {
		return
	}
	h.pushOut(c[0])
	c[0] = x
	for i := 0; ; { // sift down
		l := 2*i + 1
		if l >= len(c) {
			break
		}
		m := l
		if r := l + 1; r < len(c) && worse(c[r], c[l]) {
			m = r
		}
		if !worse(c[m], c[i]) {
			break
		}
		c[i], c[m] = c[m], c[i]
		i = m
	}
	h.update()
}

// blockSize is the unit of work handed to a worker, and how often a worker
// looks at ctx.
const blockSize = 4096

// worker is the scratch space of one goroutine of a scan.
type worker struct {
	id     int // its index in scanState.workers
	top    topN
	firsts []int  // leftmost occurrence of a word
	buf    []rune // a text's word, for the edit tier
	hits   []wordHit
	loose  []bool // per group: the word's runes are not all in order: a typo
	stemd  []bool // per group: the word matched by its stem (hits says where)
	adj    []int  // per group: the word's adjacency count (see leftmost)
	first  []int  // per group: the offset of the word's first rune

	// The leftmost occurrence of a query's only word, and how much of the
	// word it covers on entry to match (-1: none, look from the start).
	occ  occurrence
	from int
	// match kept the item unchecked (see unchecked).
	skipped bool
	// The item is known not to hold a one-word query's word in order
	// (the items a Searcher does not remember).
	unordered bool
	// What is known of a one-word query's word in the item (noWord,
	// noInWord): on entry to match from the last search, on return with
	// what match learnt.
	known uint16

	stems stemCache // stems of the texts' words
	pend  []pending // matches waiting to be scored (see flush)
	batch [][]int32 // per group: the pending matches whose word fuzzy scores in one go
	// The pending matches scored by a text's word (one edit away, or of
	// the same stem), by that word: most share it.
	byWord map[string][]int32
}

// pending is a match whose score is not known yet: score holds the part
// already added up, for the words scored one by one.
type pending struct {
	item  uint32
	tier  int8
	score int
}

// scanState is the reusable scratch space of a scan.
type scanState struct {
	workers []worker
	counts  []int // survivors per block
	all     []cand
	more    []cand // candidates that did not make the results (see scan)

	// What the workers' heaps held after their last block, for each of
	// them to take the best limit of all as its floor (see pool).
	mu    sync.Mutex
	snaps [][]cand
	union topN
}

// pool puts the candidates of worker k's heap with those the other workers
// last put, and gives its heap the limit-th best of them all as a floor
// when that is better than its own root: each worker then passes over
// what cannot beat the best of all the texts looked at so far, not only
// of its own. They are real matches of distinct texts, so the floor is
// never above the limit-th best of the whole scan.
func (st *scanState) pool(k int) {
	h := &st.workers[k].top
	if h.limit <= 0 {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.snaps[k] = append(st.snaps[k][:0], h.c...)
	if f, ok := limitth(&st.union, h.limit, st.snaps); ok {
		h.raise(f)
	}
}

// shareFloor is pool for every worker at once, once the workers are done:
// each heap gets the limit-th best of all of them.
func (st *scanState) shareFloor(limit int) {
	if limit <= 0 {
		return
	}
	for len(st.snaps) < len(st.workers) {
		st.snaps = append(st.snaps, nil)
	}
	st.snaps = st.snaps[:len(st.workers)]
	for i := range st.workers {
		st.snaps[i] = append(st.snaps[i][:0], st.workers[i].top.c...)
	}
	if f, ok := limitth(&st.union, limit, st.snaps); ok {
		for i := range st.workers {
			st.workers[i].top.raise(f)
		}
	}
}

// limitth returns the limit-th best candidate of sets, when they hold that
// many; u is scratch space.
func limitth(u *topN, limit int, sets [][]cand) (cand, bool) {
	u.reset(limit)
	for _, c := range sets {
		for _, x := range c {
			u.offer(x)
		}
	}
	if !u.full() {
		return cand{}, false
	}
	return u.c[0], true
}

// scan matches q against the items and scores the matches into per-worker
// heaps of size limit, returning the best limit candidates, best first.
//
// With src nil every item is scanned, and if dst is not nil (of length
// ix.Len()) it receives the items that may match. Otherwise src holds the
// items that may match a query q extends, and only they are scanned; dst
// (of src's length, possibly src itself) receives those that may match q.
// ok is false when ctx was done; dst is then garbage.
func (ix *Index) scan(ctx context.Context, q *Query, prev *Query, src, dst *survivors, seeds []uint32, limit int, st *scanState) (cands []cand, ok bool) {
	total := ix.Len()
	if src != nil {
		total = src.len()
	}
	longest := 0
	for _, g := range q.groups {
		for _, t := range g {
			longest = max(longest, len(t.enc))
		}
	}
	blocks := (total + blockSize - 1) / blockSize
	workers := max(1, min(runtime.GOMAXPROCS(0), max(blocks, (ix.Len()+blockSize-1)/blockSize)))
	if cap(st.workers) < workers {
		st.workers = make([]worker, workers)
	}
	st.workers = st.workers[:workers]
	for i := range st.workers {
		wk := &st.workers[i]
		wk.id = i
		wk.top.reset(limit)
		wk.top.spillCap = max(0, spillMax*limit/workers)
		if cap(wk.firsts) < longest {
			wk.firsts = make([]int, longest)
		}
		if wk.buf == nil {
			wk.buf = make([]rune, maxEditRunes+1)
		}
		if n := len(q.groups); cap(wk.hits) < n {
			wk.hits, wk.loose, wk.stemd = make([]wordHit, n), make([]bool, n), make([]bool, n)
			wk.adj, wk.first = make([]int, n), make([]int, n)
			wk.batch = make([][]int32, n)
		}
		n := len(q.groups)
		wk.hits, wk.loose, wk.stemd, wk.adj, wk.first = wk.hits[:n], wk.loose[:n], wk.stemd[:n], wk.adj[:n], wk.first[:n]
		wk.batch = wk.batch[:n]
		if wk.stems == nil {
			wk.stems = stemCache{}
		}
	}
	ix.seed(q, seeds, limit, st)
	if cap(st.counts) < blocks {
		st.counts = make([]int, blocks)
	}
	st.counts = st.counts[:blocks]

	// The items remembered (or all), recording those that survive. A
	// word typed further goes on from where its shorter self occurred.
	from := -1
	if src != nil && len(q.words) == 1 && len(prev.words) == 1 {
		from = len(prev.words[0].enc)
	}
	// A one-word query typed further, once the heap is full of phrases:
	// most remembered items are too long to score enough, and are only
	// kept (unchecked) if they hold the word's runes, which this loop
	// settles itself, without the dearer call of match (see keepLong).
	long := from >= 0 && dst != nil && q.plain && q.bndOK && len(q.words) == 1 && len(q.groups) == 1
	ok = ix.run(ctx, workers, blocks, st, func(wk *worker, b int) {
		lo, hi := b*blockSize, min((b+1)*blockSize, total)
		w := lo
		wk.from = from
		h := &wk.top
		for pos := lo; pos < hi; pos++ {
			i := uint32(pos)
			wk.known = 0
			if src != nil {
				i = src.item[pos]
				if long && h.full() && h.root().tier == tierPhrase && q.bound-int(ix.off[i+1]-ix.off[i]) < h.root().score {
					if q.words[0].mask&^ix.mask[i] == 0 {
						dst.item[w] = i
						dst.at[w], dst.meta[w] = keepLong(src.at[pos], src.meta[pos], from)
						w++
					}
					continue
				}
				if from >= 0 {
					wk.from, wk.occ = from, unpackMeta(src.meta[pos], src.at[pos])
					wk.known = src.meta[pos] & learnt
					if src.meta[pos]&unchecked != 0 {
						wk.from = int(src.meta[pos] >> partialShift)
						if wk.from == 0 {
							wk.occ = occurrence{}
						}
					}
				}
			}
			wk.skipped = false
			if ix.match(q, i, wk, dst != nil) && dst != nil {
				meta := packMeta(wk.occ)
				if wk.skipped {
					meta = unchecked
					if wk.from > 0 && wk.from <= maxPartial {
						meta |= packMeta(wk.occ) | uint16(wk.from)<<partialShift
					}
				}
				meta |= wk.known
				dst.item[w], dst.at[w], dst.meta[w] = i, uint32(wk.occ.end), meta
				w++
			}
		}
		ix.flush(q, wk)
		st.counts[b] = w - lo
	})
	if !ok {
		return nil, false
	}
	// The others can only match with a typo, one edit away; they are
	// looked at only when such a match could make the best limit.
	floor := q.TypoTier()
	if q.stems {
		floor = tierStem // matches by a word's form are not remembered either
	}
	if src != nil && st.looseMatter(limit, floor) {
		st.shareFloor(limit)
		// The word of a one-word query is known not to be in order in
		// these items, so neither the word itself nor its runes inside a
		// word are there.
		one := len(q.words) == 1 && len(q.groups) == 1
		var known uint16
		if one {
			known = learnt
		}
		n := ix.Len()
		ok = ix.run(ctx, workers, (n+blockSize-1)/blockSize, st, func(wk *worker, b int) {
			lo, hi := b*blockSize, min((b+1)*blockSize, n)
			wk.from, wk.unordered = -1, one
			j, _ := slices.BinarySearch(src.item, uint32(lo))
			for i := uint32(lo); i < uint32(hi); i++ {
				if j < len(src.item) && src.item[j] == i {
					j++
					continue
				}
				wk.known = known
				ix.match(q, i, wk, false)
			}
			wk.unordered = false
			ix.flush(q, wk)
		})
		if !ok {
			return nil, false
		}
	}

	if dst != nil { // close the gaps between the blocks' survivors
		n := 0
		for b, c := range st.counts {
			lo := b * blockSize
			copy(dst.item[n:], dst.item[lo:lo+c])
			copy(dst.at[n:], dst.at[lo:lo+c])
			copy(dst.meta[n:], dst.meta[lo:lo+c])
			n += c
		}
		dst.truncate(n)
	}
	all := st.all[:0]
	for i := range st.workers {
		all = append(all, st.workers[i].top.c...)
	}
	// At most a heap's worth per worker; sort.Slice keeps a generic sort
	// of cand out of the binary.
	sort.Slice(all, func(i, j int) bool { return worse(all[j], all[i]) })
	// The candidates beyond the limit, in a heap or pushed out of one, are
	// near the results: they seed the next query with them.
	st.more = st.more[:0]
	if limit > 0 && len(all) > limit {
		st.more = append(st.more, all[limit:]...)
		all = all[:limit]
	}
	for i := range st.workers {
		st.more = append(st.more, st.workers[i].top.spill...)
	}
	st.all = all
	return all, true
}

// seed scores the items of seeds, typically the results of the last
// query, for q, before the scan: when limit of them match, the worst of
// them is a floor for every worker's heap (see topN), as good as the
// results of a whole scan are bound to be. So the scan passes over the
// texts that cannot beat it from its first item on, instead of scoring
// the first matches it meets until its heaps fill with better ones.
func (ix *Index) seed(q *Query, seeds []uint32, limit int, st *scanState) {
	if limit <= 0 || len(seeds) < limit {
		return
	}
	wk := &st.workers[0]
	wk.from = -1
	for _, i := range seeds {
		wk.known = 0
		ix.match(q, i, wk, false)
	}
	ix.flush(q, wk)
	if len(wk.top.c) < limit {
		wk.top.reset(limit)
		return
	}
	f := wk.top.c[0]
	for k := range st.workers {
		h := &st.workers[k].top
		h.reset(limit)
		h.setFloor(f)
	}
}

// run hands blocks 0 to blocks-1 to the workers, each calling fn, and
// reports false when ctx was done first.
func (ix *Index) run(ctx context.Context, workers, blocks int, st *scanState, fn func(wk *worker, b int)) bool {
	done := ctx.Done()
	var next atomic.Int64
	var stop atomic.Bool
	workers = max(1, min(workers, blocks))
	shared := workers > 1
	if shared {
		if cap(st.snaps) < workers {
			st.snaps = make([][]cand, workers)
		}
		st.snaps = st.snaps[:workers]
		for k := range st.snaps {
			st.snaps[k] = st.snaps[k][:0]
		}
	}
	work := func(wk *worker) {
		for {
			if done != nil {
				select {
				case <-done:
					stop.Store(true)
				default:
				}
			}
			if stop.Load() {
				return
			}
			b := int(next.Add(1) - 1)
			if b >= blocks {
				return
			}
			fn(wk, b)
			if shared {
				st.pool(wk.id)
			}
		}
	}

	if workers == 1 {
		work(&st.workers[0])
	} else {
		var wg sync.WaitGroup
		for i := 1; i < workers; i++ {
			wg.Go(func() { work(&st.workers[i]) })
		}
		work(&st.workers[0])
		wg.Wait()
	}
	return !stop.Load()
}

// looseMatter reports whether a match of tier floor (one edit away, or a
// word's form) could still be among the best limit: the workers' heaps hold
// fewer than limit matches of the tiers above, in all.
func (st *scanState) looseMatter(limit, floor int) bool {
	if limit <= 0 {
		return true
	}
	above := 0
	for i := range st.workers {
		for _, c := range st.workers[i].top.c {
			if int(c.tier) > floor {
				above++
			}
		}
	}
	return above < limit
}

// match looks at item i: it offers the item to the worker's heap when it
// matches and may beat what the heap holds, and reports whether it may
// match a query that extends q (see Searcher), which is only decided for a
// plain query. The tests run from the cheapest to the dearest, and stop as
// soon as the heap is full of better matches than the item can be.
//
// rec says the caller records the survivors; without it, the loose tests
// that only a Searcher needs are skipped when they cannot matter.
func (ix *Index) match(q *Query, i uint32, wk *worker, rec bool) (survives bool) {
	m := ix.mask[i]
	pr := ix.pairs[i]
	f := ix.fold[ix.off[i]:ix.off[i+1]]
	h := &wk.top
	hits, loose, stemd := wk.hits, wk.loose, wk.stemd
	// Too long to score high enough, whatever its tier: only whether it
	// survives is left to decide.
	short := h.below(q, tierPhrase, len(f))
	if short && !rec {
		return false
	}
	// Once the heap is full of matches that hold every word itself (the
	// tiers from anywhere up), a text that lacks one of them cannot get in:
	// the filter of pairs settles that before the words are looked for.
	out := short
	if !out && len(q.words) > 0 && h.full() && h.root().tier >= tierAnywhere {
		out = wk.known&noWord != 0
		for _, t := range q.words {
			if t.mask&^m != 0 || !t.pairs.mayHold(pr) {
				out = true
				break
			}
		}
	}
	// Once it is full of matches inside a word or better, a word known not
	// to be in the text gets in only by a form of it, which the filters of
	// the stem's probe may rule out, or inside a word of the text: not when
	// known not to be there either, nor when the bound on its score from
	// the occurrence of the word's start (the last query's word, a rune
	// more of adjacency at most) falls short.
	// (For a word whose typos rank above it inside a word, a text may get
	// in one edit away too, unless its pieces say no word is.)
	if !out && wk.known != 0 && h.full() && h.root().tier >= tierInWord && len(q.words) == 1 && len(q.groups) == 1 {
		t := q.words[0]
		noForm := t.stem == nil || t.stem.mask&^m != 0 || !t.stem.pairs.mayHold(pr)
		switch {
		case h.root().tier >= tierAnywhere:
		case h.root().tier == tierStem:
			out = noForm && wk.known&noWord != 0
		case h.root().tier == tierEditLong:
			out = noForm && wk.known&noWord != 0 && !ix.nearIn(t, wk, f, m, pr)
		case wk.known&noInWord != 0:
			out = noForm && !ix.nearIn(t, wk, f, m, pr)
		default:
			out = noForm && wk.known&noWord != 0 && !ix.mayScoreFrom(q, wk, i, m, len(f)) && !ix.nearIn(t, wk, f, m, pr)
		}
	}
	// Once it is full of matches one edit away from a word that ranks them
	// above its runes inside a word, a text that lacks the word itself and
	// every form of it gets in only one edit away, scoring enough: the
	// word's pieces settle most texts before the word is looked for.
	if !out && h.full() && h.root().tier == tierEditLong && len(q.words) == 1 && len(q.groups) == 1 {
		t := q.words[0]
		noForm := t.stem == nil || t.stem.mask&^m != 0 || !t.stem.pairs.mayHold(pr)
		out = noForm && (wk.known&noWord != 0 || !t.pairs.mayHold(pr)) && !ix.nearIn(t, wk, f, m, pr)
	}
	// Once it is full of matches inside a word, a text that lacks the word
	// itself and every form of it gets in only inside a word, scoring
	// enough: the bound from the adjacencies its filter of pairs allows
	// settles most texts before the word is looked for.
	if !out && h.full() && h.root().tier == tierInWord && len(q.words) == 1 && len(q.groups) == 1 && q.bndOK && q.plain {
		t := q.words[0]
		noForm := t.stem == nil || t.stem.mask&^m != 0 || !t.stem.pairs.mayHold(pr)
		if noForm && (wk.known&noWord != 0 || !t.pairs.mayHold(pr)) && !ix.nearIn(t, wk, f, m, pr) {
			out = wk.known&noInWord != 0 || !ix.mayScoreAdj(t, i, m, pr, len(f), h.root().score)
			// Only inside a word, then: for a short word, which most
			// texts hold in order somewhere, that look is all it takes,
			// without the look for the word in order.
			if !out && len(t.runes) <= inWordFirst && t.inWord(f) < 0 {
				out = true
				wk.known |= learnt
			}
		}
	}
	// Once it is full of matches at word starts, a text gets in only with
	// every word at a word start, which the filter of word starts rules
	// out for most texts without reading them.
	if !out && h.full() && h.root().tier >= tierStart {
		s := ix.starts[i]
		for _, t := range q.words {
			if t.start&^s != 0 {
				out = true
				break
			}
		}
	}
	// Once it is full of phrases, only a phrase scoring enough gets in.
	if !out && h.full() && h.root().tier == tierPhrase && len(q.words) == 1 && len(q.groups) == 1 {
		out = !ix.mayScoreFrom(q, wk, i, m, len(f))
	}
	if out {
		if !rec {
			return false
		}
		// Only whether it survives is left to decide. For a query of
		// one word it is kept unchecked when it holds the word's runes:
		// the word is looked for in order only once the text could make
		// the results of a longer query, if ever.
		if len(q.words) == 1 && len(q.groups) == 1 {
			t := q.words[0]
			if t.mask&^m != 0 {
				return false
			}
			wk.skipped = true
			return true
		}
	}
	// Once the heap is full of matches without typos, only those count;
	// once it is full of the words themselves, only those.
	edits := func(t *term) bool { return !h.full() || int(h.root().tier) <= t.editTier() }
	stems := !h.full() || h.root().tier <= tierStem
	// stemOnly matches word k by its stem alone, when nothing else can.
	stemOnly := func(k int, t *term) bool {
		if short || !stems || t.stem == nil {
			return false
		}
		at, n := t.stem.find(f, m, pr, wk.stems)
		if at < 0 {
			return false
		}
		hits[k], stemd[k], loose[k] = wordHit{tier: tierStem, at: at, k: n}, true, false
		return true
	}

	// 1. Every word occurs in order, but for one rune at most (the mask
	// lacks one of its runes at most), and the other terms match.
	tier := tierPhrase
	allExact := true
	for k, g := range q.groups {
		if len(g) > 1 {
			best := wordHit{tier: tierNone}
			for a := range g {
				if wh := g[a].termTier(f, wk.buf, wk.stems); wh.tier > best.tier {
					best = wh
				}
			}
			if best.tier == tierNone {
				return false
			}
			hits[k] = best
			tier = min(tier, int(best.tier))
			continue
		}
		t := &g[0]
		stemd[k] = false
		if t.kind != termFuzzy || t.inv {
			if t.mask&^m != 0 && !t.inv || !t.special(f) {
				return false
			}
			hits[k] = wordHit{tier: tierStart, at: -1}
			continue
		}
		miss := bits.OnesCount64(t.mask &^ m)
		if miss > 1 || miss == 1 && !edits(t) {
			if !stemOnly(k, t) {
				return false
			}
			allExact = false
			tier = min(tier, tierStem)
			continue
		}
		exact := false
		if miss == 0 && !wk.unordered {
			o, from := occurrence{}, 0
			if wk.from >= 0 && k == 0 {
				o, from = wk.occ, wk.from
			}
			o, exact = t.leftmostFrom(f, from, o)
			wk.adj[k], wk.first[k] = o.adj, o.first
			if k == 0 {
				wk.occ = o
			}
		}
		loose[k] = !exact
		hits[k] = wordHit{tier: tierPhrase}
		if exact {
			continue
		}
		// Not a survivor. Only a form of the word or a word one edit away
		// can match, and the halves of the word tell quickly that no word
		// is one edit away.
		allExact = false
		if stemOnly(k, t) {
			tier = min(tier, tierStem)
			continue
		}
		if short || !t.editable() || !edits(t) || !t.mayBeNear(f, m, pr) {
			return false
		}
		tier = min(tier, t.editTier())
	}
	survives = q.plain && allExact
	if short {
		return survives
	}
	// scoreOut: the heap is full and the words, all in order, cannot score
	// enough to get in (the bound from their leftmost occurrences). Then
	// the text gets in only with a better tier than the heap's worst, or
	// with a tier scored as the text's word (a form of the word, or one
	// edit away). Once the heap is full of phrases (the best tier), that
	// settles it before the words are looked for.
	worst := tierNone
	if h.full() {
		worst = int(h.root().tier)
	}
	// (Only worth bounding when it can settle something, see below.)
	useful := worst >= tierAnywhere || worst == tierInWord && len(q.groups) == 1
	scoreOut := allExact && q.bndOK && q.plain && useful && !ix.mayScore(q, wk, i, m, len(f))
	if scoreOut && worst == tierPhrase {
		return survives
	}
	if h.below(q, tier, len(f)) {
		return survives
	}

	// 2. The words themselves: at a word start, or anywhere.
	wordTier := tierPhrase
	for k, g := range q.groups {
		if len(g) > 1 || g[0].kind != termFuzzy || g[0].inv {
			wordTier = min(wordTier, int(hits[k].tier))
			continue
		}
		if stemd[k] {
			wordTier = min(wordTier, tierStem)
			continue
		}
		if loose[k] {
			hits[k] = wordHit{tier: int8(g[0].editTier())}
			wordTier = min(wordTier, g[0].editTier())
			continue
		}
		t, at := tierNone, -1
		if wk.known&noWord == 0 {
			t, at = g[0].occurs(f, pr)
		}
		if t == tierNone {
			if len(q.groups) == 1 {
				wk.known |= noWord
			}
			t = tierInWord // at most
			if g[0].editsFirst() && edits(&g[0]) {
				t = tierEditLong
			}
			if g[0].stem != nil && stems {
				t = tierStem
			}
		}
		hits[k] = wordHit{tier: int8(t), at: at}
		wordTier = min(wordTier, t)
	}
	tier = wordTier
	if tier == tierStart && len(q.words) > 0 {
		var starts [maxPhraseWords]int
		if len(q.words) <= maxPhraseWords && phrase(f, q.words, starts[:len(q.words)]) {
			tier = tierPhrase
		}
	}
	if h.below(q, tier, len(f)) || scoreOut && worst >= tierAnywhere && tier <= worst {
		return survives
	}

	// 3. A word of the text of the same stem, else inside one word of the
	// text, else one edit away from one, else scattered; for a word whose
	// typos rank first, one edit away before inside a word.
	if tier <= tierStem {
		tier = tierPhrase
		for k, g := range q.groups {
			if len(g) > 1 || g[0].kind != termFuzzy || g[0].inv || stemd[k] || hits[k].tier > tierStem {
				tier = min(tier, int(hits[k].tier))
				continue
			}
			t := &g[0]
			if hits[k].tier == tierStem { // not whole, maybe a form of it
				if at, n := t.stem.find(f, m, pr, wk.stems); at >= 0 {
					hits[k], stemd[k] = wordHit{tier: tierStem, at: at, k: n}, true
					tier = min(tier, tierStem)
					continue
				}
				hits[k].tier = tierInWord
				if t.editsFirst() && edits(t) {
					hits[k].tier = tierEditLong
				}
				if h.below(q, min(tier, int(hits[k].tier)), len(f)) {
					return survives
				}
			}
			if hits[k].tier == tierEditLong {
				if at, n := t.nearWord(f, pr, wk.buf); at >= 0 {
					hits[k] = wordHit{tier: tierEditLong, at: at, k: n}
					tier = min(tier, tierEditLong)
					continue
				}
				if loose[k] {
					return survives
				}
				hits[k].tier = tierInWord
				if h.below(q, min(tier, tierInWord), len(f)) {
					return survives
				}
			}
			// One word, neither of the same stem nor (when that ranks
			// first) one edit away: the best left is inside a word, scored
			// as the word itself.
			if scoreOut && worst == tierInWord && len(q.groups) == 1 {
				return survives
			}
			if !loose[k] && wk.known&noInWord == 0 {
				if at := t.inWord(f); at >= 0 {
					hits[k] = wordHit{tier: tierInWord, at: at}
					tier = min(tier, tierInWord)
					continue
				}
				if len(q.groups) == 1 {
					wk.known |= noInWord
				}
			}
			if t.editsFirst() { // looked for above, if it could matter
				hits[k].tier = tierScattered
				tier = tierScattered
				if h.below(q, tier, len(f)) {
					return survives
				}
				continue
			}
			tier = min(tier, tierEdit) // at most, for now
			hits[k].tier = tierEdit
		}
		if h.below(q, tier, len(f)) {
			return survives
		}
		for k, g := range q.groups {
			if hits[k].tier != tierEdit || len(g) > 1 || g[0].kind != termFuzzy || g[0].inv {
				continue
			}
			t := &g[0]
			at, n := -1, 0
			if t.editable() {
				at, n = t.nearWord(f, pr, wk.buf)
			}
			switch {
			case at >= 0:
				hits[k] = wordHit{tier: tierEdit, at: at, k: n}
			case loose[k]:
				return survives
			default:
				hits[k] = wordHit{tier: tierScattered}
				tier = tierScattered
				if h.below(q, tier, len(f)) {
					return survives
				}
			}
		}
	}

	// 4. The score: fuzzy's, word by word, unless a bound on it from the
	// words' leftmost occurrences shows it cannot get in.
	if tier >= tierInWord && h.full() && tier == int(h.root().tier) && q.bndOK && q.plain && !slices.Contains(stemd, true) && !slices.ContainsFunc(hits, wordHit.byTextWord) && !ix.mayScore(q, wk, i, m, len(f)) {
		return survives
	}
	// A match with a typo or by a word's form scores as the text's word:
	// bound it by that word's length, which the bound of the query (one
	// rune longer) is far above, and by the text's lack of camel case.
	if tier <= tierStem && h.full() && tier == int(h.root().tier) && q.plain {
		b, ok := 0, true
		for k, g := range q.groups {
			n := len(g[0].runes)
			lb, okN := 0, false
			if wh := hits[k]; wh.byTextWord() {
				n = wh.k
				if wh.tier == tierStem {
					n = min(n, len(g[0].stem.key))
				}
				lb, okN = wordBound(n, m&camelCase != 0)
			} else {
				lb, okN = lenBound(n)
			}
			ok = ok && okN
			b += lb - len(f)
		}
		if ok && b < h.root().score {
			return survives
		}
	}

	// fuzzy scores the words themselves of a block's matches in one go
	// (see flush); the others, one by one.
	p := int32(len(wk.pend))
	score := 0
	for k, g := range q.groups {
		if len(g) == 1 {
			if t := &g[0]; t.kind == termFuzzy && !t.inv {
				if wh := hits[k]; wh.byTextWord() {
					w := textWordBytes(t, f, wh)
					if wk.byWord == nil {
						wk.byWord = map[string][]int32{}
					}
					wk.byWord[string(w)] = append(wk.byWord[string(w)], p)
				} else {
					wk.batch[k] = append(wk.batch[k], p)
				}
			}
			continue
		}
		// Alternatives: the score of the best that matches.
		best, bestScore := int8(tierNone), 0
		for a := range g {
			t := &g[a]
			wh := t.termTier(f, wk.buf, wk.stems)
			if wh.tier == tierNone || wh.tier < best {
				continue
			}
			sc := 0
			if t.kind == termFuzzy && !t.inv {
				if wh.byTextWord() {
					sc = ix.textWordScore(t, i, f, wh, wk)
				} else {
					sc = fuzzyScore(t.word, ix.texts[i])
				}
			}
			if wh.tier > best || sc > bestScore {
				best, bestScore = wh.tier, sc
			}
		}
		score += bestScore
	}
	wk.pend = append(wk.pend, pending{item: i, tier: int8(tier), score: score})
	if len(wk.pend) >= maxPending {
		ix.flush(q, wk)
	}
	return survives
}

// nearIn reports whether a text's word one edit away from t, when that
// ranks above t inside a word (see term.editsFirst), may get item i of
// folded copy f into the worker's heap: by its tier, its score (bounded
// by the text word's length: one rune longer than t only when t may be in
// order inside that word), and the pieces of t it must hold.
func (ix *Index) nearIn(t *term, wk *worker, f []byte, m uint64, pr pairs) bool {
	if !t.editsFirst() {
		return false
	}
	if h := &wk.top; h.full() {
		if r := h.root(); r.tier > tierEditLong {
			return false
		} else if r.tier == tierEditLong {
			// One rune more only when inserted into the word, which
			// leaves every pair of its neighbouring runes but one whole,
			// and so the word in order inside the text's word.
			n := len(t.runes)
			if !wk.unordered && wk.known&noInWord == 0 && len(t.adjPairs)-t.adjMax(pr) <= 1 {
				n++
			}
			if b, ok := wordBound(n, m&camelCase != 0); ok && b-len(f) < r.score {
				return false
			}
		}
	}
	return t.mayBeNear(f, m, pr)
}

// mayScore reports whether the words of a plain query (of at most
// maxBoundRunes runes each), all in order in item i of mask m and folded
// length l, may score at least the worst of the worker's full heap: the
// bounds of posBound and of bonusBound, from their leftmost occurrences
// (wk.adj, wk.first).
func (ix *Index) mayScore(q *Query, wk *worker, i uint32, m uint64, l int) bool {
	if !ix.mayScorePos(q, wk, i, m, l) {
		return false
	}
	b, bl := 0, ix.bonusLetters(i)
	for k, w := range q.words {
		b += w.bonusBound(wk.adj[k], wk.first[k], l, bl)
	}
	return b >= wk.top.root().score
}

// mayScorePos is mayScore with the bound of posBound alone.
//
// The bound that allows for camel case wherever the text has some comes
// first; only when that one lets the text in, and the bound without camel
// case would not, are its camel-case letters looked for.
func (ix *Index) mayScorePos(q *Query, wk *worker, i uint32, m uint64, l int) bool {
	worst := wk.top.root().score
	b, camel := 0, m&camelCase != 0
	for k, w := range q.words {
		b += w.posBound(wk.adj[k], wk.first[k], l, camel)
	}
	if b < worst || !camel {
		return b >= worst
	}
	b = 0 // without camel case: the least that the letters can make of it
	for k, w := range q.words {
		b += w.posBound(wk.adj[k], wk.first[k], l, false)
	}
	if b >= worst {
		return true
	}
	b, cl := 0, ix.camelLetters(i)
	for k, w := range q.words {
		b += w.posBound(wk.adj[k], wk.first[k], l, w.camelIn(cl))
	}
	return b >= worst
}

// mayScoreAdj reports whether the word t of a plain one-word query may
// score at least worst in item i, of mask m, filter of pairs p and folded
// length l, before the word is looked for: the bounds of posBound and of
// bonusBound with as many adjacent runes as the filter allows (see
// adjMax), and no leading penalty.
func (ix *Index) mayScoreAdj(t *term, i uint32, m uint64, p pairs, l, worst int) bool {
	if t.posBound(0, 0, l, false) >= worst {
		return true // the least posBound can be: a short text, worth no more looks
	}
	adj := t.adjMax(p)
	camel := m&camelCase != 0
	b := t.posBound(adj, 0, l, camel)
	if b >= worst && camel {
		b = t.posBound(adj, 0, l, t.camelIn(ix.camelLetters(i)))
	}
	return b >= worst && t.bonusBound(adj, 0, l, ix.bonusLetters(i)) >= worst
}

// mayScoreFrom is mayScore for a query of one word before the word is
// looked for, from the occurrence of its first wk.from bytes (wk.occ): the
// word's leftmost occurrence starts there, and every rune after them adds
// one to its adjacency count at most. It reports true when that is not
// known.
func (ix *Index) mayScoreFrom(q *Query, wk *worker, i uint32, m uint64, l int) bool {
	t := q.words[0]
	if wk.from <= 0 || !q.bndOK || !q.plain || t.mask&^m != 0 {
		return true
	}
	wk.adj[0], wk.first[0] = wk.occ.adj+len(t.enc)-wk.from, wk.occ.first
	return ix.mayScore(q, wk, i, m, l)
}

// keepLong is what match and scan record of a remembered item of a
// one-word query that is kept unchecked because it is too long to make the
// results (short in match): at and meta as remembered for the last query,
// whose word was from bytes long. A checked item keeps its occurrence as
// the partial one of an unchecked item; an unchecked item keeps what it
// had.
func keepLong(at uint32, meta uint16, from int) (uint32, uint16) {
	known := meta & learnt
	if meta&unchecked != 0 {
		if meta>>partialShift == 0 {
			return 0, unchecked | known
		}
		return at, meta
	}
	if from > 0 && from <= maxPartial {
		return at, unchecked | meta&(1<<7-1) | uint16(from)<<partialShift | known
	}
	return at, unchecked | known
}

// inWordFirst is the most runes of a word for which a text that can only
// match it inside one of its words is looked at that way first: a longer
// word is rarely in order in a text, and that look settles it sooner.
const inWordFirst = 6

// maxPending is how many matches wait at most to be scored together.
const maxPending = 32

// maxPhraseWords bounds the words of a query that can make a phrase.
const maxPhraseWords = 32

// flush scores the pending matches and offers them to the heap. fuzzy
// scores each word of the query over the texts of the matches that hold
// the word itself, in one call.
func (ix *Index) flush(q *Query, wk *worker) {
	if len(wk.pend) == 0 {
		return
	}
	for k, g := range q.groups {
		b := wk.batch[k]
		if len(b) == 0 {
			continue
		}
		for _, m := range fuzzy.FindFromNoSort(g[0].word, pendingTexts{ix, wk.pend, b}) {
			wk.pend[b[m.Index]].score += m.Score
		}
		wk.batch[k] = b[:0]
	}
	for w, b := range wk.byWord {
		for _, m := range fuzzy.FindFromNoSort(w, pendingTexts{ix, wk.pend, b}) {
			wk.pend[b[m.Index]].score += m.Score
		}
		delete(wk.byWord, w)
	}
	for _, p := range wk.pend {
		wk.top.offer(cand{p.tier, p.score, p.item})
	}
	wk.pend = wk.pend[:0]
}

// pendingTexts is a fuzzy.Source: the texts of some pending matches.
type pendingTexts struct {
	ix   *Index
	pend []pending
	sel  []int32
}

func (s pendingTexts) String(i int) string { return s.ix.texts[s.pend[s.sel[i]].item] }
func (s pendingTexts) Len() int            { return len(s.sel) }

// textWordOf is the text's word that a word one edit away, or of the same
// stem, stands for: the first wh.k runes from wh.at.
func textWordOf(f []byte, wh wordHit, buf []rune) string {
	tw := buf[:0]
	for x := wh.at; len(tw) < wh.k && x < len(f); {
		r, size := decodeFolded(f[x:])
		tw = append(tw, r)
		x += size
	}
	return string(tw)
}

// textWordBytes is the folded text's word that a word one edit away stands
// for, or for a word of the same stem as many of its first runes as the
// stem has (see textWordScore).
func textWordBytes(t *term, f []byte, wh wordHit) []byte {
	n := wh.k
	if wh.tier == tierStem {
		n = min(n, len(t.stem.key))
	}
	x := wh.at
	for ; n > 0 && x < len(f); n-- {
		_, size := decodeFolded(f[x:])
		x += size
	}
	return f[wh.at:x]
}

// textWordScore is fuzzy's score, in item i, of the text's word that a
// word one edit away stands for; for a word of the same stem, of as many of
// the text word's first runes as the stem has, so that every form of a word
// scores alike (and never above the bounds of the word itself).
func (ix *Index) textWordScore(t *term, i uint32, f []byte, wh wordHit, wk *worker) int {
	if wh.tier == tierStem {
		wh.k = min(wh.k, len(t.stem.key))
	}
	return fuzzyScore(textWordOf(f, wh, wk.buf), ix.texts[i])
}

// oneText is a fuzzy.Source of one text.
type oneText struct{ s string }

func (o *oneText) String(int) string { return o.s }
func (o *oneText) Len() int          { return 1 }

// fuzzyScore is fuzzy's score of pattern in text (0 if it does not match).
func fuzzyScore(pattern, text string) int {
	if ms := fuzzy.FindFromNoSort(pattern, &oneText{text}); len(ms) > 0 {
		return ms[0].Score
	}
	return 0
}

// fuzzyIndexes is fuzzy's matched byte offsets of pattern in text.
func fuzzyIndexes(pattern, text string) []int {
	if ms := fuzzy.FindFromNoSort(pattern, &oneText{text}); len(ms) > 0 {
		return ms[0].MatchedIndexes
	}
	return nil
}
