package present

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/axis"
)

// The smallest terminal present mode draws in.
const (
	MinWidth  = 60
	MinHeight = 20
)

// footerRows is the space kept at the bottom of every screen: a blank row,
// the status row (counter, timer) and the progress bar.
const footerRows = 3

// segKind says how a piece of a line is styled.
type segKind int

const (
	segText segKind = iota
	segLabel
	segBullet
	segDim
	segSubtitle
	segRaw // already styled (the timeline axis)
)

type seg struct {
	kind segKind
	text string
}

// line is one row of a slide's body, laid out but not yet styled.
type line struct {
	segs []seg
	// item is the index of the item (bullet) the line belongs to, -1 for none;
	// a slide revealed step by step hides the items not reached yet.
	item int
	// wide lines use the wide column (the timeline axis), others the
	// content column.
	wide bool
	// center centres the line in its column.
	center bool
	// byEvents, on the axis of a timeline built up event by event, is
	// the line's text with the first n events shown at byEvents[n-1].
	byEvents []string
}

func (l line) width() int {
	w := 0
	for _, s := range l.segs {
		if s.kind == segRaw {
			w += ansi.StringWidth(s.text)
		} else {
			w += sanitize.Width(s.text)
		}
	}
	return w
}

// Page is one screen of the deck: a slide, or a part of a slide that was
// split to fit.
type Page struct {
	Slide       int // index into the deck
	Part, Parts int // 1-based part of the slide; Parts is 1 when not split
	Title       string
	// big holds the title in block letters (three rows a line), or is nil
	// when the title is drawn in plain bold (titleLines).
	big        [][]string
	titleLines []string
	subtitle   []string
	body       []line
	// centered pages (title, closing) sit in the middle of the screen.
	centered bool
	// items lists the items on this page in order, for a revealed slide.
	items  []int
	reveal bool
	// problems says why the page does not fit properly (for --check).
	problems []string
}

// Steps is how many presses of next the page takes.
func (p Page) Steps() int {
	if p.reveal && len(p.items) > 1 {
		return len(p.items)
	}
	return 1
}

// geometry is the layout of one terminal size.
type geometry struct {
	w, h     int
	cw, ww   int // content and wide column widths
	top      int // rows above the title
	maxBig   int // block-letter title lines allowed on a content slide
	maxTitle int // block-letter title lines allowed on a centred slide
	axis     axis.Styles
}

func newGeometry(w, h int) geometry {
	margin := 2
	if w >= 80 {
		margin = 4
	}
	g := geometry{w: w, h: h, top: 1}
	g.cw = min(w-2*margin, 100)
	g.ww = min(w-2*margin, 140)
	if h >= 30 {
		g.top = 2
	}
	switch {
	case h >= 34:
		g.maxBig = 2
	case h >= 22:
		g.maxBig = 1
	}
	g.maxTitle = max(0, (h-footerRows-8)/(bigRows+1))
	return g
}

// layout splits a deck into the pages that fit a w x h screen.
func layout(deck []model.Slide, w, h int, ast axis.Styles) []Page {
	g := newGeometry(w, h)
	g.axis = ast
	var pages []Page
	for i, s := range deck {
		pages = append(pages, layoutSlide(i, s, g)...)
	}
	return pages
}

// layoutSlide lays out one slide, splitting it across pages if it must. A
// title in block letters gives way to a bold one when that saves a split.
func layoutSlide(idx int, s model.Slide, g geometry) []Page {
	if s.Kind == model.SlideTimeline && g.maxBig < 2 {
		// On a short screen the axis needs the rows more than the title.
		return layoutSlideWith(idx, s, g, false)
	}
	pages := layoutSlideWith(idx, s, g, true)
	if len(pages) > 1 && pages[0].big != nil {
		if bold := layoutSlideWith(idx, s, g, false); len(bold) < len(pages) {
			return bold
		}
	}
	return pages
}

func layoutSlideWith(idx int, s model.Slide, g geometry, allowBig bool) []Page {
	base := Page{Slide: idx, Part: 1, Parts: 1, Title: s.Title, reveal: s.Reveal}
	centered := s.Kind == model.SlideTitle || s.Kind == model.SlideClosing
	maxBig := g.maxBig
	if centered {
		maxBig = g.maxTitle
		base.centered = true
	}
	if !allowBig {
		maxBig = 0
	}
	if lines, ok := wrapBig(s.Title, g.ww); ok && len(lines) <= maxBig {
		for _, l := range lines {
			base.big = append(base.big, bigText(l))
		}
	} else {
		base.titleLines = sanitize.Wrap(s.Title, g.cw)
		if len(base.titleLines) > 3 {
			base.titleLines = base.titleLines[:3]
			base.titleLines[2] = sanitize.Truncate(base.titleLines[2]+" …", g.cw-1, "…")
			base.problems = append(base.problems, "title is cut to three lines")
		}
	}
	if s.Subtitle != "" {
		base.subtitle = sanitize.Wrap(s.Subtitle, g.cw)
		if len(base.subtitle) > 2 && !centered {
			base.subtitle = base.subtitle[:2]
			base.subtitle[1] = sanitize.Truncate(base.subtitle[1]+" …", g.cw-1, "…")
		}
	}
	if centered {
		body := base.subtitleBlock(g)
		base.subtitle = nil
		for _, p := range s.Body {
			body = append(body, line{item: -1})
			for _, l := range sanitize.Wrap(p, g.cw) {
				body = append(body, line{segs: []seg{{segDim, l}}, item: -1, center: true})
			}
		}
		base.body = body
		if need := base.titleRows() + len(body); need > g.h-footerRows-g.top {
			base.problems = append(base.problems, "the slide is taller than the screen")
			base.body = body[:max(0, g.h-footerRows-g.top-base.titleRows())]
		}
		return []Page{base}
	}

	bodyH := g.h - footerRows - g.top - base.titleRows() - len(base.subtitle) - 1
	var header []line
	var blocks [][]line
	switch s.Kind {
	case model.SlideTimeline:
		header, blocks = timelineSlide(s, g, bodyH)
	case model.SlideText:
		for _, p := range s.Body {
			var b []line
			for _, l := range sanitize.Wrap(p, g.cw) {
				b = append(b, line{segs: []seg{{segText, l}}, item: -1})
			}
			blocks = append(blocks, b)
		}
	default:
		for _, p := range s.Body {
			blocks = append(blocks, plainBlock(p, g.cw))
		}
		for i, it := range s.Items {
			marker := "•"
			if s.Numbered {
				marker = strconv.Itoa(i+1) + "."
			}
			mw := 2
			if s.Numbered {
				mw = len(strconv.Itoa(len(s.Items))) + 2
			}
			blocks = append(blocks, itemBlock(i, marker, mw, it.Label, it.Text, g.cw))
		}
	}
	// A timeline's dated lines sit close together; bullets get air.
	gap := s.Kind != model.SlideTimeline
	parts, broken := paginate(blocks, header, bodyH, gap)
	pages := make([]Page, len(parts))
	for i, body := range parts {
		p := base
		p.Part, p.Parts = i+1, len(parts)
		p.body = body
		p.problems = append([]string(nil), base.problems...)
		if broken[i] {
			p.problems = append(p.problems, "an item is taller than the screen and is cut across screens")
		}
		if bodyH < 1 {
			p.problems = append(p.problems, "no room for the content under the title")
		}
		seen := map[int]bool{}
		for _, l := range body {
			if l.item >= 0 && !seen[l.item] {
				seen[l.item] = true
				p.items = append(p.items, l.item)
			}
		}
		pages[i] = p
	}
	return pages
}

// subtitleBlock turns the subtitle of a centred slide into body lines.
func (p Page) subtitleBlock(g geometry) []line {
	var out []line
	if len(p.subtitle) > 0 {
		out = append(out, line{item: -1})
	}
	for _, l := range p.subtitle {
		out = append(out, line{segs: []seg{{segSubtitle, l}}, item: -1, center: true})
	}
	return out
}

// titleRows is the height of the title.
func (p Page) titleRows() int {
	if p.big != nil {
		return len(p.big)*(bigRows+1) - 1
	}
	return len(p.titleLines)
}

func plainBlock(text string, w int) []line {
	var b []line
	for _, l := range sanitize.Wrap(text, w) {
		b = append(b, line{segs: []seg{{segText, l}}, item: -1})
	}
	return b
}

// itemBlock lays out one bullet: a marker, then the label (bold) and text
// wrapped with a hanging indent.
func itemBlock(item int, marker string, mw int, label, text string, w int) []line {
	full, labelLen := text, 0
	if label != "" {
		labelLen = len(label)
		if text != "" {
			full = label + " — " + text
		} else {
			full = label
		}
	}
	wrapped := sanitize.Wrap(full, w-mw)
	var out []line
	pos := 0
	for i, l := range wrapped {
		start := pos
		if j := strings.Index(full[pos:], l); j >= 0 {
			start = pos + j
		}
		end := start + len(l)
		pos = end
		var segs []seg
		lead := strings.Repeat(" ", mw)
		if i == 0 {
			lead = marker + strings.Repeat(" ", max(1, mw-sanitize.Width(marker)))
		}
		segs = append(segs, seg{segBullet, lead})
		switch {
		case end <= labelLen:
			segs = append(segs, seg{segLabel, l})
		case start < labelLen:
			segs = append(segs, seg{segLabel, full[start:labelLen]}, seg{segText, full[labelLen:end]})
		default:
			segs = append(segs, seg{segText, l})
		}
		out = append(out, line{segs: segs, item: item})
	}
	return out
}

// paginate packs blocks, a blank line apart when gap is set, into pages of at most h lines,
// each page starting with header (and a blank line after it). A block never
// splits unless it alone is taller than a page; broken marks those pages.
func paginate(blocks [][]line, header []line, h int, gap bool) (pages [][]line, broken []bool) {
	if len(header) > 0 {
		header = append(append([]line(nil), header...), line{item: -1})
	}
	room := h - len(header)
	if room < 1 {
		// Not even the header fits: drop it rather than draw nothing.
		header, room = nil, max(h, 1)
	}
	var cur []line
	curBroken := false
	used := 0
	flush := func() {
		pages = append(pages, append(append([]line(nil), header...), cur...))
		broken = append(broken, curBroken)
		cur, used, curBroken = nil, 0, false
	}
	for _, b := range blocks {
		need := len(b)
		if used > 0 && gap {
			need++
		}
		if used+need > room && used > 0 {
			flush()
			need = len(b)
		}
		if need > room {
			// The block alone is taller than a page: cut it across pages.
			for len(b) > 0 {
				n := min(room-used, len(b))
				cur = append(cur, b[:n]...)
				used += n
				b = b[n:]
				curBroken = true
				if len(b) > 0 {
					flush()
					curBroken = true
				}
			}
			continue
		}
		if used > 0 && gap {
			cur = append(cur, line{item: -1})
		}
		cur = append(cur, b...)
		used += need
	}
	if used > 0 || len(pages) == 0 {
		flush()
	}
	return pages, broken
}
