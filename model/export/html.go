package export

import (
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// htmlSource is the page. Colours are a light theme that prints well; the
// print styles drop the contents and backgrounds and keep items whole.
const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="brief">
<title>{{line .B.Title}}</title>
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
<header>
<h1>{{line .B.Title}}</h1>
<dl class="meta">
{{- with .Citation}}<dt>Source</dt><dd class="citation">{{line .}}</dd>{{end}}
<dt>Holds</dt><dd>{{.Summary}}</dd>
</dl>
</header>
<nav aria-label="Contents">
<ol>
{{- range $i, $t := .B.Themes}}
<li><a href="#{{$t.ID}}">{{line $t.Title}}</a></li>
{{- end}}
{{- if .B.Timeline}}<li><a href="#timeline">Timeline</a></li>{{end}}
{{- if .B.Actors}}<li><a href="#actors">Actors</a></li>{{end}}
{{- if .B.Glossary}}<li><a href="#glossary">Glossary</a></li>{{end}}
{{- if .B.Questions}}<li><a href="#questions">Questions</a></li>{{end}}
{{- if .Notes}}<li><a href="#your-notes">Your notes</a></li>{{end}}
{{- if .B.Source.Paragraphs}}<li><a href="#article">The article</a></li>{{end}}
</ol>
</nav>
<main>
{{- range $i, $t := .B.Themes}}
<section class="theme" id="{{$t.ID}}">
<h2>{{inc $i}}. {{line $t.Title}}</h2>
{{- range paras $t.Summary}}
<p class="summary">{{.}}</p>
{{- end}}
{{- if $.Speaker}}{{range $t.Notes}}
<p class="note">{{line .}}</p>
{{- end}}{{end}}
{{- range $t.Points}}
<article class="point" id="{{.ID}}">
<h3>{{line .Text}}</h3>
{{- range paras .Detail}}
<p>{{.}}</p>
{{- end}}
{{- template "quotes" .Quotes}}
{{- if .Actors}}
<p class="label">Actors: {{range $j, $a := .Actors}}{{if $j}}, {{end}}{{with call $.Actor $a}}<a href="#{{.ID}}">{{line .Name}}</a>{{else}}{{$a}}{{end}}{{end}}</p>
{{- end}}
{{- if .Events}}
<p class="label">Timeline: {{range $j, $e := .Events}}{{if $j}}; {{end}}{{with call $.Event $e}}<a href="#{{.ID}}">{{line .When.Label}}: {{line .Title}}</a>{{else}}{{$e}}{{end}}{{end}}</p>
{{- end}}
{{- if $.Speaker}}{{range .Notes}}
<p class="note">{{line .}}</p>
{{- end}}{{end}}
</article>
{{- end}}
</section>
{{- end}}
{{- if .B.Timeline}}
<section id="timeline">
<h2>Timeline</h2>
{{.TimelineSVG}}
<table>
<thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">In the article’s words</th></tr></thead>
<tbody>
{{- range .B.Timeline}}
<tr id="{{.ID}}"><td class="when">{{line .When.Label}}</td><td>{{line .Title}}
{{- range paras .Description}}<br><span class="label">{{.}}</span>{{end}}
{{- template "quotes" .Quotes}}
{{- if $.Speaker}}{{range .Notes}}<p class="note">{{line .}}</p>{{end}}{{end}}</td><td>{{with .Phrase}}{{quoted .}}{{end}}</td></tr>
{{- end}}
</tbody>
</table>
</section>
{{- end}}
{{- if .B.Actors}}
<section id="actors">
<h2>Actors</h2>
{{- range .B.Actors}}
<div class="actor" id="{{.ID}}">
<h3>{{line .Name}}{{with .Kind}}<span class="kind">{{line .}}</span>{{end}}</h3>
{{- if .Aliases}}
<p class="label">Also: {{range $j, $a := .Aliases}}{{if $j}}, {{end}}{{line $a}}{{end}}</p>
{{- end}}
{{- with .Stance}}
<p><strong>Stance:</strong> {{line .}}</p>
{{- end}}
{{- range paras .Description}}
<p>{{.}}</p>
{{- end}}
{{- template "quotes" .Quotes}}
{{- if $.Speaker}}{{range .Notes}}
<p class="note">{{line .}}</p>
{{- end}}{{end}}
</div>
{{- end}}
</section>
{{- end}}
{{- if .B.Glossary}}
<section id="glossary">
<h2>Glossary</h2>
<dl class="glossary">
{{- range .B.Glossary}}
<dt id="{{.ID}}">{{line .Term}}{{if .Aliases}} <span class="label">(also {{range $j, $a := .Aliases}}{{if $j}}, {{end}}{{line $a}}{{end}})</span>{{end}}</dt>
<dd>{{range paras .Definition}}<p>{{.}}</p>{{end}}
{{- template "quotes" .Quotes}}
{{- if $.Speaker}}{{range .Notes}}<p class="note">{{line .}}</p>{{end}}{{end}}</dd>
{{- end}}
</dl>
</section>
{{- end}}
{{- if .B.Questions}}
<section id="questions">
<h2>Questions</h2>
<ol>
{{- range .B.Questions}}
<li>{{line .}}</li>
{{- end}}
</ol>
</section>
{{- end}}
{{- if .Notes}}
<section id="your-notes">
<h2>Your notes</h2>
<nav aria-label="Your notes">
<ol>
{{- range $i, $n := .Notes}}
<li><a href="#note-{{inc $i}}">{{$n.Kind}}: {{$n.Title}}</a></li>
{{- end}}
</ol>
</nav>
{{- range $i, $n := .Notes}}
<article class="reader-note" id="note-{{inc $i}}">
<h3><span class="kind">{{$n.Kind}}</span> {{if $n.Anchor}}<a href="#{{$n.Anchor}}">{{$n.Title}}</a>{{else}}{{$n.Title}}{{end}}</h3>
{{- with $n.Tags}}
<p class="tags">{{.}}</p>
{{- end}}
{{- range paras $n.Text}}
<p>{{range $j, $l := lines .}}{{if $j}}<br>{{end}}{{$l}}{{end}}</p>
{{- end}}
</article>
{{- end}}
</section>
{{- end}}
{{- if .B.Source.Paragraphs}}
<section id="article" class="article">
<h2>The article</h2>
{{- with .B.Source.Title}}
<p><strong>{{line .}}</strong></p>
{{- end}}
{{- range .B.Source.Paragraphs}}
<p id="{{.ID}}"><span class="pid">{{.ID}}</span>
{{- range .Sentences}} <span id="{{anchor .ID}}"{{if call $.Cited .ID}} class="cited"{{end}}>{{line .Text}}</span>{{end}}</p>
{{- end}}
</section>
{{- end}}
</main>
<footer>Made with brief from {{line .B.Title}}.</footer>
</body>
</html>
{{define "quotes"}}
{{- range .}}
<blockquote>{{within .Text}}{{if .Sentences}}<cite>{{range $j, $s := .Sentences}}{{if $j}}, {{end}}<a href="#{{anchor $s}}">{{$s}}</a>{{end}}</cite>{{end}}</blockquote>
{{- end}}
{{- end}}`

// htmlTemplate is parsed on first use, not when the program starts: every
// command would pay for it.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("brief").Funcs(template.FuncMap{
		"clean":  sanitize.Text,
		"line":   sanitize.Line,
		"inc":    func(i int) int { return i + 1 },
		"paras":  htmlParagraphs,
		"anchor": func(id string) string { return "s-" + id },
		"lines":  func(s string) []string { return strings.Split(s, "\n") },
		// Quotations alternate “ ‘ ’ ”: a phrase is set in double marks,
		// the quotations inside it (or inside a block quotation) in single.
		"quoted": func(s string) string { return model.Quoted(sanitize.Line(s)) },
		"within": func(s string) string { return model.QuoteWithin(sanitize.Line(s)) },
	}).Parse(htmlSource))
})

// htmlData is what the template sees: the briefing, and lookups it cannot
// make itself.
type htmlData struct {
	B        *model.Briefing
	Citation string
	Summary  string
	Actor    func(id string) *model.Actor
	Event    func(id string) *model.Event
	// Cited says whether a sentence is cited by anything.
	Cited func(id string) bool
	// Speaker shows the speaker's notes.
	Speaker bool
	// Notes are the reader's notes, ready to show.
	Notes []htmlNote
	// TimelineSVG is the timeline drawn (svg.go).
	TimelineSVG template.HTML
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

// HTML writes the briefing as one self-contained, printable HTML page:
// inline styles (print styles included), no scripts, no external resources.
// It holds the themes with their points and quotes, the timeline, actors,
// glossary, questions and the article, each sentence anchored so quotes link
// to where they come from, without the speaker's notes. All content is
// escaped by html/template.
func HTML(w io.Writer, b *model.Briefing) error {
	return HTMLHandout(w, b, Options{})
}

// HTMLHandout writes the page of HTML with what opts adds: the speaker's
// notes in place, and the reader's notes in a section "Your notes", with
// its own table of contents, before the article.
func HTMLHandout(w io.Writer, b *model.Briefing, opts Options) error {
	return htmlTemplate().Execute(w, htmlData{
		B:           b,
		Citation:    b.Source.Citation(),
		Summary:     b.Summary(),
		Actor:       b.Actor,
		Event:       b.Event,
		Cited:       func(id string) bool { return len(b.CitedBy(id)) > 0 },
		Speaker:     opts.SpeakerNotes,
		Notes:       htmlNotes(b, opts.Notes),
		TimelineSVG: TimelineSVG(b),
	})
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
