package explore

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/style"
)

// View draws the screen from what the components rendered when their state
// changed; it only frames and joins their lines.
func (m Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	// No window title: the terminal would be left with an empty one on
	// exit instead of the title the user had.
	return v
}

// Render returns the screen as text, one line per row.
func (m Model) Render() string {
	if !m.sized {
		return ""
	}
	if m.lay.small {
		return tooSmall(m.w, m.h)
	}
	var b strings.Builder
	b.Grow(m.w * m.h * 2)
	b.WriteString(m.header.View())
	if m.lay.banner.h > 0 {
		b.WriteByte('\n')
		b.WriteString(m.th.banner.on(fit(" ⚠ "+m.banner+" — showing the last good version", m.w)))
	}
	body := m.lay.body
	switch {
	case m.modal != nil && !m.docked():
		for _, l := range frame(m.th, m.modal.title(), "", m.modal.view(), body.w, body.h, true) {
			b.WriteByte('\n')
			b.WriteString(l)
		}
	default:
		m.writePanes(&b)
	}
	if d := m.lay.dock; d.h > 0 && m.docked() {
		for _, l := range frame(m.th, m.modal.title(), "", m.modal.view(), d.w, d.h, true) {
			b.WriteByte('\n')
			b.WriteString(l)
		}
	}
	b.WriteByte('\n')
	b.WriteString(m.footerView())
	return b.String()
}

// writePanes draws the panes the layout shows: panes side by side share
// rows, and a strip (the timeline axis) has rows of its own above them.
func (m Model) writePanes(b *strings.Builder) {
	var boxes [paneCount]box
	var lines [paneCount][]string
	focus := m.focused()
	for p := range paneCount {
		if !m.shown(p) {
			continue
		}
		r, s := m.lay.panes[p], m.pane(p)
		note := s.note()
		if m.zoom && paneInfo[p].role == rolePane {
			note = joinNote(note, "zoomed · z back")
		}
		boxes[p], lines[p] = newBox(m.th, s.title(), note, r.w, r.h, p == focus && !m.docked()), s.view()
	}
	body := m.lay.body
	for y := body.y; y < body.y+body.h; y++ {
		row := false
		for p := range paneCount {
			if r := m.lay.panes[p]; boxes[p].h > 0 && y >= r.y && y < r.y+r.h {
				if !row {
					b.WriteByte('\n')
					row = true
				}
				boxes[p].writeRow(b, y-r.y, lines[p])
			}
		}
	}
}

// joinNote joins two notes of a frame's bottom line.
func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + " · " + b
}

// scrollInfo describes a scroll position: "top", "end", "42%" or "".
func scrollInfo(off, h, total int) string {
	switch {
	case total <= h:
		return ""
	case off == 0:
		return "top"
	case off+h >= total:
		return "end"
	}
	return fmt.Sprintf("%d%%", off*100/max(total-h, 1))
}

func (m Model) footerView() string {
	var bindings []key.Binding
	switch {
	case m.modal != nil:
		bindings = m.modal.help().ShortHelp()
	case m.reading:
		bindings = append(m.keys.ShortHelp()[:2:2], m.layoutFooter()...)
		bindings = append(bindings, m.pane(paneReading).help().ShortHelp()...)
		bindings = append(bindings, m.keys.Quit)
	default:
		bindings = append(m.keys.ShortHelp()[:2:2], m.layoutFooter()...)
		bindings = append(bindings, m.keys.ShortHelp()[2])
		bindings = append(bindings, m.focusedShortHelp()...)
		bindings = append(bindings, m.keys.ShortHelp()[3:]...)
	}
	if msg, isErr := m.statusLine(); msg != "" {
		return m.footer.Status(msg, isErr, bindings).View()
	}
	return m.footer.Render(m.where(), bindings).View()
}

// layoutFooter is r and z as the footer names them, where they apply:
// r everywhere (to reading mode and back), z where there are panes to zoom.
func (m Model) layoutFooter() []key.Binding {
	read := m.layoutKeys.Read
	if m.reading {
		read.SetHelp("r", "panes")
		return []key.Binding{read}
	}
	read.SetHelp("r", "read")
	zoom := m.layoutKeys.Zoom
	switch {
	case m.zoom:
		zoom.SetHelp("z", "unzoom")
	case m.w >= 80:
		zoom.SetHelp("z", "zoom")
	default:
		// Below 80 columns the focused pane has the screen already.
		return []key.Binding{read}
	}
	return []key.Binding{read, zoom}
}

// focusedShortHelp is the focused pane's keys for the footer, less the
// first two (up and down, which the panes have).
func (m Model) focusedShortHelp() []key.Binding {
	b := m.pane(m.focus).help().ShortHelp()
	return b[min(2, len(b)):]
}

// where says where the user is: the navigator, the item and the focus.
func (m Model) where() string {
	n := m.navs[m.nav]
	s := n.spec.name
	if m.reading {
		s = "Reading"
		if m.current.Kind == kindSection {
			return s // the outline's section rows are not read
		}
	}
	if r := m.current; r.Kind == model.KindPoint {
		if p := m.b.Point(r.ID); p != nil {
			if t := m.b.Theme(p.Theme); t != nil {
				s += " › " + t.Title
			}
		}
	}
	if r := m.current; r.Kind != model.KindPoint && r.Kind != "" {
		s += " › " + title(m.b, r)
	}
	if m.focus != paneNav && !m.reading {
		s = m.focus.String() + " · " + s
	}
	return s
}

// box is a frame w x h cells: its top and bottom lines and the sides.
// The focused frame is heavy and its title marked ▸, so focus shows
// without colour.
type box struct {
	top, bottom, left, right, empty string
	h                               int
}

func newBox(th *Theme, title, note string, w, h int, focused bool) box {
	if w < 2 || h < 2 {
		return box{}
	}
	bp, tp := th.border, th.paneTitle
	tl, tr, bl, br, hz, vt := "╭", "╮", "╰", "╯", "─", "│"
	if focused {
		bp, tp = th.borderFocus, th.paneTitleFocus
		tl, tr, bl, br, hz, vt = "┏", "┓", "┗", "┛", "━", "┃"
		title = "▸ " + title
	}
	iw := w - 2
	bx := box{left: bp.on(vt), right: bp.on(vt), empty: spaces(iw), h: h}
	title = trunc(title, max(iw-4, 0))
	tw := sanitize.Width(title)
	bx.top = bp.on(tl+hz) + tp.on(" "+title+" ") + bp.on(strings.Repeat(hz, max(iw-tw-3, 0))+tr)
	if iw-tw-3 < 0 {
		bx.top = bp.on(tl + strings.Repeat(hz, iw) + tr)
	}
	note = trunc(note, max(iw-4, 0))
	if nw := sanitize.Width(note); nw > 0 {
		bx.bottom = bp.on(bl+strings.Repeat(hz, iw-nw-3)+" ") + th.dim.on(note) + bp.on(" "+hz+br)
	} else {
		bx.bottom = bp.on(bl + strings.Repeat(hz, iw) + br)
	}
	return bx
}

// writeRow writes row i of the box holding lines (each exactly the inner
// width; missing lines are blank).
func (bx box) writeRow(b *strings.Builder, i int, lines []string) {
	switch {
	case i == 0:
		b.WriteString(bx.top)
	case i == bx.h-1:
		b.WriteString(bx.bottom)
	default:
		b.WriteString(bx.left)
		if i-1 < len(lines) {
			b.WriteString(lines[i-1])
		} else {
			b.WriteString(bx.empty)
		}
		b.WriteString(bx.right)
	}
}

// frame returns the lines of a box holding lines.
func frame(th *Theme, title, note string, lines []string, w, h int, focused bool) []string {
	bx := newBox(th, title, note, w, h, focused)
	out := make([]string, 0, bx.h)
	for i := range bx.h {
		var b strings.Builder
		bx.writeRow(&b, i, lines)
		out = append(out, b.String())
	}
	return out
}

// tooSmall is the whole screen below the minimum size.
func tooSmall(w, h int) string {
	msg := style.TooSmallMessage()
	lines := wrap(msg, max(w, 1), "")
	var b strings.Builder
	top := max((h-len(lines))/2, 0)
	for i := 0; i < min(h, top+len(lines)); i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i >= top {
			l := lines[i-top]
			b.WriteString(spaces((w - sanitize.Width(l)) / 2))
			b.WriteString(l)
		}
	}
	return b.String()
}
