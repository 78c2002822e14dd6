package search

import (
	"bytes"
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Match is one search result.
type Match struct {
	Item           int   // index of the text in the slice given to NewIndex
	Score          int   // fuzzy's score; higher is better
	MatchedIndexes []int // byte offsets in the original text of the matched runes, one per query rune
}

// Query is a compiled search pattern: the case-folded runes of the query
// and its character mask. Searches compile their query string themselves;
// a Searcher keeps the last one to decide whether the next query narrows it.
type Query struct {
	text   string
	runes  []rune // folded runes
	enc    []byte // runes encoded as in the folded copies (see appendFolded)
	ascii  bool   // every folded rune is ASCII (enc is then one byte a rune)
	mask   uint64
	bound  int // lenBound(len(runes)), when bndOK
	bndOK  bool
	sepAdj int   // runes after the first that follow a separator in the query
	btab   []int // boundTable(len(runes), sepAdj), when bndOK
}

// NewQuery compiles s.
func NewQuery(s string) Query {
	initFold()
	q := Query{text: s, ascii: true}
	for _, r := range s { // like []rune(s): invalid bytes become U+FFFD
		f := foldRune(r)
		q.runes = append(q.runes, f)
		q.enc = appendFolded(q.enc, f)
		q.mask |= runeBit(f)
		if f >= utf8.RuneSelf {
			q.ascii = false
		}
	}
	q.bound, q.bndOK = lenBound(len(q.runes))
	for p := 1; p < len(q.runes); p++ {
		if isSeparator(q.runes[p-1]) {
			q.sepAdj++
		}
	}
	if q.bndOK {
		q.btab = boundTable(len(q.runes), q.sepAdj)
	}
	return q
}

// String returns the query as given.
func (q Query) String() string { return q.text }

// Len returns the number of runes in the query.
func (q Query) Len() int { return len(q.runes) }

// Extends reports whether q is prev, possibly followed by more runes,
// comparing runes case-insensitively as matching does; every text matching
// q then matches prev. An empty prev is extended by nothing.
func (q Query) Extends(prev Query) bool {
	return len(prev.runes) > 0 && len(q.runes) >= len(prev.runes) &&
		slices.Equal(q.runes[:len(prev.runes)], prev.runes)
}

// empty reports whether q is empty, which fuzzy matches with nothing.
func (q *Query) empty() bool { return len(q.runes) == 0 }

// Search returns the best matches of query, at most limit of them (all of
// them when limit <= 0), best first; equal scores keep the order of the
// items. Scores, order and MatchedIndexes are those of
// fuzzy.Find(query, texts)[:limit].
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
	cands, ok := ix.scan(ctx, &q, nil, nil, nil, limit, st)
	if !ok {
		return nil
	}
	return ix.results(&q, cands)
}

// Searcher runs a sequence of searches, typically one per keystroke, over
// one Index. It remembers which items matched the last query (all of them,
// not only the best) and where in each the query's leftmost occurrence
// ended; when the next query extends the last one at the end, only those
// items are scanned again, and only for the added runes.
//
// It also keeps the matches of the earlier queries that the last one
// extends, so that after a backspace, or an edit in the middle, it narrows
// the matches of the longest remembered prefix of the new query instead of
// scanning every item. It holds 9 bytes per remembered match, at most about
// 27 bytes per item of the index in all.
//
// A Searcher is not safe for concurrent use.
type Searcher struct {
	ix     *Index
	levels []level     // levels[k].q extends levels[k-1].q; the last is the last query's
	spare  []survivors // buffers for reuse
	valid  bool        // the last search completed; its matches are the last level
	from   int         // runes of the query the last search narrowed, or -1 (test hook)
	st     scanState
}

// level holds the matches of one query.
type level struct {
	q    Query
	surv survivors
}

// survivors are the items matching a query, ascending, in parallel slices.
type survivors struct {
	item []uint32
	at   []uint32 // offset in the folded text just past the leftmost occurrence
	meta []uint8  // adjacency count and leading class, see packMeta
}

func (v *survivors) len() int { return len(v.item) }

func (v *survivors) cap() int { return cap(v.item) }

func (v *survivors) truncate(n int) {
	v.item, v.at, v.meta = v.item[:n], v.at[:n], v.meta[:n]
}

// NewSearcher returns a Searcher over ix.
func (ix *Index) NewSearcher() *Searcher {
	return &Searcher{ix: ix, from: -1}
}

// Search is Index.Search, narrowing the matches of the longest remembered
// query that query extends (see Query.Extends) and scanning every item when
// there is none. If ctx is done before or during the scan, it returns nil.
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
	for len(s.levels) > 0 && !q.Extends(s.levels[len(s.levels)-1].q) {
		s.pop()
	}
	var (
		prev     *Query
		src, dst *survivors
	)
	if len(s.levels) == 0 {
		dst = s.buffer(s.ix.Len())
	} else {
		top := &s.levels[len(s.levels)-1]
		prev, src, dst = &top.q, &top.surv, &top.surv
		s.from = len(prev.runes)
		if len(q.runes) > len(prev.runes) {
			dst = s.buffer(src.len())
		} // else the same query again: the matches stay as they are
	}
	cands, ok := s.ix.scan(ctx, &q, prev, src, dst, limit, &s.st)
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
	return s.ix.results(&q, cands)
}

// Reset forgets the remembered matches; the next search scans every item.
// The memory is kept for reuse.
func (s *Searcher) Reset() {
	for len(s.levels) > 0 {
		s.pop()
	}
	s.valid, s.from = false, -1
}

// Survivors returns how many items matched the last query, or -1 when the
// last search was empty or cancelled.
func (s *Searcher) Survivors() int {
	if !s.valid {
		return -1
	}
	return s.levels[len(s.levels)-1].surv.len()
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
		v = survivors{make([]uint32, n), make([]uint32, n), make([]uint8, n)}
	}
	v.item, v.at, v.meta = v.item[:n], v.at[:n], v.meta[:n]
	return &v
}

// trim keeps the buffers at no more than three times the index's length,
// dropping spare buffers, largest first, then the oldest levels.
func (s *Searcher) trim() {
	limit := 3 * s.ix.Len()
	total := 0
	for _, v := range s.spare {
		total += v.cap()
	}
	for _, l := range s.levels {
		total += l.surv.cap()
	}
	slices.SortFunc(s.spare, func(a, b survivors) int { return a.cap() - b.cap() })
	for total > limit && len(s.spare) > 0 {
		k := len(s.spare) - 1
		total -= s.spare[k].cap()
		s.spare[k] = survivors{}
		s.spare = s.spare[:k]
	}
	for total > limit && len(s.levels) > 1 {
		total -= s.levels[0].surv.cap()
		s.levels[0] = level{}
		s.levels = slices.Delete(s.levels, 0, 1)
	}
}

// cand is a scored match waiting for the final sort.
type cand struct {
	score int
	item  uint32
}

// worse orders candidates: lower score, then later item.
func worse(a, b cand) bool {
	return a.score < b.score || a.score == b.score && a.item > b.item
}

// topN keeps the limit best candidates in a min-heap (worst at the root),
// or every candidate when limit <= 0.
type topN struct {
	c     []cand
	limit int
}

func (h *topN) reset(limit int) {
	h.c, h.limit = h.c[:0], limit
}

// full reports whether a candidate must beat the root to get in.
func (h *topN) full() bool { return h.limit > 0 && len(h.c) >= h.limit }

func (h *topN) offer(x cand) {
	if h.limit <= 0 {
		h.c = append(h.c, x)
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
		return
	}
	if !worse(c[0], x) {
		return
	}
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
}

// blockSize is the unit of work handed to a worker, and how often a worker
// looks at ctx.
const blockSize = 4096

// worker is the scratch space of one goroutine of a scan.
type worker struct {
	top    topN
	firsts []int // leftmost occurrence of the pattern
}

// scanState is the reusable scratch space of a scan.
type scanState struct {
	workers []worker
	counts  []int // survivors per block
	all     []cand
}

// scan matches q against the items and scores the matches into per-worker
// heaps of size limit, returning the best limit candidates, best first.
//
// With prev nil every item is scanned, and if dst is not nil (of length
// ix.Len()) it receives the matches. Otherwise src holds the matches of
// prev, which q extends, and only they are scanned; dst (of src's length,
// possibly src itself) receives the matches of q. ok is false when ctx was
// done; dst is then garbage.
func (ix *Index) scan(ctx context.Context, q *Query, prev *Query, src, dst *survivors, limit int, st *scanState) (cands []cand, ok bool) {
	total := ix.Len()
	if prev != nil {
		total = src.len()
	}
	blocks := (total + blockSize - 1) / blockSize
	workers := max(1, min(runtime.GOMAXPROCS(0), blocks))
	if cap(st.workers) < workers {
		st.workers = make([]worker, workers)
	}
	st.workers = st.workers[:workers]
	for i := range st.workers {
		wk := &st.workers[i]
		wk.top.reset(limit)
		if cap(wk.firsts) < len(q.enc) {
			wk.firsts = make([]int, len(q.enc))
		}
		wk.firsts = wk.firsts[:len(q.enc)]
	}
	if cap(st.counts) < blocks {
		st.counts = make([]int, blocks)
	}
	st.counts = st.counts[:blocks]

	done := ctx.Done()
	var next atomic.Int64
	var stop atomic.Bool
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
			lo, hi := b*blockSize, min((b+1)*blockSize, total)
			if prev == nil {
				st.counts[b] = ix.scanItems(q, dst, lo, hi, wk)
			} else {
				st.counts[b] = ix.scanSurvivors(q, prev, src, dst, lo, hi, wk)
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
	if stop.Load() {
		return nil, false
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
	slices.SortFunc(all, func(a, b cand) int {
		switch {
		case worse(b, a):
			return -1
		case worse(a, b):
			return 1
		}
		return 0
	})
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	st.all = all
	return all, true
}

// packMeta keeps what posBound needs of a leftmost occurrence besides its
// length: the number of runes that may be adjacent to the previous match
// (saturating; only used when the pattern has at most maxBoundRunes runes)
// and the offset of the first rune, capped at 3 (where the leading penalty
// reaches its maximum).
func packMeta(adj, first int) uint8 {
	return uint8(min(adj, 31) | min(first, 3)<<5)
}

func unpackMeta(m uint8) (adj, first int) {
	return int(m & 31), int(m >> 5)
}

// scanItems handles items [lo, hi): mask test, subsequence test on the
// folded copy, then scoring unless a score bound says the item cannot enter
// the heap. When surv is not nil the matches are recorded from lo on; their
// number is returned.
func (ix *Index) scanItems(q *Query, surv *survivors, lo, hi int, wk *worker) int {
	qmask, pat, n := q.mask, q.enc, len(q.enc)
	h, firsts := &wk.top, wk.firsts
	rec := surv != nil
	w := lo
	for i := uint32(lo); i < uint32(hi); i++ {
		m := ix.mask[i]
		if qmask&^m != 0 {
			continue
		}
		f := ix.fold[ix.off[i]:ix.off[i+1]]
		if len(f) < n {
			continue
		}
		bounded := q.bndOK && h.full()
		short := bounded && q.bound-len(f) < h.c[0].score // too long to enter the heap
		if short && !rec {
			continue
		}
		if m&nonASCII != 0 {
			end, adj, first := subsequence(f, 0, pat, 0)
			if end < 0 {
				continue
			}
			if rec {
				surv.item[w], surv.at[w], surv.meta[w] = i, uint32(end), packMeta(adj, first)
				w++
			}
			if short || bounded && q.posBound(adj, first, len(f), m&camelCase != 0) < h.c[0].score {
				continue
			}
			if sc, ok := walkScore(ix.texts[i], q.runes, nil); ok {
				h.offer(cand{sc, i})
			}
			continue
		}
		if !q.ascii { // cannot match plain ASCII text (the mask says so too)
			continue
		}
		if bounded && !rec {
			// Nothing to record: give up as soon as the bound fails.
			if !leftmostBounded(f, pat, firsts, h.c[0].score) {
				continue
			}
		} else if !leftmost(f, pat, firsts) {
			continue
		}
		adj := adjacentCount(f, pat, firsts)
		if rec {
			surv.item[w], surv.at[w], surv.meta[w] = i, uint32(firsts[n-1]+1), packMeta(adj, firsts[0])
			w++
		}
		if bounded && q.posBound(adj, firsts[0], len(f), m&camelCase != 0) < h.c[0].score {
			continue
		}
		h.offer(cand{asciiScore(ix.texts[i], f, pat, firsts, nil), i})
	}
	return w - lo
}

// scanSurvivors narrows positions [lo, hi) of src, the matches of prev, to
// the matches of q, which extends prev. Since the leftmost occurrence of q
// is that of prev followed by the leftmost occurrence of the added runes
// after it, only those are searched for. Matches are written to dst from lo
// on (dst may be src); their number is returned.
func (ix *Index) scanSurvivors(q, prev *Query, src, dst *survivors, lo, hi int, wk *worker) int {
	qmask, pat := q.mask, q.enc
	added := pat[len(prev.enc):]
	lastPrev := prev.enc[len(prev.enc)-1] // an ASCII byte if a plain ASCII item matched prev
	h, firsts := &wk.top, wk.firsts
	w := lo
	for pos := lo; pos < hi; pos++ {
		i := src.item[pos]
		m := ix.mask[i]
		if qmask&^m != 0 {
			continue
		}
		f := ix.fold[ix.off[i]:ix.off[i+1]]
		at := int(src.at[pos])
		if m&nonASCII != 0 {
			end, more, _ := subsequence(f, at, pat, len(prev.enc))
			if end < 0 {
				continue
			}
			adj, first := unpackMeta(src.meta[pos])
			adj += more
			dst.item[w], dst.at[w], dst.meta[w] = i, uint32(end), packMeta(adj, first)
			w++
			if q.bndOK && h.full() && q.posBound(adj, first, len(f), m&camelCase != 0) < h.c[0].score {
				continue
			}
			if sc, ok := walkScore(ix.texts[i], q.runes, nil); ok {
				h.offer(cand{sc, i})
			}
			continue
		}
		if !q.ascii {
			continue
		}
		adj, first := unpackMeta(src.meta[pos])
		last := lastPrev
		for _, c := range added {
			k := bytes.IndexByte(f[at:], c)
			if k < 0 {
				goto next
			}
			at += k
			if f[at-1] == last {
				adj++
			}
			last = c
			at++
		}
		dst.item[w], dst.at[w], dst.meta[w] = i, uint32(at), packMeta(adj, first)
		w++
		if q.bndOK && h.full() && q.posBound(adj, first, len(f), m&camelCase != 0) < h.c[0].score {
			continue
		}
		leftmost(f, pat, firsts)
		h.offer(cand{asciiScore(ix.texts[i], f, pat, firsts, nil), i})
	next:
	}
	return w - lo
}

// subsequence finds the leftmost occurrence in f of the runes encoded in
// pat[from:], starting at offset at, as a subsequence; pat[:from] is known
// to occur before at. Both are encoded as by appendFolded, so a match of a
// whole rune's encoding starts on a rune boundary. It returns the offset
// just past the occurrence (-1 if there is none), how many of the runes
// found directly follow a rune equal to the previous pattern rune (only
// those can be adjacent matches), and, when from is 0, the offset of the
// first rune.
func subsequence(f []byte, at int, pat []byte, from int) (end, adj, first int) {
	for i := from; i < len(pat); {
		size := 1
		if pat[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRune(pat[i:]) // 1 for 0xFF
		}
		var k int
		if size == 1 {
			k = bytes.IndexByte(f[at:], pat[i])
		} else {
			k = bytes.Index(f[at:], pat[i:i+size])
		}
		if k < 0 {
			return -1, 0, 0
		}
		at += k
		if i == 0 {
			first = at
		} else {
			_, ps := utf8.DecodeLastRune(pat[:i])
			if bytes.HasSuffix(f[:at], pat[i-ps:i]) {
				adj++
			}
		}
		at += size
		i += size
	}
	return at, adj, first
}

// results turns the winners into Matches, recomputing their matched offsets.
func (ix *Index) results(q *Query, cands []cand) []Match {
	if len(cands) == 0 {
		return nil
	}
	n := len(q.runes)
	firsts := make([]int, len(q.enc))
	res := make([]Match, len(cands))
	idx := make([]int, len(cands)*n)
	for k, c := range cands {
		mi := idx[k*n : (k+1)*n : (k+1)*n]
		i := c.item
		if f := ix.item(i); ix.mask[i]&nonASCII == 0 && q.ascii && leftmost(f, q.enc, firsts) {
			asciiScore(ix.texts[i], f, q.enc, firsts, mi)
		} else {
			walkScore(ix.texts[i], q.runes, mi)
		}
		res[k] = Match{Item: int(i), Score: c.score, MatchedIndexes: mi}
	}
	return res
}
