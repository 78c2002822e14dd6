package draft

import (
	"strings"
	"testing"
	"time"
)

// Each kind of expression, resolved against a publication date of
// 19 July 2025.
func TestFindDates(t *testing.T) {
	pub := time.Date(2025, 7, 19, 6, 24, 53, 0, time.UTC)
	tests := []struct {
		kind, text, phrase, when string
	}{
		{"year", "In 2016, the forum began.", "2016", "2016"},
		{"year", "the 2016 elections were close", "2016", "2016"},
		{"year", "Trade fell in 2019 as prices rose.", "2019", "2019"},
		{"month", "since the takeover in August 2021.", "August 2021", "2021-08"},
		{"day", "The talks opened on 3 March 2024 in the capital.", "3 March 2024", "2024-03-03"},
		{"day", "The talks opened on March 3rd, 2024.", "March 3rd, 2024", "2024-03-03"},
		{"day", "The law took effect 2024-02-29.", "2024-02-29", "2024-02-29"},
		{"decade", "the intervention of the 1980s, and later", "the 1980s", "198X"},
		{"decade", "a repeat of the ’90s", "the ’90s", "199X"},
		{"century", "a custom of the 19th century", "the 19th century", "18XX"},
		{"part", "Prices rose in late 2017.", "late 2017", "2017-39"},
		{"part", "Prices rose in mid-2017.", "mid-2017", "2017-38"},
		{"part", "a rivalry of the early 21st century", "the early 21st century", "20XX-37"},
		{"part", "The camps grew in the late 1990s.", "the late 1990s", "199X-39"},
		{"part", "by the end of 2019 it had ended", "the end of 2019", "2019-39"},
		// The format has no seasons: the phrase keeps it, the date is the year.
		{"year", "Work will start in the spring of 2027.", "the spring of 2027", "2027"},
		{"year", "The plant closed in winter of 2019.", "winter of 2019", "2019"},
		{"span", "He served from 1996 to 2001 as envoy.", "from 1996 to 2001", "1996/2001"},
		{"span", "He served between 1996 and 2001.", "between 1996 and 2001", "1996/2001"},
		{"span", "the 1996–2001 government", "1996–2001", "1996/2001"},
		{"span", "from March 2019 to June 2020", "from March 2019 to June 2020", "2019-03/2020-06"},
		{"span", "governments prior to 2021 and", "prior to 2021", "../2020"},
		{"span", "before March 2020 nothing", "before March 2020", "../2020-02"},
		{"span", "in power since 2016.", "since 2016", "2016/.."},
		{"span", "until 1989 the troops stayed", "until 1989", "../1989"},
		{"relative", "This month, Russia accepted credentials.", "This month", "2025-07"},
		{"relative", "Last month the talks stalled.", "Last month", "2025-06"},
		{"relative", "Elections are due next year.", "next year", "2026"},
		{"relative", "The deal was signed last year.", "last year", "2024"},
		{"relative", "The border reopened last December.", "last December", "2024-12"},
		{"relative", "It will open this December.", "this December", "2025-12"},
		{"relative", "The envoy left five years ago.", "five years ago", "2020"},
		{"relative", "The envoy left a few years ago.", "a few years ago", "2022~"},
		{"relative", "The group formed two decades ago.", "two decades ago", "2005~"},
		{"relative", "in the past two decades has evolved", "the past two decades", "2005~/2025~"},
		{"relative", "In the last four years, they consolidated.", "the last four years", "2021~/2025~"},
		{"relative", "over the past decade", "the past decade", "2015~/2025~"},
		{"relative", "in recent months the price rose", "recent months", "2025-04~/2025-07~"},
		{"relative", "Talks resumed in May after a pause.", "in May", "2025-05?"},
		{"day", "The minister resigned yesterday.", "yesterday", "2025-07-18"},
		{"day", "Three days ago the convoy left.", "Three days ago", "2025-07-16"},
		{"day", "The talks ended last Tuesday.", "last Tuesday", "2025-07-15"},
		{"day", "The talks ended on Saturday.", "on Saturday", "2025-07-19"},
		{"day", "They will meet next Monday.", "next Monday", "2025-07-21"},
		{"day", "The window closes on Monday.", "on Monday", "2025-07-21"},
		{"day", "The vote will be held on Saturday.", "on Saturday", "2025-07-19"},
		{"day", "The envoy arrived on Nov. 1 with aid.", "Nov. 1", "2024-11-01"},
		{"day", "Prices rose on 3 July after the vote.", "3 July", "2025-07-03"},
		{"day", "The committee is due to meet again on November 25.", "November 25", "2025-11-25"},
		{"span", "No convoy has crossed since February 29.", "since February 29", "2024-02-29/.."},
		{"planned", "Troops will leave within 14 months.", "within 14 months", "2025-07/2026-09"},
		{"planned", "The plant opens in the next two years.", "in the next two years", "2025/2027"},
		{"span", "It ended an 18-year-long war in 2021.", "18-year-long", "2003/2021"},
		{"span", "They fought a decade-long war.", "a decade-long", "2015/2025"},
		{"relative", "The week-old accord held.", "week-old", "2025-07-12~"},
		{"relative", "The council will publish the route in May.", "in May", "2026-05?"},
		{"relative", "The report is due by September.", "by September", "2025-09?"},
		{"relative", "a two-month-old truce", "two-month-old", "2025-05~"},
	}
	for _, tc := range tests {
		t.Run(tc.kind+"/"+tc.phrase, func(t *testing.T) {
			got := FindDates(tc.text, pub)
			var seen []string
			for _, f := range got {
				seen = append(seen, f.Phrase+"="+f.When.String())
				if f.Phrase == tc.phrase {
					if f.When.String() != tc.when {
						t.Errorf("%q resolves to %s, want %s", tc.phrase, f.When, tc.when)
					}
					if tc.text[f.Start:f.End] != f.Phrase {
						t.Errorf("offsets %d:%d do not give the phrase", f.Start, f.End)
					}
					return
				}
			}
			t.Errorf("%q: no %q found; found %s", tc.text, tc.phrase, strings.Join(seen, ", "))
		})
	}
}

// Numbers that are not years, and words that are not months, make no dates.
func TestFindDatesIgnores(t *testing.T) {
	pub := time.Date(2025, 7, 19, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"The fund paid $2016 to each family.",
		"Some 1,500 troops and 2,000 police.",
		"Tajikistan may follow suit.",
		"They march on the capital.",
		"Version 3.2016 was installed.",
		"Some 1500 troops arrived, and nearly 2000 officers.",
		"The army sent 1800 soldiers.",
		// A person's age is no date.
		"The 23-year-old Ghanaian international agreed a contract.",
		"A 45-year-old man was arrested.",
		"The 70-year-old, who chairs the board, resigned.",
		"The two-year-old girl was found safe.",
	} {
		if got := FindDates(text, pub); len(got) > 0 {
			t.Errorf("%q: found %v, want nothing", text, got)
		}
	}
}

func TestFindDatesAround(t *testing.T) {
	pub := time.Date(2025, 9, 16, 0, 0, 0, 0, time.UTC)
	got := FindDates("It should recover by around 2066, and c. 1990 was the low.", pub)
	if len(got) != 2 || got[0].When.String() != "2066~" || got[0].Phrase != "around 2066" || got[1].When.String() != "1990~" {
		t.Errorf("got %+v", got)
	}
}
