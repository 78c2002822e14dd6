package export_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

// clockTime is a time of day, as "06:24" or "06:24:53".
var clockTime = regexp.MustCompile(`\b\d{1,2}:\d{2}(:\d{2})?\b`)

// handoutsOf writes the text, Markdown and HTML handouts of b.
func handoutsOf(t *testing.T, b *model.Briefing) map[string]string {
	t.Helper()
	var txt, md, page bytes.Buffer
	if err := export.Text(&txt, b, 78); err != nil {
		t.Fatal(err)
	}
	if err := export.MarkdownHandout(&md, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := export.HTMLHandout(&page, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"text": txt.String(), "md": md.String(), "html": page.String()}
}

// The handouts cite their source in one line — author, “title”, outlet,
// the date at the article's precision, address — and never print a clock
// time; quotations inside quotations alternate “ ‘ ’ ”.
func TestHandoutsCiteTheSource(t *testing.T) {
	b, err := model.Load("testdata/cite.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	if !b.Source.PublishedHasTime {
		t.Fatal("the test briefing gives no time of day: the clock check shows nothing")
	}
	want := map[string]string{
		"text": "Source: Ana Ruiz, “The ‘new deal’ for the harbour”, The Coast Herald, 19 July 2025, https://example.org/harbour",
		"md":   "**Source:** Ana Ruiz, “The ‘new deal’ for the harbour”, The Coast Herald, 19 July 2025, https://example.org/harbour",
		"html": `<dd class="citation">Ana Ruiz, “The ‘new deal’ for the harbour”, The Coast Herald, 19 July 2025, https://example.org/harbour</dd>`,
	}
	nested := map[string][]string{
		// A quote is set in “…” in text; in md and html the block
		// quotation is the outer one, and the quotations inside it take
		// single marks, the ones inside those double.
		"text": {"“The mayor called the plan ‘a fresh start for the “old harbour” and its people’.”", "— “the plan was ‘a fresh start’”"},
		"md":   {"> The mayor called the plan ‘a fresh start for the “old harbour” and its people’.", "“the plan was ‘a fresh start’”"},
		"html": {"<blockquote>The mayor called the plan ‘a fresh start for the “old harbour” and its people’.", "<td>“the plan was ‘a fresh start’”</td>"},
	}
	for format, out := range handoutsOf(t, b) {
		t.Run(format, func(t *testing.T) {
			golden.RequireEqual(t, out)
			if !strings.Contains(flat(out), want[format]) {
				t.Errorf("no citation line %q in:\n%s", want[format], out)
			}
			for _, n := range nested[format] {
				if !strings.Contains(flat(out), n) {
					t.Errorf("nested quotation not set as %q in:\n%s", n, out)
				}
			}
			if m := clockTime.FindString(out); m != "" {
				t.Errorf("a clock time %q is printed", m)
			}
		})
	}
	// The seed's handouts too: it is published at 06:24:53.
	for format, out := range handoutsOf(t, seed(t)) {
		if m := clockTime.FindString(out); m != "" {
			i := strings.Index(out, m)
			t.Errorf("seed %s handout prints a clock time %q: …%s…", format, m, out[max(0, i-60):min(len(out), i+20)])
		}
		if !strings.Contains(out, "19 July 2025") {
			t.Errorf("seed %s handout does not give the date as 19 July 2025", format)
		}
	}
}

func TestQuoteWithin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"Russia’s “official recognition” of it", "Russia’s ‘official recognition’ of it"},
		{"“a ‘b’ c”", "‘a “b” c’"},
		{"the ’80s and the Taliban’s ‘rule’", "the ’80s and the Taliban’s ‘rule’"},
		{"a “b ‘c “d” c’ b” a", "a ‘b “c ‘d’ c” b’ a"},
		{`he said "go" and 'stay'`, "he said ‘go’ and ‘stay’"},
		{"an unclosed “quote", "an unclosed ‘quote"},
	} {
		if got := model.QuoteWithin(c.in); got != c.want {
			t.Errorf("QuoteWithin(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := model.Quoted("the “new deal”"); got != "“the ‘new deal’”" {
		t.Errorf("Quoted = %q", got)
	}
}
