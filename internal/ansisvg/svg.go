package ansisvg

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Options say how the picture looks. The zero value is a dark terminal
// with 14-pixel text.
type Options struct {
	FontSize   float64     // text size in pixels (default 14)
	Foreground color.Color // the default text colour
	Background color.Color // the default background
	Palette    *[16]string // the 16 basic colours as #rrggbb (default: Palette)
	Title      string      // the picture's accessible title
	FontFamily string      // a CSS font list (default: common monospace fonts)
}

// Palette is the default set of the 16 basic colours (black, red, green,
// yellow, blue, magenta, cyan, white, then their bright forms).
var Palette = [16]string{
	"#1d1f21", "#cc6666", "#8c9440", "#de935f", "#5f819d", "#85678f", "#5e8d87", "#c5c8c6",
	"#666666", "#d54e53", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#eaeaea",
}

const defaultFonts = `ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace`

// geometry of the grid, in pixels.
type geometry struct {
	cw, lh, pad, fs float64
}

func (g geometry) x(col int) float64 { return g.pad + float64(col)*g.cw }
func (g geometry) y(row int) float64 { return g.pad + float64(row)*g.lh }

// SVG draws the screen.
func (s *Screen) SVG(o Options) string {
	if o.FontSize <= 0 {
		o.FontSize = 14
	}
	if o.Palette == nil {
		o.Palette = &Palette
	}
	if o.FontFamily == "" {
		o.FontFamily = defaultFonts
	}
	defFg, defBg := "#d0d0d0", "#161616"
	if o.Foreground != nil {
		defFg = o.colour(o.Foreground)
	}
	if o.Background != nil {
		defBg = o.colour(o.Background)
	}
	g := geometry{cw: o.FontSize * 0.6, lh: o.FontSize * 1.25, fs: o.FontSize, pad: o.FontSize}
	width := 2*g.pad + float64(s.Cols)*g.cw
	height := 2*g.pad + float64(s.Rows)*g.lh

	// colours resolves a cell's text and background colours; bg is "" for
	// the default background.
	colours := func(st Style) (fg, bg string) {
		fg, bg = defFg, ""
		if st.Fg != nil {
			fg = o.colour(st.Fg)
		}
		if st.Bg != nil {
			bg = o.colour(st.Bg)
		}
		if st.Reverse {
			fg, bg = or(bg, defBg), fg
		}
		if st.Faint {
			fg = blend(fg, or(bg, defBg), 0.45)
		}
		if st.Conceal {
			fg = or(bg, defBg)
		}
		return fg, bg
	}

	var bgs, shapes, texts strings.Builder
	for y, row := range s.Cells {
		// Backgrounds: one rectangle for each run of a colour.
		for x := 0; x < len(row); {
			_, bg := colours(row[x].Style)
			end := x + 1
			for end < len(row) {
				if _, b := colours(row[end].Style); b != bg {
					break
				}
				end++
			}
			if bg != "" {
				fmt.Fprintf(&bgs, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
					num(g.x(x)), num(g.y(y)), num(float64(end-x)*g.cw), num(g.lh), bg)
			}
			x = end
		}
		// Lines and blocks as shapes, one path for each paint of the row;
		// the rest as text runs of one style.
		paths := map[string]*strings.Builder{}
		var order []string
		for x := 0; x < len(row); {
			c := row[x]
			fg, _ := colours(c.Style)
			if d, paint := shape(c.Text, g, g.x(x), g.y(y)); d != "" {
				if !c.Style.Conceal {
					k := paintAttrs(paint, fg, g)
					if paths[k] == nil {
						paths[k] = &strings.Builder{}
						order = append(order, k)
					}
					paths[k].WriteString(d)
				}
				x++
				continue
			}
			if c.Text == " " || c.Text == "" || c.Style.Conceal {
				x++
				continue
			}
			// A run goes on over cells of the same look; blanks join it
			// whatever their colour, since they draw nothing.
			end := x + 1
			text := c.Text
			for ; end < len(row); end++ {
				n := row[end]
				if isShape(n.Text) || !sameText(n.Style, c.Style) || n.Style.Conceal {
					break
				}
				if nf, _ := colours(n.Style); nf != fg && n.Text != " " && n.Text != "" {
					break
				}
				text += n.Text
			}
			// Trailing blanks are no part of the run.
			for end > x && row[end-1].Text == " " {
				end--
				text = text[:len(text)-1]
			}
			texts.WriteString(textRun(text, c.Style, fg, g, x, y, end-x))
			x = end
		}
		for _, k := range order {
			shapes.WriteString(`<path d="` + paths[k].String() + `" ` + k + "/>\n")
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img"`, num(width), num(height), num(width), num(height))
	if o.Title != "" {
		b.WriteString(` aria-label="` + escape(o.Title) + `"><title>` + escape(o.Title) + "</title>\n")
	} else {
		b.WriteString(">\n")
	}
	fmt.Fprintf(&b, `<rect width="%s" height="%s" rx="6" fill="%s"/>`+"\n", num(width), num(height), defBg)
	b.WriteString(`<g shape-rendering="crispEdges">` + "\n" + bgs.String() + shapes.String() + "</g>\n")
	fmt.Fprintf(&b, `<g font-family="%s" font-size="%s" xml:space="preserve" style="white-space:pre">`+"\n", escape(o.FontFamily), num(g.fs))
	b.WriteString(texts.String())
	b.WriteString("</g>\n</svg>\n")
	return b.String()
}

// sameText reports whether two styles draw text the same way, colours aside.
func sameText(a, b Style) bool {
	return a.Bold == b.Bold && a.Italic == b.Italic && a.Underline == b.Underline && a.Strike == b.Strike
}

// textRun is one <text> over cells [x, x+cells) of row y, stretched or
// squeezed to exactly those cells whatever the font's advance.
func textRun(text string, st Style, fg string, g geometry, x, y, cells int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<text x="%s" y="%s" fill="%s" textLength="%s" lengthAdjust="spacingAndGlyphs"`,
		num(g.x(x)), num(g.y(y)+g.lh*0.76), fg, num(float64(cells)*g.cw))
	if st.Bold {
		b.WriteString(` font-weight="bold"`)
	}
	if st.Italic {
		b.WriteString(` font-style="italic"`)
	}
	b.WriteString(">" + escape(text) + "</text>\n")
	if st.Underline {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="1" fill="%s"/>`+"\n",
			num(g.x(x)), num(g.y(y)+g.lh*0.88), num(float64(cells)*g.cw), fg)
	}
	if st.Strike {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="1" fill="%s"/>`+"\n",
			num(g.x(x)), num(g.y(y)+g.lh*0.5), num(float64(cells)*g.cw), fg)
	}
	return b.String()
}

// colour is c as #rrggbb, the basic colours from the palette.
func (o Options) colour(c color.Color) string {
	switch c := c.(type) {
	case ansi.BasicColor:
		if c < 16 {
			return o.Palette[c]
		}
	case ansi.IndexedColor:
		if c < 16 {
			return o.Palette[c]
		}
	}
	return hex(c)
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// blend mixes colour a toward b by t (0: a, 1: b).
func blend(a, b string, t float64) string {
	pa, pb := parseHex(a), parseHex(b)
	var out [3]int
	for i := range out {
		out[i] = int(float64(pa[i])*(1-t) + float64(pb[i])*t + 0.5)
	}
	return fmt.Sprintf("#%02x%02x%02x", out[0], out[1], out[2])
}

func parseHex(s string) [3]int {
	var v [3]int
	for i := range v {
		n, _ := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		v[i] = int(n)
	}
	return v
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// num writes a coordinate with at most two decimals.
func num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+0.5))/100, 'f', -1, 64)
}

// escape makes text safe inside XML, dropping control characters (which
// XML 1.0 forbids).
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0xfffe || r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
