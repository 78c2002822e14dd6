package export_test

import (
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

// TestTimelineSVGBandsByDates: a band's solid part, its fading and its
// dashed open part are placed by its dates, not by proportions of the
// band: an open start ("until 2010") is solid over its end's year only,
// fades over the year before, and is dashed before that; an open end
// likewise; an exact period is solid throughout.
func TestTimelineSVGBandsByDates(t *testing.T) {
	b, err := model.Parse("themes.brief.md", shapes.Themes(8, 6), nil)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(export.TimelineSVG(b))
	// The scale, from two year ticks.
	ticks := regexp.MustCompile(`<text x="([0-9.]+)" y="[0-9.]+" text-anchor="middle" fill="#55565e">(\d+)</text>`).FindAllStringSubmatch(svg, -1)
	if len(ticks) < 2 {
		t.Fatalf("no ticks in\n%s", svg)
	}
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	x0, y0 := num(ticks[0][1]), num(ticks[0][2])
	x1, y1 := num(ticks[len(ticks)-1][1]), num(ticks[len(ticks)-1][2])
	x := func(y float64) float64 { return x0 + (y-y0)/(y1-y0)*(x1-x0) }
	solid := regexp.MustCompile(`<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="10" fill="#1f4e8c" fill-opacity="\.45"/>`)
	dash := regexp.MustCompile(`<line x1="([0-9.]+)" y1="[0-9.]+" x2="([0-9.]+)"[^>]*stroke-dasharray`)
	near := func(a, b float64) bool { return math.Abs(a-b) <= 2 }
	for _, c := range []struct {
		id                 string
		solidFrom, solidTo float64
		dashFrom, dashTo   float64 // NaN: no dashed part
	}{
		{"decline", 2010, 2011, math.NaN(), 2009},         // ../2010
		{"campaign-starts", 2015, 2016, 2017, math.NaN()}, // 2015/..
		{"survey", 1995, 2006, math.NaN(), math.NaN()},    // 1995/2005
	} {
		var g string
		for _, m := range svgGroup.FindAllStringSubmatch(svg, -1) {
			if m[1] == c.id {
				g = m[2]
			}
		}
		if g == "" {
			t.Fatalf("no group for %s", c.id)
		}
		s := solid.FindStringSubmatch(g)
		if s == nil {
			t.Fatalf("%s: no solid part in %s", c.id, g)
		}
		if from, w := num(s[1]), num(s[2]); !near(from, x(c.solidFrom)) || !near(from+w, x(c.solidTo)) {
			t.Errorf("%s: solid from %.1f to %.1f, want %.1f to %.1f (%v–%v)", c.id, from, from+w, x(c.solidFrom), x(c.solidTo), c.solidFrom, c.solidTo)
		}
		d := dash.FindStringSubmatch(g)
		switch {
		case math.IsNaN(c.dashFrom) && math.IsNaN(c.dashTo):
			if d != nil {
				t.Errorf("%s: a dashed part in an exact period: %s", c.id, g)
			}
		case d == nil:
			t.Errorf("%s: no dashed open part in %s", c.id, g)
		case !math.IsNaN(c.dashTo) && !near(num(d[2]), x(c.dashTo)):
			t.Errorf("%s: dashed to %.1f, want %.1f (%v)", c.id, num(d[2]), x(c.dashTo), c.dashTo)
		case !math.IsNaN(c.dashFrom) && !near(num(d[1]), x(c.dashFrom)):
			t.Errorf("%s: dashed from %.1f, want %.1f (%v)", c.id, num(d[1]), x(c.dashFrom), c.dashFrom)
		}
	}
}
