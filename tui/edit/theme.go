package edit

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/tui/style"
)

// Theme holds every style of edit mode, built by the root from the
// background, the contrast and whether colour is allowed.
type Theme struct {
	Dark, NoColor bool

	title, dim, key, err, ok style.Paint
	selected, cited, current style.Paint // the selection, cited sentences, the current point's sentences
	mark, heading, cursor    style.Paint
	border, borderFocus      style.Paint
	Help                     help.Styles
	Prompt, Input            lipgloss.Style
}

// NewTheme builds the theme; noColor keeps bold, faint, reverse and
// underline only.
func NewTheme(dark, highContrast, noColor bool) *Theme {
	p := style.NewPalette(dark, highContrast)
	st := lipgloss.NewStyle
	// Styles are made by style.New, not lipgloss chains: see there.
	const B, F, U, R = style.Bold, style.Faint, style.Underline, style.Reverse
	mk := style.New
	th := &Theme{Dark: dark, NoColor: noColor}
	title := mk(p.Accent, nil, B)
	dim := mk(p.Dim, nil, 0)
	keySt := mk(p.Accent, nil, B)
	errSt := mk(p.Error, nil, B)
	okSt := mk(p.Accent, nil, 0)
	sel := mk(p.SelFg, p.SelBg, 0)
	cited := st()
	current := mk(p.HlFg, p.HlBg, 0)
	mark := mk(p.Match, nil, B)
	heading := mk(p.Accent, nil, B)
	cursor := mk(p.SelFg, p.SelBg, B)
	border, focus := mk(p.Border, nil, 0), mk(p.Accent, nil, B)
	if noColor {
		title, dim, keySt, errSt, okSt = mk(nil, nil, B), mk(nil, nil, F), mk(nil, nil, B), mk(nil, nil, B), st()
		sel, current, mark, heading = mk(nil, nil, R), mk(nil, nil, U), mk(nil, nil, B), mk(nil, nil, B|U)
		cursor, border, focus = mk(nil, nil, R|B), st(), mk(nil, nil, B)
	}
	th.title, th.dim, th.key, th.err, th.ok = style.NewPaint(title), style.NewPaint(dim), style.NewPaint(keySt), style.NewPaint(errSt), style.NewPaint(okSt)
	th.selected, th.cited, th.current = style.NewPaint(sel), style.NewPaint(cited), style.NewPaint(current)
	th.mark, th.heading, th.cursor = style.NewPaint(mark), style.NewPaint(heading), style.NewPaint(cursor)
	th.border, th.borderFocus = style.NewPaint(border), style.NewPaint(focus)
	th.Help = help.Styles{ShortKey: keySt, ShortDesc: dim, ShortSeparator: st(), Ellipsis: dim, FullKey: keySt, FullDesc: dim, FullSeparator: st()}
	th.Prompt, th.Input = keySt, st()
	return th
}
