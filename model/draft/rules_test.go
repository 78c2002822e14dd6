package draft

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Captions, credit lines and bylines are not body text; a dateline is.
func TestLikelySkipCaptions(t *testing.T) {
	for _, tc := range []struct {
		p, want string
	}{
		{"FILE - Trucks wait at the border crossing, Pakistan, Nov. 1, 2023. (AP Photo/Anjum Naveed)", "caption"},
		{"FILE – Supporters rally outside the court in 2019.", "caption"},
		{"Photo: A soldier stands guard at the border on March 2, 2024.", "caption"},
		{"Players celebrate after the final in Lisbon, Portugal, May 31, 2025. (AP Photo)", "caption"},
		{"Rescue workers are seen near the collapsed bridge in Genoa, Italy, Aug. 14, 2018.", "caption"},
		{"By Ayesha Karim and Tom Fielding, Associated Press", "byline"},
		{"ISLAMABAD (AP) — Pakistan reopened its main border crossing with Afghanistan on Wednesday, officials said.", ""},
		{"The court ruled on Thursday that the city had violated the rights of vendors.", ""},
	} {
		why, _ := LikelySkip(tc.p)
		if why != tc.want {
			t.Errorf("LikelySkip(%q) = %q, want %q", tc.p, why, tc.want)
		}
	}
	if !captionSentence("(AP Photo/Anjum Naveed)") || captionSentence("The photo was taken in 2019, he said.") {
		t.Error("captionSentence: a credit is a caption, a sentence about a photo is not")
	}
	if n := dateline("ISLAMABAD (AP) — Pakistan reopened"); n != len("ISLAMABAD (AP) — ") {
		t.Errorf("dateline length %d", n)
	}
}

// A point's claim is the sentence's main clause: no attribution, no
// connective, no quotation marks, no dateline.
func TestMainClause(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"It’s pertinent to state that China and Pakistan have upgraded their relations.", "China and Pakistan have upgraded their relations"},
		{"However, the move is significant.", "The move is significant"},
		{"“Stability on the border serves the whole region,” Lijian noted.", "Stability on the border serves the whole region"},
		{"Trade fell by almost a third last year, according to the Pakistan Business Council.", "Trade fell by almost a third last year"},
		{"The ministry said on Tuesday that the talks would resume in May.", "The talks would resume in May"},
		{"The crossing will reopen next week, officials said.", "The crossing will reopen next week"},
		{"ISLAMABAD (AP) — Pakistan reopened the crossing on Wednesday.", "Pakistan reopened the crossing on Wednesday"},
		{"The Montreal Protocol added the limits.", "The Montreal Protocol added the limits"},
		{"The border will stay open, said Abdul Basit, a customs official.", "The border will stay open"},
		{"\"We are not against trams,\" Tomas Ekwueme told reporters.", "We are not against trams"},
		{"\"This is the most important decision this city has made,\" Mayor Petra Vandenholt told councillors before the vote.", "This is the most important decision this city has made"},
		{"His agent, Daniel Osterberg, said the player had turned down offers from two clubs in Spain.", "The player had turned down offers from two clubs in Spain"},
	} {
		if got := mainClause(tc.in); got != tc.want {
			t.Errorf("mainClause(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
	long := mainClause("The planet is about eight times as massive as Earth and was found by a telescope that watched its star dim each time it passed.")
	if n := len(strings.Fields(long)); n > 16 {
		t.Errorf("a long claim keeps %d words: %q", n, long)
	}
}

// An event quotes the clause around its date and is titled by it without
// the date phrase.
func TestEventClauseAndTitle(t *testing.T) {
	pub := time.Date(2025, 7, 19, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ s, quote, title string }{
		{"In 2016, Russia initiated the Forum as a platform for talks.", "In 2016, Russia initiated the Forum as a platform for talks.", "Russia initiated the Forum as a platform for talks"},
		{"The groups have upgraded their relations since the army takeover in August 2021.", "The groups have upgraded their relations since the army takeover in August 2021.", "Army takeover"},
		{"A lower court dismissed the case in 2019, but an appeals court revived it in March 2021.", "A lower court dismissed the case in 2019", "A lower court dismissed the case"},
		{"She said construction would begin within 18 months and the first trams would run in 2030.", "She said construction would begin within 18 months", "She said construction would begin"},
		{"Amankwah joined Valdoria from the Ghanaian club Accra Lions in 2021 for a fee of about 800,000 euros.", "Amankwah joined Valdoria from the Ghanaian club Accra Lions in 2021 for a fee of about 800,000 euros.", "Amankwah joined Valdoria from the Ghanaian club Accra Lions …"},
	} {
		fs := FindDates(tc.s, pub)
		if len(fs) == 0 {
			t.Fatalf("%q: no date", tc.s)
		}
		f := fs[0]
		a, b := clauseAround(tc.s, f.Start, f.End)
		if got := tc.s[a:b]; got != tc.quote {
			t.Errorf("clause of %q\n got %q\nwant %q", tc.s, got, tc.quote)
		}
		if got := eventTitle(tc.s, a, b, f.Start, f.End); got != tc.title {
			t.Errorf("title of %q\n got %q\nwant %q", tc.s, got, tc.title)
		}
	}
}

// Two clauses joined by "and" are two events' quotes: the second date's
// event is titled by its own clause, not by the first clause cut short.
func TestEventClauseAfterAnd(t *testing.T) {
	pub := time.Date(2025, 7, 19, 0, 0, 0, 0, time.UTC)
	s := "She said construction would begin within 18 months and the first trams would run in 2030."
	fs := FindDates(s, pub)
	if len(fs) != 2 {
		t.Fatalf("dates %v", fs)
	}
	f := fs[1]
	a, b := clauseAround(s, f.Start, f.End)
	if got := s[a:b]; got != "the first trams would run in 2030." {
		t.Errorf("clause %q", got)
	}
	if got := eventTitle(s, a, b, f.Start, f.End); got != "The first trams would run" {
		t.Errorf("title %q", got)
	}
	// "between 1996 and 2001" and a plain list are no clauses.
	s = "Troops and police stayed in the valley between 1996 and 2001."
	fs = FindDates(s, pub)
	if a, b := clauseAround(s, fs[0].Start, fs[0].End); s[a:b] != s {
		t.Errorf("clause %q", s[a:b])
	}
}

// Actors: states by their capitals and demonyms, people by titles and
// attributions, places and news outlets left out, kinds from the words
// around them.
func TestFindActorsKindsAndAliases(t *testing.T) {
	sents := []string{
		"ISLAMABAD (AP) — Pakistan reopened the Torkham border crossing on Wednesday, officials told the Associated Press.",
		"“We hope the two neighbors will resolve their differences,” spokesman Zhao Lijian told reporters in Beijing.",
		"“Stability on the border serves the whole region,” Lijian noted.",
		"Kabul has accused Islamabad of closing the crossing, and Afghan traders are angry.",
		"President Trump met the prime minister in Washington.",
		"The Harbour Front, a militant group, has stepped up attacks in Khyber Pakhtunkhwa province.",
		"Officials said the Harbour Front fighters shelter in the hills of Kunar.",
		"Trucks waited at Torkham for days, and traders at Torkham lost money.",
		"The Vendors Council sued the city, and the Vendors Council won.",
		"Secretary of State Jane Hollis flew to Berlin for Christmas.",
		"Patients with Alzheimer's disease, and Alzheimer's disease alone, won the Nobel Prize and the Nobel Prize.",
	}
	got := map[string]ActorDraft{}
	for _, a := range FindActors(sents) {
		got[a.Name] = a
	}
	check := func(name, kind string, aliases ...string) {
		t.Helper()
		a, ok := got[name]
		if !ok {
			t.Errorf("%s not drafted; drafted %v", name, keys(got))
			return
		}
		if a.Kind != kind {
			t.Errorf("%s: kind %q, want %q", name, a.Kind, kind)
		}
		for _, al := range aliases {
			if !slices.Contains(a.Aliases, al) {
				t.Errorf("%s: aliases %v, want %q among them", name, a.Aliases, al)
			}
		}
	}
	check("China", "state", "Beijing")
	check("Pakistan", "state", "Islamabad")
	check("Afghanistan", "state", "Kabul", "Afghan")
	check("Zhao Lijian", "person", "Lijian")
	check("Trump", "person")
	check("Harbour Front", "armed-group")
	check("Vendors Council", "organisation")
	check("Jane Hollis", "person")
	for _, not := range []string{"Torkham", "Khyber Pakhtunkhwa", "Kunar", "Associated Press", "AP", "ISLAMABAD", "Beijing", "Lijian", "Officials", "Trucks", "Christmas", "of State Jane Hollis", "Alzheimer", "Nobel Prize", "Nobel"} {
		if _, ok := got[not]; ok {
			t.Errorf("%q drafted as an actor", not)
		}
	}
}

func keys(m map[string]ActorDraft) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Acronyms the article never spells out become terms to define; known
// names, code names and Roman numerals do not.
func TestFindBareTerms(t *testing.T) {
	got := FindBareTerms([]string{
		"ISIS claimed the attack, NBC reported.",
		"The UN and the planet K2-18b, and World War II.",
		"ISIS struck again.",
	}, map[string]bool{"UN": true})
	var acr []string
	for _, t := range got {
		acr = append(acr, t.Acronym)
	}
	if want := []string{"ISIS", "NBC"}; !slices.Equal(acr, want) {
		t.Errorf("bare terms %v, want %v", acr, want)
	}
}

// The names a byline, a dateline or a photo credit give are the publisher
// and its agencies, never actors.
func TestCredits(t *testing.T) {
	got := Credits([]string{
		"By Jane Roe and John Doe, Daily Courier",
		"LAGOS (Wire Service) — The port reopened on Monday.",
		"Dockers wait at the gate. (Courier Photo/Jane Roe)",
		"The port reopened, officials said.",
	})
	if want := []string{"Daily Courier", "Wire Service", "Courier"}; !slices.Equal(got, want) {
		t.Errorf("Credits = %q, want %q", got, want)
	}
	actors := findActors([]string{"The Daily Courier reported that the Daily Courier was right.", "Lagos traders and the Lagos Port Authority met the Port Authority."}, got, nil)
	for _, a := range actors {
		if a.Name == "Daily Courier" {
			t.Errorf("the publisher drafted as an actor: %+v", a)
		}
	}
}
