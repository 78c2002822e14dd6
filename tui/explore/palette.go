package explore

import (
	"context"
	"fmt"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/search"
	"github.com/brief-cli/brief/store"
	"github.com/brief-cli/brief/tui/widget"
)

// searchLimit bounds the results the palette keeps.
const searchLimit = 200

type paletteKeys struct {
	Up, Down, PageUp, PageDown, Jump, Close key.Binding
	// Older and Newer step through earlier queries: ↑ on the first result
	// goes back; ↓ moves through the results, and comes forward again in
	// the queries only when there are none.
	Older, Newer key.Binding
	// Scope switches between this briefing and the whole library (only
	// when explore mode was opened from a library).
	Scope key.Binding
}

func newPaletteKeys() paletteKeys {
	return paletteKeys{
		Up:       widget.Keys("↑", "previous result", "up", "ctrl+p", "ctrl+k"),
		Down:     widget.Keys("↓", "next result", "down", "ctrl+n", "ctrl+j"),
		PageUp:   widget.Key("pgup", "page up"),
		PageDown: widget.Keys("pgdn", "page down", "pgdown"),
		Jump:     widget.Key("enter", "go to result"),
		Close:    widget.Key("esc", "close search"),
		Older:    widget.Keys("↑ on the first", "earlier queries", "up"),
		Newer:    widget.Keys("↓ with no results", "later queries, back to yours", "down"),
		Scope:    widget.Key("tab", "this briefing / the whole library"),
	}
}

func (k paletteKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Jump, k.Scope, k.Close}
}
func (k paletteKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Jump, k.Close, k.Older, k.Newer, k.Scope}}
}

// searchResultsMsg carries the results of one search. seq numbers the
// searches; results of a search older than the latest are dropped.
type searchResultsMsg struct {
	seq     int
	query   string
	matches []match
}

// searchCmd runs search number seq. A search that starts cancels the
// older one still running, and one that would start after a newer one
// does not run: its results would be dropped anyway.
func searchCmd(s searcher, gate *searchGate, seq int, q string) tea.Cmd {
	return func() tea.Msg {
		ctx, done, ok := gate.begin(seq)
		if !ok {
			return searchResultsMsg{seq: seq, query: q}
		}
		defer done()
		return searchResultsMsg{seq: seq, query: q, matches: s.Search(ctx, q, searchLimit)}
	}
}

// searchGate knows the newest search started, and how to cancel it.
type searchGate struct {
	mu     sync.Mutex
	seq    int
	cancel context.CancelFunc
}

// begin starts search seq, cancelling an older one; ok is false when a
// newer one has started already.
func (g *searchGate) begin(seq int) (ctx context.Context, done func(), ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if seq < g.seq {
		return nil, nil, false
	}
	if g.cancel != nil {
		g.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	g.seq, g.cancel = seq, cancel
	return ctx, cancel, true
}

type presult struct {
	item  int
	runes []int // matched rune indices in the item's text
	weak  bool  // a weaker match, listed after the divider
}

// pgroup is the results of one kind, shown together under a heading with
// their count. Groups come in the order of their best result, so the best
// result of all stays first. The weaker matches come last, after a divider
// (a group of no kind and no results), in groups of their own.
type pgroup struct {
	kind  model.RefKind
	first int // index into order of the group's first result
	n     int
	weak  bool
}

// divider reports whether the group is the divider before the weaker
// matches.
func (g pgroup) divider() bool { return g.kind == "" }

// maxHistory bounds the queries the palette remembers.
const maxHistory = 50

// paletteModel is the search palette: one query over points, sentences,
// events, actors and glossary terms. A keystroke only edits the query and
// starts a search command; the results arrive as a message, so typing never
// waits for the search. The selected result is previewed beside the list
// (or below it on a narrow screen).
type paletteModel struct {
	th      *Theme
	b       *model.Briefing
	keys    paletteKeys
	input   widget.Query
	items   []searchItem
	search  searcher
	gate    *searchGate
	seq     int
	query   string
	results []presult
	// jumpDue is set by enter typed before the results of the query in the
	// input arrived: the first of them is chosen when they do, so a fast
	// typist's enter is never lost.
	jumpDue bool
	order   []int // results in display order: grouped by kind
	groups  []pgroup
	cursor  int // index into order
	off     int // first display row shown
	w, h    int
	lines   []string

	history []string // earlier queries, oldest first
	hpos    int      // the history entry shown; len(history) for the user's own
	draft   string   // the user's own query while a recalled one is shown

	preview detailModel

	// The library scope (palette_library.go).
	library    []*model.Briefing // the briefings of the library explore was opened from
	lib        *libraryScope     // built on the first switch to it
	inLibrary  bool
	here       []searchItem // this briefing's items and searcher while the library's are shown
	hereSearch searcher
}

// newPalette opens the palette over items with the last query recalled
// (selected, so typing replaces it) and its search started. history is the
// queries of earlier searches, oldest first.
func newPalette(th *Theme, b *model.Briefing, items []searchItem, s searcher, history []string, library []*model.Briefing) (paletteModel, tea.Cmd) {
	m := paletteModel{th: th, b: b, keys: newPaletteKeys(), items: items, search: s, gate: new(searchGate),
		history: history, hpos: len(history), preview: newDetail(b, th), library: library}
	m.keys.Scope.SetEnabled(len(library) > 1)
	last := ""
	if len(history) > 0 {
		last = history[len(history)-1]
		m.hpos = len(history) - 1
	}
	m.input = widget.NewQuery("/ ").SetStyles(th.Query).Recall(last)
	return m.research()
}

// rememberQueryMsg tells the root the query the palette closed with.
type rememberQueryMsg struct{ query string }

// close closes the palette (through then: a jump or closeModalCmd) and
// tells the root its query, to offer it again next time.
func (m paletteModel) close(then tea.Cmd) tea.Cmd {
	q := m.input.Value()
	return tea.Batch(func() tea.Msg { return rememberQueryMsg{q} }, then)
}

// searchesCmd keeps the palette's queries in the study state, for the
// next session.
func searchesCmd(st *store.Store, history []string) tea.Cmd {
	return func() tea.Msg { return studyResult("", st.SetSearches(history)) }
}

// remember adds a query to a history, oldest first, without repeats.
func remember(history []string, q string) []string {
	if q == "" {
		return history
	}
	out := make([]string, 0, len(history)+1)
	for _, h := range history {
		if h != q {
			out = append(out, h)
		}
	}
	out = append(out, q)
	if len(out) > maxHistory {
		out = out[len(out)-maxHistory:]
	}
	return out
}

func (m paletteModel) KeyMap() paletteKeys { return m.keys }

func (m paletteModel) SetTheme(th *Theme) paletteModel {
	m.th = th
	m.input = m.input.SetStyles(th.Query)
	m.preview = m.preview.SetTheme(th)
	return m.render()
}

func (m paletteModel) SetSize(w, h int) paletteModel {
	m.w, m.h = w, h
	m = m.layoutPreview()
	m.off = m.scrolled()
	return m.render()
}

func (m paletteModel) Update(msg tea.Msg) (paletteModel, tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.seq != m.seq {
			return m, nil // stale: the query changed since
		}
		m.query = msg.query
		m.results = m.results[:0:0]
		for _, mt := range msg.matches {
			m.results = append(m.results, presult{item: mt.Item, runes: search.RuneIndexes(m.items[mt.Item].text, mt.MatchedIndexes), weak: mt.Weak})
		}
		m = m.group()
		m.cursor, m.off = 0, 0
		if m.jumpDue && msg.query == m.input.Value() {
			m.jumpDue = false
			if _, ok := m.selected(); ok {
				return m.render(), m.choose(m.cursor)
			}
		}
		return m.showPreview().render(), nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.edit(msg)
	}
	return m, nil
}

// group orders the results by kind, each kind where its best result
// ranks: the matches first, then, after a divider, the weaker matches.
func (m paletteModel) group() paletteModel {
	m.order, m.groups = make([]int, 0, len(m.results)), nil
	for _, weak := range []bool{false, true} {
		byKind := map[model.RefKind][]int{}
		var kinds []model.RefKind
		for i, r := range m.results {
			if r.weak != weak {
				continue
			}
			k := m.items[r.item].ref.Kind
			if _, ok := byKind[k]; !ok {
				kinds = append(kinds, k)
			}
			byKind[k] = append(byKind[k], i)
		}
		if weak && len(kinds) > 0 && len(m.order) > 0 {
			m.groups = append(m.groups, pgroup{first: len(m.order), weak: true})
		}
		for _, k := range kinds {
			m.groups = append(m.groups, pgroup{kind: k, first: len(m.order), n: len(byKind[k]), weak: weak})
			m.order = append(m.order, byKind[k]...)
		}
	}
	return m
}

// strong counts the results that are not weaker matches.
func (m paletteModel) strong() int {
	n := 0
	for _, r := range m.results {
		if !r.weak {
			n++
		}
	}
	return n
}

func (m paletteModel) key(km tea.KeyPressMsg) (paletteModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(km, k.Close):
		return m, m.close(closeModalCmd)
	case key.Matches(km, k.Jump):
		if m.input.Value() != m.query {
			m.jumpDue = true // chosen when the results arrive
			return m, nil
		}
		if _, ok := m.selected(); ok {
			return m, m.choose(m.cursor)
		}
		return m, nil
	case key.Matches(km, k.Scope):
		return m.toggleScope()
	case key.Matches(km, k.Older) && m.cursor == 0 && m.hpos > 0:
		return m.recall(m.hpos - 1)
	case key.Matches(km, k.Newer) && len(m.order) == 0 && m.hpos < len(m.history):
		// ↓ moves through the results; with none, it comes forward again.
		return m.recall(m.hpos + 1)
	}
	lk := listKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
	if c, moved := lk.move(km, m.cursor, len(m.order), m.listHeight()); moved {
		m.cursor = c
		m.off = m.scrolled()
		return m.showPreview().render(), nil
	}
	return m.edit(km)
}

// recall shows history entry i (len(history): the user's own query).
func (m paletteModel) recall(i int) (paletteModel, tea.Cmd) {
	if m.hpos == len(m.history) {
		m.draft = m.input.Value()
	}
	m.hpos = i
	q := m.draft
	if i < len(m.history) {
		q = m.history[i]
	}
	m.input = m.input.Recall(q)
	return m.research()
}

// research searches for the query in the input.
func (m paletteModel) research() (paletteModel, tea.Cmd) {
	q := m.input.Value()
	m.seq++
	if q == "" {
		m.query, m.results, m.order, m.groups = "", nil, nil, nil
		return m.showPreview().render(), nil
	}
	return m.render(), searchCmd(m.search, m.gate, m.seq, q)
}

// edit passes a message to the input and starts a search if the query
// changed.
func (m paletteModel) edit(msg tea.Msg) (paletteModel, tea.Cmd) {
	var changed bool
	m.input, changed = m.input.Update(msg)
	if !changed {
		return m, nil
	}
	m.hpos = len(m.history) // an edited query is the user's own
	m.jumpDue = false
	return m.research()
}

// selected returns the item under the cursor.
func (m paletteModel) selected() (searchItem, bool) {
	if m.cursor < len(m.order) {
		return m.items[m.results[m.order[m.cursor]].item], true
	}
	return searchItem{}, false
}

// Click goes to the result at line y of the palette's content.
func (m paletteModel) Click(y int) (paletteModel, tea.Cmd) {
	row := m.off + y - 2
	if y < 2 || y-2 >= m.listHeight() {
		return m, nil
	}
	i, ok := m.resultAt(row)
	if !ok {
		return m, nil
	}
	m.cursor = i
	return m.render(), m.choose(i)
}

// Scroll moves the result list by n rows.
func (m paletteModel) Scroll(n int) paletteModel {
	m.off = clamp(m.off+n, 0, max(m.displayRows()-m.listHeight(), 0))
	first, last := m.off, m.off+m.listHeight()-1
	if r := m.rowOf(m.cursor); r < first || r > last {
		for i := range m.order {
			if r := m.rowOf(i); r >= first && r <= last {
				m.cursor = i
				if n > 0 {
					break
				}
			}
		}
	}
	return m.showPreview().render()
}

func (m paletteModel) View() []string { return m.lines }

// plural says "1 match" or "3 matches".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
