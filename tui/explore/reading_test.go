package explore

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

// collapse joins lines and squeezes runs of spaces, so text wrapped over
// several rows reads as one.
func collapse(lines []string) string {
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// readingText is the text of reading mode's screen without the margin,
// the rail and the frame.
func readingText(m Model) string {
	var rows []string
	for _, l := range strings.Split(plain(m), "\n") {
		if _, after, ok := strings.Cut(l, "│ "); ok && m.reader.geometryRail() > 0 {
			l = after
		}
		rows = append(rows, strings.Trim(l, "┃ ▸▌"))
	}
	return collapse(rows)
}

// geometryRail is the rail's width now, for tests.
func (m readingModel) geometryRail() int { r, _, _ := m.geometry(); return r }

// TestReadingFlowsParagraphs: in reading mode every sentence on screen
// reads whole, sentences share rows within a paragraph, no id shows until
// i, and rows keep to the measure.
func TestReadingFlowsParagraphs(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		m := press(sized(t, sz[0], sz[1], ThemeDark, false), "r")
		if !m.reading {
			t.Fatal("r does not open reading mode")
		}
		text := readingText(m)
		for i, s := range m.b.Sentences() {
			if int(m.reader.last[i]) >= m.reader.h {
				break // not wholly on screen
			}
			if !strings.Contains(text, collapse([]string{s.Text})) {
				t.Errorf("%v: sentence %s not whole in %q", sz, s.ID, text)
			}
			if strings.Contains(plain(m), s.ID) {
				t.Errorf("%v: id %s shows before i", sz, s.ID)
			}
		}
		for _, r := range readingRows(m.reader) {
			w := 0
			for j, sp := range r.spans {
				w += len([]rune(sp.text))
				if j > 0 {
					w++
				}
			}
			if w > readMeasure {
				t.Errorf("%v: a row of %d cells, measure %d", sz, w, readMeasure)
			}
		}
		m = press(m, "i")
		if !strings.Contains(plain(m), m.b.Sentences()[0].ID) {
			t.Errorf("%v: i does not show the ids:\n%s", sz, plain(m))
		}
		m = press(m, "r")
		if m.reading || lineWith(plain(m), "Outline") < 0 {
			t.Errorf("%v: r again does not go back to the panes", sz)
		}
	}
}

// TestReadingRowsHoldSentences: a paragraph of several sentences flows, so
// some row holds the end of one sentence and the start of the next.
func TestReadingRowsHoldSentences(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "r")
	for _, r := range readingRows(m.reader) {
		seen := map[int]bool{}
		for _, sp := range r.spans {
			seen[sp.sent] = true
		}
		if len(seen) > 1 {
			return
		}
	}
	t.Error("no row holds two sentences: paragraphs are not flowing")
}

// TestReadingCitedSentences: ] and [ go through the selected item's
// sentences in article order, marked ▸ in the margin and wrapping round.
func TestReadingCitedSentences(t *testing.T) {
	m := press(sized(t, 80, 24, ThemeDark, false), "a", "down")
	want := sentencesOf(m.b, m.current)
	if len(want) < 3 {
		t.Fatalf("the second actor cites %d sentences", len(want))
	}
	m = press(m, "r")
	for i, id := range append(want, want[0]) {
		m = press(m, "]")
		if got := m.reader.Cursor(); got != id {
			t.Fatalf("] %d reached %q, want %q", i+1, got, id)
		}
		s := m.b.Sentence(id)
		first := strings.Fields(s.Text)[0]
		if lineWith(plain(m), "▸▌", first) < 0 {
			t.Fatalf("sentence %s not on screen marked ▸▌:\n%s", id, plain(m))
		}
	}
	m = press(m, "[")
	if got := m.reader.Cursor(); got != want[len(want)-1] {
		t.Errorf("[ after wrapping reached %q, want %q", got, want[len(want)-1])
	}
}

// TestReadingIsTheDefaultForAPlainArticle: an article with nothing drawn
// from it opens in reading mode, and ] goes by paragraph.
func TestReadingIsTheDefaultForAPlainArticle(t *testing.T) {
	text := "Rivers\n\nThe river floods every spring. Farmers move their herds uphill.\n\nIn summer the water falls. The fields turn green again.\n"
	b, err := model.Parse("rivers.txt", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := step(New(b, config{theme: ThemeDark}), sizeMsg(80, 24))
	if !m.reading || lineWith(plain(m), "Reading") < 0 {
		t.Fatalf("a plain article does not open in reading mode:\n%s", plain(m))
	}
	if lineWith(plain(m), "Reading ›") >= 0 {
		t.Errorf("the footer names an outline row in reading mode:\n%s", plain(m))
	}
	if lineWith(plain(m), "The river floods every spring. Farmers move their herds uphill.") < 0 {
		t.Errorf("the paragraph does not flow on one row:\n%s", plain(m))
	}
	m = press(m, "]")
	if got := m.reader.Cursor(); got != b.Sentences()[2].ID {
		t.Errorf("] in a plain article reached %q, want the second paragraph", got)
	}
	m = press(m, "r")
	if m.reading {
		t.Error("r does not leave reading mode")
	}
}

// TestZoomAndSplit: z gives the focused pane the body and gives it back;
// < and > move the split, within bounds.
func TestZoomAndSplit(t *testing.T) {
	for _, w := range []int{80, 120, 200} {
		m := press(sized(t, w, 30, ThemeDark, false), "down", "s")
		before := m.lay.panes
		m = press(m, "z")
		if r := m.lay.panes[paneSource]; r.w != w || m.lay.panes[paneNav].w != 0 {
			t.Fatalf("%d: zoomed source %+v, navigator %+v", w, r, m.lay.panes[paneNav])
		}
		if lineWith(plain(m), "zoomed") < 0 {
			t.Errorf("%d: the zoomed frame does not say so", w)
		}
		m = press(m, "z")
		if m.lay.panes != before {
			t.Errorf("%d: z twice did not restore the panes: %+v, want %+v", w, m.lay.panes, before)
		}
		nw := m.lay.panes[paneNav].w
		m = press(m, ">")
		if m.lay.panes[paneNav].w <= nw {
			t.Errorf("%d: > did not widen the navigator from %d", w, nw)
		}
		m = press(m, "<", "<")
		if m.lay.panes[paneNav].w >= nw {
			t.Errorf("%d: < did not narrow the navigator from %d", w, nw)
		}
		for range 20 {
			m = press(m, "<")
		}
		checkFits(t, m.Render(), w, 30)
		if m.lay.panes[paneNav].w < minPaneW {
			t.Errorf("%d: the navigator narrowed to %d", w, m.lay.panes[paneNav].w)
		}
		for range 40 {
			m = press(m, ">")
		}
		checkFits(t, m.Render(), w, 30)
		for p, r := range m.lay.panes {
			if r.w > 0 && r.w < minPaneW {
				t.Errorf("%d: pane %d is %d wide", w, p, r.w)
			}
		}
	}
}

// TestNavigatorRowsWholeAt120: at 120x40 no outline or actors row of the
// briefing is cut: each row's whole text is on its lines, and no line ends
// in "…".
func TestNavigatorRowsWholeAt120(t *testing.T) {
	m := sized(t, 120, 40, ThemeDark, false)
	// cols cuts a row's lines into columns at the given widths (each but
	// the last followed by a space) and collapses each column.
	cols := func(lines []string, widths ...int) []string {
		out := make([][]string, len(widths))
		for _, l := range lines {
			r := []rune(l)
			for c, w := range widths {
				end := min(w, len(r))
				if c == len(widths)-1 {
					end = len(r)
				}
				out[c] = append(out[c], string(r[:end]))
				r = r[min(end+1, len(r)):]
			}
		}
		got := make([]string, len(out))
		for i, c := range out {
			got[i] = collapse(c)
		}
		return got
	}
	check := func(n navKind, widths []int, want func(r model.Ref) []string) {
		list := m.navs[n]
		for i, r := range list.refs {
			got := cols(list.text[i], widths...)
			for c, w := range want(r) {
				if w != "" && got[c] != collapse([]string{w}) {
					t.Errorf("%s row %d, column %d: %q, want %q", list.spec.name, i, c, got[c], w)
				}
			}
			for _, l := range list.text[i] {
				if strings.Contains(l, "…") {
					t.Errorf("%s row %d is cut: %q", list.spec.name, i, l)
				}
			}
		}
	}
	whole := []int{1 << 20}
	check(navOutline, whole, func(r model.Ref) []string {
		if r.Kind == kindSection {
			return []string{sectionTitle(r.ID) + sectionCount(m.b, r.ID)}
		}
		return []string{title(m.b, r)}
	})
	m = press(m, "a")
	nw, kw, cw, _ := actorColumns(m.navs[navActors].textWidth(), true)
	if kw == 0 {
		// The kind goes under the name, to leave the stance the room.
		check(navActors, []int{nw, cw, 1 << 20}, func(r model.Ref) []string {
			a := m.b.Actor(r.ID)
			return []string{a.Name + " " + a.Kind, "", a.Stance}
		})
	} else {
		check(navActors, []int{nw, kw, cw, 1 << 20}, func(r model.Ref) []string {
			a := m.b.Actor(r.ID)
			return []string{a.Name, a.Kind, "", a.Stance}
		})
	}
	m = press(m, "t")
	check(navTimeline, whole, func(r model.Ref) []string {
		e := m.b.Event(r.ID)
		return []string{e.When.Label() + " " + e.Title}
	})
	// And on screen: the first point's whole title, over its lines.
	m = press(m, "o")
	screen := plain(m)
	p := m.b.Themes[0].Points[0].Text
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if _, rest, ok := strings.Cut(l, "┃"); ok && len(rest) > 0 {
			rows = append(rows, strings.SplitN(rest, "┃", 2)[0])
		}
	}
	if !strings.Contains(collapse(rows), p) {
		t.Errorf("the outline on screen does not show %q whole:\n%s", p, screen)
	}
}

// TestHeaderKeepsTheTitle: at 60 columns the title shows whole when it
// fits, the date giving way first.
func TestHeaderKeepsTheTitle(t *testing.T) {
	m := sized(t, 60, 20, ThemeDark, false)
	head := strings.Split(plain(m), "\n")[0]
	if !strings.Contains(head, m.b.Title) {
		t.Errorf("the header cuts the title: %q", head)
	}
}

// TestNoteEditorDocked: the note editor opens under the panes, which keep
// the item's cited sentence on screen, at every size.
func TestNoteEditorDocked(t *testing.T) {
	for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
		m := studied(t, seed(t), t.TempDir(), sz[0], sz[1])
		m = press(m, "down", "n", "type:A thought")
		if !isOpen[noteEditor](m) {
			t.Fatalf("%v: no note editor", sz)
		}
		screen := plain(m)
		checkFits(t, m.Render(), sz[0], sz[1])
		first := m.b.Sentence(sentencesOf(m.b, refCredentials)[0])
		words := strings.Join(strings.Fields(first.Text)[:3], " ")
		if lineWith(screen, "▌", words) < 0 {
			t.Errorf("%v: the cited sentence is not on screen beside the editor:\n%s", sz, screen)
		}
		if lineWith(screen, "A thought") < 0 || lineWith(screen, "Note on point") < 0 {
			t.Errorf("%v: the editor is not on screen:\n%s", sz, screen)
		}
		if d := m.lay.dock; d.h == 0 || d.h >= m.lay.body.h {
			t.Errorf("%v: the editor takes %d of %d rows", sz, d.h, m.lay.body.h)
		}
		m = step(m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
		if m.modal != nil || m.lay.dock.h != 0 {
			t.Errorf("%v: saving did not close the docked editor", sz)
		}
	}
}

// TestResumeSourceScrollAndCursors: reopening scrolls the source as it was
// and selects in every view what was selected there.
func TestResumeSourceScrollAndCursors(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	m := studied(t, b, dir, 120, 40)
	m = press(m, "t", "down", "down", "a", "down", "down", "down", "o", "down", "s", "pgdown", "j")
	off, _, _ := m.source.Scrolled()
	if off == 0 {
		t.Fatal("the source did not scroll")
	}
	event, actor := m.navs[navTimeline].Selected(), m.navs[navActors].Selected()
	m = rest(m)
	m.st.Close()

	again := studied(t, b, dir, 120, 40)
	if got, _, _ := again.source.Scrolled(); got != off {
		t.Errorf("the source reopened at row %d, left at %d", got, off)
	}
	if again.navs[navTimeline].Selected() != event || again.navs[navActors].Selected() != actor {
		t.Errorf("views reopened on %v and %v, left on %v and %v",
			again.navs[navTimeline].Selected(), again.navs[navActors].Selected(), event, actor)
	}
	screenRow := func(m Model, text string) int { return lineWith(plain(m), text) }
	s := b.Sentence(m.source.CursorSentence())
	words := strings.Join(strings.Fields(s.Text)[:3], " ")
	if a, b := screenRow(m, words), screenRow(again, words); a < 0 || a != b {
		t.Errorf("sentence %s on row %d, reopened on row %d", s.ID, a, b)
	}
}

// TestReadingModeSurvivesReload: a reload keeps reading mode, its ids
// setting and the sentence on its top row.
func TestReadingModeSurvivesReload(t *testing.T) {
	_, file := briefingDir(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	m := studied(t, b, t.TempDir(), 80, 24)
	m = press(m, "r", "i", "pgdown", "pgdown")
	top, _ := m.reader.Top()
	if top == m.b.Sentences()[0].ID {
		t.Fatal("pgdown did not scroll")
	}
	editFile(t, file, "## Two decades of Russian engagement", "## Twenty years of Russian engagement")
	m = reload(m)
	if got, _ := m.reader.Top(); !m.reading || !m.reader.ShowsIDs() || got != top {
		t.Errorf("after a reload: reading %v, ids %v, top %q (was %q)", m.reading, m.reader.ShowsIDs(), got, top)
	}
}

// TestResizeReadingZoomAndDock: reading mode, a zoomed pane and the docked
// note editor fit every size, at the full height.
func TestResizeReadingZoomAndDock(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"reading", []string{"r"}},
		{"reading ids", []string{"r", "i", "]"}},
		{"zoomed source", []string{"down", "s", "z"}},
		{"zoomed timeline", []string{"t", "z"}},
		{"wide split", []string{">", ">", ">", ">", ">", ">"}},
		{"docked editor", []string{"down", "n", "type:a note"}},
		{"docked editor in reading", []string{"down", "r", "n"}},
	}
	for _, c := range cases {
		m := press(studied(t, seed(t), t.TempDir(), 60, 20), c.keys...)
		for _, sz := range [][2]int{{60, 20}, {61, 21}, {79, 23}, {80, 24}, {105, 30}, {106, 30}, {119, 30}, {120, 40}, {200, 50}, {300, 100}, {100, 20}, {60, 60}} {
			m = step(m, sizeMsg(sz[0], sz[1]))
			out := m.Render()
			checkFits(t, out, sz[0], sz[1])
			if got := strings.Count(out, "\n") + 1; got != sz[1] {
				t.Errorf("%s at %dx%d: view is %d lines, want the full height", c.name, sz[0], sz[1], got)
			}
		}
	}
}

// TestResumeReading: quitting in reading mode reopens in reading mode at
// the same place in the text.
func TestResumeReading(t *testing.T) {
	dir := t.TempDir()
	b := seed(t)
	m := press(studied(t, b, dir, 80, 24), "r", "pgdown", "pgdown", "j")
	top, row := m.reader.Top()
	screen := plain(m)
	if err := m.st.SetPosition(m.position()); err != nil {
		t.Fatal(err)
	}
	m.st.Close()
	again := studied(t, b, dir, 80, 24)
	if id, n := again.reader.Top(); !again.reading || id != top || n != row {
		t.Errorf("reopened: reading %v at %q+%d, left reading at %q+%d", again.reading, id, n, top, row)
	}
	if plain(again) != screen {
		t.Errorf("reopened on another screen:\n%s\n---\n%s", plain(again), screen)
	}
}

// readingRows is every row of the article as reading mode lays it out.
func readingRows(m readingModel) []rrow {
	rows := make([]rrow, m.nrows)
	for r := range rows {
		rows[r] = m.row(r)
	}
	return rows
}

// TestZoomedSourceKeepsAMeasure: zoomed on a wide screen, the source pane
// keeps its text column to the reading measure and centres it, with a
// margin on either side; it never runs to the border.
func TestZoomedSourceKeepsAMeasure(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {200, 50}} {
		m := press(sized(t, sz[0], sz[1], ThemeDark, false), "down", "s", "z")
		r := m.lay.panes[paneSource]
		if r.w != sz[0] {
			t.Fatalf("%v: the source is not zoomed: %+v", sz, r)
		}
		if tw := m.source.textWidth(); tw > sourceMeasure {
			t.Errorf("%v: text column %d wide, measure %d", sz, tw, sourceMeasure)
		}
		lines := strings.Split(plain(m), "\n")
		for _, l := range lines[r.y+1 : r.y+r.h-1] {
			inner := []rune(l)
			inner = inner[1 : len(inner)-1] // inside the frame
			text := strings.TrimSpace(string(inner))
			if text == "" {
				continue
			}
			left := len(inner) - len([]rune(strings.TrimLeft(string(inner), " ")))
			right := len(inner) - len([]rune(strings.TrimRight(string(inner), " ")))
			if left < 4 || right < 4 {
				t.Errorf("%v: no margin (%d left, %d right): %q", sz, left, right, l)
			}
			if n := len([]rune(text)); n > sourceMeasure+m.source.gutterW() {
				t.Errorf("%v: a row %d wide: %q", sz, n, text)
			}
		}
	}
}
