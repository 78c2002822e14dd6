package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// The page is written by hand rather than with html/template: the template
// package reaches methods by reflection, which keeps every exported method
// of the program in the binary (about 2.5 MB). Every piece of text goes
// through esc (or href for a link's fragment); only the page's own markup
// and the drawn timeline (svg.go, escaped as it is drawn) are written raw.

// htmlHead is the page up to its title. Colours are a light theme that
// prints well; the print styles drop the contents and backgrounds and keep
// items whole.
const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="brief">
`

// htmlStyle is the rest of the head: the styles.
const htmlStyle = `</title>
<style>
:root { --ink: #1b1b1f; --muted: #55565e; --rule: #d6d6dc; --accent: #1f4e8c; --quote: #f4f5f8; --paper: #ffffff; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1, h2, h3, nav, .meta, table, .label, .kind { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: .92rem; margin: 0 0 1.5rem; }
.meta dt { font-weight: 600; float: left; clear: left; width: 6.5rem; }
.meta dd { margin: 0 0 .15rem 6.5rem; }
nav ol { columns: 2; font-size: .92rem; padding-left: 1.2rem; }
.summary { font-size: 1.02rem; }
.point { margin: 0 0 1.2rem; padding-left: .9rem; border-left: 3px solid var(--rule); }
.point h3 { margin-top: .2rem; }
blockquote { margin: .5rem 0; padding: .45rem .8rem; background: var(--quote); border-left: 3px solid var(--accent); font-style: italic; }
blockquote cite { font-style: normal; font-size: .8rem; color: var(--muted); margin-left: .4rem; font-family: system-ui, sans-serif; }
.label { font-size: .85rem; color: var(--muted); margin: .25rem 0; }
.note { font-size: .9rem; color: var(--muted); margin: .25rem 0; }
.note::before { content: "Speaker note: "; font-weight: 600; }
#your-notes h2 { color: #2e6b3a; border-color: #2e6b3a; }
.reader-note { margin: 0 0 1rem; padding: .4rem .8rem; border-left: 3px solid #2e6b3a; background: #f2f7f2; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
.reader-note h3 { margin: .2rem 0 .3rem; font-size: 1rem; }
.reader-note p { margin: .3rem 0; }
.reader-note .tags { font-size: .8rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid var(--ink); }
td.when { white-space: nowrap; font-weight: 600; }
.kind { font-size: .8rem; color: var(--muted); font-weight: normal; text-transform: uppercase; letter-spacing: .04em; margin-left: .4rem; }
dl.glossary dt { font-weight: 700; margin-top: .8rem; }
dl.glossary dd { margin: .2rem 0 0 1.2rem; }
svg.timeline { display: block; margin: .5rem 0 1rem; }
.article p { margin: 0 0 .8rem; }
.article .pid { font: .75rem system-ui, sans-serif; color: var(--muted); margin-right: .3rem; }
.article .cited { background: #fff4c2; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; color: #000; border-color: #000; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .point, blockquote, tr, dl.glossary dd, .actor, .reader-note, svg.timeline { break-inside: avoid; page-break-inside: avoid; }
  .reader-note { background: none; }
  blockquote { background: none; border-left-color: #000; }
  .article .cited { background: none; text-decoration: underline dotted; }
}
</style>
</head>
<body>
`

// page writes one HTML page. Write errors are kept by the bufio.Writer and
// returned by Flush.
type page struct {
	w       *bufio.Writer
	b       *model.Briefing
	speaker bool
}

// htmlEscaper escapes text for HTML text and quoted attributes, the way
// html/template does.
var htmlEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// raw writes the page's own markup.
func (p *page) raw(ss ...string) {
	for _, s := range ss {
		p.w.WriteString(s)
	}
}

// esc writes text, escaped.
func (p *page) esc(s string) { htmlEscaper.WriteString(p.w, s) }

// line writes text from the briefing as one line: sanitised, then escaped.
func (p *page) line(s string) { p.esc(sanitize.Line(s)) }

// href writes a link to an id on the page: its fragment percent-encoded
// but for letters, digits and -._~, as html/template does.
func (p *page) href(id string) {
	p.raw(`<a href="#`)
	for i := 0; i < len(id); i++ {
		c := id[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			p.w.WriteByte(c)
			continue
		}
		p.w.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)+strconv.FormatUint(uint64(c)&15, 16)))
	}
	p.raw(`">`)
}

// paras writes each paragraph of s as open, the paragraph, close.
func (p *page) paras(s, open, close string) {
	for _, para := range htmlParagraphs(s) {
		p.raw(open)
		p.esc(para)
		p.raw(close)
	}
}

// notes writes the speaker's notes when the page shows them.
func (p *page) notes(ns []string, open string) {
	if !p.speaker {
		return
	}
	for _, n := range ns {
		p.raw(open, `<p class="note">`)
		p.line(n)
		p.raw("</p>")
	}
}

// quotes writes quotes, each linked to the sentences it comes from.
func (p *page) quotes(qs []model.Quote) {
	for _, q := range qs {
		p.raw("\n<blockquote>")
		// A block quotation sets the quotations inside it in single marks.
		p.esc(model.QuoteWithin(sanitize.Line(q.Text)))
		if len(q.Sentences) > 0 {
			p.raw("<cite>")
			for j, s := range q.Sentences {
				if j > 0 {
					p.raw(", ")
				}
				p.href("s-" + s)
				p.esc(s)
				p.raw("</a>")
			}
			p.raw("</cite>")
		}
		p.raw("</blockquote>")
	}
}

// list writes items after label, joined by sep, in a label paragraph.
func (p *page) list(label, sep string, items []string, each func(string)) {
	p.raw("\n", `<p class="label">`, label)
	for j, it := range items {
		if j > 0 {
			p.raw(sep)
		}
		each(it)
	}
	p.raw("</p>")
}

// htmlNote is one of the reader's notes as the page shows it.
type htmlNote struct {
	Kind, Title string
	Anchor      string // the item's id on the page; "" when it has gone
	Tags        string
	Text        string
}

func htmlNotes(b *model.Briefing, ns []NoteEntry) []htmlNote {
	var out []htmlNote
	for _, n := range ns {
		h := htmlNote{Kind: kindName(n.Ref.Kind), Title: NoteTitle(b, n), Text: sanitize.Text(n.Note)}
		var tags []string
		if n.Bookmarked {
			tags = append(tags, "bookmarked")
		}
		if n.Orphaned {
			tags = append(tags, "no longer in the briefing")
		} else if n.Ref.Kind == model.KindSentence {
			h.Anchor = "s-" + n.Ref.ID
		} else if n.Ref.ID != "" {
			h.Anchor = n.Ref.ID
		}
		h.Tags = strings.Join(tags, ", ")
		out = append(out, h)
	}
	return out
}

// HTMLHandout writes the briefing as one self-contained, printable HTML
// page: inline styles (print styles included), no scripts, no external
// resources. It holds the themes with their points and quotes, the
// timeline, actors, glossary, questions and the article, each sentence
// anchored so quotes link to where they come from, and what opts adds: the
// speaker's notes in place (left out by default), and the reader's notes in
// a section "Your notes", with its own table of contents, before the
// article. All content is escaped.
func HTMLHandout(w io.Writer, b *model.Briefing, opts Options) error {
	p := &page{w: bufio.NewWriter(w), b: b, speaker: opts.SpeakerNotes}
	notes := htmlNotes(b, opts.Notes)
	p.raw(htmlHead, "<title>")
	p.line(b.Title)
	p.raw(htmlStyle)
	p.header()
	p.contents(len(notes) > 0)
	p.raw("<main>")
	p.themes()
	p.timeline()
	p.actors()
	p.glossary()
	p.questions()
	p.readerNotes(notes)
	p.article()
	p.raw("\n</main>\n<footer>Made with brief from ")
	p.line(b.Title)
	p.raw(".</footer>\n</body>\n</html>\n")
	return p.w.Flush()
}

func (p *page) header() {
	b := p.b
	p.raw("<header>\n<h1>")
	p.line(b.Title)
	p.raw("</h1>\n", `<dl class="meta">`)
	if c := b.Source.Citation(); c != "" {
		p.raw(`<dt>Source</dt><dd class="citation">`)
		p.line(c)
		p.raw("</dd>")
	}
	p.raw("\n<dt>Holds</dt><dd>")
	p.esc(b.Summary())
	p.raw("</dd>\n</dl>\n</header>\n")
}

func (p *page) contents(notes bool) {
	b := p.b
	p.raw(`<nav aria-label="Contents">`, "\n<ol>")
	for _, t := range b.Themes {
		p.raw("\n<li>")
		p.href(t.ID)
		p.line(t.Title)
		p.raw("</a></li>")
	}
	for _, s := range []struct {
		show     bool
		id, name string
	}{
		{len(b.Timeline) > 0, "timeline", "Timeline"},
		{len(b.Actors) > 0, "actors", "Actors"},
		{len(b.Glossary) > 0, "glossary", "Glossary"},
		{len(b.Questions) > 0, "questions", "Questions"},
		{notes, "your-notes", "Your notes"},
		{len(b.Source.Paragraphs) > 0, "article", "The article"},
	} {
		if s.show {
			p.raw("<li>")
			p.href(s.id)
			p.raw(s.name, "</a></li>")
		}
	}
	p.raw("\n</ol>\n</nav>\n")
}

func (p *page) themes() {
	b := p.b
	for i, t := range b.Themes {
		p.raw("\n", `<section class="theme" id="`)
		p.esc(t.ID)
		p.raw(`">`, "\n<h2>", strconv.Itoa(i+1), ". ")
		p.line(t.Title)
		p.raw("</h2>")
		p.paras(t.Summary, "\n"+`<p class="summary">`, "</p>")
		p.notes(t.Notes, "\n")
		for _, pt := range t.Points {
			p.raw("\n", `<article class="point" id="`)
			p.esc(pt.ID)
			p.raw(`">`, "\n<h3>")
			p.line(pt.Text)
			p.raw("</h3>")
			p.paras(pt.Detail, "\n<p>", "</p>")
			p.quotes(pt.Quotes)
			if len(pt.Actors) > 0 {
				p.list("Actors: ", ", ", pt.Actors, func(id string) {
					if a := b.Actor(id); a != nil {
						p.href(a.ID)
						p.line(a.Name)
						p.raw("</a>")
					} else {
						p.esc(id)
					}
				})
			}
			if len(pt.Events) > 0 {
				p.list("Timeline: ", "; ", pt.Events, func(id string) {
					if e := b.Event(id); e != nil {
						p.href(e.ID)
						p.line(e.When.Label())
						p.raw(": ")
						p.line(e.Title)
						p.raw("</a>")
					} else {
						p.esc(id)
					}
				})
			}
			p.notes(pt.Notes, "\n")
			p.raw("\n</article>")
		}
		p.raw("\n</section>")
	}
}

func (p *page) timeline() {
	b := p.b
	if len(b.Timeline) == 0 {
		return
	}
	p.raw("\n", `<section id="timeline">`, "\n<h2>Timeline</h2>\n", TimelineSVG(b), "\n<table>\n",
		`<thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">In the article’s words</th></tr></thead>`,
		"\n<tbody>")
	for _, e := range b.Timeline {
		p.raw("\n", `<tr id="`)
		p.esc(e.ID)
		p.raw(`"><td class="when">`)
		p.line(e.When.Label())
		p.raw("</td><td>")
		p.line(e.Title)
		p.paras(e.Description, `<br><span class="label">`, "</span>")
		p.quotes(e.Quotes)
		p.notes(e.Notes, "")
		p.raw("</td><td>")
		if e.Phrase != "" {
			// Quotations alternate “ ‘ ’ ”: a phrase is set in double
			// marks, the quotations inside it in single.
			p.esc(model.Quoted(sanitize.Line(e.Phrase)))
		}
		p.raw("</td></tr>")
	}
	p.raw("\n</tbody>\n</table>\n</section>")
}

func (p *page) actors() {
	b := p.b
	if len(b.Actors) == 0 {
		return
	}
	p.raw("\n", `<section id="actors">`, "\n<h2>Actors</h2>")
	for _, a := range b.Actors {
		p.raw("\n", `<div class="actor" id="`)
		p.esc(a.ID)
		p.raw(`">`, "\n<h3>")
		p.line(a.Name)
		if a.Kind != "" {
			p.raw(`<span class="kind">`)
			p.line(a.Kind)
			p.raw("</span>")
		}
		p.raw("</h3>")
		if len(a.Aliases) > 0 {
			p.list("Also: ", ", ", a.Aliases, p.line)
		}
		if a.Stance != "" {
			p.raw("\n<p><strong>Stance:</strong> ")
			p.line(a.Stance)
			p.raw("</p>")
		}
		p.paras(a.Description, "\n<p>", "</p>")
		p.quotes(a.Quotes)
		p.notes(a.Notes, "\n")
		p.raw("\n</div>")
	}
	p.raw("\n</section>")
}

func (p *page) glossary() {
	b := p.b
	if len(b.Glossary) == 0 {
		return
	}
	p.raw("\n", `<section id="glossary">`, "\n<h2>Glossary</h2>\n", `<dl class="glossary">`)
	for _, g := range b.Glossary {
		p.raw("\n", `<dt id="`)
		p.esc(g.ID)
		p.raw(`">`)
		p.line(g.Term)
		if len(g.Aliases) > 0 {
			p.raw(` <span class="label">(also `)
			for j, a := range g.Aliases {
				if j > 0 {
					p.raw(", ")
				}
				p.line(a)
			}
			p.raw(")</span>")
		}
		p.raw("</dt>\n<dd>")
		p.paras(g.Definition, "<p>", "</p>")
		p.quotes(g.Quotes)
		p.notes(g.Notes, "")
		p.raw("</dd>")
	}
	p.raw("\n</dl>\n</section>")
}

func (p *page) questions() {
	b := p.b
	if len(b.Questions) == 0 {
		return
	}
	p.raw("\n", `<section id="questions">`, "\n<h2>Questions</h2>\n<ol>")
	for _, q := range b.Questions {
		p.raw("\n<li>")
		p.line(q)
		p.raw("</li>")
	}
	p.raw("\n</ol>\n</section>")
}

func (p *page) readerNotes(ns []htmlNote) {
	if len(ns) == 0 {
		return
	}
	p.raw("\n", `<section id="your-notes">`, "\n<h2>Your notes</h2>\n", `<nav aria-label="Your notes">`, "\n<ol>")
	for i, n := range ns {
		p.raw("\n<li>")
		p.href("note-" + strconv.Itoa(i+1))
		p.esc(n.Kind)
		p.raw(": ")
		p.esc(n.Title)
		p.raw("</a></li>")
	}
	p.raw("\n</ol>\n</nav>")
	for i, n := range ns {
		p.raw("\n", `<article class="reader-note" id="note-`, strconv.Itoa(i+1), `">`, "\n", `<h3><span class="kind">`)
		p.esc(n.Kind)
		p.raw("</span> ")
		if n.Anchor != "" {
			p.href(n.Anchor)
			p.esc(n.Title)
			p.raw("</a>")
		} else {
			p.esc(n.Title)
		}
		p.raw("</h3>")
		if n.Tags != "" {
			p.raw("\n", `<p class="tags">`)
			p.esc(n.Tags)
			p.raw("</p>")
		}
		for _, para := range htmlParagraphs(n.Text) {
			p.raw("\n<p>")
			for j, l := range strings.Split(para, "\n") {
				if j > 0 {
					p.raw("<br>")
				}
				p.esc(l)
			}
			p.raw("</p>")
		}
		p.raw("\n</article>")
	}
	p.raw("\n</section>")
}

func (p *page) article() {
	b := p.b
	if len(b.Source.Paragraphs) == 0 {
		return
	}
	p.raw("\n", `<section id="article" class="article">`, "\n<h2>The article</h2>")
	if b.Source.Title != "" {
		p.raw("\n<p><strong>")
		p.line(b.Source.Title)
		p.raw("</strong></p>")
	}
	for _, para := range b.Source.Paragraphs {
		p.raw("\n", `<p id="`)
		p.esc(para.ID)
		p.raw(`"><span class="pid">`)
		p.esc(para.ID)
		p.raw("</span>")
		for _, s := range para.Sentences {
			p.raw(` <span id="`)
			p.esc("s-" + s.ID)
			p.raw(`"`)
			if len(b.CitedBy(s.ID)) > 0 {
				p.raw(` class="cited"`)
			}
			p.raw(">")
			p.line(s.Text)
			p.raw("</span>")
		}
		p.raw("</p>")
	}
	p.raw("\n</section>")
}

// htmlParagraphs splits sanitised text at blank lines.
func htmlParagraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(sanitize.Text(s), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
