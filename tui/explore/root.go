package explore

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/internal/crashlog"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/store"
	"github.com/brief-cli/brief/tui/live"
)

// config is what the root needs from Options, resolved.
type config struct {
	theme   string // auto, dark, light, high-contrast
	noColor bool
	// st is the reader's study state; nil keeps explore mode read-only
	// (no marks, no notes, nothing written). New moves it to the root's
	// study group, where it is kept.
	st *store.Store
	// warn is a problem found while opening st, shown once started.
	warn error
	// off says why notes are off when the state could not be opened; the
	// study keys then say so instead of doing nothing.
	off error
	// watchCtx, when set, turns on live reload of the briefing's files
	// for as long as it lasts.
	watchCtx context.Context
	// schedule, if set, replaces the timer that delivers a message later
	// (tests deliver them by hand).
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd
	// start, when set, is the item to open on instead of resuming.
	start model.Ref
	// library is the briefings of the library explore mode was opened
	// from, for the palette's library scope; nil otherwise.
	library []*model.Briefing
	// editable says the briefing is a file the reader may write: E ends
	// explore mode asking for edit mode.
	editable bool
}

// Model is the root of explore mode. It alone reads the window size, owns
// the theme, routes keys (global first, then the open modal or the focused
// pane) and turns the components' messages into moves between them.
//
// It is a session (what outlives a version of the briefing) and a view
// (what is built from one version): live reload replaces the view whole.
type Model struct {
	session
	view
}

// session is what survives a reload, in named groups: the options, the
// theme, the key maps, the frame (the size and the layout's choices), the
// study state, the status line, live reload and how the program ended.
// The groups are embedded, so a field reads m.w, not m.frameState.w.
type session struct {
	cfg config
	themeState
	keyMaps
	frameState
	studyState
	statusState
	live live.Reloader
	exitState
}

// themeState is the theme: written by setTheme.
type themeState struct {
	dark bool
	th   *Theme
}

// keyMaps are the root's own keys (keypath.go).
type keyMaps struct {
	keys       globalKeys
	layoutKeys layoutKeys
}

// frameState is the terminal's size and the layout's choices: written by
// relayout (the size), focusOn, openNav and zoom.go.
type frameState struct {
	w, h  int
	sized bool

	nav   navKind
	focus pane
	right pane // what the second pane shows from 80 to 119 columns

	reading bool // reading mode (reading.go) has the panes' place
	readIDs bool // reading mode shows sentence ids
	zoom    bool // the focused pane has the whole body
	split   int  // steps the navigator is widened (negative: narrowed) by
}

// studyState is the reader's study state, stored here only (New takes it
// out of the options): written by study.go and resume.go.
type studyState struct {
	st      *store.Store // nil when read-only
	restSeq int
	history []string // the palette's queries, oldest first; the last comes back when it reopens
}

// statusState is the status line: written by setStatus, dismissWarning
// and live reload.
type statusState struct {
	status    string
	statusErr bool
	warning   string // stays in the status bar until dismissed
	statusSeq int
	banner    string // the first error of a save that broke the file
}

// exitState says how the program ended: written by the key path, Update's
// recovery and the library's "open elsewhere".
type exitState struct {
	interrupted bool
	err         error
	exit        Exit // set when the reader opens another briefing of the library, or asks to edit
}

// view is what is built from one version of the briefing, in groups: the
// briefing and the item shown, the layout, the header and footer, the
// panes, the open modal, the search index and the study marks.
type view struct {
	b       *model.Briefing
	current model.Ref
	lay     layout
	chrome
	paneSet
	modal modal // the open modal screen, nil when none
	searchState
	snap *studySnap // study marks; nil when read-only
}

// chrome is the header and the footer.
type chrome struct {
	header header
	footer footer
}

// paneSet is the panes, reached through pane(p) and setPane (pane.go).
type paneSet struct {
	navs     [navCount]navList
	detail   detailModel
	source   sourceModel
	reader   readingModel
	axis     axisStrip // the timeline's axis, zoomed and panned
	axisNeed int       // lines the axis would like at the current width
}

// paneAt reaches pane p's value: it returns it boxed, or with put set
// stores put there. It is the one place that knows where each pane lives;
// a static switch, so that reaching a pane copies it and nothing else.
func (m *Model) paneAt(p pane, put paneView) paneView {
	switch p {
	case paneNav:
		return paneField(&m.navs[m.nav], put)
	case paneDetail:
		return paneField(&m.detail, put)
	case paneSource:
		return paneField(&m.source, put)
	case paneReading:
		return paneField(&m.reader, put)
	case paneAxis:
		return paneField(&m.axis, put)
	}
	panic(fmt.Sprintf("no pane %d", p))
}

// searchState is the palette's items and their index.
type searchState struct {
	items    []searchItem
	searcher searcher
}

// New builds explore mode for a briefing. With study state (cfg.st) it
// resumes where the reader left off.
func New(b *model.Briefing, cfg config) Model {
	if cfg.theme == "" {
		cfg.theme = ThemeAuto
	}
	s := session{cfg: cfg}
	s.dark = cfg.theme != ThemeLight
	s.keys, s.layoutKeys = newGlobalKeys(), newLayoutKeys()
	s.right = paneDetail
	s.st, s.cfg.st = cfg.st, nil // stored once, in the study group
	// A plain article, with nothing drawn from it, opens in reading mode.
	s.reading = !hasItems(b)
	s.keys.setStudy(s.st != nil || cfg.off != nil)
	s.keys.Edit.SetEnabled(cfg.editable)
	s.th = s.buildTheme()
	s.live = live.New(cfg.watchCtx, b)
	if s.st != nil {
		s.history = s.st.Searches()
	}
	m := Model{session: s}
	m.view = newView(b, &m.session)
	if m.snap != nil {
		m.applySnap()
	}
	m.setCurrent(m.navs[navOutline].Selected())
	m.focusOn(paneNav)
	switch {
	case cfg.start.Kind != "":
		m.openOn(cfg.start)
	case m.st != nil:
		m.resume()
	}
	return m
}

// openOn shows an item as a search result would: selected in its
// navigator, or a sentence under the source cursor, marked.
func (m *Model) openOn(r model.Ref) {
	if r.Kind == model.KindSentence {
		m.setCurrent(r)
		m.source = m.source.Highlight([]string{r.ID}).SetCursor(r.ID)
		m.reader = m.reader.SetCursor(r.ID)
		m.focusOn(paneSource)
		return
	}
	m.jump(r, false)
}

// newView makes the components for a version of the briefing.
func newView(b *model.Briefing, s *session) view {
	v := view{b: b}
	v.header = newHeader(b, s.th)
	v.footer = footer{th: s.th}
	specs := [navCount]navSpec{outlineSpec(s.st != nil), timelineSpec(), actorsSpec(), glossarySpec()}
	for i, sp := range specs {
		v.navs[i] = newNavList(b, s.th, sp)
	}
	if s.st != nil {
		v.navs[navOutline] = v.navs[navOutline].SetFolds(s.st.Folds())
	}
	v.detail = newDetail(b, s.th)
	v.source = newSource(b, s.th)
	v.axis = newAxisStrip(b, s.th)
	v.reader = newReading(b, s.th, s.readIDs)
	v.items = searchItems(b)
	v.searcher = newIndexSearcher(v.items)
	if s.st != nil {
		v.snap = takeSnap(b, s.st)
	}
	return v
}

func (s session) buildTheme() *Theme {
	return NewTheme(s.dark, s.cfg.theme == ThemeHighContrast, s.cfg.noColor)
}

// Init asks the terminal for its background when the theme is auto (dark
// is the default until, unless, an answer arrives), starts watching the
// briefing's files for live reload, and shows a warning from opening the
// study state.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.cfg.theme == ThemeAuto || m.cfg.theme == ThemeHighContrast {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.cfg.warn != nil {
		cmds = append(cmds, warnCmd(m.cfg.warn))
	}
	cmds = append(cmds, m.live.Init())
	return tea.Batch(cmds...)
}

// Update handles a message. A panic in it is recovered: the program quits
// cleanly, restoring the terminal, and Run returns the panic as an error.
// When the selection moves, the study state is told once it rests there.
func (m Model) Update(msg tea.Msg) (res tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.err = crashlog.New(r, debug.Stack()) // one line; the trace goes to a log
			res, cmd = m, tea.Quit
		}
	}()
	cur, nav, docked, src := m.current, m.nav, m.docked(), m.source.off
	nm, cmd := m.update(msg)
	if nm.docked() != docked {
		// The docked note editor opened or closed: the panes change height.
		nm.relayout()
	}
	if nm.st != nil && (nm.current != cur || nm.nav != nav || nm.source.off != src) {
		nm.restSeq++
		return nm, tea.Batch(cmd, nm.later(restDelay, restMsg{nm.restSeq}))
	}
	return nm, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h, m.sized = msg.Width, msg.Height, true
		m.relayout()
		return m, nil
	case tea.BackgroundColorMsg:
		if m.cfg.theme == ThemeAuto || m.cfg.theme == ThemeHighContrast {
			m.dark = msg.IsDark()
			m.setTheme()
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseClickMsg:
		return m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		return m.wheel(msg.Mouse())
	case tea.PasteMsg, searchResultsMsg:
		// Only the open modal takes a paste or search results; results
		// that arrive after the palette closed are dropped.
		var cmd tea.Cmd
		if m.modal != nil {
			m.modal, cmd = m.modal.update(msg)
		}
		return m, cmd
	}
	return m.handleAction(msg)
}

// handleAction carries out the requests components send as messages.
func (m Model) handleAction(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case jumpMsg:
		m.jump(msg.ref, msg.toSource)
	case openNavMsg:
		m.openNav(msg.nav)
	case citersMsg:
		m.openPicker(citersPicker(m.b, m.th, msg.sentence))
	case mentionsMsg:
		m.openPicker(mentionsPicker(m.b, m.th, msg.actor))
	case closeModalMsg:
		m.modal = nil
	case openElsewhereMsg:
		m.exit = Exit{Open: msg.b, Goto: msg.id}
		return m, tea.Quit
	case rememberQueryMsg:
		m.history = remember(m.history, msg.query)
		if m.st != nil {
			return m, searchesCmd(m.st, m.history)
		}
	case openNotesMsg:
		m.openNotes()
	case editNoteMsg:
		m.openEditor(msg.ref)
	case saveNoteMsg, dropRecoveryMsg:
		return m.handleNoteRequest(msg)
	case studyMsg:
		return m.handleStudy(msg)
	case foldsMsg:
		return m, m.saveFolds(msg)
	case statusMsg:
		return m, m.setStatus(msg.text, msg.err)
	case clearStatusMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
	case restMsg:
		if msg.seq == m.restSeq && m.st != nil {
			return m, visitCmd(m.st, m.position())
		}
	case panicMsg:
		panic(string(msg))
	default:
		return m.handleReload(msg)
	}
	return m, nil
}

// panicMsg makes Update panic; tests use it to check the recovery path.
type panicMsg string

// notable reports whether an item can carry a note or a bookmark: every
// item but the outline's section rows.
func notable(r model.Ref) bool { return r.Kind != "" && r.Kind != kindSection }

// openEditor opens the note editor on an item, with its saved note.
func (m *Model) openEditor(r model.Ref) {
	if m.st == nil || !notable(r) {
		return
	}
	text, _ := m.snap.note(r)
	head := "Note on " + kindLabel(r.Kind) + ": " + title(m.b, r)
	m.openModal(asModal(newNoteEditor(m.th, r, head, text)))
	m.offerRecovered(r)
}

// openNotes opens the Notes view.
func (m *Model) openNotes() {
	if m.st == nil {
		return
	}
	m.openModal(asModal(newNotes(m.th).SetEntries(m.b, m.snap)))
}

// back closes what was opened last: the focus returns to the navigator,
// then the navigator to the outline.
func (m *Model) back() {
	switch {
	case m.focus != paneNav:
		m.focusOn(paneNav)
	case m.nav != navOutline:
		m.openNav(navOutline)
	}
}

// follow shows the navigator's selection in the detail and source panes
// when it changed.
func (m *Model) follow() {
	if r := m.navs[m.nav].Selected(); r != m.current {
		m.setCurrent(r)
	}
}

func (m *Model) setCurrent(r model.Ref) {
	m.current = r
	m.axis = m.axis.SetCursor(m.navs[navTimeline].Cursor())
	m.detail = m.detail.Show(r)
	ids := sentencesOf(m.b, r)
	m.source = m.source.Highlight(ids)
	m.reader = m.reader.Highlight(r, ids)
}

// navFor says which navigator holds an item.
func navFor(r model.Ref) (navKind, bool) {
	switch r.Kind {
	case model.KindPoint, model.KindTheme, kindSection:
		return navOutline, true
	case model.KindEvent:
		return navTimeline, true
	case model.KindActor:
		return navActors, true
	case model.KindTerm:
		return navGlossary, true
	}
	return 0, false
}

// jump goes to an item: its navigator, the detail and the source.
func (m *Model) jump(r model.Ref, toSource bool) {
	m.modal = nil
	m.setReading(false)
	if n, ok := navFor(r); ok {
		if n != m.nav {
			m.nav = n
			m.relayout()
		}
		m.navs[n], _ = m.navs[n].Select(r)
	}
	m.setCurrent(r)
	if r.Kind == kindSection && r.ID == secSource {
		toSource = true
	}
	if toSource {
		m.focusOn(paneSource)
	} else {
		m.focusOn(paneNav)
	}
}

func (m *Model) openNav(n navKind) {
	m.modal = nil
	m.setReading(false)
	changed := n != m.nav
	m.nav = n
	m.focusOn(paneNav)
	if changed {
		m.relayout()
	}
	m.navs[n] = m.navs[n].SetFocused(true)
	m.follow()
}

func (m *Model) openPicker(p pickerModel) {
	m.openModal(asModal(p))
}

// openModal opens a modal screen at the body's size.
func (m *Model) openModal(s modal) {
	m.modal = s.setSize(m.modalSize())
}

func (m *Model) openHelp() {
	m.openModal(asModal(m.helpScreen()))
}

// helpScreen is the help screen for where the focus is: the focused
// pane's keys, the global ones and the palette's.
func (m *Model) helpScreen() helpModel {
	f := m.pane(m.focused())
	groups := []helpGroup{{f.title(), flat(f.help().FullHelp())}}
	for p := range paneCount {
		if s := m.pane(p); paneInfo[p].role == roleStrip && m.shown(p) {
			groups = append(groups, helpGroup{s.title(), flat(s.help().FullHelp())})
		}
	}
	everywhere := append(flat(m.keys.FullHelp()), flat(m.layoutKeys.FullHelp())...)
	groups = append(groups,
		helpGroup{"Everywhere", append(m.openerKeys(), everywhere...)},
		helpGroup{"Search (/)", flat(m.paletteKeys().FullHelp())})
	return newHelp(m.th, groups)
}

// paletteKeys are the search palette's keys as they apply here: tab only
// in a library.
func (m *Model) paletteKeys() paletteKeys {
	k := newPaletteKeys()
	k.Scope.SetEnabled(len(m.cfg.library) > 1)
	return k
}

func flat(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// focusOn moves the focus; from 80 to 119 columns it also chooses what the
// second pane shows.
func (m *Model) focusOn(p pane) {
	old := m.focus
	m.focus = p
	if p != paneNav {
		m.right = p
	}
	for n := range m.navs { // the navigators not open lose the focus too
		m.navs[n] = m.navs[n].SetFocused(false)
	}
	for q := range paneCount {
		m.setPane(q, m.pane(q).setFocused(q == p))
	}
	if old != p && m.sized && !m.lay.small && (m.w < 120 || m.zoom) {
		m.relayout()
	}
}

func (m *Model) setTheme() {
	m.th = m.buildTheme()
	m.header = m.header.SetTheme(m.th)
	m.footer = m.footer.SetTheme(m.th)
	for n := range m.navs { // the navigators not open too
		if navKind(n) != m.nav {
			m.navs[n] = m.navs[n].SetTheme(m.th)
		}
	}
	for p := range paneCount {
		m.setPane(p, m.pane(p).setTheme(m.th))
	}
	if m.modal != nil {
		m.modal = m.modal.setTheme(m.th)
	}
}

// relayout recomputes the layout and hands each component its size.
func (m *Model) relayout() {
	if !m.sized {
		return
	}
	axisRows := 0
	if m.nav == navTimeline && !m.reading && len(m.b.Timeline) > 0 {
		m.axisNeed = m.axis.Need(max(m.w-2, 1))
		axisRows = axisHeight(m.axisNeed, m.h-2)
	}
	banner := 0
	if m.banner != "" {
		banner = 1
	}
	m.lay = computeLayout(m.w, m.h, m.layoutOpts(axisRows, banner))
	if m.lay.small {
		return
	}
	m.header = m.header.SetSize(m.w)
	m.footer = m.footer.SetSize(m.w)
	for p := range paneCount {
		if m.shown(p) {
			r := m.lay.panes[p]
			m.setPane(p, m.pane(p).setSize(max(r.w-2, 0), max(r.h-2, 0)))
		}
	}
	m.setNavWrap()
	if m.modal != nil {
		m.modal = m.modal.setSize(m.modalSize())
	}
}

// modalSize is the content size of a modal screen: the body inside a frame.
func (m Model) modalSize() (int, int) {
	if d := m.lay.dock; d.h > 0 && m.docked() {
		return max(d.w-2, 0), max(d.h-2, 0)
	}
	return max(m.lay.body.w-2, 0), max(m.lay.body.h-2, 0)
}
