package explore

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
)

// noteLimit bounds a note, in characters: a page of writing is plenty.
const noteLimit = 20000

type noteKeys struct {
	Save, Close, Discard, Keep key.Binding
}

func newNoteKeys() noteKeys {
	return noteKeys{
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save and close")),
		Close:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close without saving")),
		Discard: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "discard the changes")),
		Keep:    key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "keep writing")),
	}
}

func (k noteKeys) ShortHelp() []key.Binding { return []key.Binding{k.Save, k.Close, k.Discard, k.Keep} }
func (k noteKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Save, k.Close, k.Discard, k.Keep}}
}

// saveNoteMsg asks the root to save a note and close the editor.
type saveNoteMsg struct {
	ref  model.Ref
	text string
}

func saveNoteRequestCmd(r model.Ref, text string) tea.Cmd {
	return func() tea.Msg { return saveNoteMsg{ref: r, text: text} }
}

// noteEditor is the note editor: a multi-line text area on one item.
// ctrl+s saves and closes; esc closes, first asking "discard changes? y/n"
// when the text differs from the saved note. An empty note deletes it.
type noteEditor struct {
	th    *Theme
	keys  noteKeys
	ref   model.Ref
	title string
	orig  string
	// ta is the text area, behind a pointer because it is large: every
	// change makes a new one (copy on write), never touching a shared one.
	ta      *textarea.Model
	confirm bool
	w, h    int
	lines   []string
}

func newNoteEditor(th *Theme, r model.Ref, title, text string) noteEditor {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = " │ "
	ta.Placeholder = "Write a note. ctrl+s saves, esc closes."
	ta.CharLimit = noteLimit
	ta.MaxHeight = 0
	ta.MaxWidth = 0
	ta.SetStyles(th.Note)
	ta.SetValue(text)
	ta.Focus()
	m := noteEditor{th: th, keys: newNoteKeys(), ref: r, title: title, orig: text, ta: &ta}
	m.setKeys()
	return m
}

// setKeys enables the bindings that apply now, so help and the footer show
// only those.
func (m *noteEditor) setKeys() {
	m.keys.Save.SetEnabled(!m.confirm)
	m.keys.Close.SetEnabled(!m.confirm)
	m.keys.Discard.SetEnabled(m.confirm)
	m.keys.Keep.SetEnabled(m.confirm)
}

func (m noteEditor) KeyMap() noteKeys { return m.keys }

// Dirty reports whether the text differs from the saved note.
func (m noteEditor) Dirty() bool { return m.ta != nil && m.ta.Value() != m.orig }

// Value is the text being written.
func (m noteEditor) Value() string {
	if m.ta == nil {
		return ""
	}
	return m.ta.Value()
}

// edit applies fn to a copy of the text area.
func (m noteEditor) edit(fn func(ta *textarea.Model)) noteEditor {
	ta := *m.ta
	fn(&ta)
	m.ta = &ta
	return m
}

func (m noteEditor) SetTheme(th *Theme) noteEditor {
	m.th = th
	if m.ta == nil {
		return m
	}
	return m.edit(func(ta *textarea.Model) { ta.SetStyles(th.Note) }).render()
}

// SetSize gives the editor its content size: a title line, the text area
// and a line of keys.
func (m noteEditor) SetSize(w, h int) noteEditor {
	m.w, m.h = w, h
	if m.ta == nil {
		return m
	}
	return m.edit(func(ta *textarea.Model) {
		ta.SetWidth(max(w, 4))
		ta.SetHeight(max(h-3, 1))
	}).render()
}

func (m noteEditor) Update(msg tea.Msg) (noteEditor, tea.Cmd) {
	if m.ta == nil {
		return m, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if _, paste := msg.(tea.PasteMsg); paste && !m.confirm {
			return m.taUpdate(msg)
		}
		return m, nil
	}
	k := m.keys
	if m.confirm {
		m.confirm = false
		m.setKeys()
		if key.Matches(km, k.Discard) {
			return m, closeModalCmd
		}
		return m.render(), nil
	}
	switch {
	case key.Matches(km, k.Save):
		return m, saveNoteRequestCmd(m.ref, m.ta.Value())
	case key.Matches(km, k.Close):
		if !m.Dirty() {
			return m, closeModalCmd
		}
		m.confirm = true
		m.setKeys()
		return m.render(), nil
	}
	return m.taUpdate(km)
}

func (m noteEditor) taUpdate(msg tea.Msg) (noteEditor, tea.Cmd) {
	ta, cmd := m.ta.Update(msg)
	m.ta = &ta
	return m.render(), cmd
}

func (m noteEditor) render() noteEditor {
	if m.w <= 0 || m.h <= 0 || m.ta == nil {
		m.lines = nil
		return m
	}
	th := m.th
	lines := make([]string, 0, m.h)
	lines = append(lines, th.heading.on(fit(m.title, m.w)), spaces(m.w))
	for _, l := range strings.Split(m.ta.View(), "\n") {
		if len(lines) >= m.h-1 {
			break
		}
		lw := ansiWidth(l)
		if lw > m.w {
			l, lw = ansi.Truncate(l, m.w, ""), m.w
		}
		lines = append(lines, l+spaces(m.w-lw))
	}
	for len(lines) < m.h-1 {
		lines = append(lines, spaces(m.w))
	}
	if m.confirm {
		lines = append(lines, th.banner.on(fit(" discard changes? y/n", m.w)))
	} else {
		hint := "ctrl+s save and close · esc close"
		if m.Dirty() {
			hint += " · unsaved changes"
		}
		lines = append(lines, th.dim.on(fit(hint, m.w)))
	}
	m.lines = lines[:min(len(lines), m.h)]
	return m
}

func (m noteEditor) View() []string { return m.lines }
