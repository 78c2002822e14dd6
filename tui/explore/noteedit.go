package explore

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/widget"
)

// noteLimit bounds a note, in characters: a page of writing is plenty.
const noteLimit = 20000

type noteKeys struct {
	Save, Close, Discard, Keep key.Binding
}

func newNoteKeys() noteKeys {
	return noteKeys{
		Save:    widget.Key("ctrl+s", "save and close"),
		Close:   widget.Key("esc", "close without saving"),
		Discard: widget.Keys("y", "discard the changes", "y", "Y"),
		Keep:    widget.Keys("n", "keep writing", "n", "N", "esc"),
	}
}

func (k noteKeys) ShortHelp() []key.Binding { return []key.Binding{k.Save, k.Close, k.Discard, k.Keep} }
func (k noteKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Save, k.Close, k.Discard, k.Keep}}
}

// What the editor asks of the root: save a note (saveNoteMsg), or drop the
// recovery file of one the user discarded (dropRecoveryMsg).

// saveNoteMsg asks the root to save a note; the editor closes once it is
// saved (see noteSavedMsg) and stays open, with the error, if it is not.
type saveNoteMsg struct {
	ref  model.Ref
	text string
}

// dropRecoveryMsg says the user discarded text offered back from a
// recovery file: it is not to be offered again.
type dropRecoveryMsg struct{ ref model.Ref }

func saveNoteRequestCmd(r model.Ref, text string) tea.Cmd {
	return func() tea.Msg { return saveNoteMsg{ref: r, text: text} }
}

// noteEditor is the note editor: a multi-line text area on one item.
// ctrl+s saves and closes; esc closes, first asking "discard changes? y/n"
// when the text differs from the saved note. An empty note deletes it.
//
// Typed text is never lost: a save that fails leaves the editor open with
// the whole error above the text, and ctrl+s tries again. Text kept in a
// recovery file from an earlier failure is offered back when the editor
// opens. When notes are off (the state directory cannot be used) the
// editor says why and takes every key, so that nothing typed after n runs
// as a command.
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
	saving  bool
	problem string // why the last save failed, shown in full
	notice  string // where offered-back text came from
	w, h    int
	lines   []string
}

// newNotesOffEditor is the editor when notes are off: it shows why and
// closes with esc.
func newNotesOffEditor(th *Theme, why string) noteEditor {
	m := noteEditor{th: th, keys: newNoteKeys(), title: "Notes and bookmarks are off", problem: sanitize.Line(why)}
	m.keys.Save.SetEnabled(false)
	m.keys.Discard.SetEnabled(false)
	m.keys.Keep.SetEnabled(false)
	m.keys.Close.SetHelp("esc", "close")
	return m
}

// Off reports whether this is the editor of notes that are off.
func (m noteEditor) Off() bool { return m.ta == nil && m.problem != "" }

// Failed shows why a save failed; the text stays, and ctrl+s tries again.
func (m noteEditor) Failed(problem string) noteEditor {
	// Errors carry paths from the environment: sanitised like any text.
	m.saving, m.problem = false, sanitize.Line(problem)
	m.keys.Save.SetHelp("ctrl+s", "try again")
	return m.render()
}

// Saved tells the editor its text was saved as text; it reports whether
// the editor may close (nothing was typed since).
func (m noteEditor) Saved(text string) (noteEditor, bool) {
	m.saving, m.problem, m.notice, m.orig = false, "", "", text
	m.keys.Save.SetHelp("ctrl+s", "save and close")
	return m.render(), m.Value() == text
}

// Recovered offers back text kept in a recovery file: it replaces the
// saved note in the editor, unsaved until ctrl+s.
func (m noteEditor) Recovered(text, path string) noteEditor {
	if m.ta == nil || m.Dirty() {
		return m
	}
	m.notice = "Unsaved text from an earlier session, kept in " + sanitize.Line(path) + ": ctrl+s saves it, esc then y discards it."
	return m.edit(func(ta *textarea.Model) { ta.SetValue(text) }).render()
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
		return m.render()
	}
	return m.edit(m.sizeArea).render()
}

// messages are the lines above the text: why the last save failed, where
// offered-back text came from.
func (m noteEditor) messages() []string {
	var out []string
	for _, s := range []string{m.problem, m.notice} {
		if s != "" {
			out = append(out, wrap(s, max(m.w-1, 1), " ")...)
		}
	}
	return out
}

// sizeArea gives the text area what the title, the messages and the line
// of keys leave, keeping at least three lines to write in.
func (m noteEditor) sizeArea(ta *textarea.Model) {
	ta.SetWidth(max(m.w, 4))
	ta.SetHeight(max(m.h-3-len(m.messages()), min(3, max(m.h-3, 1)), 1))
}

func (m noteEditor) Update(msg tea.Msg) (noteEditor, tea.Cmd) {
	if m.Off() {
		// Every key is taken; only esc closes.
		if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, m.keys.Close) {
			return m, closeModalCmd
		}
		return m, nil
	}
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
			if m.notice != "" {
				return m, tea.Batch(closeModalCmd, func() tea.Msg { return dropRecoveryMsg{m.ref} })
			}
			return m, closeModalCmd
		}
		return m.render(), nil
	}
	switch {
	case key.Matches(km, k.Save):
		m.saving = true
		return m.render(), saveNoteRequestCmd(m.ref, m.ta.Value())
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
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	if m.ta != nil && m.ta.Height() != max(m.h-3-len(m.messages()), min(3, max(m.h-3, 1)), 1) {
		m = m.edit(m.sizeArea)
	}
	th := m.th
	lines := make([]string, 0, m.h)
	lines = append(lines, th.heading.on(fit(m.title, m.w)), spaces(m.w))
	msgs := m.messages()
	for i, l := range msgs {
		if len(lines) >= m.h-1 {
			break
		}
		p := th.errText
		if m.problem == "" || i >= len(msgs)-len(m.noticeLines()) && m.notice != "" {
			p = th.heading
		}
		lines = append(lines, p.on(fit(l, m.w)))
	}
	if m.ta != nil {
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
	}
	for len(lines) < m.h-1 {
		lines = append(lines, spaces(m.w))
	}
	switch {
	case m.Off():
		lines = append(lines, th.dim.on(fit("esc close · keys typed here do nothing", m.w)))
	case m.confirm:
		lines = append(lines, th.banner.on(fit(" discard changes? y/n", m.w)))
	default:
		hint := "ctrl+s save and close · esc close"
		switch {
		case m.saving:
			hint = "saving…"
		case m.problem != "":
			hint = "ctrl+s try again · esc close"
		}
		if m.Dirty() || m.problem != "" {
			hint += " · unsaved changes"
		}
		lines = append(lines, th.dim.on(fit(hint, m.w)))
	}
	m.lines = lines[:min(len(lines), m.h)]
	return m
}

func (m noteEditor) noticeLines() []string {
	if m.notice == "" {
		return nil
	}
	return wrap(m.notice, max(m.w-1, 1), " ")
}

func (m noteEditor) View() []string { return m.lines }
