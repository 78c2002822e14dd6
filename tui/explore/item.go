package explore

import (
	"github.com/brief-cli/brief/model"
)

// kindSection marks the outline's section rows (Timeline, Actors, Glossary,
// Source); their ids are the section names below.
const kindSection model.RefKind = "section"

const (
	secTimeline = "timeline"
	secActors   = "actors"
	secGlossary = "glossary"
	secSource   = "source"
	secNotes    = "notes"
)

// kindLabel is how a kind of item is named on screen.
func kindLabel(k model.RefKind) string {
	switch k {
	case model.KindTerm:
		return "term"
	case kindSection:
		return "section"
	}
	return string(k)
}

// title is the one-line name of an item.
func title(b *model.Briefing, r model.Ref) string {
	switch r.Kind {
	case model.KindTheme:
		if t := b.Theme(r.ID); t != nil {
			return t.Title
		}
	case model.KindPoint:
		if p := b.Point(r.ID); p != nil {
			return p.Text
		}
	case model.KindEvent:
		if e := b.Event(r.ID); e != nil {
			return e.When.Label() + " · " + e.Title
		}
	case model.KindActor:
		if a := b.Actor(r.ID); a != nil {
			return a.Name
		}
	case model.KindTerm:
		if t := b.Term(r.ID); t != nil {
			return t.Term
		}
	case model.KindSentence:
		if s := b.Sentence(r.ID); s != nil {
			return s.Text
		}
	case kindSection:
		return sectionTitle(r.ID)
	}
	return r.ID
}

func sectionTitle(id string) string {
	switch id {
	case secTimeline:
		return "Timeline"
	case secActors:
		return "Actors"
	case secGlossary:
		return "Glossary"
	case secSource:
		return "Source"
	case secNotes:
		return "Notes and bookmarks"
	}
	return id
}

// sentencesOf lists the sentences an item rests on, in article order.
func sentencesOf(b *model.Briefing, r model.Ref) []string {
	switch r.Kind {
	case model.KindSentence:
		return []string{r.ID}
	case kindSection:
		return nil
	}
	return b.SentencesOf(r)
}
