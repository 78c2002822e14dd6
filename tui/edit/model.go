// Package edit is edit mode of brief: the article as the canvas, a
// sentence cursor and selection, an outline of the briefing's items, and
// the changes made from them (model/edit), saved into the author's file
// byte for byte where it was not touched.
//
// The root (Model) lays out a header, the article canvas and the outline
// side by side (or the focused one alone on a narrow screen), a status line
// with the live check, a message or prompt line and the keys. It alone reads
// the window size and owns the theme.
package edit

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/edit"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/style"
)

// Model is edit mode's root.
type Model struct {
	doc     *edit.Doc
	th      *Theme
	fixed   bool // the theme was chosen; the background does not change it
	hc      bool
	keys    globalKeys
	canvas  canvas
	outline outline
	prompt  *prompt
	help    help.Model
	// recover asks about the first of recoveries, the files earlier
	// sessions kept unsaved, before anything else.
	recover    *recovery
	recoveries []string

	focusOutline bool
	showHelp     bool
	w, h         int

	current  string // the current point: where c cites, a names, m moves
	msg      string
	msgErr   bool
	conflict bool // the last save found the file changed and refused
	quitArm  bool // q pressed once with unsaved changes
	autosave bool
	quitting bool
	// interrupted is set by ctrl+c: Run reports it as ErrInterrupted.
	interrupted bool
}

// New makes edit mode on an open document. theme is "" or auto (follow the
// terminal), dark, light or high-contrast.
func New(doc *edit.Doc, theme string, noColor, autosave bool) Model {
	dark := theme != style.Light
	hc := theme == style.HighContrast
	th := NewTheme(dark, hc, noColor)
	m := Model{doc: doc, th: th, hc: hc, fixed: theme != "" && theme != style.Auto, keys: newGlobalKeys(),
		canvas: newCanvas(th), outline: newOutline(th), help: help.New(), autosave: autosave}
	m.help.Styles = th.Help
	m.refresh()
	if m.recoveries = edit.UnsavedFiles(doc.Name); len(m.recoveries) > 0 {
		r := newRecovery(doc, m.recoveries[0])
		m.recover = &r
	}
	// The point citing the first cited sentence is current, as after a
	// move: the one nearest the canvas's cursor, on the first sentence.
	// The outline's cursor stays on its first row.
	if id := firstCitingPoint(doc.Briefing); id != "" {
		m.current = id
		m.refresh()
	}
	return m
}

// firstCitingPoint is the point that cites the earliest sentence any
// point cites, or "".
func firstCitingPoint(b *model.Briefing) string {
	for _, s := range b.Sentences() {
		for _, r := range b.CitedBy(s.ID) {
			if r.Kind == model.KindPoint {
				return r.ID
			}
		}
	}
	return ""
}

func (m Model) Init() tea.Cmd {
	if m.fixed {
		return nil
	}
	return tea.RequestBackgroundColor
}

// refresh lays the panes out again from the document after a change.
func (m *Model) refresh() {
	b := m.doc.Briefing
	if b.Point(m.current) == nil {
		// The current point is gone (undone, deleted, merged): the last
		// point takes its place.
		m.current = ""
		if ps := b.Points(); len(ps) > 0 {
			m.current = ps[len(ps)-1].ID
		}
	}
	cur := map[string]bool{}
	if m.current != "" {
		for _, id := range b.SentencesOf(model.Ref{Kind: model.KindPoint, ID: m.current}) {
			cur[id] = true
		}
	}
	m.canvas = m.canvas.SetBriefing(b, cur)
	m.outline = m.outline.SetOutline(m.doc.Outline, b)
}

func (m *Model) flash(s string, isErr bool) { m.msg, m.msgErr = s, isErr }

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		if !m.fixed {
			m.setTheme(NewTheme(msg.IsDark(), m.hc, m.th.NoColor))
		}
		return m, nil
	case tea.MouseClickMsg:
		return m.click(msg.Mouse()), nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.prompt != nil {
		return m.promptUpdate(msg)
	}
	return m, nil
}

// promptUpdate passes a message to the open prompt and acts on its answer.
func (m Model) promptUpdate(msg tea.Msg) (tea.Model, tea.Cmd) {
	p, out, cmd := m.prompt.Update(msg)
	m.prompt = &p
	switch out {
	case confirmed:
		m.prompt = nil
		return m.answer(p, p.Value())
	case cancelled:
		m.prompt = nil
		m.flash("cancelled", false)
	}
	return m, cmd
}

func (m *Model) setTheme(th *Theme) {
	m.th = th
	m.canvas.th, m.outline.th = th, th
	m.help.Styles = th.Help
}

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) {
		m.quitting, m.interrupted = true, true
		return m, tea.Quit
	}
	if m.prompt != nil {
		return m.promptUpdate(msg)
	}
	if m.recover != nil {
		return m.recoveryKey(msg)
	}
	if m.showHelp {
		m.showHelp = false
		return m, nil
	}
	wasArmed := m.quitArm
	m.quitArm = false
	switch {
	case key.Matches(msg, m.keys.Quit):
		if m.doc.Modified() && !wasArmed {
			m.quitArm = true
			m.flash("unsaved changes: ctrl+s saves them, q again quits without saving", true)
			return m, nil
		}
		m.quitting = true
		return m, tea.Quit
	case key.Matches(msg, m.keys.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, m.keys.Pane):
		m.focusOutline = !m.focusOutline
		m.layout()
		return m, nil
	case key.Matches(msg, m.keys.Save):
		m.save()
		return m, nil
	case key.Matches(msg, m.keys.Reload):
		if err := m.doc.Reload(); err != nil {
			m.flash("reload: "+err.Error(), true)
		} else {
			m.conflict = false
			m.refresh()
			m.flash("reloaded "+m.name()+" (u brings your changes back)", false)
		}
		return m, nil
	case key.Matches(msg, m.keys.Undo):
		if m.doc.Undo() {
			m.refresh()
			m.land()
			m.flash("undone", false)
		} else {
			m.flash("nothing to undo", false)
		}
		return m, nil
	case key.Matches(msg, m.keys.Redo):
		if m.doc.Redo() {
			m.refresh()
			m.land()
			m.flash("redone", false)
		} else {
			m.flash("nothing to redo", false)
		}
		return m, nil
	}
	if m.focusOutline {
		return m.outlineKey(msg)
	}
	return m.canvasKey(msg)
}

func (m Model) name() string { return sanitize.Line(filepath.Base(m.doc.Name)) }

// save writes the file; a save refused because the file changed on disk
// is made over it only when asked again.
func (m *Model) save() {
	if m.conflict {
		if err := m.doc.SaveOver(); err != nil {
			m.flash("save: "+err.Error(), true)
			return
		}
		m.conflict = false
		m.flash("saved "+m.name()+" over the change made on disk", false)
		return
	}
	res, err := m.doc.Save()
	var ce *edit.ConflictError
	switch {
	case errors.As(err, &ce):
		m.conflict = true
		m.flash("not saved: "+m.name()+" changed on disk. ctrl+s again writes yours over it, ctrl+l reloads it (u brings yours back). "+sanitize.Line(ce.Why), true)
		return
	case err != nil:
		m.flash("save: "+sanitize.Line(err.Error()), true)
		return
	}
	switch res {
	case edit.Unchanged:
		m.flash("nothing to save: "+m.name()+" is as you see it", false)
	case edit.Written:
		m.flash("saved "+m.name(), false)
	case edit.Merged:
		m.refresh()
		m.flash(m.name()+" had changed on disk: your changes were made again on it and saved", false)
	case edit.Reloaded:
		m.refresh()
		m.flash(m.name()+" had changed on disk: reloaded", false)
	}
}

// apply makes a change and shows what happened.
func (m *Model) apply(op edit.Op) bool {
	if err := m.doc.Apply(op); err != nil {
		m.flash(sanitize.Line(err.Error()), true)
		return false
	}
	m.refresh()
	m.flash(sanitize.Line(op.Describe()), false)
	if m.autosave {
		m.save()
	}
	return true
}

// currentTheme is where a new point goes: the current point's theme, the
// outline's theme, else the last theme; "" when there is none.
func (m Model) currentTheme() string {
	if p := m.doc.Briefing.Point(m.current); p != nil {
		return p.Theme
	}
	if r := m.outline.Current(); r.kind == model.KindTheme || r.kind == model.KindPoint {
		return r.theme
	}
	if ts := m.doc.Briefing.Themes; len(ts) > 0 {
		return ts[len(ts)-1].ID
	}
	return ""
}

func (m *Model) ask(p prompt) {
	p = p.SetWidth(m.w)
	m.prompt = &p
}

func (m Model) canvasKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var ok bool
	before := m.canvas.cursor
	if m.canvas, ok = m.canvas.Update(msg); ok {
		m.followCanvas()
		if key.Matches(msg, m.canvas.keys.NextUncited) && m.canvas.cursor == before {
			if m.canvas.uncited() {
				m.flash("no other sentence is uncited", false)
			} else {
				m.flash("every sentence is cited", false)
			}
		}
		return m, nil
	}
	k := m.canvas.keys
	sel, part := m.canvas.Selection(), m.canvas.Part()
	first := part
	if first == "" && len(sel) > 0 {
		first = m.doc.Briefing.Sentence(sel[0]).Text
	}
	switch {
	case key.Matches(msg, k.Point):
		p := newPrompt(m.th, askClaim, "claim"+m.unskipNote(sel), edit.DraftClaim(first), nil)
		p.sel, p.part = sel, part
		m.ask(p)
	case key.Matches(msg, k.Event):
		p := newPrompt(m.th, askEventTitle, "event title"+m.unskipNote(sel), edit.DraftClaim(first), nil)
		p.sel, p.part = sel, part
		m.ask(p)
	case key.Matches(msg, k.Actor):
		if m.current == "" {
			m.flash("no current point: make one with p or pick one in the outline", true)
			return m, nil
		}
		var names []string
		for _, a := range m.doc.Briefing.Actors {
			names = append(names, a.Name)
		}
		// Actors named in the selection come first.
		slices.SortStableFunc(names, func(a, b string) int {
			ia, ib := strings.Contains(m.selText(sel), a), strings.Contains(m.selText(sel), b)
			switch {
			case ia && !ib:
				return -1
			case ib && !ia:
				return 1
			}
			return 0
		})
		val := ""
		if len(names) > 0 {
			val = names[0]
		}
		p := newPrompt(m.th, askActor, "actor (tab: next; a new name makes one)", val, names)
		p.target = m.current
		m.ask(p)
	case key.Matches(msg, k.Quote):
		if m.current == "" {
			m.flash("no current point: make one with p or pick one in the outline", true)
			return m, nil
		}
		q, err := m.quoteOf(sel, part)
		if err != nil {
			m.flash(err.Error(), true)
			return m, nil
		}
		m.apply(m.doc.WithUnskips(edit.AddQuote{Item: m.current, Quote: q}, sel))
	}
	return m, nil
}

// unskipNote tells, in a prompt's label, that the change will take the
// selection's skipped sentences (captions, bylines the draft skipped) out
// of the skip list: citing one says it is neither. The change and the
// un-skipping are one, and u takes both back.
func (m Model) unskipNote(sel []string) string {
	var ids []string
	for _, op := range m.doc.Unskips(sel) {
		ids = append(ids, op.(edit.Unskip).Sentence)
	}
	if len(ids) == 0 {
		return ""
	}
	return " (un-skips " + strings.Join(ids, ", ") + ")"
}

// quoteOf is the quote of the selection, or of the clause it is cut to.
func (m Model) quoteOf(sel []string, part string) (edit.Quote, error) {
	if part != "" && len(sel) == 1 {
		return m.doc.QuoteOfPart(sel[0], part)
	}
	return m.doc.QuoteOf(sel)
}

func (m Model) selText(sel []string) string {
	var parts []string
	for _, id := range sel {
		parts = append(parts, m.doc.Briefing.Sentence(id).Text)
	}
	return strings.Join(parts, " ")
}

func (m Model) outlineKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.outline.keys
	r := m.outline.Current()
	isPoint := r.kind == model.KindPoint
	switch {
	case key.Matches(msg, k.Down):
		m.outline = m.outline.Move(1)
		m.follow()
	case key.Matches(msg, k.Up):
		m.outline = m.outline.Move(-1)
		m.follow()
	case key.Matches(msg, k.PageDown):
		m.outline = m.outline.Move(max(m.outline.h-1, 1))
		m.follow()
	case key.Matches(msg, k.PageUp):
		m.outline = m.outline.Move(-max(m.outline.h-1, 1))
		m.follow()
	case key.Matches(msg, k.Top):
		m.outline = m.outline.Move(-len(m.outline.rows))
		m.follow()
	case key.Matches(msg, k.Bottom):
		m.outline = m.outline.Move(len(m.outline.rows))
		m.follow()
	case key.Matches(msg, k.Show):
		if ids := m.doc.Briefing.SentencesOf(model.Ref{Kind: r.kind, ID: r.id}); len(ids) > 0 && r.kind != "" {
			m.canvas = m.canvas.Select(ids[0])
			m.focusOutline = false
			m.layout()
		}
	case key.Matches(msg, k.Rename) && r.kind != "":
		p := newPrompt(m.th, askRename, "rename", r.title, nil)
		p.target = r.id
		m.ask(p)
	case key.Matches(msg, k.NewTheme):
		m.ask(newPrompt(m.th, askNewTheme, "new theme", "", nil))
	case key.Matches(msg, k.MoveUp) && isPoint:
		m.apply(edit.Move{ID: r.id, By: -1})
	case key.Matches(msg, k.MoveDown) && isPoint:
		m.apply(edit.Move{ID: r.id, By: 1})
	case key.Matches(msg, k.MoveTo) && isPoint:
		var titles []string
		for _, t := range m.doc.Briefing.Themes {
			if t.ID != r.theme {
				titles = append(titles, t.Title)
			}
		}
		if len(titles) == 0 {
			m.flash("no other theme: t makes one", true)
			return m, nil
		}
		p := newPrompt(m.th, askMoveTo, "move to theme (tab: next)", titles[0], titles)
		p.target = r.id
		m.ask(p)
	case key.Matches(msg, k.Merge) && isPoint:
		next := ""
		rows := m.outline.rows
		if i := m.outline.cursor + 1; i < len(rows) && rows[i].kind == model.KindPoint {
			next = rows[i].id
		}
		if next == "" {
			m.flash("no point below this one in its theme to merge", true)
			return m, nil
		}
		m.apply(edit.Merge{Into: r.id, From: next})
	case key.Matches(msg, k.Split) && isPoint:
		m.apply(edit.Split{ID: r.id, NewID: m.doc.FreshID(r.title)})
	case key.Matches(msg, k.Field) && (r.kind == model.KindActor || r.kind == model.KindEvent || r.kind == model.KindTerm):
		field, label, val := "stance", "stance", ""
		b := m.doc.Briefing
		switch r.kind {
		case model.KindActor:
			val = b.Actor(r.id).Stance
		case model.KindEvent:
			field, label, val = "when", "date (2016, 2021-08, 198X, 2017-39, 2016~ …)", b.Event(r.id).When.String()
		case model.KindTerm:
			field, label, val = "aliases", "aliases (comma-separated)", strings.Join(b.Term(r.id).Aliases, ", ")
		}
		if strings.HasPrefix(val, "TODO") {
			val = ""
		}
		p := newPrompt(m.th, askField, label, val, nil)
		p.target, p.field = r.id, field
		m.ask(p)
	case key.Matches(msg, k.Kind) && r.kind == model.KindActor:
		kinds := model.ActorKinds
		p := newPrompt(m.th, askField, "kind (tab: next)", m.doc.Briefing.Actor(r.id).Kind, kinds)
		p.ci = max(slices.Index(kinds, m.doc.Briefing.Actor(r.id).Kind), 0)
		p.target, p.field = r.id, "kind"
		m.ask(p)
	case key.Matches(msg, k.Subject):
		val := m.doc.Briefing.Subject
		if strings.HasPrefix(val, "TODO") {
			val = ""
		}
		m.ask(newPrompt(m.th, askSubject, "subject: what the stances are toward", val, nil))
	case key.Matches(msg, k.Delete) && r.kind != "":
		m.apply(edit.Delete{ID: r.id})
	case key.Matches(msg, k.Reviewed) && r.kind != "":
		m.apply(edit.MarkReviewed{ID: r.id})
	}
	return m, nil
}

// followCanvas makes a point that cites the sentence under the cursor the
// current one, so that c and a act on what the author reads.
func (m *Model) followCanvas() {
	sel := m.canvas.Selection()
	if len(sel) == 0 {
		return
	}
	for _, r := range m.doc.Briefing.CitedBy(m.canvas.sents[m.canvas.cursor].ID) {
		if r.Kind == model.KindPoint {
			if r.ID != m.current {
				m.current = r.ID
				m.refresh()
				m.outline = m.outline.Select(r.ID)
			}
			return
		}
	}
}

// land puts the outline's cursor on the item the last undo or redo acted
// on (a deleted point brought back, a moved one), which becomes the
// current point when it is one. An item the change took away leaves the
// cursor where it was.
func (m *Model) land() {
	id := m.doc.Touched()
	if id == "" || !m.outline.Has(id) {
		return
	}
	m.outline = m.outline.Select(id)
	if m.doc.Briefing.Point(id) != nil && id != m.current {
		m.current = id
		m.refresh()
	}
}

// follow makes the point under the outline's cursor the current one.
func (m *Model) follow() {
	if r := m.outline.Current(); r.kind == model.KindPoint && r.id != m.current {
		m.current = r.id
		m.refresh()
	}
}

// answer acts on a confirmed prompt.
func (m Model) answer(p prompt, v string) (tea.Model, tea.Cmd) {
	retry := func(err string) (tea.Model, tea.Cmd) {
		p.err = err
		m.prompt = &p
		return m, nil
	}
	if v == "" && p.ask != askActor {
		return retry("empty: type something, or esc to cancel")
	}
	b := m.doc.Briefing
	switch p.ask {
	case askClaim:
		q, err := m.quoteOf(p.sel, p.part)
		if err != nil {
			return retry(err.Error())
		}
		op := edit.AddPoint{Theme: m.currentTheme(), ID: m.doc.FreshID(v), Claim: v, Quote: q}
		if op.Theme == "" {
			op.Theme, op.NewTheme = m.doc.FreshID("theme"), "TODO name this theme"
		}
		if m.apply(m.doc.WithUnskips(op, p.sel)) {
			m.current = op.ID
			m.refresh()
			m.outline = m.outline.Select(op.ID)
		}
	case askEventTitle:
		text := p.part
		if text == "" {
			text = m.selText(p.sel)
		}
		when, phrase, _ := m.doc.DraftDate(text)
		n := newPrompt(m.th, askEventDate, "date (2016, 2021-08, 198X, 2017-39, 2016~ …)"+m.unskipNote(p.sel), when, nil)
		n.sel, n.part, n.title, n.phrase = p.sel, p.part, v, phrase
		m.ask(n)
	case askEventDate:
		if err := edit.CheckDate(v); err != nil {
			return retry("date: " + err.Error())
		}
		q, err := m.quoteOf(p.sel, p.part)
		if err != nil {
			return retry(err.Error())
		}
		phrase := p.phrase
		if !strings.Contains(q.Text, phrase) {
			phrase = ""
		}
		m.apply(m.doc.WithUnskips(edit.AddEvent{ID: m.doc.FreshID("e " + v + " " + p.title), Title: p.title, When: v, Phrase: phrase, Quote: q}, p.sel))
	case askActor:
		if v == "" {
			return retry("empty: type a name, or esc to cancel")
		}
		id := ""
		for _, a := range b.Actors {
			if strings.EqualFold(a.Name, v) || a.ID == v {
				id = a.ID
			}
		}
		if id == "" {
			id = m.doc.FreshID(v)
			if err := m.doc.Apply(edit.AddActor{ID: id, Name: v, Kind: "group", Stance: "TODO"}); err != nil {
				return retry(err.Error())
			}
		}
		if !m.apply(edit.AddToList{Item: p.target, Key: "actors", IDs: []string{id}}) {
			m.refresh()
		}
	case askRename:
		m.apply(edit.Rename{ID: p.target, Title: v})
	case askNewTheme:
		id := m.doc.FreshID(v)
		if m.apply(edit.NewTheme{ID: id, Title: v}) {
			m.outline = m.outline.Select(id)
		}
	case askField:
		if p.field == "when" {
			if err := edit.CheckDate(v); err != nil {
				return retry("date: " + err.Error())
			}
		}
		m.apply(edit.SetField{Item: p.target, Key: p.field, Value: v})
	case askSubject:
		m.apply(edit.SetMeta{Key: "subject", Value: v})
	case askMoveTo:
		for _, t := range b.Themes {
			if strings.EqualFold(t.Title, v) || t.ID == v {
				m.apply(edit.Move{ID: p.target, Theme: t.ID})
				return m, nil
			}
		}
		return retry(fmt.Sprintf("no theme %q: tab goes through them", v))
	}
	return m, nil
}

// layout sizes the panes: side by side from 100 columns, else the focused
// one alone.
func (m *Model) layout() {
	if m.w <= 0 {
		return
	}
	bodyH := max(m.h-4, 1)
	cw, ow := m.paneWidths()
	m.canvas = m.canvas.SetSize(max(cw, 1), bodyH)
	m.outline = m.outline.SetSize(max(ow, 1), bodyH)
	if m.prompt != nil {
		p := m.prompt.SetWidth(m.w)
		m.prompt = &p
	}
}

// paneWidths are the canvas's and the outline's widths; 0 for a pane not
// shown.
func (m Model) paneWidths() (int, int) {
	if m.w >= 100 {
		ow := m.w * 2 / 5
		return m.w - ow - 1, ow
	}
	if m.focusOutline {
		return 0, m.w
	}
	return m.w, 0
}

func (m Model) click(mo tea.Mouse) Model {
	if m.prompt != nil || m.recover != nil || m.showHelp || mo.Button != tea.MouseLeft {
		return m
	}
	y := mo.Y - 1
	if y < 0 || y >= max(m.h-4, 1) {
		return m
	}
	cw, _ := m.paneWidths()
	if mo.X < cw {
		m.canvas = m.canvas.Click(y)
		m.focusOutline = false
		m.followCanvas()
	} else {
		m.outline.cursor = clamp(m.outline.off+y, 0, len(m.outline.rows)-1)
		m.focusOutline = true
		m.follow()
	}
	m.layout()
	return m
}

func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "brief edit " + m.name()
	return v
}

func (m Model) render() string {
	if m.w == 0 || m.quitting {
		return ""
	}
	if style.Small(m.w, m.h) {
		return style.TooSmallMessage()
	}
	if m.showHelp {
		return m.helpView()
	}
	fit := func(s string) string { return sanitize.Truncate(s, m.w, "…") }
	mod := ""
	if m.doc.Modified() {
		mod = " [modified]"
	}
	cur := ""
	if p := m.doc.Briefing.Point(m.current); p != nil {
		cur = "  point: " + sanitize.Line(p.Text)
	}
	header := m.th.title.On(fit("brief edit · "+m.name()+mod)) + m.th.dim.On(sanitize.Truncate(cur, max(m.w-sanitize.Width("brief edit · "+m.name()+mod), 0), "…"))
	bodyH := max(m.h-4, 1)
	cw, ow := m.paneWidths()
	var body string
	switch {
	case cw > 0 && ow > 0:
		left := lipgloss.NewStyle().Width(cw).Height(bodyH).MaxHeight(bodyH).Render(m.canvas.View())
		sep := m.th.border.On(strings.TrimSuffix(strings.Repeat("│\n", bodyH), "\n"))
		if m.focusOutline {
			sep = m.th.borderFocus.On(strings.TrimSuffix(strings.Repeat("│\n", bodyH), "\n"))
		}
		right := lipgloss.NewStyle().Width(ow).Height(bodyH).MaxHeight(bodyH).Render(m.outline.View(m.focusOutline))
		body = lipgloss.JoinHorizontal(lipgloss.Top, left, sep, right)
	case cw > 0:
		body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(m.canvas.View())
	default:
		body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(m.outline.View(true))
	}
	status := m.statusLine()
	line := ""
	switch {
	case m.prompt != nil && m.prompt.err != "":
		// Why the answer is refused (a date's reason, where it is wrong
		// and the forms it takes) takes the status line and up to three
		// lines of the body, above the input left as typed to be fixed.
		ls := sanitize.Wrap(sanitize.Line(m.prompt.err), m.w)
		if limit := min(4, max(bodyH-2, 1)); len(ls) > limit {
			ls = ls[:limit]
			ls[limit-1] = sanitize.Truncate(ls[limit-1]+" …", m.w, "…")
		}
		body = dropLast(body, len(ls)-1)
		for i := range ls {
			ls[i] = m.th.err.On(ls[i])
		}
		status = strings.Join(ls, "\n")
		line = m.prompt.View(m.th, m.w)
	case m.prompt != nil:
		line = m.prompt.View(m.th, m.w)
	case m.recover != nil:
		// The question about unsaved work is asked before anything else,
		// in full: it takes lines from the body.
		q := m.recover.Question()
		if m.msg != "" && !m.recover.confirm {
			q = m.msg + ". " + q
		}
		ls := sanitize.Wrap(q, m.w)
		if limit := min(6, max(bodyH-2, 1)); len(ls) > limit {
			ls = ls[:limit]
			ls[limit-1] = sanitize.Truncate(ls[limit-1]+" …", m.w, "…")
		}
		body = dropLast(body, len(ls)-1)
		for i := range ls {
			if m.recover.broken != "" {
				ls[i] = m.th.err.On(ls[i])
			} else {
				ls[i] = m.th.key.On(ls[i])
			}
		}
		line = strings.Join(ls, "\n")
	default:
		// A long message takes lines from the body: a second one, and up
		// to four for an error, whose reason must not be cut.
		limit := 2
		if m.msgErr {
			limit = min(4, max(bodyH-2, 2))
		}
		ls := sanitize.Wrap(m.msg, m.w)
		if len(ls) > limit {
			ls = ls[:limit]
			ls[limit-1] = sanitize.Truncate(ls[limit-1]+" …", m.w, "…")
		}
		body = dropLast(body, len(ls)-1)
		for i := range ls {
			if m.msgErr {
				ls[i] = m.th.err.On(ls[i])
			}
		}
		line = strings.Join(ls, "\n")
	}
	m.help.SetWidth(m.w)
	var keys string
	switch {
	case m.prompt != nil:
		keys = m.help.ShortHelpView(m.prompt.keys.ShortHelp())
	case m.recover != nil:
		keys = m.help.ShortHelpView(m.recover.Keys())
	case m.focusOutline:
		toArticle := key.NewBinding(key.WithKeys(m.keys.Pane.Keys()...), key.WithHelp(m.keys.Pane.Help().Key, "article"))
		keys = m.footer(m.outline.keys.Footer(toArticle, m.keys.Save, m.keys.Undo))
	default:
		keys = m.footer(m.canvas.keys.Footer(m.keys.Pane, m.keys.Save, m.keys.Undo, m.keys.Quit))
	}
	return strings.Join([]string{header, body, status, line, keys}, "\n")
}

// dropLast takes n lines off the end of a block, for lines below it that
// need the room.
func dropLast(block string, n int) string {
	for ; n > 0; n-- {
		if i := strings.LastIndex(block, "\n"); i >= 0 {
			block = block[:i]
		}
	}
	return block
}

// statusLine is the live check: the number of problems, what --strict
// still wants, then the first problem. The counts always show: when the
// line is short of room their wording is shortened, down to one total, and
// only the first problem is cut.
func (m Model) statusLine() string {
	st := m.doc.Status()
	check := m.th.ok.On("check: ok")
	if st.Warnings > 0 {
		check = m.th.err.On("check: " + plural(st.Warnings, "warning"))
	}
	var long, short []string
	if st.TODOs > 0 {
		long = append(long, plural(st.TODOs, "TODO")+" to write")
		short = append(short, plural(st.TODOs, "TODO"))
	}
	if n := st.Drafted.Total(); n > 0 {
		long = append(long, plural(n, "drafted item")+" to review")
		short = append(short, plural(n, "draft"))
	}
	if st.Warnings > 0 {
		long = append(long, plural(st.Warnings, "warning")+" to clear")
		short = append(short, plural(st.Warnings, "warning"))
	}
	forms := []string{"--strict: passes", "strict: ok"}
	if len(long) > 0 {
		total := st.TODOs + st.Drafted.Total() + st.Warnings
		forms = []string{
			"--strict wants " + strings.Join(long, ", "),
			"--strict wants " + strings.Join(short, ", "),
			"strict: " + strings.Join(short, ", "),
			fmt.Sprintf("strict: %d to do", total),
		}
	}
	s := check + " · " + forms[len(forms)-1]
	for _, f := range forms {
		if c := check + " · " + f; lipgloss.Width(c) <= m.w {
			s = c
			break
		}
	}
	if st.Warnings > 0 {
		if room := m.w - lipgloss.Width(s) - 3; room >= 12 {
			s += " · " + sanitize.Truncate(sanitize.Line(st.First), room, "…")
		}
	}
	// s holds the theme's escape codes: cut it by what it shows.
	return ansi.Truncate(s, m.w, "…")
}

// footer is the keys line: the pane's keys by priority, as many as fit,
// with ? help always last.
func (m Model) footer(keys []key.Binding) string {
	h := m.help
	h.SetWidth(0)
	var chosen []key.Binding
	for _, k := range keys {
		if lipgloss.Width(h.ShortHelpView(append(append(slices.Clip(chosen), k), m.keys.Help))) <= m.w {
			chosen = append(chosen, k)
		}
	}
	return h.ShortHelpView(append(chosen, m.keys.Help))
}

func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// helpView lists every key, from the same bindings the panes match.
func (m Model) helpView() string {
	groups := []struct {
		title string
		keys  [][]key.Binding
	}{
		{"Everywhere", m.keys.FullHelp()},
		{"Article", m.canvas.keys.FullHelp()},
		{"Outline", m.outline.keys.FullHelp()},
		{"Prompts", append(newPromptKeys().FullHelp(), newRecoveryKeys().FullHelp()...)},
	}
	// Each group under its heading; on a screen too short for that, the
	// heading leads its group's first line.
	pack := func(inline bool) []string {
		lines := []string{m.th.title.On("Keys of brief edit") + m.th.dim.On("  (any key closes)")}
		for _, g := range groups {
			var row []string
			if inline {
				row = append(row, m.th.heading.On(g.title+":"))
			} else {
				lines = append(lines, m.th.heading.On(g.title))
			}
			for _, col := range g.keys {
				for _, b := range col {
					h := b.Help()
					row = append(row, m.th.key.On(h.Key)+" "+m.th.dim.On(h.Desc))
				}
			}
			// Pack the entries into lines that fit the width.
			cur := ""
			for _, e := range row {
				if cur != "" && lipgloss.Width(cur)+3+lipgloss.Width(e) > m.w {
					lines = append(lines, cur)
					cur = ""
				}
				if cur != "" {
					cur += "   "
				}
				cur += e
			}
			lines = append(lines, cur)
		}
		return lines
	}
	lines := pack(false)
	if len(lines) > m.h {
		lines = pack(true)
	}
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	return strings.Join(lines, "\n")
}
