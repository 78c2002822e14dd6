package draft

import "testing"

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
