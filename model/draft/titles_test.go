package draft

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A figure a comparison measures against is no event: "down from 93
// percent a decade ago" dates the old figure, not something that happened.
func TestBaselineIsNoEvent(t *testing.T) {
	pub := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s    string
		want []bool // per date: a baseline
	}{
		{"Turnout was 71 percent, down from 93 percent a decade ago.", []bool{true}},
		{"Catches were 4,000 tonnes last year, down from 9,000 tonnes a decade ago.", []bool{false, true}},
		{"Prices rose 4 percent compared with 2019, the bank said.", []bool{true}},
		{"The fund was set up in 1990 and grew from 2010.", []bool{false, false}},
	} {
		fs := FindDates(tc.s, pub)
		if len(fs) != len(tc.want) {
			t.Errorf("%q: %d dates, want %d", tc.s, len(fs), len(tc.want))
			continue
		}
		for i, f := range fs {
			if got := baseline(tc.s, f.Start); got != tc.want[i] {
				t.Errorf("%q: %q a baseline = %v, want %v", tc.s, f.Phrase, got, tc.want[i])
			}
		}
	}
}

// A claim cut short ends where a phrase does, never on a preposition, an
// article or a number.
func TestClaimCutAtPhrase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The new fee of 62 euros a tonne for every boat landing more than five tonnes a week takes effect in April.",
			"The new fee of 62 euros a tonne …"},
		{"The council approved a fee of 62 euros per night for every visitor staying in the old town from next May.",
			"The council approved a fee of 62 euros per night for every visitor staying …"},
	} {
		got := mainClause(tc.in)
		if got != tc.want {
			t.Errorf("mainClause(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
		words := strings.Fields(strings.TrimSuffix(got, " …"))
		if last := words[len(words)-1]; dangling(last) {
			t.Errorf("%q ends on %q", got, last)
		}
	}
}

// A body named twice is an actor, a place word in its name notwithstanding
// ("Port Authority"); a body named once is one when it speaks or acts in a
// sentence that dates an event.
func TestBodiesAsActors(t *testing.T) {
	sents := []string{
		"The Port Authority raised the landing fee on Monday.",
		"Ships will pay more from June, said the Port Authority.",
		"Fishermen protested outside the offices of the Harbour Board.",
		"The Harbour Board did not reply.",
		"In 2019 the Regional Water Agency closed the northern basin.",
		"Officials at the City Hospital Trust worry about the roads.",
		"The basin was dredged with money from a Coastal Fund set up by the state.",
		"In 2020 the Harbour Board of Kelmora set the first fee.",
	}
	got := map[string]string{}
	for _, a := range findActors(sents, nil, []bool{true, true, false, false, true, false, false, true}) {
		got[a.Name] = a.Kind
		if a.Name == "Harbour Board" && !slices.Contains(a.Aliases, "Harbour Board of Kelmora") {
			t.Errorf("Harbour Board: aliases %q, want the longer name among them", a.Aliases)
		}
	}
	for _, name := range []string{"Port Authority", "Harbour Board", "Regional Water Agency"} {
		if got[name] != "organisation" {
			t.Errorf("%s: kind %q, want an organisation; actors %v", name, got[name], got)
		}
	}
	for _, name := range []string{"City Hospital Trust", "Coastal Fund"} {
		if _, ok := got[name]; ok {
			t.Errorf("%s, named once and doing nothing dated, drafted as an actor", name)
		}
	}
	// Undated, the agency named once is not drafted.
	for _, a := range findActors(sents, nil, nil) {
		if a.Name == "Regional Water Agency" {
			t.Errorf("an agency named once in no dated event drafted: %+v", a)
		}
	}
}
