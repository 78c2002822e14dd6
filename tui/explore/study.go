package explore

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/store"
)

// The reader's study state in explore mode: bookmarks, notes, visited items
// and the position, kept by package store. The root owns the store; every
// write runs in a command and comes back as a studyMsg, after which the root
// takes a new snapshot for the views. Nothing here touches the disk in
// Update or View.

// markFlags are the marks of an item.
type markFlags uint8

const (
	markBookmark markFlags = 1 << iota
	markNote
	markVisited
)

// studySnap is what the views read of the study state, taken after every
// change: never modified once built, so components may share it.
type studySnap struct {
	items     map[model.Ref]markFlags
	notes     map[model.Ref]string
	sentences map[string]markFlags // marks of the items citing each sentence
	entries   []store.Entry        // notes and bookmarks on items of the briefing
	orphans   []store.Entry        // those on items no longer in it
	unsaved   []store.Entry        // notes whose save failed, kept in recovery files
}

func (s *studySnap) flags(r model.Ref) markFlags {
	if s == nil {
		return 0
	}
	return s.items[r]
}

func (s *studySnap) note(r model.Ref) (string, bool) {
	if s == nil {
		return "", false
	}
	n, ok := s.notes[r]
	return n, ok
}

func (s *studySnap) sentence(id string) markFlags {
	if s == nil {
		return 0
	}
	return s.sentences[id]
}

// takeSnap reads the store (memory only: the store keeps what it last
// read or wrote) into a snapshot for a briefing.
func takeSnap(b *model.Briefing, st *store.Store) *studySnap {
	s := &studySnap{items: map[model.Ref]markFlags{}, notes: map[model.Ref]string{}, sentences: map[string]markFlags{}}
	visit := func(r model.Ref) {
		if st.Visited(r) {
			s.items[r] |= markVisited
		}
	}
	for _, t := range b.Themes {
		visit(model.Ref{Kind: model.KindTheme, ID: t.ID})
		for _, p := range t.Points {
			visit(model.Ref{Kind: model.KindPoint, ID: p.ID})
		}
	}
	for _, e := range b.Timeline {
		visit(model.Ref{Kind: model.KindEvent, ID: e.ID})
	}
	for _, a := range b.Actors {
		visit(model.Ref{Kind: model.KindActor, ID: a.ID})
	}
	for _, t := range b.Glossary {
		visit(model.Ref{Kind: model.KindTerm, ID: t.ID})
	}
	s.entries = st.Notes()
	s.orphans = st.Orphans()
	s.unsaved = st.Unsaved()
	for _, e := range s.entries {
		var f markFlags
		if e.Bookmarked {
			f |= markBookmark
		}
		if e.Note != "" {
			f |= markNote
			s.notes[e.Ref] = e.Note
		}
		s.items[e.Ref] |= f
		for _, id := range sentencesOf(b, e.Ref) {
			s.sentences[id] |= f
		}
	}
	return s
}

// markPair is the marks of an item in two cells: ★ for a bookmark, then ✎
// for a note or · for a visited item. Plain characters, so the marks show
// without colour.
func markPair(f markFlags) string {
	a, b := " ", " "
	if f&markBookmark != 0 {
		a = "★"
	}
	switch {
	case f&markNote != 0:
		b = "✎"
	case f&markVisited != 0:
		b = "·"
	}
	return a + b
}

// markCells is markPair and a space, for lists that put the marks before
// the text.
func markCells(f markFlags) string { return markPair(f) + " " }

// markW is the width of markCells.
const markW = 3

// navMarkW is the width of the navigators' mark column, which comes before
// the cursor column so that "▸ " stays next to the text.
const navMarkW = 2

// paintMarks styles a navigator's mark column (for rows not under the
// cursor).
func paintMarks(th *Theme, f markFlags) string {
	if f == 0 {
		return "  "
	}
	if f&(markBookmark|markNote) == 0 {
		return " " + th.dim.on("·")
	}
	return th.mark.on(markPair(f))
}

// studyMsg reports a finished read or write of the study state. The root
// takes a new snapshot and shows done (or the error) in the status bar.
type studyMsg struct {
	done string
	err  error // the write failed
	warn error // the write was made, but something needs telling (a *store.CorruptError)
	note *noteOutcome
}

// noteOutcome is how saving a note went, for the editor.
type noteOutcome struct {
	ref  model.Ref
	text string
	// recovery is where the text was kept after a failed save ("" if it
	// could not be kept there either: recErr says why).
	recovery string
	recErr   error
}

// studyResult sorts a store error into a failure and a warning.
func studyResult(done string, err error) studyMsg {
	var ce *store.CorruptError
	if errors.As(err, &ce) {
		return studyMsg{done: done, warn: err}
	}
	if err != nil {
		return studyMsg{err: err}
	}
	return studyMsg{done: done}
}

func bookmarkCmd(st *store.Store, r model.Ref) tea.Cmd {
	return func() tea.Msg {
		on, err := st.ToggleBookmark(r)
		done := "bookmark removed"
		if on {
			done = "bookmarked"
		}
		return studyResult(done, err)
	}
}

// saveNoteCmd saves a note. When that fails the text is also written to
// a recovery file, so that it outlives the program.
func saveNoteCmd(st *store.Store, r model.Ref, text string) tea.Cmd {
	return func() tea.Msg {
		had := st.HasNote(r)
		err := st.SetNote(r, text)
		out := &noteOutcome{ref: r, text: text}
		var ce *store.CorruptError
		if err != nil && !errors.As(err, &ce) {
			if strings.TrimSpace(text) != "" { // a deletion has no text to keep
				out.recovery, out.recErr = st.SaveRecovery(r, text)
			}
			return studyMsg{err: err, note: out}
		}
		st.DropRecovery(r)
		done := "note saved"
		if !st.HasNote(r) {
			done = "no note"
			if had {
				done = "note deleted"
			}
		}
		msg := studyResult(done, err)
		msg.note = out
		return msg
	}
}

// dropRecoveryCmd removes the recovery file of a note the user discarded.
func dropRecoveryCmd(st *store.Store, r model.Ref) tea.Cmd {
	return func() tea.Msg {
		st.DropRecovery(r)
		return studyMsg{}
	}
}

// handleNoteRequest carries out what the note editor asks: a saveNoteMsg
// or a dropRecoveryMsg.
func (m Model) handleNoteRequest(msg tea.Msg) (Model, tea.Cmd) {
	if m.st == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case saveNoteMsg:
		return m, saveNoteCmd(m.st, msg.ref, msg.text)
	case dropRecoveryMsg:
		return m, dropRecoveryCmd(m.st, msg.ref)
	}
	return m, nil
}

// noteResult shows the editor how its save went: closed when saved (and
// nothing typed since), else open with the whole error.
func (m *Model) noteResult(o *noteOutcome, err error) {
	ed, open := openScreen[noteEditor](*m)
	if !open || ed.ref != o.ref {
		return
	}
	if err == nil {
		var done bool
		if ed, done = ed.Saved(o.text); done {
			m.modal = nil
		} else {
			m.modal = asModal(ed)
		}
		return
	}
	problem := err.Error() + ". The text stays here"
	if o.recovery != "" {
		problem += " and is kept in " + o.recovery
	} else if o.recErr != nil {
		problem += " (and could not be kept elsewhere: " + store.Cause(o.recErr) + ")"
	}
	m.modal = asModal(ed.Failed(problem + ". ctrl+s tries again."))
}

// visitCmd records that the reader rests on an item: it is visited (unless
// it is a section row) and the position is where to resume.
func visitCmd(st *store.Store, p store.Position) tea.Cmd {
	return func() tea.Msg {
		var err error
		if p.Item.Kind != kindSection && p.Item.Kind != "" {
			err = st.MarkVisited(p.Item)
		}
		if perr := st.SetPosition(p); err == nil {
			err = perr
		}
		// A *store.WriteError says what was not saved and why.
		return studyResult("", err)
	}
}

// rebindCmd moves the store to a reloaded briefing.
func rebindCmd(st *store.Store, b *model.Briefing) tea.Cmd {
	return func() tea.Msg {
		warn, err := st.Rebind(b)
		if err != nil {
			return studyMsg{err: fmt.Errorf("moving notes to the new version: %w", err)}
		}
		return studyMsg{warn: warn}
	}
}

// warnCmd shows a warning found before the program started (a state file
// moved aside).
func warnCmd(warn error) tea.Cmd {
	return func() tea.Msg { return studyMsg{warn: warn} }
}

// restDelay is how long the selection must rest on an item before it is
// recorded as visited and as the position: moving through a list writes
// nothing until it stops.
const restDelay = 400 * time.Millisecond

// restMsg says the selection may have rested; seq tells whether it moved
// since.
type restMsg struct{ seq int }

// later delivers msg after d: by a timer, or as the configuration's
// scheduler says (tests deliver such messages themselves).
func (m Model) later(d time.Duration, msg tea.Msg) tea.Cmd {
	if m.cfg.schedule != nil {
		return m.cfg.schedule(d, msg)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// statusTTL is how long a status message stays.
const statusTTL = 4 * time.Second

// clearStatusMsg clears the status message numbered seq, unless a newer one
// replaced it.
type clearStatusMsg struct{ seq int }

// setStatus shows a message in the status bar and returns the command that
// clears it.
func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	m.status, m.statusErr = text, isErr
	m.statusSeq++
	seq := m.statusSeq
	ttl := statusTTL
	if isErr {
		ttl *= 2
	}
	return m.later(ttl, clearStatusMsg{seq})
}

// handleStudy takes a new snapshot after a read or write and reports it.
func (m Model) handleStudy(msg studyMsg) (Model, tea.Cmd) {
	m.refreshStudy()
	if msg.note != nil {
		m.noteResult(msg.note, msg.err)
	}
	if msg.warn != nil {
		// A warning that matters stays until dismissed (esc).
		m.warning = describeWarning(msg.warn)
	}
	switch {
	case msg.err != nil:
		return m, m.setStatus(msg.err.Error(), true)
	case msg.warn != nil && msg.done == "":
		return m, nil
	case msg.done != "":
		return m, m.setStatus(msg.done, false)
	}
	return m, nil
}

// describeWarning says what a store warning means for the reader.
func describeWarning(err error) string {
	var ce *store.CorruptError
	if errors.As(err, &ce) {
		return "notes file could not be read; moved aside to " + ce.MovedTo
	}
	return err.Error()
}

// statusLine is what the status bar says: the latest message, else a
// warning that waits to be dismissed.
func (m Model) statusLine() (text string, isErr bool) {
	switch {
	case m.status != "":
		return m.status, m.statusErr
	case m.warning != "":
		return m.warning + " · esc dismisses", true
	}
	return "", false
}

// dismissWarning clears a standing warning; it reports whether there was
// one (the key that dismissed it then does nothing else).
func (m *Model) dismissWarning() bool {
	had := m.warning != "" && m.status == ""
	if had {
		m.warning = ""
	}
	return had
}

// studyOff answers n, m and N when notes are off: a bookmark says why in
// the status bar; a note opens an editor that says why and takes every key
// typed after, so that none runs as a command.
func (m *Model) studyOff(note bool) tea.Cmd {
	why := "notes and bookmarks are off"
	if m.cfg.off != nil {
		why = m.cfg.off.Error()
	}
	if !note {
		return m.setStatus(why, true)
	}
	m.openModal(asModal(newNotesOffEditor(m.th, why+". Nothing can be saved in this session; keys typed here do nothing.")))
	return nil
}

// offerRecovered puts text kept from a failed save into the editor just
// opened on r.
func (m *Model) offerRecovered(r model.Ref) {
	if text, path, ok := m.st.Recovered(r); ok {
		if ed, open := openScreen[noteEditor](*m); open {
			m.modal = asModal(ed.Recovered(text, path))
		}
	}
}

// refreshStudy hands a new snapshot of the store to the components.
func (m *Model) refreshStudy() {
	if m.st == nil {
		return
	}
	m.snap = takeSnap(m.b, m.st)
	m.applySnap()
}

func (m *Model) applySnap() {
	for n := range m.navs {
		m.navs[n] = m.navs[n].SetStudy(m.snap)
	}
	m.detail = m.detail.SetStudy(m.snap)
	m.source = m.source.SetStudy(m.snap)
	if n, ok := openScreen[notesModel](*m); ok {
		m.modal = asModal(n.SetEntries(m.b, m.snap))
	}
}

// position is where the reader is, as the store records it.
func (m Model) position() store.Position {
	n := m.navs[m.nav]
	return store.Position{Item: m.current, View: n.spec.view, Scroll: n.off, Source: m.sourceTop(), Cursors: m.cursors()}
}

// resume goes back to the recorded position, if its item still exists.
func (m *Model) resume() {
	p, ok := m.st.Position()
	if !ok {
		return
	}
	defer m.restoreView(p)
	for n := range m.navs {
		if m.navs[n].spec.view != p.View {
			continue
		}
		if m.navs[n].Holds(p.Item) {
			m.nav = navKind(n)
			m.navs[n], _ = m.navs[n].Select(p.Item)
			m.setCurrent(p.Item)
			m.focusOn(paneNav)
			return
		}
	}
	if p.Item.Kind == model.KindSentence && m.b.Sentence(p.Item.ID) != nil {
		m.setCurrent(p.Item)
		m.source = m.source.SetCursor(p.Item.ID)
		return
	}
	if n, ok := navFor(p.Item); ok {
		if m.navs[n].Holds(p.Item) {
			m.jump(p.Item, false)
		}
	}
}

// statusMsg asks the root to show a message in the status bar.
type statusMsg struct {
	text string
	err  bool
}

func statusCmd(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text} }
}

// saveAtQuit writes the last position (the position is written as the
// reader rests on an item; the last move, made just before quitting, is
// written here) and whatever earlier failed writes left in memory. Its
// error, a *store.WriteError, names what was not saved.
func saveAtQuit(st *store.Store, p store.Position) error {
	err := st.SetPosition(p)
	if len(st.Pending()) > 0 {
		err = st.Flush() // one more try, and one message naming everything
	}
	var ce *store.CorruptError
	if errors.As(err, &ce) {
		return nil
	}
	return err
}

// keepEditorText keeps the text of a note editor left open with unsaved
// changes when the program ends (ctrl+c, a signal, a closed terminal) in a
// recovery file, offered back next time.
func (m Model) keepEditorText() {
	ed, open := openScreen[noteEditor](m)
	if m.st == nil || !open || ed.Off() || !ed.Dirty() {
		return
	}
	_, _ = m.st.SaveRecovery(ed.ref, ed.Value())
}

// describeOpenError is why the study state could not be opened, cause
// first and the path last.
func describeOpenError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return store.Cause(err) + " (" + pe.Path + ")"
	}
	return err.Error()
}
