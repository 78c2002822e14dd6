package export_test

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

// speakerNotes lists every speaker's note of a briefing.
func speakerNotes(b *model.Briefing) []string {
	var out []string
	for _, t := range b.Themes {
		out = append(out, t.Notes...)
		for _, p := range t.Points {
			out = append(out, p.Notes...)
		}
	}
	for _, e := range b.Timeline {
		out = append(out, e.Notes...)
	}
	for _, a := range b.Actors {
		out = append(out, a.Notes...)
	}
	for _, g := range b.Glossary {
		out = append(out, g.Notes...)
	}
	return out
}

func handouts(t *testing.T, b *model.Briefing, opts export.Options) map[string]string {
	t.Helper()
	var md, page bytes.Buffer
	if err := export.MarkdownHandout(&md, b, opts); err != nil {
		t.Fatal(err)
	}
	if err := export.HTMLHandout(&page, b, opts); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"md": flat(unescapeMD(md.String())), "html": text(page.String())}
}

// A handout is for the audience: the speaker's notes stay out of it unless
// asked for.
func TestHandoutsLeaveOutSpeakerNotes(t *testing.T) {
	b := seed(t)
	notes := speakerNotes(b)
	if len(notes) == 0 {
		t.Fatal("the seed has no speaker notes: the test shows nothing")
	}
	for format, out := range handouts(t, b, export.Options{}) {
		for _, n := range notes {
			if strings.Contains(out, flat(n)) {
				t.Errorf("%s: a speaker note without --speaker-notes: %q", format, n)
			}
		}
	}
	for format, out := range handouts(t, b, export.Options{SpeakerNotes: true}) {
		for _, n := range notes {
			if !strings.Contains(out, flat(n)) {
				t.Errorf("%s: speaker note missing with --speaker-notes: %q", format, n)
			}
		}
	}
}

// The reader's notes sit under their own heading, each under the full
// title of its item, and never in the markup of the article's quotes.
func TestHandoutsSetReaderNotesApart(t *testing.T) {
	b := seed(t)
	var long *model.Point
	for _, p := range b.Points() {
		if long == nil || len(p.Text) > len(long.Text) {
			long = p
		}
	}
	notes := []export.NoteEntry{
		{Ref: model.Ref{Kind: model.KindPoint, ID: long.ID}, Label: long.Text[:20] + "…", Note: "Ask the room about this.\nSecond line of mine.", Bookmarked: true},
		{Ref: model.Ref{Kind: model.KindPoint, ID: "gone"}, Label: "An old point", Note: "Written on an earlier version.", Orphaned: true},
	}
	var md bytes.Buffer
	if err := export.MarkdownHandout(&md, b, export.Options{Notes: notes}); err != nil {
		t.Fatal(err)
	}
	out := unescapeMD(md.String())
	i := strings.Index(out, "\n## Your notes\n")
	if i < 0 {
		t.Fatalf("no heading of its own for the reader's notes:\n%s", out)
	}
	section := out[i:]
	if j := strings.Index(section[1:], "\n## "); j >= 0 {
		section = section[:j+1]
	}
	if !strings.Contains(section, "\n### *Point:* "+long.Text+"\n") {
		t.Errorf("the note is not under the full title %q:\n%s", long.Text, section)
	}
	if !strings.Contains(section, "Ask the room about this.") || !strings.Contains(section, "An old point") || !strings.Contains(section, "no longer in the briefing") {
		t.Errorf("notes missing from their section:\n%s", section)
	}
	if strings.Contains(section, "\n>") || strings.Contains(section, "\n  >") {
		t.Errorf("reader notes are written as quotes:\n%s", section)
	}

	var page bytes.Buffer
	if err := export.HTMLHandout(&page, b, export.Options{Notes: notes}); err != nil {
		t.Fatal(err)
	}
	p := page.String()
	i = strings.Index(p, `<section id="your-notes">`)
	if i < 0 {
		t.Fatal("the html handout has no section for the reader's notes")
	}
	sec := p[i : i+strings.Index(p[i:], "</section>")]
	for _, want := range []string{"<h2>Your notes</h2>", `href="#note-1"`, `href="#note-2"`, `id="note-1"`, `href="#` + long.ID + `"`, html.EscapeString(long.Text)} {
		if !strings.Contains(sec, want) {
			t.Errorf("the notes section lacks %q", want)
		}
	}
	if strings.Contains(sec, "<blockquote") {
		t.Error("reader notes in the html handout are quotes")
	}
	if !strings.Contains(p, `<li><a href="#your-notes">Your notes</a></li>`) {
		t.Error("the contents do not list the reader's notes")
	}
}
