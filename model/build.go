package model

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/brief-cli/brief/model/date"
	"github.com/brief-cli/brief/model/sanitize"
)

var metaKeys = []string{"format", "title", "subject", "source", "author", "publisher", "url", "published", "article", "skip"}

// itemFields lists the fields each kind of item takes; repeatable ones are
// marked with a trailing "*".
var itemFields = map[string][]string{
	"theme": {"draft", "note*"},
	"point": {"actors", "events", "draft", "note*"},
	"event": {"when", "phrase", "status", "themes", "actors", "draft", "note*"},
	"actor": {"aliases", "kind", "stance", "draft", "note*"},
	"term":  {"aliases", "draft", "note*"},
	"deck":  {"points", "reveal", "note*"},
}

// ref is a reference written in a list field, checked once every id is known.
type ref struct {
	id   string
	kind RefKind
	pos  Pos
	from string
}

type builder struct {
	*parser
	b    *Briefing
	ids  map[string]Pos
	refs []ref
	// readArticle reads the article file named in the metadata.
	readArticle func(name string) ([]byte, error)
	articleFile string
	// articleLines are the lines of the article file, for warnHidden.
	articleLines []string
	// fixes, when set, collects quotes to rewrite (see parseWith).
	fixes *[]Fix
}

func (bd *builder) build() {
	b := bd.b
	meta := bd.metadata()
	bd.source(meta)

	for _, sec := range bd.secs {
		switch sec.kind {
		case secTheme:
			bd.theme(sec)
		case secTimeline:
			bd.noHeadContent(sec, "Timeline")
			for _, it := range sec.items {
				bd.event(it)
			}
		case secActors:
			bd.noHeadContent(sec, "Actors")
			for _, it := range sec.items {
				bd.actor(it)
			}
		case secGlossary:
			bd.noHeadContent(sec, "Glossary")
			for _, it := range sec.items {
				bd.term(it)
			}
		case secQuestions:
			bd.questions(sec)
		case secDeck:
			bd.noHeadContent(sec, "Deck")
			for _, it := range sec.items {
				bd.deckEntry(it)
			}
		}
	}
	bd.checkRefs()
	bd.skip(meta)
	if len(bd.errs) > 0 {
		return
	}
	sort.SliceStable(b.Timeline, func(i, j int) bool { return date.Compare(b.Timeline[i].When, b.Timeline[j].When) < 0 })
	b.index()
	b.findMentions()
	bd.warnActors()
	bd.warnDeck()
	bd.warnHidden(bd.file, bd.lines)
	if bd.articleFile != "" {
		bd.warnHidden(filepath.Join(filepath.Dir(bd.file), filepath.FromSlash(bd.articleFile)), bd.articleLines)
	}
}

func (bd *builder) metadata() map[string]field {
	meta := map[string]field{}
	for _, f := range bd.meta {
		if !slices.Contains(metaKeys, f.key) {
			bd.errorf(f.pos, "unknown metadata key %q (known: %s)", f.key, strings.Join(metaKeys, ", "))
			continue
		}
		if prev, dup := meta[f.key]; dup {
			bd.errorf(f.pos, "metadata key %q given twice (first at line %d)", f.key, prev.pos.Line)
			continue
		}
		if f.value == "" {
			bd.errorf(f.valPos, "metadata key %q has no value", f.key)
		}
		meta[f.key] = f
	}
	first := Pos{1, 1}
	if len(bd.meta) > 0 {
		first = bd.meta[0].pos
	}
	if f, ok := meta["format"]; !ok {
		bd.errorf(first, "missing metadata key \"format\" (format: %s)", FormatVersion)
	} else if f.value != FormatVersion && f.value != "" {
		bd.errorf(f.valPos, "unsupported format %q: this version of brief reads %s", f.value, FormatVersion)
	}
	if _, ok := meta["title"]; !ok {
		bd.errorf(first, "missing metadata key \"title\"")
	}
	bd.b.Format = FormatVersion
	bd.b.Title = sanitize.Line(meta["title"].value)
	bd.b.Subject = sanitize.Line(meta["subject"].value)
	bd.b.Source.Author = sanitize.Line(meta["author"].value)
	bd.b.Source.Publisher = sanitize.Line(meta["publisher"].value)
	bd.b.Source.URL = sanitize.Line(meta["url"].value)
	return meta
}

func (bd *builder) source(meta map[string]field) {
	var art *Article
	af, hasFile := meta["article"]
	var srcSec *section
	for _, s := range bd.secs {
		if s.kind == secSource {
			srcSec = s
		}
	}
	switch {
	case hasFile && srcSec != nil:
		bd.errorf(srcSec.head.pos, "the article is given twice: by \"article:\" (line %d) and by this # Source section", af.pos.Line)
		return
	case hasFile && af.value != "":
		bd.articleFile = af.value
		bd.b.ArticleFile = af.value
		if bd.readArticle == nil {
			bd.errorf(af.valPos, "cannot read article %q here", af.value)
			return
		}
		data, err := bd.readArticle(af.value)
		if err != nil {
			bd.errorf(af.valPos, "cannot read article %q: %v", af.value, unwrapPathError(err))
			return
		}
		text, errs := Decode(af.value, data)
		if len(errs) > 0 {
			bd.errs = append(bd.errs, errs...)
			return
		}
		bd.articleLines = strings.Split(text, "\n")
		var perrs ErrorList
		art, perrs = ParseArticle(af.value, text)
		if len(perrs) > 0 {
			bd.errs = append(bd.errs, perrs...)
			return
		}
	case srcSec != nil:
		art = &Article{Paragraphs: splitParagraphs(bd.sourceLines)}
		if len(art.Paragraphs) == 0 {
			bd.errorf(srcSec.head.pos, "the # Source section is empty")
			return
		}
	default:
		first := Pos{1, 1}
		if len(bd.meta) > 0 {
			first = bd.meta[0].pos
		}
		bd.errorf(first, "no article: give \"article: FILE\" in the metadata or a # Source section")
		return
	}
	for i, p := range art.Paragraphs {
		art.Paragraphs[i] = cleanParagraph(p)
	}
	title := sanitize.Line(art.Title)
	if f, ok := meta["source"]; ok {
		title = sanitize.Line(f.value)
	} else if title == "" {
		bd.errorf(Pos{1, 1}, "missing metadata key \"source\" (the article's title)")
	}
	src := buildSource(title, art.Paragraphs)
	src.Author, src.Publisher, src.URL = bd.b.Source.Author, bd.b.Source.Publisher, bd.b.Source.URL
	if f, ok := meta["published"]; ok && f.value != "" {
		t, hasTime, err := parseDateTime(f.value)
		if err != nil {
			bd.errorf(f.valPos, "%v", err)
		}
		src.Published, src.PublishedHasTime = t, hasTime
	} else if art.HasDate {
		src.Published, src.PublishedHasTime = art.Published, art.HasTime
	} else if !ok {
		bd.errorf(Pos{1, 1}, "missing metadata key \"published\" (YYYY-MM-DD or YYYY-MM-DD hh:mm:ss)")
	}
	bd.b.Source = src
}

func (bd *builder) noHeadContent(sec *section, name string) {
	h := sec.head
	if len(h.fields) > 0 {
		bd.errorf(h.fields[0].pos, "field outside an item: put it under a ## heading in # %s", name)
	}
	if len(h.quotes) > 0 {
		bd.errorf(h.quotes[0].pos, "quote outside an item: put it under a ## heading in # %s", name)
	}
	if len(h.paras) > 0 {
		bd.errorf(Pos{h.pos.Line + 1, 1}, "text outside an item: put it under a ## heading in # %s", name)
	}
	if h.idGiven {
		bd.errorf(h.pos, "# %s takes no {#id}", name)
	}
}

// claim registers an item's id, reporting duplicates.
func (bd *builder) claim(blk *block) string {
	if blk.id == "" {
		bd.errorf(blk.pos, "cannot make an id from %q: add {#id}", blk.heading)
		return ""
	}
	if prev, dup := bd.ids[blk.id]; dup {
		hint := ""
		if !blk.idGiven {
			hint = "; add {#id} to tell them apart"
		}
		bd.errorf(blk.pos, "duplicate id %q (first used at line %d)%s", blk.id, prev.Line, hint)
		return blk.id
	}
	bd.ids[blk.id] = blk.pos
	return blk.id
}

// fields checks an item's fields against what its kind takes and returns
// them by key.
func (bd *builder) fields(blk *block, kind string) map[string][]field {
	allowed := itemFields[kind]
	out := map[string][]field{}
	for _, f := range blk.fields {
		repeat := slices.Contains(allowed, f.key+"*")
		if f.key == "at" {
			bd.errorf(f.pos, "\"- at:\" picks an occurrence of a quote: put it on the line right under the quote")
			continue
		}
		if !repeat && !slices.Contains(allowed, f.key) {
			names := make([]string, len(allowed))
			for i, a := range allowed {
				names[i] = strings.TrimSuffix(a, "*")
			}
			bd.errorf(f.pos, "unknown field %q for a %s (known: %s)", f.key, kind, strings.Join(names, ", "))
			continue
		}
		if prev := out[f.key]; len(prev) > 0 && !repeat {
			bd.errorf(f.pos, "field %q given twice (first at line %d)", f.key, prev[0].pos.Line)
			continue
		}
		if f.value == "" {
			bd.errorf(f.valPos, "field %q has no value", f.key)
			continue
		}
		out[f.key] = append(out[f.key], f)
	}
	return out
}

func (bd *builder) required(blk *block, fs map[string][]field, key, kind string) string {
	if len(fs[key]) == 0 {
		bd.errorf(blk.pos, "%s %q has no %q field", kind, blk.heading, key)
		return ""
	}
	return fs[key][0].value
}

// drafted reads the "- draft: yes" marker `brief new` puts on every item it
// drafts; the author deletes the line on review.
func (bd *builder) drafted(fs map[string][]field) bool {
	f := fs["draft"]
	if len(f) == 0 {
		return false
	}
	if f[0].value != "yes" {
		bd.errorf(f[0].valPos, "draft takes only \"yes\" (a drafted item); delete the line once the item is reviewed")
	}
	return true
}

func notes(fs map[string][]field) []string {
	var out []string
	for _, f := range fs["note"] {
		out = append(out, sanitize.Text(f.value))
	}
	return out
}

// list splits a comma-separated field into values with their positions.
func list(f field) ([]string, []Pos) {
	var vals []string
	var poss []Pos
	off := 0
	for _, part := range strings.Split(f.value, ",") {
		lead := len(part) - len(strings.TrimLeft(part, " \t"))
		if v := strings.TrimSpace(part); v != "" {
			vals = append(vals, v)
			poss = append(poss, Pos{f.valPos.Line, f.valPos.Col + len([]rune(f.value[:off+lead]))})
		}
		off += len(part) + 1
	}
	return vals, poss
}

func (bd *builder) refList(fs map[string][]field, key string, kind RefKind, from string) []string {
	if len(fs[key]) == 0 {
		return nil
	}
	vals, poss := list(fs[key][0])
	for i, v := range vals {
		bd.refs = append(bd.refs, ref{id: v, kind: kind, pos: poss[i], from: from})
	}
	return vals
}

func (bd *builder) quotes(blk *block) []Quote {
	var out []Quote
	for _, rq := range blk.quotes {
		q, ok := bd.resolve(rq)
		if ok {
			out = append(out, q)
		}
	}
	return out
}

func paragraphs(blk *block) string {
	ps := make([]string, len(blk.paras))
	for i, p := range blk.paras {
		ps[i] = sanitize.Text(p)
	}
	return strings.Join(ps, "\n\n")
}

func (bd *builder) theme(sec *section) {
	h := sec.head
	t := &Theme{ID: bd.claim(h), Title: sanitize.Line(h.heading), Summary: paragraphs(h), Pos: h.pos}
	fs := bd.fields(h, "theme")
	t.Notes = notes(fs)
	t.Draft = bd.drafted(fs)
	if len(h.quotes) > 0 {
		bd.errorf(h.quotes[0].pos, "a theme's quotes belong to its points: put this quote under a ## point")
	}
	for _, it := range sec.items {
		pfs := bd.fields(it, "point")
		pt := &Point{ID: bd.claim(it), Theme: t.ID, Text: sanitize.Line(it.heading), Detail: paragraphs(it), Pos: it.pos}
		pt.Notes = notes(pfs)
		pt.Draft = bd.drafted(pfs)
		pt.Actors = bd.refList(pfs, "actors", KindActor, pt.ID)
		pt.Events = bd.refList(pfs, "events", KindEvent, pt.ID)
		pt.Quotes = bd.quotes(it)
		if len(it.quotes) == 0 {
			bd.errorf(it.pos, "point %q cites no quote: add a > line from the article", it.heading)
		}
		t.Points = append(t.Points, pt)
	}
	bd.b.Themes = append(bd.b.Themes, t)
}

func (bd *builder) event(it *block) {
	fs := bd.fields(it, "event")
	e := &Event{ID: bd.claim(it), Title: sanitize.Line(it.heading), Description: paragraphs(it), Pos: it.pos}
	if w := bd.required(it, fs, "when", "event"); w != "" {
		f := fs["when"][0]
		d, err := date.Parse(w)
		if err != nil {
			pos := f.valPos
			if de, ok := err.(*date.Error); ok {
				pos.Col += de.Offset
			}
			bd.errorf(pos, "invalid date %q: %v; %s", w, err, DateForms)
		}
		e.When = d
	}
	if len(fs["phrase"]) > 0 {
		e.Phrase = sanitize.Line(fs["phrase"][0].value)
	}
	if f := fs["status"]; len(f) > 0 {
		if !slices.Contains(EventStatuses, f[0].value) {
			bd.errorf(f[0].valPos, "unknown status %q (known: %s)", f[0].value, strings.Join(EventStatuses, ", "))
		}
		e.Status = f[0].value
	}
	e.Themes = bd.refList(fs, "themes", KindTheme, e.ID)
	e.Actors = bd.refList(fs, "actors", KindActor, e.ID)
	e.Notes = notes(fs)
	e.Draft = bd.drafted(fs)
	e.Quotes = bd.quotes(it)
	bd.b.Timeline = append(bd.b.Timeline, e)
}

func (bd *builder) actor(it *block) {
	fs := bd.fields(it, "actor")
	a := &Actor{ID: bd.claim(it), Name: sanitize.Line(it.heading), Description: paragraphs(it), Pos: it.pos}
	if k := bd.required(it, fs, "kind", "actor"); k != "" {
		if !slices.Contains(ActorKinds, k) {
			bd.errorf(fs["kind"][0].valPos, "unknown actor kind %q (known: %s)", k, strings.Join(ActorKinds, ", "))
		}
		a.Kind = k
	}
	a.Stance = sanitize.Line(bd.required(it, fs, "stance", "actor"))
	if len(fs["aliases"]) > 0 {
		vals, _ := list(fs["aliases"][0])
		for _, v := range vals {
			a.Aliases = append(a.Aliases, sanitize.Line(v))
		}
	}
	a.Notes = notes(fs)
	a.Draft = bd.drafted(fs)
	a.Quotes = bd.quotes(it)
	bd.b.Actors = append(bd.b.Actors, a)
}

func (bd *builder) term(it *block) {
	fs := bd.fields(it, "term")
	t := &Term{ID: bd.claim(it), Term: sanitize.Line(it.heading), Definition: paragraphs(it), Pos: it.pos}
	if t.Definition == "" {
		bd.errorf(it.pos, "glossary term %q has no definition: write it as a paragraph under the heading", it.heading)
	}
	if len(fs["aliases"]) > 0 {
		vals, _ := list(fs["aliases"][0])
		for _, v := range vals {
			t.Aliases = append(t.Aliases, sanitize.Line(v))
		}
	}
	t.Notes = notes(fs)
	t.Draft = bd.drafted(fs)
	t.Quotes = bd.quotes(it)
	bd.b.Glossary = append(bd.b.Glossary, t)
}

func (bd *builder) questions(sec *section) {
	h := sec.head
	if len(h.fields) > 0 || len(h.quotes) > 0 || len(h.paras) > 0 {
		bd.errorf(Pos{h.pos.Line + 1, 1}, "# Questions holds list items only")
	}
	for _, q := range h.items {
		bd.b.Questions = append(bd.b.Questions, sanitize.Line(q))
	}
}

var deckKinds = []string{"title", "agenda", "theme", "timeline", "actors", "glossary", "questions", "closing", "text"}

func (bd *builder) deckEntry(it *block) {
	fs := bd.fields(it, "deck")
	kind, target, _ := strings.Cut(strings.TrimSpace(it.heading), " ")
	kind = strings.ToLower(kind)
	target = strings.TrimSpace(target)
	d := DeckEntry{Kind: kind, Target: target, Body: paragraphs(it), Notes: notes(fs), Pos: it.pos}
	switch {
	case !slices.Contains(deckKinds, kind):
		bd.errorf(it.pos, "unknown slide %q (known: %s)", kind, strings.Join(deckKinds, ", "))
	case kind == "theme":
		if target == "" {
			bd.errorf(it.pos, "\"theme\" slide needs a theme id: ## theme security")
		} else {
			bd.refs = append(bd.refs, ref{id: target, kind: KindTheme, pos: Pos{it.pos.Line, it.pos.Col + 6}, from: "deck"})
		}
	case kind == "text":
		if target == "" {
			bd.errorf(it.pos, "\"text\" slide needs a title: ## text Why this matters")
		}
		d.Target = sanitize.Line(target)
	case target != "":
		bd.errorf(it.pos, "%q slide takes nothing after its name", kind)
	}
	if f := fs["points"]; len(f) > 0 {
		if kind != "theme" {
			bd.errorf(f[0].pos, "\"points\" applies to theme slides only")
		}
		d.Points = bd.refList(fs, "points", KindPoint, "deck")
	}
	if f := fs["reveal"]; len(f) > 0 {
		switch strings.ToLower(f[0].value) {
		case "yes", "true", "stepwise":
			d.Reveal = true
		case "no", "false", "all":
		default:
			bd.errorf(f[0].valPos, "reveal is yes or no, not %q", f[0].value)
		}
	}
	if len(it.quotes) > 0 {
		bd.errorf(it.quotes[0].pos, "slides take no quotes; cite in the points instead")
	}
	bd.b.Deck = append(bd.b.Deck, d)
}

func (bd *builder) checkRefs() {
	kinds := map[string]RefKind{}
	for _, t := range bd.b.Themes {
		kinds[t.ID] = KindTheme
		for _, p := range t.Points {
			kinds[p.ID] = KindPoint
		}
	}
	for _, e := range bd.b.Timeline {
		kinds[e.ID] = KindEvent
	}
	for _, a := range bd.b.Actors {
		kinds[a.ID] = KindActor
	}
	for _, r := range bd.refs {
		k, ok := kinds[r.id]
		switch {
		case !ok && r.kind == KindActor && bd.actorNamed(r.id) != nil:
			a := bd.actorNamed(r.id)
			bd.errorf(r.pos, "unknown actor %q: that is the name of actor %q; list actors by their ids (actors: %s)", r.id, a.ID, a.ID)
		case !ok:
			bd.errorf(r.pos, "unknown %s %q%s", r.kind, r.id, didYouMean(r.id, idsOf(kinds, r.kind)))
		case k != r.kind:
			bd.errorf(r.pos, "%q is a %s, not a %s%s", r.id, k, r.kind, didYouMean(r.id, idsOf(kinds, r.kind)))
		}
	}
}

// skip reads the "skip:" metadata: paragraphs and sentences (captions,
// subheadings) that coverage leaves out.
func (bd *builder) skip(meta map[string]field) {
	f, ok := meta["skip"]
	if !ok || f.value == "" || bd.b.Source.Body == "" {
		return
	}
	vals, poss := list(f)
	for i, v := range vals {
		switch {
		case bd.b.paragraph(v) != nil:
		case bd.b.Sentence(v) != nil:
		default:
			bd.errorf(poss[i], "skip: %q is not a paragraph (pN) or sentence (pN.sM) of the article%s", v, didYouMean(v, bd.b.sourceIDs()))
			continue
		}
		bd.b.Skip = append(bd.b.Skip, v)
	}
}

// idsOf lists the ids of one kind, sorted, so a suggestion does not depend
// on the map's order.
func idsOf(kinds map[string]RefKind, kind RefKind) []string {
	var ids []string
	for id, k := range kinds {
		if k == kind {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func unwrapPathError(err error) error {
	type unwrapper interface{ Unwrap() error }
	if u, ok := err.(unwrapper); ok && u.Unwrap() != nil {
		return u.Unwrap()
	}
	return err
}

var _ = fmt.Sprintf

// DateForms lists the forms an event's "when" takes, for error messages.
const DateForms = "accepted forms: 2016, 2021-08, 2025-07-19, 198X (a decade), 19XX (a century), 2017-37/-38/-39 (early, mid, late), " +
	"any of these with ~ (approximate) or ? (uncertain), and intervals 2021-08/2025-07, 2021-08/.. and ../1989"

// actorNamed returns the actor whose name or alias is name, ignoring case,
// or nil: an author who lists actors by name rather than by id.
func (bd *builder) actorNamed(name string) *Actor {
	for _, a := range bd.b.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if strings.EqualFold(n, name) {
				return a
			}
		}
	}
	return nil
}
