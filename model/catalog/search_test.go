package catalog_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/brief-cli/brief/internal/gen"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/model/search"
	"github.com/brief-cli/brief/seeds"
)

// parse loads a briefing or article from bytes (its article inside it).
func parse(tb testing.TB, name string, data []byte) *model.Briefing {
	tb.Helper()
	b, err := model.Parse(name, data, nil)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return b
}

// madeLibrary returns a library of n sentences made by internal/gen from
// the comments of GOROOT/src, parsed in memory; every other file is a
// briefing, so every kind of item is there.
func madeLibrary(tb testing.TB, n, briefingEvery int) []*model.Briefing {
	tb.Helper()
	pkgs := goComments(tb)
	var bs []*model.Briefing
	_, err := gen.Make(pkgs, gen.Options{Sentences: n, BriefingEvery: briefingEvery}, func(name string, data []byte) error {
		bs = append(bs, parse(tb, name, data))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return bs
}

var (
	commentsOnce sync.Once
	comments     []gen.Package
	commentsErr  error
)

// goComments reads GOROOT's comments once per test binary.
func goComments(tb testing.TB) []gen.Package {
	tb.Helper()
	commentsOnce.Do(func() {
		root, err := gen.GOROOT()
		if err != nil {
			commentsErr = err
			return
		}
		comments, commentsErr = gen.Comments(root, 0)
	})
	if commentsErr != nil {
		tb.Skipf("no corpus: %v", commentsErr)
	}
	return comments
}

// testLibrary holds the seed, the mini briefing, an article with the
// Kelvin sign and the long s (which fold to k and s), the hostile files
// that load, and a library made by internal/gen.
func testLibrary(t testing.TB) []*model.Briefing {
	t.Helper()
	seed, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	mini, err := model.Load("../testdata/mini.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	bs := []*model.Briefing{seed, mini,
		parse(t, "kelvin.txt", []byte("Kelvin and the long s\n\nThe \u212A scale is ſtrange. Another Line Here. A camelCase NameHere.\n"))}
	files, _ := filepath.Glob("../../testdata/hostile/*.brief.md")
	for _, f := range files {
		if b, err := model.Load(f); err == nil {
			bs = append(bs, b)
		}
	}
	return append(bs, madeLibrary(t, 3000, 2)...)
}

// paletteRanking is the engine's ranking (model/search, checked there
// against its reference) over every item, in position order, with the
// library's tie-break: tier, then score, then kind, then shorter text,
// then position; the first limit kept.
func paletteRanking(items []catalog.SearchItem, query string, limit int) []catalog.SearchHit {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.Text
	}
	ms := search.NewIndex(texts).Search(context.Background(), query, 0)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Tier != b.Tier {
			return a.Tier > b.Tier
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		ia, ib := items[a.Item], items[b.Item]
		if ra, rb := catalog.SearchKindRank(ia.Ref.Kind), catalog.SearchKindRank(ib.Ref.Kind); ra != rb {
			return ra < rb
		}
		if len(ia.Text) != len(ib.Text) {
			return len(ia.Text) < len(ib.Text)
		}
		return a.Item < b.Item
	})
	if limit > 0 && len(ms) > limit {
		ms = ms[:limit]
	}
	var out []catalog.SearchHit
	for _, m := range ms {
		out = append(out, catalog.SearchHit{SearchItem: items[m.Item], Item: m.Item, Tier: m.Tier, Score: m.Score, MatchedIndexes: m.MatchedIndexes,
			Weak: search.Class(m.Tier) > search.Class(ms[0].Tier)})
	}
	return out
}

var queries = []string{
	"moscw", "daesh", "Taliban", "russia’s", "2016", "ukr", "x", "ground real", "zzzz", "é", "goroutine",
	"err", "THE", "k", "s", "kelvin", "ks", "functon", "a b", "·", "p3", "river", "wrtier", "nil ptr", "中",
}

func sameHits(t *testing.T, what string, got, want []catalog.SearchHit) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		i := 0
		for i < min(len(got), len(want)) && reflect.DeepEqual(got[i], want[i]) {
			i++
		}
		var g, w any = "none", "none"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		t.Errorf("%s: %d hits, want %d; first difference at %d:\n got %+v\nwant %+v", what, len(got), len(want), i, g, w)
	}
}

// The library's search is the palette's ranking exactly, for the best N
// and for all.
func TestSearchIndexMatchesPaletteRanking(t *testing.T) {
	bs := testLibrary(t)
	x := catalog.NewSearchIndex(bs...)
	items := x.Items()
	if len(items) < 3000 {
		t.Fatalf("only %d items", len(items))
	}
	for _, q := range queries {
		for _, limit := range []int{0, 1, 7, 50} {
			sameHits(t, fmt.Sprintf("%q limit %d", q, limit), x.Search(context.Background(), q, limit), paletteRanking(items, q, limit))
		}
	}
}

// Cut into parts (as a large index is, to build it on every core), the
// index finds the same.
func TestSearchIndexInParts(t *testing.T) {
	bs := testLibrary(t)
	whole := catalog.NewSearchIndex(bs...)
	defer catalog.SetParts(100, 7)()
	parts := catalog.NewSearchIndex(bs...)
	for _, q := range queries {
		for _, limit := range []int{0, 3, 50} {
			want := whole.Search(context.Background(), q, limit)
			sameHits(t, fmt.Sprintf("%q limit %d", q, limit), parts.Search(context.Background(), q, limit), want)
			sameHits(t, fmt.Sprintf("once: %q limit %d", q, limit), catalog.SearchBriefings(context.Background(), q, limit, bs...), want)
		}
	}
	s := parts.NewSearcher()
	for _, q := range []string{"g", "go", "gor", "goro", "gorou", "goro", "gr"} {
		sameHits(t, "searcher "+q, s.Search(context.Background(), q, 20), whole.Search(context.Background(), q, 20))
	}
}

// A Searcher, fed one keystroke at a time, finds what a fresh search does.
func TestSearcherFollowsTyping(t *testing.T) {
	x := catalog.NewSearchIndex(testLibrary(t)...)
	s := x.NewSearcher()
	var typed []string
	for _, word := range []string{"goroutine", "moscow format"} {
		for k := 1; k <= len(word); k++ {
			typed = append(typed, word[:k])
		}
		for k := len(word) - 1; k > 0; k-- {
			typed = append(typed, word[:k])
		}
	}
	typed = append(typed, "gx", "Go", "GOR")
	for _, q := range typed {
		sameHits(t, q, s.Search(context.Background(), q, 50), x.Search(context.Background(), q, 50))
	}
}

// A one-off search over briefings finds what the index finds.
func TestSearchBriefingsMatchesIndex(t *testing.T) {
	bs := testLibrary(t)
	x := catalog.NewSearchIndex(bs...)
	for _, q := range queries {
		for _, limit := range []int{0, 5} {
			sameHits(t, fmt.Sprintf("%q limit %d", q, limit), catalog.SearchBriefings(context.Background(), q, limit, bs...), x.Search(context.Background(), q, limit))
		}
	}
}

// The prefilter of SearchBriefings never drops a text that matches (with a
// typo forgiven, too): the
// Kelvin sign matches k and the long s matches s, as fuzzy folds them.
func TestPrefilterKeepsFoldedMatches(t *testing.T) {
	for _, tc := range []struct{ q, text string }{
		{"k", "\u212A"}, {"ks", "x\u212Ay\u017F"}, {"S", "\u017F"}, {"ab", "xAyB"}, {"A B", "a b"}, {"é", "É"},
	} {
		if len(fuzzy.Find(tc.q, []string{tc.text})) == 0 {
			t.Fatalf("fuzzy does not match %q in %q", tc.q, tc.text)
		}
		if !catalog.MayMatch(tc.q, tc.text) {
			t.Errorf("the prefilter drops %q for %q", tc.text, tc.q)
		}
	}
	// A word may miss one character (a typo forgiven), not two.
	for _, tc := range []struct{ q, text string }{{"xyz", "ab"}, {"abcd", "ab"}, {"x", "yz"}, {"ab cd", "ab"}} {
		if catalog.MayMatch(tc.q, tc.text) {
			t.Errorf("the prefilter keeps %q for %q", tc.text, tc.q)
		}
	}
}

func FuzzPrefilter(f *testing.F) {
	f.Add("k", "\u212A")
	f.Add("ab", "xAyB")
	f.Add("gorout", "Goroutines start")
	f.Fuzz(func(t *testing.T, q, text string) {
		if len(search.NewIndex([]string{text}).Search(context.Background(), q, 0)) > 0 && !catalog.MayMatch(q, text) {
			t.Errorf("the prefilter drops %q for %q", text, q)
		}
	})
}

// Equal tiers and scores: a glossary term before an actor of the same name, then
// shorter texts first.
func TestSearchTieBreaks(t *testing.T) {
	seed, _ := seeds.Load()
	hits := catalog.NewSearchIndex(seed).Search(context.Background(), "daesh", 0)
	if len(hits) < 2 || hits[0].Ref.Kind != model.KindTerm || hits[1].Ref.Kind != model.KindActor || hits[0].Score != hits[1].Score {
		t.Fatalf("daesh ranks %+v, %+v first", hits[0], hits[1])
	}
	for i := 1; i < len(hits); i++ {
		a, b := hits[i-1], hits[i]
		if a.Tier < b.Tier || a.Tier == b.Tier && a.Score < b.Score {
			t.Errorf("hit %d ranks above hit %d", i, i-1)
		}
		ra, rb := catalog.SearchKindRank(a.Ref.Kind), catalog.SearchKindRank(b.Ref.Kind)
		if a.Tier == b.Tier && a.Score == b.Score && (ra > rb || ra == rb && len(a.Text) > len(b.Text)) {
			t.Errorf("hits %d and %d tie on score but are out of order: %+v, %+v", i-1, i, a, b)
		}
	}
	// "b" scores 10 in all three: 10 as the first character of "b", 20
	// after a space less 5 for the character before it in " bxxxx", and
	// one point off for every unmatched byte. The point comes first, then
	// the shorter sentence.
	items := []catalog.SearchItem{
		{Ref: model.Ref{Kind: model.KindSentence, ID: "p1.s1"}, Text: " bxxxx"},
		{Ref: model.Ref{Kind: model.KindSentence, ID: "p1.s2"}, Text: "b"},
		{Ref: model.Ref{Kind: model.KindPoint, ID: "pt"}, Text: " bxxxx"},
	}
	got := catalog.NewItemIndex(items).Search(context.Background(), "b", 0)
	var order []string
	for _, h := range got {
		order = append(order, h.Ref.ID)
		if h.Score != got[0].Score {
			t.Errorf("%q scores %d, %q %d", h.Text, h.Score, got[0].Text, got[0].Score)
		}
	}
	if !slices.Equal(order, []string{"pt", "p1.s2", "p1.s1"}) {
		t.Errorf("order %q", order)
	}
}

func TestSearchCancelled(t *testing.T) {
	bs := testLibrary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if hits := catalog.NewSearchIndex(bs...).Search(ctx, "the", 10); hits != nil {
		t.Errorf("a cancelled search found %d hits", len(hits))
	}
	if hits := catalog.SearchBriefings(ctx, "the", 10, bs...); hits != nil {
		t.Errorf("a cancelled one-off search found %d hits", len(hits))
	}
	if hits := catalog.NewSearchIndex(bs...).Search(context.Background(), "", 10); hits != nil {
		t.Errorf("an empty query found %d hits", len(hits))
	}
}

func TestWriteSearchJSON(t *testing.T) {
	seed, _ := seeds.Load()
	bs := []*model.Briefing{seed}
	hits := catalog.SearchBriefings(context.Background(), "russia’s engagement", 3, bs...)
	var buf strings.Builder
	if err := catalog.WriteSearchJSON(&buf, hits, bs); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		File, Title, Kind, ID, Text string
		Score                       int
		Matched                     []int
		MatchedBytes                []int `json:"matched_bytes"`
	}
	if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(got) != len(hits) || len(got) == 0 {
		t.Fatalf("%d results, want %d", len(got), len(hits))
	}
	for i, g := range got {
		h := hits[i]
		if g.File != seed.File || g.Title != seed.Title || g.Kind != string(h.Ref.Kind) || g.ID != h.Ref.ID || g.Text != h.Text || g.Score != h.Score || !slices.Equal(g.MatchedBytes, h.MatchedIndexes) {
			t.Errorf("result %d: %+v for %+v", i, g, h)
		}
		// The character indices pick the query's characters out of the text.
		runes := []rune(g.Text)
		var picked []rune
		for _, k := range g.Matched {
			picked = append(picked, runes[k])
		}
		if !strings.EqualFold(string(picked), "russia’sengagement") && !strings.EqualFold(string(picked), "russia’s engagement") {
			t.Errorf("result %d: matched characters %q", i, string(picked))
		}
	}
	buf.Reset()
	_ = catalog.WriteSearchJSON(&buf, nil, bs)
	if strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("no hits: %q", buf.String())
	}
}

func TestSearchItemsKinds(t *testing.T) {
	seed, _ := seeds.Load()
	items := catalog.SearchItems(seed)
	last := -1
	counts := map[model.RefKind]int{}
	for _, it := range items {
		r := catalog.SearchKindRank(it.Ref.Kind)
		if r < last {
			t.Fatalf("%v comes after a later kind", it.Ref)
		}
		last = r
		counts[it.Ref.Kind]++
		if it.Ref.Kind == model.KindSentence && seed.Sentence(it.Ref.ID) == nil {
			t.Errorf("sentence %q does not resolve", it.Ref.ID)
		}
		if !utf8.ValidString(it.Text) || it.Text == "" {
			t.Errorf("item %v text %q", it.Ref, it.Text)
		}
	}
	if counts[model.KindSentence] != len(seed.Sentences()) || counts[model.KindPoint] != len(seed.Points()) || counts[model.KindTheme] != len(seed.Themes) || counts[model.KindEvent] != len(seed.Timeline) {
		t.Errorf("counts %v", counts)
	}
}

func TestSentenceByID(t *testing.T) {
	b, err := model.Load("../testdata/mini.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	if s := b.Sentence("p2.s2"); s == nil || s.Text != "It held." {
		t.Errorf("p2.s2 = %+v", s)
	}
	for _, id := range []string{"", "p", "p0.s1", "p1.s0", "p3.s1", "p1.s3", "p01.s1", "p1.s01", "p+1.s1", "p1.s", "x1.s1", "p1", "p1.s1 "} {
		if s := b.Sentence(id); s != nil {
			t.Errorf("Sentence(%q) = %+v", id, s)
		}
	}
	for _, s := range b.Sentences() {
		if b.Sentence(s.ID) != s {
			t.Errorf("Sentence(%q) is not the sentence", s.ID)
		}
	}
}

// A library made by internal/gen loads from disk as exactly the sentences written.
func TestMadeLibraryLoads(t *testing.T) {
	pkgs := goComments(t)
	dir := t.TempDir()
	st, err := gen.Write(dir, pkgs, gen.Options{Sentences: 2000, PerFile: 150, BriefingEvery: 3})
	if err != nil {
		t.Fatal(err)
	}
	lib := library.Load(context.Background(), dir, nil)
	if lib.Err != nil || len(lib.Entries) != st.Files {
		t.Fatalf("%d entries for %d files: %v", len(lib.Entries), st.Files, lib.Err)
	}
	sentences, briefings := 0, 0
	for _, e := range lib.Entries {
		if e.Err != nil {
			t.Fatalf("%s: %v", e.Path, e.Err)
		}
		sentences += e.Sentences
		if !e.Plain {
			briefings++
		}
	}
	if sentences != st.Sentences || sentences != 2000 || briefings != st.Briefings {
		t.Errorf("%d sentences in %d briefings, want %d in %d", sentences, briefings, st.Sentences, st.Briefings)
	}
	if _, err := os.Stat(filepath.Join(dir, "archive")); err != nil {
		t.Errorf("no folder per package: %v", err)
	}
}

// Loading and searching in one go finds what searching the loaded library
// does.
func TestSearchLibraryMatchesSearchBriefings(t *testing.T) {
	pkgs := goComments(t)
	dir := t.TempDir()
	if _, err := gen.Write(dir, pkgs, gen.Options{Sentences: 3000, PerFile: 100, BriefingEvery: 3}); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "seed/000_bc22e7b79049ddaf.brief.md", read(t, "../../seeds/000_bc22e7b79049ddaf.brief.md"))
	write(t, dir, "seed/000_bc22e7b79049ddaf.txt", read(t, "../../seeds/000_bc22e7b79049ddaf.txt"))
	write(t, dir, "broken.brief.md", "---\nformat: brief/1\n")
	lib := library.Load(context.Background(), dir, nil)
	bs := lib.Briefings()
	for _, q := range queries {
		got, hits := catalog.SearchLibrary(context.Background(), dir, q, 25)
		if got.Err != nil || len(got.Entries) != len(lib.Entries) || got.Broken() != 1 {
			t.Fatalf("%q: library of %d entries, %d broken: %v", q, len(got.Entries), got.Broken(), got.Err)
		}
		sameHits(t, q, hits, catalog.SearchBriefings(context.Background(), q, 25, bs...))
		for _, h := range hits {
			if b := got.Briefings()[h.Briefing]; b.File != bs[h.Briefing].File {
				t.Errorf("%q: hit names %s, want %s", q, b.File, bs[h.Briefing].File)
			}
		}
	}
	if _, hits := catalog.SearchLibrary(context.Background(), dir, "", 25); hits != nil {
		t.Errorf("an empty query found %d hits", len(hits))
	}
}

// write creates dir/name with data, making folders as needed.
func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
