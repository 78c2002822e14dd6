// Package draft writes a first briefing from a plain article: the metadata,
// a timeline from the dated expressions in the text, actors from the names
// it uses, glossary entries from the acronyms it spells out, and the article
// itself sentence by sentence, ready to quote. The draft passes brief check
// as it is; the author curates it from there.
package draft

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/brief-cli/brief/model"
)

// Options say what the article alone cannot.
type Options struct {
	// ArticlePath is written as "article:", relative to where the draft
	// is saved.
	ArticlePath string
	// Subject is what actors' stances are toward; empty leaves a TODO.
	Subject string
	// Published is used when the article has no date line.
	Published string
}

// SubjectTODO marks a subject still to be written.
const SubjectTODO = "TODO what the actors' stances are toward"

// Draft is what New found, before it is written out.
type Draft struct {
	Title     string
	Published string
	Skip      []Skipped
	Themes    []ThemeDraft
	Events    []EventDraft
	Actors    []ActorDraft
	Terms     []TermDraft
	briefing  *model.Briefing
	sentences []*model.Sentence
	skipped   map[string]bool // sentence ids left out: captions, bylines, subheadings
	sameText  map[string]int  // how many sentences read exactly so
}

// Skipped is a paragraph, or a sentence, that looks like a caption, a
// byline or a subheading.
type Skipped struct {
	Paragraph string // its id: a paragraph's (p3) or a sentence's (p3.s2)
	Why       string
}

// ThemeDraft is a run of paragraphs on one topic, with a point for each of
// its sentences.
type ThemeDraft struct {
	Title  string
	Points []PointDraft
}

// PointDraft is one sentence of the article and the claim drafted from it.
type PointDraft struct {
	Text     string // the claim: the sentence's main clause
	Sentence string // the id of the sentence it quotes whole
}

// EventDraft is one date of the timeline with the clauses that give it.
type EventDraft struct {
	When      string // EDTF
	Phrase    string
	Kind      string
	Title     string   // the first clause without its date phrase
	Sentences []string // ids
	Quotes    []Quote  // the clause around the date, one per sentence
	Planned   bool     // starts after the publication date, or looks ahead
}

// Quote is a piece of one sentence of the article.
type Quote struct {
	Text     string
	Sentence string // id
}

// Analyse reads an article and finds what a draft holds. name is used in
// errors.
func Analyse(name string, data []byte, opts Options) (*Draft, error) {
	b, err := model.Parse(name, data, nil)
	if err != nil {
		return nil, err
	}
	if b.ArticleFile != "" || len(b.Themes)+len(b.Timeline)+len(b.Actors)+len(b.Glossary) > 0 {
		return nil, fmt.Errorf("%s: already a briefing; brief new takes a plain article", name)
	}
	d := &Draft{Title: b.Source.Title, briefing: b, sentences: b.Sentences(), skipped: map[string]bool{}}
	pub := b.Source.Published
	switch {
	case opts.Published != "":
		t, err := parsePublished(opts.Published)
		if err != nil {
			return nil, err
		}
		pub, d.Published = t, opts.Published
	case pub.IsZero():
		return nil, fmt.Errorf("%s: the article has no date line (\"- YYYY-MM-DD\" under the title); give --published", name)
	default:
		d.Published = b.Source.PublishedString()
	}
	if d.Title == "" {
		return nil, errors.New(name + ": the article has no title line")
	}
	d.findSkips()
	var body []*model.Sentence // what the themes quote
	for _, s := range d.sentences {
		if !d.skipped[s.ID] {
			body = append(body, s)
		}
	}
	d.findEvents(body, pub)
	var texts, bodyTexts []string
	for _, s := range d.sentences {
		texts = append(texts, s.Text)
	}
	for _, s := range body {
		bodyTexts = append(bodyTexts, s.Text)
	}
	d.Terms = FindTerms(texts)
	var paras []string
	for _, p := range b.Source.Paragraphs {
		var text []string
		for _, s := range p.Sentences {
			text = append(text, s.Text)
		}
		paras = append(paras, strings.Join(text, " "))
	}
	credits := Credits(paras) // the publisher and the agencies it credits are not actors
	dated := make([]bool, len(body))
	inBody := map[string]int{}
	for i, s := range body {
		inBody[s.ID] = i
	}
	for _, e := range d.Events {
		for _, id := range e.Sentences {
			dated[inBody[id]] = true
		}
	}
	d.Actors = dropTermActors(findActors(bodyTexts, credits, dated), d.Terms)
	known := map[string]bool{}
	for _, a := range d.Actors {
		known[a.Name] = true
		for _, al := range a.Aliases {
			known[al] = true
		}
	}
	for _, t := range d.Terms {
		known[t.Acronym] = true
	}
	for _, m := range media() {
		known[strings.ReplaceAll(m, "_", " ")] = true
	}
	for _, c := range credits {
		known[c] = true
	}
	for _, t := range FindBareTerms(bodyTexts, known) {
		t.Sentence = slices.Index(d.sentences, body[t.Sentence])
		d.Terms = append(d.Terms, t)
	}
	d.findThemes(body)
	d.recount(data)
	return d, nil
}

// findSkips marks the paragraphs that look like captions, bylines or
// subheadings, and the sentences of other paragraphs that are captions or
// credits ("FILE - …", "(AP Photo/…)").
func (d *Draft) findSkips() {
	paras := d.briefing.Source.Paragraphs
	if len(paras) < 2 {
		return
	}
	for _, p := range paras {
		var text []string
		for _, s := range p.Sentences {
			text = append(text, s.Text)
		}
		if why, ok := LikelySkip(strings.Join(text, " ")); ok {
			d.Skip = append(d.Skip, Skipped{p.ID, why})
			for _, s := range p.Sentences {
				d.skipped[s.ID] = true
			}
			continue
		}
		for _, s := range p.Sentences {
			if len(p.Sentences) > 1 && captionSentence(s.Text) {
				d.Skip = append(d.Skip, Skipped{s.ID, "caption"})
				d.skipped[s.ID] = true
			}
		}
	}
}

// findEvents makes one event per date the body gives, quoting the clause
// around the date in each sentence that gives it.
func (d *Draft) findEvents(body []*model.Sentence, pub time.Time) {
	byWhen := map[string]int{}
	for bi, s := range body {
		prev := ""
		if bi > 0 {
			prev = body[bi-1].Text
		}
		fs := FindDates(s.Text, pub)
		for i, f := range fs {
			if baseline(s.Text, f.Start) {
				continue // "down from 93 percent a decade ago": a measure then, not an event
			}
			w := f.When.String()
			k, ok := byWhen[w]
			if !ok {
				k = len(d.Events)
				byWhen[w] = k
				e := EventDraft{When: w, Phrase: f.Phrase, Kind: f.Kind, Planned: f.Planned}
				if st, ok := f.When.Start(); ok && st.After(pub) {
					e.Planned = true
				}
				d.Events = append(d.Events, e)
			}
			e := &d.Events[k]
			if n := len(e.Sentences); n > 0 && e.Sentences[n-1] == s.ID {
				continue
			}
			cs, ce, title := eventFor(s.Text, fs, i)
			title = resolvePronoun(title, s.Text[max(0, cs-300):cs], prev)
			if e.Title == "" {
				e.Title = title
				if d.repeats(k) {
					// "voted on Tuesday to close the harbour from 2028":
					// the later date is what the vote is to do.
					if t, at, ok := infinitiveTitle(maskDates(s.Text, fs, i), f.Start); ok {
						e.Title = t
						if at > cs && at < f.Start {
							cs = at // "to close its old harbour … from 2028"
						}
					}
				}
			}
			e.Sentences = append(e.Sentences, s.ID)
			e.Quotes = append(e.Quotes, Quote{s.Text[cs:ce], s.ID})
		}
	}
	// No two events share a title: the date phrase tells them apart.
	key := func(t string) string { return strings.ToLower(strings.TrimSuffix(t, " …")) }
	count := map[string]int{}
	for _, e := range d.Events {
		count[key(e.Title)]++
	}
	used := map[string]bool{}
	for i := range d.Events {
		e := &d.Events[i]
		e.Title = orElse(e.Title, orElse(headingText(e.Phrase), "Event "+e.When))
		if count[key(e.Title)] > 1 {
			e.Title = strings.TrimSuffix(e.Title, " …") + " (" + oneLine(e.Phrase) + ")"
		}
		t := e.Title
		for n := 2; used[key(t)]; n++ {
			t = fmt.Sprintf("%s (%d)", e.Title, n)
		}
		e.Title = t
		used[key(t)] = true
	}
}

// repeats reports whether event k's title repeats an earlier event's
// words wholesale.
func (d *Draft) repeats(k int) bool {
	for j := range k {
		if overlaps(d.Events[j].Title, d.Events[k].Title) {
			return true
		}
	}
	return false
}

// findThemes divides the body into three to eight themes by topic, each
// sentence a point.
func (d *Draft) findThemes(body []*model.Sentence) {
	if len(body) == 0 {
		return
	}
	// Units are paragraphs; an article of few paragraphs is divided by its
	// sentences.
	var units [][]*model.Sentence
	for _, s := range body {
		if n := len(units); n > 0 && units[n-1][0].Paragraph == s.Paragraph {
			units[n-1] = append(units[n-1], s)
		} else {
			units = append(units, []*model.Sentence{s})
		}
	}
	if len(units) < 6 {
		units = units[:0]
		for _, s := range body {
			units = append(units, []*model.Sentence{s})
		}
	}
	texts := make([]string, len(units))
	for i, u := range units {
		var t []string
		for _, s := range u {
			t = append(t, s.Text)
		}
		texts[i] = strings.Join(t, " ")
	}
	starts := segmentGrouped(units, texts)
	all := phraseCounts(texts)
	taken := map[string]bool{}
	for k, st := range starts {
		end := len(units)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		own := phraseCounts(texts[st:end])
		other := map[string]int{}
		for p, n := range all {
			other[p] = n - own[p]
		}
		title := themeTitle(texts[st:end], other, taken)
		if title == "" {
			title = shortTitle(mainClause(units[st][0].Text), 6)
		}
		title = orElse(title, fmt.Sprintf("Theme %d", k+1))
		taken[strings.ToLower(title)] = true
		th := ThemeDraft{Title: title}
		for _, u := range units[st:end] {
			for _, s := range u {
				text := orElse(mainClause(s.Text), headingText(shorten(s.Text, 15)))
				text = orElse(text, "Sentence "+s.ID)
				th.Points = append(th.Points, PointDraft{Text: text, Sentence: s.ID})
			}
		}
		d.Themes = append(d.Themes, th)
	}
}

// recount gives the actors the mention counts the briefing will show,
// where overlapping names go to the longest ("South Sudan" is not also
// Sudan), by loading the draft; actors left with none are dropped.
func (d *Draft) recount(article []byte) {
	text := d.Write(Options{ArticlePath: "article.txt"})
	b, err := model.Parse("draft.brief.md", []byte(text), func(string) ([]byte, error) { return article, nil })
	if err != nil || len(b.Actors) != len(d.Actors) {
		return // keep the plain counts
	}
	var kept []ActorDraft
	for i, a := range b.Actors {
		if n := len(a.Mentions); n > 0 {
			d.Actors[i].Mentions = n
			kept = append(kept, d.Actors[i])
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].Mentions > kept[j].Mentions })
	d.Actors = kept
}

// bodies are words in the expansion of an acronym that make it an actor
// (an agency, a party) rather than a thing (a chemical, a corridor).
var bodies = []string{"Organization", "Organisation", "Programme", "Program", "Administration", "Agency", "Survey",
	"Council", "Union", "Fund", "Bank", "Forum", "Ministry", "Committee", "Commission", "Office", "Party", "Front",
	"Army", "Institute", "Association", "Authority", "Service", "Department", "Alliance", "Movement", "Court", "Group"}

// dropTermActors leaves out of the actors the acronyms the glossary spells
// out as things, not bodies ("CFCs"), with their singular or plural.
func dropTermActors(actors []ActorDraft, terms []TermDraft) []ActorDraft {
	things := map[string]bool{}
	for _, t := range terms {
		body := false
		for _, w := range strings.Fields(t.Expansion) {
			body = body || slices.Contains(bodies, w)
		}
		if !body {
			a := strings.TrimSuffix(t.Acronym, "s")
			things[a], things[a+"s"] = true, true
		}
	}
	var out []ActorDraft
	for _, a := range actors {
		if !things[a.Name] || !a.Guessed {
			out = append(out, a)
		}
	}
	return out
}

func parsePublished(s string) (time.Time, error) {
	for _, layout := range []string{time.DateTime, "2006-01-02 15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--published %q: expected YYYY-MM-DD, optionally with hh:mm or hh:mm:ss", s)
}

// Write lays the draft out as a brief/1 file. Every item it drafts carries
// "- draft: yes", which the author deletes on review.
func (d *Draft) Write(opts Options) string {
	var w strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&w, format+"\n", args...) }
	subject := opts.Subject
	if subject == "" {
		subject = SubjectTODO
	}
	line("---")
	line("format: %s", model.FormatVersion)
	line("title: %s", d.Title)
	line("subject: %s", oneLine(subject))
	line("source: %s", d.Title)
	line("published: %s", d.Published)
	line("article: %s", opts.ArticlePath)
	if len(d.Skip) > 0 {
		var ids []string
		for _, s := range d.Skip {
			ids = append(ids, s.Paragraph)
		}
		line("skip: %s", strings.Join(ids, ", "))
	}
	line("---")
	line("")
	line("<!-- A draft by brief new. Every item marked \"- draft: yes\" is a first guess:")
	line("     themes by topic, a point for every sentence, events with the clause around")
	line("     their date, actors with a kind, terms to define. Merge, cut, retitle and")
	line("     move; write the subject, the stances and the definitions; delete the")
	line("     \"- draft: yes\" line of each item you have reviewed.")
	for _, s := range d.Skip {
		line("     skip: %s looks like a %s, so it is left out of coverage.", s.Paragraph, s.Why)
	}
	line("     brief check --strict says how many drafted items remain. -->")

	ids := map[string]bool{}
	claim := func(base string) string {
		stem := model.Slug(base)
		if stem == "" {
			stem = "item" // a name with no Latin letters
		}
		id := stem
		for n := 2; ids[id]; n++ {
			id = fmt.Sprintf("%s-%d", stem, n)
		}
		ids[id] = true
		return id
	}
	actorIDs := map[string]string{} // name → id
	for _, a := range d.Actors {
		actorIDs[a.Name] = claim(a.Name)
	}
	themeIDs := make([]string, len(d.Themes))
	for i, t := range d.Themes {
		themeIDs[i] = claim("t " + t.Title)
	}
	themeOf := map[string]string{} // sentence id → theme id
	for i, t := range d.Themes {
		for _, p := range t.Points {
			themeOf[p.Sentence] = themeIDs[i]
		}
	}
	eventIDs := make([]string, len(d.Events))
	eventsOf := map[string][]string{} // sentence id → event ids
	for i, e := range d.Events {
		eventIDs[i] = claim("e " + e.Title)
		for _, s := range e.Sentences {
			eventsOf[s] = append(eventsOf[s], eventIDs[i])
		}
	}
	if d.sameText == nil {
		d.sameText = map[string]int{}
		for _, s := range d.sentences {
			d.sameText[s.Text]++
		}
	}
	body := d.briefing.Source.Body
	quote := func(text, at string) {
		line("")
		line("> %s", text)
		// The article holds it more than once: a sentence repeated, or a
		// shorter quote found elsewhere too. (A whole sentence that also
		// occurs inside a longer one is left to brief check's warning:
		// looking for it costs a scan of the article per sentence.)
		twice := d.sameText[text] > 1
		if !twice && d.sameText[text] == 0 {
			i := strings.Index(body, text)
			twice = i >= 0 && strings.Contains(body[i+1:], text)
		}
		if twice {
			line("- at: %s", at)
		}
	}

	for i, t := range d.Themes {
		line("")
		line("# Theme: %s {#%s}", t.Title, themeIDs[i])
		line("")
		line("- draft: yes")
		for _, p := range t.Points {
			line("")
			line("## %s {#%s}", p.Text, claim(p.Text))
			quote(d.briefing.Sentence(p.Sentence).Text, p.Sentence)
			line("")
			if as := d.actorsIn([]string{p.Sentence}, actorIDs); len(as) > 0 {
				line("- actors: %s", strings.Join(as, ", "))
			}
			if es := eventsOf[p.Sentence]; len(es) > 0 {
				line("- events: %s", strings.Join(es, ", "))
			}
			line("- draft: yes")
		}
	}

	if len(d.Events) > 0 {
		line("")
		line("# Timeline")
		for i, e := range d.Events {
			line("")
			line("## %s {#%s}", e.Title, eventIDs[i])
			line("")
			line("- when: %s", e.When)
			line("- phrase: %s", oneLine(e.Phrase))
			if e.Planned {
				line("- status: planned")
			}
			var themes []string
			for _, s := range e.Sentences {
				if t := themeOf[s]; t != "" && !slices.Contains(themes, t) {
					themes = append(themes, t)
				}
			}
			if len(themes) > 0 {
				line("- themes: %s", strings.Join(themes, ", "))
			}
			if as := d.actorsIn(e.Sentences, actorIDs); len(as) > 0 {
				line("- actors: %s", strings.Join(as, ", "))
			}
			line("- draft: yes")
			for _, q := range e.Quotes {
				quote(q.Text, q.Sentence)
			}
		}
	}
	if len(d.Actors) > 0 {
		line("")
		line("# Actors")
		for _, a := range d.Actors {
			line("")
			line("## %s {#%s}", a.Name, actorIDs[a.Name])
			line("")
			if len(a.Aliases) > 0 {
				line("- aliases: %s", strings.Join(a.Aliases, ", "))
			}
			line("- kind: %s", a.Kind)
			line("- stance: TODO")
			named := times(a.Mentions) + " in the article"
			if a.AnaphorCount > 0 {
				// "the board" names the body too, though the briefing's
				// mention scan counts only its name and aliases.
				part := fmt.Sprint(a.AnaphorCount)
				if a.AnaphorCount == 1 {
					part = "one"
				}
				named = fmt.Sprintf("%s in the article, %s of them as “%s”", times(a.Mentions+a.AnaphorCount), part, a.Anaphor)
			}
			if a.Guessed {
				line("- note: named %s; kind guessed", named)
			} else {
				line("- note: named %s", named)
			}
			line("- draft: yes")
		}
	}
	if len(d.Terms) > 0 {
		line("")
		line("# Glossary")
		for _, t := range d.Terms {
			line("")
			if t.Expansion != "" {
				line("## %s {#%s}", t.Expansion, claim("g "+t.Acronym))
				line("")
				line("- aliases: %s", t.Acronym)
			} else {
				line("## %s {#%s}", t.Acronym, claim("g "+t.Acronym))
				line("")
				line("- note: the article does not spell it out")
			}
			line("- draft: yes")
			line("")
			line("TODO define it in your words.")
			s := d.sentences[t.Sentence]
			quote(s.Text, s.ID)
		}
	}
	return w.String()
}

// actorsIn lists the ids of the drafted actors named in the sentences.
func (d *Draft) actorsIn(sentences []string, ids map[string]string) []string {
	var out []string
	for _, a := range d.Actors {
		for _, id := range sentences {
			s := d.briefing.Sentence(id).Text
			if countWords([]string{s}, a.Name) > 0 || anyWord(s, a.Aliases) {
				out = append(out, ids[a.Name])
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func anyWord(s string, names []string) bool {
	for _, n := range names {
		if countWords([]string{s}, n) > 0 {
			return true
		}
	}
	return false
}

// orElse is s, or fallback when s has no letter or digit to read.
func orElse(s, fallback string) string {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return fallback
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
