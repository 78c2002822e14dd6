package explore

import (
	"strconv"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Navigator rows in full: where the pane has the room (120 columns and up,
// or zoomed), a row wraps onto as many lines as its text needs instead of
// being cut, each line exactly the text width.

// hang wraps s into lines of w cells, the first after lead and the others
// indented to line up under it.
func hang(lead, s string, w int) []string {
	lw := sanitize.Width(lead)
	parts := sanitize.Wrap(s, max(w-lw, 1))
	if len(parts) == 0 {
		parts = []string{""}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		if i == 0 {
			out[i] = fit(lead+p, w)
		} else {
			out[i] = fit(spaces(lw)+p, w)
		}
	}
	return out
}

func outlineWrap(b *model.Briefing, refs []model.Ref, w int) [][]string {
	out := make([][]string, len(refs))
	for i, r := range refs {
		switch r.Kind {
		case model.KindPoint:
			out[i] = hang("  ", title(b, r), w)
		case kindSection:
			out[i] = hang("", sectionTitle(r.ID)+sectionCount(b, r.ID), w)
		default:
			out[i] = hang("  ", title(b, r), w) // two cells for the fold mark
		}
	}
	return out
}

func glossaryWrap(b *model.Briefing, refs []model.Ref, w int) [][]string {
	out := make([][]string, len(refs))
	for i, r := range refs {
		out[i] = hang("", title(b, r), w)
	}
	return out
}

func timelineWrap(b *model.Briefing, refs []model.Ref, w int) [][]string {
	lw := 0
	for _, e := range b.Timeline {
		lw = max(lw, sanitize.Width(e.When.Label()))
	}
	lw = min(lw, max(w/2, 4))
	out := make([][]string, len(refs))
	for i, r := range refs {
		e := b.Event(r.ID)
		out[i] = hang(fit(e.When.Label(), lw)+"  ", e.Title, w)
	}
	return out
}

// actorsWrap lays the actors table out with every cell wrapped in its
// column, so a long name or stance takes more lines rather than an "…".
func actorsWrap(b *model.Briefing, refs []model.Ref, w int) [][]string {
	nw, kw, cw, sw := actorColumns(w, true)
	col := func(s string, cw int) []string {
		if cw <= 0 {
			return nil
		}
		return sanitize.Wrap(s, cw)
	}
	out := make([][]string, len(refs))
	for i, r := range refs {
		a := b.Actor(r.ID)
		name, kind, stance := col(a.Name, nw), col(a.Kind, kw), col(a.Stance, sw)
		if kw == 0 && a.Kind != "" {
			// No kind column: the kind goes under the name.
			name = append(name, col(a.Kind, nw)...)
		}
		n := max(len(name), len(kind), len(stance), 1)
		lines := make([]string, n)
		for j := range n {
			cell := func(c []string, cw int) string {
				if j < len(c) {
					return fit(c[j], cw)
				}
				return spaces(cw)
			}
			count := spaces(cw)
			if j == 0 {
				count = padLeft(strconv.Itoa(len(a.Mentions)), cw)
			}
			s := cell(name, nw) + " "
			if kw > 0 {
				s += cell(kind, kw) + " "
			}
			s += count
			if sw > 0 {
				s += " " + cell(stance, sw)
			}
			lines[j] = fit(s, w)
		}
		out[i] = lines
	}
	return out
}
