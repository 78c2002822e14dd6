// Package model holds a briefing as data: its types, the parser of the
// brief/1 format and validation. It knows nothing of terminals; the
// outputs (JSON, Markdown, HTML, text) live in model/export.
package model

import (
	"fmt"
	"strings"
	"time"

	"github.com/brief-cli/brief/model/date"
)

// FormatVersion is the format this package reads and writes.
const FormatVersion = "brief/1"

// Briefing is a parsed, validated, sanitised briefing. Everything in it has
// been checked: quotes occur in the source, references resolve, ids are unique.
type Briefing struct {
	Format string
	Title  string
	// Subject is what actors' stances are toward ("the new
	// harbour plan"); "" when the briefing does not say.
	Subject   string
	File      string // where it was loaded from ("" for built-in or in-memory)
	Source    Source
	Themes    []*Theme
	Timeline  []*Event // in chronological order
	Actors    []*Actor
	Glossary  []*Term
	Questions []string
	Deck      []DeckEntry // as written in a # Deck section; empty means the default deck

	// ArticleFile is the article file named by "article:", as written there
	// (relative to the briefing's folder unless absolute); "" when the
	// article is inside the briefing.
	ArticleFile string

	// Skip lists paragraphs and sentences (captions, subheadings) that
	// coverage leaves out, by id.
	Skip []string

	// Warnings are problems that do not stop the briefing from loading
	// (an ambiguous quote, an actor never named); brief check shows them.
	Warnings ErrorList

	onDisk bool // read by Load from a file on disk

	ids    map[string]any
	citers map[string][]Ref
}

// Source is the article a briefing rests on, split into paragraphs and
// sentences with stable ids.
type Source struct {
	Title string
	// Author is who wrote the article; Publisher the outlet that published
	// it; URL its address. Each is optional.
	Author    string
	Publisher string
	URL       string
	// Published is the publication date-time; PublishedHasTime says whether
	// the time of day was given.
	Published        time.Time
	PublishedHasTime bool
	Paragraphs       []*Paragraph
	// Body is the article's text with whitespace collapsed and paragraphs
	// joined by single spaces; quotes are matched against it.
	Body string
}

// Paragraph is one paragraph of the source, id "pN".
type Paragraph struct {
	ID        string
	Sentences []*Sentence
}

// Sentence is one sentence of the source, id "pN.sM". Start and End are byte
// offsets of its text in Source.Body.
type Sentence struct {
	ID         string
	Paragraph  int // index into Source.Paragraphs
	Index      int // index within the paragraph
	Text       string
	Start, End int
}

// Quote is a verbatim citation of the source, resolved to the sentences it
// overlaps.
type Quote struct {
	Text      string
	Sentences []string
	Start     int // byte offsets in Source.Body
	End       int
	Pos       Pos
}

// Theme groups points under a heading such as "Security".
type Theme struct {
	ID      string
	Title   string
	Summary string
	Notes   []string
	Points  []*Point
	Draft   bool // drafted by `brief new`, not yet reviewed
	Pos     Pos
}

// Point is one claim in the briefing's own words, with the quotes it rests on.
type Point struct {
	ID     string
	Theme  string // id of the theme it belongs to
	Text   string
	Detail string
	Quotes []Quote
	Notes  []string
	Actors []string // actor ids
	Events []string // event ids
	Draft  bool     // drafted, not yet reviewed
	Pos    Pos
}

// Event is a dated event of the timeline.
type Event struct {
	ID          string
	Title       string
	When        date.Date
	Phrase      string // the article's own wording of the date
	Status      string // "", "ongoing" or "planned"
	Description string
	Quotes      []Quote
	Themes      []string
	Actors      []string
	Notes       []string
	Draft       bool // drafted, not yet reviewed
	Pos         Pos
}

// Actor is a state, group or person the article names.
type Actor struct {
	ID          string
	Name        string
	Aliases     []string
	Kind        string
	Stance      string
	Description string
	Quotes      []Quote
	Notes       []string
	Mentions    []Mention
	Draft       bool // drafted, not yet reviewed
	Pos         Pos
}

// Mention is one place in the source where an actor is named. Start and End
// are byte offsets into the sentence's Text.
type Mention struct {
	Sentence   string
	Start, End int
	Text       string
}

// Term is a glossary entry defined from the article's own words.
type Term struct {
	ID         string
	Term       string
	Aliases    []string
	Definition string
	Quotes     []Quote
	Notes      []string
	Draft      bool // drafted, not yet reviewed
	Pos        Pos
}

// EventStatuses lists the statuses an event may have; without one, it
// happened.
var EventStatuses = []string{"ongoing", "planned"}

// ActorKinds lists the kinds an actor may have.
var ActorKinds = []string{"state", "government", "alliance", "organisation", "armed-group", "group", "person"}

// DeckEntry is one line of a # Deck section: which slide to show, in order.
type DeckEntry struct {
	Kind   string   // title, agenda, theme, timeline, actors, glossary, questions, closing, text
	Target string   // theme id for Kind "theme"; slide title for Kind "text"
	Body   string   // paragraphs of a "text" slide
	Points []string // for a theme: which points, in order (empty: all)
	Reveal bool     // for a theme: reveal points one at a time
	Notes  []string // speaker notes for the slide
	Pos    Pos
}

// RefKind says what kind of item a Ref names.
type RefKind string

// The kinds of item a briefing holds.
const (
	KindTheme    RefKind = "theme"
	KindPoint    RefKind = "point"
	KindEvent    RefKind = "event"
	KindActor    RefKind = "actor"
	KindTerm     RefKind = "glossary"
	KindSentence RefKind = "sentence"
)

// Ref names one item of a briefing.
type Ref struct {
	Kind RefKind
	ID   string
}

// PublishedString formats the publication date as written: with the time
// when one was given.
func (s Source) PublishedString() string {
	if s.Published.IsZero() {
		return ""
	}
	if s.PublishedHasTime {
		return s.Published.Format(time.DateTime)
	}
	return s.Published.Format(time.DateOnly)
}

// Summary counts what a briefing holds, for one-line reports such as
// "7 themes, 26 points, 12 events, 19 actors, 8 terms, 4 questions".
func (b *Briefing) Summary() string {
	n := func(k int, one, many string) string {
		if k == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", k, many)
	}
	return strings.Join([]string{
		n(len(b.Themes), "theme", "themes"),
		n(len(b.Points()), "point", "points"),
		n(len(b.Timeline), "event", "events"),
		n(len(b.Actors), "actor", "actors"),
		n(len(b.Glossary), "term", "terms"),
		n(len(b.Questions), "question", "questions"),
	}, ", ")
}
