package export_test

import (
	"bytes"
	"encoding/json"
	"strings"
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

// The JSON timeline is sorted by start (an open start first), as programs
// sorting dates expect; order gives the reading order the views use.
func TestJSONTimelineSortedByStartWithReadingOrder(t *testing.T) {
	data := "---\nformat: brief/1\ntitle: T\nsource: S\npublished: 2025-07-19\n---\n\n# Timeline\n\n## Takeover {#takeover}\n\n- when: 2021-08\n\n> A.\n\n## Before {#before}\n\n- when: ../2020\n\n> B.\n\n## Years since {#since}\n\n- when: 2021~/2025~\n\n> C.\n\n# Source\n\nA. B. C.\n"
	b, err := model.Parse("t.brief.md", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Timeline []struct {
			ID, Start string
			Order     int
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	var ids, reading []string
	byOrder := map[int]string{}
	for i, e := range out.Timeline {
		ids = append(ids, e.ID)
		if i > 0 && out.Timeline[i-1].Start > e.Start {
			t.Errorf("not sorted by start: %+v", out.Timeline)
		}
		byOrder[e.Order] = e.ID
	}
	for i := 1; i <= len(out.Timeline); i++ {
		reading = append(reading, byOrder[i])
	}
	var want []string
	for _, e := range b.Timeline {
		want = append(want, e.ID)
	}
	if strings.Join(reading, " ") != strings.Join(want, " ") {
		t.Errorf("order gives %v, the views read %v", reading, want)
	}
	if ids[0] != "before" {
		t.Errorf("the open start is not first in the data: %v", ids)
	}
}
