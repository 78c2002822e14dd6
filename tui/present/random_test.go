package present

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/internal/testkit/long"
	"github.com/brief-cli/brief/internal/testkit/randev"
	"github.com/brief-cli/brief/model"
)

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestRandomEvents throws 5,000 random keys, mouse events, pastes and
// resizes (1x1 to 500x200; 100,000 with BRIEF_LONG=1, as in CI) at the
// presenter, with a console hub attached, and checks after each: no panic,
// the current page in range, the view within the terminal, and no control
// sequence but styling in it.
func TestRandomEvents(t *testing.T) {
	n := long.Count(5_000, 100_000)
	runRandom(t, seed(t), n, 1)
}

// The hostile corpus gets a shorter run each: 1,000 events, 3,000 with
// BRIEF_LONG=1 (as in CI).
func TestRandomEventsOnHostileFiles(t *testing.T) {
	for _, f := range []string{"csi-clear", "osc52-clipboard", "bidi-trojan", "unicode-wide", "c0-del"} {
		b, err := model.Load("../../testdata/hostile/" + f + ".brief.md")
		if err != nil {
			t.Fatal(err)
		}
		t.Run(f, func(t *testing.T) { runRandom(t, b, long.Count(1_000, 3_000), 3) })
	}
}

func runRandom(t *testing.T, b *model.Briefing, n int, s uint64) {
	r := rand.New(rand.NewPCG(s, 11))
	th, err := NewTheme("projector", false)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	var m tea.Model = NewModel(b, th, Options{Now: func() time.Time { return now }, Duration: 20 * time.Minute, Clock: true}, deckctl.NewHub(), nil)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	w, h := 80, 24
	for i := range n {
		msg := randev.Next(r)
		if sz, ok := msg.(tea.WindowSizeMsg); ok {
			w, h = sz.Width, sz.Height
		}
		m, _ = m.Update(msg)
		pm := m.(Model)
		if len(pm.sl.pages) > 0 && (pm.slide < 0 || pm.slide >= len(pm.deck) || pm.screen < 1 || pm.screen > pm.sl.Screens(pm.slide)) {
			t.Fatalf("event %d: slide %d screen %d of %d", i, pm.slide, pm.screen, len(pm.deck))
		}
		if i%10 != 0 && w*h >= 400 {
			continue
		}
		view := pm.View().Content
		lines := strings.Split(view, "\n")
		if len(lines) > h {
			t.Fatalf("event %d: %d lines at %dx%d", i, len(lines), w, h)
		}
		for j, l := range lines {
			if lw := lipgloss.Width(l); lw > w {
				t.Fatalf("event %d: line %d is %d wide at %dx%d", i, j, lw, w, h)
			}
		}
		if raw := sgr.ReplaceAllString(view, ""); strings.ContainsAny(raw, "\x1b\x07\u009b\u009d\u202e") {
			t.Fatalf("event %d: a control sequence other than styling reached the view: %q", i, raw)
		}
	}
}
