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
	// Styles are made by style.New, not lipgloss chains: see there.
	const B, F, I, U, R = style.Bold, style.Faint, style.Italic, style.Underline, style.Reverse
	mk := style.New
	th.Title = mk(accent, nil, B)
	th.Dim = mk(dim, nil, 0)
	th.Heading = mk(accent, nil, B)
	th.Kind = mk(dim, nil, I)
	th.Quote = mk(nil, nil, I)
	th.Key = mk(accent, nil, B)
	th.Error = mk(p.Error, nil, B)
	borderSt := mk(border, nil, 0)
	focusSt := mk(accent, nil, B)
	sel := mk(selFg, selBg, B)
	selBlur := mk(accent, nil, B)
	hl := mk(hlFg, hlBg, 0)
	cursorHl := mk(hlFg, hlBg, B|U)
	matchSt := mk(match, nil, B|U)
	link := mk(accent, nil, U)
	if noColor {
		th.Title = mk(nil, nil, B)
		th.Dim = mk(nil, nil, F)
		th.Heading = mk(nil, nil, B|U)
		th.Kind = mk(nil, nil, I)
		th.Key = mk(nil, nil, B)
		th.Error = mk(nil, nil, B)
		borderSt = st()
		focusSt = mk(nil, nil, B)
		sel = mk(nil, nil, R)
		selBlur = mk(nil, nil, B|U)
		hl = mk(nil, nil, B)
		cursorHl = mk(nil, nil, B|R)
		matchSt = mk(nil, nil, B|U)
		link = mk(nil, nil, U)
	}
	if highContrast && !noColor {
		sel = mk(selFg, selBg, B)
		borderSt = mk(border, nil, B)
	}

	th.border, th.borderFocus = newPaint(borderSt), newPaint(focusSt)
	// An unfocused pane's title is text: the dim colour (4.5:1 on the
	// background), not the border's (3:1, tui/style's TestContrast).
	paneTitle := mk(dim, nil, B)
	if noColor {
		paneTitle = mk(nil, nil, B)
	}
	th.paneTitle, th.paneTitleFocus = newPaint(paneTitle), newPaint(focusSt)
	th.selected, th.selectedBlur = newPaint(sel), newPaint(selBlur)
	th.highlight, th.cursorHighlight = newPaint(hl), newPaint(cursorHl)
	th.match = newPaint(matchSt)
	th.dim, th.heading, th.kind, th.keyText = newPaint(th.Dim), newPaint(th.Heading), newPaint(th.Kind), newPaint(th.Key)
	th.link = newPaint(link)
	th.quote = newPaint(th.Quote)
	th.cursor = newPaint(mk(nil, nil, R))
	markSt := mk(match, nil, B)
	bannerSt := mk(p.BannerFg, p.BannerBg, B)
	if noColor {
		markSt = mk(nil, nil, B)
		bannerSt = mk(nil, nil, R|B)
	}
	th.mark, th.banner, th.errText = newPaint(markSt), newPaint(bannerSt), newPaint(th.Error)

	th.Note = textarea.DefaultStyles(dark)
	th.Note.Cursor.Blink = false
	for _, ss := range []*textarea.StyleState{&th.Note.Focused, &th.Note.Blurred} {
		ss.Prompt = mk(accent, nil, 0)
		ss.CursorLine = st()
		ss.Placeholder = mk(dim, nil, 0)
		if noColor {
			*ss = textarea.StyleState{Prompt: st(), Placeholder: mk(nil, nil, F), Selection: mk(nil, nil, R)}
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
		Point:    mk(accent, nil, 0),
		Span:     mk(accent, nil, 0),
		Approx:   mk(dim, nil, 0),
		Selected: sel,
		Text:     st(),
		Dim:      th.Dim,
		Article:  mk(nil, nil, B),
	}
	if noColor {
		th.Axis.Point, th.Axis.Span, th.Axis.Approx = st(), st(), mk(nil, nil, F)
	}
	return th
}
