package export

import (
	"encoding/json"
	"io"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/date"
)

// The JSON export mirrors the model with stable field names; its schema is
// docs/briefing.schema.json. Slices are never null, so consumers can iterate
// without checks.

type jsonBriefing struct {
	Format    string      `json:"format"`
	Title     string      `json:"title"`
	Subject   string      `json:"subject,omitempty"`
	Skip      []string    `json:"skip,omitempty"`
	Source    jsonSource  `json:"source"`
	Themes    []jsonTheme `json:"themes"`
	Timeline  []jsonEvent `json:"timeline"`
	Actors    []jsonActor `json:"actors"`
	Glossary  []jsonTerm  `json:"glossary"`
	Questions []string    `json:"questions"`
	Deck      []jsonDeck  `json:"deck,omitempty"`
}

type jsonSource struct {
	Title      string          `json:"title"`
	Author     string          `json:"author,omitempty"`
	Publisher  string          `json:"publisher,omitempty"`
	URL        string          `json:"url,omitempty"`
	Published  string          `json:"published"`
	Paragraphs []jsonParagraph `json:"paragraphs"`
}

type jsonParagraph struct {
	ID        string         `json:"id"`
	Sentences []jsonSentence `json:"sentences"`
}

type jsonSentence struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type jsonQuote struct {
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
}

type jsonTheme struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Summary string      `json:"summary"`
	Notes   []string    `json:"notes"`
	Points  []jsonPoint `json:"points"`
	// Draft marks an item brief new drafted and nobody has reviewed yet.
	Draft bool `json:"draft,omitempty"`
}

type jsonPoint struct {
	ID     string      `json:"id"`
	Text   string      `json:"text"`
	Detail string      `json:"detail,omitempty"`
	Quotes []jsonQuote `json:"quotes"`
	Notes  []string    `json:"notes"`
	Actors []string    `json:"actors"`
	Events []string    `json:"events"`
	Draft  bool        `json:"draft,omitempty"`
}

type jsonEvent struct {
	ID          string `json:"id"`
	When        string `json:"when"`
	Label       string `json:"label"`
	Phrase      string `json:"phrase,omitempty"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Precision   string `json:"precision"`
	Approximate bool   `json:"approximate"`
	Uncertain   bool   `json:"uncertain"`
	// Ends qualifies each end on its own: c. 2005 – 2025 is approximate at
	// its start only.
	Ends   jsonEnds `json:"ends"`
	Part   string   `json:"part,omitempty"`
	Status string   `json:"status,omitempty"`
	// Order is the event's place (1-based) in the reading order every
	// view uses (docs/format.md), which is also the array's order.
	Order       int         `json:"order"`
	Title       string      `json:"title"`
	Description string      `json:"description,omitempty"`
	Quotes      []jsonQuote `json:"quotes"`
	Themes      []string    `json:"themes"`
	Actors      []string    `json:"actors"`
	Notes       []string    `json:"notes"`
	Draft       bool        `json:"draft,omitempty"`
}

type jsonEnds struct {
	Start jsonEnd `json:"start"`
	End   jsonEnd `json:"end"`
}

type jsonEnd struct {
	Approximate bool `json:"approximate"`
	Uncertain   bool `json:"uncertain"`
	Open        bool `json:"open,omitempty"`
}

// timelineJSON is the timeline as data, in the one reading order every view
// follows (by start, an open start placed by its end; docs/format.md), each
// event carrying its place in that order.
func timelineJSON(events []*model.Event) []jsonEvent {
	out := make([]jsonEvent, 0, len(events))
	for i, e := range events {
		j := eventJSON(e)
		j.Order = i + 1
		out = append(out, j)
	}
	return out
}

func eventJSON(e *model.Event) jsonEvent {
	return jsonEvent{ID: e.ID, When: e.When.String(), Label: e.When.Label(), Phrase: e.Phrase,
		Start: e.When.StartISO(), End: e.When.EndISO(), Precision: e.When.Precision().String(), Approximate: e.When.Approximate(),
		Uncertain: e.When.Uncertain(), Ends: endsJSON(e.When), Part: partJSON(e.When), Status: e.Status,
		Title: e.Title, Description: e.Description, Quotes: quotesJSON(e.Quotes), Themes: nonNil(e.Themes),
		Actors: nonNil(e.Actors), Notes: nonNil(e.Notes), Draft: e.Draft}
}

func endsJSON(d date.Date) jsonEnds {
	from, to := d.Ends()
	one := func(p date.Point) jsonEnd {
		return jsonEnd{Approximate: p.Approximate, Uncertain: p.Uncertain, Open: p.Open}
	}
	return jsonEnds{Start: one(from), End: one(to)}
}

// partJSON names the part of the period a date's start narrows to.
func partJSON(d date.Date) string {
	from, _ := d.Ends()
	return [...]string{"", "early", "mid", "late"}[from.Part]
}

type jsonActor struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Aliases     []string      `json:"aliases"`
	Kind        string        `json:"kind"`
	Stance      string        `json:"stance"`
	Description string        `json:"description,omitempty"`
	Quotes      []jsonQuote   `json:"quotes"`
	Mentions    []jsonMention `json:"mentions"`
	Draft       bool          `json:"draft,omitempty"`
}

type jsonMention struct {
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

type jsonTerm struct {
	ID         string      `json:"id"`
	Term       string      `json:"term"`
	Aliases    []string    `json:"aliases"`
	Definition string      `json:"definition"`
	Quotes     []jsonQuote `json:"quotes"`
	Draft      bool        `json:"draft,omitempty"`
}

type jsonDeck struct {
	Kind   string   `json:"kind"`
	Target string   `json:"target,omitempty"`
	Points []string `json:"points,omitempty"`
	Reveal bool     `json:"reveal,omitempty"`
	Notes  []string `json:"notes,omitempty"`
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func quotesJSON(qs []model.Quote) []jsonQuote {
	out := []jsonQuote{}
	for _, q := range qs {
		out = append(out, jsonQuote{Text: q.Text, Sentences: nonNil(q.Sentences)})
	}
	return out
}

// JSON writes the whole parsed model as indented JSON.
func JSON(w io.Writer, b *model.Briefing) error {
	out := jsonBriefing{
		Format: b.Format, Title: b.Title, Subject: b.Subject, Skip: b.Skip,
		Source: jsonSource{Title: b.Source.Title, Author: b.Source.Author, Publisher: b.Source.Publisher, URL: b.Source.URL,
			Published: b.Source.PublishedString(), Paragraphs: []jsonParagraph{}},
		Themes: []jsonTheme{}, Timeline: []jsonEvent{}, Actors: []jsonActor{}, Glossary: []jsonTerm{},
		Questions: nonNil(b.Questions),
	}
	for _, p := range b.Source.Paragraphs {
		jp := jsonParagraph{ID: p.ID, Sentences: []jsonSentence{}}
		for _, s := range p.Sentences {
			jp.Sentences = append(jp.Sentences, jsonSentence{ID: s.ID, Text: s.Text})
		}
		out.Source.Paragraphs = append(out.Source.Paragraphs, jp)
	}
	for _, t := range b.Themes {
		jt := jsonTheme{ID: t.ID, Title: t.Title, Summary: t.Summary, Notes: nonNil(t.Notes), Points: []jsonPoint{}, Draft: t.Draft}
		for _, p := range t.Points {
			jt.Points = append(jt.Points, jsonPoint{ID: p.ID, Text: p.Text, Detail: p.Detail, Quotes: quotesJSON(p.Quotes),
				Notes: nonNil(p.Notes), Actors: nonNil(p.Actors), Events: nonNil(p.Events), Draft: p.Draft})
		}
		out.Themes = append(out.Themes, jt)
	}
	out.Timeline = timelineJSON(b.Timeline)
	for _, a := range b.Actors {
		ja := jsonActor{ID: a.ID, Name: a.Name, Aliases: nonNil(a.Aliases), Kind: a.Kind, Stance: a.Stance,
			Description: a.Description, Quotes: quotesJSON(a.Quotes), Mentions: []jsonMention{}, Draft: a.Draft}
		for _, m := range a.Mentions {
			ja.Mentions = append(ja.Mentions, jsonMention{Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text})
		}
		out.Actors = append(out.Actors, ja)
	}
	for _, t := range b.Glossary {
		out.Glossary = append(out.Glossary, jsonTerm{ID: t.ID, Term: t.Term, Aliases: nonNil(t.Aliases), Definition: t.Definition, Quotes: quotesJSON(t.Quotes), Draft: t.Draft})
	}
	for _, d := range b.Deck {
		out.Deck = append(out.Deck, jsonDeck{Kind: d.Kind, Target: d.Target, Points: d.Points, Reveal: d.Reveal, Notes: d.Notes})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
