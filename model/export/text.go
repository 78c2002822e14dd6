package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// MinTextWidth is the narrowest width the text export lays out for; a
// smaller width is raised to it.
const MinTextWidth = 20

// Text writes the whole briefing as plain text wrapped to width cells:
// metadata, themes with their points and quotes, the timeline, actors,
// glossary, questions and the article. Every string from the briefing goes
// through sanitize again, so no escape sequence reaches the reader even if
// the briefing was built in memory rather than loaded.
func Text(w io.Writer, b *model.Briefing, width int) error {
	return writeText(b, &textWriter{w: w, width: max(width, MinTextWidth)})
}

// TextIDs is Text with the article laid out a sentence a line, each beside
// its id (p5.s2), for citing while writing a briefing.
func TextIDs(w io.Writer, b *model.Briefing, width int) error {
	return writeText(b, &textWriter{w: w, width: max(width, MinTextWidth), ids: true})
}

func writeText(b *model.Briefing, t *textWriter) error {
	title := sanitize.Line(b.Title)
	t.wrap(title, "", "")
	t.line(strings.Repeat("=", min(sanitize.Width(title), t.width)))
	t.blank()
	// One line to cite the source by: author, “title”, outlet, the date
	// at the article's precision (never a clock time), address.
	t.field("Source", b.Source.Citation())
	t.field("Holds", b.Summary())

	if len(b.Themes) > 0 {
		t.heading("Themes")
		for i, th := range b.Themes {
			textTheme(b, t, i+1, th)
		}
	}
	if len(b.Timeline) > 0 {
		t.heading("Timeline")
		writeTimeline(b, t)
	}
	if len(b.Actors) > 0 {
		t.heading("Actors")
		for _, a := range b.Actors {
			name := sanitize.Line(a.Name)
			if a.Kind != "" {
				name += " (" + sanitize.Line(a.Kind) + ")"
			}
			t.wrap(name, "", "  ")
			if len(a.Aliases) > 0 {
				t.wrap("Also: "+lineList(a.Aliases), "    ", "      ")
			}
			if a.Stance != "" {
				t.wrap("Stance: "+sanitize.Line(a.Stance), "    ", "      ")
			}
			if a.Description != "" {
				t.wrap(sanitize.Text(a.Description), "    ", "    ")
			}
			t.quotes(a.Quotes, "    ")
			t.notes(a.Notes, "    ")
			if len(a.Mentions) > 0 {
				t.wrap(fmt.Sprintf("Named in %s", mentionSentences(a.Mentions)), "    ", "      ")
			}
			t.blank()
		}
	}
	if len(b.Glossary) > 0 {
		t.heading("Glossary")
		for _, g := range b.Glossary {
			t.wrap(sanitize.Line(g.Term), "", "  ")
			if len(g.Aliases) > 0 {
				t.wrap("Also: "+lineList(g.Aliases), "    ", "      ")
			}
			t.wrap(sanitize.Text(g.Definition), "    ", "    ")
			t.quotes(g.Quotes, "    ")
			t.notes(g.Notes, "    ")
			t.blank()
		}
	}
	if len(b.Questions) > 0 {
		t.heading("Questions")
		for i, q := range b.Questions {
			n := fmt.Sprintf("%d. ", i+1)
			t.wrap(sanitize.Text(q), n, strings.Repeat(" ", len(n)))
		}
		t.blank()
	}
	if len(b.Source.Paragraphs) > 0 {
		t.heading("The article")
		t.wrap(sanitize.Line(b.Source.Title), "", "")
		t.blank()
		for _, p := range b.Source.Paragraphs {
			if t.ids {
				for _, s := range p.Sentences {
					label := fmt.Sprintf("%-7s ", s.ID)
					t.wrap(sanitize.Line(s.Text), label, strings.Repeat(" ", len(label)))
				}
				t.blank()
				continue
			}
			var texts []string
			for _, s := range p.Sentences {
				texts = append(texts, sanitize.Line(s.Text))
			}
			label := "[" + p.ID + "] "
			t.wrap(strings.Join(texts, " "), label, strings.Repeat(" ", len(label)))
			t.blank()
		}
	}
	return t.err
}

func textTheme(b *model.Briefing, t *textWriter, n int, th *model.Theme) {
	head := fmt.Sprintf("%d. %s", n, sanitize.Line(th.Title))
	t.wrap(head, "", "   ")
	t.line(strings.Repeat("-", min(sanitize.Width(head), t.width)))
	if th.Summary != "" {
		t.wrap(sanitize.Text(th.Summary), "", "")
		if len(th.Notes) > 0 {
			t.blank()
		}
	}
	t.notes(th.Notes, "")
	t.blank()
	for _, p := range th.Points {
		t.wrap(sanitize.Line(p.Text), "  * ", "    ")
		if p.Detail != "" {
			t.wrap(sanitize.Text(p.Detail), "    ", "    ")
		}
		t.quotes(p.Quotes, "    ")
		if names := actorNames(b, p.Actors); names != "" {
			t.wrap("Actors: "+names, "    ", "      ")
		}
		if events := eventTitles(b, p.Events); events != "" {
			t.wrap("Timeline: "+events, "    ", "      ")
		}
		t.notes(p.Notes, "    ")
		t.blank()
	}
}

// TimelineText writes the timeline alone, one event a block: the date
// label in a column of its own, the event's title and the article's own
// wording of the date.
func TimelineText(w io.Writer, b *model.Briefing, width int) error {
	t := &textWriter{w: w, width: max(width, MinTextWidth)}
	writeTimeline(b, t)
	return t.err
}

func writeTimeline(b *model.Briefing, t *textWriter) {
	labelW := 0
	for _, e := range b.Timeline {
		labelW = max(labelW, sanitize.Width(sanitize.Line(e.When.Label())))
	}
	// Keep at least half the width for the titles.
	labelW = min(labelW, t.width/2-2)
	for _, e := range b.Timeline {
		label := sanitize.Truncate(sanitize.Line(e.When.Label()), labelW, "…")
		first := label + strings.Repeat(" ", labelW-sanitize.Width(label)+2)
		rest := strings.Repeat(" ", labelW+2)
		text := sanitize.Line(e.Title)
		if e.Phrase != "" {
			text += " — " + model.Quoted(sanitize.Line(e.Phrase))
		}
		t.wrap(text, first, rest)
	}
	if len(b.Timeline) > 0 {
		t.blank()
	}
}

// TimelineJSON writes the timeline alone as a JSON array, each event as
// in the full JSON export.
func TimelineJSON(w io.Writer, b *model.Briefing) error {
	out := timelineJSON(b.Timeline)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func actorNames(b *model.Briefing, ids []string) string {
	var names []string
	for _, id := range ids {
		if a := b.Actor(id); a != nil {
			names = append(names, a.Name)
		} else {
			names = append(names, id)
		}
	}
	return lineList(names)
}

func eventTitles(b *model.Briefing, ids []string) string {
	var titles []string
	for _, id := range ids {
		if e := b.Event(id); e != nil {
			titles = append(titles, e.When.Label()+": "+e.Title)
		} else {
			titles = append(titles, id)
		}
	}
	return strings.Join(mapLine(titles), "; ")
}

func mentionSentences(ms []model.Mention) string {
	var ids []string
	seen := map[string]bool{}
	for _, m := range ms {
		if !seen[m.Sentence] {
			seen[m.Sentence] = true
			ids = append(ids, m.Sentence)
		}
	}
	return strings.Join(mapLine(ids), ", ")
}

func lineList(xs []string) string { return strings.Join(mapLine(xs), ", ") }

func mapLine(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = sanitize.Line(x)
	}
	return out
}

// textWriter lays out wrapped, prefixed lines and keeps the first error.
type textWriter struct {
	w     io.Writer
	width int
	ids   bool // the article a sentence a line, with ids
	err   error
	// blanks counts the blank lines just written, so sections never stack
	// more than one.
	blanks int
}

func (t *textWriter) line(s string) {
	if t.err != nil {
		return
	}
	if s == "" {
		if t.blanks > 0 {
			return
		}
		t.blanks++
	} else {
		t.blanks = 0
	}
	_, t.err = io.WriteString(t.w, strings.TrimRight(s, " ")+"\n")
}

func (t *textWriter) blank() { t.line("") }

func (t *textWriter) heading(s string) {
	t.blank()
	t.line(strings.ToUpper(s))
	t.blank()
}

// wrap writes text wrapped so that no line, prefix included, is wider than
// the width: first prefixes the first line, rest the others.
func (t *textWriter) wrap(text, first, rest string) {
	pw := max(sanitize.Width(first), sanitize.Width(rest))
	for i, l := range sanitize.Wrap(text, max(t.width-pw, 1)) {
		if i == 0 {
			t.line(first + l)
		} else {
			t.line(rest + l)
		}
	}
}

func (t *textWriter) field(name, value string) {
	if value == "" {
		return
	}
	label := fmt.Sprintf("%-11s", name+":")
	t.wrap(sanitize.Line(value), label, strings.Repeat(" ", len(label)))
}

func (t *textWriter) quotes(qs []model.Quote, indent string) {
	for _, q := range qs {
		text := model.Quoted(sanitize.Line(q.Text))
		if len(q.Sentences) > 0 {
			text += " (" + strings.Join(mapLine(q.Sentences), ", ") + ")"
		}
		t.wrap(text, indent+"> ", indent+"  ")
	}
}

func (t *textWriter) notes(ns []string, indent string) {
	for _, n := range ns {
		t.wrap("Note: "+sanitize.Line(n), indent, indent+"  ")
	}
}
