package explore

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// The outline: themes and their points, then one row each for the
// timeline, the actors, the glossary and the source, and (with study state)
// the reader's notes. Enter on a point jumps to its sentences in the
// source; on a section row it opens that view.
func outlineSpec(withNotes bool) navSpec {
	rows := outlineRows
	if withNotes {
		rows = func(b *model.Briefing) []model.Ref {
			return append(outlineRows(b), model.Ref{Kind: kindSection, ID: secNotes})
		}
	}
	return navSpec{
		name:     "Outline",
		view:     "outline",
		openHelp: "open / to source",
		rows:     rows,
		format:   outlineFormat,
		wrap:     outlineWrap,
		heading:  func(r model.Ref) bool { return r.Kind == model.KindTheme || r.Kind == kindSection },
		open:     outlineOpen,
		parent:   outlineParent,
	}
}

func outlineRows(b *model.Briefing) []model.Ref {
	var refs []model.Ref
	for _, t := range b.Themes {
		refs = append(refs, model.Ref{Kind: model.KindTheme, ID: t.ID})
		for _, p := range t.Points {
			refs = append(refs, model.Ref{Kind: model.KindPoint, ID: p.ID})
		}
	}
	for _, s := range []string{secTimeline, secActors, secGlossary, secSource} {
		refs = append(refs, model.Ref{Kind: kindSection, ID: s})
	}
	return refs
}

func outlineFormat(b *model.Briefing, refs []model.Ref, w int) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		switch r.Kind {
		case model.KindPoint:
			out[i] = fit("  "+title(b, r), w)
		case kindSection:
			out[i] = fit(sectionTitle(r.ID)+sectionCount(b, r.ID), w)
		default:
			// Two cells for the fold mark (fold.go).
			out[i] = fit("  "+title(b, r), w)
		}
	}
	return out
}

func sectionCount(b *model.Briefing, id string) string {
	switch id {
	case secTimeline:
		return fmt.Sprintf(" · %d events", len(b.Timeline))
	case secActors:
		return fmt.Sprintf(" · %d", len(b.Actors))
	case secGlossary:
		return fmt.Sprintf(" · %d terms", len(b.Glossary))
	case secSource:
		return fmt.Sprintf(" · %d ¶", len(b.Source.Paragraphs))
	}
	return ""
}

func outlineOpen(b *model.Briefing, r model.Ref) tea.Cmd {
	if r.Kind != kindSection {
		return jumpCmd(r, true)
	}
	switch r.ID {
	case secTimeline:
		return openNavCmd(navTimeline)
	case secActors:
		return openNavCmd(navActors)
	case secGlossary:
		return openNavCmd(navGlossary)
	case secNotes:
		return openNotesCmd
	}
	return jumpCmd(r, true)
}
