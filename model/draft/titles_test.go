package draft

import (
	"github.com/brief-cli/brief/model"
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
		{"Last year, the hole was smaller than in most years of the past two decades.", []bool{false, true}},
		{"Their control has been firmer than in the 1990s.", []bool{false}},
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
// sentence that dates an event, or its officials are named.
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
	for _, name := range []string{"Port Authority", "Harbour Board", "Regional Water Agency", "City Hospital Trust"} {
		if got[name] != "organisation" {
			t.Errorf("%s: kind %q, want an organisation; actors %v", name, got[name], got)
		}
	}
	for _, name := range []string{"Coastal Fund"} {
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

// Several dates in one clause are several events, each titled by the words
// about its own date; a clause that leaves out the verb it shares with the
// one before borrows it.
func TestOneClauseSeveralDates(t *testing.T) {
	pub := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s      string
		titles map[string]string // by phrase
	}{
		{"Cod stocks fell below 1990 levels, and are expected to recover around 2031 in the northern bay and around 2036 in the southern bay.",
			map[string]string{"around 2031": "Cod stocks are expected to recover in the northern bay", "around 2036": "Cod stocks are expected to recover in the southern bay"}},
		{"Over most of the world it should return to its 1980 values by around 2040; over Antarctica, by around 2066.",
			map[string]string{"around 2040": "Over most of the world it should return to its 1980 values", "around 2066": "It should return to its 1980 values over Antarctica"}},
		{"Prices rose in the north in 2020; in the south, in 2022.",
			map[string]string{"2020": "Prices rose in the north", "2022": "Prices rose in the south"}},
	} {
		fs := FindDates(tc.s, pub)
		seen := map[string]bool{}
		for i, f := range fs {
			if baseline(tc.s, f.Start) {
				if _, ok := tc.titles[f.Phrase]; ok {
					t.Errorf("%q: %q read as a baseline", tc.s, f.Phrase)
				}
				continue
			}
			_, _, title := eventFor(tc.s, fs, i)
			if want, ok := tc.titles[f.Phrase]; !ok {
				t.Errorf("%q: an event at %q titled %q, want none", tc.s, f.Phrase, title)
			} else if title != want {
				t.Errorf("%q: %q titled\n got %q\nwant %q", tc.s, f.Phrase, title, want)
			}
			seen[f.Phrase] = true
		}
		for p := range tc.titles {
			if !seen[p] {
				t.Errorf("%q: no event at %q", tc.s, p)
			}
		}
	}
}

// A title reads as a short statement of what happened: a date that is its
// clause's subject stays in it, a sentence-opening participle says what was
// done to the subject, and an opening pronoun gives way to the one name the
// text before it gives.
func TestTitlesReadAsStatements(t *testing.T) {
	pub := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ prev, s, phrase, want string }{
		{"", "The past three years brought the town its worst catches on record.", "The past three years",
			"The past three years brought the town its worst catches on record"},
		{"", "Whether those conditions can be found again is the question the past four decades leave open.", "the past four decades",
			"The question the past four decades leave open"},
		{"", "The 1990s saw a boom in cruise traffic.", "The 1990s", "The 1990s saw a boom in cruise traffic"},
		{"", "Industrialised countries ended most CFC production by 1996; developing countries, helped by a Multilateral Fund set up in 1990, followed by 2010.", "1990",
			"A Multilateral Fund was set up"},
		{"", "Industrialised countries ended most CFC production by 1996; developing countries, helped by a Multilateral Fund set up in 1990, followed by 2010.", "2010",
			"Developing countries followed"},
		{"", "Pakistan reopened the crossing, ending a closure imposed in February over a border dispute.", "in February",
			"A closure was imposed over a border dispute"},
		{"", "The new fee of 62 euros a tonne for every boat landing more than five tonnes a week takes effect in April.", "in April",
			"The new fee of 62 euros a tonne …"},
		{"", "The council approved a fee of 62 euros per night for every visitor staying in the old town from next May.", "next May",
			"The council approved a fee of 62 euros per night …"},
		// After "and", the noun is a subject and the participle its verb.
		{"", "The city then asked the Supreme Court to hear the case, and the justices agreed in October 2024.", "October 2024",
			"The justices agreed"},
		{"", "Built in 1902, the old quay has been repaired twice.", "1902", "The old quay was built"},
		{"", "Founded in 2011 by three fishermen, the cooperative now sells to Spain.", "2011", "The cooperative was founded by three fishermen"},
		{"The Harbour Charter governs the fees.", "Signed on 3 March 2015, it set the first landing fees on the coast.", "3 March 2015",
			"The Harbour Charter was signed"},
		{"The Kelmora Fishermen's Union called the rise unfair.", "Their strike began in May 2024 and closed the fish market for nine days.", "May 2024",
			"The Kelmora Fishermen's Union's strike began and closed the fish market for nine days"},
		// Two names before: not clear which, so the clause stays as it is.
		{"The Harbour Authority met the Fishermen's Union.", "It raised the fee in 2024.", "2024", "It raised the fee"},
		// A season of a year is the date phrase; a that-clause after "and"
		// is an event of its own; a name in apposition is the subject.
		{"", "The developer, Tarrow Group, said work would start in the summer of 2027 and that the first trains would run by 2029.", "the summer of 2027",
			"Tarrow Group said work would start"},
		{"", "The developer, Tarrow Group, said work would start in the summer of 2027 and that the first trains would run by 2029.", "2029",
			"The first trains would run"},
		{"", "The mayor said the bridge would open in the autumn of 2028 and that tolls would end by 2031.", "2031", "Tolls would end"},
		{"", "That plan was dropped in 2019.", "2019", "That plan was dropped"},
		// A person is no "it".
		{"Marta Eskel leads the union.", "It raised the fee in 2024.", "2024", "It raised the fee"},
		{"Marta Eskel leads the union.", "She called a strike in 2024.", "2024", "Marta Eskel called a strike"},
	} {
		fs := FindDates(tc.s, pub)
		i := slices.IndexFunc(fs, func(f Found) bool { return f.Phrase == tc.phrase })
		if i < 0 {
			t.Errorf("%q: no date %q in %v", tc.s, tc.phrase, fs)
			continue
		}
		cs, _, title := eventFor(tc.s, fs, i)
		title = resolvePronoun(title, tc.s[:cs], tc.prev)
		if title != tc.want {
			t.Errorf("%q (%s)\n got %q\nwant %q", tc.s, tc.phrase, title, tc.want)
		}
	}
}

// A theme title is a grammatical noun phrase: no adjective glued to a name
// ("Record Northgate"), and a name's adjective takes its noun ("Central
// Asian states", not "Central Asian").
func TestThemeTitleNounPhrase(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"Santos joined Northgate on Friday for a record Northgate fee. Northgate paid the record Northgate fee in cash.",
			"Northgate fans met the striker at the stadium."}, "Northgate"},
		{[]string{"Central Asian states fear the unrest. Central Asian leaders met in the capital.",
			"Kazakhstan and other Central Asian states want trade."}, "Central Asian states"},
		{[]string{"Catches fell, down from a decade ago. Prices rose from a decade ago.", "The catches were small."}, "Catches"},
		{[]string{"The fuel subsidy cost the state dearly. Removing the subsidy raised prices.", "The subsidy was popular."}, "Fuel subsidy"},
	} {
		if got := themeTitle(tc.texts, map[string]int{}, map[string]bool{}); got != tc.want {
			t.Errorf("themeTitle(%q) = %q, want %q", tc.texts, got, tc.want)
		}
	}
}

// A news lead told a sentence a paragraph is compared as one unit: no
// theme starts inside it, where a lone sentence has too few words to tell
// its topic. An article of one-sentence paragraphs is segmented as before.
func TestSegmentGroupsTheLead(t *testing.T) {
	para := func(id int, text string) []*model.Sentence {
		var out []*model.Sentence
		for _, s := range strings.SplitAfter(text, ". ") {
			out = append(out, &model.Sentence{Text: strings.TrimSpace(s), Paragraph: id})
		}
		return out
	}
	units := [][]*model.Sentence{
		para(0, "The city council approved a tram line on Tuesday."),
		para(1, "The council vote was close, the council said."),
		para(2, "Tram builders expect tram costs to rise."),
		para(3, "Tram lines cost money. The tram budget grew. Tram builders bid twice."),
		para(4, "The tram depot will stand by the river. Depot workers will be hired. The depot opens first."),
		para(5, "Shop owners on the route fear lost trade. Shop rents fell. Owners want aid."),
		para(6, "Rents near the route fell by a tenth. Owners blame the works. Shops closed."),
		para(7, "Cyclists want a lane beside the tracks. Cyclists ride there daily. A lane is planned."),
		para(8, "The cycle lane costs little. Lanes are popular. Cyclists wrote to the mayor."),
	}
	var texts []string
	for _, u := range units {
		var t []string
		for _, s := range u {
			t = append(t, s.Text)
		}
		texts = append(texts, strings.Join(t, " "))
	}
	starts := segmentGrouped(units, texts)
	if slices.Contains(starts, 1) || slices.Contains(starts, 2) {
		t.Errorf("themes start at units %v: inside the lead of one-sentence paragraphs", starts)
	}
	if len(starts) < 3 {
		t.Errorf("themes start at units %v, want at least three", starts)
	}
	var singles [][]*model.Sentence
	for i := range texts {
		singles = append(singles, []*model.Sentence{{Text: texts[i], Paragraph: i}})
	}
	if got, want := segmentGrouped(singles, texts), segment(texts, 3, 8); !slices.Equal(got, want) {
		t.Errorf("all paragraphs single: starts %v, want %v as segment gives", got, want)
	}
}

// The harbour story, drafted whole: each weakness above on one article.
func TestHarbourDraft(t *testing.T) {
	b, _ := draftFile(t, t.TempDir(), "testdata/harbour.txt")
	titles := map[string]string{}
	for _, e := range b.Timeline {
		titles[e.When.String()] = e.Title
	}
	for when, want := range map[string]string{
		"2031~":       "Cod stocks are expected to recover in the northern bay",
		"2036~":       "Cod stocks are expected to recover in the southern bay",
		"2015-03-03":  "The Harbour Charter was signed",
		"2024-05":     "The Kelmora Fishermen's Union's strike began and closed the fish market for nine days",
		"2023~/2026~": "The past three years brought the town its worst catches on record",
		"2019":        "The Regional Water Agency closed the northern basin to dredge it",
		"2026-04?":    "The new fee of 62 euros a tonne …",
	} {
		if titles[when] != want {
			t.Errorf("event at %s titled %q, want %q", when, titles[when], want)
		}
	}
	if title, ok := titles["2016~"]; ok {
		t.Errorf("the baseline \"a decade ago\" drafted as an event: %q", title)
	}
	actors := map[string]bool{}
	for _, a := range b.Actors {
		actors[a.Name] = true
	}
	for _, name := range []string{"Harbour Authority", "Regional Water Agency"} {
		if !actors[name] {
			t.Errorf("no actor %s; actors %v", name, actors)
		}
	}
	for _, th := range b.Themes {
		if adjectiveOnName(strings.Fields(th.Title)) {
			t.Errorf("theme title %q glues a word to a name", th.Title)
		}
		for _, p := range th.Points {
			words := strings.Fields(strings.TrimSuffix(p.Text, " …"))
			if len(words) > 0 && dangling(words[len(words)-1]) {
				t.Errorf("point %q ends on %q", p.Text, words[len(words)-1])
			}
		}
	}
}

// A month in a sentence about a rule taking effect is the next such month.
func TestTakesEffectIsToCome(t *testing.T) {
	pub := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"The new fee takes effect in April.",
		"The ban comes into force in May, the ministry said.",
	} {
		fs := FindDates(s, pub)
		if len(fs) != 1 || !strings.HasPrefix(fs[0].When.String(), "2026-") {
			t.Errorf("%q: dates %v, want the month to come, in 2026", s, fs)
		}
	}
}
