package edit

import (
	"os"
	"strings"
	"testing"
)

// withSkip sets the draft's skip list.
func withSkip(t *testing.T, list string) *Doc {
	t.Helper()
	name := copyDraft(t)
	data, _ := os.ReadFile(name)
	text := strings.Replace(string(data), "article: harbour.txt\n", "article: harbour.txt\nskip: "+list+"\n", 1)
	os.WriteFile(name, []byte(text), 0o644)
	return open(t, name)
}

// Citing a skipped sentence un-skips it in the same change: one undo
// step; a skipped paragraph keeps its other sentences skipped.
func TestCiteUnskips(t *testing.T) {
	for _, c := range []struct{ list, id, want string }{
		{"p3.s2", "p3.s2", ""},
		{"p1, p3.s2, p4", "p3.s2", "skip: p1, p4\n"},
		{"p3", "p3.s1", "skip: p3.s2\n"},
		{"p2, p3", "p3.s2", "skip: p2, p3.s1\n"},
	} {
		d := withSkip(t, c.list)
		before := d.Text()
		s := d.Briefing.Sentence(c.id)
		if s == nil || !d.Briefing.Skipped(s) {
			t.Fatalf("%s: %s is not skipped", c.list, c.id)
		}
		q, err := d.QuoteOf([]string{c.id})
		if err != nil {
			t.Fatal(err)
		}
		op := d.WithUnskips(AddPoint{Theme: "t", NewTheme: "Costs", ID: "cheaper", Claim: "Cheaper to run", Quote: q}, []string{c.id})
		apply(t, d, op)
		if d.Briefing.Skipped(d.Briefing.Sentence(c.id)) || d.Briefing.Point("cheaper") == nil {
			t.Errorf("%s: %s still skipped, or no point", c.list, c.id)
		}
		got := ""
		for _, l := range strings.SplitAfter(d.Text(), "\n") {
			if strings.HasPrefix(l, "skip:") {
				got = l
			}
		}
		if got != c.want {
			t.Errorf("%s: skip line %q, want %q", c.list, got, c.want)
		}
		if !strings.Contains(op.Describe(), "un-skip "+c.id) {
			t.Errorf("describe: %q", op.Describe())
		}
		if !d.Undo() || d.Text() != before {
			t.Errorf("%s: one u does not take both back", c.list)
		}
	}
	// A sentence not skipped: the change alone.
	d := withSkip(t, "p4")
	if op := d.WithUnskips(MarkReviewed{ID: "x"}, []string{"p3.s1"}); op != (MarkReviewed{ID: "x"}) {
		t.Errorf("%#v", op)
	}
}
