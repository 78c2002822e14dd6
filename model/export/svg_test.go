package export_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/shapes"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

var svgGroup = regexp.MustCompile(`(?s)<g class="event" id="svg-([^"]*)">(.*?)</text></g>`)

// The handout's SVG: one mark per event, in timeline order, each labelled
// with its date and the start of its title; the article's date marked; no
// script; in the page before the table.
func TestTimelineSVG(t *testing.T) {
	dense, err := model.Parse("dense.brief.md", shapes.DenseTimeline(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []*model.Briefing{seed(t), dense} {
		svg := string(export.TimelineSVG(b))
		groups := svgGroup.FindAllStringSubmatch(svg, -1)
		if len(groups) != len(b.Timeline) {
			t.Fatalf("%d event groups for %d events", len(groups), len(b.Timeline))
		}
		for i, g := range groups {
			e := b.Timeline[i]
			if g[1] != e.ID {
				t.Errorf("mark %d is %s, want %s (timeline order)", i, g[1], e.ID)
			}
			if n := strings.Count(g[2], `class="mark"`); n != 1 {
				t.Errorf("%s: %d marks", e.ID, n)
			}
			label := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(g[2][strings.Index(g[2], `class="label"`):], ""))
			word, _, _ := strings.Cut(e.Title, " ")
			if !strings.Contains(label, e.When.Label()+" "+word) {
				t.Errorf("%s: label %q lacks %q", e.ID, label, e.When.Label()+" "+word)
			}
			if !strings.Contains(g[2], "<title>"+html.EscapeString(e.When.Label()+": "+e.Title)+"</title>") {
				t.Errorf("%s: no full title for screen readers and hovering", e.ID)
			}
		}
		if !strings.Contains(svg, "article · "+b.Source.Published.Format("2 Jan 2006")) {
			t.Error("the article's date is not marked")
		}
		if strings.Contains(strings.ToLower(svg), "<script") || strings.Contains(svg, "url(") {
			t.Error("the SVG must hold no script and load nothing")
		}
		page := writeHTML(t, b)
		if i, j := strings.Index(page, "<svg"), strings.Index(page, "<table>\n<thead><tr><th scope=\"col\">When"); i < 0 || j < i {
			t.Error("the page lacks the SVG before the timeline table")
		}
	}
}

// Text in the SVG is escaped like the rest of the page.
func TestTimelineSVGEscapes(t *testing.T) {
	b := parseHostile(t)
	if len(b.Timeline) == 0 {
		t.Skip("the hostile briefing has no events")
	}
	svg := string(export.TimelineSVG(b))
	if strings.Contains(svg, "<script>") || strings.Contains(svg, "<b>") {
		t.Errorf("content reached the SVG as markup:\n%s", svg)
	}
}

func TestTimelineSVGEmpty(t *testing.T) {
	if svg := export.TimelineSVG(&model.Briefing{}); svg != "" {
		t.Errorf("a briefing without events drew %q", svg)
	}
}
