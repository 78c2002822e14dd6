package search

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/brief-cli/brief/internal/testkit/long"
)

// leftmost reports whether the word's runes occur in f in order, with the
// adjacency count and first offset of their leftmost occurrence.
func (t *term) leftmost(f []byte) (ok bool, adj, first int) {
	o, ok := t.leftmostFrom(f, 0, occurrence{})
	return ok, o.adj, o.first
}

// checkAgainstFuzzy compares got with the first limit matches of the
// reference ranking, refFind (all of them when limit <= 0).
func checkAgainstFuzzy(t *testing.T, label string, texts []string, query string, limit int, got []Match) {
	t.Helper()
	compareFuzzy(t, label, texts, query, refFind(query, texts), limit, got)
}

// compareFuzzy compares got with want[:limit]: the same items, tiers and
// scores, in the same order.
func compareFuzzy(t *testing.T, label string, texts []string, query string, want []refMatch, limit int, got []Match) {
	t.Helper()
	if limit > 0 && len(want) > limit {
		want = want[:limit]
	}
	if len(got) != len(want) {
		t.Errorf("%s: query %q limit %d: %d matches, the reference has %d", label, query, limit, len(got), len(want))
		return
	}
	for k := range want {
		g, w := got[k], want[k]
		if g.Item != w.item || g.Score != w.score || g.Tier != w.tier {
			t.Errorf("%s: query %q limit %d: match %d is item %d tier %d score %d (%q); the reference has item %d tier %d score %d (%q)",
				label, query, limit, k, g.Item, g.Tier, g.Score, texts[g.Item], w.item, w.tier, w.score, texts[w.item])
			return
		}
		if !slices.IsSorted(g.MatchedIndexes) || len(g.MatchedIndexes) == 0 && w.tier > tierScattered {
			t.Errorf("%s: query %q: match %d highlights %v", label, query, k, g.MatchedIndexes)
		}
	}
}

var (
	testCorpusOnce  sync.Once
	testCorpusTexts []string
)

// testCorpus is the first distinct comment sentences of GOROOT/src, one in
// 40 of them dressed up with non-ASCII punctuation and letters: 4,000 in
// the default test run, 10,000 with BRIEF_LONG=1 (as CI sets it). The
// tests over it compare every result with a reference, so their cost grows
// with the corpus; what they check does not.
var testCorpusSize = long.Count(4_000, 10_000)

func testCorpus(t *testing.T) []string {
	testCorpusOnce.Do(func() {
		texts := goCommentSentences(t, testCorpusSize)
		r := strings.NewReplacer(" - ", " — ", "(", "“", ")", "”", "'", "’", "e.g.", "é.g.", "file", "ﬁle", "Kind", "\u212Aind", "ss", "ß")
		for i := 0; i < len(texts); i += 40 {
			texts[i] = r.Replace(texts[i]) + " — naïve “Café” ΣΊΣΥΦΟΣ σίσυφος 東京"
		}
		testCorpusTexts = texts
	})
	if len(testCorpusTexts) < testCorpusSize {
		t.Fatalf("only %d sentences in GOROOT comments", len(testCorpusTexts))
	}
	return testCorpusTexts
}

var corpusQueries = []string{
	// 1-3 characters
	"e", "E", "q", "z", "-", ".", "0", "er", "if", "io", "err", "ERR", "nil", "ctx", "a b", "x.y",
	// words
	"return", "Return", "buffer", "goroutine", "interface", "function", "package", "pointer", "channel",
	"deadline", "returns nil", "ReadFrom", "http", "utf8", "unicode", "copyright",
	// typos and abbreviations
	"functon", "interfce", "wrtier", "retrun", "goroutnie", "gorouitne", "byts", "strng", "nwe", "slcie",
	"rdr", "bfw", "mnr", "eof", "tcp", "ptr", "gc",
	// non-ASCII and mixed
	"—", "“c", "’s", "naïve", "café", "ΣΊ", "σς", "東京", "é", "ﬁle", "\u212Aind", "kind", "ß",
	// long
	"thedefault", "concurrency", "implementation", "abcdefghij",
}

func TestEqualsFuzzyOnCorpus(t *testing.T) {
	texts := testCorpus(t)
	ix := NewIndex(texts)
	ctx := context.Background()
	plain := 0
	for i := range texts {
		if ix.mask[i]&nonASCII == 0 {
			plain++
		}
	}
	if len(texts)-plain < len(texts)/50 {
		t.Fatalf("corpus has only %d non-ASCII items", len(texts)-plain)
	}
	for _, q := range corpusQueries {
		want := refFind(q, texts)
		for _, limit := range []int{1, 10, 100, 0} {
			compareFuzzy(t, "Index.Search", texts, q, want, limit, ix.Search(ctx, q, limit))
		}
		s := ix.NewSearcher()
		compareFuzzy(t, "Searcher.Search", texts, q, want, 50, s.Search(ctx, q, 50))
	}
}

var unicodeTexts = []string{
	"Café — “quoted” text’s end",
	"naïve résumé NAÏVE RÉSUMÉ",
	"東京タワー — Tokyo Tower",
	"ſtraße STRASSE Straße",
	"Kelvin \u212A and k and K",
	"σίσυφος ΣΊΣΥΦΟΣ ς",
	"\xff\xfeabc\xc3",
	"abc\x00def",
	"",
	"ÀÉÎÕÜ àéîõü",
	"İstanbul ıi Iİ",
	"e\u0301 combining é",
	"🐝 bee 🐝B",
	"camelCase snake_case kebab-case path/to.file back\\slash",
	"x aBcD eF gHiJ",
	"Ωx ωΣσΣ ǅ",
	"x—y“z”w’v",
	"ǅungla ǆ Ǆ",
	"Ωmega ω Ω",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	"ＡＢＣ ａｂｃ",
	"Ab—Cd—Ef “Gh” ‘ij’",
	"real \ufffd replacement \xef\xbf\xbd and \xef\xbf",
}

var unicodeQueries = []string{
	"caf", "CAF", "—", "“q", "’s", "”", "naive", "naï", "NAÏ", "rés", "東", "タワ", "東—t",
	"ſ", "s", "ss", "ß", "K", "k", "\u212A", "kk", "k\u212A", "σ", "ς", "Σ", "σς", "i", "İ", "ı", "I",
	"\xff", "\ufffd", "\xc3", "abc", "def", "\x00", "a\x00", "🐝", "🐝b", "e\u0301", "é", "É",
	"cc", "sc", "kc", "ptf", "p/t", "-", "_", ".", "\\", "ǅ", "ǆ", "Ǆ", "ω", "Ω",
	"abcd", "aBcDeF", "ghij", "ωσσ", "ωσσσ", "xωσ",
	strings.Repeat("a", 40), strings.Repeat("a", 45), "ａｂ", "ＡＢ", "agc", "ac—e", "“g”",
}

func TestEqualsFuzzyOnUnicode(t *testing.T) {
	texts, queries := unicodeTexts, unicodeQueries
	ix := NewIndex(texts)
	ctx := context.Background()
	for _, q := range queries {
		for _, limit := range []int{0, 2} {
			checkAgainstFuzzy(t, "Index.Search", texts, q, limit, ix.Search(ctx, q, limit))
		}
	}
}

// TestScoreBounds checks the bounds the scan prunes with against fuzzy's
// own scores on the ASCII corpus items: lenBound, and posBound from the
// word's leftmost occurrence.
func TestScoreBounds(t *testing.T) {
	texts := goCommentSentences(t, 3000)
	ix := NewIndex(texts)
	checked, tight := 0, 0
	for _, qs := range corpusQueries {
		q := newTerm(termFuzzy, false, qs)
		n := len(q.runes)
		if !q.ascii || n == 0 || n > maxBoundRunes || strings.ContainsRune(qs, 0) {
			continue
		}
		for _, m := range fuzzy.Find(qs, texts) {
			f := ix.item(uint32(m.Index))
			b, _ := lenBound(n)
			if b-len(f) < m.Score {
				t.Fatalf("query %q, %q: score %d above lenBound %d", qs, texts[m.Index], m.Score, b-len(f))
			}
			ok, adj, first := q.leftmost(f)
			if !ok {
				t.Fatalf("query %q, %q: fuzzy matches, leftmost does not", qs, texts[m.Index])
			}
			if pb := q.posBound(adj, first, len(f), q.camelIn(ix.camelLetters(uint32(m.Index)))); pb < m.Score {
				t.Fatalf("query %q, %q: score %d above posBound %d", qs, texts[m.Index], m.Score, pb)
			}
			bb := q.bonusBound(adj, first, len(f), ix.bonusLetters(uint32(m.Index)))
			if bb < m.Score {
				t.Fatalf("query %q, %q: score %d above bonusBound %d", qs, texts[m.Index], m.Score, bb)
			}
			if bb == m.Score {
				tight++
			}
			checked++
		}
	}
	// The bound is reached (all of a word's bonuses are earned) often
	// enough to tell that it is not loose.
	if checked == 0 || tight < checked/100 {
		t.Fatalf("%d matches checked, %d at bonusBound", checked, tight)
	}
	t.Logf("%d matches checked, %d at bonusBound", checked, tight)
}

// TestWordBound holds wordBound to fuzzy's scores of the words of texts
// in those texts, as a word one edit away or of the same stem is scored:
// with and without camel case.
func TestWordBound(t *testing.T) {
	texts := append(goCommentSentences(t, 3000), unicodeTexts...)
	ix := NewIndex(texts)
	checked, tight := 0, 0
	buf := make([]rune, maxEditRunes+1)
	for i, s := range texts {
		f := ix.item(uint32(i))
		camel := ix.mask[i]&camelCase != 0
		for at := 0; at < len(f); at++ {
			if r, _ := decodeFolded(f[at:]); !wordStart(f, at) || !isAlnum(r) {
				continue
			}
			w := textWord(f, at, maxBoundRunes, buf)
			for k := 1; k <= len(w.r); k++ {
				b, ok := wordBound(k, camel)
				if !ok {
					continue
				}
				sc := fuzzyScore(string(w.r[:k]), s)
				if sc > b-len(f) {
					t.Fatalf("%q in %q (camel case %v): score %d above wordBound %d", string(w.r[:k]), s, camel, sc, b-len(f))
				}
				if sc >= b-len(f)-20 {
					tight++
				}
				checked++
			}
		}
	}
	if checked < 10000 || tight == 0 {
		t.Fatalf("%d scores checked, %d within 20 of the bound", checked, tight)
	}
	t.Logf("%d scores checked, %d within 20 of the bound", checked, tight)
}

// TestFold checks that folded runes are equal exactly when fuzzy's
// equalFold (strings.EqualFold's rune test) says so.
func TestFold(t *testing.T) {
	initFold()
	for r := rune(0); r <= 0x1ffff; r++ {
		f := foldRune(r)
		if !strings.EqualFold(string(r), string(f)) && utf8.ValidRune(r) {
			t.Fatalf("foldRune(%U) = %U, not on its fold orbit", r, f)
		}
		if utf8.ValidRune(r) && len(appendFolded(nil, f)) > utf8.RuneLen(r) {
			t.Fatalf("foldRune(%U) = %U is longer", r, f)
		}
		for o := unicode.SimpleFold(r); o != r; o = unicode.SimpleFold(o) {
			if foldRune(o) != f {
				t.Fatalf("foldRune(%U) = %U but foldRune(%U) = %U", r, f, o, foldRune(o))
			}
		}
	}
}

// TestBounds checks the score bound used to skip scoring: no match scores
// above the query's bound minus its words times the length of the item's
// folded copy.
func TestBounds(t *testing.T) {
	texts := append(slices.Clip(testCorpus(t)), unicodeTexts...)
	ix := NewIndex(texts)
	checked := 0
	for _, qs := range append(slices.Clip(corpusQueries), unicodeQueries...) {
		q := NewQuery(qs)
		if !q.bndOK {
			continue
		}
		for _, m := range ix.Search(context.Background(), qs, 0) {
			f := ix.item(uint32(m.Item))
			// A word one edit away scores as the text's word, a rune longer
			// at most: in its tiers, and beside a word inside a word.
			typo := m.Tier <= tierEdit || m.Tier == tierEditLong || m.Tier == tierInWord && q.editsFirst && len(q.words) > 1
			if b := q.bound - len(q.words)*len(f); m.Score > b && !typo {
				t.Fatalf("query %q, %q: score %d above the bound %d", qs, texts[m.Item], m.Score, b)
			}
			if b := q.boundE - len(q.words)*len(f); m.Score > b {
				t.Fatalf("query %q, %q: score %d above the bound %d with typos", qs, texts[m.Item], m.Score, b)
			}
			if m.Tier >= tierInWord && q.plain && !typo {
				pb, bb, inOrder := 0, 0, true
				for _, w := range q.words {
					ok, adj, first := w.leftmost(f)
					if !ok && (m.Tier > tierStem || w.stem == nil) {
						t.Fatalf("query %q, %q: tier %d but %q is not in order", qs, texts[m.Item], m.Tier, string(w.runes))
					}
					inOrder = inOrder && ok
					pb += w.posBound(adj, first, len(f), w.camelIn(ix.camelLetters(uint32(m.Item))))
					bb += w.bonusBound(adj, first, len(f), ix.bonusLetters(uint32(m.Item)))
				}
				if inOrder && m.Tier != tierStem && m.Score > pb {
					t.Fatalf("query %q, %q: score %d above posBound %d", qs, texts[m.Item], m.Score, pb)
				}
				if inOrder && m.Tier != tierStem && m.Score > bb {
					t.Fatalf("query %q, %q: score %d above bonusBound %d", qs, texts[m.Item], m.Score, bb)
				}
			}
			checked++
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d matches checked", checked)
	}
}

func TestNarrowingEqualsFresh(t *testing.T) {
	texts := testCorpus(t)
	ix := NewIndex(texts)
	ctx := context.Background()
	s := ix.NewSearcher()
	// Typing, backspaces, edits in the middle, case changes (matching
	// ignores case, so they still narrow), pastes and queries that extend
	// nothing remembered. from is the length in runes of the query whose
	// matches are narrowed, -1 for a scan of every item.
	steps := []struct {
		q    string
		from int
	}{
		{"g", -1}, {"go", 1}, {"gor", 2}, {"goro", 3}, {"gorou", 4}, {"gorout", 5},
		{"gorouti", 6}, {"goroutin", 7}, {"goroutine", 8}, {"goroutines", 9},
		{"goroutine", 9}, {"goroutinE", 9}, {"GOROUTINE S", 9}, {"gorxutine", 3}, {"gorxutines", 9},
		{"f", -1}, {"fu", 1}, {"fun", 2}, {"func", 3}, {"funct", 4}, {"functo", 5}, {"functon", 6},
		{"", -1}, {"func", 4}, {"function", 4},
		{"—", -1}, {"— n", 1}, {"— na", 2}, {"— naï", 3}, {"— naïv", 4},
		{"e", -1}, {"er", 1}, {"err", 2}, {"erro", 3}, {"error", 4}, {"error\x00", -1}, {"error\x00x", -1},
		{"r", -1}, {"return", 1}, {"return nil if", 6}, {"return", 6}, {"retur", 1}, // pasted, then deleted
		{"s", -1}, {"s\u212A", 1}, {"s\u212Aß", 2}, {"s\u212Aßs", 3}, // the Kelvin sign folds to k
		{"ca", -1}, {"caf", 2}, {"café", 3}, {"café“", 4}, {"caf", 3}, {"c", -1},
	}
	prevRunes := -1
	for _, st := range steps {
		before := s.Survivors()
		got := s.Search(ctx, st.q, 20)
		if s.from != st.from {
			t.Errorf("query %q: narrowed the matches of a %d-rune query, want %d", st.q, s.from, st.from)
		}
		if want := ix.Search(ctx, st.q, 20); !equalMatches(got, want) {
			t.Errorf("query %q: Searcher gives %v, Index gives %v", st.q, got, want)
		}
		want := refFind(st.q, texts)
		compareFuzzy(t, "Searcher.Search", texts, st.q, want, 20, got)
		if q := NewQuery(st.q); q.empty() {
			if s.Survivors() != -1 {
				t.Errorf("empty query: Survivors() = %d, want -1", s.Survivors())
			}
			prevRunes = 0
			continue
		}
		if n := refExact(st.q, texts); s.Survivors() != n {
			t.Errorf("query %q: %d survivors, but every word occurs in order in %d items", st.q, s.Survivors(), n)
		}
		if st.from == prevRunes && before >= 0 && s.Survivors() > before {
			t.Errorf("query %q: survivors grew from %d to %d", st.q, before, s.Survivors())
		}
		prevRunes = utf8.RuneCountInString(st.q)
		total := 0
		for _, l := range s.levels {
			total += l.surv.cap()
		}
		for _, v := range s.spare {
			total += v.cap()
		}
		if total > maxLevels*ix.Len() {
			t.Errorf("query %q: Searcher holds buffers for %d matches, more than %dx %d items", st.q, total, maxLevels, ix.Len())
		}
	}
	s.Reset()
	if s.Search(ctx, "go", 5); s.from != -1 {
		t.Errorf("after Reset the search narrowed the matches of a %d-rune query", s.from)
	}
}

func equalMatches(a, b []Match) bool {
	return slices.EqualFunc(a, b, func(x, y Match) bool {
		return x.Item == y.Item && x.Score == y.Score && slices.Equal(x.MatchedIndexes, y.MatchedIndexes)
	})
}

// doneCtx is a context whose Done channel is closed but whose Err is still
// nil, as happens in the window between a cancellation and a later check.
// It makes a search pass its first ctx.Err check and stop inside the scan.
type doneCtx struct{ context.Context }

var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (doneCtx) Done() <-chan struct{} { return closed }
func (doneCtx) Err() error            { return nil }

func TestCancellation(t *testing.T) {
	texts := testCorpus(t)
	ix := NewIndex(texts)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	ctx := context.Background()

	// Documented result: nil, for an already-cancelled context...
	if got := ix.Search(cancelled, "err", 10); got != nil {
		t.Errorf("Index.Search with a cancelled context = %v, want nil", got)
	}
	// ...and for one that is found done during the scan.
	if got := ix.Search(doneCtx{ctx}, "err", 10); got != nil {
		t.Errorf("Index.Search cancelled during the scan = %v, want nil", got)
	}

	s := ix.NewSearcher()
	if len(s.Search(ctx, "gor", 10)) == 0 {
		t.Fatal("no matches for gor")
	}
	n := s.Survivors()
	if got := s.Search(cancelled, "goro", 10); got != nil {
		t.Errorf("Searcher.Search with a cancelled context = %v, want nil", got)
	}
	if s.Survivors() != n {
		t.Errorf("a search refused before scanning changed the survivors: %d, want %d", s.Survivors(), n)
	}
	// Cancelled while narrowing into a new buffer: the matches of "gor"
	// stay usable.
	if got := s.Search(doneCtx{ctx}, "goro", 10); got != nil {
		t.Errorf("Searcher.Search cancelled during the scan = %v, want nil", got)
	}
	if s.Survivors() != -1 {
		t.Errorf("after a search cancelled during the scan Survivors() = %d, want -1", s.Survivors())
	}
	got := s.Search(ctx, "gorou", 10)
	if s.from != 3 {
		t.Errorf("after a cancelled narrowing the next search narrowed a %d-rune query, want 3", s.from)
	}
	if want := ix.Search(ctx, "gorou", 10); !equalMatches(got, want) {
		t.Errorf("after cancellation: %v, want %v", got, want)
	}
	// Cancelled while rescanning the same query in place: its matches are
	// dropped.
	if got := s.Search(doneCtx{ctx}, "gorou", 10); got != nil {
		t.Errorf("Searcher.Search cancelled during the scan = %v, want nil", got)
	}
	got = s.Search(ctx, "gorout", 10)
	if s.from != 3 {
		t.Errorf("after a cancelled rescan the next search narrowed a %d-rune query, want 3", s.from)
	}
	if want := ix.Search(ctx, "gorout", 10); !equalMatches(got, want) {
		t.Errorf("after cancellation: %v, want %v", got, want)
	}
}

func TestEdgeCases(t *testing.T) {
	ctx := context.Background()
	empty := NewIndex(nil)
	if empty.Len() != 0 || empty.Search(ctx, "a", 10) != nil || empty.NewSearcher().Search(ctx, "a", 10) != nil {
		t.Error("empty index returned matches")
	}
	ix := NewIndex([]string{"abc", "ABC", "abd"})
	if ix.Len() != 3 {
		t.Errorf("Len() = %d", ix.Len())
	}
	if got := ix.Search(ctx, "", 10); got != nil {
		t.Errorf("empty query: %v, want nil", got)
	}
	if got := ix.Search(ctx, "ab", 0); len(got) != 3 {
		t.Errorf("limit 0: %d matches, want all 3", len(got))
	}
	if got := ix.Search(ctx, "ab", 2); len(got) != 2 || got[0].Item != 0 || got[1].Item != 1 {
		t.Errorf("limit 2: %v, want items 0 and 1 (ties keep item order)", got)
	}
}

func TestSize(t *testing.T) {
	texts := goCommentSentences(t, 10000)
	ix := NewIndex(texts)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	ratio := float64(ix.Size()) / float64(n)
	t.Logf("%d items, %d text bytes, index %d bytes, %.2fx", len(texts), n, ix.Size(), ratio)
	// 40 bytes an item besides the texts and their folded copies (mask,
	// offset, filters of pairs and of word starts, camel letters): 0.5x for
	// these sentences of 80 bytes.
	if ratio > 2.75 || ix.Size() < 2*n {
		t.Errorf("Size() = %d for %d bytes of text (%.2fx), want between 2x and 2.75x", ix.Size(), n, ratio)
	}
}

func ExampleIndex_Search() {
	ix := NewIndex([]string{"The quick brown fox", "jumps over", "the lazy dog — quickly"})
	for _, m := range ix.Search(context.Background(), "qck", 10) {
		fmt.Println(m.Item, m.Score, m.MatchedIndexes)
	}
	// Output:
	// 0 -6 [4 7 8]
	// 2 -11 [17 20 21]
}

// TestQuerySyntax checks fzf's operators: exact, prefix, suffix, whole
// text, inverse and alternatives, and that plain words match in any
// order.
func TestQuerySyntax(t *testing.T) {
	texts := []string{
		"Moscow Format talks",     // 0
		"talks in the format of",  // 1
		"Formatted output",        // 2
		"The Moscow talks",        // 3
		"talks",                   // 4
		"a format, then Moscow",   // 5
		"informal Moscow meeting", // 6
	}
	ix := NewIndex(texts)
	items := func(q string) []int {
		var out []int
		for _, m := range ix.Search(context.Background(), q, 0) {
			out = append(out, m.Item)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"format moscow", []int{0, 5, 6}}, // 6: scattered, as fuzzy finds it
		{"moscow format", []int{0, 5, 6}},
		{"'format", []int{0, 1, 2, 5}},
		{"^talks", []int{1, 4}},
		{"talks$", []int{0, 3, 4}},
		{"^talks$", []int{4}},
		{"talks !moscow", []int{1, 4}},
		{"talks !^talks", []int{0, 3}},
		{"moscow !talks$", []int{5, 6}},
		{"'output | 'meeting", []int{2, 6}},
		{"^formatted | ^informal moscow", []int{6}},
		{"format\\ of", []int{1}},
	} {
		if got := items(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%q matches %v, want %v", c.q, got, c.want)
		}
	}
	// The phrase as typed ranks first, with its words highlighted.
	ms := ix.Search(context.Background(), "moscow format", 0)
	if len(ms) == 0 || ms[0].Item != 0 || ms[0].Tier != tierPhrase || !slices.Equal(ms[0].MatchedIndexes, []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12}) {
		t.Errorf("moscow format: %+v", ms)
	}
}

// TestHighlightBestAlignment checks that the runes highlighted are the
// words where they occur whole, in any order, as byte offsets of the
// original text (curly quotes and dashes are several bytes), not the
// letters fuzzy's greedy walk finds first.
func TestHighlightBestAlignment(t *testing.T) {
	texts := []string{
		"concerns over stability across the borders — with “Central Asian” states",
		"States: the \u212Aelvin sign and a long s fold to ASCII — asia central",
		"an insurgency’s sprawl across the Daesh heartland",
	}
	ix := NewIndex(texts)
	marked := func(s string, offs []int) string {
		var b strings.Builder
		for _, o := range offs {
			r, _ := utf8.DecodeRuneInString(s[o:])
			b.WriteRune(r)
		}
		return b.String()
	}
	for _, c := range []struct {
		q    string
		item int
		want string
	}{
		{"central asia", 0, "CentralAsia"},
		{"asia central", 0, "CentralAsia"},
		{"asia central", 1, "asiacentral"},
		{"ſtates kelvin", 1, "States\u212Aelvin"},
		{"deash", 2, "Daesh"},
		{"crss", 2, "crss"}, // inside "across", not scattered
	} {
		var got *Match
		ms := ix.Search(context.Background(), c.q, 0)
		for k := range ms {
			if ms[k].Item == c.item {
				got = &ms[k]
			}
		}
		if got == nil {
			t.Errorf("%q does not find %q", c.q, texts[c.item])
			continue
		}
		if m := marked(texts[c.item], got.MatchedIndexes); m != c.want {
			t.Errorf("%q in %q highlights %q, want %q", c.q, texts[c.item], m, c.want)
		}
	}
}

// NewIndex flags the texts with a camel-case transition (a lower-case rune
// then an upper-case one), which the score bounds need, and no others.
func TestNewIndexCamelCaseFlag(t *testing.T) {
	texts := []string{"fooBar", "Foo bar", "FOO BAR", "éA", "straße Straße", "aΣ", "x\x00Y", "", "ab1C"}
	want := []bool{true, false, false, true, false, true, false, false, false}
	ix := NewIndex(texts)
	for i, s := range texts {
		if got := ix.mask[i]&camelCase != 0; got != want[i] {
			t.Errorf("%q: camel case %v, want %v", s, got, want[i])
		}
	}
}

// A Searcher keeps what it learnt of a one-word query's word in each item
// (the word is not there, nor inside one of its words; where the word's
// start occurred in an item it did not look at closely), and the next
// keystroke narrows from there: the results stay those of a fresh search.
func TestNarrowingKeepsWhatItLearnt(t *testing.T) {
	texts := testCorpus(t)
	ix := NewIndex(texts)
	ctx := context.Background()
	var learntSeen, partialSeen int
	for _, word := range []string{"functon", "wrtier", "return", "goroutine", "errors"} {
		for _, limit := range []int{1, 5, 20} {
			s := ix.NewSearcher()
			for k := 1; k <= len(word); k++ {
				q := word[:k]
				for range 2 { // the same query again reads what it learnt itself
					got := s.Search(ctx, q, limit)
					if want := ix.Search(ctx, q, limit); !equalMatches(got, want) {
						t.Fatalf("query %q, limit %d: Searcher gives %v, Index gives %v", q, limit, got, want)
					}
					if n := refExact(q, texts); s.Survivors() != n {
						t.Fatalf("query %q, limit %d: %d survivors, want %d", q, limit, s.Survivors(), n)
					}
				}
				for _, m := range s.levels[len(s.levels)-1].surv.meta {
					if m&learnt != 0 {
						learntSeen++
					}
					if m&unchecked != 0 && m>>partialShift != 0 {
						partialSeen++
					}
				}
			}
		}
	}
	if learntSeen == 0 || partialSeen == 0 {
		t.Errorf("the searches kept %d items with what they learnt and %d partly looked at: the test does not exercise them", learntSeen, partialSeen)
	}
}

// The filter of word starts must hold every word that occurs at a word
// start, or a search set aside texts it should list; and it must tell
// most texts apart, or it saves nothing.
func TestStartsFilter(t *testing.T) {
	texts := append(slices.Clip(testCorpus(t)), unicodeTexts...)
	ix := NewIndex(texts)
	words := 0
	for i := range texts {
		f, s := ix.item(uint32(i)), ix.starts[i]
		for k := range f {
			if c := f[k]; utf8.RuneSelf <= c && c < 0xC0 || !wordStart(f, k) {
				continue
			}
			for n := 1; k+n <= len(f) && n <= 4; n++ {
				if b := startOf(f[k : k+n]); b&^s != 0 {
					t.Fatalf("%q: the filter of word starts lacks %q at %d", texts[i], f[k:k+n], k)
				}
				words++
			}
		}
	}
	if words < 10_000 {
		t.Fatalf("only %d word starts checked", words)
	}
	// Pairs of letters that begin no word of the corpus: on average, the
	// filter must set aside most texts.
	seen := map[string]bool{}
	for i := range texts {
		f := ix.item(uint32(i))
		for k := 0; k+1 < len(f); k++ {
			if wordStart(f, k) {
				seen[string(f[k:k+2])] = true
			}
		}
	}
	absent, held := 0, 0
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			if seen[string([]byte{a, b})] {
				continue
			}
			absent++
			bit := startOf([]byte{a, b})
			for _, s := range ix.starts {
				if bit&^s == 0 {
					held++
				}
			}
		}
	}
	if absent < 50 {
		t.Fatalf("only %d pairs of letters begin no word", absent)
	}
	rate := float64(held) / float64(absent*len(texts))
	t.Logf("a word absent from every text passes the filter of word starts of %.1f%% of them", 100*rate)
	if rate > 0.3 {
		t.Errorf("a word absent from every text passes the filter of word starts of %.0f%% of them", 100*rate)
	}
}

// Several workers share floors between their blocks (see scanState.pool);
// the results must be those of one worker alone, whatever the blocks each
// worker happens to take.
func TestWorkersAgree(t *testing.T) {
	texts := goCommentSentences(t, long.Count(40_000, 120_000))
	ix := NewIndex(texts)
	ctx := context.Background()
	type run struct{ fresh, typed [][]Match }
	search := func(procs int) run {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var r run
		for _, q := range corpusQueries {
			r.fresh = append(r.fresh, ix.Search(ctx, q, 20))
		}
		s := ix.NewSearcher()
		for _, w := range []string{"goroutine", "gorotuine", "interfce", "deadlinexc", "return nil"} {
			s.Reset()
			for k := 1; k <= len(w); k++ {
				r.typed = append(r.typed, s.Search(ctx, w[:k], 20))
			}
		}
		return r
	}
	one := search(1)
	for range 3 {
		many := search(4)
		for k := range one.fresh {
			if !equalMatches(many.fresh[k], one.fresh[k]) {
				t.Fatalf("query %q: four workers give %v, one gives %v", corpusQueries[k], many.fresh[k], one.fresh[k])
			}
		}
		for k := range one.typed {
			if !equalMatches(many.typed[k], one.typed[k]) {
				t.Fatalf("keystroke %d: four workers give %v, one gives %v", k, many.typed[k], one.typed[k])
			}
		}
	}
}

// TestLongTypoRanksWordFirst: a long word typed with a typo lists the
// word it stands for before a long token (a path, an identifier) that
// happens to hold its letters in order, while a short one keeps its
// letters inside a word first, as an abbreviation is typed.
func TestLongTypoRanksWordFirst(t *testing.T) {
	texts := []string{
		"see golang.org/x/tools/internal/astutil/clone.go for the copy",
		"A goroutine exits when its function returns.",
		"write it down",
		"Use WriteFile here.",
	}
	ix := NewIndex(texts)
	for _, tc := range []struct {
		query    string
		first    int
		tierName string
	}{
		{"gorotuine", 1, "one edit"},      // 9 runes: the word one edit away first
		{"goroutnie", 1, "one edit"},      // a swap at the end
		{"wrtie", 3, "letters in a word"}, // 5 runes: inside "WriteFile" first
	} {
		ms := ix.Search(context.Background(), tc.query, 10)
		if len(ms) == 0 || ms[0].Item != tc.first || TierName(ms[0].Tier) != tc.tierName {
			t.Errorf("%q: got %v, want item %d first, tier %q", tc.query, ms, tc.first, tc.tierName)
		}
	}
	// Both orders stay in the same class: neither counts as weaker.
	ms := ix.Search(context.Background(), "gorotuine", 10)
	if len(ms) < 2 || Weak(ms[len(ms)-1].Tier, ms[0].Tier) {
		t.Errorf("gorotuine: %v, want the token inside a word listed after the word, not weaker", ms)
	}
}

// TestSeedsKeepNearMisses: a Searcher seeds its next search with the items
// of its results, each once, and with near misses; and a query typed back
// and forth keeps the matches of each of its forms among the seeds.
func TestSeedsKeepNearMisses(t *testing.T) {
	ix := NewIndex(goCommentSentences(t, 20_000))
	ctx := context.Background()
	s := ix.NewSearcher()
	const limit = 20
	seeds := func(q string) map[uint32]bool {
		t.Helper()
		set := map[uint32]bool{}
		for _, i := range s.last {
			if set[i] {
				t.Fatalf("after %q: item %d seeds twice", q, i)
			}
			set[i] = true
		}
		return set
	}
	for _, q := range []string{"wrti", "wrtie", "wrti", "err", "return nil"} {
		res := s.Search(ctx, q, limit)
		set := seeds(q)
		for _, m := range res {
			if !set[uint32(m.Item)] {
				t.Fatalf("after %q: result %d is not a seed", q, m.Item)
			}
		}
		if len(res) == limit && len(set) <= limit {
			t.Errorf("after %q: %d seeds, want near misses beyond the %d results", q, len(set), limit)
		}
	}
	// Whatever the cores, one goroutine scores the seeds: the heaps keep
	// spillMax times the limit of pushed-out candidates in all.
	func() {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
		s.Reset()
		s.Search(ctx, "wrti", limit)
		spilt := 0
		for k := range s.st.workers {
			spilt += len(s.st.workers[k].top.spill)
		}
		if len(s.st.workers) < 2 || spilt == 0 || spilt > spillMax*limit {
			t.Errorf("%d workers keep %d pushed-out candidates, want 1 to %d", len(s.st.workers), spilt, spillMax*limit)
		}
	}()
	forward := s.Search(ctx, "wrtie", limit)
	s.Search(ctx, "wrti", limit)
	set := seeds("wrti")
	for _, m := range forward {
		if !set[uint32(m.Item)] {
			t.Errorf("typed back to %q: %q, a result of %q, is no longer a seed", "wrti", ix.texts[m.Item], "wrtie")
		}
	}
}
