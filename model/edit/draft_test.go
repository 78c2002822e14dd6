package edit

import (
	"strings"
	"testing"
)

func TestDraftClaim(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"In 2016, Russia initiated the Moscow Format as a platform for talks.", "Russia initiated the Moscow Format as a platform for talks"},
		{"The Harbour Trust, which owns the quays, had argued for a new fixed bridge instead.", "The Harbour Trust had argued for a new fixed bridge instead"},
		{"the vote passed by eleven to four after a debate that lasted most of the evening and into the night again.", "The vote passed by eleven to four after a debate that lasted most of …"},
		{"Prices rose sharply; wages did not.", "Prices rose sharply; wages did not"},
		{"“We will build it,” she said.", "“We will build it,” she said"},
		{"\"We are not against trams.", "We are not against trams"},
		{"“This will change his life.", "This will change his life"},
	} {
		if got := DraftClaim(c.in); got != c.want {
			t.Errorf("DraftClaim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClauses(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"The Harbour Trust, which owns the quays, had argued for a new fixed bridge instead.",
			[]string{"The Harbour Trust", "which owns the quays", "had argued for a new fixed bridge instead"}},
		{"Engineers found cracks in 2019, and the bridge has been closed to lorries since then.",
			[]string{"Engineers found cracks in 2019", "and the bridge has been closed to lorries since then"}},
		{"Prices rose; wages did not.", nil},
		{"It held.", nil},
		{"A fixed bridge would be cheaper to run, the Harbour Trust said.",
			[]string{"A fixed bridge would be cheaper to run", "the Harbour Trust said"}},
	} {
		got := Clauses(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Clauses(%q) = %q, want %q", c.in, got, c.want)
		}
		for _, p := range got {
			if !strings.Contains(c.in, p) {
				t.Errorf("%q is not part of %q", p, c.in)
			}
		}
	}
}

// A date that does not parse says what is wrong, where, and the forms a
// date takes.
func TestCheckDateSaysWhereAndWhich(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024-13", `month 13 is out of range (01-12), at column 6: "13"`},
		{"spring 2019", `at column 1: "spring 2019"`},
		{"2019-", `missing month after "-", at the end`},
		{"2019-08 ", ""},
		{"198X~", ""},
	} {
		err := CheckDate(c.in)
		if c.want == "" {
			if err != nil {
				t.Errorf("%q: %v", c.in, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: no error", c.in)
			continue
		}
		for _, w := range []string{c.want, "2016", "2021-08", "198X", "2017-37", "2016~", "../2019"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: %q lacks %q", c.in, err, w)
			}
		}
	}
	// Every form listed is one the format reads.
	for _, f := range []string{"2016", "2021-08", "2021-08-15", "198X", "19XX", "2017-37", "2016~", "2016?", "2016/2019", "2016/..", "../2019"} {
		if !strings.Contains(DateForms, f) || CheckDate(f) != nil {
			t.Errorf("form %q: listed %v, parses %v", f, strings.Contains(DateForms, f), CheckDate(f))
		}
	}
}
