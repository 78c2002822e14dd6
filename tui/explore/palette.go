package explore

import (
	"context"
	"fmt"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model/search"
	"github.com/brief-cli/brief/tui/widget"
)

// searchLimit bounds the results the palette keeps.
const searchLimit = 200

type paletteKeys struct {
	Up, Down, PageUp, PageDown, Jump, Close key.Binding
}

func newPaletteKeys() paletteKeys {
	return paletteKeys{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p", "ctrl+k"), key.WithHelp("↑", "previous result")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n", "ctrl+j"), key.WithHelp("↓", "next result")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Jump:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to result")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close search")),
	}
}

func (k paletteKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Jump, k.Close} }
func (k paletteKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Jump, k.Close}}
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
}

// paletteModel is the search palette: one query over points, sentences,
// events, actors and glossary terms. A keystroke only edits the query and
// starts a search command; the results arrive as a message, so typing never
// waits for the search.
type paletteModel struct {
	th      *Theme
	keys    paletteKeys
	input   widget.Query
	items   []searchItem
	search  searcher
	gate    *searchGate
	seq     int
	query   string
	results []presult
	cursor  int
	off     int
	w, h    int
	lines   []string
}

// newPalette opens the palette over items with the last query recalled
// (selected, so typing replaces it) and its search started.
func newPalette(th *Theme, items []searchItem, s searcher, last string) (paletteModel, tea.Cmd) {
	m := paletteModel{th: th, keys: newPaletteKeys(), items: items, search: s, gate: new(searchGate)}
	m.input = widget.NewQuery("/ ").SetStyles(th.Query).Recall(last)
	if q := m.input.Value(); q != "" {
		m.seq++
		return m.render(), searchCmd(m.search, m.gate, m.seq, q)
	}
	return m.render(), nil
}

// rememberQueryMsg tells the root the query the palette closed with.
type rememberQueryMsg struct{ query string }

// close closes the palette (through then: a jump or closeModalCmd) and
// tells the root its query, to offer it again next time.
func (m paletteModel) close(then tea.Cmd) tea.Cmd {
	q := m.input.Value()
	return tea.Batch(func() tea.Msg { return rememberQueryMsg{q} }, then)
}

func (m paletteModel) KeyMap() paletteKeys { return m.keys }

func (m paletteModel) SetTheme(th *Theme) paletteModel {
	m.th = th
	m.input = m.input.SetStyles(th.Query)
	return m.render()
}

func (m paletteModel) SetSize(w, h int) paletteModel {
	m.w, m.h = w, h
	m.off = scrollTo(m.off, m.cursor, m.listHeight(), len(m.results))
	return m.render()
}

func (m paletteModel) listHeight() int { return max(m.h-2, 1) }

func (m paletteModel) Update(msg tea.Msg) (paletteModel, tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.seq != m.seq {
			return m, nil // stale: the query changed since
		}
		m.query = msg.query
		m.results = m.results[:0]
		for _, mt := range msg.matches {
			m.results = append(m.results, presult{item: mt.Item, runes: search.RuneIndexes(m.items[mt.Item].text, mt.MatchedIndexes)})
		}
		m.cursor, m.off = 0, 0
		return m.render(), nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.edit(msg)
	}
	return m, nil
}

func (m paletteModel) key(km tea.KeyPressMsg) (paletteModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(km, k.Close):
		return m, m.close(closeModalCmd)
	case key.Matches(km, k.Jump):
		if m.cursor < len(m.results) && m.input.Value() == m.query {
			it := m.items[m.results[m.cursor].item]
			return m, m.close(jumpCmd(it.ref, it.ref.Kind == "sentence"))
		}
		return m, nil
	}
	lk := listKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
	if c, moved := lk.move(km, m.cursor, len(m.results), m.listHeight()); moved {
		m.cursor = c
		m.off = scrollTo(m.off, c, m.listHeight(), len(m.results))
		return m.render(), nil
	}
	return m.edit(km)
}

// edit passes a message to the input and starts a search if the query
// changed.
func (m paletteModel) edit(msg tea.Msg) (paletteModel, tea.Cmd) {
	var changed bool
	m.input, changed = m.input.Update(msg)
	if !changed {
		return m, nil
	}
	q := m.input.Value()
	m.seq++
	if q == "" {
		m.query, m.results = "", m.results[:0]
		return m.render(), nil
	}
	return m.render(), searchCmd(m.search, m.gate, m.seq, q)
}

// Click goes to the result at line y of the palette's content.
func (m paletteModel) Click(y int) (paletteModel, tea.Cmd) {
	i := m.off + y - 2
	if y < 2 || i >= len(m.results) {
		return m, nil
	}
	m.cursor = i
	it := m.items[m.results[i].item]
	return m.render(), m.close(jumpCmd(it.ref, it.ref.Kind == "sentence"))
}

// Scroll moves the result list by n rows.
func (m paletteModel) Scroll(n int) paletteModel {
	m.off = clamp(m.off+n, 0, max(len(m.results)-m.listHeight(), 0))
	m.cursor = clamp(m.cursor, m.off, max(min(m.off+m.listHeight()-1, len(m.results)-1), 0))
	return m.render()
}

const kindWidth = 8

func (m paletteModel) render() paletteModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	lines := []string{" " + m.input.View(m.w-1)}
	q := m.input.Value()
	var status string
	switch {
	case q == "":
		status = "Type to search; ↑/↓ choose, enter go, esc close."
	case q != m.query:
		status = "searching…"
	case m.input.Selected():
		status = fmt.Sprintf("%s for the last search; type to replace it", plural(len(m.results), "match", "matches"))
	case len(m.results) == 0:
		status = "no matches"
	case len(m.results) == 1:
		status = "1 match"
	default:
		status = fmt.Sprintf("%d matches", len(m.results))
		if len(m.results) == searchLimit {
			status = fmt.Sprintf("first %d matches", searchLimit)
		}
	}
	lines = append(lines, th.dim.on(fit(" "+status, m.w)))
	tw := max(m.w-kindWidth-4, 1)
	for i := m.off; i < len(m.results) && len(lines) < m.h; i++ {
		r := m.results[i]
		it := m.items[r.item]
		text := highlightRunes(it.text, r.runes, tw, th.match)
		badge := fit(kindLabel(it.ref.Kind), kindWidth)
		if i == m.cursor {
			lines = append(lines, th.selected.on("▸ "+badge+" ")+" "+text)
		} else {
			lines = append(lines, "  "+th.kind.on(badge)+"  "+text)
		}
	}
	m.lines = lines
	return m
}

func (m paletteModel) View() []string { return m.lines }

// plural says "1 match" or "3 matches".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
