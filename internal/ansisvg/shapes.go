package ansisvg

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Box-drawing and block characters are drawn as shapes that fill their cell
// edge to edge, so lines join across cells and rows as on a terminal; as
// text, they would show gaps wherever the font's line height differs.

// arms are the lines from a cell's centre to its edges (up, right, down,
// left): 0 none, 1 light, 2 heavy.
var arms = map[rune][4]uint8{
	'─': {0, 1, 0, 1}, '━': {0, 2, 0, 2}, '│': {1, 0, 1, 0}, '┃': {2, 0, 2, 0},
	'┌': {0, 1, 1, 0}, '┐': {0, 0, 1, 1}, '└': {1, 1, 0, 0}, '┘': {1, 0, 0, 1},
	'┏': {0, 2, 2, 0}, '┓': {0, 0, 2, 2}, '┗': {2, 2, 0, 0}, '┛': {2, 0, 0, 2},
	'├': {1, 1, 1, 0}, '┤': {1, 0, 1, 1}, '┬': {0, 1, 1, 1}, '┴': {1, 1, 0, 1}, '┼': {1, 1, 1, 1},
	'┣': {2, 2, 2, 0}, '┫': {2, 0, 2, 2}, '┳': {0, 2, 2, 2}, '┻': {2, 2, 0, 2}, '╋': {2, 2, 2, 2},
	'┝': {1, 2, 1, 0}, '┥': {1, 0, 1, 2}, '┯': {0, 2, 1, 2}, '┷': {1, 2, 0, 2}, '┿': {1, 2, 1, 2},
	'╴': {0, 0, 0, 1}, '╵': {1, 0, 0, 0}, '╶': {0, 1, 0, 0}, '╷': {0, 0, 1, 0},
	'╸': {0, 0, 0, 2}, '╹': {2, 0, 0, 0}, '╺': {0, 2, 0, 0}, '╻': {0, 0, 2, 0},
}

// dashes are the dashed lines: weight, dashes per cell, vertical.
var dashes = map[rune]struct {
	weight, n int
	vertical  bool
}{
	'┄': {1, 3, false}, '┅': {2, 3, false}, '┈': {1, 4, false}, '┉': {2, 4, false},
	'┆': {1, 3, true}, '┇': {2, 3, true}, '┊': {1, 4, true}, '┋': {2, 4, true},
	'╌': {1, 2, false}, '╍': {2, 2, false}, '╎': {1, 2, true}, '╏': {2, 2, true},
}

// rounded corners: the arms they join (up, right, down, left).
var rounded = map[rune][4]bool{
	'╭': {false, true, true, false}, '╮': {false, false, true, true},
	'╯': {true, false, false, true}, '╰': {true, true, false, false},
}

// blocks are block elements as the part of the cell they fill (x, y, w, h
// in eighths) and the opacity of the fill.
var blocks = map[rune]struct {
	x, y, w, h int
	opacity    float64
}{
	'█': {0, 0, 8, 8, 1}, '▀': {0, 0, 8, 4, 1}, '▄': {0, 4, 8, 4, 1},
	'▌': {0, 0, 4, 8, 1}, '▐': {4, 0, 4, 8, 1}, '▔': {0, 0, 8, 1, 1}, '▕': {7, 0, 1, 8, 1},
	'▁': {0, 7, 8, 1, 1}, '▂': {0, 6, 8, 2, 1}, '▃': {0, 5, 8, 3, 1}, '▅': {0, 3, 8, 5, 1},
	'▆': {0, 2, 8, 6, 1}, '▇': {0, 1, 8, 7, 1},
	'▉': {0, 0, 7, 8, 1}, '▊': {0, 0, 6, 8, 1}, '▋': {0, 0, 5, 8, 1}, '▍': {0, 0, 3, 8, 1},
	'▎': {0, 0, 2, 8, 1}, '▏': {0, 0, 1, 8, 1},
	'░': {0, 0, 8, 8, 0.25}, '▒': {0, 0, 8, 8, 0.5}, '▓': {0, 0, 8, 8, 0.75},
}

// isShape reports whether text is drawn as a shape.
func isShape(text string) bool {
	r, n := utf8.DecodeRuneInString(text)
	if n == 0 || n != len(text) {
		return false
	}
	_, a := arms[r]
	_, d := dashes[r]
	_, c := rounded[r]
	_, b := blocks[r]
	return a || d || c || b
}

// shape is the path data for a box-drawing or block character in the cell
// whose top left corner is (x, y), and how the path is painted: "fill",
// "fill-opacity=N" or "stroke" (a line of the light width). It is "" for
// any other text.
func shape(text string, g geometry, x, y float64) (d, paint string) {
	if !isShape(text) {
		return "", ""
	}
	r, _ := utf8.DecodeRuneInString(text)
	light := max(1, g.fs/14)
	weight := func(w uint8) float64 {
		if w == 2 {
			return light * 2.5
		}
		return light
	}
	cx, cy := x+g.cw/2, y+g.lh/2
	var rects []string
	rect := func(x0, y0, x1, y1 float64) {
		rects = append(rects, fmt.Sprintf("M%s %sH%sV%sH%sZ", num(x0), num(y0), num(x1), num(y1), num(x0)))
	}
	if a, ok := arms[r]; ok {
		// Each arm is a bar from the far side of the centre to the edge,
		// so that corners and crossings join square; two arms of one
		// weight in a line are one bar.
		if a[0] > 0 && a[0] == a[2] {
			w := weight(a[0])
			rect(cx-w/2, y, cx+w/2, y+g.lh)
		} else {
			if w := weight(a[0]); a[0] > 0 {
				rect(cx-w/2, y, cx+w/2, cy+w/2)
			}
			if w := weight(a[2]); a[2] > 0 {
				rect(cx-w/2, cy-w/2, cx+w/2, y+g.lh)
			}
		}
		if a[1] > 0 && a[1] == a[3] {
			w := weight(a[1])
			rect(x, cy-w/2, x+g.cw, cy+w/2)
		} else {
			if w := weight(a[1]); a[1] > 0 {
				rect(cx-w/2, cy-w/2, x+g.cw, cy+w/2)
			}
			if w := weight(a[3]); a[3] > 0 {
				rect(x, cy-w/2, cx+w/2, cy+w/2)
			}
		}
	}
	if d, ok := dashes[r]; ok {
		w := weight(uint8(d.weight))
		if d.vertical {
			step := g.lh / float64(d.n)
			for i := range d.n {
				y0 := y + float64(i)*step + step*0.2
				rect(cx-w/2, y0, cx+w/2, y0+step*0.6)
			}
		} else {
			step := g.cw / float64(d.n)
			for i := range d.n {
				x0 := x + float64(i)*step + step*0.2
				rect(x0, cy-w/2, x0+step*0.6, cy+w/2)
			}
		}
	}
	if b, ok := blocks[r]; ok {
		rect(x+g.cw*float64(b.x)/8, y+g.lh*float64(b.y)/8, x+g.cw*float64(b.x+b.w)/8, y+g.lh*float64(b.y+b.h)/8)
		if b.opacity < 1 {
			return strings.Join(rects, ""), "fill-opacity=" + num(b.opacity)
		}
	}
	if c, ok := rounded[r]; ok {
		// A quarter circle from one edge's midpoint to the other's.
		rad := min(g.cw, g.lh) / 2
		switch {
		case c[1] && c[2]: // ╭
			d = fmt.Sprintf("M%s %sH%sA%s %s 0 0 0 %s %sV%s", num(x+g.cw), num(cy), num(cx+rad), num(rad), num(rad), num(cx), num(cy+rad), num(y+g.lh))
		case c[2] && c[3]: // ╮
			d = fmt.Sprintf("M%s %sH%sA%s %s 0 0 1 %s %sV%s", num(x), num(cy), num(cx-rad), num(rad), num(rad), num(cx), num(cy+rad), num(y+g.lh))
		case c[0] && c[3]: // ╯
			d = fmt.Sprintf("M%s %sH%sA%s %s 0 0 0 %s %sV%s", num(x), num(cy), num(cx-rad), num(rad), num(rad), num(cx), num(cy-rad), num(y))
		default: // ╰
			d = fmt.Sprintf("M%s %sH%sA%s %s 0 0 1 %s %sV%s", num(x+g.cw), num(cy), num(cx+rad), num(rad), num(rad), num(cx), num(cy-rad), num(y))
		}
		return d, "stroke"
	}
	return strings.Join(rects, ""), "fill"
}

// paintAttrs are the attributes that paint a path of shape's kind in fg.
func paintAttrs(paint, fg string, g geometry) string {
	switch {
	case paint == "stroke":
		return `fill="none" stroke="` + fg + `" stroke-width="` + num(max(1, g.fs/14)) + `"`
	case strings.HasPrefix(paint, "fill-opacity="):
		return `fill="` + fg + `" fill-opacity="` + strings.TrimPrefix(paint, "fill-opacity=") + `"`
	}
	return `fill="` + fg + `"`
}
