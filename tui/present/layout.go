package present

import (
	"slices"
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
	// plain lays slides out for text with no screen to fill (the piped
	// deck): no block letters, no rows kept above or around the slide.
	plain bool
	// noBig sets every title in plain bold: a deck whose titles do not
	// all fit in block letters at this size has none in block letters.
	noBig bool
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

// plainGeometry lays slides out w wide with no height limit, for text.
func plainGeometry(w int) geometry {
	g := newGeometry(w, 1<<16)
	g.cw, g.ww = w, w
	g.top, g.maxBig, g.maxTitle, g.plain = 0, 0, 0, true
	return g
}

// layout lays a deck out for a w x h screen: one or more pages (screens)
// per slide, in deck order. Titles share one style within the deck: block
// letters on every slide when each slide takes them, else plain bold on
// every slide, so the room never sees the style change from slide to slide.
func layout(deck []model.Slide, g geometry) []Page {
	pages := layoutDeck(deck, g)
	if !g.noBig && mixedTitles(pages) {
		g.noBig = true
		pages = layoutDeck(deck, g)
	}
	return pages
}

func layoutDeck(deck []model.Slide, g geometry) []Page {
	var pages []Page
	for i, s := range deck {
		pages = append(pages, layoutSlide(i, s, g)...)
	}
	return pages
}

// mixedTitles reports whether some titles are in block letters and others
// are not.
func mixedTitles(pages []Page) bool {
	big, plain := false, false
	for _, p := range pages {
		switch {
		case p.Title == "":
		case p.big != nil:
			big = true
		default:
			plain = true
		}
	}
	return big && plain
}

// fit is one way of laying a slide out. The ways are tried in order, from
// the roomiest to the densest, and the first that fits one screen wins:
// a slide is split across screens only when none does.
type fit struct {
	big  bool // the title in block letters (else bold)
	gap  bool // a blank line between items
	cols int  // columns of items: 1, or 2 where the width allows
}

var fits = []fit{
	{big: true, gap: true, cols: 1},
	{gap: true, cols: 1},
	{cols: 1},
	{gap: true, cols: 2},
	{cols: 2},
}

// layoutSlide lays out one slide in the first way that fits one screen, or
// else in the way that takes the fewest screens.
func layoutSlide(idx int, s model.Slide, g geometry) []Page {
	var best []Page
	for _, f := range fits {
		if f.big && g.noBig {
			continue
		}
		pages, ok := layoutSlideWith(idx, s, g, f)
		if !ok {
			continue
		}
		if len(pages) == 1 && len(pages[0].problems) == 0 {
			return pages
		}
		if best == nil || len(pages) < len(best) {
			best = pages
		}
	}
	return best
}

// colGap is the space between two columns of items.
const colGap = 4

// minColWidth is the narrowest column of a two-column slide.
const minColWidth = 34

// twoColumns reports whether a slide can take its items in two columns at
// g: a plain list of several items (not revealed one by one) on a screen
// wide enough for two readable columns.
func twoColumns(s model.Slide, g geometry) (colW int, ok bool) {
	switch s.Kind {
	case model.SlideTimeline, model.SlideText, model.SlideTitle, model.SlideClosing:
		return 0, false
	}
	colW = (g.ww - colGap) / 2
	return colW, !s.Reveal && len(s.Items) > 2 && colW >= minColWidth
}

// layoutSlideWith lays a slide out one way; ok is false when the way does
// not apply to the slide.
func layoutSlideWith(idx int, s model.Slide, g geometry, f fit) ([]Page, bool) {
	if f.cols == 2 {
		if _, ok := twoColumns(s, g); !ok {
			return nil, false
		}
	}
	base := Page{Slide: idx, Part: 1, Parts: 1, Title: s.Title, reveal: s.Reveal}
	centered := s.Kind == model.SlideTitle || s.Kind == model.SlideClosing
	maxBig := g.maxBig
	if centered {
		maxBig = g.maxTitle
		base.centered = true
	}
	if !f.big {
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
		if !f.gap || f.cols != 1 {
			return nil, false
		}
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
		return []Page{base}, true
	}
	if s.Kind == model.SlideTimeline && (!f.gap || f.big && g.maxBig < 2) {
		// A timeline is always packed tight; on a short screen the axis
		// needs the rows more than a title in block letters.
		return nil, false
	}
	colW := g.cw
	if f.cols == 2 {
		colW, _ = twoColumns(s, g)
	}

	bodyH := g.h - footerRows - g.top - base.titleRows() - len(base.subtitle) - 1
	var header []line
	var blocks [][]line
	headerGap := true
	switch s.Kind {
	case model.SlideTimeline:
		header, blocks, headerGap = timelineSlide(s, g, bodyH)
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
			blocks = append(blocks, plainBlock(p, colW))
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
			blocks = append(blocks, itemBlock(i, marker, mw, it.Label, it.Text, colW))
		}
	}
	// A timeline's dated lines sit close together; bullets get air when
	// there is room for it.
	gap := f.gap && s.Kind != model.SlideTimeline
	parts, broken := paginate(blocks, header, headerGap, bodyH, gap)
	parts, broken = balance(blocks, header, headerGap, bodyH, gap, parts, broken)
	if f.cols == 2 {
		parts, broken = pairColumns(parts, broken, colW)
	}
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
	return pages, true
}

// balance evens out the pieces of a slide split across screens (or
// columns): the same number of pieces, each as short as that allows, so the
// last is not a stub under a full one. A piece cut inside a block is left
// as it is.
func balance(blocks [][]line, header []line, headerGap bool, h int, gap bool, parts [][]line, broken []bool) ([][]line, []bool) {
	if len(parts) < 2 || slices.Contains(broken, true) {
		return parts, broken
	}
	for r := h - 1; r > 0; r-- {
		p, b := paginate(blocks, header, headerGap, r, gap)
		if len(p) != len(parts) || slices.Contains(b, true) {
			break
		}
		parts, broken = p, b
	}
	return parts, broken
}

// pairColumns sets column pieces side by side, two to a page: the first
// column is read down, then the second.
func pairColumns(cols [][]line, broken []bool, colW int) ([][]line, []bool) {
	var pages [][]line
	var pb []bool
	for i := 0; i < len(cols); i += 2 {
		left := cols[i]
		var right []line
		b := broken[i]
		if i+1 < len(cols) {
			right = cols[i+1]
			b = b || broken[i+1]
		}
		var page []line
		for r := range max(len(left), len(right)) {
			var l line
			if r < len(left) {
				l = left[r]
			}
			merged := line{segs: append([]seg(nil), l.segs...), item: -1, wide: true}
			if r < len(right) {
				pad := colW + colGap - l.width()
				merged.segs = append(merged.segs, seg{segText, strings.Repeat(" ", max(pad, 1))})
				merged.segs = append(merged.segs, right[r].segs...)
			}
			page = append(page, merged)
		}
		pages = append(pages, page)
		pb = append(pb, b)
	}
	return pages, pb
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
// each page starting with header (and a blank line after it, with
// headerGap). A block never
// splits unless it alone is taller than a page; broken marks those pages.
func paginate(blocks [][]line, header []line, headerGap bool, h int, gap bool) (pages [][]line, broken []bool) {
	if len(header) > 0 && headerGap {
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
