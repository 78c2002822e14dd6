package draft

import (
	"testing"
	"time"
)

// Each date of a sentence is its own event: quoted by the smallest clause
// that holds it, titled by that clause without any of the sentence's date
// phrases, a relative clause read as a sentence, a name never cut.
func TestEventFor(t *testing.T) {
	pub := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s     string
		date  int // which date of the sentence
		quote string
		title string
	}{
		{"The town council of Lindmark voted on Tuesday to close its old harbour to cruise ships from 2028, ending a trade that began in the 1990s.", 0,
			"The town council of Lindmark voted on Tuesday to close its old harbour to cruise ships from 2028", "The town council of Lindmark voted to close its old harbour …"},
		{"The town council of Lindmark voted on Tuesday to close its old harbour to cruise ships from 2028, ending a trade that began in the 1990s.", 2,
			"a trade that began in the 1990s.", "A trade began"},
		{"Cruise lines have until the end of 2027 to move their calls to the new terminal at Ostkaj, which opened in 2019.", 1,
			"the new terminal at Ostkaj, which opened in 2019.", "The new terminal at Ostkaj opened"},
		{"The Lindmark Chamber of Commerce said shops near the harbour had already seen sales fall by a fifth since 2023.", 0,
			"The Lindmark Chamber of Commerce said shops near the harbour had already seen sales fall by a fifth since 2023.", "Shops near the harbour had already seen sales fall by a fifth"},
		{"Opponents said the council had ignored a 2024 study that found the trade brought the town 30 million euros a year.", 0,
			"a 2024 study that found the trade brought the town 30 million", "A study found the trade brought the town 30 million"},
		{"The latest assessment, published by the agency and the World Meteorological Organization (WMO) in January 2023, found the layer on track to recover.", 0,
			"The latest assessment, published by the agency and the World Meteorological Organization (WMO) in January 2023", "The latest assessment was published by the agency …"},
		{"The Kigali Amendment took effect in 2019, and the United Nations Environment Programme (UNEP) estimates it could avoid up to half a degree of warming by the end of the 21st century.", 1,
			"the United Nations Environment Programme (UNEP) estimates it could avoid up to half a degree of warming by the end of the 21st century.", "The United Nations Environment Programme (UNEP) estimates it could avoid …"},
		{"The court ruled on Thursday that the city violated the rights of vendors, ending a legal fight that began nearly a decade ago.", 1,
			"a legal fight that began nearly a decade ago.", "A legal fight began"},
		{"Maria Delgado, who sold fruit near the central station for 14 years, lost her cart twice in 2017.", 0,
			"Maria Delgado, who sold fruit near the central station for 14 years, lost her cart twice in 2017.", "Maria Delgado lost her cart twice"},
		{"Madhusudhan said his team would return to K2-18b with Webb within 12 months.", 0,
			"Madhusudhan said his team would return to K2-18b with Webb within 12 months.", "Madhusudhan said his team would return to K2-18b with Webb"},
		{"In 1974, the chemists Mario Molina and Sherwood Rowland argued that chlorofluorocarbons (CFCs), then used in spray cans, could destroy ozone.", 0,
			"In 1974, the chemists Mario Molina and Sherwood Rowland argued that chlorofluorocarbons (CFCs)", "The chemists Mario Molina and Sherwood Rowland argued that chlorofluorocarbons (CFCs)"},
		{"Santos, 23, signed a five-year contract on Friday after passing a medical in the morning.", 0,
			"Santos, 23, signed a five-year contract on Friday after passing a medical in the morning.", "Santos signed a five-year contract after passing a medical in the morning"},
		{"In a report published in August, the IMF urged the government to expand cash transfers to 15 million families.", 0,
			"In a report published in August, the IMF urged the government to expand cash transfers", "The IMF urged the government to expand cash transfers"},
		{"Pakistan reopened the crossing, ending a closure that had stranded thousands of trucks and cut trade between the neighbors since February 29, officials said.", 0,
			"a closure that had stranded thousands of trucks and cut trade between the neighbors since February 29", "A closure had stranded thousands of trucks and cut trade …"},
		{"The Tehreek-e-Taliban Pakistan, a militant group allied with the Afghan Taliban, has stepped up attacks inside Pakistan since 2022.", 0,
			"", "The Tehreek-e-Taliban Pakistan, a militant group allied with the Afghan Taliban …"},
		{"Researchers reported that emissions of CFC-11, a banned chemical, had risen since 2012.", 0,
			"emissions of CFC-11, a banned chemical, had risen since 2012.", "Emissions of CFC-11 had risen"},
		{"The striker, who joined the club in 2021, scored twice on Sunday.", 0,
			"The striker, who joined the club in 2021", "The striker joined the club"},
	} {
		fs := FindDates(tc.s, pub)
		if tc.date >= len(fs) {
			t.Fatalf("%q: dates %v", tc.s, fs)
		}
		a, b, title := eventFor(tc.s, fs, tc.date)
		if got := tc.s[a:b]; tc.quote != "" && got != tc.quote {
			t.Errorf("quote of %q (%s)\n got %q\nwant %q", tc.s, fs[tc.date].Phrase, got, tc.quote)
		}
		if tc.title != "" && title != tc.title {
			t.Errorf("title of %q (%s)\n got %q\nwant %q", tc.s, fs[tc.date].Phrase, title, tc.title)
		}
	}
}

// A later date of a sentence whose title would repeat an earlier event's
// is titled by what the infinitive before it says will happen.
func TestEventsOfOneSentence(t *testing.T) {
	article := "Port town closes its harbour\n- 2026-03-14\n\n" +
		"The town council of Lindmark voted on Tuesday to close its old harbour to cruise ships from 2028, ending a trade that began in the 1990s.\n\n" +
		"Cruise lines have until the end of 2027 to move their calls to the new terminal at Ostkaj, which opened in 2019.\n"
	d, err := Analyse("harbour.txt", []byte(article), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"2028": {"The old harbour closes to cruise ships", "to close its old harbour to cruise ships from 2028"},
		"199X": {"A trade began", "a trade that began in the 1990s."},
		"2019": {"The new terminal at Ostkaj opened", "the new terminal at Ostkaj, which opened in 2019."},
	}
	titles := map[string]bool{}
	for _, e := range d.Events {
		if titles[e.Title] {
			t.Errorf("two events titled %q", e.Title)
		}
		titles[e.Title] = true
		for _, o := range d.Events {
			if o.When != e.When && overlaps(o.Title, e.Title) {
				t.Errorf("%q repeats %q", e.Title, o.Title)
			}
		}
		if w, ok := want[e.When]; ok {
			if e.Title != w[0] || e.Quotes[0].Text != w[1] {
				t.Errorf("%s: %q quoting %q, want %q quoting %q", e.When, e.Title, e.Quotes[0].Text, w[0], w[1])
			}
			delete(want, e.When)
		}
	}
	for when := range want {
		t.Errorf("no event %s in %v", when, d.Events)
	}
	if !overlaps("Lindmark voted to close its old harbour", "The town council of Lindmark voted to close its old harbour …") || overlaps("A trade began", "The old harbour closes to cruise ships") {
		t.Error("overlaps: a title that repeats another's words is one that overlaps")
	}
	if thirdPerson("close") != "closes" || thirdPerson("reach") != "reaches" || thirdPerson("apply") != "applies" {
		t.Error("thirdPerson")
	}
}

// A parenthesis that holds only an acronym is part of its clause.
func TestAcronymParen(t *testing.T) {
	for in, want := range map[string]int{"(UNEP) estimates": 6, "(CFC-11) rose": 8, "(HFCs), the": 6, "(in 2019)": 0, "(AP Photo)": 0, "(Ostkaj)": 0} {
		if got := acronymParen(in); got != want {
			t.Errorf("acronymParen(%q) = %d, want %d", in, got, want)
		}
	}
}
