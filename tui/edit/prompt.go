package edit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model/sanitize"
)

// ask says what a prompt asks for; the root acts on the answer.
type ask int

const (
	askClaim ask = iota
	askEventTitle
	askEventDate
	askActor
	askRename
	askNewTheme
	askMoveTo
	askField
	askSubject
)

// prompt is the one-line question at the bottom of the screen: a label, a
// text input prefilled with a draft, and choices tab cycles through.
type prompt struct {
	ask     ask
	label   string
	in      textinput.Model
	keys    promptKeys
	choices []string
	ci      int
	err     string
	// What the question is about, carried to the answer.
	sel    []string // the selected sentences
	part   string   // the clause the selection is cut to, if any
	target string   // an item id
	title  string   // an event's title, for its date step
	phrase string   // the date's phrase in the article
	field  string   // the field askField sets
}

// outcome is what a key did to a prompt.
type outcome int

const (
	editing outcome = iota
	confirmed
	cancelled
)

func newPrompt(th *Theme, a ask, label, value string, choices []string) prompt {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(value)
	in.CursorEnd()
	in.Focus()
	st := in.Styles()
	st.Focused.Text = th.Input
	st.Cursor.Blink = false
	in.SetStyles(st)
	return prompt{ask: a, label: label, in: in, keys: newPromptKeys(), choices: choices}
}

func (p prompt) SetWidth(w int) prompt {
	p.in.SetWidth(max(w-sanitize.Width(p.label)-3, 5))
	// The input scrolls its text only when the value or cursor is set.
	pos := p.in.Position()
	p.in.SetValue(p.in.Value())
	p.in.SetCursor(pos)
	return p
}

// Update handles a key. Confirming or cancelling is reported at once, not
// by a message, so that keys typed right after enter never reach a prompt
// that is already answered.
func (p prompt) Update(msg tea.Msg) (prompt, outcome, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.Confirm):
			return p, confirmed, nil
		case key.Matches(k, p.keys.Cancel):
			return p, cancelled, nil
		case key.Matches(k, p.keys.Next) && len(p.choices) > 0:
			p.ci = (p.ci + 1) % len(p.choices)
			p.in.SetValue(p.choices[p.ci])
			p.in.CursorEnd()
			return p, editing, nil
		}
	}
	var cmd tea.Cmd
	p.in, cmd = p.in.Update(msg)
	p.err = ""
	return p, editing, cmd
}

// Value is the answer typed, trimmed.
func (p prompt) Value() string { return strings.TrimSpace(p.in.Value()) }

func (p prompt) View(th *Theme, w int) string {
	// The root shows p.err above; the input stays, to be fixed.
	return th.key.On(sanitize.Truncate(sanitize.Line(p.label)+":", max(w-6, 1), "…")) + " " + p.in.View()
}
