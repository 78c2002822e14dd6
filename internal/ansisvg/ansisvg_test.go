package ansisvg

import (
	"encoding/xml"
	"image/color"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestParseStyles(t *testing.T) {
	s := Parse("\x1b[1;38;5;147mA\x1b[0m\x1b[48;2;10;20;30mB\x1b[7mC\x1b[27;4mD\x1b[4:0mE\x1b[22;39;49;91mF\x1b[mG", 0, 0)
	if s.Cols != 7 || s.Rows != 1 {
		t.Fatalf("grid %dx%d, want 7x1", s.Cols, s.Rows)
	}
	row := s.Cells[0]
	for i, tc := range []struct {
		text string
		want Style
	}{
		{"A", Style{Bold: true, Fg: ansi.IndexedColor(147)}},
		{"B", Style{Bg: color.RGBA{10, 20, 30, 255}}},
		{"C", Style{Bg: color.RGBA{10, 20, 30, 255}, Reverse: true}},
		{"D", Style{Bg: color.RGBA{10, 20, 30, 255}, Underline: true}},
		{"E", Style{Bg: color.RGBA{10, 20, 30, 255}}},
		{"F", Style{Fg: ansi.BasicColor(9)}},
		{"G", Style{}},
	} {
		if row[i].Text != tc.text || !sameStyle(row[i].Style, tc.want) {
			t.Errorf("cell %d: %q %+v, want %q %+v", i, row[i].Text, row[i].Style, tc.text, tc.want)
		}
	}
}

func sameStyle(a, b Style) bool {
	c := func(x color.Color) string {
		if x == nil {
			return "default"
		}
		return hex(x)
	}
	return c(a.Fg) == c(b.Fg) && c(a.Bg) == c(b.Bg) && a.Bold == b.Bold && a.Faint == b.Faint &&
		a.Italic == b.Italic && a.Underline == b.Underline && a.Reverse == b.Reverse && a.Strike == b.Strike
}

func TestParseGrid(t *testing.T) {
	// A wide character fills two cells; rows are padded to the width and
	// cut at it; missing rows are added.
	s := Parse("中x\nabcdef\n", 4, 3)
	if s.Cols != 4 || s.Rows != 3 {
		t.Fatalf("grid %dx%d, want 4x3", s.Cols, s.Rows)
	}
	var got []string
	for _, row := range s.Cells {
		var b strings.Builder
		for _, c := range row {
			if c.Width == 0 {
				b.WriteString("_")
			}
			b.WriteString(c.Text)
		}
		got = append(got, b.String())
	}
	want := []string{"中_x ", "abcd", "    "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q, want %q", got, want)
	}
	// A wide character cut in half by the width is a blank.
	if c := Parse("ab中", 3, 1).Cells[0][2]; c.Text != " " {
		t.Errorf("half a wide character: %q", c.Text)
	}
}

func TestSGRCarriesAcrossLines(t *testing.T) {
	// tmux writes a style once and keeps it over the next lines.
	s := Parse("\x1b[31mab\ncd\x1b[0m", 0, 0)
	if c := s.Cells[1][0]; c.Style.Fg != ansi.BasicColor(1) {
		t.Errorf("the second line lost its colour: %+v", c.Style)
	}
}

// svgDoc is what the tests read back from a picture.
type svgDoc struct {
	Width  string `xml:"width,attr"`
	Height string `xml:"height,attr"`
	Title  string `xml:"title"`
	Groups []struct {
		Rects []struct {
			X    string `xml:"x,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
		Paths []struct {
			D    string `xml:"d,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"path"`
		Texts []struct {
			X      string `xml:"x,attr"`
			Length string `xml:"textLength,attr"`
			Fill   string `xml:"fill,attr"`
			Weight string `xml:"font-weight,attr"`
			Text   string `xml:",chardata"`
		} `xml:"text"`
	} `xml:"g"`
}

func decode(t *testing.T, svg string) svgDoc {
	t.Helper()
	var doc svgDoc
	d := xml.NewDecoder(strings.NewReader(svg))
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, svg)
	}
	// Nothing after the root element but white space.
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if cd, ok := tok.(xml.CharData); !ok || strings.TrimSpace(string(cd)) != "" {
			t.Fatalf("content after the picture: %v", tok)
		}
	}
	return doc
}

func TestSVGLaysTextOnTheGrid(t *testing.T) {
	s := Parse("\x1b[1mab\x1b[0m <&>\n│ 中x", 8, 2)
	svg := s.SVG(Options{FontSize: 10, Title: `a "screen"`})
	doc := decode(t, svg)
	// 8 columns of 6 px and 2 rows of 12.5 px, with 10 px around.
	if doc.Width != "68" || doc.Height != "45" {
		t.Errorf("size %sx%s, want 68x45", doc.Width, doc.Height)
	}
	if doc.Title != `a "screen"` {
		t.Errorf("title %q", doc.Title)
	}
	texts := map[string]struct{ x, length, weight string }{}
	var paths int
	for _, g := range doc.Groups {
		for _, tx := range g.Texts {
			texts[tx.Text] = struct{ x, length, weight string }{tx.X, tx.Length, tx.Weight}
		}
		paths += len(g.Paths)
	}
	for text, want := range map[string]struct{ x, length, weight string }{
		"ab":  {"10", "12", "bold"}, // column 0, two cells
		"<&>": {"28", "18", ""},     // column 3, escaped
		"中x":  {"22", "18", ""},     // column 2, the wide character two cells
	} {
		if got, ok := texts[text]; !ok || got != want {
			t.Errorf("text %q: %+v (found %v), want %+v; all: %v", text, got, ok, want, texts)
		}
	}
	if _, ok := texts["│"]; ok || paths != 1 {
		t.Errorf("the box line should be drawn as a shape, not text (%d paths)", paths)
	}
}

func TestSVGReverseAndBackgrounds(t *testing.T) {
	s := Parse("\x1b[7mhi\x1b[0m \x1b[44mok", 0, 0)
	doc := decode(t, s.SVG(Options{Foreground: color.White, Background: color.Black}))
	fills := map[string]string{}
	for _, g := range doc.Groups {
		for _, r := range g.Rects {
			fills[r.X] = r.Fill
		}
		for _, tx := range g.Texts {
			fills[tx.Text] = tx.Fill
		}
	}
	// Reverse video: the default colours swap.
	if fills["14"] != "#ffffff" || fills["hi"] != "#000000" {
		t.Errorf("reverse video: background %q, text %q", fills["14"], fills["hi"])
	}
	// Basic colours come from the palette.
	if x := num(14 + 3*14*0.6); fills[x] != Palette[4] {
		t.Errorf("blue background at %s: %q, want %q (%v)", x, fills[x], Palette[4], fills)
	}
}

func TestBackdrop(t *testing.T) {
	if c := Parse("\x1b[48;5;231mab\x1b[0m\ncd", 0, 0).Backdrop(); c != nil {
		t.Errorf("half the text on white is not a backdrop: %v", c)
	}
	if c := Parse("\x1b[48;5;231mmost text on white\x1b[0m\nsome", 0, 0).Backdrop(); c == nil || hex(c) != "#ffffff" {
		t.Errorf("backdrop %v, want white", c)
	}
}

func TestShapesFillTheirCells(t *testing.T) {
	g := geometry{cw: 6, lh: 12, fs: 10}
	// ─ spans the cell's width at mid-height, │ its height at mid-width;
	// ┌ has two arms that meet past the centre.
	for text, want := range map[string][]string{
		"─": {`M0 5.5H6V6.5H0Z`},
		"│": {`M2.5 0H3.5V12H2.5Z`},
		"┌": {`M2.5 5.5H3.5V12H2.5Z`, `M2.5 5.5H6V6.5H2.5Z`},
		"█": {`M0 0H6V12H0Z`},
		"▌": {`M0 0H3V12H0Z`},
	} {
		d, _ := shape(text, g, 0, 0)
		for _, w := range want {
			if !strings.Contains(d, w) {
				t.Errorf("%s: %q lacks %q", text, d, w)
			}
		}
	}
	if d, _ := shape("a", g, 0, 0); d != "" {
		t.Error("a letter is not a shape")
	}
	if d, _ := shape("─a", g, 0, 0); d != "" {
		t.Error("text that is not one box character is not a shape")
	}
}

// TestSVGGolden pins a whole picture: a framed pane with coloured, bold,
// faint and underlined text.
func TestSVGGolden(t *testing.T) {
	screen := strings.Join([]string{
		"\x1b[38;5;147m╭─ \x1b[1mPane\x1b[0m\x1b[38;5;147m ───╮\x1b[0m",
		"\x1b[38;5;147m│\x1b[0m \x1b[4mlink\x1b[0m \x1b[2mdim\x1b[0m \x1b[38;5;147m│\x1b[0m",
		"\x1b[38;5;147m╰──────────╯\x1b[0m",
	}, "\n")
	svg := Parse(screen, 12, 3).SVG(Options{Title: "a pane"})
	decode(t, svg)
	golden.RequireEqual(t, []byte(svg))
}

func TestNum(t *testing.T) {
	for f, want := range map[float64]string{1: "1", 8.4: "8.4", 1.0 / 3: "0.33", 12.005: "12.01"} {
		if got := num(f); got != want {
			t.Errorf("num(%v) = %q, want %q", f, got, want)
		}
	}
	if _, err := strconv.ParseFloat(num(123.456), 64); err != nil {
		t.Error(err)
	}
}
