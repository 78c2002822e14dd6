package present

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// fixedNow is the clock of every test: 14:05:00 on the seed's publication day.
var fixedNow = time.Date(2025, 7, 19, 14, 5, 0, 0, time.UTC)

func seed(t testing.TB) *model.Briefing {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newTest returns a presenter of b at w x h, without colour and on a fixed
// clock.
func newTest(t testing.TB, b *model.Briefing, w, h int, opts Options) Model {
	t.Helper()
	th, err := NewTheme(opts.Theme, true)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return fixedNow }
	}
	m := NewModel(b, th, opts, nil, nil)
	return update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

func update(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		nm, _ := m.Update(msg)
		m = nm.(Model)
	}
	return m
}

func press(keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "right":
			msg = tea.KeyPressMsg{Code: tea.KeyRight}
		case "left":
			msg = tea.KeyPressMsg{Code: tea.KeyLeft}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "pgdown":
			msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
		case "pgup":
			msg = tea.KeyPressMsg{Code: tea.KeyPgUp}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		case "home":
			msg = tea.KeyPressMsg{Code: tea.KeyHome}
		case "end":
			msg = tea.KeyPressMsg{Code: tea.KeyEnd}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "f5":
			msg = tea.KeyPressMsg{Code: tea.KeyF5}
		case "ctrl+c":
			msg = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
		default:
			r := []rune(k)[0]
			msg = tea.KeyPressMsg{Code: r, Text: k}
		}
		out = append(out, msg)
	}
	return out
}

// plain is the screen without escape sequences, checked to fit w x h.
func plain(t testing.TB, m Model) string {
	t.Helper()
	s := ansi.Strip(m.Screen())
	requireFits(t, s, m.w, m.h)
	return s
}

func requireFits(t testing.TB, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Fatalf("screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d cells wide, more than %d:\n%s", i+1, lw, w, l)
		}
	}
}

var sizes = []struct{ w, h int }{{80, 24}, {160, 45}}

// TestGoldenSlides draws every screen of the seed deck at 80x24 and 160x45.
func TestGoldenSlides(t *testing.T) {
	b := seed(t)
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := newTest(t, b, sz.w, sz.h, Options{})
			n := len(m.sl.pages)
			if n < len(model.BuildDeck(b)) {
				t.Fatalf("%d screens for %d slides", n, len(model.BuildDeck(b)))
			}
			for i := range n {
				s := plain(t, m)
				if want := fmt.Sprintf("%d/%d", m.slide+1, len(m.deck)); !strings.Contains(s, want) {
					t.Errorf("screen %d lacks its counter %s", i+1, want)
				}
				t.Run(fmt.Sprintf("%02d", i+1), func(t *testing.T) { golden.RequireEqual(t, s) })
				// A slide built up step by step takes a press per step.
				for slide, screen, k := m.slide, m.screen, 0; m.slide == slide && m.screen == screen && k < 100; k++ {
					m = update(t, m, press("right")...)
				}
			}
		})
	}
}

func TestGoldenStates(t *testing.T) {
	b := seed(t)
	cases := []struct {
		name  string
		opts  Options
		keys  []string
		later time.Duration // how long after the start the screen is drawn
	}{
		{"help", Options{}, []string{"right", "?"}, 0},
		{"goto-prompt", Options{}, []string{"1", "2"}, 0},
		{"clock", Options{Clock: true, Duration: 20 * time.Minute}, []string{"right", "right"}, 5*time.Minute + 12*time.Second},
		{"clock-warning", Options{Clock: true, Duration: 20 * time.Minute}, []string{"right"}, 18*time.Minute + 30*time.Second},
		{"clock-over", Options{Clock: true, Duration: 20 * time.Minute}, []string{"right"}, 21 * time.Minute},
	}
	for _, c := range cases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, sz.w, sz.h), func(t *testing.T) {
				m := newTest(t, b, sz.w, sz.h, c.opts)
				m = update(t, m, press(c.keys...)...)
				m = update(t, m, tickMsg(fixedNow.Add(c.later)))
				golden.RequireEqual(t, plain(t, m))
			})
		}
	}
}

func tea_size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }
