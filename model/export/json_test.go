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

// The JSON timeline lists events in the reading order every view follows
// (an open start placed by its end, never first), and order numbers them.
func TestJSONTimelineInReadingOrder(t *testing.T) {
	data := "---\nformat: brief/1\ntitle: T\nsource: S\npublished: 2025-07-19\n---\n\n# Timeline\n\n## Takeover {#takeover}\n\n- when: 2021-08\n\n> A.\n\n## Before {#before}\n\n- when: ../2020\n\n> B.\n\n## Years since {#since}\n\n- when: 2021~/2025~\n\n> C.\n\n## Decade {#decade}\n\n- when: 198X\n\n> A.\n\n# Source\n\nA. B. C.\n"
	b, err := model.Parse("t.brief.md", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, timeline := range []func(*bytes.Buffer) error{
		func(buf *bytes.Buffer) error { return export.JSON(buf, b) },
		func(buf *bytes.Buffer) error { return export.TimelineJSON(buf, b) },
	} {
		var buf bytes.Buffer
		if err := timeline(&buf); err != nil {
			t.Fatal(err)
		}
		var events []struct {
			ID    string
			Order int
		}
		raw := buf.Bytes()
		var whole struct {
			Timeline json.RawMessage
		}
		if json.Unmarshal(raw, &whole) == nil && len(whole.Timeline) > 0 {
			raw = whole.Timeline
		}
		if err := json.Unmarshal(raw, &events); err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for i, e := range events {
			got = append(got, e.ID)
			if e.Order != i+1 {
				t.Errorf("%s: order %d at place %d", e.ID, e.Order, i+1)
			}
		}
		for _, e := range b.Timeline {
			want = append(want, e.ID)
		}
		if strings.Join(got, " ") != "decade before takeover since" || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("JSON lists %v, the views read %v", got, want)
		}
	}
}
