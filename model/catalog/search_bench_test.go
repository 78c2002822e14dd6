package catalog_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/brief-cli/brief/internal/gen"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/model/library"
)

// Benchmarks of a library's search, over libraries made by internal/gen
// from the comments of GOROOT/src (a fifth of the files briefings, the
// rest plain articles), of 10k, 100k and 1M sentences:
//
//	go test -run='^$' -bench='Library|SearchBriefings' -benchtime=20x ./model/
//
// The search engine itself has its own benchmarks in model/search.

const benchLimit = 50 // results a screen shows

var benchSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}}

var (
	benchMu   sync.Mutex
	benchLibs = map[int][]*model.Briefing{}
	benchIdx  = map[int]*catalog.SearchIndex{}
)

func benchLibrary(b *testing.B, n int) []*model.Briefing {
	benchMu.Lock()
	defer benchMu.Unlock()
	if bs := benchLibs[n]; bs != nil {
		return bs
	}
	bs := madeLibrary(b, n, 5)
	benchLibs[n] = bs
	return bs
}

func benchIndex(b *testing.B, n int) *catalog.SearchIndex {
	bs := benchLibrary(b, n)
	benchMu.Lock()
	defer benchMu.Unlock()
	if x := benchIdx[n]; x != nil {
		return x
	}
	x := catalog.NewSearchIndex(bs...)
	benchIdx[n] = x
	return x
}

// Fresh queries, 3 to 10 characters, with and without typos.
var benchQueries = []string{"err", "return", "functon", "interfce", "goroutine", "wrtier", "nil ptr", "deadlinexc"}

// Building the index of a library; size/text is its memory over the bytes
// of the texts.
func BenchmarkLibraryIndex(b *testing.B) {
	for _, size := range benchSizes {
		bs := benchLibrary(b, size.n)
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			var x *catalog.SearchIndex
			for b.Loop() {
				x = catalog.NewSearchIndex(bs...)
			}
			text := 0
			for _, it := range x.Items() {
				text += len(it.Text)
			}
			b.ReportMetric(float64(x.Size())/float64(text), "size/text")
			b.ReportMetric(float64(x.Len()), "items")
		})
	}
}

// A fresh query over a library's index.
func BenchmarkLibrarySearch(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes {
		x := benchIndex(b, size.n)
		for _, q := range benchQueries {
			b.Run(size.name+"/"+q, func(b *testing.B) {
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = len(x.Search(ctx, q, benchLimit))
				}
				if n == 0 {
					b.Fatalf("no hits for %q", q)
				}
			})
		}
	}
}

// One keystroke that extends the previous query, as in the palette: the
// Searcher is put in the state of the shorter query (untimed), then the
// longer one is timed.
func BenchmarkLibraryNarrow(b *testing.B) {
	ctx := context.Background()
	steps := [][2]string{{"gorouti", "goroutin"}, {"e", "er"}, {"er", "err"}, {"retur", "return"}, {"functo", "functon"}}
	for _, size := range benchSizes {
		x := benchIndex(b, size.n)
		s := x.NewSearcher()
		for _, st := range steps {
			b.Run(fmt.Sprintf("%s/%s+%s", size.name, st[0], st[1][len(st[0]):]), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					s.Search(ctx, st[0], benchLimit)
					b.StartTimer()
					s.Search(ctx, st[1], benchLimit)
				}
			})
		}
	}
}

// Typing a whole word, one search per keystroke; ns/keystroke is per
// keystroke.
func BenchmarkLibraryTyping(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes {
		x := benchIndex(b, size.n)
		for _, word := range []string{"goroutine", "interfce"} {
			b.Run(size.name+"/"+word, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s := x.NewSearcher()
					for k := 1; k <= len(word); k++ {
						s.Search(ctx, word[:k], benchLimit)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(word)), "ns/keystroke")
			})
		}
	}
}

// One search without an index, as brief search runs it.
func BenchmarkSearchBriefings(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes[:2] {
		bs := benchLibrary(b, size.n)
		for _, q := range []string{"err", "goroutine", "functon", "deadlinexc", "barrier write"} {
			b.Run(size.name+"/"+q, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if len(catalog.SearchBriefings(ctx, q, 20, bs...)) == 0 {
						b.Fatalf("no hits for %q", q)
					}
				}
			})
		}
	}
}

// Loading a library of 100k sentences from disk: 500 files, found,
// read and parsed on every core.
func BenchmarkLoadLibrary(b *testing.B) {
	pkgs := goComments(b)
	dir := b.TempDir()
	if _, err := gen.Write(dir, pkgs, gen.Options{Sentences: 100_000}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lib := library.Load(context.Background(), dir, nil)
		if lib.Err != nil || len(lib.Entries) != 500 || lib.Broken() != 0 {
			b.Fatalf("%d entries, %d broken: %v", len(lib.Entries), lib.Broken(), lib.Err)
		}
	}
}
