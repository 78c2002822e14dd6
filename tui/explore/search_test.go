package explore

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
)

// kindRank orders kinds for ties: named things before the text about them.
func kindRank(k model.RefKind) int { return catalog.SearchKindRank(k) }

// fuzzySearcher, the reference of the tests, searches with sahilm/fuzzy alone. Results are ordered by fuzzy's
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

// TestIndexSearcherMatchesFuzzy checks that the palette's searcher
// (model/search, ranked in tiers) finds everything sahilm/fuzzy finds,
// with fuzzy's scores for one-word queries.
func TestIndexSearcherMatchesFuzzy(t *testing.T) {
	items := searchItems(seed(t))
	ix, fz := newIndexSearcher(items), newFuzzySearcher(items)
	for _, q := range []string{"moscw", "daesh", "Taliban", "russia’s", "2016", "ukr", "x", "ground real", "zzzz", "é"} {
		got := map[int]match{}
		for _, m := range ix.Search(context.Background(), q, 0) {
			got[m.Item] = m
		}
		for _, w := range fz.Search(context.Background(), q, 0) {
			g, ok := got[w.Item]
			if !ok {
				t.Errorf("%q: fuzzy finds %q, the palette does not", q, items[w.Item].text)
			} else if !strings.Contains(q, " ") && g.Score != w.Score {
				t.Errorf("%q: %q scores %d, fuzzy %d", q, items[w.Item].text, g.Score, w.Score)
			}
		}
	}
}

func TestRankTieBreaks(t *testing.T) {
	items := searchItems(seed(t))
	ms := newIndexSearcher(items).Search(context.Background(), "daesh", 0)
	if len(ms) < 2 {
		t.Fatal("too few results")
	}
	// "Daesh" is both a glossary term and an actor, with the same score:
	// the term comes first.
	if items[ms[0].Item].ref.Kind != "glossary" || items[ms[1].Item].ref.Kind != "actor" {
		t.Errorf("daesh ranks %v, %v first", items[ms[0].Item].ref, items[ms[1].Item].ref)
	}
}

// TestPaletteRecallsTheLastQuery: reopening the search offers the last query
// selected, so typing replaces it and never appends to it.
func TestPaletteRecallsTheLastQuery(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "/", "type:moscow format", "enter")
	if m.modal != nil {
		t.Fatal("enter did not close the search")
	}
	m = press(m, "/")
	if got := palette(m).input.Value(); got != "moscow format" || !palette(m).input.Selected() {
		t.Fatalf("reopened with %q (selected %v), want the last query selected", got, palette(m).input.Selected())
	}
	if lineWith(plain(m), "/ moscow format") < 0 || len(palette(m).results) == 0 {
		t.Errorf("the recalled query or its results are not shown:\n%s", plain(m))
	}
	m = press(m, "type:deash")
	if got := palette(m).input.Value(); got != "deash" {
		t.Errorf("typing over the recalled query gave %q", got)
	}
	m = press(m, "esc", "/")
	if got := palette(m).input.Value(); got != "deash" {
		t.Errorf("esc did not remember the query: %q", got)
	}
}

// TestPaletteHistory: ↑ on the first result brings back earlier queries,
// newest first; ↓ comes forward again to the user's own.
func TestPaletteHistory(t *testing.T) {
	m := sized(t, 120, 40, ThemeDark, false)
	for _, q := range []string{"daesh", "moscow format", "ukraine"} {
		m = press(m, "/", "ctrl+u", "type:"+q, "esc")
	}
	m = press(m, "/")
	if got := palette(m).input.Value(); got != "ukraine" {
		t.Fatalf("reopened with %q", got)
	}
	m = press(m, "up")
	if got := palette(m).input.Value(); got != "moscow format" {
		t.Errorf("↑ gave %q, want the query before", got)
	}
	m = press(m, "up")
	if got := palette(m).input.Value(); got != "daesh" {
		t.Errorf("↑ ↑ gave %q", got)
	}
	if !strings.Contains(plain(m), "earlier search 3 of 3") {
		t.Errorf("the status does not say which earlier search this is:\n%s", plain(m))
	}
	m = press(m, "down")
	if got := palette(m).input.Value(); got != "daesh" || palette(m).cursor != 1 {
		t.Errorf("↓ on a recalled query's results gave %q, cursor %d; want the results browsed", got, palette(m).cursor)
	}
	m = press(m, "type:x")
	if got := palette(m).input.Value(); got != "x" {
		t.Errorf("typing over a recalled query gave %q", got)
	}
}

// TestPalettePreview: the selected sentence shows in its paragraph, marked,
// beside the results on a wide screen and below them on a narrow one.
func TestPalettePreview(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		m := press(sized(t, sz[0], sz[1], ThemeDark, false), "/", "type:drugs")
		p := palette(m)
		i := -1
		for j := range p.order {
			if p.items[p.results[p.order[j]].item].ref.Kind == model.KindSentence {
				i = j
				break
			}
		}
		if i < 0 {
			t.Fatal("no sentence found for drugs")
		}
		for range i {
			m = press(m, "down")
		}
		it, _ := palette(m).selected()
		s := m.b.Sentence(it.ref.ID)
		screen := plain(m)
		head := fmt.Sprintf("Paragraph %d · sentence %s", s.Paragraph+1, s.ID)
		if !strings.HasPrefix(s.ID, fmt.Sprintf("p%d.", s.Paragraph+1)) || lineWith(screen, head) < 0 || lineWith(screen, "▌") < 0 {
			t.Errorf("%dx%d: no preview of %s:\n%s", sz[0], sz[1], s.ID, screen)
		}
		checkFits(t, m.Render(), sz[0], sz[1])
	}
}

// TestPaletteLibraryScope: opened from a library, tab searches every
// briefing of it; a hit in another briefing ends explore mode asking for
// that briefing, on that item.
func TestPaletteLibraryScope(t *testing.T) {
	here := seed(t)
	other, err := model.Parse("other.brief.md", []byte("---\nformat: brief/1\ntitle: Rivers\nsource: Rivers and towns\npublished: 2020-01-01\n---\n\n# Theme: Water {#water}\n\n## Floods come every spring {#floods}\n\n> The Zelwick river floods every spring.\n\n# Source\n\nThe Zelwick river floods every spring.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := New(here, config{theme: ThemeDark, library: []*model.Briefing{here, other}})
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(m, "/", "type:zelwick")
	if lineWith(plain(m), "Zelwick") >= 0 {
		t.Fatalf("Zelwick found in this briefing:\n%s", plain(m))
	}
	m = press(m, "tab")
	if !palette(m).inLibrary || len(palette(m).results) == 0 {
		t.Fatalf("tab did not search the library:\n%s", plain(m))
	}
	if lineWith(plain(m), "Zelwick", "· Rivers") < 0 {
		t.Errorf("a hit in another briefing does not say which:\n%s", plain(m))
	}
	res, cmd := m.Update(keyMsg("enter"))
	m = res.(Model)
	var quit bool
	for _, msg := range runCmd(cmd) {
		res, c := m.Update(msg)
		m = res.(Model)
		quit = quit || c != nil && fmt.Sprint(c()) == fmt.Sprint(tea.Quit())
	}
	if m.exit.Open != other || m.exit.Goto == "" || !quit {
		t.Errorf("enter on the other briefing's hit: exit %+v, quit %v", m.exit, quit)
	}
	// Without a library, tab does nothing and is not offered.
	m = press(sized(t, 120, 40, ThemeDark, false), "/", "type:zelwick", "tab")
	if palette(m).inLibrary || strings.Contains(plain(m), "whole library") {
		t.Error("tab switched to a library that is not there")
	}
}
