package explore

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/store"
)

// Resuming more than the item: the reading position also records where
// the source pane was scrolled and the selection of every view, so that
// reopening shows the article as it was left and each view where it was.
// The store keeps both as strings it does not read:
//
//	Source:  "p5.s3 1"                         (a sentence, rows into it)
//	Cursors: "outline=point:x timeline=event:y" (view=kind:id, by spaces)
//
// In reading mode Cursors also holds "reading=sentence:ID@N", where its
// top row is (N rows into sentence ID), and reopening reads on from there.

// sourceTop is the source pane's scroll position, as recorded.
func (m Model) sourceTop() string {
	id, row := m.source.Top()
	if id == "" {
		return ""
	}
	return fmt.Sprintf("%s %d", id, row)
}

// cursors is every view's selection, as recorded.
func (m Model) cursors() string {
	var parts []string
	for _, n := range m.navs {
		if r := n.Selected(); r.Kind != "" {
			parts = append(parts, n.spec.view+"="+string(r.Kind)+":"+r.ID)
		}
	}
	if m.reading {
		if id, row := m.reader.Top(); id != "" {
			parts = append(parts, fmt.Sprintf("%s=%s:%s@%d", readingView, model.KindSentence, id, row))
		}
	}
	return strings.Join(parts, " ")
}

// readingView names reading mode among the views' selections.
const readingView = "reading"

// restoreView puts back the views' selections and the source's scroll;
// what no longer exists in the briefing is passed over.
func (m *Model) restoreView(p store.Position) {
	for _, part := range strings.Fields(p.Cursors) {
		view, item, ok := strings.Cut(part, "=")
		kind, id, ok2 := strings.Cut(item, ":")
		if !ok || !ok2 {
			continue
		}
		r := model.Ref{Kind: model.RefKind(kind), ID: id}
		if view == readingView {
			id, row, _ := strings.Cut(id, "@")
			if n, err := strconv.Atoi(row); err == nil && m.b.Sentence(id) != nil {
				m.reading = true
				m.reader = m.reader.ScrollTo(id, n)
			}
			continue
		}
		for n := range m.navs {
			if m.navs[n].spec.view == view && navKind(n) != m.nav {
				m.navs[n], _ = m.navs[n].Select(r)
			}
		}
	}
	if id, row, ok := strings.Cut(p.Source, " "); ok {
		if n, err := strconv.Atoi(row); err == nil {
			m.source = m.source.SetTop(id, n)
		}
	}
}
