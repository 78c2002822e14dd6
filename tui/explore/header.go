package explore

import (
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// header is the top line: the briefing's title, its source and date.
type header struct {
	th    *Theme
	title string
	src   string
	date  string
	w     int
	line  string
}

func newHeader(b *model.Briefing, th *Theme) header {
	h := header{th: th, title: b.Title, src: b.Source.Title}
	if h.src == h.title {
		h.src = "" // a plain article's title is its source's: say it once
	}
	if !b.Source.Published.IsZero() {
		h.date = b.Source.Published.Format("2 Jan 2006")
	}
	return h
}

func (h header) SetTheme(th *Theme) header { h.th = th; return h.render() }

func (h header) SetSize(w int) header { h.w = w; return h.render() }

func (h header) render() header {
	w := h.w
	if w <= 0 {
		h.line = ""
		return h
	}
	right := h.date
	if right != "" {
		right = " " + right + " "
	}
	rw := sanitize.Width(right)
	// The title comes first: the date gives way to it, then the source.
	if 1+sanitize.Width(h.title)+rw > w {
		right, rw = "", 0
	}
	left := " " + trunc(h.title, max(w-1-rw, 1))
	lw := sanitize.Width(left)
	mid := ""
	if room := w - lw - rw - 3; room > 10 && h.src != "" {
		mid = " · " + trunc(h.src, room)
	}
	pad := w - lw - sanitize.Width(mid) - rw
	if pad < 0 {
		right, pad = "", w-lw-sanitize.Width(mid)
	}
	h.line = h.th.Title.Render(left) + h.th.dim.on(mid+spaces(pad)+right)
	return h
}

func (h header) View() string { return h.line }
