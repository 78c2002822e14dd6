package explore

import (
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// jumpMsg asks the root to go to an item: select it in its navigator, show
// it in the detail pane and its sentences in the source. A sentence ref
// puts the source cursor on it.
type jumpMsg struct {
	ref model.Ref
	// toSource moves the focus to the source pane after the jump.
	toSource bool
}

func jumpCmd(r model.Ref, toSource bool) tea.Cmd {
	return func() tea.Msg { return jumpMsg{ref: r, toSource: toSource} }
}

// openNavMsg asks the root to show a navigator (the Timeline row of the
// outline opens the timeline view).
type openNavMsg struct{ nav navKind }

func openNavCmd(n navKind) tea.Cmd { return func() tea.Msg { return openNavMsg{n} } }

// citersMsg asks the root to list the items citing a sentence.
type citersMsg struct{ sentence string }

func citersCmd(id string) tea.Cmd { return func() tea.Msg { return citersMsg{id} } }

// mentionsMsg asks the root to list every mention of an actor.
type mentionsMsg struct{ actor string }

func mentionsCmd(id string) tea.Cmd { return func() tea.Msg { return mentionsMsg{id} } }

// closeModalMsg closes the palette, a picker or the help screen.
type closeModalMsg struct{}

func closeModalCmd() tea.Msg { return closeModalMsg{} }
