package explore

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

func seed(tb testing.TB) *model.Briefing {
	tb.Helper()
	b, err := seeds.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// sized returns explore mode on the seed at w x h.
func sized(tb testing.TB, w, h int, theme string, noColor bool) Model {
	tb.Helper()
	m := New(seed(tb), config{theme: theme, noColor: noColor})
	return step(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// keyMsg makes the key press tea would deliver for a key name.
func keyMsg(s string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"backspace": {Code: tea.KeyBackspace},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"space":     {Code: tea.KeySpace, Text: " "},
	}
	if k, ok := special[s]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// step sends a message and then every message its commands produce, as a
// program would (quit and terminal requests aside).
func step(m Model, msg tea.Msg) Model {
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0 && n < 100; n++ {
		next := queue[0]
		queue = queue[1:]
		res, cmd := m.Update(next)
		m = res.(Model)
		queue = append(queue, runCmd(cmd)...)
	}
	return m
}

func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// press sends keys by name; "type:text" types text one rune at a time.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		if t, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range t {
				m = step(m, keyMsg(string(r)))
			}
			continue
		}
		m = step(m, keyMsg(k))
	}
	return m
}

// plain is the screen without escape sequences.
func plain(m Model) string { return ansi.Strip(m.Render()) }

// checkFits fails unless every line of view fits w cells and there are at
// most h lines.
func checkFits(tb testing.TB, view string, w, h int) {
	tb.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		tb.Errorf("view is %d lines tall, terminal %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			tb.Errorf("line %d is %d cells wide, terminal %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
}

// lineWith returns the index of the first line containing all of subs,
// or -1.
func lineWith(screen string, subs ...string) int {
	for i, l := range strings.Split(screen, "\n") {
		ok := true
		for _, s := range subs {
			ok = ok && strings.Contains(l, s)
		}
		if ok {
			return i
		}
	}
	return -1
}

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// isOpen reports whether the open modal screen is a T.
func isOpen[T screen[T]](m Model) bool {
	_, ok := openScreen[T](m)
	return ok
}

// The open modal screens, for tests that look inside them (zero when
// another is open).
func picker(m Model) pickerModel   { s, _ := openScreen[pickerModel](m); return s }
func palette(m Model) paletteModel { s, _ := openScreen[paletteModel](m); return s }
func editor(m Model) noteEditor    { s, _ := openScreen[noteEditor](m); return s }
