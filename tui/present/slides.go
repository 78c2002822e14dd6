package present

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Slides is a deck laid out for one screen size, and the one renderer of
// slides: the projector, the piped deck and SSH audiences all draw through
// it, so every screen shows a slide the same way. Slides are the unit of
// the deck: numbers count slides, never screens, so they do not depend on
// the terminal's size; a slide that needs more than one screen has
// screens 1..Screens(i) of its own.
type Slides struct {
	deck  []model.Slide
	pages []Page
	first []int // the index in pages of each slide's first screen
	g     geometry
	th    Theme
}

// NewSlides lays deck out for a w x h screen in theme th. Below the minimum
// size nothing is laid out: Screen says the terminal is too small.
func NewSlides(deck []model.Slide, th Theme, w, h int) Slides {
	g := newGeometry(w, h)
	g.axis = th.Axis
	if w < MinWidth || h < MinHeight {
		return Slides{deck: deck, g: g, th: th}
	}
	return newSlides(deck, th, g)
}

func newSlides(deck []model.Slide, th Theme, g geometry) Slides {
	s := Slides{deck: deck, g: g, th: th, pages: layout(deck, g)}
	s.first = make([]int, len(deck))
	for i := len(s.pages) - 1; i >= 0; i-- {
		s.first[s.pages[i].Slide] = i
	}
	return s
}

// Len is the number of slides.
func (s Slides) Len() int { return len(s.deck) }

// Screens is how many screens slide i (0-based) takes: 1 unless it had to
// be split, 0 when there is no such slide or nothing is laid out.
func (s Slides) Screens(i int) int {
	if i < 0 || i >= len(s.first) || len(s.pages) == 0 {
		return 0
	}
	return s.pages[s.first[i]].Parts
}

// page returns screen n (1-based, clamped) of slide i.
func (s Slides) page(i, n int) (Page, bool) {
	if i < 0 || i >= len(s.first) || len(s.pages) == 0 {
		return Page{}, false
	}
	p := s.pages[s.first[i]]
	return s.pages[s.first[i]+max(0, min(n, p.Parts)-1)], true
}

// Steps is how many presses of next screen n of slide i takes: one per
// item shown on it when its items are revealed one at a time, else one.
func (s Slides) Steps(i, n int) int {
	p, ok := s.page(i, n)
	if !ok {
		return 1
	}
	return p.Steps()
}

// Shown is how many of slide i's items screen pos shows on a slide whose
// items appear one at a time: the items of the screens before it and the
// steps taken on it. It counts the slide's own items, not screens, so it
// means the same at every terminal size; 0 when the slide is not built up
// step by step (or pos shows it whole).
func (s Slides) Shown(pos Pos) int {
	p, ok := s.page(pos.Slide, pos.Screen)
	if !ok || !p.reveal || pos.Step < 1 || len(p.items) == 0 {
		return 0
	}
	return p.items[min(pos.Step, len(p.items))-1] + 1
}

// Reveal is the place at this size that shows the first shown items of
// slide i, no more: the screen that holds the newest of them, at the step
// that reaches it. shown 0 (or past the slide's items) shows the slide's
// first screen whole when it is not built up step by step.
func (s Slides) Reveal(i, shown int) Pos {
	pos := Pos{Slide: i, Screen: 1}
	n := s.Screens(i)
	if shown < 1 || n == 0 {
		return pos
	}
	newest := shown - 1
	for k := 1; k <= n; k++ {
		p, _ := s.page(i, k)
		if !p.reveal {
			return pos
		}
		step := 0
		for _, it := range p.items {
			if it <= newest {
				step++
			}
		}
		if step == 0 {
			break
		}
		pos.Screen, pos.Step = k, step
		if step < len(p.items) {
			break
		}
	}
	return pos
}

// Items is how many items slide i has on a slide built up step by step
// (0 otherwise), for a counter such as "3 of 8".
func (s Slides) Items(i int) int {
	n := 0
	for k := 1; k <= s.Screens(i); k++ {
		p, _ := s.page(i, k)
		if !p.reveal {
			return 0
		}
		for _, it := range p.items {
			n = max(n, it+1)
		}
	}
	return n
}

// Where is the counter of screen pos as the status row's left side shows
// it: "7 · 2/2" on a split slide, then "3 of 8 shown" on a slide built up
// step by step; "" when there is nothing to say beyond n/N.
func (s Slides) Where(pos Pos) string {
	p, ok := s.page(pos.Slide, pos.Screen)
	if !ok {
		return ""
	}
	where, _ := s.counter(p)
	if shown, all := s.Shown(pos), s.Items(pos.Slide); shown > 0 && all > 1 {
		if where != "" {
			where += " · "
		}
		where += strconv.Itoa(shown) + " of " + strconv.Itoa(all) + " shown"
	}
	return where
}

// Status is what the status row under a slide says besides the counter.
type Status struct {
	Left  string // a banner, a hint, an audience's badge; "" for none
	Badge bool   // Left stands out (reversed), as a badge
	Warn  bool   // Left is a warning
	Clock string // the time and the timer, shown before the counter
	Late  bool   // the clock is in its warning style
	Help  bool   // the keys page is shown, not a slide
}

// Pos is a place in the deck: slide (0-based), screen within it (1-based)
// and reveal step (1-based; 0 shows every item).
type Pos struct{ Slide, Screen, Step int }

// Screen draws screen pos of the deck with its status row and progress bar:
// exactly h lines of w cells.
func (s Slides) Screen(pos Pos, st Status) string {
	g, th := s.g, s.th
	if g.w < MinWidth || g.h < MinHeight {
		msg := sanitize.Truncate("terminal too small: need "+strconv.Itoa(MinWidth)+"x"+strconv.Itoa(MinHeight), g.w, "…")
		rows := make([]string, g.h)
		rows[g.h/2] = strings.Repeat(" ", max(0, (g.w-sanitize.Width(msg))/2)) + msg
		return paintAll(th, rows, g.w)
	}
	p, ok := s.page(pos.Slide, pos.Screen)
	if !ok {
		return paintAll(th, make([]string, g.h), g.w)
	}
	return s.frame(s.renderPage(p, pos.Step), p, pos, st)
}

// frame adds the status row and the progress bar under the rows of a page.
func (s Slides) frame(rows []string, p Page, pos Pos, st Status) string {
	g := s.g
	rows = append(rows, make([]string, max(0, g.h-2-len(rows)))...)
	rows = rows[:g.h-2]
	more := !st.Help && p.Steps() > 1 && pos.Step > 0 && pos.Step < p.Steps()
	rows = append(rows, s.statusRow(p, st, more), s.progressRow(p))
	return paintAll(s.th, rows, g.w)
}

// Body is the rows of screen pos without the footer and without colour,
// trimmed of blank rows at either end: a slide as text.
func (s Slides) Body(pos Pos) []string {
	p, ok := s.page(pos.Slide, pos.Screen)
	if !ok {
		return nil
	}
	rows := s.renderPage(p, pos.Step)
	for i, r := range rows {
		rows[i] = strings.TrimRight(ansi.Strip(r), " ")
	}
	for len(rows) > 0 && rows[0] == "" {
		rows = rows[1:]
	}
	for len(rows) > 0 && rows[len(rows)-1] == "" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func paintAll(th Theme, rows []string, w int) string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = th.paint(r, w)
	}
	return strings.Join(out, "\n")
}

// blankScreen fills the screen with st; plain leaves it empty (a black
// screen without colour is an empty one).
func blankScreen(st lipgloss.Style, plain bool, w, h int) string {
	row := strings.Repeat(" ", w)
	if !plain {
		row = st.Render(row)
	}
	rows := make([]string, h)
	for i := range rows {
		rows[i] = row
	}
	return strings.Join(rows, "\n")
}

// renderPage draws the title and body of a page, without the footer; step
// is the reveal step (0 shows every item).
func (s Slides) renderPage(p Page, step int) []string {
	g, th := s.g, s.th
	w := g.w
	var title []string
	if p.big != nil {
		for i, bl := range p.big {
			if i > 0 {
				title = append(title, "")
			}
			for _, r := range bl {
				title = append(title, centerIn(th.Title.Render(r), sanitize.Width(r), w))
			}
		}
	} else {
		for _, l := range p.titleLines {
			title = append(title, centerIn(th.Title.Render(l), sanitize.Width(l), w))
		}
	}
	var rows []string
	if p.centered {
		body := s.bodyRows(p, step)
		total := len(title) + len(body)
		top := g.top
		if !g.plain {
			top = max(g.top, (g.h-footerRows-total)/2)
		}
		rows = append(make([]string, top), title...)
		return append(rows, body...)
	}
	rows = append(make([]string, g.top), title...)
	for _, l := range p.subtitle {
		rows = append(rows, centerIn(th.Subtitle.Render(l), sanitize.Width(l), w))
	}
	rows = append(rows, "")
	body := s.bodyRows(p, step)
	if g.h >= 30 && !g.plain {
		// On a tall screen a short body sits a third of the way down the
		// free space rather than under the title with the rest left empty.
		free := g.h - footerRows - len(rows) - len(body)
		rows = append(rows, make([]string, max(0, free/3))...)
	}
	return append(rows, body...)
}

// bodyRows draws the body lines of a page in their column; on a page
// revealed step by step, items not reached yet are blank.
func (s Slides) bodyRows(p Page, step int) []string {
	g := s.g
	hide := p.reveal && step > 0
	shown := p.items
	if hide {
		shown = p.items[:min(step, len(p.items))]
	}
	events := 0 // on a timeline built up step by step: the events shown
	for _, i := range shown {
		events = max(events, i+1)
	}
	var rows []string
	for _, l := range p.body {
		if l.item >= 0 && hide && !slices.Contains(shown, l.item) {
			rows = append(rows, "")
			continue
		}
		if len(l.byEvents) > 0 && hide && events > 0 {
			l.segs = []seg{{segRaw, l.byEvents[min(events, len(l.byEvents))-1]}}
		}
		colW := g.cw
		if l.wide {
			colW = g.ww
		}
		x := (g.w - colW) / 2
		if l.center {
			x += max(0, (colW-l.width())/2)
		}
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", max(0, x)))
		for _, sg := range l.segs {
			b.WriteString(s.styleSeg(sg))
		}
		rows = append(rows, b.String())
	}
	return rows
}

func (s Slides) styleSeg(sg seg) string {
	th := s.th
	switch sg.kind {
	case segLabel:
		return th.Label.Render(sg.text)
	case segBullet:
		return th.Bullet.Render(sg.text)
	case segDim:
		return th.Dim.Render(sg.text)
	case segSubtitle:
		return th.Subtitle.Render(sg.text)
	case segRaw:
		return sg.text
	}
	return th.Text.Render(sg.text)
}

func centerIn(styled string, width, w int) string {
	return strings.Repeat(" ", max(0, (w-width)/2)) + styled
}

// Counter is the slide number as shown: "7/17", and "7 · 2/2" for the
// second screen of a slide that takes two.
func (s Slides) counter(p Page) (where, of string) {
	n := strconv.Itoa(p.Slide + 1)
	of = n + "/" + strconv.Itoa(len(s.deck))
	if p.Parts > 1 {
		where = n + " · " + strconv.Itoa(p.Part) + "/" + strconv.Itoa(p.Parts)
	}
	return where, of
}

// moreHint follows the left side of the status row while a slide has
// items still to appear.
const moreHint = "  ▸ more"

// statusRow shows st.Left (or where a split slide is) on the left, and the
// clock and the counter n/N on the right.
func (s Slides) statusRow(p Page, st Status, more bool) string {
	g, th := s.g, s.th
	x := (g.w - g.ww) / 2
	where, of := s.counter(p)
	var left string
	leftW := 0
	switch {
	case st.Left != "":
		room := g.ww - sanitize.Width(of) - 2
		if st.Clock != "" {
			room -= sanitize.Width(st.Clock) + 3
		}
		if more {
			room -= sanitize.Width(moreHint)
		}
		text := sanitize.Truncate(st.Left, max(room, 10), "…")
		leftW = sanitize.Width(text)
		switch {
		case st.Warn:
			left = th.Warn.Render(text)
		case st.Badge:
			left = th.Badge.Render(" " + text + " ")
			leftW += 2
		default:
			left = th.Dim.Render(text)
		}
	case where != "" && !st.Help:
		left = th.Dim.Render(where)
		leftW = sanitize.Width(where)
	}
	if more {
		left += th.Dim.Render(moreHint)
		leftW += sanitize.Width(moreHint)
	}
	right := th.Dim.Render(of)
	rightW := sanitize.Width(of)
	if st.Clock != "" {
		cs := th.Dim
		if st.Late {
			cs = th.Warn
		}
		right = cs.Render(st.Clock) + th.Dim.Render("   ") + right
		rightW += sanitize.Width(st.Clock) + 3
	}
	gap := g.ww - leftW - rightW
	if gap < 1 {
		left, gap = "", max(1, g.ww-rightW)
	}
	return strings.Repeat(" ", x) + left + strings.Repeat(" ", gap) + right
}

// progressRow is a thin bar across the wide column, filled in proportion
// to the slide (and the screen within it) reached.
func (s Slides) progressRow(p Page) string {
	g, th := s.g, s.th
	x := (g.w - g.ww) / 2
	filled := 0
	if n := len(s.deck); n > 0 {
		filled = (p.Slide*p.Parts + p.Part) * g.ww / (n * p.Parts)
	}
	return strings.Repeat(" ", x) + th.Bar.Render(strings.Repeat(th.barFull, filled)) + th.BarEmpty.Render(strings.Repeat(th.barEmpty, g.ww-filled))
}

// outline is a slide's content as paragraphs of text, for a preview that
// is wrapped to whatever room there is: the subtitle and body, then one
// paragraph per item or event. items, when set, keeps only those items.
func outline(s model.Slide, items []int) []string {
	var out []string
	if len(items) == 0 {
		if s.Subtitle != "" {
			out = append(out, s.Subtitle)
		}
		out = append(out, s.Body...)
	}
	for i, it := range s.Items {
		if len(items) > 0 && !slices.Contains(items, i) {
			continue
		}
		marker := "• "
		if s.Numbered {
			marker = strconv.Itoa(i+1) + ". "
		}
		text := it.Text
		if it.Label != "" {
			text = it.Label + " — " + it.Text
		}
		out = append(out, marker+text)
	}
	for i, e := range s.Events {
		if len(items) > 0 && !slices.Contains(items, i) {
			continue
		}
		out = append(out, e.When.Label()+" — "+e.Title)
	}
	return out
}
