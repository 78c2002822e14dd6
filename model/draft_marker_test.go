package model_test

import (
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
)

// "- draft: yes" marks drafted items of every kind; Drafted counts them by
// kind, and any other value is an error at its column.
func TestDraftMarker(t *testing.T) {
	data := "---\nformat: brief/1\ntitle: T\nsource: S\npublished: 2025-07-19\n---\n\n" +
		"# Theme: Walls {#walls}\n\n- draft: yes\n\n## Walls rise {#rise}\n\n- draft: yes\n\n> A wall rose.\n\n## Walls hold {#hold}\n\n> It held.\n\n" +
		"# Timeline\n\n## Rise {#e-rise}\n\n- when: 2016\n- draft: yes\n\n> A wall rose.\n\n" +
		"# Actors\n\n## Builders {#builders}\n\n- kind: group\n- stance: TODO\n- draft: yes\n\n" +
		"# Glossary\n\n## Wall {#wall}\n\n- draft: yes\n\nA wall.\n\n> A wall rose.\n\n" +
		"# Source\n\nA wall rose. It held. Builders built it.\n"
	b, err := model.Parse("t.brief.md", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	d := b.Drafted()
	if d != (model.Drafted{Themes: 1, Points: 1, Events: 1, Actors: 1, Terms: 1}) || d.Total() != 5 {
		t.Errorf("Drafted() = %+v", d)
	}
	if got := d.String(); got != "1 theme, 1 point, 1 event, 1 actor, 1 glossary term" {
		t.Errorf("String() = %q", got)
	}
	if b.Point("hold").Draft || !b.Point("rise").Draft {
		t.Error("the marker belongs to its own point only")
	}
	bad := strings.Replace(data, "- when: 2016\n- draft: yes", "- when: 2016\n- draft: no", 1)
	_, err = model.Parse("t.brief.md", []byte(bad), nil)
	if err == nil || !strings.Contains(err.Error(), "t.brief.md:27:10: draft takes only \"yes\"") {
		t.Errorf("a draft value other than yes: %v", err)
	}
}
