package watch

import (
	"strings"

	"github.com/brief-cli/brief/model"
)

// Reselect picks the item to select after a briefing was reloaded: the
// selected item itself if the new version still has it (same kind and id),
// else the first item that changed, else the first item of the new version.
// It returns the zero Ref only for a briefing with no items.
func Reselect(prev, next *model.Briefing, selected model.Ref) model.Ref {
	items := list(next)
	for _, it := range items {
		if it.ref == selected {
			return selected
		}
	}
	if ch := Changed(prev, next); len(ch) > 0 {
		return ch[0]
	}
	if len(items) > 0 {
		return items[0].ref
	}
	return model.Ref{}
}

// Changed lists the items of next that prev does not have or that differ from
// prev's item of the same id, in reading order: themes and their points,
// timeline, actors, glossary, then source sentences. Only content counts:
// an item that merely moved in the file is not changed.
func Changed(prev, next *model.Briefing) []model.Ref {
	was := map[model.Ref]string{}
	if prev != nil {
		for _, it := range list(prev) {
			was[it.ref] = it.content
		}
	}
	var out []model.Ref
	for _, it := range list(next) {
		if c, ok := was[it.ref]; !ok || c != it.content {
			out = append(out, it.ref)
		}
	}
	return out
}

type entry struct {
	ref     model.Ref
	content string
}

// list gives every item of a briefing with a fingerprint of its content.
func list(b *model.Briefing) []entry {
	if b == nil {
		return nil
	}
	var out []entry
	add := func(kind model.RefKind, id string, parts ...string) {
		out = append(out, entry{model.Ref{Kind: kind, ID: id}, strings.Join(parts, "\x00")})
	}
	j := func(ss []string) string { return strings.Join(ss, "\x01") }
	quotes := func(qs []model.Quote) string {
		var ts []string
		for _, q := range qs {
			ts = append(ts, q.Text)
		}
		return j(ts)
	}
	for _, t := range b.Themes {
		add(model.KindTheme, t.ID, t.Title, t.Summary, j(t.Notes))
		for _, p := range t.Points {
			add(model.KindPoint, p.ID, p.Theme, p.Text, p.Detail, quotes(p.Quotes), j(p.Notes), j(p.Actors), j(p.Events))
		}
	}
	for _, e := range b.Timeline {
		add(model.KindEvent, e.ID, e.Title, e.When.String(), e.Phrase, e.Description, quotes(e.Quotes), j(e.Themes), j(e.Actors), j(e.Notes))
	}
	for _, a := range b.Actors {
		add(model.KindActor, a.ID, a.Name, j(a.Aliases), a.Kind, a.Stance, a.Description, quotes(a.Quotes), j(a.Notes))
	}
	for _, t := range b.Glossary {
		add(model.KindTerm, t.ID, t.Term, j(t.Aliases), t.Definition, quotes(t.Quotes), j(t.Notes))
	}
	for _, s := range b.Sentences() {
		add(model.KindSentence, s.ID, s.Text)
	}
	return out
}
