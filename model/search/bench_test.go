package search

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/sahilm/fuzzy"
)

// Benchmarks run on sentences from the comments of GOROOT/src (see
// benchCorpus); about 157k distinct sentences exist in Go 1.26, so the 1M
// corpus repeats them with a " (copy k)" suffix.
//
//	go test -run='^$' -bench=. -benchtime=20x ./model/search/
//
// Besides wall time (ns/op), cpu-ms/op reports the CPU time of the whole
// process per operation (all goroutines, GC included), which stays
// meaningful when other programs compete for the cores; on an idle machine
// with P cores, ns/op is about cpu-ms/op / P for the parallel scans.

// cpuMeter adds up the process CPU time of the timed parts of a benchmark.
type cpuMeter struct {
	total, start int64
}

func (m *cpuMeter) begin() { m.start = processCPU() }
func (m *cpuMeter) end()   { m.total += processCPU() - m.start }

func (m *cpuMeter) report(b *testing.B, per int) {
	b.ReportMetric(float64(m.total)/1e6/float64(b.N*per), "cpu-ms/op")
}

const benchLimit = 50 // results a screen shows

var benchSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}}

var (
	benchMu      sync.Mutex
	benchIndexes = map[int]*Index{}
)

func benchIndex(b *testing.B, n int) *Index {
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix := benchIndexes[n]; ix != nil {
		return ix
	}
	ix := NewIndex(benchCorpus(b, n))
	benchIndexes[n] = ix
	return ix
}

// Fresh queries: correct words, typos, 3 to 13 characters.
var benchQueries = []string{"err", "return", "functon", "interfce", "goroutine", "wrtier", "nil ptr", "deadlinexc",
	"gorotuine", "barrier write", "^the !nil"} // swapped letters, words out of order, operators

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes {
		ix := benchIndex(b, size.n)
		for _, q := range benchQueries {
			b.Run(size.name+"/"+q, func(b *testing.B) {
				b.ReportAllocs()
				var n int
				var cpu cpuMeter
				cpu.begin()
				for b.Loop() {
					n = len(ix.Search(ctx, q, benchLimit))
				}
				cpu.end()
				cpu.report(b, 1)
				if n == 0 {
					b.Fatalf("no matches for %q", q)
				}
			})
		}
	}
}

// One keystroke that extends the previous query: the Searcher is put in the
// state of prev (untimed), then next is timed.
func BenchmarkNarrow(b *testing.B) {
	ctx := context.Background()
	steps := [][2]string{{"gorouti", "goroutin"}, {"gorout", "gorouti"}, {"er", "err"}, {"retur", "return"}, {"functo", "functon"}, {"wrti", "wrtie"}, {"e", "er"}}
	for _, size := range benchSizes {
		ix := benchIndex(b, size.n)
		s := ix.NewSearcher()
		for _, st := range steps {
			b.Run(fmt.Sprintf("%s/%s+%s", size.name, st[0], st[1][len(st[0]):]), func(b *testing.B) {
				b.ReportAllocs()
				var cpu cpuMeter
				for b.Loop() {
					b.StopTimer()
					s.Search(ctx, st[0], benchLimit)
					b.StartTimer()
					cpu.begin()
					s.Search(ctx, st[1], benchLimit)
					cpu.end()
					if s.from != len(st[0]) {
						b.Fatal("did not narrow")
					}
				}
				cpu.report(b, 1)
			})
		}
	}
}

// A backspace after typing a word: the Searcher goes back to the matches
// it remembers for the shorter query.
func BenchmarkBackspace(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes {
		ix := benchIndex(b, size.n)
		s := ix.NewSearcher()
		for _, word := range []string{"goroutine", "err"} {
			b.Run(size.name+"/"+word, func(b *testing.B) {
				b.ReportAllocs()
				s.Reset()
				for k := 1; k <= len(word); k++ {
					s.Search(ctx, word[:k], benchLimit)
				}
				var cpu cpuMeter
				for b.Loop() {
					b.StopTimer()
					s.Search(ctx, word, benchLimit)
					b.StartTimer()
					cpu.begin()
					s.Search(ctx, word[:len(word)-1], benchLimit)
					cpu.end()
				}
				cpu.report(b, 1)
			})
		}
	}
}

// Typing a whole word, one Searcher.Search per keystroke; ns/keystroke and
// cpu-ms/op are per keystroke.
func BenchmarkTyping(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes {
		ix := benchIndex(b, size.n)
		for _, word := range []string{"goroutine", "interfce"} {
			b.Run(size.name+"/"+word, func(b *testing.B) {
				b.ReportAllocs()
				s := ix.NewSearcher()
				var cpu cpuMeter
				cpu.begin()
				for b.Loop() {
					s.Reset()
					for k := 1; k <= len(word); k++ {
						s.Search(ctx, word[:k], benchLimit)
					}
				}
				cpu.end()
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(word)), "ns/keystroke")
				cpu.report(b, len(word))
			})
		}
	}
}

// Plain fuzzy.Find over everything, for comparison.
func BenchmarkFuzzyFind(b *testing.B) {
	texts := benchCorpus(b, 100_000)
	for _, q := range []string{"err", "functon", "goroutine"} {
		b.Run("100k/"+q, func(b *testing.B) {
			b.ReportAllocs()
			var cpu cpuMeter
			cpu.begin()
			for b.Loop() {
				fuzzy.Find(q, texts)
			}
			cpu.end()
			cpu.report(b, 1)
		})
	}
}

// Building the index; text-x is Size() over the bytes of the texts.
func BenchmarkNewIndex(b *testing.B) {
	for _, size := range benchSizes {
		texts := benchCorpus(b, size.n)
		total := 0
		for _, s := range texts {
			total += len(s)
		}
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			var ix *Index
			for b.Loop() {
				ix = NewIndex(texts)
			}
			b.ReportMetric(float64(ix.Size())/float64(total), "size/text")
			b.ReportMetric(float64(total)/float64(len(texts)), "text-B/item")
		})
	}
}
