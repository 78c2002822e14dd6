package explore

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/tui/axis"
	"github.com/brief-cli/brief/tui/widget"
)

// The timeline legend: what the axis glyphs and the date labels mean, and
// in what order events come. L opens it from the timeline view.
func init() {
	openers = append(openers, opener{
		key:  widget.Key("L", "timeline legend"),
		when: func(m *Model) bool { return m.nav == navTimeline },
		open: func(m *Model) modal { return asModal(newLegend(m.th)) },
	})
}

type legendKeys struct {
	Up, Down, Close key.Binding
}

func (k legendKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Down, k.Close} }
func (k legendKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// legendModel is the legend screen: a short text that scrolls.
type legendModel struct {
	th    *Theme
	keys  legendKeys
	w, h  int
	off   int
	all   []string
	lines []string
}

func newLegend(th *Theme) legendModel {
	return legendModel{th: th, keys: legendKeys{
		Up:    widget.Keys("↑/k", "scroll up", "up", "k"),
		Down:  widget.Keys("↓/j", "scroll down", "down", "j"),
		Close: widget.Keys("esc", "close", "esc", "L", "q"),
	}}
}

// legendEntries pairs the axis glyphs with what they mean.
var legendEntries = []struct{ glyph, meaning string }{
	{string(axis.PointGlyph), "an event on one date (a day, a month, a year or a decade), named above the axis"},
	{string(axis.ApproxPointGlyph), "an event on an approximate date"},
	{string(axis.BandGlyph), "a period, from its first to its last day, in a lane of its own below the axis"},
	{string(axis.FadeGlyph), "an end the text gives loosely: the band fades over the time it may be"},
	{string(axis.FadeGlyph) + string(axis.OpenGlyph), "an open end (\"before 1990\", \"since 2010\"): the band fades out to the edge"},
	{string(axis.SelectedPointGlyph) + " " + string(axis.SelectedBandGlyph), "the selected event, named first"},
	{string(axis.ArticleGlyph), "the article's date: \"this month\" and \"the last four years\" count from it"},
	{string(axis.LeaderGlyph), "a leader from a label to its marker"},
}

// legendDates explains the date labels of the timeline list.
var legendDates = []struct{ label, meaning string }{
	{"1999", "a year; \"Mar 1999\" a month; \"1990s\" a decade"},
	{"c. 1990–2000", "approximate: the article gives the period loosely (\"the past decade\")"},
	{"until 1999", "a period whose start the article does not give"},
}

func (m legendModel) Update(msg tea.Msg) (legendModel, tea.Cmd) {
	return pagerKey(m, msg, m.keys.Up, m.keys.Down, m.keys.Close)
}

func (m legendModel) Scroll(n int) legendModel {
	m.off = clamp(m.off+n, 0, max(len(m.all)-m.h, 0))
	return m.render()
}

func (m legendModel) SetSize(w, h int) legendModel {
	m.w, m.h = w, h
	m.build()
	m.off = clamp(m.off, 0, max(len(m.all)-m.h, 0))
	return m.render()
}

func (m legendModel) SetTheme(th *Theme) legendModel { m.th = th; return m.SetSize(m.w, m.h) }
func (m legendModel) View() []string                 { return m.lines }
func (m legendModel) Title() string                  { return "Timeline legend" }
func (m legendModel) Help() help.KeyMap              { return m.keys }

// Reloaded keeps the legend open: it does not depend on the briefing.
func (m legendModel) Reloaded(*Model) (legendModel, bool) { return m, true }

func (m *legendModel) build() {
	if m.w <= 0 {
		m.all = nil
		return
	}
	th := m.th
	var all []string
	// Every line is exactly m.w cells: padded before it is styled.
	tw := max(m.w-3-12, 8)
	add := func(label, text string, lw int) {
		for i, l := range wrap(text, tw, "") {
			if i == 0 {
				all = append(all, " "+th.keyText.on(fit(label, lw))+"  "+fit(l, m.w-lw-3))
			} else {
				all = append(all, " "+spaces(lw)+"  "+fit(l, m.w-lw-3))
			}
		}
	}
	all = append(all, th.heading.on(fit(" On the axis", m.w)))
	for _, e := range legendEntries {
		add(e.glyph, e.meaning, 3)
	}
	all = append(all, spaces(m.w), th.heading.on(fit(" Dates in the list", m.w)))
	for _, d := range legendDates {
		add(d.label, d.meaning, 12)
	}
	all = append(all, spaces(m.w), th.heading.on(fit(" Order", m.w)))
	for _, l := range wrap("Events come by the earliest moment they cover; a period with no known start comes by its end; on the same start, an event on one date comes before a period that starts there.", max(m.w-2, 8), " ") {
		all = append(all, fit(l, m.w))
	}
	m.all = all
}

func (m legendModel) render() legendModel {
	m.lines = make([]string, 0, m.h)
	for i := m.off; i < len(m.all) && len(m.lines) < m.h; i++ {
		m.lines = append(m.lines, m.all[i])
	}
	return m
}

var _ screen[legendModel] = legendModel{}
