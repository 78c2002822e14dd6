package explore

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/search"
	"github.com/brief-cli/brief/tui/style"
)

// toPoint moves the outline cursor to a point by pressing down.
func toPoint(t *testing.T, m Model, id string) Model {
	t.Helper()
	for range 60 {
		if m.current == (model.Ref{Kind: model.KindPoint, ID: id}) {
			return m
		}
		m = press(m, "down")
	}
	t.Fatalf("point %s not reached; at %v", id, m.current)
	return m
}

func TestClaimToSource(t *testing.T) {
	for _, sz := range sizes {
		m := toPoint(t, sized(t, sz[0], sz[1], ThemeDark, false), "moscow-format-platform")
		m = press(m, "enter")
		if m.focus != paneSource {
			t.Fatalf("%v: focus %v after enter, want the source", sz, m.focus)
		}
		screen := plain(m)
		if lineWith(screen, "▌", "p5.s3", "In 2016") < 0 {
			t.Errorf("%v: the cited sentence is not marked on screen:\n%s", sz, screen)
		}
		if got := m.source.CursorSentence(); got != "p5.s3" {
			t.Errorf("%v: source cursor on %s, want p5.s3", sz, got)
		}
	}
}

func TestShowInSourceKeyFromEveryView(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want string
	}{
		{[]string{"t", "down", "down", "down"}, "In 2016"},                  // the 2016 event
		{[]string{"g"}, "In 2016"},                                          // Moscow Format term
		{[]string{"a", "down", "down", "down", "down", "down"}, "Pakistan"}, // Pakistan
	} {
		m := press(sized(t, 120, 40, ThemeDark, false), c.keys...)
		m = press(m, "s")
		if m.focus != paneSource || lineWith(plain(m), "▌", c.want) < 0 {
			t.Errorf("%v then s: %q not highlighted in the source:\n%s", c.keys, c.want, plain(m))
		}
	}
}

func TestSourceToClaims(t *testing.T) {
	m := sized(t, 120, 40, ThemeDark, false)
	m = press(m, "tab", "tab") // focus the source
	for n := 0; m.source.CursorSentence() != "p5.s3"; n++ {
		if n > len(m.b.Sentences()) {
			t.Fatalf("down never reached p5.s3; on %q", m.source.CursorSentence())
		}
		m = press(m, "down")
	}
	m = press(m, "enter")
	if !isOpen[pickerModel](m) || !strings.Contains(plain(m), "Citing p5.s3") {
		t.Fatalf("enter on a sentence did not list its citers:\n%s", plain(m))
	}
	var found bool
	for i, e := range picker(m).entries {
		if e.ref == (model.Ref{Kind: model.KindPoint, ID: "moscow-format-platform"}) {
			found = true
			for range i {
				m = press(m, "down")
			}
		}
	}
	if !found {
		t.Fatalf("the Moscow Format point does not cite p5.s3: %+v", picker(m).entries)
	}
	m = press(m, "enter")
	if m.modal != nil || m.nav != navOutline || m.navs[navOutline].Selected().ID != "moscow-format-platform" {
		t.Errorf("enter did not jump to the point: nav %v, selected %v", m.nav, m.navs[navOutline].Selected())
	}
}

func TestSearchMoscw(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "/", "type:moscw")
	if len(palette(m).results) == 0 {
		t.Fatal("no results for moscw")
	}
	first := palette(m).items[palette(m).results[0].item]
	if first.ref != (model.Ref{Kind: model.KindTerm, ID: "g-moscow-format"}) {
		t.Errorf("moscw ranks %v first, want the Moscow Format", first)
	}
	m = press(m, "enter")
	if m.modal != nil || m.current.ID != "g-moscow-format" || m.nav != navGlossary {
		t.Errorf("enter landed on %v in navigator %v", m.current, m.nav)
	}
	if lineWith(plain(m), "▸", "Moscow Format") < 0 || lineWith(plain(m), "▌", "Moscow Format") < 0 {
		t.Errorf("the Moscow Format is not selected and highlighted:\n%s", plain(m))
	}
}

func TestSearchHighlightsMatchedRunes(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "/", "type:russia’s engagement")
	if len(palette(m).results) == 0 {
		t.Fatal("no results")
	}
	r := palette(m).results[0]
	text := []rune(palette(m).items[r.item].text)
	var got strings.Builder
	for _, i := range r.runes {
		got.WriteRune(text[i])
	}
	if want := "Russia’s engagement"; !strings.EqualFold(strings.ReplaceAll(got.String(), " ", ""), strings.ReplaceAll(want, " ", "")) {
		t.Errorf("highlighted %q in %q", got.String(), string(text))
	}
}

func TestStaleSearchResultsDropped(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "/", "type:daesh")
	want := len(palette(m).results)
	m = step(m, searchResultsMsg{seq: palette(m).seq - 1, query: "d", matches: []match{{Item: 0}}})
	if len(palette(m).results) != want || palette(m).query != "daesh" {
		t.Errorf("a stale result replaced the current ones: %d results for %q", len(palette(m).results), palette(m).query)
	}
}

// An enter typed before the results of the query arrive is not lost: the
// first result is chosen when they come.
func TestEnterBeforeResultsChoosesWhenTheyArrive(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "/", "type:moscow for")
	res, search := m.Update(keyMsg("m"))
	m = res.(Model)
	if search == nil {
		t.Fatal("typing started no search command")
	}
	m = step(m, keyMsg("enter"))
	if !palette(m).jumpDue {
		t.Fatal("enter before the results was dropped")
	}
	for _, msg := range runCmd(search) {
		m = step(m, msg)
	}
	if _, open := openScreen[paletteModel](m); open || m.current.ID != "g-moscow-format" {
		t.Errorf("the results came and enter did not choose the first: palette open %v, on %v", open, m.current)
	}
}

func TestSearchKeystrokeDoesNotSearch(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "/")
	res, cmd := m.Update(keyMsg("x"))
	m = res.(Model)
	if cmd == nil {
		t.Fatal("typing started no search command")
	}
	if len(palette(m).results) != 0 || !strings.Contains(plain(m), "searching…") {
		t.Errorf("results changed inside Update, before the search command ran")
	}
}

func TestTimelineOrder(t *testing.T) {
	for _, sz := range sizes {
		screen := plain(press(sized(t, sz[0], sz[1], ThemeLight, false), "t"))
		prev := -1
		for _, ev := range [][2]string{{"1980s", "Soviet"}, {"2016", "Russia launch"}, {"until 2020", "Largely"}, {"Aug 2021", "Taliban take"}, {"c. 2021–2025", "The Taliban"}} {
			label := ev[0]
			i := lineWith(screen, label+"  ", ev[1])
			if i <= prev {
				t.Errorf("%v: %q on line %d, not after line %d:\n%s", sz, label, i, prev, screen)
			}
			prev = i
		}
	}
}

func TestActorMentionsJump(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "a", "down", "down", "enter") // China
	if !isOpen[pickerModel](m) || len(picker(m).entries) != 2 {
		t.Fatalf("China's mentions: %+v", picker(m).entries)
	}
	m = press(m, "down", "enter")
	want := m.b.Actor("china").Mentions[1].Sentence
	if m.focus != paneSource || m.source.CursorSentence() != want {
		t.Errorf("jumped to %s (focus %v), want %s", m.source.CursorSentence(), m.focus, want)
	}
}

func TestHelpIsGeneratedFromBindings(t *testing.T) {
	m := press(sized(t, 200, 50, ThemeDark, false), "tab", "tab", "?")
	screen := plain(m)
	for _, b := range append(flat(m.source.KeyMap().FullHelp()), flat(m.keys.FullHelp())...) {
		if !b.Enabled() {
			continue // keys that do not apply (here: notes, read-only) are left out
		}
		h := b.Help()
		if lineWith(screen, h.Key, h.Desc) < 0 {
			t.Errorf("help does not list %q %q:\n%s", h.Key, h.Desc, screen)
		}
	}
	if m = press(m, "esc"); m.modal != nil {
		t.Error("esc did not close help")
	}
}

func TestFocusVisibleWithoutColour(t *testing.T) {
	m := sized(t, 120, 40, ThemeDark, true)
	for _, want := range []string{"▸ Outline", "▸ Detail", "▸ Source"} {
		if !strings.Contains(plain(m), "┏━ "+want) {
			t.Errorf("focused pane %q not marked:\n%s", want, plain(m))
		}
		m = press(m, "tab")
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;:]*(38|48)[;:]`)

func TestNoColour(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, true), "/", "type:moscw")
	out := m.Render()
	if colourSGR.MatchString(out) {
		t.Error("NO_COLOR view holds colour sequences")
	}
	// Matches are underlined, the selection reversed.
	if !strings.Contains(out, "4m") || !strings.Contains(out, "7m") {
		t.Errorf("NO_COLOR view lacks underline or reverse: %q", out)
	}
	if !colourSGR.MatchString(sized(t, 120, 40, ThemeDark, false).Render()) {
		t.Error("coloured view holds no colour: the check above proves nothing")
	}
}

func TestNoColorEnv(t *testing.T) {
	for env, want := range map[string]bool{"NO_COLOR=1": true, "NO_COLOR=yes": true, "NO_COLOR=": false, "TERM=xterm": false} {
		cfg, err := resolve(Options{Env: []string{env}})
		if err != nil || cfg.noColor != want {
			t.Errorf("%s: noColor %v, %v", env, cfg.noColor, err)
		}
	}
	if _, err := resolve(Options{Theme: "pink", Env: []string{}}); err == nil {
		t.Error("unknown theme accepted")
	}
}

func TestBackgroundDetection(t *testing.T) {
	m := sized(t, 120, 40, ThemeAuto, false)
	if !m.th.Dark {
		t.Fatal("auto theme does not default to dark")
	}
	dark := m.Render()
	m = step(m, tea.BackgroundColorMsg{Color: whiteColor{}})
	if m.th.Dark || m.Render() == dark {
		t.Error("a light background did not switch to the light theme")
	}
	fixed := step(sized(t, 120, 40, ThemeDark, false), tea.BackgroundColorMsg{Color: whiteColor{}})
	if !fixed.th.Dark {
		t.Error("--theme dark changed with the background")
	}
}

type whiteColor struct{}

func (whiteColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestPanicInUpdateIsRecovered(t *testing.T) {
	m := sized(t, 120, 40, ThemeDark, false)
	res, cmd := m.Update(panicMsg("boom"))
	if res.(Model).err == nil || !strings.Contains(res.(Model).err.Error(), "boom") {
		t.Errorf("panic not turned into an error: %v", res.(Model).err)
	}
	if cmd == nil {
		t.Fatal("no quit command after a panic")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("the program does not quit after a panic")
	}
}

func TestNarrowLayoutsCycleFocus(t *testing.T) {
	m := sized(t, 70, 24, ThemeDark, false)
	for _, want := range []string{"Outline", "Detail", "Source", "Outline"} {
		if !strings.Contains(plain(m), "▸ "+want) || strings.Count(plain(m), "╭─") != 0 {
			t.Errorf("70 columns: want %s alone:\n%s", want, plain(m))
		}
		m = press(m, "tab")
	}
	m = sized(t, 90, 24, ThemeDark, false)
	m = press(m, "tab")
	if s := plain(m); !strings.Contains(s, "Outline") || !strings.Contains(s, "▸ Detail") {
		t.Errorf("90 columns: want outline and detail:\n%s", s)
	}
	m = press(m, "tab")
	if s := plain(m); !strings.Contains(s, "Outline") || !strings.Contains(s, "▸ Source") || strings.Contains(s, "Detail ─") {
		t.Errorf("90 columns: want outline and source:\n%s", s)
	}
}

func TestEscGoesBack(t *testing.T) {
	m := press(sized(t, 120, 40, ThemeDark, false), "t", "tab", "esc")
	if m.focus != paneNav || m.nav != navTimeline {
		t.Fatalf("esc from the detail: focus %v nav %v", m.focus, m.nav)
	}
	if m = press(m, "esc"); m.nav != navOutline {
		t.Errorf("esc from the timeline: nav %v", m.nav)
	}
}

func TestMouse(t *testing.T) {
	m := sized(t, 120, 40, ThemeDark, false)
	// At 120 columns the outline's rows wrap: the second point of the
	// first theme starts after the theme's row and the first point's.
	y := 2 + len(m.navs[navOutline].text[0]) + len(m.navs[navOutline].text[1])
	m = step(m, tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	if m.current != m.navs[navOutline].refs[2] || m.focus != paneNav {
		t.Errorf("click selected %v", m.current)
	}
	src := m.lay.panes[paneSource]
	m = step(m, tea.MouseClickMsg{X: src.x + 3, Y: src.y + 2, Button: tea.MouseLeft})
	if m.focus != paneSource {
		t.Errorf("click on the source did not focus it")
	}
	off, _, _ := m.source.Scrolled()
	m = step(m, tea.MouseWheelMsg{X: src.x + 3, Y: src.y + 2, Button: tea.MouseWheelDown})
	if off2, _, _ := m.source.Scrolled(); off2 != off+wheelStep {
		t.Errorf("wheel scrolled the source from %d to %d", off, off2)
	}
	det := m.lay.panes[paneDetail]
	m = step(m, tea.MouseWheelMsg{X: det.x + 3, Y: det.y + 2, Button: tea.MouseWheelDown})
	if off2, _, _ := m.source.Scrolled(); off2 != off+wheelStep {
		t.Errorf("wheel over the detail scrolled the source")
	}
}

func TestRuneIndexes(t *testing.T) {
	s := "“Moscow” – format"
	// Byte offsets of M, o, f in s.
	bytes := []int{strings.Index(s, "M"), strings.Index(s, "o"), strings.Index(s, "f")}
	got := search.RuneIndexes(s, bytes)
	want := []int{1, 2, 11}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
	p := paint{style.NewPaint(lipgloss.NewStyle().Reverse(true))}
	if h := highlightRunes(s, got, 20, p); h != "“"+p.on("Mo")+"scow” – "+p.on("f")+"ormat   " {
		t.Errorf("highlight: %q", h)
	}
}

// TestKeysDocumented checks that docs/keys.md names every binding.
func TestKeysDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/keys.md")
	if err != nil {
		t.Fatal(err)
	}
	m := sized(t, 120, 40, ThemeDark, false)
	var all []key.Binding
	all = append(all, flat(m.keys.FullHelp())...)
	all = append(all, flat(m.navs[navOutline].KeyMap().FullHelp())...)
	all = append(all, flat(m.detail.KeyMap().FullHelp())...)
	all = append(all, flat(m.source.KeyMap().FullHelp())...)
	all = append(all, flat(m.layoutKeys.FullHelp())...)
	all = append(all, flat(m.reader.KeyMap().FullHelp())...)
	all = append(all, flat(newPaletteKeys().FullHelp())...)
	all = append(all, flat(newPickerKeys().FullHelp())...)
	all = append(all, flat(newNoteKeys().FullHelp())...)
	all = append(all, flat(newNotesKeys().FullHelp())...)
	for _, o := range openers {
		all = append(all, o.key)
		all = append(all, flat(o.open(&m).help().FullHelp())...)
	}
	for _, b := range all {
		for _, k := range b.Keys() {
			name := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}[k]
			if name == "" {
				name = k
			}
			if !strings.Contains(string(doc), "`"+name+"`") {
				t.Errorf("docs/keys.md does not list %q (%s)", k, b.Help().Desc)
			}
		}
	}
}

// TestLegend opens the timeline legend with its own key from the timeline,
// and only there: elsewhere the key is not taken.
func TestLegend(t *testing.T) {
	m := press(sized(t, 80, 24, ThemeDark, false), "L")
	if m.modal != nil {
		t.Fatalf("L opened %q outside the timeline", m.modal.title())
	}
	m = press(m, "t", "L")
	if !isOpen[legendModel](m) || lineWith(plain(m), "Timeline legend") < 0 || lineWith(plain(m), "an open end") < 0 {
		t.Fatalf("no legend:\n%s", plain(m))
	}
	m = press(m, "?")
	if !isOpen[legendModel](m) {
		t.Fatal("? inside the legend left it")
	}
	m = press(m, "esc", "?")
	if lineWith(plain(m), "L", "timeline legend") < 0 {
		t.Errorf("help in the timeline does not list the legend key:\n%s", plain(m))
	}
}
