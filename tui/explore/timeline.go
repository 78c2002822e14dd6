package explore

import (
	"fmt"
	"math"
	"strconv"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/axis"
)

// The timeline view: the events in order with labels as precise as the
// article ("1980s", "2016", "Aug 2021", "c. 2005–2025"), and above the panes
// the proportional axis (package axis) with the selected event marked,
// which zooms and pans (axisStrip).
func timelineSpec() navSpec {
	return navSpec{
		name:     "Timeline",
		view:     "timeline",
		openHelp: "quotes in source",
		rows: func(b *model.Briefing) []model.Ref {
			refs := make([]model.Ref, len(b.Timeline))
			for i, e := range b.Timeline {
				refs[i] = model.Ref{Kind: model.KindEvent, ID: e.ID}
			}
			return refs
		},
		format: timelineFormat,
		empty:  "No events yet: `brief new` drafts them from the article.",
		expand: timelineExpand,
		wrap:   timelineWrap,
		open:   func(_ *model.Briefing, r model.Ref) tea.Cmd { return jumpCmd(r, true) },
	}
}

// timelineExpand shows the selected event's title in full, wrapped under
// itself after the date column, where the other rows are cut.
func timelineExpand(b *model.Briefing, r model.Ref, w int) []string {
	e := b.Event(r.ID)
	if e == nil {
		return nil
	}
	lw := timelineLabelWidth(b, w)
	tw := w - lw - 2
	if tw < 8 || sanitize.Width(sanitize.Line(e.Title)) <= tw {
		return nil
	}
	wrapped := sanitize.Wrap(sanitize.Line(e.Title), tw)
	out := make([]string, len(wrapped))
	for i, l := range wrapped {
		lead := spaces(lw + 2)
		if i == 0 {
			lead = fit(e.When.Label(), lw) + "  "
		}
		out[i] = fit(lead+l, w)
	}
	return out
}

// timelineLabelWidth is the date column: the longest date, unless the
// pane is too narrow for it and a word.
func timelineLabelWidth(b *model.Briefing, w int) int {
	lw := 0
	for _, e := range b.Timeline {
		lw = max(lw, sanitize.Width(sanitize.Line(e.When.Label())))
	}
	return min(lw, max(w-8, 4))
}

// timelineFormat lines the titles up after the date labels, which are
// never cut: a date is what a timeline row is for. Only when the pane is
// too narrow for the longest date and a word does the date give way.
func timelineFormat(b *model.Briefing, refs []model.Ref, w int) []string {
	lw := timelineLabelWidth(b, w)
	out := make([]string, len(refs))
	for i, r := range refs {
		e := b.Event(r.ID)
		out[i] = fit(fit(e.When.Label(), lw)+"  "+e.Title, w)
	}
	return out
}

// axisKeys zoom and pan the axis strip.
type axisKeys struct {
	ZoomIn, ZoomOut, Left, Right, Fit key.Binding
}

func (k axisKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.ZoomIn, k.ZoomOut, k.Left, k.Right, k.Fit}
}

func (k axisKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// axisStrip is the axis above the timeline's panes: what it shows (the
// window, zoomed and panned) and the selected event. Its lines are drawn
// when something changes, never in View.
type axisStrip struct {
	b      *model.Briefing
	th     *Theme
	keys   axisKeys
	fit    axis.Window
	win    axis.Window
	cursor int
	w, h   int
	lines  []string
}

func newAxisStrip(b *model.Briefing, th *Theme) axisStrip {
	fit := axis.Fit(b.Timeline, b.Source.Published)
	return axisStrip{b: b, th: th, keys: newAxisKeys(), fit: fit, win: fit}
}

func (s axisStrip) KeyMap() axisKeys { return s.keys }

func (s axisStrip) options(w, h int) axis.Options {
	return axis.Options{Width: w, Height: h, Selected: s.cursor, Shown: -1, Window: s.win,
		Published: s.b.Source.Published, Legend: true, Hint: "zoom in"}
}

// Need is the height the strip would like at width w, frame excluded,
// with everything in view: zooming changes what fits, not the layout.
func (s axisStrip) Need(w int) int {
	o := s.options(w, 0)
	o.Window = s.fit
	return axis.Need(s.b.Timeline, o)
}

// SetSize sets the inner size of the strip.
func (s axisStrip) SetSize(w, h int) axisStrip {
	s.w, s.h = w, h
	return s.render()
}

func (s axisStrip) SetTheme(th *Theme) axisStrip { s.th = th; return s.render() }

// SetCursor selects event i and moves the window to show it.
func (s axisStrip) SetCursor(i int) axisStrip {
	if i == s.cursor && s.lines != nil {
		return s
	}
	s.cursor = i
	if i >= 0 && i < len(s.b.Timeline) {
		from, to := axis.Extent(s.b.Timeline[i])
		s.win = s.win.Show(from, to, s.fit)
	}
	return s.render()
}

// Update zooms or pans on a key of its own; its cursor is then the event
// to select (see pan).
func (s axisStrip) Update(msg tea.Msg) (axisStrip, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		s, _, _ = s.pan(k)
	}
	return s, nil
}

// pan zooms or pans on a key, and reports whether it used the key and
// the event to select: when panning takes the selected event out of view,
// the first event in view in the direction of travel.
func (s axisStrip) pan(msg tea.KeyPressMsg) (axisStrip, int, bool) {
	sel := s.cursor
	var anchor float64
	if sel >= 0 && sel < len(s.b.Timeline) {
		anchor = axis.Anchor(s.b.Timeline[sel], s.win)
	} else {
		anchor = (s.win.From + s.win.To) / 2
	}
	dir := 0
	switch {
	case key.Matches(msg, s.keys.ZoomIn):
		s.win = s.win.Zoom(0.5, anchor, s.fit)
	case key.Matches(msg, s.keys.ZoomOut):
		s.win = s.win.Zoom(2, anchor, s.fit)
	case key.Matches(msg, s.keys.Fit):
		s.win = s.fit
	case key.Matches(msg, s.keys.Left):
		s.win, dir = s.win.Pan(-0.25, s.fit), -1
	case key.Matches(msg, s.keys.Right):
		s.win, dir = s.win.Pan(0.25, s.fit), 1
	default:
		return s, sel, false
	}
	if dir != 0 && !s.inView(sel) {
		sel = s.nextInView(dir)
		if sel >= 0 {
			s.cursor = sel
			from, to := axis.Extent(s.b.Timeline[sel])
			s.win = s.win.Show(from, to, s.fit)
		}
	}
	return s.render(), s.cursor, true
}

func (s axisStrip) inView(i int) bool {
	if i < 0 || i >= len(s.b.Timeline) {
		return false
	}
	from, to := axis.Extent(s.b.Timeline[i])
	return !math.IsNaN(from) && to > s.win.From && from < s.win.To
}

// nextInView is the event in view nearest the edge panning moves away
// from, else the nearest event ahead, else the nearest behind; -1 only
// for a timeline without dates.
func (s axisStrip) nextInView(dir int) int {
	best, bestD := -1, math.Inf(1)
	for i, e := range s.b.Timeline {
		a := axis.Anchor(e, s.win)
		if math.IsNaN(a) {
			continue
		}
		d := a - s.win.From
		if dir < 0 {
			d = s.win.To - a
		}
		if d < 0 {
			d = 2e6 - d // behind: only if nothing is ahead
		}
		if !s.inView(i) {
			d += 1e6 // only if nothing is in view
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// Zoomed reports how far the strip is zoomed in and the years it shows.
func (s axisStrip) Zoomed() string {
	if s.win == s.fit || s.win.Span() <= 0 {
		return ""
	}
	factor := s.fit.Span() / s.win.Span()
	return fmt.Sprintf("%s× · %s – %s", strconv.FormatFloat(math.Round(factor*10)/10, 'f', -1, 64),
		yearLabel(s.win.From, s.win.Span()), yearLabel(s.win.To, s.win.Span()))
}

// yearLabel names a fractional year, to the month when the window is
// short.
func yearLabel(y, span float64) string {
	yr := int(math.Floor(y))
	if span >= 4 {
		return strconv.Itoa(yr)
	}
	m := min(int((y-float64(yr))*12), 11)
	return [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[m] + " " + strconv.Itoa(yr)
}

func (s axisStrip) render() axisStrip {
	if s.w <= 0 || s.h <= 0 {
		s.lines = nil
		return s
	}
	lines := axis.Draw(s.b.Timeline, s.options(s.w, s.h), s.th.Axis)
	for i, l := range lines {
		lines[i] = l + spaces(s.w-ansiWidth(l))
	}
	s.lines = lines
	return s
}

// View returns the strip's lines, each exactly its width.
func (s axisStrip) View() []string { return s.lines }

func (s axisStrip) Title() string             { return "Timeline axis" }
func (s axisStrip) Help() help.KeyMap         { return s.keys }
func (s axisStrip) Note() string              { return s.Zoomed() }
func (s axisStrip) SetFocused(bool) axisStrip { return s }
