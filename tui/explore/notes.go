package explore

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/store"
	"github.com/brief-cli/brief/tui/widget"
)

// noteLinesShown is how many lines of each note the Notes view shows.
const noteLinesShown = 3

type notesKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Jump, Edit, Close key.Binding
}

func newNotesKeys() notesKeys {
	l := newListKeys("go to the item")
	return notesKeys{
		Up: l.Up, Down: l.Down, PageUp: l.PageUp, PageDown: l.PageDown, Top: l.Top, Bottom: l.Bottom, Jump: l.Open,
		Edit:  widget.Key("n", "edit the note"),
		Close: widget.Keys("esc", "close", "esc", "N"),
	}
}

func (k notesKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Jump, k.Edit, k.Close}
}
func (k notesKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Jump, k.Edit, k.Close}}
}

// openNotesMsg asks the root to open the Notes view.
type openNotesMsg struct{}

func openNotesCmd() tea.Msg { return openNotesMsg{} }

// editNoteMsg asks the root to open the note editor on an item.
type editNoteMsg struct{ ref model.Ref }

func editNoteCmd(r model.Ref) tea.Cmd { return func() tea.Msg { return editNoteMsg{r} } }

// notesEntry is one row of the Notes view.
type notesEntry struct {
	store.Entry
	orphan  bool
	unsaved bool // a note whose save failed: its text waits in a recovery file
}

// notesModel is the Notes view: every bookmark and note of the briefing
// in reading order, then the orphaned ones (on items a later version of
// the briefing no longer has), each with its item and the first lines of
// the note. Notes whose save failed, kept in recovery files, come first:
// n opens one to save it. Enter goes to the item.
type notesModel struct {
	th      *Theme
	keys    notesKeys
	b       *model.Briefing
	study   *studySnap
	entries []notesEntry
	cursor  int
	off     int // first line shown
	w, h    int
	all     []string // every line, before scrolling
	owner   []int    // the entry of each line of all
	lines   []string
}

func newNotes(th *Theme) notesModel { return notesModel{th: th, keys: newNotesKeys()} }

func (m notesModel) KeyMap() notesKeys { return m.keys }

func (m notesModel) SetTheme(th *Theme) notesModel { m.th = th; return m.build() }

// SetEntries fills the view from a snapshot, keeping the cursor on the same
// item where it can.
func (m notesModel) SetEntries(b *model.Briefing, snap *studySnap) notesModel {
	var cur model.Ref
	if m.cursor < len(m.entries) {
		cur = m.entries[m.cursor].Ref
	}
	m.b, m.study = b, snap
	m.entries = m.entries[:0:0]
	if snap != nil {
		for _, e := range snap.unsaved {
			m.entries = append(m.entries, notesEntry{Entry: e, unsaved: true})
		}
		for _, e := range snap.entries {
			m.entries = append(m.entries, notesEntry{Entry: e})
		}
		for _, e := range snap.orphans {
			m.entries = append(m.entries, notesEntry{Entry: e, orphan: true})
		}
	}
	m.cursor = 0
	for i, e := range m.entries {
		if e.Ref == cur && m.cursor == 0 {
			m.cursor = i
		}
	}
	return m.build()
}

func (m notesModel) SetSize(w, h int) notesModel {
	m.w, m.h = w, h
	return m.build()
}

// Selected is the entry under the cursor.
func (m notesModel) Selected() (notesEntry, bool) {
	if m.cursor < len(m.entries) {
		return m.entries[m.cursor], true
	}
	return notesEntry{}, false
}

func (m notesModel) listHeight() int { return max(m.h-2, 1) }

func (m notesModel) Update(msg tea.Msg) (notesModel, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(km, k.Close):
		return m, closeModalCmd
	case key.Matches(km, k.Jump):
		e, ok := m.Selected()
		switch {
		case !ok:
			return m, closeModalCmd
		case e.orphan:
			return m, statusCmd("this item is no longer in the briefing")
		}
		return m, jumpCmd(e.Ref, e.Ref.Kind == model.KindSentence)
	case key.Matches(km, k.Edit):
		if e, ok := m.Selected(); ok && !e.orphan {
			return m, editNoteCmd(e.Ref)
		}
		return m, nil
	}
	lk := listKeys{Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown, Top: k.Top, Bottom: k.Bottom}
	if c, moved := lk.move(km, m.cursor, len(m.entries), max(m.listHeight()/2, 1)); moved {
		m.cursor = c
		m.reveal()
		return m.render(), nil
	}
	return m, nil
}

// Scroll moves the window by n lines.
func (m notesModel) Scroll(n int) notesModel {
	m.off = clamp(m.off+n, 0, max(len(m.all)-m.listHeight(), 0))
	return m.render()
}

// Click chooses the entry at line y of the view's content and goes to it.
func (m notesModel) Click(y int) (notesModel, tea.Cmd) {
	i := m.off + y - 2
	if y < 2 || i >= len(m.owner) {
		return m, nil
	}
	m.cursor = m.owner[i]
	m = m.render()
	if e, ok := m.Selected(); ok && !e.orphan {
		return m, jumpCmd(e.Ref, e.Ref.Kind == model.KindSentence)
	}
	return m, nil
}

// reveal scrolls the entry under the cursor into view.
func (m *notesModel) reveal() {
	first, last := -1, -1
	for i, o := range m.owner {
		if o == m.cursor {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	h := m.listHeight()
	m.off = scrollTo(m.off, last, h, len(m.all))
	m.off = scrollTo(m.off, first, h, len(m.all))
}

// build lays out every entry at the width.
func (m notesModel) build() notesModel {
	m.all, m.owner = m.all[:0:0], m.owner[:0:0]
	if m.w <= 0 {
		return m.render()
	}
	tw := max(m.w-2-markW, 1)
	for i, e := range m.entries {
		label := e.Label
		kind := kindLabel(e.Ref.Kind)
		if e.unsaved {
			kind = "NOT SAVED, note on " + kind
		}
		if e.orphan {
			kind = "orphaned " + kind
			if label == "" {
				label = e.Ref.ID
			}
		} else if m.b != nil {
			label = title(m.b, e.Ref)
		}
		f := markFlags(0)
		if e.unsaved {
			f |= markNote
		}
		if e.Bookmarked {
			f |= markBookmark
		}
		if e.Note != "" {
			f |= markNote
		}
		m.all = append(m.all, markCells(f)+fit(kind+": "+sanitize.Line(label), tw))
		m.owner = append(m.owner, i)
		if e.Note != "" {
			nl := strings.Split(strings.TrimRight(e.Note, "\n"), "\n")
			for j, l := range nl {
				if j == noteLinesShown {
					l = fmt.Sprintf("… (%d more lines)", len(nl)-noteLinesShown)
				}
				m.all = append(m.all, spaces(markW)+m.th.dim.on(fit("  "+sanitize.Line(l), tw)))
				m.owner = append(m.owner, i)
				if j == noteLinesShown {
					break
				}
			}
		}
	}
	m.cursor = clamp(m.cursor, 0, max(len(m.entries)-1, 0))
	m.off = clamp(m.off, 0, max(len(m.all)-m.listHeight(), 0))
	m.reveal()
	return m.render()
}

func (m notesModel) render() notesModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	n, o, u := 0, 0, 0
	for _, e := range m.entries {
		switch {
		case e.unsaved:
			u++
		case e.orphan:
			o++
		default:
			n++
		}
	}
	head := fmt.Sprintf("%d bookmarks and notes", n)
	if u > 0 {
		what := "notes"
		if u == 1 {
			what = "note"
		}
		head = fmt.Sprintf("%d %s not saved (kept in recovery files; n opens one to save it), ", u, what) + head
	}
	if o > 0 {
		head += fmt.Sprintf(", %d orphaned (their items are no longer in the briefing)", o)
	}
	lines := []string{th.heading.on(fit(head, m.w)), spaces(m.w)}
	if len(m.entries) == 0 {
		lines = append(lines, th.dim.on(fit("No notes or bookmarks yet: m bookmarks the selected item, n writes a note on it.", m.w)))
	}
	for i := m.off; i < len(m.all) && len(lines) < m.h; i++ {
		l := m.all[i]
		switch {
		case m.owner[i] == m.cursor && (i == 0 || m.owner[i-1] != m.cursor):
			lines = append(lines, th.selected.on("▸ "+l))
		default:
			lines = append(lines, "  "+l)
		}
	}
	m.lines = lines
	return m
}

func (m notesModel) View() []string { return m.lines }
