package present

import (
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/live"
)

// Live reload (tui/live, the same as explore mode's): the presenter watches
// the briefing's file (and the article file it names, moving the watch when
// a save names another) and lays the deck out again on every save, staying on the
// same slide number (clamped to the new deck). A save that breaks the
// file shows its first error in the status row and keeps the last good
// deck on screen; the next good save clears it.

// reload acts on what live reload brought.
func (m Model) reload(out live.Result) Model {
	switch {
	case out.Err != nil:
		m.banner = model.Summary(out.Err)
	case out.Warn != "":
		m.banner = out.Warn
	case out.Briefing != nil:
		m.banner = ""
		m.deck = model.BuildDeck(out.Briefing)
		m.briefing = out.Briefing.Title
		m = m.relayout()
	}
	return m
}
