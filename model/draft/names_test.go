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
