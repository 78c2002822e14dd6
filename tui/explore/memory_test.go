package explore

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/internal/gen"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/model/sanitize"
)

// TestMemoryLargeArticle measures the live heap of explore mode on a plain
// article near the 16 MiB limit, after its first frame at 120x40 and after
// a search in the palette (which builds the search index), and fails when
// they exceed 4 and 6 times the file (RSS, which adds the collector's
// headroom, the runtime and the study state's index, must stay within 8
// times at the first frame; scripts/bench-explore-memory measures it). It
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
	b, size := largeArticle(t)
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
		name  string
		n     uint64
		times uint64
	}{{"after the first frame", first, 4}, {"after a search", searched, 6}} {
		if c.n > c.times*uint64(size) {
			t.Errorf("live heap %s is %.1f MiB, over %d times the %.1f MiB file", c.name, mib(c.n), c.times, mib(uint64(size)))
		}
	}
	runtime.KeepAlive(m)
}

// largeArticle is a plain article near the size limit, made of Go's
// comments (see internal/gen), and its size in bytes.
func largeArticle(tb testing.TB) (*model.Briefing, int) {
	tb.Helper()
	n := 185_000
	if s := os.Getenv("BRIEF_MEMORY_SENTENCES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			tb.Fatal(err)
		}
	}
	root, err := gen.GOROOT()
	if err != nil {
		tb.Skip(err)
	}
	pkgs, err := gen.Comments(root, n)
	if err != nil {
		tb.Fatal(err)
	}
	var data []byte
	if _, err := gen.Make(pkgs, gen.Options{Sentences: n, PerFile: n, BriefingEvery: 1 << 30}, func(_ string, d []byte) error {
		data = d
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	size := len(data)
	if size > model.MaxFileSize {
		tb.Fatalf("the article is %d bytes, over the %d limit: fewer sentences", size, model.MaxFileSize)
	}
	b, err := model.Parse("big.txt", data, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return b, size
}

// BenchmarkLargeArticleKey measures a keystroke on the article of
// TestMemoryLargeArticle at 120x40 (BRIEF_MEMORY set): page down and up
// in reading mode, and in the source pane of the panes.
func BenchmarkLargeArticleKey(b *testing.B) {
	if os.Getenv("BRIEF_MEMORY") == "" {
		b.Skip("set BRIEF_MEMORY=1 to measure keystrokes on a 15 MiB article")
	}
	br, _ := largeArticle(b)
	start := step(New(br, config{theme: ThemeDark}), tea.WindowSizeMsg{Width: 120, Height: 40})
	panes := press(start, "r")
	panes.focusOn(paneSource)
	for _, c := range []struct {
		name string
		m    Model
	}{{"reading", start}, {"source", panes}} {
		b.Run(c.name, func(b *testing.B) {
			m := c.m
			if off := m.source.off; c.name == "source" {
				if m = press(m, "pgdown"); m.source.off == off {
					b.Fatal("page down does not scroll the source pane")
				}
			}
			keys := []tea.Msg{keyMsg("pgdown"), keyMsg("pgdown"), keyMsg("pgup")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				res, _ := m.Update(keys[i%3])
				m = res.(Model)
				_ = m.View()
			}
		})
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestSourceRowsAsWrapped: the source pane, which keeps only where each
// sentence's rows begin and end, shows the rows a full layout would hold:
// every sentence wrapped to the text column, a blank between paragraphs.
func TestSourceRowsAsWrapped(t *testing.T) {
	b := seed(t)
	th := NewTheme(true, false, true)
	for _, w := range []int{30, 61, 120} {
		m := newSource(b, th).SetSize(w, 10)
		tw := m.textWidth()
		type row struct{ sent, line int }
		var want []row
		for i, s := range m.sents {
			if i > 0 && s.Paragraph != m.sents[i-1].Paragraph {
				want = append(want, row{-1, 0})
			}
			for j := range sanitize.Wrap(s.Text, tw) {
				want = append(want, row{i, j})
			}
		}
		if m.nrows != len(want) {
			t.Fatalf("%d: %d rows, a full layout has %d", w, m.nrows, len(want))
		}
		for r, wr := range want {
			if i, j := m.rowAt(r); i != wr.sent || j != wr.line {
				t.Fatalf("%d: row %d is line %d of sentence %d, want line %d of %d", w, r, j, i, wr.line, wr.sent)
			}
		}
		// Page through: every row drawn ends with its line of the text.
		for {
			for y, l := range m.View() {
				i, j := m.rowAt(m.off + y)
				text := spaces(tw)
				if i >= 0 {
					text = fit(sanitize.Wrap(m.sents[i].Text, tw)[j], tw)
				}
				// The text column ends the row, or its right margin does.
				if !strings.HasSuffix(strings.TrimRight(ansi.Strip(l), " "), strings.TrimRight(text, " ")) {
					t.Fatalf("%d: row %d shows %q, not %q", w, m.off+y, ansi.Strip(l), text)
				}
			}
			if m.off+m.h >= m.nrows {
				break
			}
			m = m.Scroll(m.h)
		}
	}
}

// TestReadingRowsAsFlowed: reading mode, which keeps only where each row
// begins, flows every row as a full layout of the paragraphs would, with
// and without ids, at the measure and much narrower.
func TestReadingRowsAsFlowed(t *testing.T) {
	b := seed(t)
	th := NewTheme(true, false, true)
	for _, ids := range []bool{false, true} {
		for _, w := range []int{12, 40, 120} {
			m := newReading(b, th, ids).SetSize(w, 10)
			want, first, last := flowAll(m)
			got := readingRows(m)
			if len(got) != len(want) {
				t.Fatalf("ids %v, %d: %d rows, a full layout has %d", ids, w, len(got), len(want))
			}
			for r := range want {
				if !slices.Equal(got[r].spans, want[r].spans) {
					t.Fatalf("ids %v, %d: row %d is %v, want %v", ids, w, r, got[r].spans, want[r].spans)
				}
			}
			if !slices.Equal(m.first, first) || !slices.Equal(m.last, last) {
				t.Errorf("ids %v, %d: the sentences' rows differ from a full layout", ids, w)
			}
		}
	}
}

// flowAll lays out the whole article at once, rows and all, as reading
// mode did before it kept only where rows begin.
func flowAll(m readingModel) (rows []rrow, first, last []int32) {
	first = make([]int32, len(m.sents))
	last = make([]int32, len(m.sents))
	var cur []rspan
	curW := 0
	flush := func() {
		if len(cur) > 0 {
			rows = append(rows, rrow{spans: cur})
		}
		cur, curW = nil, 0
	}
	add := func(sent int, word string, id bool) {
		ww := sanitize.Width(word)
		if curW > 0 && curW+1+ww > m.measure {
			flush()
		}
		if curW > 0 {
			curW++
		}
		curW += ww
		if n := len(cur); n > 0 && cur[n-1].sent == sent && !cur[n-1].id && !id {
			cur[n-1].text += " " + word
			return
		}
		cur = append(cur, rspan{sent: sent, text: word, id: id})
	}
	for i, s := range m.sents {
		if i > 0 && s.Paragraph != m.sents[i-1].Paragraph {
			flush()
			rows = append(rows, rrow{})
		}
		first[i] = -1
		if m.ids {
			add(i, s.ID, true)
			first[i] = int32(len(rows))
		}
		for _, w := range strings.Fields(s.Text) {
			for _, piece := range sanitize.Wrap(w, m.measure) {
				add(i, piece, false)
				if first[i] < 0 {
					first[i] = int32(len(rows))
				}
			}
		}
		if first[i] < 0 {
			first[i] = int32(len(rows))
		}
		last[i] = int32(len(rows))
	}
	flush()
	return rows, first, last
}

// TestMemoryLimit: Run's soft memory limit is sized from the briefing's
// texts, raised by the search index, put back on return, and leaves a
// limit set before it (GOMEMLIMIT) alone. The figure is the limit's floor:
// the limit itself may be above it, following the live heap.
func TestMemoryLimit(t *testing.T) {
	b := seed(t)
	old := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(old)
	size := 0
	catalog.EachSearchItem(b, func(_ model.RefKind, _, text string) { size += len(text) })
	floor := func() int64 {
		memLimit.Lock()
		defer memLimit.Unlock()
		if memLimit.limit == nil {
			return -1
		}
		return memLimit.limit.Floor()
	}
	restore := setMemoryLimit([]*model.Briefing{b})
	if got, want := floor(), memoryLimit(size); got != want {
		t.Errorf("limit's floor %d, want %d for %d bytes of text", got, want, size)
	}
	if got := debug.SetMemoryLimit(-1); got < memoryLimit(size) || got == math.MaxInt64 {
		t.Errorf("limit %d, want at least the floor %d", got, memoryLimit(size))
	}
	growMemoryLimit(1 << 20)
	if got, want := floor(), memoryLimit(size)+1<<20; got != want {
		t.Errorf("floor after the index %d, want %d", got, want)
	}
	growMemoryLimit(1 << 19) // a reloaded briefing's smaller index
	if got, want := floor(), memoryLimit(size)+1<<20; got != want {
		t.Errorf("floor after a second index %d, want %d", got, want)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after Run, want none", got)
	}
	growMemoryLimit(1 << 20)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("the index set a limit %d outside Run", got)
	}
	debug.SetMemoryLimit(1 << 30)
	setMemoryLimit([]*model.Briefing{b})()
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("a limit set before was changed to %d", got)
	}
	if memoryLimit(15<<20) > 8*15<<20 {
		t.Errorf("the limit for a 15 MiB article, %d, is over 8 times it", memoryLimit(15<<20))
	}
}
