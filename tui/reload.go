package tui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/watch"
)

// Live reload: explore mode watches the briefing's file (and the article
// file it names) and reloads it on every save. A save that breaks the file
// shows its first error in a banner under the header while the last good
// version stays on screen; the next good save clears it.

// liveWatch is the running watch of a briefing's files. gen numbers the
// watches, so events of one replaced (after "article:" changed) are
// dropped.
type liveWatch struct {
	gen    int
	events <-chan watch.Event
	cancel context.CancelFunc
	paths  []string
}

// watchStartedMsg reports a watch started by startWatchCmd.
type watchStartedMsg struct {
	w   liveWatch
	err error
}

func startWatchCmd(ctx context.Context, gen int, paths []string) tea.Cmd {
	return func() tea.Msg {
		wctx, cancel := context.WithCancel(ctx)
		ch, err := watch.Files(wctx, paths...)
		if err != nil {
			cancel()
			return watchStartedMsg{err: err}
		}
		return watchStartedMsg{w: liveWatch{gen: gen, events: ch, cancel: cancel, paths: paths}}
	}
}

// fileChangedMsg reports a change to a watched file.
type fileChangedMsg struct {
	gen int
	ev  watch.Event
}

// waitChangeCmd waits for the next change; it ends with the watch.
func waitChangeCmd(gen int, ch <-chan watch.Event) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return nil
		}
		return fileChangedMsg{gen: gen, ev: ev}
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

// handleReload handles the messages of live reload.
func (m Model) handleReload(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case watchStartedMsg:
		if msg.err != nil {
			return m, m.setStatus("live reload is off: "+msg.err.Error(), true)
		}
		if m.live.cancel != nil {
			m.live.cancel()
		}
		m.live = msg.w
		return m, waitChangeCmd(m.live.gen, m.live.events)
	case fileChangedMsg:
		if msg.gen != m.live.gen {
			return m, nil
		}
		m.reloadSeq++
		cmds := []tea.Cmd{waitChangeCmd(m.live.gen, m.live.events), reloadCmd(m.reloadSeq, m.b.File)}
		if msg.ev.Err != nil {
			cmds = append(cmds, m.setStatus("watching for changes: "+msg.ev.Err.Error(), true))
		}
		return m, tea.Batch(cmds...)
	case reloadedMsg:
		if msg.seq <= m.reloaded {
			return m, nil // an older reload, finished late
		}
		m.reloaded = msg.seq
		if msg.err != nil {
			m.banner = model.Summary(msg.err)
			m.relayout()
			return m, nil
		}
		return m.applyReload(msg.b)
	}
	return m, nil
}

// applyReload puts a new version of the briefing on screen, keeping the
// selection (or moving to the first changed item), the navigator, the
// focus, the theme and an open note editor.
func (m Model) applyReload(nb *model.Briefing) (tea.Model, tea.Cmd) {
	old, sel := m.b, m.current
	if sel.Kind != kindSection {
		sel = watch.Reselect(old, nb, sel)
	}
	n := build(nb, m.cfg)
	n.dark = m.dark
	n.setTheme()
	n.w, n.h, n.sized = m.w, m.h, m.sized
	n.nav, n.right = m.nav, m.right
	n.status, n.statusErr, n.statusSeq, n.restSeq = m.status, m.statusErr, m.statusSeq, m.restSeq
	n.warning = m.warning
	n.live, n.reloadSeq, n.reloaded = m.live, m.reloadSeq, m.reloaded
	n.focusOn(m.focus)
	n.relayout()
	if _, ok := n.navs[n.nav].index[sel]; ok {
		n.navs[n.nav], _ = n.navs[n.nav].Select(sel)
		n.setCurrent(sel)
	} else if sel.Kind == model.KindSentence && nb.Sentence(sel.ID) != nil {
		n.setCurrent(sel)
		n.source = n.source.SetCursor(sel.ID)
	} else if _, ok := navFor(sel); ok && sel.Kind != "" {
		n.jump(sel, false)
	} else {
		n.follow()
	}
	switch m.modal {
	case modalNote:
		n.editor, n.modal = m.editor, modalNote
	case modalNotes:
		n.openNotes()
	case modalHelp:
		n.openHelp()
	}
	var cmds []tea.Cmd
	if changed := len(watch.Changed(old, nb)); changed > 0 {
		cmds = append(cmds, n.setStatus(fmt.Sprintf("reloaded: %d items changed", changed), false))
	} else {
		cmds = append(cmds, n.setStatus("reloaded", false))
	}
	if n.st != nil {
		cmds = append(cmds, rebindCmd(n.st, nb))
	}
	if paths := nb.DiskFiles(); m.cfg.watchCtx != nil && !slices.Equal(paths, m.live.paths) && len(paths) > 0 {
		cmds = append(cmds, startWatchCmd(m.cfg.watchCtx, m.live.gen+1, paths))
	}
	return n, tea.Batch(cmds...)
}
