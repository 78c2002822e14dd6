package edit

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model/edit"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/widget"
)

// recovery asks what to do with the text an earlier session kept unsaved
// beside the briefing (a closed terminal, SIGTERM): restore it as a change
// of this session, discard the file (once confirmed), or keep it for
// later. A file that no longer loads is only reported, with the position
// of its first problem, and kept.
type recovery struct {
	keys    recoveryKeys
	path    string
	about   string // what the file holds, against the briefing
	broken  string // why the file does not load; "" when it does
	same    bool   // it holds the briefing's text already
	confirm bool   // d was pressed: y deletes the file
}

// recoveryKeys answer the question about unsaved work.
type recoveryKeys struct {
	Restore, Discard, Keep, Yes key.Binding
}

func newRecoveryKeys() recoveryKeys {
	return recoveryKeys{
		Restore: widget.Key("r", "restore unsaved work"),
		Discard: widget.Key("d", "discard it"),
		Keep:    widget.Keys("k/esc", "keep for later", "k", "esc"),
		Yes:     widget.Key("y", "delete"),
	}
}

func (k recoveryKeys) ShortHelp() []key.Binding { return []key.Binding{k.Restore, k.Discard, k.Keep} }
func (k recoveryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Restore, k.Discard, k.Yes, k.Keep}}
}

// newRecovery reads a recovery file against the document.
func newRecovery(doc *edit.Doc, path string) recovery {
	r := recovery{keys: newRecoveryKeys(), path: path}
	text, err := doc.ReadUnsaved(path)
	var re *edit.RecoveryError
	switch {
	case errors.As(err, &re):
		r.broken = strings.ReplaceAll(re.Err, path, filepath.Base(path))
	case err != nil:
		r.broken = err.Error()
	case text == doc.Text():
		r.same = true
	default:
		add, del := edit.LineChanges(doc.Text(), text)
		r.about = fmt.Sprintf("%s added, %s removed against the briefing", plural(add, "line"), plural(del, "line"))
	}
	return r
}

func (r recovery) name() string { return sanitize.Line(filepath.Base(r.path)) }

// Question is what the prompt says.
func (r recovery) Question() string {
	switch {
	case r.confirm:
		return "Delete " + r.name() + " and the unsaved work in it for good? y deletes it; any other key goes back"
	case r.broken != "":
		return "An earlier session ended unsaved, but " + r.name() + " does not load: " + sanitize.Truncate(sanitize.Line(r.broken), 100, "…") +
			". It is kept: fix it in a text editor, or compare it with diff. Any key goes on"
	case r.same:
		return "An earlier session ended unsaved; " + r.name() + " holds the text the briefing has now. d discards it, k keeps it"
	}
	return "An earlier session ended unsaved: " + r.name() + " holds its work (" + r.about + "). r restores it, d discards it, k keeps it for later"
}

// Keys are the keys the prompt takes now.
func (r recovery) Keys() []key.Binding {
	switch {
	case r.confirm:
		return []key.Binding{r.keys.Yes, r.keys.Keep}
	case r.broken != "":
		return []key.Binding{r.keys.Keep}
	case r.same:
		return []key.Binding{r.keys.Discard, r.keys.Keep}
	}
	return r.keys.ShortHelp()
}

// recoveryKey answers the question about unsaved work; once it is
// answered the next recovery file, if any, is asked about.
func (m Model) recoveryKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	r := m.recover
	k := r.keys
	next := func() {
		m.recoveries = m.recoveries[1:]
		m.recover = nil
		if len(m.recoveries) > 0 {
			n := newRecovery(m.doc, m.recoveries[0])
			m.recover = &n
		}
	}
	switch {
	case r.confirm:
		if key.Matches(msg, k.Yes) {
			if err := edit.DiscardUnsaved(r.path); err != nil {
				m.flash("could not delete "+r.name()+": "+sanitize.Line(err.Error()), true)
				return m, nil
			}
			next()
			m.flash("deleted "+r.name(), false)
			return m, nil
		}
		r.confirm = false
		m.flash("kept "+r.name(), false)
	case key.Matches(msg, m.keys.Quit):
		// Quitting leaves every recovery file where it is.
		m.quitting = true
		return m, tea.Quit
	case r.broken != "":
		next()
		m.flash("kept "+r.name()+" as it is", false)
	case key.Matches(msg, k.Restore) && !r.same:
		if err := m.doc.RestoreUnsaved(r.path); err != nil {
			m.flash(sanitize.Line(err.Error()), true)
			return m, nil
		}
		next()
		m.refresh()
		m.flash("restored the work in "+r.name()+": u undoes it, ctrl+s saves it (and then removes "+r.name()+")", false)
		if m.autosave {
			m.save()
		}
	case key.Matches(msg, k.Discard):
		r.confirm = true
		m.msg = ""
	case key.Matches(msg, k.Keep):
		next()
		m.flash("kept "+r.name()+": the next brief edit asks again", false)
	default:
		m.flash("First say what to do with "+r.name(), true)
	}
	return m, nil
}
