package edit

import (
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/edit"
	"github.com/brief-cli/brief/model/sanitize"
)

// outline lists the briefing's themes with their points, then the
// timeline's events, the actors and the glossary's terms, in file order,
// with a cursor.
type outline struct {
	th     *Theme
	keys   outlineKeys
	rows   []orow
	cursor int
	off    int
	w, h   int
}

type orow struct {
	kind  model.RefKind // "" for a section heading that is no item
	id    string
	title string
	depth int
	theme string // the theme a point is in
	draft bool   // marked "- draft: yes", not yet reviewed
}

func newOutline(th *Theme) outline { return outline{th: th, keys: newOutlineKeys()} }

// SetOutline lists the items of a text, keeping the cursor on the same id
// when it is still there.
func (o outline) SetOutline(ol *edit.Outline, b *model.Briefing) outline {
	was := o.Current().id
	o.rows = o.rows[:0]
	for _, s := range ol.Sections {
		switch {
		case s.Kind == model.KindTheme:
			t := b.Theme(s.ID)
			o.rows = append(o.rows, orow{kind: model.KindTheme, id: s.ID, title: s.Title, theme: s.ID, draft: t != nil && t.Draft})
		case s.Name == "timeline" || s.Name == "actors" || s.Name == "glossary":
			o.rows = append(o.rows, orow{title: s.Title})
		default:
			continue
		}
		for _, it := range s.Items {
			o.rows = append(o.rows, orow{kind: it.Kind, id: it.ID, title: it.Title, depth: 1, theme: s.ID, draft: drafted(b, it.Kind, it.ID)})
		}
	}
	for i, r := range o.rows {
		if r.id == was && was != "" {
			o.cursor = i
		}
	}
	o.cursor = clamp(o.cursor, 0, len(o.rows)-1)
	return o.scroll()
}

// Current is the row under the cursor.
func (o outline) Current() orow {
	if o.cursor < len(o.rows) {
		return o.rows[o.cursor]
	}
	return orow{}
}

// Select puts the cursor on an item by id.
func (o outline) Select(id string) outline {
	for i, r := range o.rows {
		if r.id == id {
			o.cursor = i
		}
	}
	return o.scroll()
}

// Has reports whether a row is the item id.
func (o outline) Has(id string) bool {
	for _, r := range o.rows {
		if r.id == id {
			return true
		}
	}
	return false
}

func (o outline) SetSize(w, h int) outline { o.w, o.h = w, h; return o.scroll() }

func (o outline) scroll() outline {
	if o.cursor < o.off {
		o.off = o.cursor
	}
	if o.h > 0 && o.cursor >= o.off+o.h {
		o.off = o.cursor - o.h + 1
	}
	return o
}

// Move moves the cursor by n rows.
func (o outline) Move(n int) outline {
	o.cursor = clamp(o.cursor+n, 0, len(o.rows)-1)
	return o.scroll()
}

func (o outline) View(focused bool) string {
	var out []string
	for i := o.off; i < len(o.rows) && len(out) < o.h; i++ {
		r := o.rows[i]
		title := sanitize.Line(r.title)
		prefix := ""
		switch {
		case r.kind == model.KindTheme:
			prefix = "▸ "
		case r.kind == "":
		default:
			prefix = "  "
		}
		if r.draft {
			title = "✎ " + title
		}
		line := sanitize.Truncate(prefix+title, max(o.w, 1), "…")
		switch {
		case i == o.cursor && focused:
			line = o.th.cursor.On(line)
		case i == o.cursor:
			line = o.th.selected.On(line)
		case r.depth == 0:
			line = o.th.heading.On(line)
		}
		out = append(out, line)
	}
	if len(o.rows) == 0 {
		out = append(out, o.th.dim.On(sanitize.Truncate("no themes yet: p makes one", max(o.w, 1), "…")))
	}
	return strings.Join(out, "\n")
}

// drafted says whether an item is still marked as drafted.
func drafted(b *model.Briefing, kind model.RefKind, id string) bool {
	switch kind {
	case model.KindPoint:
		p := b.Point(id)
		return p != nil && p.Draft
	case model.KindEvent:
		e := b.Event(id)
		return e != nil && e.Draft
	case model.KindActor:
		a := b.Actor(id)
		return a != nil && a.Draft
	case model.KindTerm:
		t := b.Term(id)
		return t != nil && t.Draft
	}
	return false
}
