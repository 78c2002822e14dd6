package export_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

func writeHTML(t *testing.T, b *model.Briefing) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.HTMLHandout(&buf, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var tag = regexp.MustCompile(`<[^>]*>`)

// text returns the page's text: tags removed, entities decoded, words
// joined by single spaces.
func text(page string) string { return flat(html.UnescapeString(tag.ReplaceAllString(page, " "))) }

func TestWriteHTMLHoldsEverything(t *testing.T) {
	b := seed(t)
	page := writeHTML(t, b)
	body := text(page)
	for what, s := range everyItem(b) {
		if !strings.Contains(body, flat(s)) {
			t.Errorf("%s missing from the HTML export: %q", what, s)
		}
	}
	for _, id := range []string{"timeline", "actors", "glossary", "questions", "article"} {
		if !strings.Contains(page, `<section id="`+id+`"`) {
			t.Errorf("section %q missing", id)
		}
	}
	// Every quote links to the sentence it cites, and that sentence is there.
	for _, p := range b.Points() {
		for _, q := range p.Quotes {
			for _, s := range q.Sentences {
				if !strings.Contains(page, `href="#s-`+s+`"`) || !strings.Contains(page, `id="s-`+s+`"`) {
					t.Errorf("quote of %s does not link to sentence %s", p.ID, s)
				}
			}
		}
	}
}

func TestWriteHTMLSelfContained(t *testing.T) {
	page := writeHTML(t, seed(t))
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n") || !strings.HasSuffix(strings.TrimSpace(page), "</html>") {
		t.Error("not a complete HTML document")
	}
	for _, want := range []string{`<meta charset="utf-8">`, "<style>", "@media print", "<title>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	lower := strings.ToLower(page)
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", " src=", "@import", "url(", `href="http`, `href="//`} {
		if strings.Contains(lower, banned) {
			t.Errorf("page holds %q: it must have no scripts and load nothing", banned)
		}
	}
	// Every link stays inside the page and points at an element that exists.
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("link %q leaves the page", m[1])
			continue
		}
		if !strings.Contains(page, `id="`+m[1][1:]+`"`) {
			t.Errorf("link %q points nowhere", m[1])
		}
	}
	for _, el := range []string{"section", "article", "blockquote", "table", "dl", "ol", "p"} {
		open := len(regexp.MustCompile(`<`+el+`[ >]`).FindAllString(page, -1))
		closed := strings.Count(page, "</"+el+">")
		if open != closed {
			t.Errorf("<%s>: %d opened, %d closed", el, open, closed)
		}
	}
}

func TestWriteHTMLEscapes(t *testing.T) {
	b := parseHostile(t)
	page := writeHTML(t, b)
	if strings.Contains(page, "<script>") || strings.Contains(page, "<b>") || strings.Contains(page, "<i>") {
		t.Errorf("content reached the page as markup:\n%s", page)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Point&lt;/b&gt;", "Why &lt;i&gt;this&lt;/i&gt;?", "&amp;amp; more"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks the escaped %q", want)
		}
	}
	if body := text(page); !strings.Contains(body, b.Title) {
		t.Errorf("the title does not read as written: %q", b.Title)
	}
}

func TestWriteHTMLNeutralisesControls(t *testing.T) {
	b := &model.Briefing{Title: "T \x1b[2J\u202e", Questions: []string{"Q \x1b]0;x\a"}}
	page := writeHTML(t, b)
	if strings.ContainsAny(page, "\x1b\a\u202e") {
		t.Errorf("control characters in the HTML export: %q", page)
	}
	if !strings.Contains(page, "^[[2J") {
		t.Error("the escape sequence should show as a visible placeholder")
	}
}
