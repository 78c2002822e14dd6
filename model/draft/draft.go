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
	Events    []EventDraft
	Actors    []ActorDraft
	Terms     []TermDraft
	briefing  *model.Briefing
	sentences []*model.Sentence
}

// Skipped is a paragraph that looks like a caption or subheading.
type Skipped struct {
	Paragraph string // its id
	Why       string
}

// EventDraft is one date of the timeline with the sentences that give it.
type EventDraft struct {
	When      string // EDTF
	Phrase    string
	Kind      string
	Sentences []string // ids
	Planned   bool     // starts after the publication date
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
	d := &Draft{Title: b.Source.Title, briefing: b, sentences: b.Sentences()}
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
	for _, p := range b.Source.Paragraphs {
		var text []string
		for _, s := range p.Sentences {
			text = append(text, s.Text)
		}
		if why, ok := LikelySkip(strings.Join(text, " ")); ok && len(b.Source.Paragraphs) > 1 {
			d.Skip = append(d.Skip, Skipped{p.ID, why})
		}
	}
	skipped := map[string]bool{}
	for _, s := range d.Skip {
		skipped[s.Paragraph] = true
	}
	byWhen := map[string]*EventDraft{}
	var texts []string
	for _, s := range d.sentences {
		texts = append(texts, s.Text)
		if skipped[b.Source.Paragraphs[s.Paragraph].ID] {
			continue
		}
		for _, f := range FindDates(s.Text, pub) {
			w := f.When.String()
			e := byWhen[w]
			if e == nil {
				e = &EventDraft{When: w, Phrase: f.Phrase, Kind: f.Kind}
				if st, ok := f.When.Start(); ok && st.After(pub) {
					e.Planned = true
				}
				byWhen[w] = e
				d.Events = append(d.Events, *e)
			}
			if n := len(e.Sentences); n == 0 || e.Sentences[n-1] != s.ID {
				e.Sentences = append(e.Sentences, s.ID)
			}
		}
	}
	for i := range d.Events {
		d.Events[i] = *byWhen[d.Events[i].When]
	}
	d.Terms = FindTerms(texts)
	d.Actors = dropTermActors(FindActors(texts), d.Terms)
	d.recount(data)
	return d, nil
}

// recount gives the actors the mention counts the briefing will show,
// where overlapping names go to the longest ("Afghan Taliban" is not also
// Afghanistan), by loading the draft; actors left with none are dropped.
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

// New drafts a briefing for the article and returns its text.
func New(name string, data []byte, opts Options) (string, error) {
	d, err := Analyse(name, data, opts)
	if err != nil {
		return "", err
	}
	return d.Write(opts), nil
}

// Write lays the draft out as a brief/1 file.
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
	line("<!-- A draft by brief new. Everything below was found in the article and is")
	line("     there to be cut, merged and reworded: write the subject above, give each")
	line("     event a title in your words, each actor a kind and stance, each term a")
	line("     definition, then add themes with points that quote the article.")
	for _, s := range d.Skip {
		line("     skip: %s looks like a %s, so it is left out of coverage.", s.Paragraph, s.Why)
	}
	line("     brief check --coverage lists the sentences nothing cites yet. -->")

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

	if len(d.Events) > 0 {
		line("")
		line("# Timeline")
		for _, e := range d.Events {
			first := d.briefing.Sentence(e.Sentences[0])
			line("")
			line("## %s {#%s}", headline(first.Text, e.Phrase), claim("e "+e.Phrase))
			line("")
			line("- when: %s", e.When)
			line("- phrase: %s", e.Phrase)
			if e.Planned {
				line("- status: planned")
			}
			if as := d.actorsIn(e.Sentences, actorIDs); len(as) > 0 {
				line("- actors: %s", strings.Join(as, ", "))
			}
			for _, id := range e.Sentences {
				line("")
				line("> %s", d.briefing.Sentence(id).Text)
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
			if a.Guessed {
				line("- note: named %s in the article; kind guessed", times(a.Mentions))
			} else {
				line("- note: named %s in the article", times(a.Mentions))
			}
		}
	}
	if len(d.Terms) > 0 {
		line("")
		line("# Glossary")
		for _, t := range d.Terms {
			line("")
			line("## %s {#%s}", t.Expansion, claim("g "+t.Acronym))
			line("")
			line("- aliases: %s", t.Acronym)
			line("")
			line("TODO define it in your words.")
			line("")
			line("> %s", d.sentences[t.Sentence].Text)
		}
	}
	line("")
	line("<!-- The article, sentence by sentence: copy a > line under an item to cite it.")
	for _, p := range d.briefing.Source.Paragraphs {
		line("")
		line("%s", p.ID)
		for _, s := range p.Sentences {
			if strings.Contains(s.Text, "-->") {
				line("%s (quote it from the article: it holds the end of a comment)", s.ID)
				continue
			}
			line("%s", s.ID)
			line("> %s", s.Text)
		}
	}
	line("-->")
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

// headline shortens a sentence to a heading: its first words, at most about
// nine, ending at a word.
func headline(s, phrase string) string {
	words := strings.Fields(s)
	const n = 9
	if len(words) > n {
		words = append(words[:n:n], "…")
	}
	h := strings.TrimRight(strings.Join(words, " "), ",;:")
	if h == "" {
		h = phrase
	}
	return strings.ReplaceAll(h, "{#", "{ #")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
