package draft

import (
	"slices"
	"testing"
)

func TestFindActors(t *testing.T) {
	sents := []string{
		"The Russian move was welcomed in Kabul.",
		"Russia and Pakistan signed a deal with the Afghan Taliban.",
		"Later, the Afghan Taliban met envoys of NATO.",
		"However, the plan stalled.",
	}
	got := map[string]ActorDraft{}
	for _, a := range FindActors(sents) {
		got[a.Name] = a
	}
	ru, ok := got["Russia"]
	if !ok || ru.Mentions != 2 || !slices.Equal(ru.Aliases, []string{"Russian"}) || ru.Kind != "state" {
		t.Errorf("Russia = %+v, want 2 mentions through the demonym Russian", ru)
	}
	if a := got["Afghan Taliban"]; a.Mentions != 2 || !a.Guessed {
		t.Errorf("Afghan Taliban = %+v, want a name used twice, kind guessed", a)
	}
	if a := got["NATO"]; a.Kind != "alliance" {
		t.Errorf("NATO = %+v, want an alliance", a)
	}
	for _, not := range []string{"However", "Later", "Kabul"} {
		if _, ok := got[not]; ok {
			t.Errorf("%q drafted as an actor", not)
		}
	}
}

func TestFindTerms(t *testing.T) {
	got := FindTerms([]string{
		"Work on the China-Pakistan Economic Corridor (CPEC) resumed.",
		"The North Atlantic Treaty Organization (NATO) met.",
		"The plan (BETA) is new.",
		"Spray cans used chlorofluorocarbons (CFCs) then.",
	})
	want := []TermDraft{{"China-Pakistan Economic Corridor", "CPEC", 0}, {"North Atlantic Treaty Organization", "NATO", 1}, {"chlorofluorocarbons", "CFCs", 3}}
	if !slices.Equal(got, want) {
		t.Errorf("FindTerms = %+v, want %+v", got, want)
	}
}

func TestLikelySkip(t *testing.T) {
	for _, tc := range []struct {
		p    string
		want string
	}{
		{"Photo: Soldiers at the border crossing in 2021.", "caption"},
		{"Leaders at the summit (Reuters)", "caption"},
		{"A new phase for the region", "subheading"},
		{"The talks ended without a deal.", ""},
		{"Officials said the border would reopen next week after months of talks, and traders welcomed it", ""},
	} {
		why, _ := LikelySkip(tc.p)
		if why != tc.want {
			t.Errorf("LikelySkip(%q) = %q, want %q", tc.p, why, tc.want)
		}
	}
}

// A trust, an alliance or a chamber that speaks is a body, not a person,
// and the club whose name it starts with is not its alias.
func TestFindActorsSpeakingBodies(t *testing.T) {
	sents := []string{
		"Northgate United have signed the striker for a record fee, the club announced.",
		"The fee breaks the record Northgate set in 2023.",
		"The Northgate Supporters' Trust said the club had raised ticket prices.",
		"Northgate reported a loss of 71 million pounds.",
		"\"He is quick,\" said Northgate manager Elena Szabo.",
		"The Harbourton Chamber of Commerce said it backed the plan.",
		"The Harbourton Chamber of Commerce will study the route.",
	}
	got := map[string]ActorDraft{}
	for _, a := range FindActors(sents) {
		got[a.Name] = a
	}
	if a, ok := got["Northgate Supporters' Trust"]; !ok || a.Kind != "organisation" || slices.Contains(a.Aliases, "Northgate") {
		t.Errorf("Northgate Supporters' Trust = %+v, want an organisation without the alias Northgate", a)
	}
	if a, ok := got["Northgate"]; !ok || a.Kind == "person" {
		t.Errorf("Northgate = %+v, want the club, named before its manager's title", a)
	}
	if a, ok := got["Elena Szabo"]; !ok || a.Kind != "person" {
		t.Errorf("Elena Szabo = %+v, want a person", a)
	}
	if a, ok := got["Harbourton Chamber of Commerce"]; ok && a.Kind == "person" {
		t.Errorf("Harbourton Chamber of Commerce = %+v, a person", a)
	}
}

// A person named once after a trade ("the Valdoria striker Kofi
// Amankwah") and then by the surname alone is an actor, the surname an
// alias.
func TestFindActorsTradeThenSurname(t *testing.T) {
	sents := []string{
		"Northgate have signed the Valdoria striker Kofi Amankwah for a record fee.",
		"Amankwah scored 19 goals in 24 matches this season.",
		"The club said Amankwah would play on Saturday.",
	}
	got := map[string]ActorDraft{}
	for _, a := range FindActors(sents) {
		got[a.Name] = a
	}
	if a, ok := got["Kofi Amankwah"]; !ok || a.Kind != "person" || !slices.Equal(a.Aliases, []string{"Amankwah"}) {
		t.Errorf("Kofi Amankwah = %+v (all: %v), want a person with the alias Amankwah", a, got)
	}
	if _, ok := got["Amankwah"]; ok {
		t.Error("Amankwah drafted as an actor of its own")
	}
}

// A body's name keeps the adjective that leads it: "the African
// Development Bank" is not "Development Bank".
func TestFindActorsKeepLeadingAdjective(t *testing.T) {
	got := map[string]ActorDraft{}
	for _, a := range FindActors([]string{
		"Cases rose, the Northern Health Agency said on Monday.",
		"The Northern Health Agency blamed falling rates.",
		"The African Development Bank said it would lend more.",
		"Loans from the African Development Bank rose.",
	}) {
		got[a.Name] = a
	}
	for _, n := range []string{"Northern Health Agency", "African Development Bank"} {
		if a, ok := got[n]; !ok || a.Kind != "organisation" {
			t.Errorf("%s = %+v; drafted: %v", n, a, got)
		}
	}
}

// A body is known by the words around it: a possessive inside its name
// ("Fishermen's"), "the board" after its full name, a chief executive, an
// appositive ("the operator, Kestrel,"); a person by a title appositive
// after "said"; and a name that only modifies a project's noun is no actor.
func TestFindActorsBodiesByTheirMarks(t *testing.T) {
	sents := []string{
		"The Lowland Water Board on Tuesday approved the Dunmore Ridge mine, ending a long review.",
		"The developer, Tarrow Group, said work would start in 2027.",
		"\"We are ready,\" said Tarrow's chief executive, Ada Lind.",
		"The Riverside Fishermen's Union said the mine would poison the river.",
		"The board rejected a request from the union to move the mine.",
		"Tarrow must fund a study of the river.",
		"The operator, Kestrel, said the pumps were safe.",
		"Kestrel's chairman said the company would appeal.",
		"Dunmore Ridge is the second mine approved this year.",
		"Union leader Sam Kerr said the fight would go on.",
		"The Westbay Children's Trust said it would help.",
		"Corvane opened a factory near the river last year.",
		"The Corvane plant employs 900 people, and Corvane's plant managers live nearby.",
		"Many fear Corvane will close it.",
		"Senator Ellen Warren's Senate office said it would look into the mine.",
	}
	got := map[string]ActorDraft{}
	for _, a := range FindActors(sents) {
		got[a.Name] = a
	}
	for name, kind := range map[string]string{
		"Lowland Water Board":         "organisation",
		"Tarrow Group":                "organisation",
		"Ada Lind":                    "person",
		"Riverside Fishermen's Union": "organisation",
		"Kestrel":                     "organisation",
		"Westbay Children's Trust":    "organisation",
		"Sam Kerr":                    "person",
	} {
		if a, ok := got[name]; !ok || a.Kind != kind {
			t.Errorf("%s = %+v, want a drafted %s", name, a, kind)
		}
	}
	if _, ok := got["Ellen Warren"]; !ok {
		t.Errorf("Ellen Warren, a senator with a Senate office, not drafted: %v", got)
	}
	if _, ok := got["Corvane"]; !ok {
		t.Errorf("Corvane, named three times and once before its plant, not drafted: %v", got)
	}
	for _, name := range []string{"Tarrow", "Union", "Dunmore Ridge"} {
		if a, ok := got[name]; ok {
			t.Errorf("%s drafted as an actor of its own: %+v", name, a)
		}
	}
	if !slices.Contains(got["Riverside Fishermen's Union"].Aliases, "Union") {
		t.Errorf("Riverside Fishermen's Union aliases %q, want Union", got["Riverside Fishermen's Union"].Aliases)
	}
	if !slices.Contains(got["Tarrow Group"].Aliases, "Tarrow") {
		t.Errorf("Tarrow Group aliases %q, want Tarrow", got["Tarrow Group"].Aliases)
	}
}
