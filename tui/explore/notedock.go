package explore

// The note editor is docked: it opens in a panel under the panes, which
// stay on screen with the item and its sentences, instead of taking the
// whole body.

// docker is a modal screen drawn in the docked panel.
type docker interface{ Docked() bool }

func (m noteEditor) Docked() bool { return true }

func (o *modalOf[T]) docked() bool {
	d, ok := any(o.s).(docker)
	return ok && d.Docked()
}

// docked reports whether the open modal is drawn in the docked panel.
func (m Model) docked() bool {
	if o, ok := m.modal.(interface{ docked() bool }); ok {
		return o.docked()
	}
	return false
}

// dockHeight is the height of the docked panel, frame included, on a
// terminal h rows high: room for a few lines of writing, never more than
// about half the screen.
func dockHeight(h int) int {
	return clamp(h*2/5, 8, 16)
}
