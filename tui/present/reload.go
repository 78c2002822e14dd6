package present

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/watch"
)

// Live reload: the presenter watches the briefing's file (and the article
// file it names) and lays the deck out again on every save, staying on the
// same slide number (clamped to the new deck). A save that breaks the
// file shows its first error in the status row and keeps the last good
// deck on screen; the next good save clears it.

// fileChangedMsg reports a change to a watched file.
type fileChangedMsg struct{ ev watch.Event }

func waitChangeCmd(ch <-chan watch.Event) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return nil
		}
		return fileChangedMsg{ev}
	}
}

// reloadedMsg carries the briefing read again, or why it could not be.
type reloadedMsg struct {
	seq int
	b   *model.Briefing
	err error
}

func reloadCmd(seq int, file string) tea.Cmd {
	return func() tea.Msg {
		b, err := model.Load(file)
		return reloadedMsg{seq: seq, b: b, err: err}
	}
}

// startWatch watches the briefing's files until ctx ends; nil when there is
// nothing to watch or the watch cannot start (the presentation goes on
// without it).
func startWatch(ctx context.Context, b *model.Briefing) <-chan watch.Event {
	paths := b.DiskFiles()
	if len(paths) == 0 {
		return nil
	}
	ch, err := watch.Files(ctx, paths...)
	if err != nil {
		return nil
	}
	return ch
}

// reload handles the messages of live reload.
func (m Model) reload(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case fileChangedMsg:
		m.reloadSeq++
		return m, tea.Batch(waitChangeCmd(m.changes), reloadCmd(m.reloadSeq, m.file))
	case reloadedMsg:
		if msg.seq <= m.reloaded {
			return m, nil
		}
		m.reloaded = msg.seq
		if msg.err != nil {
			m.banner = model.Summary(msg.err)
			return m, nil
		}
		m.banner = ""
		m.deck = model.BuildDeck(msg.b)
		m.briefing = msg.b.Title
		m = m.relayout()
	}
	return m, nil
}
