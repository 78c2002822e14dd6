package explore

import (
	"fmt"
	"slices"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// detailBuilder lays out the rows of the detail pane for one item at a
// width.
type detailBuilder struct {
	b     *model.Briefing
	study *studySnap
	w     int
	rows  []drow
	links []dlink
}

func (d *detailBuilder) add(text string, st rowStyle) {
	d.rows = append(d.rows, drow{text: text, style: st, link: -1})
}

func (d *detailBuilder) para(text string, st rowStyle, indent string) {
	for _, l := range wrap(text, d.w, indent) {
		d.add(l, st)
	}
}

func (d *detailBuilder) blank() {
	if n := len(d.rows); n > 0 && d.rows[n-1].text != "" {
		d.add("", rowPlain)
	}
}

func (d *detailBuilder) heading(s string) {
	d.blank()
	d.para(s, rowHeading, "")
}

// linked adds text as a link to r, wrapped with a hanging indent.
func (d *detailBuilder) linked(text string, r model.Ref, st rowStyle, first, rest string) {
	li := len(d.links)
	start := len(d.rows)
	for i, l := range wrap(text, d.w-max(len([]rune(first)), len([]rune(rest))), "") {
		p := rest
		if i == 0 {
			p = first
		}
		d.rows = append(d.rows, drow{text: p + l, style: st, link: li})
	}
	d.links = append(d.links, dlink{first: start, last: len(d.rows) - 1, ref: r})
}

func (d *detailBuilder) quotes(qs []model.Quote) {
	if len(qs) == 0 {
		return
	}
	d.heading("Quotes")
	for _, q := range qs {
		ref := model.Ref{Kind: model.KindSentence}
		if len(q.Sentences) > 0 {
			ref.ID = q.Sentences[0]
		}
		d.linked("“"+q.Text+"” ["+strings.Join(q.Sentences, " ")+"]", ref, rowQuote, "  ", "   ")
	}
}

func (d *detailBuilder) actors(ids []string) {
	if len(ids) == 0 {
		return
	}
	d.heading("Actors")
	for _, id := range ids {
		if a := d.b.Actor(id); a != nil {
			d.linked(a.Name+" — "+a.Kind, model.Ref{Kind: model.KindActor, ID: id}, rowLink, "  ", "    ")
		}
	}
}

func (d *detailBuilder) events(ids []string) {
	if len(ids) == 0 {
		return
	}
	d.heading("Events")
	for _, id := range ids {
		if e := d.b.Event(id); e != nil {
			d.linked(e.When.Label()+"  "+e.Title, model.Ref{Kind: model.KindEvent, ID: id}, rowLink, "  ", "    ")
		}
	}
}

func (d *detailBuilder) notes(ns []string) {
	if len(ns) == 0 {
		return
	}
	d.heading("Notes")
	for _, n := range ns {
		for i, l := range wrap(n, d.w-4, "") {
			p := "    "
			if i == 0 {
				p = "  • "
			}
			d.add(p+l, rowPlain)
		}
	}
}

func (d *detailBuilder) cited(r model.Ref) {
	ids := sentencesOf(d.b, r)
	if len(ids) == 0 {
		return
	}
	d.blank()
	d.para("Cited sentences: "+strings.Join(ids, " ")+"  (s: show in source)", rowDim, "")
}

func (d *detailBuilder) item(r model.Ref) {
	b := d.b
	switch r.Kind {
	case model.KindPoint:
		p := b.Point(r.ID)
		if p == nil {
			return
		}
		th := ""
		if t := b.Theme(p.Theme); t != nil {
			th = " · " + t.Title
		}
		d.para("Point"+th, rowDim, "")
		d.para(p.Text, rowTitle, "")
		if p.Detail != "" {
			d.blank()
			d.para(p.Detail, rowPlain, "")
		}
		d.quotes(p.Quotes)
		d.actors(p.Actors)
		d.events(p.Events)
		d.notes(p.Notes)
		d.cited(r)
	case model.KindTheme:
		d.theme(r)
	case model.KindEvent:
		d.event(r)
	case model.KindActor:
		d.actor(r)
	case model.KindTerm:
		t := b.Term(r.ID)
		if t == nil {
			return
		}
		d.add("Glossary term", rowDim)
		d.para(t.Term, rowTitle, "")
		if len(t.Aliases) > 0 {
			d.para("Also: "+strings.Join(t.Aliases, ", "), rowDim, "")
		}
		d.blank()
		d.para(t.Definition, rowPlain, "")
		d.quotes(t.Quotes)
		d.notes(t.Notes)
		d.cited(r)
	case model.KindSentence:
		d.sentence(r)
	case kindSection:
		d.section(r.ID)
	}
	d.studyRows(r)
}

// studyRows puts the reader's bookmark and note on an item right under its
// title, where they are seen first.
func (d *detailBuilder) studyRows(r model.Ref) {
	f := d.study.flags(r)
	if f&(markBookmark|markNote) == 0 {
		return
	}
	at := -1
	for i, row := range d.rows {
		if row.style == rowTitle || r.Kind == model.KindSentence && row.style == rowQuote {
			at = i
			for at+1 < len(d.rows) && d.rows[at+1].style == row.style {
				at++
			}
			break
		}
	}
	if at < 0 {
		return
	}
	var extra []drow
	add := func(text string, st rowStyle) { extra = append(extra, drow{text: text, style: st, link: -1}) }
	add("", rowPlain)
	if f&markBookmark != 0 {
		add("★ Bookmarked", rowHeading)
	}
	if note, ok := d.study.note(r); ok {
		add("✎ Your note (n edits)", rowHeading)
		for _, l := range strings.Split(note, "\n") {
			l = sanitize.Line(l)
			if strings.TrimSpace(l) == "" {
				add("", rowPlain)
				continue
			}
			for _, w := range wrap(l, d.w, "  ") {
				add(w, rowPlain)
			}
		}
	}
	d.rows = slices.Insert(d.rows, at+1, extra...)
	for i := range d.links {
		if d.links[i].first > at {
			d.links[i].first += len(extra)
			d.links[i].last += len(extra)
		}
	}
}

func (d *detailBuilder) theme(r model.Ref) {
	t := d.b.Theme(r.ID)
	if t == nil {
		return
	}
	d.add("Theme", rowDim)
	d.para(t.Title, rowTitle, "")
	if t.Summary != "" {
		d.blank()
		d.para(t.Summary, rowPlain, "")
	}
	d.heading("Points")
	for _, p := range t.Points {
		d.linked(p.Text, model.Ref{Kind: model.KindPoint, ID: p.ID}, rowLink, "  ", "  ")
	}
	d.notes(t.Notes)
}

func (d *detailBuilder) event(r model.Ref) {
	e := d.b.Event(r.ID)
	if e == nil {
		return
	}
	when := e.When.Label()
	if e.Phrase != "" {
		when += " (“" + e.Phrase + "”)"
	}
	if e.Status != "" {
		when += " · " + e.Status
	}
	d.para("Event · "+when, rowDim, "")
	d.para(e.Title, rowTitle, "")
	if e.Description != "" {
		d.blank()
		d.para(e.Description, rowPlain, "")
	}
	d.quotes(e.Quotes)
	if len(e.Themes) > 0 {
		d.heading("Themes")
		for _, id := range e.Themes {
			if t := d.b.Theme(id); t != nil {
				d.linked(t.Title, model.Ref{Kind: model.KindTheme, ID: id}, rowLink, "  ", "    ")
			}
		}
	}
	d.actors(e.Actors)
	d.notes(e.Notes)
	d.cited(r)
}

func (d *detailBuilder) actor(r model.Ref) {
	a := d.b.Actor(r.ID)
	if a == nil {
		return
	}
	d.para("Actor · "+a.Kind, rowDim, "")
	d.para(a.Name, rowTitle, "")
	if len(a.Aliases) > 0 {
		d.para("Also: "+strings.Join(a.Aliases, ", "), rowDim, "")
	}
	if a.Stance != "" {
		d.heading(stanceHeading(d.b))
		d.para(a.Stance, rowPlain, "")
	}
	if a.Description != "" {
		d.blank()
		d.para(a.Description, rowPlain, "")
	}
	d.quotes(a.Quotes)
	if len(a.Mentions) > 0 {
		d.heading(fmt.Sprintf("Mentions (%d)", len(a.Mentions)))
		for _, mn := range a.Mentions {
			if s := d.b.Sentence(mn.Sentence); s != nil {
				d.linked(mn.Sentence+"  "+s.Text, model.Ref{Kind: model.KindSentence, ID: s.ID}, rowLink, "  ", "    ")
			}
		}
	}
	d.notes(a.Notes)
}

func (d *detailBuilder) sentence(r model.Ref) {
	s := d.b.Sentence(r.ID)
	if s == nil {
		return
	}
	d.add("Source sentence "+s.ID, rowDim)
	d.para(s.Text, rowQuote, "")
	refs := d.b.CitedBy(s.ID)
	d.heading(fmt.Sprintf("Cited by (%d)", len(refs)))
	for _, c := range refs {
		d.linked(kindLabel(c.Kind)+": "+title(d.b, c), c, rowLink, "  ", "    ")
	}
}

func (d *detailBuilder) section(id string) {
	b := d.b
	d.add("Section", rowDim)
	d.add(sectionTitle(id)+sectionCount(b, id), rowTitle)
	d.blank()
	switch id {
	case secTimeline:
		d.para("Enter or t opens the timeline with its axis.", rowDim, "")
		d.blank()
		for _, e := range b.Timeline {
			d.linked(e.When.Label()+"  "+e.Title, model.Ref{Kind: model.KindEvent, ID: e.ID}, rowLink, "", "  ")
		}
	case secActors:
		d.para("Enter or a opens the actors table.", rowDim, "")
		d.blank()
		for _, a := range b.Actors {
			d.linked(a.Name, model.Ref{Kind: model.KindActor, ID: a.ID}, rowLink, "", "  ")
		}
	case secGlossary:
		d.para("Enter or g opens the glossary.", rowDim, "")
		d.blank()
		for _, t := range b.Glossary {
			d.linked(t.Term, model.Ref{Kind: model.KindTerm, ID: t.ID}, rowLink, "", "  ")
		}
	case secNotes:
		d.para("Enter or N opens your notes and bookmarks; m bookmarks the selected item, n writes a note on it.", rowDim, "")
		if d.study == nil {
			return
		}
		d.blank()
		if len(d.study.entries) == 0 {
			d.para("No notes or bookmarks yet.", rowDim, "")
		}
		for _, e := range d.study.entries {
			f := d.study.flags(e.Ref)
			d.linked(markCells(f)+kindLabel(e.Ref.Kind)+": "+title(b, e.Ref), e.Ref, rowLink, "", "     ")
		}
		if n := len(d.study.orphans); n > 0 {
			d.blank()
			d.para(fmt.Sprintf("%d on items no longer in the briefing (N lists them).", n), rowDim, "")
		}
	case secSource:
		src := b.Source
		d.para(src.Title, rowQuote, "")
		if src.Author != "" {
			d.para(src.Author, rowPlain, "")
		}
		if src.Publisher != "" {
			d.para(src.Publisher, rowPlain, "")
		}
		if src.URL != "" {
			d.para(src.URL, rowDim, "")
		}
		// The date at the article's precision, as the citation gives it:
		// a reader cites a day, not a clock time.
		if day := src.PublishedDate(); day != "" {
			d.para("Published "+day, rowPlain, "")
		}
		d.blank()
		d.para(fmt.Sprintf("%d paragraphs, %d sentences. Enter focuses the source; there, enter on a sentence lists what cites it.", len(src.Paragraphs), len(b.Sentences())), rowDim, "")
	}
}

// stanceHeading names what stances are toward, from the briefing's
// "subject:"; a briefing that does not say gets a plain "Stance".
func stanceHeading(b *model.Briefing) string {
	if b.Subject == "" || strings.HasPrefix(b.Subject, "TODO") {
		return "Stance" // none given, or a draft's placeholder
	}
	return "Stance toward " + b.Subject
}
