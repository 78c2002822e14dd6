package model

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// typo is a briefing over an article with curly quotes and dashes, a
// sentence said twice and a caption; each case below edits it.
// typo is a small briefing with its article inside (testdata/typo.brief.md),
// which the authoring tests change a line of at a time.
var typo = func() string {
	data, err := os.ReadFile("testdata/typo.brief.md")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func loadTypo(t *testing.T, data string) (*Briefing, ErrorList) {
	t.Helper()
	b, err := Parse("f.md", []byte(data), nil)
	var list ErrorList
	if err != nil && !errors.As(err, &list) {
		t.Fatalf("error is %T", err)
	}
	return b, list
}

func TestTypoBaseLoadsClean(t *testing.T) {
	b, errs := loadTypo(t, typo)
	if errs != nil {
		t.Fatal(errs)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("warnings on the clean file: %v", b.Warnings)
	}
	if b.Subject != "the council" {
		t.Errorf("subject %q", b.Subject)
	}
	if !b.Skipped(b.Sentence("p1.s1")) || b.Skipped(b.Sentence("p2.s1")) {
		t.Errorf("skip: p1 should leave out p1.s1 only")
	}
}

// Each case of a file that does not load, with the exact position and
// message.
func TestAuthoringErrors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		// A straight apostrophe where the article has a curly one: the
		// column of that character, the cause named.
		{"straight apostrophe", "> The river’s banks", "> The river's banks",
			`f.md:14:12: quote not found in the article: it matches up to “The river”, then the article has “’s banks – long neglecte…” where the quote has “'s banks – long neglecte…”; the article has a curly ’ (U+2019) where the quote has a straight apostrophe ' (brief fix rewrites it)`},
		{"hyphen for a dash", "banks – long", "banks - long",
			`f.md:14:21: quote not found in the article: it matches up to “The river’s banks ”, then the article has “– long neglected – gave …” where the quote has “- long neglected – gave …”; the article has an en dash – (U+2013) where the quote has a hyphen - (brief fix rewrites it)`},
		// A wrong word on the quote's second line is reported there, not at
		// the quote's start, with the article's words beside the quote's.
		{"wrong word on a later line", "> wall in 2019.", "> fence in 2019.",
			`f.md:21:3: quote not found in the article: it matches up to “the council built a ”, then the article has “wall in 2019. It held. I…” where the quote has “fence in 2019.”`},
		{"unterminated metadata gives one error", "skip: p1\n---\n", "skip: p1\n",
			`f.md:1:1: metadata block opened here is never closed with ---; the body seems to start at line 9: put --- before it`},
		{"unknown id, did you mean", "- actors: council", "- actors: counsil",
			`f.md:16:11: unknown actor "counsil"; did you mean "council"?`},
		{"a point for an event, did you mean", "> wall in 2019.\n\n# Actors", "> wall in 2019.\n\n- events: acts\n\n# Timeline\n\n## Acts {#acts-2019}\n\n- when: 2019\n\n> in 2019. It held.\n\n# Actors",
			`f.md:23:11: "acts" is a point, not a event; did you mean "acts-2019"?`},
		{"unknown skip id", "skip: p1", "skip: p9.s1",
			`f.md:7:7: skip: "p9.s1" is not a paragraph (pN) or sentence (pN.sM) of the article; did you mean "p1.s1"?`},
		{"at names no occurrence", "> the council built a\n> wall in 2019.", "> It held.\n- at: p2.s2",
			`f.md:21:7: at: the quote does not occur in p2.s2; it occurs in p2.s3, p2.s4`},
		{"at not under a quote", "- actors: council", "- actors: council\n- at: p2.s1",
			`f.md:17:3: "- at:" picks an occurrence of a quote: put it on the line right under the quote`},
		{"unknown status", "- points: floods", "- points: floods\n\n# Timeline\n\n## Wall {#wall}\n\n- when: 2019\n- status: done", `f.md:42:11: unknown status "done" (known: ongoing, planned)`},
	}
	for _, tc := range tests {
		if tc.want == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(typo, tc.old, tc.new, 1)
			if data == typo {
				t.Fatal("edit did not apply")
			}
			_, errs := loadTypo(t, data)
			if len(errs) == 0 {
				t.Fatalf("loads; want %s", tc.want)
			}
			for _, e := range errs {
				if e.Error() == tc.want {
					if tc.name == "unterminated metadata gives one error" && len(errs) != 1 {
						t.Errorf("%d errors, want 1:\n%v", len(errs), errs)
					}
					return
				}
			}
			t.Errorf("want\n%s\ngot\n%v", tc.want, errs.Error())
		})
	}
}

// Each case of a file that loads with a warning, exactly.
func TestAuthoringWarnings(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"ambiguous quote", "> the council built a\n> wall in 2019.", "> It held.",
			`f.md:20:3: warning: quote occurs 2 times in the article (in p2.s3, p2.s4); it cites the first: add "- at: p2.s4" right under it to pick another`},
		{"actor never named", "# Deck", "## Mayor {#mayor}\n\n- kind: person\n- stance: Silent.\n\n# Deck",
			`f.md:31:4: warning: actor "Mayor" is never named in the article (0 mentions): add an alias the article uses`},
		{"alias on two actors", "- stance: Builds walls.\n", "- stance: Builds walls.\n\n## Town council {#town}\n\n- aliases: council\n- kind: group\n- stance: Waits.\n",
			`f.md:31:4: warning: "council" names both actor "council" (line 25) and actor "town": its mentions all go to one`},
		{"deck point of another theme", "- points: floods", "- points: floods, x-point\n\n# Theme: Other {#other}\n\n## Another {#x-point}\n\n> It held.\n- at: p2.s3",
			`f.md:33:1: warning: point "x-point" belongs to theme "other", not "water"`},
		{"text a slide drops", "## theme water\n", "## theme water\n\nSay this first.\n",
			`f.md:33:1: warning: the text under a "theme" slide is not shown: only "## text TITLE" slides show paragraphs (speaker notes are "- note:")`},
		{"misspelt alias", "- aliases: council", "- aliases: council, counsil",
			`f.md:25:4: warning: alias "counsil" of actor "council" never occurs in the article; did you mean "council"?`},
		{"markdown in a plain field", "- stance: Builds walls.", "- stance: Builds **high** walls.",
			`f.md:29:18: warning: Markdown is not interpreted here: “**high**” shows as written`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(typo, tc.old, tc.new, 1)
			if data == typo {
				t.Fatal("edit did not apply")
			}
			b, errs := loadTypo(t, data)
			if errs != nil {
				t.Fatalf("does not load: %v", errs)
			}
			for _, w := range b.Warnings {
				if w.Error() == tc.want {
					return
				}
			}
			t.Errorf("want\n%s\ngot\n%v", tc.want, b.Warnings.Error())
		})
	}
}

// "- at:" under a quote found twice picks the occurrence.
func TestQuoteAtPicksOccurrence(t *testing.T) {
	data := strings.Replace(typo, "> the council built a\n> wall in 2019.", "> It held.\n- at: p2.s4", 1)
	b, errs := loadTypo(t, data)
	if errs != nil {
		t.Fatal(errs)
	}
	if q := b.Point("acts").Quotes[0]; len(q.Sentences) != 1 || q.Sentences[0] != "p2.s4" {
		t.Errorf("quote cites %v, want p2.s4", q.Sentences)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("warnings: %v", b.Warnings)
	}
}

// brief fix rewrites the characters that differ, and only those.
func TestFixQuotes(t *testing.T) {
	// A double hyphen is not one dash and a letter O is not a zero: these
	// quotes are not the article's but for typography, so nothing changes.
	data := strings.Replace(typo, "> The river’s banks – long neglected – gave way.", "> The river's banks - long\n> neglected -- gave way.", 1)
	data = strings.Replace(data, "> wall in 2019.", "> wall in 2O19.", 1)
	fixed, fixes, _ := FixQuotes("f.md", []byte(data))
	if len(fixes) != 0 || string(fixed) != data {
		t.Errorf("fixes %v of quotes that differ in more than typography", fixes)
	}
	// Straight for curly and hyphen for dash, across a line break: fixed
	// where typed, the line break kept.
	data = strings.Replace(typo, "> The river’s banks – long neglected – gave way.", "> The river's banks - long\n> neglected – gave way.", 1)
	want := strings.Replace(typo, "> The river’s banks – long neglected – gave way.", "> The river’s banks – long\n> neglected – gave way.", 1)
	fixed, fixes, err := FixQuotes("f.md", []byte(data))
	if err != nil || len(fixes) != 2 || string(fixed) != want {
		t.Errorf("fixes %v, err %v; got\n%s", fixes, err, fixed)
	}
	if fixes[0].Pos != (Pos{14, 12}) || fixes[0].From != '\'' || fixes[0].To != '’' {
		t.Errorf("first fix %+v", fixes[0])
	}
	if _, err := Parse("f.md", fixed, nil); err != nil {
		t.Errorf("fixed file does not load: %v", err)
	}
}

// A draft's TODO stance keeps an actor off the "who stands where" slide,
// as "Not described" does.
func TestTODOStanceOffTheSlide(t *testing.T) {
	for stance, want := range map[string]bool{"TODO": false, "Not described.": false, "Builds walls.": true, "": false} {
		if got := statesStance(&Actor{Stance: stance}); got != want {
			t.Errorf("stance %q: on the slide %v, want %v", stance, got, want)
		}
	}
}
