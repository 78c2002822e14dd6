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
	// Styles are made by style.New, not lipgloss chains: see there.
	const B, F, I, R = style.Bold, style.Faint, style.Italic, style.Reverse
	mk := style.New
	if noColor {
		t.Title = mk(nil, nil, B)
		t.Subtitle = mk(nil, nil, I)
		t.Text = s()
		t.Label = mk(nil, nil, B)
		t.Bullet = s()
		t.Dim = mk(nil, nil, F)
		t.Warn = mk(nil, nil, B|R)
		t.Bar = s()
		t.BarEmpty = s()
		t.Key = mk(nil, nil, B)
		t.Badge = mk(nil, nil, B|R)
		t.white = mk(nil, nil, R)
		t.barEmpty = "┈"
		t.Axis = axis.Styles{Selected: mk(nil, nil, B)}
		return t, nil
	}
	t.bg, t.fg = bg, fg
	r := mk(fg, bg, 0).Render("x")
	t.start, _, _ = strings.Cut(r, "x")
	t.Title = mk(accent, nil, B)
	t.Subtitle = mk(dim, nil, I)
	t.Text = mk(fg, nil, 0)
	t.Label = mk(accent, nil, B)
	t.Bullet = mk(accent, nil, 0)
	t.Dim = mk(dim, nil, 0)
	t.Warn = mk(warnFg, warnBg, B)
	t.Bar = mk(accent, nil, 0)
	t.BarEmpty = mk(dim, nil, 0)
	t.Key = mk(accent, nil, B)
	t.Badge = mk(bg, accent, B)
	t.white = mk(nil, lipgloss.Color("#ffffff"), 0)
	t.Axis = axis.Styles{
		Line:     mk(dim, nil, 0),
		Label:    mk(dim, nil, 0),
		Point:    mk(accent, nil, 0),
		Span:     mk(accent, nil, 0),
		Approx:   mk(accent, nil, 0),
		Selected: mk(fg, nil, B),
		Text:     mk(fg, nil, 0),
		Dim:      mk(dim, nil, 0),
		Article:  mk(dim, nil, B),
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
