package export_test

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

// typo is model's small authoring briefing.
var typo = func() string {
	data, err := os.ReadFile("../testdata/typo.brief.md")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

// The JSON export says which end of a date is approximate or uncertain,
// the part of a period, and an event's status.
func TestExportQualifiers(t *testing.T) {
	data := strings.Replace(typo, "# Deck", "# Timeline\n\n## Wall {#wall}\n\n- when: 2005~/2019?\n- status: ongoing\n\n> wall in 2019.\n\n## Late {#late}\n\n- when: 2017-39\n\n> It held.\n- at: p2.s3\n\n# Deck", 1)
	data = strings.Replace(data, "> the council built a\n> wall in 2019.", "> the council built a", 1)
	b, err := model.Parse("f.md", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := export.JSON(&out, b); err != nil {
		t.Fatal(err)
	}
	js := out.String()
	for _, want := range []string{
		`"when": "2005~/2019?"`, `"approximate": true,
      "uncertain": true,
      "ends": {
        "start": {
          "approximate": true,
          "uncertain": false
        },
        "end": {
          "approximate": false,
          "uncertain": true
        }
      },
      "status": "ongoing"`,
		`"label": "late 2017"`, `"part": "late"`, `"start": "2017-09-01"`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("export lacks %s", want)
		}
	}
}
