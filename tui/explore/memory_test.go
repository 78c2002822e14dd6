package explore

import (
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/gen"
	"github.com/brief-cli/brief/model"
)

// TestMemoryLargeArticle measures the live heap of explore mode on a plain
// article near the 16 MiB limit, after its first frame at 120x40 and after
// a search in the palette, and fails when either exceeds 4 times the file
// (RSS, which adds the collector's headroom and the runtime, must stay
// within 8 times; scripts/bench-explore-memory measures it on a pty). It
// takes several seconds and runs only when BRIEF_MEMORY is set:
//
//	BRIEF_MEMORY=1 go test ./tui/explore -run TestMemoryLargeArticle -v
//
// BRIEF_MEMORY_SENTENCES sets the article's sentences (default 185,000,
// about 15 MiB); BRIEF_MEMORY_PROFILE=FILE writes a heap profile after the
// first frame.
func TestMemoryLargeArticle(t *testing.T) {
	if os.Getenv("BRIEF_MEMORY") == "" {
		t.Skip("set BRIEF_MEMORY=1 to measure explore mode's memory on a 15 MiB article")
	}
	n := 185_000
	if s := os.Getenv("BRIEF_MEMORY_SENTENCES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	root, err := gen.GOROOT()
	if err != nil {
		t.Skip(err)
	}
	pkgs, err := gen.Comments(root, n)
	if err != nil {
		t.Fatal(err)
	}
	var data []byte
	if _, err := gen.Make(pkgs, gen.Options{Sentences: n, PerFile: n, BriefingEvery: 1 << 30}, func(_ string, d []byte) error {
		data = d
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	size := len(data)
	if size > model.MaxFileSize {
		t.Fatalf("the article is %d bytes, over the %d limit: fewer sentences", size, model.MaxFileSize)
	}
	b, err := model.Parse("big.txt", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, data = nil, nil
	base := liveHeap()
	m := New(b, config{theme: ThemeDark})
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	first := liveHeap()
	if p := os.Getenv("BRIEF_MEMORY_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := pprof.WriteHeapProfile(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	m = press(m, "/", "type:mutex")
	_ = m.View()
	searched := liveHeap()
	mib := func(n uint64) float64 { return float64(n) / (1 << 20) }
	t.Logf("article: %.1f MiB, %d sentences", mib(uint64(size)), len(b.Sentences()))
	t.Logf("live heap with the briefing loaded: %.1f MiB (%.1fx the file)", mib(base), float64(base)/float64(size))
	t.Logf("live heap after the first frame:    %.1f MiB (%.1fx)", mib(first), float64(first)/float64(size))
	t.Logf("live heap after a search:           %.1f MiB (%.1fx)", mib(searched), float64(searched)/float64(size))
	for _, c := range []struct {
		name string
		n    uint64
	}{{"after the first frame", first}, {"after a search", searched}} {
		if c.n > 4*uint64(size) {
			t.Errorf("live heap %s is %.1f MiB, over 4 times the %.1f MiB file", c.name, mib(c.n), mib(uint64(size)))
		}
	}
	runtime.KeepAlive(m)
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
