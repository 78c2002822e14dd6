// Package ansisvg draws a terminal screen as an SVG picture. The screen is
// text with SGR escape sequences, one line a row, as `tmux capture-pane -e -p`
// prints it. Each cell keeps its column: text runs are stretched to their
// cells and box-drawing and block characters are drawn as shapes, so the
// picture lines up whatever monospace font the viewer has.
package ansisvg

import (
	"image/color"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Style is how a cell is drawn. A nil colour is the terminal's default.
type Style struct {
	Fg, Bg                                  color.Color
	Bold, Faint, Italic, Underline, Reverse bool
	Strike, Conceal                         bool
}

// Cell is one column of a row. A wide character fills its cell and the
// next, which is left empty (Width 0).
type Cell struct {
	Text  string // one grapheme; "" for the second half of a wide one
	Width int
	Style Style
}

// Screen is the parsed grid, Rows x Cols; short rows are padded with blank
// cells of the default style.
type Screen struct {
	Cols, Rows int
	Cells      [][]Cell
}

// Parse reads a captured screen. Only SGR sequences mean something in a
// capture; any other sequence is skipped. cols and rows fix the grid's size
// (0: as wide as the widest row, as tall as the text); text past cols is cut.
func Parse(text string, cols, rows int) *Screen {
	text = strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	lines := strings.Split(text, "\n")
	s := &Screen{}
	p := ansi.NewParser()
	var st Style // SGR state carries across lines, as on a terminal
	for _, line := range lines {
		var row []Cell
		var state byte
		for len(line) > 0 {
			seq, width, n, newState := ansi.DecodeSequence(line, state, p)
			state, line = newState, line[n:]
			switch {
			case seq == "\t":
				for pad := 8 - len(row)%8; pad > 0; pad-- {
					row = append(row, Cell{Text: " ", Width: 1, Style: st})
				}
			case width > 0:
				row = append(row, Cell{Text: seq, Width: width, Style: st})
				for i := 1; i < width; i++ {
					row = append(row, Cell{Style: st})
				}
			case strings.HasPrefix(seq, "\x1b[") && ansi.Cmd(p.Command()).Final() == 'm' &&
				ansi.Cmd(p.Command()).Prefix() == 0 && ansi.Cmd(p.Command()).Intermediate() == 0:
				st = sgr(st, p.Params())
			}
		}
		s.Cells = append(s.Cells, row)
		s.Cols = max(s.Cols, len(row))
	}
	if cols > 0 {
		s.Cols = cols
	}
	if rows > 0 {
		s.Cells = s.Cells[:min(len(s.Cells), rows)]
		for len(s.Cells) < rows {
			s.Cells = append(s.Cells, nil)
		}
	}
	s.Rows = len(s.Cells)
	for y, row := range s.Cells {
		if len(row) > s.Cols {
			row = row[:s.Cols]
			// A wide character cut in half becomes a blank.
			if last := row[len(row)-1]; last.Width > 1 {
				row[len(row)-1] = Cell{Text: " ", Width: 1, Style: last.Style}
			}
		}
		for len(row) < s.Cols {
			row = append(row, Cell{Text: " ", Width: 1})
		}
		s.Cells[y] = row
	}
	return s
}

// sgr applies one Select Graphic Rendition sequence to st.
func sgr(st Style, params ansi.Params) Style {
	if len(params) == 0 {
		return Style{}
	}
	for i := 0; i < len(params); {
		n := params[i].Param(0)
		step := 1
		switch {
		case n == 0:
			st = Style{}
		case n == 1:
			st.Bold = true
		case n == 2:
			st.Faint = true
		case n == 3:
			st.Italic = true
		case n == 4:
			// 4:0 turns underlining off; 4:1 to 4:5 are kinds of it.
			st.Underline = !(params[i].HasMore() && i+1 < len(params) && params[i+1].Param(1) == 0)
		case n == 7:
			st.Reverse = true
		case n == 8:
			st.Conceal = true
		case n == 9:
			st.Strike = true
		case n == 21:
			st.Underline = true
		case n == 22:
			st.Bold, st.Faint = false, false
		case n == 23:
			st.Italic = false
		case n == 24:
			st.Underline = false
		case n == 27:
			st.Reverse = false
		case n == 28:
			st.Conceal = false
		case n == 29:
			st.Strike = false
		case n >= 30 && n <= 37:
			st.Fg = ansi.BasicColor(n - 30)
		case n >= 90 && n <= 97:
			st.Fg = ansi.BasicColor(n - 90 + 8)
		case n >= 40 && n <= 47:
			st.Bg = ansi.BasicColor(n - 40)
		case n >= 100 && n <= 107:
			st.Bg = ansi.BasicColor(n - 100 + 8)
		case n == 39:
			st.Fg = nil
		case n == 49:
			st.Bg = nil
		case n == 38 || n == 48 || n == 58:
			var c color.Color
			if k := ansi.ReadStyleColor(params[i:], &c); k > 0 {
				step = k
				switch n {
				case 38:
					st.Fg = c
				case 48:
					st.Bg = c
				}
			}
		}
		// Skip the sub-parameters of what was read (4:3, or an unreadable colour).
		for i += step; i < len(params) && params[i-1].HasMore(); i++ {
		}
	}
	return st
}

// Backdrop is the background most of the screen's text stands on, when
// that is not the terminal's default: a program that paints the whole
// screen clears it with its colour, and those cleared cells come back from
// `tmux capture-pane` with no colour at all. Nil when most text stands on
// the default background.
func (s *Screen) Backdrop() color.Color {
	count := map[string]int{}
	colours := map[string]color.Color{}
	total := 0
	for _, row := range s.Cells {
		for _, c := range row {
			if c.Text == " " || c.Text == "" || c.Style.Reverse {
				continue
			}
			total++
			if c.Style.Bg == nil {
				continue
			}
			k := hex(c.Style.Bg)
			count[k]++
			colours[k] = c.Style.Bg
		}
	}
	best := ""
	for k, n := range count {
		if best == "" || n > count[best] || n == count[best] && k < best {
			best = k
		}
	}
	if best == "" || 2*count[best] <= total {
		return nil
	}
	return colours[best]
}
