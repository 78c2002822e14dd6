package watch

import (
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

func mustParse(t *testing.T, text string) *model.Briefing {
	t.Helper()
	b, err := model.Parse("b.brief.md", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func point(id string) model.Ref { return model.Ref{Kind: model.KindPoint, ID: id} }

func refs(rs []model.Ref) string {
	var s []string
	for _, r := range rs {
		s = append(s, string(r.Kind)+":"+r.ID)
	}
	return strings.Join(s, " ")
}

func TestReselect(t *testing.T) {
	old := mustParse(t, briefing("T", "alpha=Alpha", "beta=Beta", "gamma=Gamma"))
	theme := model.Ref{Kind: model.KindTheme, ID: "things"}
	for _, c := range []struct {
		name     string
		next     string
		selected model.Ref
		want     model.Ref
	}{
		{"selected item still there, though changed", briefing("T", "alpha=Alpha", "beta=Beta, reworded"), point("beta"), point("beta")},
		{"selected item gone: the first changed item", briefing("T", "alpha=Alpha", "gamma=Gamma, reworded", "delta=Delta"), point("beta"), point("gamma")},
		{"selected item gone, one added", briefing("T", "alpha=Alpha", "gamma=Gamma", "delta=Delta"), point("beta"), point("delta")},
		{"a theme's summary changed comes first", strings.Replace(briefing("T", "alpha=Alpha", "gamma=Gamma, reworded"), "All the things.", "Some things.", 1), point("beta"), theme},
		{"nothing changed but the selection is gone: the first item", strings.Replace(briefing("T", "alpha=Alpha", "beta=Beta", "gamma=Gamma"), "## Beta {#beta}\n\n> Item beta is here.\n\n", "", 1), point("beta"), theme},
		{"no selection yet: the first changed", briefing("T", "alpha=Alpha", "beta=Beta", "gamma=G"), model.Ref{}, point("gamma")},
	} {
		t.Run(c.name, func(t *testing.T) {
			next := mustParse(t, c.next)
			if got := Reselect(old, next, c.selected); got != c.want {
				t.Errorf("Reselect = %v, want %v", got, c.want)
			}
		})
	}
}

func TestChanged(t *testing.T) {
	text := briefing("T", "alpha=Alpha", "beta=Beta")
	old := mustParse(t, text)
	// Lines added above move every item but change none.
	moved := mustParse(t, strings.Replace(text, "# Theme:", "<!-- a comment -->\n\n\n# Theme:", 1))
	if ch := Changed(old, moved); len(ch) != 0 {
		t.Errorf("moving items changed %s", refs(ch))
	}
	// A changed article changes its sentences (and the quotes citing them).
	edited := mustParse(t, strings.Replace(briefing("T", "alpha=Alpha", "beta=Beta, new"), "Item beta is here.", "Item beta is here now.", 2))
	if got := refs(Changed(old, edited)); got != "point:beta sentence:p1.s2" {
		t.Errorf("Changed = %s", got)
	}
	if n := len(Changed(nil, old)); n != 1+2+2 {
		t.Errorf("everything is new against nothing: %d items, want 5", n)
	}
}

func TestChangedSeed(t *testing.T) {
	a, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	if ch := Changed(a, b); len(ch) != 0 {
		t.Fatalf("the seed against itself: %s", refs(ch))
	}
	b.Timeline[2].Title += " (edited)"
	ev := b.Timeline[2].ID
	if got := refs(Changed(a, b)); got != "event:"+ev {
		t.Errorf("Changed = %s, want event:%s", got, ev)
	}
	if got := Reselect(a, b, point("no-such-point")); got != (model.Ref{Kind: model.KindEvent, ID: ev}) {
		t.Errorf("Reselect = %v", got)
	}
}
