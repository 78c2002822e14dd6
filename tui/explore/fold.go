package explore

import (
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/tui/widget"
)

// Folding the outline, so that a briefing's whole shape fits the first
// screen: every theme's title shows, and the points of the theme the
// cursor is in. Walking down the outline unfolds each theme in turn and
// folds the one left behind. ←/h and →/l fold and unfold the cursor's theme
// for good (it stays as left when the cursor moves on), = (or +) unfolds
// every theme and - folds them all back but the cursor's. The folds set by
// hand are kept with the study state.

// Fold marks, in the two cells before a theme's title.
const (
	foldOpenMark   = "▾ "
	foldClosedMark = "▹ "
)

// folding is a list's rows in full and which of them are folded.
type folding struct {
	all     []model.Ref
	at      map[model.Ref]int
	parents []int // each row's parent (an index into all), -1 for none
	kids    []int // how many rows each row is the parent of
	// set holds the folds set by hand: true folded, false unfolded.
	// A parent not in it is unfolded only while the cursor is in it.
	set map[string]bool
	cur int // the parent the cursor is in (or on), -1 for none
}

func newFolding(b *model.Briefing, all []model.Ref, parent func(*model.Briefing, model.Ref) (model.Ref, bool)) *folding {
	f := &folding{all: all, at: make(map[model.Ref]int, len(all)), parents: make([]int, len(all)),
		kids: make([]int, len(all)), set: map[string]bool{}, cur: -1}
	for i, r := range all {
		f.at[r] = i
	}
	for i, r := range all {
		f.parents[i] = -1
		if p, ok := parent(b, r); ok {
			if j, ok := f.at[p]; ok {
				f.parents[i] = j
				f.kids[j]++
			}
		}
	}
	return f
}

func (f *folding) has(r model.Ref) bool { _, ok := f.at[r]; return ok }

// group is the parent a row belongs to: itself when it is one.
func (f *folding) group(r model.Ref) int {
	i, ok := f.at[r]
	if !ok {
		return -1
	}
	if p := f.parents[i]; p >= 0 {
		return p
	}
	if f.kids[i] > 0 {
		return i
	}
	return -1
}

// moved reports whether the cursor on r is in another theme than the one
// the rows were folded for, so that they fold again. A nil folding never
// folds.
func (f *folding) moved(r model.Ref) bool {
	return f != nil && f.group(r) != f.cur
}

// open reports whether parent row i shows its rows.
func (f *folding) open(i int) bool {
	if v, ok := f.set[f.all[i].ID]; ok {
		return !v
	}
	return i == f.cur
}

// reveal returns the folding with what hides r unfolded, for a jump to
// it (f itself, shared by copies of the list, is left as it is).
func (f *folding) reveal(r model.Ref) *folding {
	if i, ok := f.at[r]; ok {
		if p := f.parents[i]; p >= 0 && f.set[f.all[p].ID] {
			nf := *f
			nf.set = maps.Clone(f.set)
			delete(nf.set, f.all[p].ID)
			return &nf
		}
	}
	return f
}

// shown is the rows to show with the cursor on sel, and the row the cursor
// goes to (sel, or its parent when sel is folded away).
func (f *folding) shown(sel model.Ref) ([]model.Ref, model.Ref) {
	f.cur = f.group(sel)
	if i, ok := f.at[sel]; ok {
		if p := f.parents[i]; p >= 0 && !f.open(p) {
			sel = f.all[p]
		}
	}
	out := make([]model.Ref, 0, len(f.all))
	for i, r := range f.all {
		if p := f.parents[i]; p >= 0 && !f.open(p) {
			continue
		}
		out = append(out, r)
	}
	return out, sel
}

// mark puts a parent row's fold mark in the two cells its text leaves for it.
func (f *folding) mark(r model.Ref, t string) string {
	i, ok := f.at[r]
	if !ok || f.kids[i] == 0 {
		return t
	}
	m := foldClosedMark
	if f.open(i) {
		m = foldOpenMark
	}
	if !strings.HasPrefix(t, "  ") {
		return t
	}
	return m + t[2:]
}

// Folds are the folds set by hand, by theme id: true folded.
func (m navList) Folds() map[string]bool {
	if m.fold == nil {
		return nil
	}
	return maps.Clone(m.fold.set)
}

// SetFolds puts back folds set by hand; ids the list does not hold are
// passed over.
func (m navList) SetFolds(set map[string]bool) navList {
	if m.fold == nil {
		return m
	}
	nf := *m.fold
	nf.set = map[string]bool{}
	for id, v := range set {
		for i, r := range nf.all {
			if r.ID == id && nf.kids[i] > 0 {
				nf.set[id] = v
			}
		}
	}
	m.fold = &nf
	return m.refold(m.Selected())
}

// refold recomputes the rows shown with the cursor on sel.
func (m navList) refold(sel model.Ref) navList {
	// The folding is shared by copies of the list: give this one its own.
	f := *m.fold
	f.set = maps.Clone(f.set)
	m.fold = &f
	refs, sel := f.shown(sel)
	m.refs = refs
	m.index = make(map[model.Ref]int, len(refs))
	for i, r := range refs {
		m.index[r] = i
	}
	m.cursor = m.index[sel]
	if m.w > 0 {
		m = m.layoutText()
	} else {
		m.text = nil
	}
	m.off = min(m.off, m.cursor)
	m.off = m.scrollTo(m.cursor)
	return m.render()
}

// foldsMsg asks for the folds set by hand to be kept with the study state.
type foldsMsg struct{ set map[string]bool }

// foldKey acts on a fold key, and reports whether it was one.
func (m navList) foldKey(k tea.KeyPressMsg) (navList, tea.Cmd, bool) {
	f := m.fold
	g := f.group(m.Selected())
	sel := m.Selected()
	set := maps.Clone(f.set)
	switch {
	case key.Matches(k, m.keys.Fold):
		if g < 0 {
			return m, nil, true
		}
		set[f.all[g].ID] = true
		sel = f.all[g]
	case key.Matches(k, m.keys.Unfold):
		if g < 0 {
			return m, nil, true
		}
		set[f.all[g].ID] = false
	case key.Matches(k, m.keys.UnfoldAll):
		for i, r := range f.all {
			if f.kids[i] > 0 {
				set[r.ID] = false
			}
		}
	case key.Matches(k, m.keys.FoldAll):
		clear(set)
	default:
		return m, nil, false
	}
	if maps.Equal(set, f.set) {
		return m, nil, true
	}
	nf := *f
	nf.set = set
	m.fold = &nf
	m = m.refold(sel)
	out := maps.Clone(set)
	return m, func() tea.Msg { return foldsMsg{out} }, true
}

// outlineParent is the theme a point folds under.
func outlineParent(b *model.Briefing, r model.Ref) (model.Ref, bool) {
	if r.Kind != model.KindPoint {
		return model.Ref{}, false
	}
	p := b.Point(r.ID)
	if p == nil || p.Theme == "" {
		return model.Ref{}, false
	}
	return model.Ref{Kind: model.KindTheme, ID: p.Theme}, true
}

// navKeys are a navigator's keys: the list's, and the fold keys where the
// list folds.
type navKeys struct {
	listKeys
	Fold, Unfold, FoldAll, UnfoldAll key.Binding
}

func newNavKeys(open string, folds bool) navKeys {
	k := navKeys{
		listKeys:  newListKeys(open),
		Fold:      widget.Keys("←/h", "fold the theme", "left", "h"),
		Unfold:    widget.Keys("→/l", "unfold the theme", "right", "l"),
		UnfoldAll: widget.Keys("=", "unfold every theme", "=", "+"),
		FoldAll:   widget.Key("-", "fold all but the cursor's theme"),
	}
	for _, b := range []*key.Binding{&k.Fold, &k.Unfold, &k.FoldAll, &k.UnfoldAll} {
		b.SetEnabled(folds)
	}
	return k
}

func (k navKeys) ShortHelp() []key.Binding {
	return append(k.listKeys.ShortHelp(), k.Unfold, k.Fold)
}

func (k navKeys) FullHelp() [][]key.Binding {
	return append(k.listKeys.FullHelp(), []key.Binding{k.Fold, k.Unfold, k.UnfoldAll, k.FoldAll})
}

// saveFolds keeps the outline's folds with the study state, if any.
func (m Model) saveFolds(msg foldsMsg) tea.Cmd {
	if m.st == nil {
		return nil
	}
	st := m.st
	return func() tea.Msg { return studyResult("", st.SetFolds(msg.set)) }
}

// fitRows fits wrapped rows into h lines: as they are if they fit, else
// with the rows under a parent cut to their one line (of cut), else every
// row cut. It reports whether any row was cut.
func (f *folding) fitRows(wrapped [][]string, refs []model.Ref, cut []string, h int) ([][]string, bool) {
	count := func(t [][]string) int {
		n := 0
		for _, r := range t {
			n += len(r)
		}
		return n
	}
	if count(wrapped) <= h {
		return wrapped, false
	}
	out := make([][]string, len(wrapped))
	for i, r := range refs {
		out[i] = wrapped[i]
		if j, ok := f.at[r]; ok && f.parents[j] >= 0 {
			out[i] = []string{cut[i]}
		}
	}
	if count(out) <= h {
		return out, true
	}
	for i := range out {
		out[i] = []string{cut[i]}
	}
	return out, true
}
