package model

// Find returns the item an id names: a theme, a point, an event, an actor,
// a glossary term or a source sentence ("p5.s3").
func (b *Briefing) Find(id string) (Ref, bool) {
	switch b.ids[id].(type) {
	case *Theme:
		return Ref{Kind: KindTheme, ID: id}, true
	case *Point:
		return Ref{Kind: KindPoint, ID: id}, true
	case *Event:
		return Ref{Kind: KindEvent, ID: id}, true
	case *Actor:
		return Ref{Kind: KindActor, ID: id}, true
	case *Term:
		return Ref{Kind: KindTerm, ID: id}, true
	}
	if b.Sentence(id) != nil {
		return Ref{Kind: KindSentence, ID: id}, true
	}
	return Ref{}, false
}
