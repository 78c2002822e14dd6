package explore

import (
	"fmt"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// The palette's screen: the query, a status line with the counts by kind,
// the results grouped by kind, and a preview of the selected result, beside
// the list from previewSideWidth columns up, below it when narrower.

const (
	kindWidth        = 8
	previewSideWidth = 100
	minPreviewRows   = 4
)

// previewSide reports whether the preview goes beside the list.
func (m paletteModel) previewSide() bool { return m.w >= previewSideWidth }

// listWidth and listHeight are the size of the result list.
func (m paletteModel) listWidth() int {
	if m.previewSide() {
		return m.w * 11 / 20
	}
	return m.w
}

func (m paletteModel) listHeight() int {
	h := max(m.h-2, 1)
	if !m.previewSide() {
		if ph := m.previewHeight(); ph > 0 {
			h -= ph + 1
		}
	}
	return max(h, 1)
}

// previewHeight is the rows of a preview below the list (0: none).
func (m paletteModel) previewHeight() int {
	if m.previewSide() {
		return max(m.h-2, 0)
	}
	ph := (m.h - 2) * 2 / 5
	if ph < minPreviewRows {
		return 0
	}
	return ph
}

func (m paletteModel) previewWidth() int {
	if m.previewSide() {
		return m.w - m.listWidth() - 1
	}
	return m.w
}

// layoutPreview sizes the preview for the current palette size.
func (m paletteModel) layoutPreview() paletteModel {
	if ph := m.previewHeight(); ph > 0 {
		m.preview = m.preview.SetSize(max(m.previewWidth()-1, 1), ph)
	}
	return m
}

// showPreview shows the selected result in the preview.
func (m paletteModel) showPreview() paletteModel {
	it, ok := m.selected()
	if !ok || it.ref.Kind == model.KindSentence {
		return m
	}
	if b := m.scopeBriefing(m.results[m.order[m.cursor]].item); b != m.preview.b {
		// A hit in another briefing of the library: its own detail.
		w, h := m.preview.w, m.preview.h
		m.preview = newDetail(b, m.th).SetSize(w, h)
	}
	m.preview = m.preview.Show(it.ref)
	return m
}

// displayRows counts the rows of the grouped list: a heading per group and
// a row per result.
func (m paletteModel) displayRows() int { return len(m.order) + len(m.groups) }

// rowOf is the display row of result i (an index into order).
func (m paletteModel) rowOf(i int) int {
	g := 0
	for g+1 < len(m.groups) && m.groups[g+1].first <= i {
		g++
	}
	return i + g + 1
}

// resultAt is the result on display row r, if r is not a heading.
func (m paletteModel) resultAt(r int) (int, bool) {
	for g, gr := range m.groups {
		head := gr.first + g
		if r == head {
			return 0, false
		}
		if r > head && r <= head+gr.n {
			return gr.first + r - head - 1, true
		}
	}
	return 0, false
}

// scrolled keeps the cursor's row (and, for the first result, its
// heading) in view.
func (m paletteModel) scrolled() int {
	if len(m.order) == 0 {
		return 0
	}
	r := m.rowOf(m.cursor)
	off := scrollTo(m.off, r, m.listHeight(), m.displayRows())
	if m.cursor == 0 || r-1 < off && r-1 >= 0 {
		if _, isResult := m.resultAt(r - 1); !isResult {
			off = min(off, r-1) // show the group's heading with its first result
		}
	}
	return clamp(off, 0, max(m.displayRows()-m.listHeight(), 0))
}

func (m paletteModel) status() string {
	q := m.input.Value()
	switch {
	case q == "":
		return "Type to search; ↑/↓ choose, enter go, esc close."
	case q != m.query:
		return "searching…"
	case len(m.results) == 0:
		return "no matches"
	}
	// Only the matches are counted; the weaker ones, after the divider,
	// are not.
	n := m.strong()
	s := plural(n, "match", "matches")
	if n == searchLimit {
		s = fmt.Sprintf("first %d matches", searchLimit)
	}
	if below, weak := m.below(); below > 0 {
		s += fmt.Sprintf(" (%d below ↓)", below)
	} else if weak {
		s += " (weaker ones below ↓)"
	}
	var parts []string
	for _, g := range m.groups {
		if !g.weak {
			parts = append(parts, plural(g.n, kindLabel(g.kind), kindPlural(g.kind)))
		}
	}
	s += ": " + strings.Join(parts, " · ")
	if len(m.library) > 1 {
		if m.inLibrary {
			s += fmt.Sprintf(" — in the library (%d briefings; tab: this one)", len(m.library))
		} else {
			s += " — tab: the whole library"
		}
	}
	switch {
	case m.hpos < len(m.history)-1:
		s += fmt.Sprintf(" — earlier search %d of %d (↑ ↓)", len(m.history)-m.hpos, len(m.history))
	case m.input.Selected():
		s += " — the last search; type to replace it"
	}
	return s
}

// below counts the matches listed below the frame, and reports whether
// weaker matches are listed there too.
func (m paletteModel) below() (n int, weak bool) {
	last := m.off + m.listHeight() - 1
	for i := range m.order {
		if m.rowOf(i) > last {
			if m.results[m.order[i]].weak {
				weak = true
			} else {
				n++
			}
		}
	}
	return n, weak
}

// kindPlural names several items of a kind.
func kindPlural(k model.RefKind) string {
	switch k {
	case model.KindSentence:
		return "sentences"
	case model.KindActor:
		return "actors"
	case model.KindEvent:
		return "events"
	case model.KindTheme:
		return "themes"
	case model.KindPoint:
		return "points"
	}
	return kindLabel(k) + "s"
}

func (m paletteModel) render() paletteModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	th := m.th
	lines := []string{" " + m.input.View(m.w-1), th.dim.on(fit(" "+m.status(), m.w))}
	list := m.listLines()
	ph := m.previewHeight()
	var prev []string
	if ph > 0 && len(m.order) > 0 {
		prev = m.previewLines(m.previewWidth()-1, ph)
	}
	switch {
	case m.previewSide():
		lw := m.listWidth()
		for i := range m.h - 2 {
			row := spaces(lw)
			if i < len(list) {
				row = list[i]
			}
			p := spaces(m.previewWidth() - 1)
			if i < len(prev) {
				p = prev[i]
			}
			lines = append(lines, row+th.border.on("│")+" "+p)
		}
	default:
		for i := range m.listHeight() {
			if i < len(list) {
				lines = append(lines, list[i])
			} else {
				lines = append(lines, spaces(m.w))
			}
		}
		if ph > 0 {
			lines = append(lines, th.border.on(strings.Repeat("─", m.w)))
			for i := range ph {
				if i < len(prev) {
					lines = append(lines, " "+prev[i])
				} else {
					lines = append(lines, spaces(m.w))
				}
			}
		}
	}
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	m.lines = lines
	return m
}

// listLines draws the visible rows of the grouped list, each listWidth
// cells wide.
func (m paletteModel) listLines() []string {
	th, lw := m.th, m.listWidth()
	tw := max(lw-kindWidth-4, 1)
	var out []string
	for r := m.off; r < m.displayRows() && len(out) < m.listHeight(); r++ {
		i, ok := m.resultAt(r)
		if !ok {
			for g, gr := range m.groups {
				if gr.first+g != r {
					continue
				}
				name := strings.ToUpper(kindPlural(gr.kind)[:1]) + kindPlural(gr.kind)[1:]
				switch {
				case gr.divider():
					out = append(out, th.dim.on(fit(" "+strings.Repeat("─", 2)+" weaker matches "+strings.Repeat("─", max(lw-19, 0)), lw)))
				case gr.weak: // not counted
					out = append(out, th.dim.on(fit(" "+name, lw)))
				default:
					out = append(out, th.heading.on(fit(" "+name+" · "+fmt.Sprint(gr.n), lw)))
				}
			}
			continue
		}
		res := m.results[m.order[i]]
		it := m.items[res.item]
		text := highlightRunes(it.text, res.runes, tw, th.match)
		if b := m.scopeBriefing(res.item); b != m.b && b.File != m.b.File {
			// A hit in another briefing says which, at the end of its row.
			title := " · " + trunc(b.Title, tw/3)
			text = highlightRunes(it.text, res.runes, max(tw-sanitize.Width(title), 1), th.match) + th.dim.on(title)
		}
		badge := fit(kindLabel(it.ref.Kind), kindWidth)
		if i == m.cursor {
			out = append(out, th.selected.on("▸ "+badge+" ")+" "+text)
		} else {
			out = append(out, "  "+th.kind.on(badge)+"  "+text)
		}
	}
	return out
}

// previewLines draws the selected result: a sentence in its paragraph, the
// sentence marked and the matched characters in it; any other item as the
// detail pane shows it.
func (m paletteModel) previewLines(w, h int) []string {
	it, ok := m.selected()
	if !ok || w <= 0 {
		return nil
	}
	if it.ref.Kind != model.KindSentence {
		out := m.preview.View()
		if len(out) > h {
			out = out[:h]
		}
		return out
	}
	b := m.scopeBriefing(m.results[m.order[m.cursor]].item)
	s := b.Sentence(it.ref.ID)
	if s == nil {
		return nil
	}
	th := m.th
	// Sentence.Paragraph is an index into the paragraphs; people count
	// from 1, as the ids do (p6.s2 is in paragraph 6).
	para := b.Source.Paragraphs[s.Paragraph].Sentences
	head := fmt.Sprintf("Paragraph %d · sentence %s", s.Paragraph+1, s.ID)
	if b != m.b {
		head = b.Title + " · " + head
	}
	out := []string{th.heading.on(fit(head, w))}
	var at int // the row of the selected sentence
	for _, ps := range para {
		tw := max(w-2, 1)
		lines := sanitize.Wrap(ps.Text, tw)
		if ps.ID != s.ID {
			for _, l := range lines {
				out = append(out, "  "+th.dim.on(fit(l, tw)))
			}
			continue
		}
		at = len(out)
		marks := lineMarks(ps.Text, lines, m.results[m.order[m.cursor]].runes)
		for j, l := range lines {
			out = append(out, th.mark.on("▌")+" "+markRunes(fit(l, tw), marks[j], th.match))
		}
	}
	// Start where the selected sentence shows, a little below the top.
	if start := max(at-1, 1); len(out) > h && at >= h-1 {
		out = append(out[:1], out[min(start, len(out)-1):]...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// lineMarks splits the matched rune indices of text among its wrapped
// lines, as indices into each line.
func lineMarks(text string, lines []string, idx []int) [][]int {
	runes := []rune(text)
	out := make([][]int, len(lines))
	pos, k := 0, 0
	for j, l := range lines {
		lr := []rune(l)
		// The line starts where its first rune is, past the spaces the
		// wrap dropped.
		for pos < len(runes) && len(lr) > 0 && runes[pos] != lr[0] {
			pos++
		}
		for k < len(idx) && idx[k] < pos {
			k++
		}
		for k < len(idx) && idx[k] < pos+len(lr) {
			out[j] = append(out[j], idx[k]-pos)
			k++
		}
		pos += len(lr)
	}
	return out
}

// markRunes paints the runes of s at the given indices.
func markRunes(s string, idx []int, p paint) string {
	if len(idx) == 0 {
		return s
	}
	var b strings.Builder
	k := 0
	for i, r := range []rune(s) {
		if k < len(idx) && idx[k] == i {
			b.WriteString(p.on(string(r)))
			k++
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
