package explore

import "github.com/brief-cli/brief/tui/style"

// pane names the places in the body a pane is drawn in (pane.go says how
// the root reaches them). A new pane adds its name here, its line in
// paneInfo and its place in computeLayout.
type pane int

const (
	paneNav     pane = iota // the navigator: outline, timeline, actors, glossary
	paneDetail              // the selected item
	paneSource              // the article, sentence by sentence
	paneReading             // reading mode: the article alone
	paneAxis                // the timeline's axis, above the panes
	paneCount
)

// paneInfo is each pane's name (in the status line) and role (pane.go).
var paneInfo = [paneCount]struct {
	name string
	role paneRole
}{
	paneNav:     {"Navigator", rolePane},
	paneDetail:  {"Detail", rolePane},
	paneSource:  {"Source", rolePane},
	paneReading: {"Reading", roleAlone},
	paneAxis:    {"Timeline axis", roleStrip},
}

type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// layout places the header, the axis strip, the panes and the footer.
// A pane with zero width is not shown at this size.
type layout struct {
	small  bool
	header rect
	banner rect // the reload error banner under the header, if shown
	footer rect
	body   rect
	panes  [paneCount]rect
	// dock is the panel under the panes that a docked modal (the note
	// editor) is drawn in; zero when none.
	dock rect
}

// layoutOpts is what the layout depends on besides the terminal's size.
type layoutOpts struct {
	focus, right pane // the focused pane; what the second pane shows from 80 to 119 columns
	axisRows     int  // the axis strip's height with its frame (0 for none)
	wideNav      bool // give the navigator more room (the actors table)
	bannerRows   int  // the height of the banner under the header (0 for none)
	zoom         bool // the focused pane has the whole body
	split        int  // steps of splitStep the navigator is widened (negative: narrowed) by
	dockRows     int  // the height of the docked panel under the panes (0 for none)
	reading      bool // reading mode has the panes' place
}

// splitStep is how much one < or > moves the split, in percent of the width.
const splitStep = 5

// minPaneW is the narrowest a pane gets when the split moves.
const minPaneW = 20

// computeLayout lays out a w x h terminal. At 120 columns and up the three
// panes sit side by side; from 80 the navigator shares the screen with the
// detail or the source pane (o.right says which); below 80 the focused pane
// has the screen to itself, as it has when zoomed.
func computeLayout(w, h int, o layoutOpts) layout {
	if style.Small(w, h) {
		return layout{small: true}
	}
	l := layout{
		header: rect{0, 0, w, 1},
		banner: rect{0, 1, w, o.bannerRows},
		footer: rect{0, h - 1, w, 1},
		body:   rect{0, 1 + o.bannerRows, w, h - 2 - o.bannerRows},
	}
	y, bh := 1+o.bannerRows, h-2-o.bannerRows
	if o.dockRows > 0 {
		d := min(o.dockRows, bh-6)
		l.dock = rect{0, y + bh - d, w, d}
		bh -= d
	}
	if o.axisRows > 0 && bh-o.axisRows >= 6 {
		l.panes[paneAxis] = rect{0, y, w, o.axisRows}
		y += o.axisRows
		bh -= o.axisRows
	}
	switch {
	case o.reading:
		l.panes[paneReading] = rect{0, y, w, bh}
	case o.zoom || w < 80:
		l.panes[o.focus] = rect{0, y, w, bh}
	case w >= 120:
		pct := 30
		if o.wideNav {
			// The actors table: room for a stance of a sentence or two
			// in three lines.
			pct = 56
		}
		nw := splitWidth(w, pct, o.split, 2)
		dw := (w - nw) / 2
		l.panes[paneNav] = rect{0, y, nw, bh}
		l.panes[paneDetail] = rect{nw, y, dw, bh}
		l.panes[paneSource] = rect{nw + dw, y, w - nw - dw, bh}
	default:
		pct := 40
		if o.wideNav {
			pct = 50
		}
		nw := splitWidth(w, pct, o.split, 1)
		right := o.right
		if o.focus != paneNav {
			right = o.focus
		}
		l.panes[paneNav] = rect{0, y, nw, bh}
		l.panes[right] = rect{nw, y, w - nw, bh}
	}
	return l
}

// splitWidth is the navigator's width: pct of w moved by split steps, and
// leaving at least minPaneW columns to each of the other panes beside it.
func splitWidth(w, pct, split, others int) int {
	nw := w * (pct + split*splitStep) / 100
	return clamp(nw, minPaneW, w-others*minPaneW)
}

// axisHeight is the height of the axis strip, frame included, for a body
// of bh rows: what the events need, at most half the body.
func axisHeight(need, bh int) int {
	return clamp(need+2, 4, max(bh/2, 4))
}
