package export_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

func TestJSONExportShape(t *testing.T) {
	b, err := model.Load("../testdata/mini.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"format", "title", "source", "themes", "timeline", "actors", "glossary", "questions"} {
		if _, ok := m[k]; !ok {
			t.Errorf("export lacks %q", k)
		}
	}
	ev := m["timeline"].([]any)[0].(map[string]any)
	for k, want := range map[string]any{"when": "2019", "label": "2019", "start": "2019-01-01", "end": "2019-12-31", "precision": "year", "approximate": false} {
		if ev[k] != want {
			t.Errorf("timeline[0].%s = %v, want %v", k, ev[k], want)
		}
	}
	q := m["themes"].([]any)[0].(map[string]any)["points"].([]any)[0].(map[string]any)["quotes"].([]any)[0].(map[string]any)
	if q["text"] != "The river floods every spring." || q["sentences"].([]any)[0] != "p1.s1" {
		t.Errorf("quote export = %v", q)
	}
}

// The model must stay free of terminal code: an exporter or a web page can
// use it without pulling in a terminal library.
