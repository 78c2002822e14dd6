package present

import (
	"charm.land/bubbles/v2/key"

	"github.com/brief-cli/brief/tui/widget"
)

// KeyMap holds the keys of the presenter. They suit a presentation clicker:
// most clickers send PgDn/PgUp (or arrows), b or . for a black screen, and
// F5 or esc, which do nothing harmful here.
type KeyMap struct {
	Next   key.Binding
	Prev   key.Binding
	First  key.Binding
	Last   key.Binding
	Digit  key.Binding
	Black  key.Binding
	White  key.Binding
	Help   key.Binding
	Quit   key.Binding
	Cancel key.Binding
	Force  key.Binding
}

// DefaultKeyMap returns the presenter's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:   widget.Keys("→ space PgDn", "next", "right", "space", "pgdown", "n", "l", "enter", "down", "j"),
		Prev:   widget.Keys("← PgUp backspace", "previous", "left", "pgup", "p", "h", "backspace", "up", "k"),
		First:  widget.Keys("home", "first slide", "home", "g"),
		Last:   widget.Keys("end", "last slide", "end", "G"),
		Digit:  widget.Keys("12 enter", "go to slide 12", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Black:  widget.Keys("b .", "black screen", "b", "."),
		White:  widget.Key("w", "white screen"),
		Help:   widget.Key("?", "keys"),
		Quit:   widget.Keys("q", "quit", "q", "ctrl+c"),
		Cancel: widget.Key("esc", "cancel"),
		Force:  key.NewBinding(key.WithKeys("ctrl+c")),
	}
}

// ShortHelp lists the keys shown in the help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Black, k.Help, k.Quit}
}

// FullHelp lists every key, in columns, for the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last, k.Digit},
		{k.Black, k.White, k.Help, k.Quit},
	}
}
