package model

import (
	"strconv"
	"strings"
	"time"
)

// The kinds of slide a deck holds; they are also the names a # Deck section
// uses for its entries.
const (
	SlideTitle     = "title"
	SlideAgenda    = "agenda"
	SlideTheme     = "theme"
	SlideTimeline  = "timeline"
	SlideActors    = "actors"
	SlideGlossary  = "glossary"
	SlideQuestions = "questions"
	SlideClosing   = "closing"
	SlideText      = "text"
)

// Slide is one slide of present mode, as content: what it says, not how it
// is drawn. A renderer lays it out for a terminal size and may split it
// across several screens when it does not fit.
type Slide struct {
	Kind  string
	Title string
	// Subtitle is a line under the title: the source on the title slide, a
	// theme's position in the agenda, the briefing on the closing slide.
	Subtitle string
	// Body holds paragraphs of running text, shown before the items.
	Body []string
	// Items are the bullets of the slide: points, agenda entries, actors
	// with their stance, terms with their definition, questions.
	Items []SlideItem
	// Numbered says the items are a numbered list (questions, agenda).
	Numbered bool
	// Reveal shows the items one at a time: each step shows one more.
	Reveal bool
	// Events are the dated events of a timeline slide, in order. A timeline
	// slide builds up one event per step, as a briefer tells the story.
	Events []*Event
	// Published is the article's publication date, which a timeline slide
	// marks on its axis; zero when unknown.
	Published time.Time
	// Notes are the speaker's notes for the slide; the room never sees them.
	Notes []string
	// Theme is the theme id of a theme slide.
	Theme string
}

// SlideItem is one bullet of a slide. Label, when set, leads the item (an
// actor's name, a glossary term, a date).
type SlideItem struct {
	Label string
	Text  string
}

// Steps is how many presses of "next" the slide takes before the deck moves
// on: one per item when the items are revealed one at a time, else one.
func (s Slide) Steps() int {
	if s.Reveal && s.Kind == SlideTimeline && len(s.Events) > 1 {
		return len(s.Events)
	}
	if s.Reveal && len(s.Items) > 1 {
		return len(s.Items)
	}
	return 1
}

// BuildDeck derives the slides of present mode from a briefing. A briefing
// with a # Deck section gets exactly the slides listed there, in that order;
// otherwise the deck is title, agenda, one slide per theme, timeline, actors,
// glossary, questions and closing, leaving out the slides that would be empty.
func BuildDeck(b *Briefing) []Slide {
	if b == nil {
		return nil
	}
	entries := b.Deck
	if len(entries) == 0 {
		entries = defaultDeck(b)
	}
	themes := deckThemes(b, entries)
	var deck []Slide
	for _, e := range entries {
		s, ok := buildSlide(b, e, themes)
		if !ok {
			continue
		}
		s.Notes = append(append([]string(nil), e.Notes...), s.Notes...)
		deck = append(deck, s)
	}
	return deck
}

// defaultDeck lists the entries of the deck a briefing gets when it has no
// # Deck section.
func defaultDeck(b *Briefing) []DeckEntry {
	es := []DeckEntry{{Kind: SlideTitle}}
	if len(b.Themes) > 1 {
		es = append(es, DeckEntry{Kind: SlideAgenda})
	}
	for _, t := range b.Themes {
		es = append(es, DeckEntry{Kind: SlideTheme, Target: t.ID})
	}
	for _, k := range []string{SlideTimeline, SlideActors, SlideGlossary, SlideQuestions, SlideClosing} {
		es = append(es, DeckEntry{Kind: k})
	}
	return es
}

// deckThemes returns the themes the deck presents, in deck order: they make
// the agenda.
func deckThemes(b *Briefing, entries []DeckEntry) []*Theme {
	var out []*Theme
	seen := map[string]bool{}
	for _, e := range entries {
		if e.Kind != SlideTheme || seen[e.Target] {
			continue
		}
		if t := b.Theme(e.Target); t != nil {
			seen[e.Target] = true
			out = append(out, t)
		}
	}
	return out
}

// buildSlide makes the slide of one deck entry; ok is false when the slide
// would have nothing to show in the default deck (no events, no actors, ...).
func buildSlide(b *Briefing, e DeckEntry, themes []*Theme) (Slide, bool) {
	explicit := len(b.Deck) > 0
	switch e.Kind {
	case SlideTitle:
		return titleSlide(b), true
	case SlideAgenda:
		s := Slide{Kind: SlideAgenda, Title: "Agenda", Numbered: true}
		for _, t := range themes {
			s.Items = append(s.Items, SlideItem{Text: t.Title})
		}
		return s, explicit || len(s.Items) > 0
	case SlideTheme:
		return themeSlide(b, e, themes)
	case SlideTimeline:
		s := Slide{Kind: SlideTimeline, Title: "Timeline", Events: b.Timeline, Published: b.Source.Published, Reveal: true}
		for _, ev := range b.Timeline {
			for _, n := range ev.Notes {
				s.Notes = append(s.Notes, ev.When.Label()+": "+n)
			}
		}
		return s, explicit || len(s.Events) > 0
	case SlideActors:
		s := Slide{Kind: SlideActors, Title: "Who stands where"}
		for _, a := range b.Actors {
			if !statesStance(a) {
				continue
			}
			s.Items = append(s.Items, SlideItem{Label: a.Name, Text: a.Stance})
			for _, n := range a.Notes {
				s.Notes = append(s.Notes, a.Name+": "+n)
			}
		}
		return s, explicit || len(s.Items) > 0
	case SlideGlossary:
		s := Slide{Kind: SlideGlossary, Title: "Glossary"}
		for _, t := range b.Glossary {
			s.Items = append(s.Items, SlideItem{Label: t.Term, Text: oneParagraph(t.Definition)})
			for _, n := range t.Notes {
				s.Notes = append(s.Notes, t.Term+": "+n)
			}
		}
		return s, explicit || len(s.Items) > 0
	case SlideQuestions:
		s := Slide{Kind: SlideQuestions, Title: "Questions for discussion", Numbered: true}
		for _, q := range b.Questions {
			s.Items = append(s.Items, SlideItem{Text: q})
		}
		return s, explicit || len(s.Items) > 0
	case SlideClosing:
		s := Slide{Kind: SlideClosing, Title: "Thank you", Subtitle: b.Title}
		if src := b.Source.Citation(); src != "" {
			s.Body = append(s.Body, "Source: "+src)
		}
		return s, true
	case SlideText:
		s := Slide{Kind: SlideText, Title: e.Target}
		if e.Body != "" {
			s.Body = strings.Split(e.Body, "\n\n")
		}
		return s, true
	}
	return Slide{}, false
}

// titleSlide is the briefing's title over the citation of its source:
// author, “title”, outlet, date, address.
func titleSlide(b *Briefing) Slide {
	s := Slide{Kind: SlideTitle, Title: b.Title}
	if c := b.Source.Citation(); c != "" {
		s.Body = []string{c}
	}
	return s
}

func themeSlide(b *Briefing, e DeckEntry, themes []*Theme) (Slide, bool) {
	t := b.Theme(e.Target)
	if t == nil {
		return Slide{}, false
	}
	s := Slide{Kind: SlideTheme, Title: t.Title, Theme: t.ID, Reveal: e.Reveal}
	for i, th := range themes {
		if th == t {
			s.Subtitle = "Theme " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(themes))
		}
	}
	if t.Summary != "" {
		s.Notes = append(s.Notes, oneParagraph(t.Summary))
	}
	s.Notes = append(s.Notes, t.Notes...)
	points := t.Points
	if len(e.Points) > 0 {
		points = nil
		for _, id := range e.Points {
			if p := b.Point(id); p != nil {
				points = append(points, p)
			}
		}
	}
	for _, p := range points {
		s.Items = append(s.Items, SlideItem{Text: p.Text})
		for _, n := range p.Notes {
			s.Notes = append(s.Notes, p.Text+" — "+n)
		}
	}
	return s, true
}

// statesStance reports whether the briefing gives an actor's stance: "Not
// described" (the convention for an actor the article names without saying
// where it stands) or a draft's "TODO" keeps the actor off the "who stands
// where" slide.
func statesStance(a *Actor) bool {
	return a.Stance != "" && !strings.HasPrefix(strings.ToLower(a.Stance), "not described") && !strings.HasPrefix(a.Stance, "TODO")
}

// oneParagraph joins paragraphs with spaces, for a bullet of one block.
func oneParagraph(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
