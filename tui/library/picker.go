package library

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	mlibrary "github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/model/search"
	"github.com/brief-cli/brief/tui/widget"
)

// OpenMsg asks the root to open a briefing of the library.
type OpenMsg struct{ Entry *mlibrary.Entry }

// OpenCmd makes an OpenMsg.
func OpenCmd(e *mlibrary.Entry) tea.Cmd {
	return func() tea.Msg { return OpenMsg{Entry: e} }
}

// QuitMsg asks the root to leave the library.
type QuitMsg struct{}

// QuitCmd makes a QuitMsg.
func QuitCmd() tea.Msg { return QuitMsg{} }

// row is one entry as listed: which entry, and the rune indices of its
// title, source and path that the filter matched.
type row struct {
	entry              int
	title, source, loc []int
}

// fields are what the filter matches of an entry: its title, its
// source's title and its path. Each is matched on its own, and an entry
// ranks by its best field, so a long source title does not push a
// briefing whose title matches well down the list.
const (
	fieldTitle = iota
	fieldSource
	fieldPath
	fields
)

// Picker lists the briefings of a library, two lines each: the title and
// date, then the source and what the briefing holds, or for a file that
// cannot be loaded its name and first problem, dimmed. Typing filters the
// list with fuzzy matching over titles, sources and paths; enter opens
// the briefing under the cursor.
type Picker struct {
	th   Theme
	keys KeyMap
	help help.Model

	lib *mlibrary.Library
	ix  *search.Index // fields texts per entry, entry by entry

	input   widget.Query // the filter
	focused bool         // keys type into the filter
	rows    []row
	cursor  int // index into rows
	off     int // first row shown
	status  string
	w, h    int
}

// NewPicker lists the entries of lib.
func NewPicker(th Theme, lib *mlibrary.Library) Picker {
	p := Picker{th: th, keys: DefaultKeyMap(), help: help.New(), lib: lib}
	p.help.Styles = th.Help
	p.input = widget.NewQuery("/ ").SetStyles(th.Query())
	texts := make([]string, 0, fields*len(lib.Entries))
	for _, e := range lib.Entries {
		texts = append(texts, sanitize.Line(e.Title), sourceOf(e), p.relPath(e))
	}
	p.ix = search.NewIndex(texts)
	p = p.refilter()
	p.keys = p.enabled()
	return p
}

// sourceOf returns the source title to show: none for a broken file or a
// plain article, whose source title is its title.
func sourceOf(e *mlibrary.Entry) string {
	if e.Err != nil || e.Source == e.Title {
		return ""
	}
	return sanitize.Line(e.Source)
}

// relPath is an entry's path inside the library's folder.
func (p Picker) relPath(e *mlibrary.Entry) string {
	if rel, err := filepath.Rel(p.lib.Dir, e.Path); err == nil && filepath.IsLocal(rel) {
		return sanitize.Line(rel)
	}
	return sanitize.Line(e.Path)
}

// KeyMap returns the keys in effect: those that do nothing now are off.
func (p Picker) KeyMap() KeyMap { return p.keys }

// SetSize sets the picker's width and height.
func (p Picker) SetSize(w, h int) Picker {
	p.w, p.h = w, h
	p.help.SetWidth(w - 1)
	p.off = p.scrolled()
	return p
}

// SetTheme restyles the picker.
func (p Picker) SetTheme(th Theme) Picker {
	p.th = th
	p.help.Styles = th.Help
	p.input = p.input.SetStyles(th.Query())
	return p
}

// Query returns the filter as typed.
func (p Picker) Query() string { return p.input.Value() }

// Selected returns the entry under the cursor, or nil.
func (p Picker) Selected() *mlibrary.Entry {
	if p.cursor < len(p.rows) {
		return p.lib.Entries[p.rows[p.cursor].entry]
	}
	return nil
}

// Restore puts back a filter and the cursor on the entry with the given
// path, as they were before the library was left; the filter is not
// focused, so q still quits.
func (p Picker) Restore(query, selected string) Picker {
	p.input = p.input.SetValue(query)
	p = p.refilter()
	for i, r := range p.rows {
		if p.lib.Entries[r.entry].Path == selected {
			p.cursor = i
		}
	}
	p.off = p.scrolled()
	p.keys = p.enabled()
	return p
}

// SetStatus shows a message in the status line until the next key.
func (p Picker) SetStatus(s string) Picker {
	p.status = sanitize.Line(s)
	return p
}

// Update handles keys and pastes.
func (p Picker) Update(msg tea.Msg) (Picker, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		p.status = ""
		p, cmd = p.key(msg)
	case tea.PasteMsg:
		p.status = ""
		p = p.edit(msg)
		p.focused = true
	default:
		return p, nil
	}
	p.keys = p.enabled()
	return p, cmd
}

func (p Picker) key(k tea.KeyPressMsg) (Picker, tea.Cmd) {
	km := p.keys
	if c, ok := p.move(k); ok {
		p.cursor = c
		p.off = p.scrolled()
		return p, nil
	}
	switch {
	case key.Matches(k, km.Open):
		e := p.Selected()
		switch {
		case e == nil:
		case e.Err != nil:
			n := len(e.Problems())
			p.status = fmt.Sprintf("%s cannot be opened: %s (brief check lists them)", p.relPath(e), plural(n, "problem"))
		default:
			return p, OpenCmd(e)
		}
		return p, nil
	case key.Matches(k, km.Clear):
		p.focused = false
		p.input = p.input.SetValue("")
		return p.edit(nil), nil
	}
	if !p.focused {
		switch {
		case key.Matches(k, km.Quit):
			return p, QuitCmd
		case key.Matches(k, km.Help):
			p.help.ShowAll = !p.help.ShowAll
			p.off = p.scrolled()
			return p, nil
		case key.Matches(k, km.Filter):
			p.focused = true
			return p, nil
		}
	}
	// Typing, and backspace, go to the filter (and focus it); so do its
	// editing keys (ctrl+w, ctrl+u, ←, →, ...) while it is focused.
	if (k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt) == 0) || k.String() == "backspace" {
		p.focused = true
	}
	if !p.focused {
		return p, nil
	}
	return p.edit(k), nil
}

// move returns the cursor after a movement key.
func (p Picker) move(k tea.KeyPressMsg) (int, bool) {
	km, n, page := p.keys, len(p.rows), max(p.listRows()/2, 1)
	c := p.cursor
	switch {
	case key.Matches(k, km.Up):
		c--
	case key.Matches(k, km.Down):
		c++
	case key.Matches(k, km.PageUp):
		c -= page
	case key.Matches(k, km.PageDown):
		c += page
	case key.Matches(k, km.Home):
		c = 0
	case key.Matches(k, km.End):
		c = n - 1
	default:
		return p.cursor, false
	}
	return max(0, min(c, n-1)), true
}

// edit hands a key or a paste to the filter and, when it changed (or msg is
// nil), lists what matches it.
func (p Picker) edit(msg tea.Msg) Picker {
	if msg != nil {
		var changed bool
		if p.input, changed = p.input.Update(msg); !changed {
			return p
		}
	}
	p = p.refilter()
	p.cursor, p.off = 0, 0
	return p
}

// refilter lists the entries matching the filter: all of them, in path
// order, when it is empty; else best first.
func (p Picker) refilter() Picker {
	p.rows = make([]row, 0, len(p.lib.Entries)) // copies of the picker keep theirs
	if p.Query() == "" {
		for i := range p.lib.Entries {
			p.rows = append(p.rows, row{entry: i})
		}
	} else {
		// Best first; equal scores keep the entries' order, title first.
		seen := make(map[int]bool)
		for _, m := range p.ix.Search(context.Background(), p.Query(), 0) {
			e := m.Item / fields
			if seen[e] {
				continue // a weaker match of another field
			}
			seen[e] = true
			p.rows = append(p.rows, p.matchRow(m))
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.rows)-1))
	return p
}

// matchRow makes the row of a match: its entry, and the matched
// characters of the field that matched.
func (p Picker) matchRow(m search.Match) row {
	e := p.lib.Entries[m.Item/fields]
	text := []string{sanitize.Line(e.Title), sourceOf(e), p.relPath(e)}[m.Item%fields]
	runes := search.RuneIndexes(text, m.MatchedIndexes)
	r := row{entry: m.Item / fields}
	switch m.Item % fields {
	case fieldTitle:
		r.title = runes
	case fieldSource:
		r.source = runes
	case fieldPath:
		r.loc = runes
	}
	return r
}

// enabled turns off the keys that do nothing now, so they leave the help.
func (p Picker) enabled() KeyMap {
	k := DefaultKeyMap()
	n := len(p.rows)
	k.Up.SetEnabled(n > 1)
	k.Down.SetEnabled(n > 1)
	k.PageUp.SetEnabled(n > 1)
	k.PageDown.SetEnabled(n > 1)
	k.Home.SetEnabled(n > 1)
	k.End.SetEnabled(n > 1)
	k.Open.SetEnabled(n > 0)
	k.Clear.SetEnabled(p.focused || p.Query() != "")
	k.Filter.SetEnabled(!p.focused)
	k.Help.SetEnabled(!p.focused)
	if p.help.ShowAll {
		k.Help.SetHelp("?", "fewer keys")
	}
	k.Quit.SetEnabled(!p.focused)
	return k
}

// Layout: a header line, the filter line and a rule, the list, then the
// status line (the selected file's path, or a message) and the help.
const chromeRows = 5

func (p Picker) helpRows() int {
	if !p.help.ShowAll {
		return 1
	}
	return strings.Count(p.help.View(p.keys), "\n") + 1
}

// listRows is the number of screen rows for entries.
func (p Picker) listRows() int { return max(p.h-chromeRows-p.helpRows()+1, 2) }

// scrolled returns the first row to show so the cursor's entry is on
// screen.
func (p Picker) scrolled() int {
	per := max(p.listRows()/2, 1)
	off := p.off
	if p.cursor < off {
		off = p.cursor
	}
	if p.cursor >= off+per {
		off = p.cursor - per + 1
	}
	return max(0, min(off, len(p.rows)-per))
}

// View draws the picker in exactly its width and height.
func (p Picker) View() string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	w := p.w
	lines := make([]string, 0, p.h)
	lines = append(lines, p.header(), p.filterLine(), p.th.Dim.Render(strings.Repeat("─", w)))
	list := p.listLines()
	lines = append(lines, list...)
	for len(lines) < p.h-1-p.helpRows() {
		lines = append(lines, "")
	}
	lines = append(lines, p.statusLine())
	for _, l := range strings.Split(p.help.View(p.keys), "\n") {
		lines = append(lines, " "+l)
	}
	if len(lines) > p.h {
		lines = lines[:p.h]
	}
	for i, l := range lines {
		lines[i] = pad(l, w)
	}
	return strings.Join(lines, "\n")
}

func (p Picker) header() string {
	left := " " + p.th.Title.Render("Library") + " " + p.th.Dim.Render(sanitize.Truncate(sanitize.Line(p.lib.Dir), max(p.w/2, 10), "…"))
	n, broken := len(p.lib.Entries), p.lib.Broken()
	right := plural(n-broken, "briefing")
	if broken > 0 {
		right += fmt.Sprintf(" · %d broken", broken)
	}
	if p.Query() != "" {
		right = fmt.Sprintf("%d of %d match", len(p.rows), n)
	}
	if p.lib.Skipped > 0 {
		right += fmt.Sprintf(" · %d more not loaded", p.lib.Skipped)
	}
	return spread(left, p.th.Dim.Render(right)+" ", p.w)
}

func (p Picker) filterLine() string {
	prompt := p.th.Prompt.Render(" / ")
	room := p.w - 4
	if p.Query() == "" && !p.focused {
		return prompt + p.th.Dim.Render(sanitize.Truncate("type to filter by title, source or file", room, "…"))
	}
	if p.focused {
		return " " + p.input.View(p.w-1)
	}
	return prompt + sanitize.Truncate(p.Query(), room, "…")
}

func (p Picker) statusLine() string {
	if p.status != "" {
		return " " + p.th.Error.Render(sanitize.Truncate(p.status, p.w-2, "…"))
	}
	if len(p.rows) == 0 {
		return ""
	}
	r := p.rows[p.cursor]
	loc := p.relPath(p.lib.Entries[r.entry])
	return " " + styleRunes(sanitize.Truncate(loc, p.w-2, "…"), r.loc, p.th.Dim, p.th.Match)
}

// listLines draws the visible entries, two lines each.
func (p Picker) listLines() []string {
	if len(p.rows) == 0 {
		msg := "No briefings here: brief lists *.brief.md files and plain *.txt articles."
		if p.Query() != "" {
			msg = "Nothing matches “" + p.Query() + "”; esc clears the filter."
		}
		return []string{"", "  " + p.th.Dim.Render(sanitize.Truncate(sanitize.Line(msg), p.w-3, "…"))}
	}
	var out []string
	per := max(p.listRows()/2, 1)
	for i := p.off; i < len(p.rows) && i < p.off+per; i++ {
		out = append(out, p.entryLines(p.rows[i], i == p.cursor)...)
	}
	return out
}

func (p Picker) entryLines(r row, selected bool) []string {
	e := p.lib.Entries[r.entry]
	th, w := p.th, p.w
	marker := "  "
	base, match := lipgloss.NewStyle(), th.Match
	if selected {
		marker = "▸ "
		base = th.Selected
		match = th.Selected.Underline(true)
	}
	if e.Err != nil {
		label := "cannot be opened"
		titleW := max(w-len(marker)-sanitize.Width(label)-3, 1)
		title := styleRunes(sanitize.Truncate(sanitize.Line(e.Title), titleW, "…"), r.title, dimmed(base, th, selected), match)
		first := base.Render(marker) + title
		line1 := spreadStyled(first, th.Error.Render(label)+" ", w, base, selected)
		problem := problemOf(e)
		line2 := "    " + th.Dim.Render(sanitize.Truncate(problem, w-5, "…"))
		return []string{line1, line2}
	}
	date := e.Published
	if len(date) > 10 {
		date = date[:10]
	}
	titleW := max(w-len(marker)-len(date)-3, 1)
	title := styleRunes(sanitize.Truncate(sanitize.Line(e.Title), titleW, "…"), r.title, base, match)
	line1 := spreadStyled(base.Render(marker)+title, th.Dim.Render(date)+" ", w, base, selected)

	room := w - 5
	src := sourceOf(e)
	srcMin := 0
	if src != "" {
		srcMin = min(sanitize.Width(src), 20) + 3 // and " · "
	}
	counts := fitCounts(countsOf(e), room-srcMin)
	line2 := "    "
	if src != "" {
		s := sanitize.Truncate(src, max(room-sanitize.Width(counts)-3, 1), "…")
		line2 += styleRunes(s, r.source, lipgloss.NewStyle(), th.Match)
		if counts != "" {
			line2 += th.Dim.Render(" · " + counts)
		}
	} else {
		line2 += th.Dim.Render(counts)
	}
	return []string{line1, line2}
}

// problemOf returns a broken file's first problem without the file's
// path, which the entry already shows: "8:1: only # sections…".
func problemOf(e *mlibrary.Entry) string {
	p := sanitize.Line(e.Problems()[0])
	if rest, ok := strings.CutPrefix(p, sanitize.Line(e.Path)+":"); ok {
		return strings.TrimSpace(rest)
	}
	return p
}

// dimmed is the style of a broken file's name.
func dimmed(base lipgloss.Style, th Theme, selected bool) lipgloss.Style {
	if selected {
		return base
	}
	return th.Dim
}

// countsOf says what a briefing holds.
func countsOf(e *mlibrary.Entry) []string {
	if e.Plain {
		return []string{"article", plural(e.Sentences, "sentence")}
	}
	return []string{plural(e.Themes, "theme"), plural(e.Points, "point"), plural(e.Events, "event"), plural(e.Actors, "actor")}
}

// fitCounts joins as many counts as fit in w cells, whole.
func fitCounts(counts []string, w int) string {
	out := ""
	for _, c := range counts {
		next := c
		if out != "" {
			next = out + " · " + c
		}
		if sanitize.Width(next) > w {
			break
		}
		out = next
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// styleRunes renders s with the runes at idx (ascending) in hl and the rest
// in base. Indices past the end of s (cut off by truncation) are ignored.
func styleRunes(s string, idx []int, base, hl lipgloss.Style) string {
	if len(idx) == 0 {
		return base.Render(s)
	}
	var b, run strings.Builder
	inHL, k, i := false, 0, 0
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if inHL {
			b.WriteString(hl.Render(run.String()))
		} else {
			b.WriteString(base.Render(run.String()))
		}
		run.Reset()
	}
	for _, r := range s {
		for k < len(idx) && idx[k] < i {
			k++
		}
		h := k < len(idx) && idx[k] == i
		if h != inHL {
			flush()
			inHL = h
		}
		run.WriteRune(r)
		i++
	}
	flush()
	return b.String()
}

// spread lays out left and right in exactly w cells, cutting left if
// need be.
func spread(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return pad(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// spreadStyled is spread with the gap in the row's style, so a selected
// row is highlighted across.
func spreadStyled(left, right string, w int, base lipgloss.Style, selected bool) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return pad(left, w)
	}
	fill := strings.Repeat(" ", gap)
	if selected {
		fill = base.Render(fill)
	}
	return left + fill + right
}

// pad makes a styled line exactly w cells: cut or filled with spaces.
func pad(s string, w int) string {
	sw := lipgloss.Width(s)
	switch {
	case sw > w:
		return ansi.Truncate(s, w, "")
	case sw < w:
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}
