package explore

import (
	"context"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
)

// The palette's library scope: opened from a library of briefings, the
// search can cover every briefing of it (tab switches). A hit in another
// briefing opens that briefing on the hit: explore mode ends with an Exit
// saying which, and the library opens it.

// libraryScope is the search over a whole library, built the first time
// the palette switches to it and kept for the session.
type libraryScope struct {
	briefings []*model.Briefing
	items     []searchItem
	owner     []int // the briefing of each item, an index into briefings
	search    searcher
}

// newLibraryScope indexes the briefings of a library.
func newLibraryScope(bs []*model.Briefing) *libraryScope {
	ix := catalog.NewSearchIndex(bs...)
	ms := ix.Items()
	l := &libraryScope{briefings: bs, items: make([]searchItem, len(ms)), owner: make([]int, len(ms))}
	for i, it := range ms {
		l.items[i] = searchItem{ref: it.Ref, text: it.Text}
		l.owner[i] = it.Briefing
	}
	l.search = &libSearcher{s: ix.NewSearcher()}
	return l
}

// libSearcher searches a library index one query at a time.
type libSearcher struct {
	mu sync.Mutex
	s  *catalog.Searcher
}

func (l *libSearcher) Search(ctx context.Context, query string, limit int) []match {
	if query == "" {
		return nil
	}
	l.mu.Lock()
	hits := l.s.Search(ctx, query, limit)
	l.mu.Unlock()
	out := make([]match, len(hits))
	for i, h := range hits {
		out[i] = match{Item: h.Item, Score: h.Score, MatchedIndexes: h.MatchedIndexes, Weak: h.Weak}
	}
	return out
}

// openElsewhereMsg asks the root to end explore mode and open another
// briefing of the library on an item.
type openElsewhereMsg struct {
	b  *model.Briefing
	id string
}

// Exit is how explore mode ended: with Open set, the reader chose an item
// in another briefing of the library, to open on Goto.
type Exit struct {
	Open *model.Briefing
	Goto string
	// Edit is set when the reader pressed E to edit the briefing.
	Edit bool
}

// scopeBriefing is the briefing that holds result item i of the scope
// shown: the open one, or one of the library.
func (m paletteModel) scopeBriefing(i int) *model.Briefing {
	if m.inLibrary && m.lib != nil && i < len(m.lib.owner) {
		return m.lib.briefings[m.lib.owner[i]]
	}
	return m.b
}

// toggleScope switches between this briefing and the whole library and
// searches again.
func (m paletteModel) toggleScope() (paletteModel, tea.Cmd) {
	if len(m.library) == 0 {
		return m, nil
	}
	if m.lib == nil {
		m.lib = newLibraryScope(m.library)
	}
	m.inLibrary = !m.inLibrary
	if m.inLibrary {
		m.here, m.hereSearch = m.items, m.search
		m.items, m.search = m.lib.items, m.lib.search
	} else {
		m.items, m.search = m.here, m.hereSearch
	}
	m.gate = new(searchGate)
	m.results, m.order, m.groups = nil, nil, nil
	m.cursor, m.off = 0, 0
	return m.research()
}

// choose goes to a result: in this briefing, a jump; in another, the
// request to open it there.
func (m paletteModel) choose(i int) tea.Cmd {
	it := m.items[m.results[m.order[i]].item]
	if b := m.scopeBriefing(m.results[m.order[i]].item); b != m.b && b.File != m.b.File {
		return m.close(func() tea.Msg { return openElsewhereMsg{b: b, id: it.ref.ID} })
	}
	return m.close(jumpCmd(it.ref, it.ref.Kind == model.KindSentence))
}
