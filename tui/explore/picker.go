package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/widget"
)

// pickEntry is one choice of a picker: an item to jump to, a line of text,
// and optionally a span of that text (rune offsets) to highlight.
type pickEntry struct {
	kind     string
	text     string
	ref      model.Ref
	toSource bool
	hl       []int // rune indices to highlight
}

type pickerKeys struct {
	Up, Down, PageUp, PageDown, Jump, Close key.Binding
}

func newPickerKeys() pickerKeys {
	l := newListKeys("jump")
	return pickerKeys{
		Up: l.Up, Down: l.Down, PageUp: l.PageUp, PageDown: l.PageDown, Jump: l.Open,
		Close: widget.Key("esc", "close"),
	}
}

func (k pickerKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Jump, k.Close} }
func (k pickerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Jump, k.Close}}
}

// pickerModel lists items to jump to: the points, events and terms citing
// a sentence, or every mention of an actor in context.
type pickerModel struct {
	th      *Theme
	keys    pickerKeys
	title   string
	empty   string
	entries []pickEntry
	cursor  int
	off     int
	w, h    int
	lines   []string
}

func newPicker(th *Theme, title, empty string, entries []pickEntry) pickerModel {
	return pickerModel{th: th, keys: newPickerKeys(), title: title, empty: empty, entries: entries}
}

// citersPicker lists what cites a sentence.
func citersPicker(b *model.Briefing, th *Theme, id string) pickerModel {
	var es []pickEntry
	for _, r := range b.CitedBy(id) {
		es = append(es, pickEntry{kind: kindLabel(r.Kind), text: title(b, r), ref: r})
	}
	text := ""
	if s := b.Sentence(id); s != nil {
		text = s.Text
	}
	return newPicker(th, "Citing "+id+": "+text, "Nothing in the briefing cites this sentence.", es)
}

// mentionsPicker lists every mention of an actor with its sentence.
func mentionsPicker(b *model.Briefing, th *Theme, id string) pickerModel {
	a := b.Actor(id)
	if a == nil {
		return newPicker(th, "Mentions", "No such actor.", nil)
	}
	var es []pickEntry
	for _, mn := range a.Mentions {
		s := b.Sentence(mn.Sentence)
		if s == nil {
			continue
		}
		start := len([]rune(s.Text[:mn.Start]))
		n := len([]rune(mn.Text))
		hl := make([]int, n)
		for i := range hl {
			hl[i] = start + i
		}
		es = append(es, pickEntry{kind: s.ID, text: s.Text, ref: model.Ref{Kind: model.KindSentence, ID: s.ID}, toSource: true, hl: hl})
	}
	return newPicker(th, "Mentions of "+a.Name, a.Name+" is not named in the article.", es)
}

func (m pickerModel) KeyMap() pickerKeys { return m.keys }

func (m pickerModel) SetTheme(th *Theme) pickerModel { m.th = th; return m.render() }

func (m pickerModel) SetSize(w, h int) pickerModel {
	m.w, m.h = w, h
	m.off = scrollTo(m.off, m.cursor, m.listHeight(), len(m.entries))
	return m.render()
}

func (m pickerModel) listHeight() int { return max(m.h-2, 1) }

func (m pickerModel) Update(msg tea.Msg) (pickerModel, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Close):
		return m, closeModalCmd
	case key.Matches(km, k.Jump):
		if m.cursor < len(m.entries) {
			e := m.entries[m.cursor]
			return m, jumpCmd(e.ref, e.toSource)
		}
		return m, closeModalCmd
	}
	lk := listKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown}
	if c, moved := lk.move(km, m.cursor, len(m.entries), m.listHeight()); moved {
		m.cursor = c
		m.off = scrollTo(m.off, c, m.listHeight(), len(m.entries))
		return m.render(), nil
	}
	return m, nil
}

// Click chooses the entry at line y of the picker's content.
func (m pickerModel) Click(y int) (pickerModel, tea.Cmd) {
	i := m.off + y - 2
	if y < 2 || i >= len(m.entries) {
		return m, nil
	}
	m.cursor = i
	e := m.entries[i]
	return m.render(), jumpCmd(e.ref, e.toSource)
}

func (m pickerModel) render() pickerModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	lines := []string{th.heading.on(fit(m.title, m.w)), spaces(m.w)}
	if len(m.entries) == 0 {
		lines = append(lines, th.dim.on(fit(m.empty, m.w)))
	}
	kw := 0
	for _, e := range m.entries {
		kw = max(kw, len(e.kind))
	}
	tw := max(m.w-kw-4, 1)
	for i := m.off; i < len(m.entries) && len(lines) < m.h; i++ {
		e := m.entries[i]
		mark := "  "
		if i == m.cursor {
			mark = "▸ "
		}
		text := highlightRunes(e.text, e.hl, tw, th.match)
		line := mark + th.kind.on(fit(e.kind, kw)) + "  " + text
		if i == m.cursor {
			line = th.selected.on(mark+fit(e.kind, kw)+"  ") + text
		}
		lines = append(lines, line)
	}
	m.lines = lines
	return m
}

func (m pickerModel) View() []string { return m.lines }
