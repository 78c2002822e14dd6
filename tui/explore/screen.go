package explore

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is what every pane and modal view of explore mode is: a value
// that takes messages, draws its lines, takes a size and a theme, and names
// its keys and its title. Each lives in its own file with its own keys.
type screen[T any] interface {
	Update(tea.Msg) (T, tea.Cmd)
	View() []string
	SetSize(w, h int) T
	SetTheme(*Theme) T
	Help() help.KeyMap
	Title() string
}

// modal is a screen that takes over the body: the search palette, the help
// screen, a picker, the note editor, the Notes view, the timeline legend.
// The root holds the open one as one value (nil when none is open), so a
// new modal view is one new file that makes a screen and opens it with
// openModal; nothing in the root switches on which one is open.
type modal interface {
	update(tea.Msg) (modal, tea.Cmd)
	view() []string
	setSize(w, h int) modal
	setTheme(*Theme) modal
	help() help.KeyMap
	title() string
	// scroll moves the view by n rows (the mouse wheel); click handles a
	// click on row y inside the frame.
	scroll(n int) modal
	click(y int) (modal, tea.Cmd)
	// reloaded is the modal to show after the briefing was read again: the
	// same (the note editor keeps what is being written), rebuilt from the
	// new version, or nil to close it.
	reloaded(m *Model) modal
}

// scroller and clicker are the optional mouse abilities of a screen.
type (
	scroller[T any] interface{ Scroll(n int) T }
	clicker[T any]  interface {
		Click(y int) (T, tea.Cmd)
	}
	// reloader rebuilds a screen for a new version of the briefing; a
	// screen without it is closed by a reload.
	reloader[T any] interface{ Reloaded(m *Model) (T, bool) }
)

// modalOf makes a modal of any screen. It is held by pointer and never
// changed in place (each change makes a new one), as the screens are
// values: pointer methods spare the per-type copies of the value methods'
// pointer wrappers, tens of kilobytes of the binary over all the screens.
type modalOf[T screen[T]] struct{ s T }

func asModal[T screen[T]](s T) modal { return &modalOf[T]{s} }

func (o *modalOf[T]) update(msg tea.Msg) (modal, tea.Cmd) {
	s, cmd := o.s.Update(msg)
	return &modalOf[T]{s}, cmd
}

func (o *modalOf[T]) view() []string           { return o.s.View() }
func (o *modalOf[T]) setSize(w, h int) modal   { return &modalOf[T]{o.s.SetSize(w, h)} }
func (o *modalOf[T]) setTheme(th *Theme) modal { return &modalOf[T]{o.s.SetTheme(th)} }
func (o *modalOf[T]) help() help.KeyMap        { return o.s.Help() }
func (o *modalOf[T]) title() string            { return o.s.Title() }

func (o *modalOf[T]) scroll(n int) modal {
	if s, ok := any(o.s).(scroller[T]); ok {
		return &modalOf[T]{s.Scroll(n)}
	}
	return o
}

func (o *modalOf[T]) click(y int) (modal, tea.Cmd) {
	if s, ok := any(o.s).(clicker[T]); ok {
		n, cmd := s.Click(y)
		return &modalOf[T]{n}, cmd
	}
	return o, nil
}

func (o *modalOf[T]) reloaded(m *Model) modal {
	if s, ok := any(o.s).(reloader[T]); ok {
		if n, keep := s.Reloaded(m); keep {
			return &modalOf[T]{n}
		}
	}
	return nil
}

// openScreen returns the modal screen of type T that is open, if one is.
func openScreen[T screen[T]](m Model) (T, bool) {
	o, ok := m.modal.(*modalOf[T])
	if !ok {
		var none T
		return none, false
	}
	return o.s, true
}

// The screens' titles and key maps as the screen interface names them.

func (m paletteModel) Title() string     { return "Search" }
func (m paletteModel) Help() help.KeyMap { return m.keys }
func (m helpModel) Title() string        { return "Keys" }
func (m helpModel) Help() help.KeyMap    { return m.keys }
func (m pickerModel) Title() string      { return "Jump to" }
func (m pickerModel) Help() help.KeyMap  { return m.keys }
func (m noteEditor) Title() string       { return "Note" }
func (m noteEditor) Help() help.KeyMap   { return m.keys }
func (m notesModel) Title() string       { return "Notes and bookmarks" }
func (m notesModel) Help() help.KeyMap   { return m.keys }

// A click anywhere closes the help screen.
func (m helpModel) Click(int) (helpModel, tea.Cmd) { return m, closeModalCmd }

// The note editor takes keys only: a stray click loses nothing. After a
// reload it stays open with what is being written.
func (m noteEditor) Reloaded(*Model) (noteEditor, bool) { return m, true }

// The Notes view and the help screen are built again from the new version.
func (m notesModel) Reloaded(r *Model) (notesModel, bool) {
	return m.SetEntries(r.b, r.snap), r.st != nil
}

func (m helpModel) Reloaded(r *Model) (helpModel, bool) { return r.helpScreen(), true }

// Panes are screens too; the root holds them by type, since it asks each
// for what only it knows (the selection, the scroll position).
var (
	_ screen[paletteModel] = paletteModel{}
	_ screen[helpModel]    = helpModel{}
	_ screen[pickerModel]  = pickerModel{}
	_ screen[noteEditor]   = noteEditor{}
	_ screen[notesModel]   = notesModel{}
	_ screen[detailModel]  = detailModel{}
	_ screen[sourceModel]  = sourceModel{}
	_ screen[navList]      = navList{}
)

func (m detailModel) Title() string     { return "Detail" }
func (m detailModel) Help() help.KeyMap { return m.keys }
func (m sourceModel) Title() string     { return "Source" }
func (m sourceModel) Help() help.KeyMap { return m.keys }
func (m navList) Title() string         { return m.spec.name }
func (m navList) Help() help.KeyMap     { return m.keys }

// opener is a modal screen that a key of its own opens. A modal file adds
// its opener in an init function, so a new modal view needs no edit
// elsewhere: the root matches the key, and the help screen lists it.
type opener struct {
	key key.Binding
	// when says whether the key applies now (nil: always); a key that
	// does not apply is left to the focused pane and hidden from help.
	when func(m *Model) bool
	open func(m *Model) modal
}

// openers are the modal screens opened by keys of their own.
var openers []opener

// opening returns the modal a key opens now, if any.
func (m *Model) opening(k tea.KeyPressMsg) (modal, bool) {
	for _, o := range openers {
		if key.Matches(k, o.key) && (o.when == nil || o.when(m)) {
			return o.open(m), true
		}
	}
	return nil, false
}

// openerKeys are the keys of the openers that apply now, for help.
func (m *Model) openerKeys() []key.Binding {
	var out []key.Binding
	for _, o := range openers {
		if o.when == nil || o.when(m) {
			out = append(out, o.key)
		}
	}
	return out
}
