package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kinds drafts the actors of sentences, dated as given, by name.
func kinds(sents []string, dated []bool) map[string]string {
	got := map[string]string{}
	for _, a := range findActors(sents, nil, dated) {
		got[a.Name] = a.Kind
	}
	return got
}

// A body is named by its head noun even when "of" or "for" and a
// capitalised tail follow it, and one named once counts when a person
// works at it or it helps in what the sentence tells.
func TestBodiesWithOfAndFor(t *testing.T) {
	sents := []string{
		"“The data are clear,” said Ana Ruiz, a geologist at the University of Tarven who led the survey.",
		"Piet Kole, director at the Lund Institute for Marine Optics, said the samples were too few.",
		"The Northern Rail Agency plans to open the line in 2031.",
		"She sued the council with the help of the Tenants Rights Fund, arguing the rent rise was unlawful.",
		"Economists at Cowry Asset Management expect prices to rise.",
	}
	got := kinds(sents, []bool{false, false, true, false, false})
	for _, name := range []string{"University of Tarven", "Lund Institute for Marine Optics", "Northern Rail Agency", "Tenants Rights Fund"} {
		if got[name] != "organisation" {
			t.Errorf("%s drafted as %q, want an organisation; actors %v", name, got[name], got)
		}
	}
	// A firm named once whose name has no body's head noun, where
	// economists work, stays out, and no place is a person.
	for _, name := range []string{"Cowry Asset Management", "Tarven"} {
		if k, ok := got[name]; ok {
			t.Errorf("%s drafted as %q, want no actor; actors %v", name, k, got)
		}
	}
	// Undated, a body named once that only plans stays out.
	if k, ok := kinds(sents[2:3], nil)["Northern Rail Agency"]; ok {
		t.Errorf("an agency that only plans, in no dated sentence, drafted as %q", k)
	}
}

// Whose spokesman, lawyer or officials a name has is an organisation.
func TestSpokesmenMakeBodies(t *testing.T) {
	for _, s := range []string{
		"“We were never asked,” said a spokeswoman for the Valley Residents' Group.",
		"A spokesman for Brightwater said the plan was sound.",
		"On Monday, Brightwater's spokesperson declined to comment.",
		"A lawyer for Brightwater said the contract was void.",
		"Officials at Brightwater did not reply.",
	} {
		got := kinds([]string{s}, nil)
		found := false
		for name, kind := range got {
			if name == "Valley Residents' Group" || name == "Brightwater" {
				found = true
				if kind != "organisation" {
					t.Errorf("%q: %s drafted as %q, want an organisation", s, name, kind)
				}
			}
		}
		if !found {
			t.Errorf("%q: the body is no actor; actors %v", s, got)
		}
	}
}

// A person named in full, then by surname alone and quoted, is a person
// though no title names her; a club that "added five million euros" says
// nothing, and with a manager of its own is a body.
func TestSurnameAndClubs(t *testing.T) {
	sents := []string{
		"Maria Delgado, who sold fruit near the station, lost her cart in 2017.",
		"Delgado, who now runs a shop, said she had waited eight years.",
		"Harbour City have signed the striker Leo Santos.",
		"Harbour City manager Ruth Adeyemi had wanted a striker.",
		"The clubs agreed terms after Harbour City added five million euros in bonuses.",
		"Harbour City also added that the fee was fair.",
	}
	got := kinds(sents, []bool{true, false, false, false, false, false})
	if got["Maria Delgado"] != "person" {
		t.Errorf("Maria Delgado drafted as %q, want a person; actors %v", got["Maria Delgado"], got)
	}
	if got["Harbour City"] != "organisation" {
		t.Errorf("Harbour City drafted as %q, want an organisation; actors %v", got["Harbour City"], got)
	}
	// Without the quote, a name and its surname are no person by that alone.
	if k, ok := kinds([]string{"In 1995, Mario Vela and others shared the prize.", "Vela later moved to Lima."}, nil)["Mario Vela"]; ok {
		t.Errorf("Mario Vela, never quoted and with no title, drafted as %q", k)
	}
}

// A body named again by its head noun ("the board") is counted so in its
// note, unless the article uses that noun for another body too.
func TestAnaphorsInTheNote(t *testing.T) {
	article := "Board approves a wind farm\n- 2025-05-12 09:00:00\n\n" +
		"The Marine Planning Board approved the wind farm on Monday.\n\n" +
		"The board attached 34 conditions to its approval. Critics said the board moved too fast.\n"
	path := filepath.Join(t.TempDir(), "wind.txt")
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := New(path, []byte(article), Options{ArticlePath: "wind.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "- note: named 3 times in the article, 2 of them as “the board”"; !strings.Contains(text, want) {
		t.Errorf("the board's note: want %q in\n%s", want, text)
	}

	// "the court" may be the lower court as well as the Supreme Court.
	sents := []string{
		"The Supreme Court ruled on Thursday that the city broke the law.",
		"A lower court dismissed the case in 2019.",
		"The court said the ruling takes effect in 30 days.",
		"Lawyers said the Supreme Court had settled it.",
	}
	found := 0
	for _, a := range findActors(sents, nil, nil) {
		found += strings.Count(a.Name, "Supreme Court")
		if a.Name == "Supreme Court" && a.AnaphorCount != 0 {
			t.Errorf("Supreme Court counted %d times as %q, though a lower court is named", a.AnaphorCount, a.Anaphor)
		}
	}
	if found != 1 {
		t.Errorf("Supreme Court not drafted")
	}
	// Two bodies with one head noun: "the board" is neither's.
	sents = []string{
		"The Marine Planning Board and the Coastal Water Board met on Monday.",
		"The board said it would decide in June.",
		"The Marine Planning Board will meet again.",
		"The Coastal Water Board will meet again.",
	}
	boards := 0
	for _, a := range findActors(sents, nil, nil) {
		if strings.HasSuffix(a.Name, " Board") {
			boards++
		}
		if a.AnaphorCount != 0 {
			t.Errorf("%s counted %d times as %q, though two boards are named", a.Name, a.AnaphorCount, a.Anaphor)
		}
	}
	if boards != 2 {
		t.Errorf("%d boards drafted, want 2", boards)
	}
}
