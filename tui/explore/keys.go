package explore

import (
	"charm.land/bubbles/v2/key"

	"github.com/brief-cli/brief/tui/jobctl"
	"github.com/brief-cli/brief/tui/widget"
)

// globalKeys are handled by the root before the focused component sees a
// key.
type globalKeys struct {
	Quit, ForceQuit, Help, Search           key.Binding
	Outline, Timeline, Actors, Glossary     key.Binding
	Source, NextPane, PrevPane, Back, Theme key.Binding
	Bookmark, Note, Notes                   key.Binding
	Edit                                    key.Binding
	// Suspend is listed for help only: tui/jobctl turns the key into a
	// clean suspend before the program sees it.
	Suspend key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      widget.Key("q", "quit"),
		ForceQuit: widget.Key("ctrl+c", "quit at once"),
		Help:      widget.Key("?", "help"),
		Search:    widget.Key("/", "search"),
		Outline:   widget.Key("o", "outline"),
		Timeline:  widget.Key("t", "timeline"),
		Actors:    widget.Key("a", "actors"),
		Glossary:  widget.Key("g", "glossary"),
		Source:    widget.Key("s", "show in source"),
		NextPane:  widget.Key("tab", "next pane"),
		PrevPane:  widget.Key("shift+tab", "previous pane"),
		Back:      widget.Key("esc", "back"),
		Theme:     widget.Key("T", "light/dark"),
		Bookmark:  widget.Key("m", "bookmark"),
		Note:      widget.Key("n", "note"),
		Notes:     widget.Key("N", "notes and bookmarks"),
		Edit:      widget.Key("E", "edit the briefing (brief edit)"),
		Suspend:   widget.Key(jobctl.SuspendKey, "suspend (fg returns)"),
	}
}

// setStudy enables the keys of the study state (bookmark, note, the Notes
// view) when there is one; without, they vanish from help.
func (k *globalKeys) setStudy(on bool) {
	k.Bookmark.SetEnabled(on)
	k.Note.SetEnabled(on)
	k.Notes.SetEnabled(on)
}

// ShortHelp is what the footer shows.
func (k globalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Search, k.NextPane, k.Source, k.Note, k.Bookmark, k.Timeline, k.Actors, k.Glossary, k.Quit}
}

// FullHelp groups every global binding for the help screen.
func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Help, k.Search, k.Source, k.NextPane, k.PrevPane, k.Back},
		{k.Outline, k.Timeline, k.Actors, k.Glossary, k.Theme, k.Quit, k.ForceQuit, k.Suspend},
		{k.Bookmark, k.Note, k.Notes, k.Edit},
	}
}

func newAxisKeys() axisKeys {
	return axisKeys{
		ZoomIn:  widget.Keys("+", "zoom in on the selection", "+", "="),
		ZoomOut: widget.Keys("-", "zoom out", "-", "_"),
		Left:    widget.Keys("←/h", "earlier on the axis", "left", "h"),
		Right:   widget.Keys("→/l", "later on the axis", "right", "l"),
		Fit:     widget.Key("0", "fit the whole timeline"),
	}
}

// listKeys move a cursor through a list; the lists share them.
type listKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Open key.Binding
}

func newListKeys(open string) listKeys {
	return listKeys{
		Up:       widget.Keys("↑/k", "up", "up", "k"),
		Down:     widget.Keys("↓/j", "down", "down", "j"),
		PageUp:   widget.Keys("pgup", "page up", "pgup", "ctrl+u"),
		PageDown: widget.Keys("pgdn", "page down", "pgdown", "ctrl+d", "space"),
		Top:      widget.Key("home", "first"),
		Bottom:   widget.Key("end", "last"),
		Open:     widget.Keys("enter", open, "enter"),
	}
}

func (k listKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Open} }

func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Open}}
}

// move applies a list key to cursor over n rows with a page of h rows, and
// reports whether the key was one of the movement keys.
func (k listKeys) move(msg fmtStringer, cursor, n, h int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		cursor--
	case key.Matches(msg, k.Down):
		cursor++
	case key.Matches(msg, k.PageUp):
		cursor -= max(h-1, 1)
	case key.Matches(msg, k.PageDown):
		cursor += max(h-1, 1)
	case key.Matches(msg, k.Top):
		cursor = 0
	case key.Matches(msg, k.Bottom):
		cursor = n - 1
	default:
		return cursor, false
	}
	return clamp(cursor, 0, max(n-1, 0)), true
}

type fmtStringer interface{ String() string }
