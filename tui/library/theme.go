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
	th := Theme{
		Title:    st().Bold(true).Foreground(accent),
		Dim:      st().Foreground(dim),
		Selected: st().Background(selBg).Foreground(selFg).Bold(true),
		Match:    st().Foreground(match).Bold(true).Underline(true),
		Error:    st().Foreground(errc).Bold(true),
		Prompt:   st().Foreground(accent).Bold(true),
		Cursor:   st().Reverse(true),
	}
	// The help in the palette's colours, as explore's: the bubbles
	// defaults are greys that fall below 4.5:1 on both backgrounds.
	key, desc := st().Foreground(accent).Bold(true), st().Foreground(dim)
	th.Help = help.Styles{Ellipsis: desc, ShortKey: key, ShortDesc: desc, ShortSeparator: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc}
	if noColor {
		th.Title = st().Bold(true)
		th.Dim = st().Faint(true)
		th.Selected = st().Reverse(true)
		th.Match = st().Bold(true).Underline(true)
		th.Error = st().Bold(true)
		th.Prompt = st().Bold(true)
		th.Help = help.Styles{
			Ellipsis: st().Faint(true), ShortKey: st().Bold(true), ShortDesc: st(), ShortSeparator: st().Faint(true),
			FullKey: st().Bold(true), FullDesc: st(), FullSeparator: st().Faint(true),
		}
	}
	return th
}

// Query styles the filter line.
func (th Theme) Query() widget.QueryStyles {
	return widget.QueryStyles{Prompt: th.Prompt, Text: lipgloss.NewStyle(), Selected: th.Selected}
}
