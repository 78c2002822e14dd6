package edit

import (
	"charm.land/bubbles/v2/key"

	"github.com/brief-cli/brief/tui/jobctl"
	"github.com/brief-cli/brief/tui/widget"
)

// globalKeys work in both panes.
type globalKeys struct {
	Help, Quit, ForceQuit, Pane, Save, Reload, Undo, Redo key.Binding
	// Suspend is listed for help only: tui/jobctl turns the key into a
	// clean suspend before the program sees it.
	Suspend key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Help:      widget.Key("?", "help"),
		Quit:      widget.Key("q", "quit"),
		ForceQuit: widget.Key("ctrl+c", "quit, unsaved lost"),
		Pane:      widget.Key("tab", "outline"),
		Save:      widget.Key("ctrl+s", "save"),
		Reload:    widget.Key("ctrl+l", "reload from disk"),
		Undo:      widget.Key("u", "undo"),
		Redo:      widget.Key("ctrl+r", "redo"),
		Suspend:   widget.Key(jobctl.SuspendKey, "suspend (fg returns)"),
	}
}

func (k globalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Pane, k.Undo, k.Save, k.Quit}
}

func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Help, k.Pane, k.Undo, k.Redo, k.Save, k.Reload, k.Quit, k.ForceQuit, k.Suspend}}
}

// canvasKeys act on the article: the sentence cursor, the selection and
// what is made from it.
type canvasKeys struct {
	Down, Up, ExtendDown, ExtendUp, PageDown, PageUp, NextUncited key.Binding
	Point, Event, Actor, Quote, Clause                            key.Binding
}

func newCanvasKeys() canvasKeys {
	return canvasKeys{
		Down:        widget.Keys("j/↓", "next sentence", "j", "down"),
		Up:          widget.Keys("k/↑", "previous sentence", "k", "up"),
		ExtendDown:  widget.Keys("J/shift+↓", "extend down", "J", "shift+down"),
		ExtendUp:    widget.Keys("K/shift+↑", "extend up", "K", "shift+up"),
		PageDown:    widget.Keys("pgdn", "page down", "pgdown", "space"),
		PageUp:      widget.Key("pgup", "page up"),
		NextUncited: widget.Key("n", "next uncited"),
		Point:       widget.Key("p", "point"),
		Event:       widget.Key("e", "event"),
		Actor:       widget.Key("a", "actor"),
		Quote:       widget.Key("c", "cite in point"),
		Clause:      widget.Key("x", "cut to a clause"),
	}
}

func (k canvasKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Point, k.Event, k.Actor, k.Quote, k.NextUncited, k.ExtendDown}
}

// Footer lists the keys for the footer, the most needed first; pane, save,
// undo and quit are the global ones, placed among them.
func (k canvasKeys) Footer(pane, save, undo, quit key.Binding) []key.Binding {
	return []key.Binding{k.Point, k.Event, pane, k.Quote, save, undo, k.Actor, k.NextUncited, k.ExtendDown, k.Clause, quit}
}

func (k canvasKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Down, k.Up, k.ExtendDown, k.ExtendUp, k.PageDown, k.PageUp, k.NextUncited}, {k.Clause, k.Point, k.Event, k.Actor, k.Quote}}
}

// outlineKeys act on the outline's current row.
type outlineKeys struct {
	Down, Up, Rename, MoveUp, MoveDown, MoveTo, Merge, Split, Delete, NewTheme, Reviewed, Show key.Binding
	Field, Kind, Subject                                                                       key.Binding
	PageDown, PageUp, Top, Bottom                                                              key.Binding
}

func newOutlineKeys() outlineKeys {
	return outlineKeys{
		Down:     widget.Keys("j/↓", "down", "j", "down"),
		Up:       widget.Keys("k/↑", "up", "k", "up"),
		Rename:   widget.Key("r", "rename"),
		MoveUp:   widget.Keys("K/shift+↑", "move up", "K", "shift+up"),
		MoveDown: widget.Keys("J/shift+↓", "move down", "J", "shift+down"),
		MoveTo:   widget.Key("m", "move to theme"),
		Merge:    widget.Key("M", "merge next in"),
		Split:    widget.Key("S", "split"),
		Delete:   widget.Key("d", "delete"),
		NewTheme: widget.Key("t", "new theme"),
		Reviewed: widget.Key("v", "mark reviewed"),
		Show:     widget.Key("enter", "show in article"),
		Field:    widget.Key("f", "stance, date or aliases"),
		Kind:     widget.Key("F", "an actor's kind"),
		Subject:  widget.Key("b", "the briefing's subject"),
		PageDown: widget.Keys("pgdn", "page down", "pgdown", "space"),
		PageUp:   widget.Key("pgup", "page up"),
		Top:      widget.Keys("home/g", "first row", "home", "g"),
		Bottom:   widget.Keys("end/G", "last row", "end", "G"),
	}
}

func (k outlineKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Rename, k.MoveDown, k.MoveTo, k.Merge, k.Delete, k.NewTheme, k.Reviewed}
}

// Footer lists the keys for the footer, the most needed first.
func (k outlineKeys) Footer(pane, save, undo key.Binding) []key.Binding {
	return []key.Binding{k.Rename, k.Delete, pane, k.Reviewed, save, undo, k.MoveDown, k.MoveTo, k.Merge, k.Split, k.NewTheme, k.Field, k.Show}
}

func (k outlineKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}, {k.Show, k.Rename, k.NewTheme, k.Delete}, {k.MoveUp, k.MoveDown, k.MoveTo, k.Merge, k.Split, k.Reviewed}, {k.Field, k.Kind, k.Subject}}
}

// promptKeys work while a one-line prompt is open.
type promptKeys struct {
	Confirm, Cancel, Next key.Binding
}

func newPromptKeys() promptKeys {
	return promptKeys{
		Confirm: widget.Key("enter", "confirm"),
		Cancel:  widget.Key("esc", "cancel"),
		Next:    widget.Key("tab", "next choice"),
	}
}

func (k promptKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Confirm, k.Next, k.Cancel} }
func (k promptKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// AllBindings lists every binding of edit mode, for the docs and the man
// page to be checked against.
func AllBindings() [][]key.Binding {
	var out [][]key.Binding
	out = append(out, newGlobalKeys().FullHelp()...)
	out = append(out, newCanvasKeys().FullHelp()...)
	out = append(out, newOutlineKeys().FullHelp()...)
	out = append(out, newPromptKeys().FullHelp()...)
	out = append(out, newRecoveryKeys().FullHelp()...)
	return out
}
