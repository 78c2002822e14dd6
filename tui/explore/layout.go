package explore

import "github.com/brief-cli/brief/tui/style"

// pane names the three panes focus moves between.
type pane int

const (
	paneNav pane = iota
	paneDetail
	paneSource
	paneCount
)

func (p pane) String() string {
	switch p {
	case paneDetail:
		return "Detail"
	case paneSource:
		return "Source"
	}
	return "Navigator"
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
	axis   rect
	panes  [paneCount]rect
}

// computeLayout lays out a w x h terminal. At 120 columns and up the three
// panes sit side by side; from 80 the navigator shares the screen with the
// detail or the source pane (right says which); below 80 the focused pane
// has the screen to itself. axisRows is the axis strip's height with its
// frame (0 for none); wideNav gives the navigator more room (the actors
// table); bannerRows is the height of the banner under the header (0 for
// none).
func computeLayout(w, h int, focus, right pane, axisRows int, wideNav bool, bannerRows int) layout {
	if style.Small(w, h) {
		return layout{small: true}
	}
	l := layout{
		header: rect{0, 0, w, 1},
		banner: rect{0, 1, w, bannerRows},
		footer: rect{0, h - 1, w, 1},
		body:   rect{0, 1 + bannerRows, w, h - 2 - bannerRows},
	}
	y, bh := 1+bannerRows, h-2-bannerRows
	if axisRows > 0 {
		l.axis = rect{0, y, w, axisRows}
		y += axisRows
		bh -= axisRows
	}
	switch {
	case w >= 120:
		nw := w * 30 / 100
		if wideNav {
			nw = w * 42 / 100
		}
		dw := (w - nw) / 2
		l.panes[paneNav] = rect{0, y, nw, bh}
		l.panes[paneDetail] = rect{nw, y, dw, bh}
		l.panes[paneSource] = rect{nw + dw, y, w - nw - dw, bh}
	case w >= 80:
		nw := w * 40 / 100
		if wideNav {
			nw = w / 2
		}
		l.panes[paneNav] = rect{0, y, nw, bh}
		if focus != paneNav {
			right = focus
		}
		l.panes[right] = rect{nw, y, w - nw, bh}
	default:
		l.panes[focus] = rect{0, y, w, bh}
	}
	return l
}

// axisHeight is the height of the axis strip, frame included, for a body
// of bh rows: what the events need, at most half the body.
func axisHeight(need, bh int) int {
	return clamp(need+2, 4, max(bh/2, 4))
}
