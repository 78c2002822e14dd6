package explore

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// The actors view: a table of actor, kind, mentions and stance toward the
// briefing's subject. Enter lists every mention in context.
func actorsSpec() navSpec {
	return navSpec{
		name:     "Actors",
		view:     "actors",
		openHelp: "mentions in context",
		rows: func(b *model.Briefing) []model.Ref {
			refs := make([]model.Ref, len(b.Actors))
			for i, a := range b.Actors {
				refs[i] = model.Ref{Kind: model.KindActor, ID: a.ID}
			}
			return refs
		},
		format: actorsFormat,
		empty:  "No actors yet: `brief new` drafts them from the article's names.",
		wrap:   actorsWrap,
		header: func(b *model.Briefing, w int) string {
			return actorRow(w, "Actor", "Kind", "#", "Stance")
		},
		open: func(_ *model.Briefing, r model.Ref) tea.Cmd { return mentionsCmd(r.ID) },
	}
}

// actorColumns splits w cells among the columns: name, kind, count and the
// stance, which gets the rest (nothing when narrow).
func actorColumns(w int) (name, kind, count, stance int) {
	count = 3
	kind = 12
	name = clamp(w/3, 10, 28)
	stance = w - name - kind - count - 3
	if stance < 12 {
		name += max(stance, 0)
		stance = 0
	}
	if name+kind+count+2 > w {
		kind = max(w-name-count-2, 0)
	}
	return
}

func actorRow(w int, name, kind, count, stance string) string {
	nw, kw, cw, sw := actorColumns(w)
	s := fit(name, nw) + " " + fit(kind, kw) + " " + padLeft(count, cw)
	if sw > 0 {
		s += " " + fit(stance, sw)
	}
	return fit(s, w)
}

func actorsFormat(b *model.Briefing, refs []model.Ref, w int) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		a := b.Actor(r.ID)
		out[i] = actorRow(w, a.Name, a.Kind, strconv.Itoa(len(a.Mentions)), a.Stance)
	}
	return out
}

func padLeft(s string, w int) string {
	s = trunc(s, w)
	return spaces(w-len([]rune(s))) + s
}
