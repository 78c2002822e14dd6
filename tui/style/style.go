// Package style is what every mode of brief's terminal program shares about
// looks: the theme names, the colour palette, the NO_COLOR rule, the smallest
// screen drawn, and paints (styles reduced to escape sequences for hot
// paths). Explore mode, the library and present mode build their own themes
// from it; nothing else defines colours.
package style

import (
	"fmt"
	"image/color"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
)

// Theme names. Explore mode and the library take Auto, Dark, Light and
// HighContrast; present mode adds Projector.
const (
	Auto         = "auto"
	Dark         = "dark"
	Light        = "light"
	HighContrast = "high-contrast"
	Projector    = "projector"
)

// Themes are the themes of explore mode and the library, in the order help
// and completion list them.
var Themes = []string{Auto, Dark, Light, HighContrast}

// PresentThemes are the themes of present mode, the default first. Light
// and Auto, which explore mode also takes, mean Projector there, so a
// --theme given before the command name works for both.
var PresentThemes = []string{Projector, Dark, HighContrast, Light, Auto}

// CheckTheme accepts "" (auto) and the names in Themes.
func CheckTheme(name string) error {
	if name == "" {
		return nil
	}
	for _, t := range Themes {
		if name == t {
			return nil
		}
	}
	return fmt.Errorf("unknown theme %q: want %s", name, Choices(Themes))
}

// Choices lists names as "a, b, c or d".
func Choices(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// The smallest screen any mode lays out; below it the mode says so.
const (
	MinWidth  = 60
	MinHeight = 20
)

// TooSmallMessage is what a mode shows below the minimum size.
func TooSmallMessage() string {
	return fmt.Sprintf("terminal too small: need %dx%d", MinWidth, MinHeight)
}

// Small reports whether a w x h screen is below the minimum.
func Small(w, h int) bool { return w < MinWidth || h < MinHeight }

// NoColor reports whether colour is off: NO_COLOR set to any non-empty
// value in env (https://no-color.org; the last setting wins, as in a
// shell), or in the process environment when env is nil. Every mode, the
// command line and the SSH server ask this one question.
func NoColor(env []string) bool {
	if env == nil {
		return os.Getenv("NO_COLOR") != ""
	}
	on := false
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "NO_COLOR="); ok {
			on = v != ""
		}
	}
	return on
}

// Palette is the colours of explore mode and the library, resolved for a
// dark or light background and for high contrast.
type Palette struct {
	Accent, Dim, Border color.Color
	SelBg, SelFg        color.Color // the cursor row
	HlBg, HlFg          color.Color // highlighted (cited) text
	Match               color.Color // matched characters, marks
	Error               color.Color
	BannerBg, BannerFg  color.Color // an error banner
}

// NewPalette returns the palette for a background.
func NewPalette(dark, highContrast bool) Palette {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(darkc)) }
	p := Palette{
		Accent: c("#5B21B6", "#B69CFF"),
		Dim:    c("#5F5F5F", "#8F8F8F"),
		Border: c("#808080", "#767676"),
		SelBg:  c("#DCD0FF", "#45386E"), SelFg: c("#111111", "#FFFFFF"),
		HlBg: c("#FFEDB0", "#4D3F0E"), HlFg: c("#111111", "#FFF0C2"),
		Match:    c("#875F00", "#FBBF24"),
		Error:    c("#B00020", "#FF6B6B"),
		BannerBg: c("#B00020", "#8B1A1A"), BannerFg: c("#FFFFFF", "#FFFFFF"),
	}
	if highContrast {
		p.Accent = c("#0000B0", "#FFFF00")
		p.Dim = c("#202020", "#E0E0E0")
		p.Border = c("#000000", "#FFFFFF")
		p.SelBg, p.SelFg = c("#0000B0", "#FFFF00"), c("#FFFFFF", "#000000")
		p.HlBg, p.HlFg = c("#FFE000", "#005F00"), c("#000000", "#FFFFFF")
		p.Match = c("#B00000", "#00FFFF")
		p.Error = c("#B00000", "#FF8080")
	}
	return p
}

// Attr is a set of text attributes for New.
type Attr uint8

// The attributes New sets.
const (
	Bold Attr = 1 << iota
	Faint
	Italic
	Underline
	Reverse
)

// New returns a style with a foreground and a background colour (nil for
// none) and attributes. The themes build their styles with it rather than
// with chains of lipgloss methods: each chained call copies the large Style
// value, which made every theme constructor kilobytes of the binary.
func New(fg, bg color.Color, a Attr) lipgloss.Style {
	s := lipgloss.NewStyle()
	if fg != nil {
		s = s.Foreground(fg)
	}
	if bg != nil {
		s = s.Background(bg)
	}
	if a&Bold != 0 {
		s = s.Bold(true)
	}
	if a&Faint != 0 {
		s = s.Faint(true)
	}
	if a&Italic != 0 {
		s = s.Italic(true)
	}
	if a&Underline != 0 {
		s = s.Underline(true)
	}
	if a&Reverse != 0 {
		s = s.Reverse(true)
	}
	return s
}

// Paint is a style reduced to the escape sequences around a text, so that
// hot paths can style a line by concatenation instead of a Render call. It
// is the one way styles are applied outside lipgloss.Style.Render.
type Paint struct{ pre, post string }

// NewPaint reduces a style to a paint.
func NewPaint(s lipgloss.Style) Paint {
	// Render a single printable rune: lipgloss styles some attributes
	// (underline) rune by rune and leaves control characters unstyled.
	r := s.Render("X")
	i := strings.IndexByte(r, 'X')
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: r[:i], post: r[i+1:]}
}

// Pre and Post are the sequences before and after a painted text, for
// renderers that paint runs inside a line.
func (p Paint) Pre() string  { return p.pre }
func (p Paint) Post() string { return p.post }

// On paints s.
func (p Paint) On(s string) string {
	if p.pre == "" {
		return s
	}
	return p.pre + s + p.post
}

// FPS is the frame rate the modes ask Bubble Tea for: its most. The
// renderer draws only what changed, so the cost is in the first frame,
// which comes on the first tick, and in keystrokes, which show sooner.
const FPS = 120
