package explore

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

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
	return f.draw(" "+trunc(where, max(f.w/2-1, 8)), f.th.heading, bindings)
}

// Status draws the footer with a message in place of the location: an
// error in the error style, marked "!" so it shows without colour. The
// message has most of the line; the keys get what is left.
func (f footer) Status(msg string, isErr bool, bindings []key.Binding) footer {
	p := f.th.heading
	room := max(f.w*3/4-1, 8)
	if isErr {
		// An error may take the whole line: what failed and why come
		// first, and must not be cut (the keys come back when it clears).
		msg, p, room = "! "+msg, f.th.errText, max(f.w-2, 8)
	}
	return f.draw(" "+trunc(sanitize.Line(msg), room), p, bindings)
}

func (f footer) draw(left string, lp paint, bindings []key.Binding) footer {
	w := f.w
	if w <= 0 {
		f.line = ""
		return f
	}
	if sanitize.Width(left) > w {
		left = trunc(left, w)
	}
	lw := sanitize.Width(left)
	// The keys on the right, as many as fit, drawn by bubbles' help.
	var shown []key.Binding
	seen := map[string]bool{}
	room := w - lw - 2
	for _, b := range bindings {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || seen[h.Key] {
			continue
		}
		seen[h.Key] = true
		iw := sanitize.Width(h.Key) + 1 + sanitize.Width(h.Desc)
		if len(shown) > 0 {
			iw += 2
		}
		if iw > room {
			break
		}
		room -= iw
		shown = append(shown, b)
	}
	h := help.New()
	h.Styles = f.th.Help
	h.ShortSeparator = "  "
	right := h.ShortHelpView(shown)
	rw := ansi.StringWidth(right)
	if rw == 0 {
		f.line = lp.on(left) + spaces(w-lw)
		return f
	}
	f.line = lp.on(left) + spaces(w-lw-rw-1) + right + " "
	return f
}

func (f footer) View() string { return f.line }
