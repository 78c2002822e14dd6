package explore

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/tui/axis"
	"github.com/brief-cli/brief/tui/style"
	"github.com/brief-cli/brief/tui/widget"
)

// Theme names accepted by Options.Theme (tui/style names them all).
const (
	ThemeAuto         = style.Auto
	ThemeDark         = style.Dark
	ThemeLight        = style.Light
	ThemeHighContrast = style.HighContrast
)

// paint is a style reduced to the escape sequences around a text
// (style.Paint), under the short name explore's renderers use.
type paint struct{ style.Paint }

func newPaint(s lipgloss.Style) paint { return paint{style.NewPaint(s)} }

func (p paint) on(s string) string { return p.On(s) }

// Theme holds every style of explore mode. The root builds one from the
// background (dark or light), the contrast and whether colour is allowed,
// and hands it to the components; nothing else defines styles.
type Theme struct {
	Dark, HighContrast, NoColor bool

	Title, Dim, Heading, Kind, Quote, Key, Error lipgloss.Style

	border, borderFocus         paint // pane frames
	paneTitle, paneTitleFocus   paint
	selected, selectedBlur      paint // the cursor row, in a focused and an unfocused pane
	highlight, cursorHighlight  paint // cited sentences in the source
	match                       paint // matched characters in search results
	dim, heading, kind, keyText paint
	link, quote, cursor         paint
	mark                        paint // bookmark and note marks
	banner                      paint // the reload error banner
	errText                     paint

	Axis axis.Styles
	// Note styles the note editor's text area.
	Note textarea.Styles
	// Query styles the search palette's query line.
	Query widget.QueryStyles
	// Help styles the keys in the footer.
	Help help.Styles
}

// NewTheme builds the theme. noColor drops every colour and keeps bold,
// faint, reverse and underline, so focus, selection and matches still show.
func NewTheme(dark, highContrast, noColor bool) *Theme {
	th := &Theme{Dark: dark, HighContrast: highContrast, NoColor: noColor}
	p := style.NewPalette(dark, highContrast)
	accent, dim, border, match := p.Accent, p.Dim, p.Border, p.Match
	selBg, selFg, hlBg, hlFg := p.SelBg, p.SelFg, p.HlBg, p.HlFg

	st := lipgloss.NewStyle
	th.Title = st().Bold(true).Foreground(accent)
	th.Dim = st().Foreground(dim)
	th.Heading = st().Bold(true).Foreground(accent)
	th.Kind = st().Foreground(dim).Italic(true)
	th.Quote = st().Italic(true)
	th.Key = st().Bold(true).Foreground(accent)
	th.Error = st().Bold(true).Foreground(p.Error)
	borderSt := st().Foreground(border)
	focusSt := st().Foreground(accent).Bold(true)
	sel := st().Background(selBg).Foreground(selFg).Bold(true)
	selBlur := st().Bold(true).Foreground(accent)
	hl := st().Background(hlBg).Foreground(hlFg)
	cursorHl := st().Background(hlBg).Foreground(hlFg).Bold(true).Underline(true)
	matchSt := st().Foreground(match).Bold(true).Underline(true)
	link := st().Foreground(accent).Underline(true)
	if noColor {
		th.Title = st().Bold(true)
		th.Dim = st().Faint(true)
		th.Heading = st().Bold(true).Underline(true)
		th.Kind = st().Italic(true)
		th.Key = st().Bold(true)
		th.Error = st().Bold(true)
		borderSt = st()
		focusSt = st().Bold(true)
		sel = st().Reverse(true)
		selBlur = st().Bold(true).Underline(true)
		hl = st().Bold(true)
		cursorHl = st().Bold(true).Reverse(true)
		matchSt = st().Bold(true).Underline(true)
		link = st().Underline(true)
	}
	if highContrast && !noColor {
		sel = sel.Bold(true)
		borderSt = borderSt.Bold(true)
	}

	th.border, th.borderFocus = newPaint(borderSt), newPaint(focusSt)
	// An unfocused pane's title is text: the dim colour (4.5:1 on the
	// background), not the border's (3:1, tui/style's TestContrast).
	paneTitle := st().Foreground(dim).Bold(true)
	if noColor {
		paneTitle = st().Bold(true)
	}
	th.paneTitle, th.paneTitleFocus = newPaint(paneTitle), newPaint(focusSt)
	th.selected, th.selectedBlur = newPaint(sel), newPaint(selBlur)
	th.highlight, th.cursorHighlight = newPaint(hl), newPaint(cursorHl)
	th.match = newPaint(matchSt)
	th.dim, th.heading, th.kind, th.keyText = newPaint(th.Dim), newPaint(th.Heading), newPaint(th.Kind), newPaint(th.Key)
	th.link = newPaint(link)
	th.quote = newPaint(th.Quote)
	th.cursor = newPaint(st().Reverse(true))
	markSt := st().Foreground(match).Bold(true)
	bannerSt := st().Background(p.BannerBg).Foreground(p.BannerFg).Bold(true)
	if noColor {
		markSt = st().Bold(true)
		bannerSt = st().Reverse(true).Bold(true)
	}
	th.mark, th.banner, th.errText = newPaint(markSt), newPaint(bannerSt), newPaint(th.Error)

	th.Note = textarea.DefaultStyles(dark)
	th.Note.Cursor.Blink = false
	for _, ss := range []*textarea.StyleState{&th.Note.Focused, &th.Note.Blurred} {
		ss.Prompt = st().Foreground(accent)
		ss.CursorLine = st()
		ss.Placeholder = st().Foreground(dim)
		if noColor {
			*ss = textarea.StyleState{Prompt: st(), Placeholder: st().Faint(true), Selection: st().Reverse(true)}
		}
	}
	if noColor {
		th.Note.Cursor.Color = nil
	}

	th.Help = help.Styles{ShortKey: th.Key, ShortDesc: th.Dim, ShortSeparator: st(), Ellipsis: th.Dim,
		FullKey: th.Key, FullDesc: th.Dim, FullSeparator: st()}
	th.Query = widget.QueryStyles{Prompt: th.Key, Text: st(), Selected: sel}
	th.Axis = axis.Styles{
		// The axis line carries the tick labels: text, in the dim colour.
		Line:     th.Dim,
		Label:    th.Dim,
		Point:    st().Foreground(accent),
		Span:     st().Foreground(accent),
		Approx:   st().Foreground(dim),
		Selected: sel,
		Text:     st(),
		Dim:      th.Dim,
		Article:  st().Bold(true),
	}
	if noColor {
		th.Axis.Point, th.Axis.Span, th.Axis.Approx = st(), st(), st().Faint(true)
	}
	return th
}
