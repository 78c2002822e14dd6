package model

import (
	"errors"
	"strings"
	"testing"
)

// base is a small valid briefing; each error case edits it.
const base = `---
format: brief/1
title: T
source: S
published: 2024-03-01
---

# Theme: Water {#water}

## The river floods {#floods}

> The river floods every spring.

- actors: council
- events: e2019

# Timeline

## Wall built {#e2019}

- when: 2019
- themes: water

> the council built a wall

# Actors

## Council {#council}

- kind: government
- stance: Builds walls.

# Source

The river floods every spring. In 2019, the council built a wall.
`

func TestErrorPositions(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // one of the errors, exactly (prefix)
	}{
		{"empty file", "", "f.md:1:1: empty file: a briefing starts with a --- metadata block"},
		{"blank file", "\n\n  \n", "f.md:1:1: empty file: a briefing starts with a --- metadata block"},
		{"unterminated metadata", "---\nformat: brief/1\ntitle: T\n", "f.md:1:1: metadata block opened here is never closed with ---"},
		{"unknown metadata key", strings.Replace(base, "title: T\n", "title: T\nautor: X\n", 1), `f.md:4:1: unknown metadata key "autor"`},
		{"duplicate metadata key", strings.Replace(base, "title: T\n", "title: T\ntitle: U\n", 1), `f.md:4:1: metadata key "title" given twice (first at line 3)`},
		{"missing title", strings.Replace(base, "title: T\n", "", 1), `f.md:2:1: missing metadata key "title"`},
		{"wrong format", strings.Replace(base, "brief/1", "brief/9", 1), `f.md:2:9: unsupported format "brief/9"`},
		{"unknown field", strings.Replace(base, "- actors: council\n", "- actor: council\n", 1), `f.md:14:3: unknown field "actor" for a point`},
		{"field given twice", strings.Replace(base, "- when: 2019\n", "- when: 2019\n- when: 2020\n", 1), `f.md:22:3: field "when" given twice (first at line 21)`},
		{"duplicate id", strings.Replace(base, "## Council {#council}", "## Council {#floods}", 1), `f.md:28:4: duplicate id "floods" (first used at line 10)`},
		{"reserved id", strings.Replace(base, "{#floods}", "{#p3}", 1), `f.md:10:23: id "p3" is reserved`},
		{"quote not in source", strings.Replace(base, "> The river floods every spring.", "> The river floods every summer.", 1), `f.md:12:27: quote not found in the article: it matches up to “The river floods every s”, then the article has “pring. In 2019, the coun…” where the quote has “ummer.”`},
		{"quote with changed case", strings.Replace(base, "> the council built a wall", "> The council built a wall", 1), `f.md:24:3: quote not found in the article: it differs in case; the article has “the council built a wall” where the quote has “The council built a wall”`},
		{"invalid date month", strings.Replace(base, "- when: 2019", "- when: 2025-13-45", 1), `f.md:21:14: invalid date "2025-13-45": month 13`},
		{"invalid date leap", strings.Replace(base, "- when: 2019", "- when: 2023-02-29", 1), `f.md:21:17: invalid date "2023-02-29": day 29 does not exist in February 2023`},
		{"unknown theme", strings.Replace(base, "- themes: water", "- themes: fire", 1), `f.md:22:11: unknown theme "fire"`},
		{"unknown actor", strings.Replace(base, "- actors: council", "- actors: council, mayor", 1), `f.md:14:20: unknown actor "mayor"`},
		{"reference of the wrong kind", strings.Replace(base, "- events: e2019", "- events: council", 1), `f.md:15:11: "council" is a actor, not a event`},
		{"unknown section", strings.Replace(base, "# Actors", "# People", 1), `f.md:26:3: unknown section "People"`},
		{"text before a section", strings.Replace(base, "---\n\n# Theme", "---\nstray\n# Theme", 1), `f.md:7:1: text before the first section`},
		{"deep heading", strings.Replace(base, "## The river floods", "### The river floods", 1), `f.md:10:1: only # sections and ## items are headings`},
		{"point without quote", strings.Replace(base, "> The river floods every spring.\n", "", 1), `f.md:10:4: point "The river floods" cites no quote`},
		{"unknown actor kind", strings.Replace(base, "- kind: government", "- kind: tribe", 1), `f.md:30:9: unknown actor kind "tribe"`},
		{"missing stance", strings.Replace(base, "- stance: Builds walls.\n", "", 1), `f.md:28:4: actor "Council" has no "stance" field`},
		{"missing when", strings.Replace(base, "- when: 2019\n", "", 1), `f.md:19:4: event "Wall built" has no "when" field`},
		{"no article", strings.Split(base, "# Source")[0], `f.md:2:1: no article`},
		{"unclosed comment", strings.Replace(base, "# Timeline", "<!-- open\n# Timeline", 1), `f.md:17:1: comment <!-- opened here is never closed`},
		{"invalid UTF-8", strings.Replace(base, "title: T", "title: T\xff", 1), "f.md:3:9: invalid UTF-8 byte 0xFF at byte offset 28"},
		{"NUL byte", strings.Replace(base, "title: T", "ti\x00tle: T", 1), "f.md:3:3: NUL byte at byte offset 22"},
		{"UTF-16", "\xff\xfe-\x00-\x00-\x00", "f.md:1:1: file is UTF-16; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("f.md", []byte(tt.data), nil)
			if err == nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if b != nil {
				t.Errorf("a failed load returned a briefing")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			found := false
			for _, e := range list {
				found = found || strings.HasPrefix(e.Error(), tt.want)
			}
			if !found {
				t.Errorf("want an error %s\ngot:\n%v", tt.want, err)
			}
		})
	}
}

func TestBaseIsValid(t *testing.T) {
	if _, err := Parse("f.md", []byte(base), nil); err != nil {
		t.Fatal(err)
	}
}

// Every problem is reported, not just the first.
func TestAllErrorsReported(t *testing.T) {
	data := strings.Replace(base, "- actors: council", "- actors: nobody", 1)
	data = strings.Replace(data, "- when: 2019", "- when: 2019-02-30", 1)
	data = strings.Replace(data, "> the council built a wall", "> the council built a bridge", 1)
	_, err := Parse("f.md", []byte(data), nil)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	lines := []int{list[0].Pos.Line, list[1].Pos.Line, list[2].Pos.Line}
	if lines[0] != 14 || lines[1] != 21 || lines[2] != 24 {
		t.Errorf("errors not sorted by position: %v", lines)
	}
}

func TestCRLFAndBOM(t *testing.T) {
	data := "\xef\xbb\xbf" + strings.ReplaceAll(base, "\n", "\r\n")
	if _, err := Parse("f.md", []byte(data), nil); err != nil {
		t.Fatal(err)
	}
	// Positions after CRLF decoding still count lines as the editor shows them.
	bad := strings.ReplaceAll(strings.Replace(base, "- kind: government", "- kind: tribe", 1), "\n", "\r\n")
	_, err := Parse("f.md", []byte(bad), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "f.md:30:9:") {
		t.Errorf("got %v", err)
	}
}

// Errors that teach: the fix is named, not only the fault.
func TestErrorsThatTeach(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string // parts of one error
	}{
		{"actor by name", strings.Replace(base, "- actors: council", "- actors: Council", 1),
			[]string{`unknown actor "Council": that is the name of actor "council"`, "by their ids"}},
		{"date forms", strings.Replace(base, "- when: 2019", "- when: spring 2019", 1),
			[]string{`invalid date "spring 2019"`, "accepted forms: 2016, 2021-08, 2025-07-19", "198X", "../1989"}},
		{"ellipsis", strings.Replace(base, "> the council built a wall", "> the council … a wall", 1),
			[]string{"f.md:24:15:", "a quote cannot skip words", "split it into two quotes"}},
		{"ellipsis dots", strings.Replace(base, "> the council built a wall", "> the council ... a wall", 1),
			[]string{"a quote cannot skip words", `"..."`}},
		{"unknown id", strings.Replace(base, "- events: e2019", "- events: e2091", 1),
			[]string{`unknown event "e2091"; did you mean "e2019"?`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f.md", []byte(tc.data), nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				ok := true
				for _, w := range tc.want {
					ok = ok && strings.Contains(line, w)
				}
				if ok {
					return
				}
			}
			t.Errorf("no error holds %q; got:\n%v", tc.want, err)
		})
	}
}
