package seeds

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
)

func load(t *testing.T) *model.Briefing {
	t.Helper()
	b, err := Load()
	if err != nil {
		t.Fatalf("the built-in briefing does not load:\n%v", err)
	}
	return b
}

// articleParagraphs reads the article independently of the model: the lines
// after the title and date lines, whitespace-collapsed.
func articleParagraphs(t *testing.T) []string {
	data, err := fs.ReadFile(FS, Article)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	var out []string
	for _, l := range lines[2:] {
		if s := strings.Join(strings.Fields(l), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestSourceReproducesArticle(t *testing.T) {
	b := load(t)
	want := articleParagraphs(t)
	if len(b.Source.Paragraphs) != len(want) {
		t.Fatalf("source has %d paragraphs, the article %d", len(b.Source.Paragraphs), len(want))
	}
	for i, p := range b.Source.Paragraphs {
		var parts []string
		for _, s := range p.Sentences {
			parts = append(parts, s.Text)
		}
		if got := strings.Join(parts, " "); got != want[i] {
			t.Errorf("paragraph %d differs:\n got %q\nwant %q", i+1, got, want[i])
		}
	}
}

// allQuotes lists every quote of the briefing with where it comes from.
func allQuotes(b *model.Briefing) map[string][]model.Quote {
	out := map[string][]model.Quote{}
	for _, p := range b.Points() {
		out["point "+p.ID] = p.Quotes
	}
	for _, e := range b.Timeline {
		out["event "+e.ID] = e.Quotes
	}
	for _, a := range b.Actors {
		out["actor "+a.ID] = a.Quotes
	}
	for _, g := range b.Glossary {
		out["term "+g.ID] = g.Quotes
	}
	return out
}

func TestEveryQuoteIsVerbatim(t *testing.T) {
	b := load(t)
	body := strings.Join(articleParagraphs(t), " ")
	n := 0
	for who, qs := range allQuotes(b) {
		for _, q := range qs {
			n++
			if !strings.Contains(body, q.Text) {
				t.Errorf("%s quotes text not in the article: %q", who, q.Text)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d quotes", n)
	}
}

// Every sentence of the article is cited: some quote overlaps it by at least
// 15 characters (or the whole quote or sentence, when shorter).
func TestEverySentenceIsCited(t *testing.T) {
	b := load(t)
	var spans [][2]int
	for _, qs := range allQuotes(b) {
		for _, q := range qs {
			for i := 0; ; {
				j := strings.Index(b.Source.Body[i:], q.Text)
				if j < 0 {
					break
				}
				spans = append(spans, [2]int{i + j, i + j + len(q.Text)})
				i += j + 1
			}
		}
	}
	for _, s := range b.Sentences() {
		ok := false
		for _, sp := range spans {
			overlap := min(s.End, sp[1]) - max(s.Start, sp[0])
			if overlap >= min(15, sp[1]-sp[0], s.End-s.Start) {
				ok = true
				break
			}
		}
		if !ok {
			t.Errorf("sentence %s is cited by nothing: %q", s.ID, s.Text)
		}
	}
}

// Nothing is unsourced: every point, event and term cites the article.
func TestNothingUnsourced(t *testing.T) {
	b := load(t)
	for who, qs := range allQuotes(b) {
		if strings.HasPrefix(who, "actor ") {
			continue // actors are sourced by their mentions
		}
		if len(qs) == 0 {
			t.Errorf("%s cites no quote", who)
		}
	}
	for _, a := range b.Actors {
		if len(a.Mentions) == 0 {
			t.Errorf("actor %s is never mentioned in the article", a.ID)
		}
	}
}

func TestSeedHoldsWhatTheProductNeeds(t *testing.T) {
	b := load(t)
	var titles []string
	for _, th := range b.Themes {
		titles = append(titles, strings.ToLower(th.Title))
	}
	all := strings.Join(titles, " | ")
	for _, want := range []string{"secur", "central asia", "global timing", "critic"} {
		if !strings.Contains(all, want) {
			t.Errorf("no theme matching %q in %s", want, all)
		}
	}
	if n := len(b.Points()); n < 12 {
		t.Errorf("only %d points", n)
	}
	names := map[string]bool{}
	for _, a := range b.Actors {
		names[a.Name] = true
		for _, al := range a.Aliases {
			names[al] = true
		}
	}
	for _, want := range []string{"Russia", "Taliban", "China", "UAE", "Uzbekistan", "Pakistan", "Turkmenistan", "Tajikistan", "Kazakhstan", "US", "NATO", "Daesh", "Ukraine", "Syria", "Iran"} {
		if !names[want] {
			t.Errorf("no actor named or aliased %q", want)
		}
	}
	var terms []string
	for _, g := range b.Glossary {
		terms = append(terms, g.Term)
	}
	for _, want := range []string{"Moscow Format", "Islamic Emirate of Afghanistan", "Daesh"} {
		if !strings.Contains(strings.Join(terms, "|"), want) {
			t.Errorf("no glossary entry %q", want)
		}
	}
	if len(b.Questions) < 3 {
		t.Errorf("only %d discussion questions", len(b.Questions))
	}
}

func TestTimelineAtTheArticlesPrecision(t *testing.T) {
	b := load(t)
	type want struct{ when, precision, start string }
	wants := []want{
		{"198X", "decade", "1980-01-01"},
		{"2016", "year", "2016-01-01"},
		{"2021-08", "month", "2021-08-01"},
		{"2025-07", "month", "2025-07-01"}, // "this month" in an article of 2025-07-19
	}
	for _, w := range wants {
		found := false
		for _, e := range b.Timeline {
			if e.When.String() == w.when && e.When.Precision().String() == w.precision && e.When.StartISO() == w.start {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s event at %s precision", w.when, w.precision)
		}
	}
	approx := 0
	for _, e := range b.Timeline {
		if e.When.Approximate() {
			approx++
			if e.Phrase == "" {
				t.Errorf("approximate span %s lacks the article's wording", e.ID)
			}
		}
	}
	if approx < 2 {
		t.Errorf("want the two approximate spans (past two decades, last four years), got %d", approx)
	}
	// The documented order (docs/format.md): the 1980s first, "prior to
	// 2021" (ending in 2020) placed by its end, the takeover before the span
	// it starts.
	order := []string{"soviet-intervention", "the-1990s", "russian-engagement", "moscow-format-launched",
		"western-support", "taliban-takeover", "consolidation-span", "recognition-2025"}
	var got []string
	for _, e := range b.Timeline {
		got = append(got, e.ID)
	}
	if strings.Join(got, " ") != strings.Join(order, " ") {
		t.Errorf("timeline order:\n got %v\nwant %v", got, order)
	}
	if e := b.Event("western-support"); e == nil || e.When.EndISO() != "2020-12-31" {
		t.Errorf("prior to 2021 should end in 2020: %v", e)
	}
}

func TestIDsUniqueAndReferencesResolve(t *testing.T) {
	b := load(t)
	seen := map[string]string{}
	claim := func(kind, id string) {
		if prev, dup := seen[id]; dup {
			t.Errorf("id %q used by a %s and a %s", id, prev, kind)
		}
		seen[id] = kind
	}
	for _, th := range b.Themes {
		claim("theme", th.ID)
		for _, p := range th.Points {
			claim("point", p.ID)
			for _, a := range p.Actors {
				if b.Actor(a) == nil {
					t.Errorf("point %s names unknown actor %s", p.ID, a)
				}
			}
			for _, e := range p.Events {
				if b.Event(e) == nil {
					t.Errorf("point %s names unknown event %s", p.ID, e)
				}
			}
		}
	}
	for _, e := range b.Timeline {
		claim("event", e.ID)
		for _, th := range e.Themes {
			if b.Theme(th) == nil {
				t.Errorf("event %s names unknown theme %s", e.ID, th)
			}
		}
	}
	for _, a := range b.Actors {
		claim("actor", a.ID)
	}
	for _, g := range b.Glossary {
		claim("term", g.ID)
	}
}

// Changing one word of one quote makes the briefing fail to load, with the
// error at that quote's line and column.
func TestChangedQuoteIsRejectedAtItsPosition(t *testing.T) {
	data, err := fs.ReadFile(FS, Name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	re := regexp.MustCompile(`^> (.*\bDaesh\b.*)$`)
	line := -1
	for i, l := range lines {
		if re.MatchString(l) {
			line = i
			break
		}
	}
	if line < 0 {
		t.Fatal("no quote line mentioning Daesh")
	}
	lines[line] = strings.Replace(lines[line], "Daesh", "Dash", 1)
	_, err = model.Parse(Name, []byte(strings.Join(lines, "\n")), func(name string) ([]byte, error) { return fs.ReadFile(FS, name) })
	if err == nil {
		t.Fatal("a changed quote was accepted")
	}
	// The error points at the first character that differs ("Da" still
	// matches), on the changed line even when the quote is wrapped.
	col := utf8.RuneCountInString(lines[line][:strings.Index(lines[line], "Dash")]) + 3
	want := fmt.Sprintf("%s:%d:%d: quote not found in the article", Name, line+1, col)
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
