package explore

import (
	"strings"
	"unicode"

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
	h := header{th: th, title: b.Title, src: sourceBesides(b.Title, b.Source.Title)}
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

// sourceBesides is what the header says of the source beside the title: its
// title, or nothing when it is the briefing's title again (a plain
// article's, or one written the same in other case, quotes, dashes or
// spacing), or only what follows the title when the source's title begins
// with it ("Title | The Paper" gives "The Paper").
func sourceBesides(title, src string) string {
	nt, ns := foldTitle(title), foldTitle(src)
	switch {
	case ns == "" || ns == nt || strings.HasPrefix(nt, ns+" "):
		return ""
	case nt != "" && strings.HasPrefix(ns, nt+" "):
		// Cut src after as many letters and digits as the title has.
		n := 0
		for _, r := range nt {
			if r != ' ' {
				n++
			}
		}
		for i, r := range src {
			if n == 0 {
				rest := strings.TrimLeftFunc(src[i:], func(r rune) bool {
					return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
				})
				return rest
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n--
			}
		}
		return ""
	}
	return src
}

// foldTitle reduces a title to its words: lower case, letters and digits,
// single spaces.
func foldTitle(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			space = true
		}
	}
	return b.String()
}
