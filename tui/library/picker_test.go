package library

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/model"
	mlibrary "github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/tui/style"
)

// testLibrary is a library of four files as LoadLibrary would list them
// under "briefings": the seed, a briefing that cannot be loaded, the small
// briefing of model's tests and a plain article with hostile text.
func testLibrary(t testing.TB) *mlibrary.Library {
	t.Helper()
	load := func(path, as string) *mlibrary.Entry {
		e := mlibrary.LoadEntry(path)
		if e.Err != nil {
			t.Fatalf("%s: %v", path, e.Err)
		}
		e.Path = as
		return e
	}
	broken := &mlibrary.Entry{Path: "briefings/broken.brief.md", Title: "broken.brief.md",
		Err: model.ErrorList{
			{File: "briefings/broken.brief.md", Pos: model.Pos{Line: 12, Col: 3}, Msg: "quote not found in the article: matches up to “…the river”, then differs at “summer.”"},
			{File: "briefings/broken.brief.md", Pos: model.Pos{Line: 30, Col: 1}, Msg: "unknown field \"when\""},
		}}
	return &mlibrary.Library{Dir: "briefings", Entries: []*mlibrary.Entry{
		load("../../seeds/000_bc22e7b79049ddaf.brief.md", "briefings/000_bc22e7b79049ddaf.brief.md"),
		broken,
		load("../../model/testdata/mini.brief.md", "briefings/rivers/mini.brief.md"),
		load("../../testdata/hostile/plain-article.txt", "briefings/rivers/plain-article.txt"),
	}}
}

var sizes = [][2]int{{60, 20}, {80, 24}, {120, 40}}

// app returns the library program with lib loaded, at w x h, without
// colour.
func app(t testing.TB, lib *mlibrary.Library, w, h int) Model {
	t.Helper()
	m := New(context.Background(), lib.Dir, nil, State{Library: lib}, style.Dark, true)
	return step(m, tea.WindowSizeMsg{Width: w, Height: h})
}

func step(m Model, msg tea.Msg) Model {
	res, _ := m.Update(msg)
	return res.(Model)
}

// keyMsg makes a key press: a named key or a single character.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys; "type:text" types text a character at a time. The
// commands the keys return are run and their messages sent too.
func press(m Model, keys ...string) (Model, []tea.Msg) {
	var out []tea.Msg
	for _, k := range keys {
		var msgs []tea.KeyPressMsg
		if text, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range text {
				msgs = append(msgs, keyMsg(string(r)))
			}
		} else {
			msgs = append(msgs, keyMsg(k))
		}
		for _, msg := range msgs {
			res, cmd := m.Update(msg)
			m = res.(Model)
			for cmd != nil {
				got := cmd()
				cmd = nil
				if got == nil {
					break
				}
				out = append(out, got)
				if _, quit := got.(tea.QuitMsg); !quit {
					res, cmd = m.Update(got)
					m = res.(Model)
				}
			}
		}
	}
	return m, out
}

func plain(m Model) string { return ansi.Strip(m.Render()) }

// checkFits fails unless every line fits w cells and there are exactly h.
func checkFits(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view is %d lines tall, terminal %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide, terminal %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
}

var views = []struct {
	name string
	keys []string
}{
	{"list", nil},
	{"filtered", []string{"type:rivr"}},
	{"filtered-by-path", []string{"/", "type:rivers/pl"}},
	{"no-match", []string{"type:zzzzqq"}},
	{"broken-opened", []string{"down", "enter"}},
	{"help", []string{"?"}},
	{"last", []string{"end"}},
}

// TestGolden renders each view at each size and compares the plain text
// with testdata/TestGolden/*.golden (go test ./tui/library -update
// rewrites them); every view fills the terminal and no line is wider.
func TestGolden(t *testing.T) {
	for _, v := range views {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, sz[0], sz[1]), func(t *testing.T) {
				m, _ := press(app(t, testLibrary(t), sz[0], sz[1]), v.keys...)
				checkFits(t, m.Render(), sz[0], sz[1])
				golden.RequireEqual(t, []byte(plain(m)))
			})
		}
	}
}

func TestGoldenLoading(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := New(context.Background(), "briefings", nil, State{}, style.Dark, true)
			m = step(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			if strings.TrimSpace(plain(m)) != "" {
				t.Errorf("loading shows something before the delay:\n%s", plain(m))
			}
			checkFits(t, m.Render(), sz[0], sz[1])
			m = step(m, progressMsg{done: 120, total: 480})
			checkFits(t, m.Render(), sz[0], sz[1])
			golden.RequireEqual(t, []byte(plain(m)))
		})
	}
}

func TestTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{59, 20}, {60, 19}, {30, 5}, {1, 1}} {
		m := app(t, testLibrary(t), sz[0], sz[1])
		out := m.Render()
		checkFits(t, out, sz[0], sz[1])
		if sz[0] >= 30 && !strings.Contains(ansi.Strip(out), "need 60x20") {
			t.Errorf("%dx%d: no size message:\n%s", sz[0], sz[1], ansi.Strip(out))
		}
	}
}

// Every size from small to large fits.
func TestResize(t *testing.T) {
	m := app(t, testLibrary(t), 60, 20)
	for _, keys := range [][]string{nil, {"?"}, {"type:the"}} {
		m, _ = press(m, keys...)
		for _, sz := range [][2]int{{60, 20}, {61, 21}, {79, 23}, {100, 20}, {60, 60}, {200, 50}, {300, 100}} {
			m = step(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFits(t, m.Render(), sz[0], sz[1])
		}
	}
}

func TestFilterHighlightsTitleSourceAndPath(t *testing.T) {
	m, _ := press(app(t, testLibrary(t), 120, 40), "type:rivr")
	p := m.picker
	if len(p.rows) == 0 || p.lib.Entries[p.rows[0].entry].Title != "A small briefing" {
		t.Fatalf("rivr ranks %+v first", p.rows)
	}
	r := p.rows[0]
	e := p.lib.Entries[r.entry]
	// "rivr" matches the source, "Rivers and towns", better than the path,
	// and not the title.
	if got := pick(sourceOf(e), r.source); !strings.EqualFold(got, "rivr") || r.title != nil || r.loc != nil {
		t.Errorf("highlighted %q in the source (title %v, path %v)", got, r.title, r.loc)
	}
	m, _ = press(app(t, testLibrary(t), 120, 40), "type:rivers/pl")
	r = m.picker.rows[0]
	if got := pick("rivers/plain-article.txt", r.loc); got != "rivers/pl" {
		t.Errorf("highlighted %q in the path", got)
	}
	// A briefing whose title matches well comes before files whose name
	// matches, whatever the length of its source's title.
	m, _ = press(app(t, testLibrary(t), 120, 40), "type:rus")
	if e := m.picker.Selected(); e == nil || !strings.HasPrefix(e.Title, "Russia") {
		t.Errorf("rus selects %+v", e)
	}
	m, _ = press(app(t, testLibrary(t), 120, 40), "type:recognis taliban")
	r = m.picker.rows[0]
	if got := pick(m.picker.lib.Entries[r.entry].Title, r.title); !strings.EqualFold(strings.ReplaceAll(got, " ", ""), "recognistaliban") {
		t.Errorf("highlighted %q in the title", got)
	}
}

func pick(s string, idx []int) string {
	runes := []rune(s)
	var b strings.Builder
	for _, i := range idx {
		if i < len(runes) {
			b.WriteRune(runes[i])
		}
	}
	return b.String()
}

func TestKeys(t *testing.T) {
	lib := testLibrary(t)
	m, msgs := press(app(t, lib, 80, 24), "q")
	if len(msgs) != 2 || msgs[0] != (QuitMsg{}) || msgs[1] != (tea.QuitMsg{}) {
		t.Errorf("q sent %v, want QuitMsg and the program's end", msgs)
	}
	// Once filtering, q is a letter.
	m, msgs = press(app(t, lib, 80, 24), "/", "type:q")
	if len(msgs) != 0 || m.picker.Query() != "q" {
		t.Errorf("q while filtering: %v, query %q", msgs, m.picker.Query())
	}
	m, _ = press(m, "esc")
	if m.picker.Query() != "" || m.picker.focused || len(m.picker.rows) != len(lib.Entries) {
		t.Errorf("esc left query %q, focused %v, %d rows", m.picker.Query(), m.picker.focused, len(m.picker.rows))
	}
	m, msgs = press(app(t, lib, 80, 24), "type:mini", "enter")
	if len(msgs) != 2 || msgs[0] != (OpenMsg{Entry: lib.Entries[2]}) {
		t.Fatalf("enter on mini sent %v", msgs)
	}
	if _, ok := msgs[1].(tea.QuitMsg); !ok || m.result.Open != lib.Entries[2] {
		t.Errorf("opening did not end the program with the entry: %v, %v", msgs[1], m.result.Open)
	}
	st := m.State()
	if st.Query != "mini" || st.Selected != "briefings/rivers/mini.brief.md" || st.Library != lib {
		t.Errorf("state %+v", st)
	}
	m, msgs = press(app(t, lib, 80, 24), "down", "enter")
	if len(msgs) != 0 || !strings.Contains(plain(m), "broken.brief.md cannot be opened: 2 problems") {
		t.Errorf("enter on a broken file: %v\n%s", msgs, plain(m))
	}
	m, _ = press(m, "down")
	if strings.Contains(plain(m), "cannot be opened: 2") {
		t.Error("the status outlived the next key")
	}
	m, _ = press(app(t, lib, 80, 24), "type:xyz", "backspace", "backspace")
	if m.picker.Query() != "x" {
		t.Errorf("backspace left %q", m.picker.Query())
	}
	m, _ = press(m, "ctrl+u")
	if m.picker.Query() != "" {
		t.Errorf("ctrl+u left %q", m.picker.Query())
	}
	m = step(app(t, lib, 80, 24), tea.PasteMsg{Content: "riv\x1b[2Jers\n"})
	if q := m.picker.Query(); strings.ContainsRune(q, 0x1b) || !strings.HasPrefix(q, "riv") {
		t.Errorf("paste gave query %q", q)
	}
	m, msgs = press(app(t, lib, 80, 24), "ctrl+c")
	if !m.interrupted || len(msgs) != 1 || msgs[0] != (tea.QuitMsg{}) {
		t.Errorf("ctrl+c: interrupted %v, %v", m.interrupted, msgs)
	}
}

// Coming back from explore mode, the filter and the cursor are as they
// were, and q quits at once.
func TestRestore(t *testing.T) {
	lib := testLibrary(t)
	m := New(context.Background(), "briefings", nil, State{Library: lib, Query: "a", Selected: "briefings/rivers/plain-article.txt"}, style.Dark, true)
	m = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if e := m.picker.Selected(); e == nil || e.Path != "briefings/rivers/plain-article.txt" || m.picker.Query() != "a" {
		t.Fatalf("restored on %+v with %q", e, m.picker.Query())
	}
	if _, msgs := press(m, "q"); len(msgs) != 2 || msgs[0] != (QuitMsg{}) {
		t.Errorf("q after coming back sent %v", msgs)
	}
}

func TestHelpShowsOnlyKeysInEffect(t *testing.T) {
	m := app(t, testLibrary(t), 120, 40)
	if s := plain(m); strings.Contains(s, "clear filter") || !strings.Contains(s, "q quit") {
		t.Errorf("help without a filter:\n%s", s)
	}
	m, _ = press(m, "type:ab")
	if s := plain(m); !strings.Contains(s, "esc clear filter") || strings.Contains(s, "q quit") {
		t.Errorf("help while filtering:\n%s", s)
	}
}

func TestLoading(t *testing.T) {
	lib := testLibrary(t)
	calls := 0
	load := func(ctx context.Context, progress func(done, total int)) *mlibrary.Library {
		calls++
		progress(4, 4)
		return lib
	}
	m := New(context.Background(), "briefings", load, State{}, style.Auto, true)
	cmd := m.Init()
	if cmd == nil || !m.loading {
		t.Fatal("no load started")
	}
	m = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if _, msgs := press(m, "down"); len(msgs) != 0 {
		t.Errorf("keys while loading did %v", msgs)
	}
	m = step(m, loadedMsg{lib})
	if m.loading || len(m.picker.rows) != 4 || !strings.Contains(plain(m), "Russia recognises") {
		t.Errorf("after loading:\n%s", plain(m))
	}
	m = step(m, progressMsg{1, 2})
	if strings.Contains(plain(m), "Loading") {
		t.Error("a late progress message brought the progress screen back")
	}
	bad := &mlibrary.Library{Dir: "x", Err: fmt.Errorf("x: permission denied")}
	m = step(New(context.Background(), "x", load, State{}, style.Dark, true), loadedMsg{bad})
	if m.err == nil {
		t.Error("a folder that cannot be read is no error")
	}
	m, msgs := press(New(context.Background(), "x", load, State{}, style.Dark, true), "q")
	if len(msgs) != 1 || msgs[0] != (tea.QuitMsg{}) {
		t.Errorf("q while loading sent %v", msgs)
	}
	_ = m
}

// Without colour, the selection and the matches still show: reverse
// video for the row, underline for matched characters.
func TestNoColorKeepsSelectionVisible(t *testing.T) {
	m, _ := press(app(t, testLibrary(t), 80, 24), "type:russ")
	out := m.Render()
	if !strings.Contains(out, "\x1b[7m") || !strings.Contains(out, "4m") {
		t.Errorf("no reverse video or underline:\n%q", out)
	}
	if strings.Contains(out, "38;") || strings.Contains(out, "48;") {
		t.Errorf("colours without colour:\n%q", out)
	}
}

// Light and dark themes both draw, in colour.
func TestThemes(t *testing.T) {
	for _, dark := range []bool{true, false} {
		for _, hc := range []bool{false, true} {
			th := NewTheme(dark, hc, false)
			if th.Selected.Render("x") == "x" || th.Match.Render("x") == "x" {
				t.Errorf("dark %v, high contrast %v: selection or match unstyled", dark, hc)
			}
		}
	}
	m := New(context.Background(), "briefings", nil, State{Library: testLibrary(t)}, style.Auto, false)
	m = step(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	dark := m.Render()
	m = step(m, tea.BackgroundColorMsg{Color: color.White})
	if m.dark || m.Render() == dark {
		t.Error("a light background did not change the theme")
	}
}
