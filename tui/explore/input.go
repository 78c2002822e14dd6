package explore

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model/sanitize"
)

// queryInput is the one-line query of the search palette: typing appends,
// backspace deletes a character, ctrl+w a word, ctrl+u everything. Pasted
// text is sanitised to a single line.
type queryInput struct {
	value []rune
}

// maxQuery bounds the query: no one types more, and a huge paste must not
// make every keystroke slower.
const maxQuery = 256

func (q queryInput) capped() queryInput {
	if len(q.value) > maxQuery {
		q.value = q.value[:maxQuery]
	}
	return q
}

func (q queryInput) Value() string { return string(q.value) }

// Update applies a key or paste and reports whether the value changed.
func (q queryInput) Update(msg tea.Msg) (queryInput, bool) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		t := sanitize.Line(msg.Content)
		if t == "" {
			return q, false
		}
		if len(q.value) >= maxQuery {
			return q, false
		}
		q.value = append(q.value, []rune(t)...)
		return q.capped(), true
	case tea.KeyPressMsg:
		return q.key(msg)
	}
	return q, false
}

func (q queryInput) key(k tea.KeyPressMsg) (queryInput, bool) {
	n := len(q.value)
	switch k.String() {
	case "backspace", "ctrl+h":
		if n == 0 {
			return q, false
		}
		q.value = q.value[:n-1]
		return q, true
	case "ctrl+w", "alt+backspace":
		i := n
		for i > 0 && q.value[i-1] == ' ' {
			i--
		}
		for i > 0 && q.value[i-1] != ' ' {
			i--
		}
		q.value = q.value[:i]
		return q, i != n
	case "ctrl+u":
		q.value = q.value[:0]
		return q, n > 0
	}
	if k.Text == "" || k.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
		return q, false
	}
	if n >= maxQuery {
		return q, false
	}
	t := sanitize.Line(k.Text)
	q.value = append(q.value, []rune(t)...)
	return q.capped(), true
}

// View draws the prompt, the query (its end when too long) and a block
// cursor in exactly w cells.
func (q queryInput) View(th *Theme, w int) string {
	prompt := th.keyText.on("/ ")
	room := w - 3 // prompt and cursor
	v := string(q.value)
	if room <= 0 {
		return fit("", w)
	}
	for sanitize.Width(v) > room {
		_, size := firstRune(v)
		v = v[size:]
	}
	var b strings.Builder
	b.WriteString(prompt)
	b.WriteString(v)
	b.WriteString(th.cursor.on(" "))
	b.WriteString(spaces(room - sanitize.Width(v)))
	return b.String()
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}
