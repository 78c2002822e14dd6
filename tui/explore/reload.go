package explore

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/live"
	"github.com/brief-cli/brief/watch"
)

// Live reload (tui/live): explore mode watches the briefing's file (and the
// article file it names) and reloads it on every save. A save that breaks
// the file shows its first error in a banner under the header while the
// last good version stays on screen; the next good save clears it.

// handleReload hands a message to live reload and acts on what it brought.
func (m Model) handleReload(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	var out live.Result
	m.live, cmd, out = m.live.Update(msg)
	switch {
	case out.Warn != "":
		return m, tea.Batch(cmd, m.setStatus(out.Warn, true))
	case out.Err != nil:
		m.banner = model.Summary(out.Err)
		m.relayout()
		return m, cmd
	case out.Briefing != nil:
		n, rcmd := m.applyReload(out.Briefing)
		return n, tea.Batch(cmd, rcmd)
	}
	return m, cmd
}

// applyReload puts a new version of the briefing on screen: the session
// (size, theme, navigator, focus, status, study state) stays, the view is
// built again, the selection is kept (or moved to the first changed item)
// and an open modal screen is rebuilt or kept (the note editor keeps what
// is being written).
func (m Model) applyReload(nb *model.Briefing) (Model, tea.Cmd) {
	old, sel, open := m.b, m.current, m.modal
	top, topRow := m.reader.Top()
	if sel.Kind != kindSection {
		sel = watch.Reselect(old, nb, sel)
	}
	m.banner = ""
	m.readIDs = m.reader.ShowsIDs() // reading mode keeps showing ids, or not
	folds := m.navs[navOutline].Folds()
	m.view = newView(nb, &m.session)
	// The outline stays folded as it was (kept here too when there is no
	// study state to keep it).
	m.navs[navOutline] = m.navs[navOutline].SetFolds(folds)
	if m.snap != nil {
		m.applySnap()
	}
	m.focusOn(m.focus)
	m.relayout()
	if m.navs[m.nav].Holds(sel) {
		m.navs[m.nav], _ = m.navs[m.nav].Select(sel)
		m.setCurrent(sel)
	} else if sel.Kind == model.KindSentence && nb.Sentence(sel.ID) != nil {
		m.setCurrent(sel)
		m.source = m.source.SetCursor(sel.ID)
	} else if _, ok := navFor(sel); ok && sel.Kind != "" {
		m.jump(sel, false)
	} else {
		m.follow()
	}
	// Reading mode stays where it was in the text.
	m.reader = m.reader.ScrollTo(top, topRow)
	if open != nil {
		if s := open.reloaded(&m); s != nil {
			m.modal = s.setTheme(m.th).setSize(m.modalSize())
		}
	}
	var cmds []tea.Cmd
	if changed := len(watch.Changed(old, nb)); changed > 0 {
		cmds = append(cmds, m.setStatus(fmt.Sprintf("reloaded: %d items changed", changed), false))
	} else {
		cmds = append(cmds, m.setStatus("reloaded", false))
	}
	if m.st != nil {
		cmds = append(cmds, rebindCmd(m.st, nb))
	}
	return m, tea.Batch(cmds...)
}
