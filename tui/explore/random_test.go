package explore

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/brief-cli/brief/internal/testkit/long"
	"github.com/brief-cli/brief/internal/testkit/randev"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// TestRandomEvents throws 5,000 random keys, mouse events, pastes and
// resizes (1x1 to 500x200; 100,000 with BRIEF_LONG=1, as in CI) at explore
// mode and checks after each one: no panic (Update recovers panics into
// m.err, so that is checked too), every navigator's cursor in range, and the
// view within the terminal's size.
func TestRandomEvents(t *testing.T) {
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := long.Count(5_000, 100_000)
	runRandom(t, b, n, 1)
}

// The hostile corpus gets a shorter run each: 1,000 events, 3,000 with
// BRIEF_LONG=1 (as in CI).
func TestRandomEventsOnHostileFiles(t *testing.T) {
	for _, f := range []string{"csi-clear", "osc-title-bel", "bidi-trojan", "unicode-wide", "invisible", "c1-controls"} {
		b, err := model.Load("../../testdata/hostile/" + f + ".brief.md")
		if err != nil {
			t.Fatal(err)
		}
		t.Run(f, func(t *testing.T) { runRandom(t, b, long.Count(1_000, 3_000), 2) })
	}
}

func runRandom(t *testing.T, b *model.Briefing, n int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	var m tea.Model = New(b, config{theme: ThemeDark})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	w, h := 120, 40
	for i := range n {
		msg := randev.Next(r)
		if s, ok := msg.(tea.WindowSizeMsg); ok {
			w, h = s.Width, s.Height
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		// Run search commands now and then, so results arrive too.
		if cmd != nil && i%50 == 0 {
			if res, ok := runQuick(cmd).(searchResultsMsg); ok {
				m, _ = m.Update(res)
			}
		}
		root := m.(Model)
		if root.err != nil {
			t.Fatalf("event %d (%T %v): %v", i, msg, msg, root.err)
		}
		for k, nl := range root.navs {
			if len(nl.refs) > 0 && (nl.cursor < 0 || nl.cursor >= len(nl.refs)) {
				t.Fatalf("event %d: navigator %d cursor %d out of %d", i, k, nl.cursor, len(nl.refs))
			}
		}
		if i%10 == 0 || w*h < 400 {
			view := root.Render()
			viewFits(t, i, view, w, h)
			if raw := sgr.ReplaceAllString(view, ""); strings.ContainsAny(raw, "\x1b\x07\u009b\u009d\u202e") {
				t.Fatalf("event %d: a control sequence other than styling reached the view: %q", i, raw)
			}
		}
	}
}

// sgr matches the styling sequences the renderer itself writes; anything
// else that looks like a control in a view came from content.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

func viewFits(t *testing.T, i int, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("event %d: view has %d lines at %dx%d", i, len(lines), w, h)
	}
	for j, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("event %d: line %d is %d wide at %dx%d: %q", i, j, lw, w, h, l)
		}
	}
}

// runQuick runs a command that returns at once (a search) and gives up on
// slow ones (timers); batches are searched for a search result.
func runQuick(cmd tea.Cmd) tea.Msg {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(200 * time.Millisecond):
		return nil // a timer or other slow command: not what this test feeds back
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c == nil {
				continue
			}
			if res, ok := runQuick(c).(searchResultsMsg); ok {
				return res
			}
		}
	}
	return msg
}
