package explore

import (
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// The glossary view: the terms in the briefing's order; the detail pane
// shows the definition and the source its sentences.
func glossarySpec() navSpec {
	return navSpec{
		name:     "Glossary",
		view:     "glossary",
		openHelp: "quotes in source",
		rows: func(b *model.Briefing) []model.Ref {
			refs := make([]model.Ref, len(b.Glossary))
			for i, t := range b.Glossary {
				refs[i] = model.Ref{Kind: model.KindTerm, ID: t.ID}
			}
			return refs
		},
		format: func(b *model.Briefing, refs []model.Ref, w int) []string {
			out := make([]string, len(refs))
			for i, r := range refs {
				out[i] = fit(title(b, r), w)
			}
			return out
		},
		wrap: glossaryWrap,
		open: func(_ *model.Briefing, r model.Ref) tea.Cmd { return jumpCmd(r, true) },
	}
}
