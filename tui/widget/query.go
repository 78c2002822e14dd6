// Package widget holds the small components that more than one mode of
// brief uses.
package widget

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model/sanitize"
)

// MaxQuery bounds a query: no one types more, and a huge paste must not make
// every keystroke slower.
const MaxQuery = 256

// QueryStyles are the looks of a query line.
type QueryStyles struct {
	Prompt   lipgloss.Style
	Text     lipgloss.Style
	Selected lipgloss.Style // a remembered query, which typing replaces
}

// Query is a one-line query: the search palette's and the library
// filter's. It is bubbles' textinput (its cursor movement and word editing:
// ←/→, alt+←/→, ctrl+a/e, ctrl+w, ctrl+u, ctrl+k, delete) with typed and
// pasted text sanitised to one printable line, and a remembered query shown
// selected: typing replaces it, backspace clears it, a movement key keeps
// it for editing.
type Query struct {
	in       textinput.Model
	selected bool
	sel      lipgloss.Style
}

// NewQuery returns an empty, focused query line with a prompt.
func NewQuery(prompt string) Query {
	in := textinput.New()
	in.Prompt = prompt
	in.CharLimit = MaxQuery
	in.KeyMap.AcceptSuggestion.SetEnabled(false)
	in.KeyMap.NextSuggestion.SetEnabled(false)
	in.KeyMap.PrevSuggestion.SetEnabled(false)
	in.KeyMap.Paste.SetEnabled(false) // the terminal's paste arrives as a PasteMsg
	in.Focus()
	return Query{in: in}
}

// Value is the query.
func (q Query) Value() string { return q.in.Value() }

// Selected reports whether the query is a remembered one that typing will
// replace.
func (q Query) Selected() bool { return q.selected && q.in.Value() != "" }

// Recall sets a remembered query, selected.
func (q Query) Recall(s string) Query {
	q.in.SetValue(clean(s))
	q.in.CursorEnd()
	q.selected = s != ""
	return q
}

// SetValue replaces the query, not selected.
func (q Query) SetValue(s string) Query {
	q.in.SetValue(clean(s))
	q.in.CursorEnd()
	q.selected = false
	return q
}

// SetStyles styles the line.
func (q Query) SetStyles(s QueryStyles) Query {
	st := textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
	st.Focused.Prompt, st.Blurred.Prompt = s.Prompt, s.Prompt
	st.Focused.Text, st.Blurred.Text = s.Text, s.Text
	st.Focused.Placeholder, st.Blurred.Placeholder = s.Text, s.Text
	q.in.SetStyles(st)
	q.in.SetVirtualCursor(true)
	q.sel = s.Selected
	return q
}

func clean(s string) string {
	s = sanitize.Line(s)
	if r := []rune(s); len(r) > MaxQuery {
		s = string(r[:MaxQuery])
	}
	return s
}

// Update applies a key or a paste and reports whether the value changed.
// Keys that do not edit (enter, esc, arrows up and down) are left to the
// caller, which sees them first.
func (q Query) Update(msg tea.Msg) (Query, bool) {
	before := q.in.Value()
	switch m := msg.(type) {
	case tea.PasteMsg:
		t := clean(m.Content)
		if t == "" {
			return q, false
		}
		if q.selected {
			q.in.SetValue("")
			q.selected = false
		}
		q.in, _ = q.in.Update(tea.PasteMsg{Content: t})
	case tea.KeyPressMsg:
		if q.selected {
			switch {
			case m.Text != "" && m.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
				q.in.SetValue("")
			case m.String() == "backspace" || m.String() == "ctrl+h":
				q.in.SetValue("")
				q.selected = false
				return q, before != ""
			}
			q.selected = false
		}
		if m.Text != "" && m.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			t := clean(m.Text)
			if t == "" {
				return q, q.in.Value() != before
			}
			m = tea.KeyPressMsg{Code: m.Code, Text: t}
		}
		q.in, _ = q.in.Update(m)
	default:
		return q, false
	}
	return q, q.in.Value() != before
}

// View draws the prompt, the query and the cursor in exactly w cells.
func (q Query) View(w int) string {
	if w <= 0 {
		return ""
	}
	q.in.SetWidth(max(w-ansi.StringWidth(q.in.Prompt)-1, 1))
	var s string
	if q.Selected() {
		s = q.in.Styles().Focused.Prompt.Render(q.in.Prompt) + q.sel.Render(q.in.Value())
	} else {
		s = q.in.View()
	}
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	} else if n > w {
		s = ansi.Truncate(s, w, "")
	}
	return s
}
