package export_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/seeds"
)

func seed(t testing.TB) *model.Briefing {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// flat joins the words of text with single spaces, undoing wrapping and
// indentation, so that a wrapped sentence can be found in it.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// everyItem lists the text of every point, event, actor, term and question,
// which every export must hold.
func everyItem(b *model.Briefing) map[string]string {
	items := map[string]string{}
	for _, t := range b.Themes {
		items["theme "+t.ID] = t.Title
		for _, p := range t.Points {
			items["point "+p.ID] = p.Text
			for i, q := range p.Quotes {
				items[fmt.Sprintf("quote %d of %s", i, p.ID)] = q.Text
			}
		}
	}
	for _, e := range b.Timeline {
		items["event "+e.ID] = e.Title
		items["date of "+e.ID] = e.When.Label()
	}
	for _, a := range b.Actors {
		items["actor "+a.ID] = a.Name
		items["stance of "+a.ID] = a.Stance
	}
	for _, g := range b.Glossary {
		items["term "+g.ID] = g.Term
		items["definition of "+g.ID] = g.Definition
	}
	for i, q := range b.Questions {
		items[fmt.Sprintf("question %d", i+1)] = q
	}
	for _, s := range b.Sentences() {
		items["sentence "+s.ID] = s.Text
	}
	return items
}

func TestWriteTextHoldsEverything(t *testing.T) {
	b := seed(t)
	var buf bytes.Buffer
	if err := export.Text(&buf, b, 80); err != nil {
		t.Fatal(err)
	}
	out := flat(buf.String())
	for what, text := range everyItem(b) {
		if !strings.Contains(out, flat(text)) {
			t.Errorf("%s missing from the text export: %q", what, text)
		}
	}
}

func TestWriteTextFitsWidth(t *testing.T) {
	b := seed(t)
	for _, width := range []int{export.MinTextWidth, 33, 60, 80, 132} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.Text(&buf, b, width); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if len(lines) < 100 {
				t.Fatalf("only %d lines", len(lines))
			}
			for i, l := range lines {
				if w := sanitize.Width(l); w > width {
					t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, w, width, l)
				}
				if l != strings.TrimRight(l, " ") {
					t.Errorf("line %d has trailing spaces: %q", i+1, l)
				}
			}
		})
	}
}

func TestWriteTextBelowMinimumWidth(t *testing.T) {
	b := seed(t)
	var narrow, min bytes.Buffer
	if err := export.Text(&narrow, b, 3); err != nil {
		t.Fatal(err)
	}
	if err := export.Text(&min, b, export.MinTextWidth); err != nil {
		t.Fatal(err)
	}
	if narrow.String() != min.String() {
		t.Error("a width below the minimum should lay out at the minimum width")
	}
}

// An in-memory briefing that was never loaded (so never sanitised) must
// still print no control character.
func TestWriteTextNeutralisesControls(t *testing.T) {
	evil := "\x1b]0;owned\a\x1b[2J\u202ered\x9b31m"
	b := &model.Briefing{
		Title:  "Title " + evil,
		Source: model.Source{Title: "Source " + evil},
		Themes: []*model.Theme{{ID: "t", Title: "Theme " + evil, Summary: "Summary " + evil,
			Points: []*model.Point{{ID: "p", Text: "Point " + evil, Detail: "Detail " + evil,
				Quotes: []model.Quote{{Text: "Quote " + evil, Sentences: []string{"p1.s1"}}}, Notes: []string{"Note " + evil}}}}},
		Actors:    []*model.Actor{{ID: "a", Name: "Actor " + evil, Kind: "person", Stance: "Stance " + evil, Aliases: []string{evil}}},
		Glossary:  []*model.Term{{ID: "g", Term: "Term " + evil, Definition: "Definition " + evil}},
		Questions: []string{"Question " + evil},
		Timeline:  nil,
	}
	var buf bytes.Buffer
	if err := export.Text(&buf, b, 60); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, r := range out {
		if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e') {
			t.Fatalf("control character %U in the text export:\n%s", r, out)
		}
	}
	for _, want := range []string{"Title ^[]0;owned^G^[[2J", "Point ^[", "Quote ^[", "Actor ^[", "Term ^[", "Question ^[", "⟨U+202E⟩"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks the visible placeholder %q", want)
		}
	}
}

func TestWriteTimelineText(t *testing.T) {
	b := seed(t)
	var buf bytes.Buffer
	if err := export.TimelineText(&buf, b, 80); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// The events appear in the model's (chronological) order.
	last := -1
	for _, e := range b.Timeline {
		i := strings.Index(flat(out), flat(e.When.Label()+" "+e.Title))
		if i < 0 {
			t.Fatalf("event %s missing: %q", e.ID, e.Title)
		}
		if i < last {
			t.Errorf("event %s is out of order", e.ID)
		}
		last = i
		if e.Phrase != "" && !strings.Contains(flat(out), flat("“"+e.Phrase+"”")) {
			t.Errorf("event %s lacks the article's phrase %q", e.ID, e.Phrase)
		}
	}
	// Titles start in one column: the label column is as wide as the widest label.
	col := -1
	for _, l := range strings.Split(out, "\n") {
		if l == "" || strings.HasPrefix(l, " ") {
			continue
		}
		for i := range l {
			if strings.HasPrefix(l[i:], "  ") {
				c := sanitize.Width(l[:i]) + len(l[i:]) - len(strings.TrimLeft(l[i:], " "))
				if col >= 0 && c != col {
					t.Errorf("title column at %d, want %d: %q", c, col, l)
				}
				col = c
				break
			}
		}
	}
	if col < 0 {
		t.Fatal("no label column found")
	}
}

func TestWriteTimelineJSON(t *testing.T) {
	b := seed(t)
	var buf bytes.Buffer
	if err := export.TimelineJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	for _, e := range b.Timeline {
		if !strings.Contains(buf.String(), `"id": "`+e.ID+`"`) {
			t.Errorf("event %s missing from the JSON timeline", e.ID)
		}
	}
}

func TestSummary(t *testing.T) {
	b := seed(t)
	want := fmt.Sprintf("%d themes, %d points, %d events, %d actors, %d terms, %d questions",
		len(b.Themes), len(b.Points()), len(b.Timeline), len(b.Actors), len(b.Glossary), len(b.Questions))
	if got := b.Summary(); got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	one := &model.Briefing{Themes: []*model.Theme{{ID: "t"}}}
	if got := one.Summary(); !strings.HasPrefix(got, "1 theme, 0 points") {
		t.Errorf("Summary() = %q, want singular and plural forms", got)
	}
}
