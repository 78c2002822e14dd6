package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Options choose what a handout holds besides the briefing itself.
type Options struct {
	// SpeakerNotes puts the presenter's notes (the briefing's "Note:"
	// lines) in the handout. They are left out by default: a handout is
	// what the audience takes home, not the speaker's script.
	SpeakerNotes bool
	// Notes are the reader's own bookmarks and notes, written in a section
	// of their own ("Your notes"), apart from the article's quotes.
	Notes []NoteEntry
}

// NoteEntry is a reader's bookmark or note on an item, as an export shows
// it. The model does not store them; the caller passes them in.
type NoteEntry struct {
	Ref        model.Ref
	Label      string // the item's text, one line
	Note       string // "" for none; may hold several lines
	Bookmarked bool
	// Orphaned says the item is no longer in the briefing (the note was
	// written on an earlier version of it).
	Orphaned bool
}

// MarkdownHandout writes the briefing as a Markdown handout: themes with
// their points and quotes, the timeline, actors, glossary, questions and
// the article, and what opts adds: the speaker's notes in place (left out
// by default), and the reader's notes in a section "Your notes" before the
// article, in the order given. Content is plain text in the briefing, so
// every character that Markdown would read as markup is escaped: the
// handout shows what the briefing says, never a link, an image or raw HTML
// that it did not intend.
func MarkdownHandout(w io.Writer, b *model.Briefing, opts Options) error {
	m := &mdWriter{w: w, speaker: opts.SpeakerNotes}
	notes := opts.Notes
	m.printf("# %s\n\n", mdText(b.Title))
	// One line to cite the source by: author, “title”, outlet, the date
	// at the article's precision (never a clock time), address.
	if c := b.Source.Citation(); c != "" {
		m.lines([]string{"**Source:** " + mdText(c)})
	}

	for i, th := range b.Themes {
		m.printf("## %d. %s\n\n", i+1, mdText(th.Title))
		m.para(th.Summary)
		m.lines(m.notesMD(th.Notes))
		for _, p := range th.Points {
			m.printf("### %s\n\n", mdText(p.Text))
			m.para(p.Detail)
			m.quotes(p.Quotes)
			var facts []string
			if names := actorNames(b, p.Actors); names != "" {
				facts = append(facts, "*Actors:* "+mdText(names))
			}
			if events := eventTitles(b, p.Events); events != "" {
				facts = append(facts, "*Timeline:* "+mdText(events))
			}
			m.lines(append(facts, m.notesMD(p.Notes)...))
		}
	}

	if len(b.Timeline) > 0 {
		m.printf("## Timeline\n\n")
		m.printf("| When | Event | In the article’s words |\n|---|---|---|\n")
		for _, e := range b.Timeline {
			phrase := ""
			if e.Phrase != "" {
				phrase = mdCell(model.Quoted(e.Phrase))
			}
			m.printf("| %s | %s | %s |\n", mdCell(e.When.Label()), mdCell(e.Title), phrase)
		}
		m.printf("\n")
		for _, e := range b.Timeline {
			if e.Description == "" && len(e.Quotes) == 0 && (len(e.Notes) == 0 || !m.speaker) {
				continue
			}
			m.printf("### %s: %s\n\n", mdText(e.When.Label()), mdText(e.Title))
			m.para(e.Description)
			m.quotes(e.Quotes)
			m.lines(m.notesMD(e.Notes))
		}
	}

	if len(b.Actors) > 0 {
		m.printf("## Actors\n\n")
		for _, a := range b.Actors {
			m.printf("### %s\n\n", mdText(a.Name))
			var facts []string
			if a.Kind != "" {
				facts = append(facts, "*Kind:* "+mdText(a.Kind))
			}
			if len(a.Aliases) > 0 {
				facts = append(facts, "*Also:* "+mdText(lineList(a.Aliases)))
			}
			if a.Stance != "" {
				facts = append(facts, "*Stance:* "+mdText(a.Stance))
			}
			m.lines(facts)
			m.para(a.Description)
			m.quotes(a.Quotes)
			m.lines(m.notesMD(a.Notes))
		}
	}

	if len(b.Glossary) > 0 {
		m.printf("## Glossary\n\n")
		for _, g := range b.Glossary {
			head := "**" + mdText(g.Term) + "**"
			if len(g.Aliases) > 0 {
				head += " (also " + mdText(lineList(g.Aliases)) + ")"
			}
			m.printf("%s — %s\n\n", head, mdText(g.Definition))
			m.quotes(g.Quotes)
			m.lines(m.notesMD(g.Notes))
		}
	}

	if len(b.Questions) > 0 {
		m.printf("## Questions\n\n")
		for i, q := range b.Questions {
			m.printf("%d. %s\n", i+1, mdText(q))
		}
		m.printf("\n")
	}

	if len(notes) > 0 {
		m.notes(b, notes)
	}

	if len(b.Source.Paragraphs) > 0 {
		m.printf("## The article\n\n")
		if b.Source.Title != "" {
			m.printf("**%s**\n\n", mdText(b.Source.Title))
		}
		for _, p := range b.Source.Paragraphs {
			var texts []string
			for _, s := range p.Sentences {
				texts = append(texts, s.Text)
			}
			m.printf("%s\n\n", mdText(strings.Join(texts, " ")))
		}
	}
	return m.err
}

// notes writes the reader's bookmarks and notes under their own heading:
// one sub-heading per item, with its kind and its full title, then the
// note as the reader wrote it, in plain paragraphs — never as a quote, the
// markup of the article's own words.
func (m *mdWriter) notes(b *model.Briefing, ns []NoteEntry) {
	m.printf("## Your notes\n\n")
	for _, n := range ns {
		head := "*" + mdText(kindName(n.Ref.Kind)) + ":* " + mdText(NoteTitle(b, n))
		var tags []string
		if n.Bookmarked {
			tags = append(tags, "bookmarked")
		}
		if n.Orphaned {
			tags = append(tags, "no longer in the briefing")
		}
		m.printf("### %s\n\n", head)
		if len(tags) > 0 {
			m.printf("*%s*\n\n", mdText(strings.Join(tags, ", ")))
		}
		text := strings.TrimRight(sanitize.Text(n.Note), "\n")
		if strings.TrimSpace(text) == "" {
			continue
		}
		for _, p := range strings.Split(text, "\n\n") {
			var ls []string
			for _, l := range strings.Split(p, "\n") {
				if strings.TrimSpace(l) != "" {
					ls = append(ls, mdText(l))
				}
			}
			m.lines(ls)
		}
	}
}

// NoteTitle is the full title of the item a reader's note is on: its text
// in the briefing, or the label kept with the note when the item has gone.
func NoteTitle(b *model.Briefing, n NoteEntry) string {
	id := n.Ref.ID
	var t string
	switch n.Ref.Kind {
	case model.KindTheme:
		if x := b.Theme(id); x != nil {
			t = x.Title
		}
	case model.KindPoint:
		if x := b.Point(id); x != nil {
			t = x.Text
		}
	case model.KindEvent:
		if x := b.Event(id); x != nil {
			t = x.When.Label() + ": " + x.Title
		}
	case model.KindActor:
		if x := b.Actor(id); x != nil {
			t = x.Name
		}
	case model.KindTerm:
		if x := b.Term(id); x != nil {
			t = x.Term
		}
	case model.KindSentence:
		if x := b.Sentence(id); x != nil {
			t = x.Text
		}
	}
	switch {
	case t != "" && !n.Orphaned:
		return sanitize.Line(t)
	case n.Label != "":
		return sanitize.Line(n.Label)
	}
	return id
}

// kindName is how a kind of item is called in a handout.
func kindName(k model.RefKind) string {
	switch k {
	case model.KindTerm:
		return "Term"
	case model.KindSentence:
		return "Sentence"
	case model.KindPoint:
		return "Point"
	case model.KindTheme:
		return "Theme"
	case model.KindEvent:
		return "Event"
	case model.KindActor:
		return "Actor"
	}
	return string(k)
}

type mdWriter struct {
	w       io.Writer
	err     error
	speaker bool // write the speaker's notes
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err != nil {
		return
	}
	_, m.err = fmt.Fprintf(m.w, format, args...)
}

// lines writes one paragraph of lines separated by hard line breaks (a
// backslash at the end of a line; never after the last, where CommonMark
// would show it).
func (m *mdWriter) lines(ls []string) {
	if len(ls) > 0 {
		m.printf("%s\n\n", strings.Join(ls, "\\\n"))
	}
}

// notesMD are the speaker's notes as lines, when the handout has them.
func (m *mdWriter) notesMD(ns []string) []string {
	if !m.speaker {
		return nil
	}
	var out []string
	for _, n := range ns {
		out = append(out, "*Speaker note:* "+mdText(n))
	}
	return out
}

func (m *mdWriter) para(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	for _, p := range strings.Split(sanitize.Text(s), "\n\n") {
		if strings.TrimSpace(p) != "" {
			m.printf("%s\n\n", mdText(p))
		}
	}
}

func (m *mdWriter) quotes(qs []model.Quote) {
	for _, q := range qs {
		cite := ""
		if len(q.Sentences) > 0 {
			cite = " (" + mdText(strings.Join(q.Sentences, ", ")) + ")"
		}
		// The block quotation is the outer quotation: quotations inside
		// it take single marks.
		m.printf("> %s%s\n\n", mdText(model.QuoteWithin(q.Text)), cite)
	}
}

// mdText makes s one line of Markdown text that renders as s: sanitised,
// with every character that could open markup escaped. Backslash escapes
// are what CommonMark defines for ASCII punctuation; "&" is escaped so an
// entity reference in the text stays literal.
func mdText(s string) string {
	s = sanitize.Line(s)
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			sb.WriteByte('\\')
		case '#', '+', '-', '=':
			// Significant only where a line (here: the string) starts.
			if i == 0 {
				sb.WriteByte('\\')
			}
		case '.', ')':
			// "1." or "1)" at the start makes an ordered list.
			if isDigits(s[:i]) && i > 0 {
				sb.WriteByte('\\')
			}
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// mdCell is mdText for a table cell (mdText already escapes "|").
func mdCell(s string) string { return mdText(s) }

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
