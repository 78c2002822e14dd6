package library

import (
	"charm.land/bubbles/v2/key"

	"github.com/brief-cli/brief/tui/widget"
)

// KeyMap holds the keys of the library. Typing any other character starts
// the filter, so the picker has no single-letter moves.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	Open, Filter, Clear, Help, Quit       key.Binding
}

// DefaultKeyMap returns the library's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       widget.Keys("↑", "previous", "up", "ctrl+p"),
		Down:     widget.Keys("↓", "next", "down", "ctrl+n"),
		PageUp:   widget.Key("pgup", "page up"),
		PageDown: widget.Keys("pgdn", "page down", "pgdown"),
		Home:     widget.Key("home", "first"),
		End:      widget.Key("end", "last"),
		Open:     widget.Key("enter", "open"),
		Filter:   widget.Key("/", "filter (or just type)"),
		Clear:    widget.Key("esc", "clear filter"),
		Help:     widget.Key("?", "more keys"),
		Quit:     widget.Key("q", "quit"),
	}
}

// ShortHelp is the footer's line of keys; up and down share an entry.
func (k KeyMap) ShortHelp() []key.Binding {
	move := key.NewBinding(key.WithKeys(append(k.Up.Keys(), k.Down.Keys()...)...), key.WithHelp("↑/↓", "move"))
	move.SetEnabled(k.Up.Enabled())
	filter := key.NewBinding(key.WithKeys(k.Filter.Keys()...), key.WithHelp(k.Filter.Help().Key, "filter"))
	filter.SetEnabled(k.Filter.Enabled())
	return []key.Binding{move, k.Open, filter, k.Clear, k.Help, k.Quit}
}

// FullHelp is every key, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, {k.Open, k.Filter, k.Clear, k.Help, k.Quit}}
}
