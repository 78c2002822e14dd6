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
		header: func(b *model.Briefing, w int, wrapped bool) string {
			if _, kw, _, _ := actorColumns(w, wrapped); kw == 0 {
				return actorRow(w, wrapped, "Actor · kind", "", "#", "Stance")
			}
			return actorRow(w, wrapped, "Actor", "Kind", "#", "Stance")
		},
		open: func(_ *model.Briefing, r model.Ref) tea.Cmd { return mentionsCmd(r.ID) },
	}
}

// actorColumns splits w cells among the columns: name, kind, count and the
// stance, which gets the rest (nothing when narrow). Where a kind column
// would leave the stance less than stanceRoom cells, kind is 0: the kind
// goes under the name, and the stance has the room. That is where rows
// wrap (wrapped); where they are cut to a line, the kind keeps its column.
func actorColumns(w int, wrapped bool) (name, kind, count, stance int) {
	count = 3
	kind = 12
	name = clamp(w/3, 10, 28)
	stance = w - name - kind - count - 3
	if wrapped && stance < stanceRoom && w-clamp(w/4, 10, 18)-count-2 >= 24 {
		name = clamp(w/4, 10, 18)
		kind = 0
		stance = w - name - count - 2
		return
	}
	if stance < 12 {
		name += max(stance, 0)
		stance = 0
	}
	if name+kind+count+2 > w {
		kind = max(w-name-count-2, 0)
	}
	return
}

// stanceRoom is the width a stance wants: a sentence or two in three lines.
const stanceRoom = 40

func actorRow(w int, wrapped bool, name, kind, count, stance string) string {
	nw, kw, cw, sw := actorColumns(w, wrapped)
	s := fit(name, nw) + " "
	if kw > 0 {
		s += fit(kind, kw) + " "
	}
	s += padLeft(count, cw)
	if sw > 0 {
		s += " " + fit(stance, sw)
	}
	return fit(s, w)
}

func actorsFormat(b *model.Briefing, refs []model.Ref, w int) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		a := b.Actor(r.ID)
		out[i] = actorRow(w, false, a.Name, a.Kind, strconv.Itoa(len(a.Mentions)), a.Stance)
	}
	return out
}

func padLeft(s string, w int) string {
	s = trunc(s, w)
	return spaces(w-len([]rune(s))) + s
}
