package library

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/brief-cli/brief/tui/style"
	"github.com/brief-cli/brief/tui/widget"
)

// Theme holds every style of the library. The root builds one from the
// background (dark or light), the contrast and whether colour is allowed,
// and hands it to the picker; nothing else defines styles.
type Theme struct {
	Title    lipgloss.Style // the header
	Dim      lipgloss.Style // secondary text: sources, counts, paths, hints
	Selected lipgloss.Style // the row under the cursor
	Match    lipgloss.Style // characters matched by the filter
	Error    lipgloss.Style // a file that cannot be loaded
	Prompt   lipgloss.Style // the filter's prompt
	Cursor   lipgloss.Style // the filter's cursor
	Help     help.Styles
}

// NewTheme builds the theme. noColor drops every colour and keeps bold,
// faint, reverse and underline, so the selection and matches still show.
func NewTheme(dark, highContrast, noColor bool) Theme {
	p := style.NewPalette(dark, highContrast)
	accent, dim, selBg, selFg, match, errc := p.Accent, p.Dim, p.SelBg, p.SelFg, p.Match, p.Error
	st := lipgloss.NewStyle
	// Styles are made by style.New, not lipgloss chains: see there.
	const B, F, U, R = style.Bold, style.Faint, style.Underline, style.Reverse
	mk := style.New
	th := Theme{
		Title:    mk(accent, nil, B),
		Dim:      mk(dim, nil, 0),
		Selected: mk(selFg, selBg, B),
		Match:    mk(match, nil, B|U),
		Error:    mk(errc, nil, B),
		Prompt:   mk(accent, nil, B),
		Cursor:   mk(nil, nil, R),
	}
	// The help in the palette's colours, as explore's: the bubbles
	// defaults are greys that fall below 4.5:1 on both backgrounds.
	key, desc := mk(accent, nil, B), mk(dim, nil, 0)
	th.Help = help.Styles{Ellipsis: desc, ShortKey: key, ShortDesc: desc, ShortSeparator: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc}
	if noColor {
		th.Title = mk(nil, nil, B)
		th.Dim = mk(nil, nil, F)
		th.Selected = mk(nil, nil, R)
		th.Match = mk(nil, nil, B|U)
		th.Error = mk(nil, nil, B)
		th.Prompt = mk(nil, nil, B)
		faint, bold := mk(nil, nil, F), mk(nil, nil, B)
		th.Help = help.Styles{
			Ellipsis: faint, ShortKey: bold, ShortDesc: st(), ShortSeparator: faint,
			FullKey: bold, FullDesc: st(), FullSeparator: faint,
		}
	}
	return th
}

// Query styles the filter line.
func (th Theme) Query() widget.QueryStyles {
	return widget.QueryStyles{Prompt: th.Prompt, Text: lipgloss.NewStyle(), Selected: th.Selected}
}
