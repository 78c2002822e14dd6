package present

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/tui/axis"
	"github.com/brief-cli/brief/tui/style"
)

// Theme names accepted by --theme (tui/style names them all).
const (
	ThemeProjector    = style.Projector
	ThemeDark         = style.Dark
	ThemeHighContrast = style.HighContrast
)

// ThemeNames lists every name --theme takes in present mode, the default
// first: style.PresentThemes. Flags, completion, errors and docs all use
// this one list.
var ThemeNames = style.PresentThemes

// Theme is every style of the slides, built once from a theme name.
type Theme struct {
	Name string
	// bg and fg paint the whole screen; nil (no colour) leaves the
	// terminal's own.
	bg, fg color.Color

	Title    lipgloss.Style
	Subtitle lipgloss.Style
	Text     lipgloss.Style
	Label    lipgloss.Style
	Bullet   lipgloss.Style
	Dim      lipgloss.Style
	Warn     lipgloss.Style
	Bar      lipgloss.Style
	BarEmpty lipgloss.Style
	Key      lipgloss.Style
	// Badge stands out from the slide: the jump overlay, an audience's
	// "presenter on 7/17" badge.
	Badge lipgloss.Style
	Axis  axis.Styles

	barFull, barEmpty string
	// start is the escape sequence that sets the page colours.
	start string
	// white is how a white screen is drawn without colour.
	white lipgloss.Style
}

// NewTheme builds a theme by name; noColor drops every colour and keeps
// bold, faint, underline and reverse, so nothing relies on colour alone.
func NewTheme(name string, noColor bool) (Theme, error) {
	switch name {
	case "", style.Light, style.Auto:
		name = ThemeProjector
	}
	var bg, fg, accent, dim, warnBg, warnFg color.Color
	switch name {
	case ThemeProjector:
		bg, fg = lipgloss.Color("#ffffff"), lipgloss.Color("#000000")
		accent, dim = lipgloss.Color("#0b3d91"), lipgloss.Color("#4a4a4a")
		warnBg, warnFg = lipgloss.Color("#b00020"), lipgloss.Color("#ffffff")
	case ThemeDark:
		bg, fg = lipgloss.Color("#101010"), lipgloss.Color("#ececec")
		accent, dim = lipgloss.Color("#8cc4ff"), lipgloss.Color("#a8a8a8")
		warnBg, warnFg = lipgloss.Color("#ff5c5c"), lipgloss.Color("#000000")
	case ThemeHighContrast:
		bg, fg = lipgloss.Color("#000000"), lipgloss.Color("#ffffff")
		accent, dim = lipgloss.Color("#ffff00"), lipgloss.Color("#ffffff")
		warnBg, warnFg = lipgloss.Color("#ffff00"), lipgloss.Color("#000000")
	default:
		return Theme{}, fmt.Errorf("unknown theme %q (known: %s)", name, strings.Join(ThemeNames, ", "))
	}
	t := Theme{Name: name, barFull: "━", barEmpty: "─"}
	s := lipgloss.NewStyle
	if noColor {
		t.Title = s().Bold(true)
		t.Subtitle = s().Italic(true)
		t.Text = s()
		t.Label = s().Bold(true)
		t.Bullet = s()
		t.Dim = s().Faint(true)
		t.Warn = s().Bold(true).Reverse(true)
		t.Bar = s()
		t.BarEmpty = s()
		t.Key = s().Bold(true)
		t.Badge = s().Bold(true).Reverse(true)
		t.white = s().Reverse(true)
		t.barEmpty = "┈"
		t.Axis = axis.Styles{Selected: s().Bold(true)}
		return t, nil
	}
	t.bg, t.fg = bg, fg
	r := s().Background(bg).Foreground(fg).Render("x")
	t.start, _, _ = strings.Cut(r, "x")
	t.Title = s().Bold(true).Foreground(accent)
	t.Subtitle = s().Italic(true).Foreground(dim)
	t.Text = s().Foreground(fg)
	t.Label = s().Bold(true).Foreground(accent)
	t.Bullet = s().Foreground(accent)
	t.Dim = s().Foreground(dim)
	t.Warn = s().Bold(true).Foreground(warnFg).Background(warnBg)
	t.Bar = s().Foreground(accent)
	t.BarEmpty = s().Foreground(dim)
	t.Key = s().Bold(true).Foreground(accent)
	t.Badge = s().Bold(true).Foreground(bg).Background(accent)
	t.white = s().Background(lipgloss.Color("#ffffff"))
	t.Axis = axis.Styles{
		Line:     s().Foreground(dim),
		Label:    s().Foreground(dim),
		Point:    s().Foreground(accent),
		Span:     s().Foreground(accent),
		Approx:   s().Foreground(accent),
		Selected: s().Bold(true).Foreground(fg),
		Text:     s().Foreground(fg),
		Dim:      s().Foreground(dim),
		Article:  s().Bold(true).Foreground(dim),
	}
	return t, nil
}

// paint makes a finished line fill the screen's width in the theme's
// colours: the page colours are set at its start and again after every
// reset inside it, so text drawn with its own style keeps the page behind it.
func (t Theme) paint(line string, w int) string {
	pad := w - lipgloss.Width(line)
	if pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	if t.bg == nil {
		return line
	}
	start := t.start
	line = strings.ReplaceAll(line, "\x1b[m", "\x1b[m"+start)
	line = strings.ReplaceAll(line, "\x1b[0m", "\x1b[0m"+start)
	return start + line + "\x1b[m"
}
