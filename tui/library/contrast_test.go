package library

import (
	"image/color"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/internal/testkit/wcag"
)

// The library's styles, its help line and full help included, meet WCAG 2
// AA on the terminal's background (4.5:1 for text, 3:1 for the help's
// separators, which are not text) in the dark, light and high-contrast
// themes, in true colour and in 256 colours.
func TestContrast(t *testing.T) {
	for _, th := range wcag.Themes {
		theme := NewTheme(th.Dark, th.High, false)
		h := theme.Help
		for _, s := range []struct {
			what string
			st   lipgloss.Style
			min  float64
		}{
			{"title", theme.Title, wcag.Text},
			{"dim text", theme.Dim, wcag.Text},
			{"the cursor row", theme.Selected, wcag.Text},
			{"matched characters", theme.Match, wcag.Text},
			{"errors", theme.Error, wcag.Text},
			{"the prompt", theme.Prompt, wcag.Text},
			{"help keys", h.ShortKey, wcag.Text},
			{"help descriptions", h.ShortDesc, wcag.Text},
			{"help separators", h.ShortSeparator, wcag.NonText},
			{"help ellipsis", h.Ellipsis, wcag.Text},
			{"full help keys", h.FullKey, wcag.Text},
			{"full help descriptions", h.FullDesc, wcag.Text},
			{"full help separators", h.FullSeparator, wcag.NonText},
		} {
			fgc := s.st.GetForeground()
			if _, none := fgc.(lipgloss.NoColor); none || fgc == nil {
				t.Errorf("%s: %s has no colour of its own", th.Name, s.what)
				continue
			}
			var bgc color.Color = s.st.GetBackground()
			if _, none := bgc.(lipgloss.NoColor); none {
				bgc = nil
			}
			for _, bgs := range th.Bgs {
				for _, mode := range wcag.Modes {
					fg, idx := wcag.In(fgc, mode)
					bg := wcag.Hex(bgs)
					if bgc != nil {
						bg, _ = wcag.In(bgc, mode)
					}
					if r := wcag.Ratio(fg, bg); r < s.min {
						t.Errorf("%s, %s on %s, %s: %.2f:1, want %.1f:1 (%v on %v %s)", th.Name, s.what, bgs, mode, r, s.min, fg, bg, idx)
					}
				}
			}
		}
	}
}
