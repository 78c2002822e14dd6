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
	th := &Theme{Dark: dark, NoColor: noColor}
	title := st().Bold(true).Foreground(p.Accent)
	dim := st().Foreground(p.Dim)
	keySt := st().Bold(true).Foreground(p.Accent)
	errSt := st().Bold(true).Foreground(p.Error)
	okSt := st().Foreground(p.Accent)
	sel := st().Background(p.SelBg).Foreground(p.SelFg)
	cited := st()
	current := st().Background(p.HlBg).Foreground(p.HlFg)
	mark := st().Foreground(p.Match).Bold(true)
	heading := st().Bold(true).Foreground(p.Accent)
	cursor := st().Background(p.SelBg).Foreground(p.SelFg).Bold(true)
	border, focus := st().Foreground(p.Border), st().Foreground(p.Accent).Bold(true)
	if noColor {
		title, dim, keySt, errSt, okSt = st().Bold(true), st().Faint(true), st().Bold(true), st().Bold(true), st()
		sel, current, mark, heading = st().Reverse(true), st().Underline(true), st().Bold(true), st().Bold(true).Underline(true)
		cursor, border, focus = st().Reverse(true).Bold(true), st(), st().Bold(true)
	}
	th.title, th.dim, th.key, th.err, th.ok = style.NewPaint(title), style.NewPaint(dim), style.NewPaint(keySt), style.NewPaint(errSt), style.NewPaint(okSt)
	th.selected, th.cited, th.current = style.NewPaint(sel), style.NewPaint(cited), style.NewPaint(current)
	th.mark, th.heading, th.cursor = style.NewPaint(mark), style.NewPaint(heading), style.NewPaint(cursor)
	th.border, th.borderFocus = style.NewPaint(border), style.NewPaint(focus)
	th.Help = help.Styles{ShortKey: keySt, ShortDesc: dim, ShortSeparator: st(), Ellipsis: dim, FullKey: keySt, FullDesc: dim, FullSeparator: st()}
	th.Prompt, th.Input = keySt, st()
	return th
}
