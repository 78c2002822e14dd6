package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/brief-cli/brief/model/sanitize"
)

// footer is the bottom line: where you are on the left, the short help of
// the focused component and the global keys on the right, as many as fit.
type footer struct {
	th   *Theme
	w    int
	line string
}

func (f footer) SetTheme(th *Theme) footer { f.th = th; return f }

func (f footer) SetSize(w int) footer { f.w = w; return f }

// Render draws the footer for a location and the bindings to advertise.
func (f footer) Render(where string, bindings []key.Binding) footer {
	w := f.w
	if w <= 0 {
		f.line = ""
		return f
	}
	left := " " + trunc(where, max(w/2-1, 8))
	lw := sanitize.Width(left)
	rw := 0 // width of the help on the right, separators included
	var parts []string
	seen := map[string]bool{}
	for _, b := range bindings {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || seen[h.Key] {
			continue
		}
		seen[h.Key] = true
		iw := sanitize.Width(h.Key) + 1 + sanitize.Width(h.Desc)
		if len(parts) > 0 {
			iw += 2
		}
		if lw+rw+iw+2 > w {
			break
		}
		parts = append(parts, f.th.keyText.on(h.Key)+" "+f.th.dim.on(h.Desc))
		rw += iw
	}
	right := strings.Join(parts, "  ")
	f.line = f.th.heading.on(left) + spaces(w-lw-rw-1) + right + " "
	return f
}

func (f footer) View() string { return f.line }
