package explore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

func newProgram(t *testing.T, w, h int) *teatest.TestModel {
	t.Helper()
	return teatest.NewTestModel(t, New(seed(t), config{theme: ThemeDark}), teatest.WithInitialTermSize(w, h))
}

// waitFor waits until the output holds every one of whats (output read by
// one wait is gone for the next).
func waitFor(t *testing.T, tm *teatest.TestModel, whats ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range whats {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	},
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func finalModel(t *testing.T, tm *teatest.TestModel) Model {
	t.Helper()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
}

func TestProgramStartAndQuit(t *testing.T) {
	tm := newProgram(t, 120, 40)
	waitFor(t, tm, "Outline", "This month")
	tm.Send(keyMsg("q"))
	m := finalModel(t, tm)
	if m.interrupted || m.err != nil {
		t.Errorf("q: interrupted %v, err %v", m.interrupted, m.err)
	}
}

func TestProgramNavigation(t *testing.T) {
	tm := newProgram(t, 120, 40)
	waitFor(t, tm, "Outline")
	for range 7 {
		tm.Send(keyMsg("j"))
	}
	tm.Send(keyMsg("enter"))
	// The focused source's frame: the outline's own "Source · N ¶" row
	// is on the screen from the start.
	waitFor(t, tm, "▸ Source")
	tm.Send(keyMsg("t"))
	waitFor(t, tm, "Timeline axis")
	tm.Send(keyMsg("q"))
	m := finalModel(t, tm)
	if m.nav != navTimeline || m.current.Kind != "event" {
		t.Errorf("ended in navigator %v on %v", m.nav, m.current)
	}
}

func TestProgramSearch(t *testing.T) {
	tm := newProgram(t, 120, 40)
	waitFor(t, tm, "Outline")
	tm.Send(keyMsg("/"))
	tm.Type("moscw")
	waitFor(t, tm, "matches")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "Glossary term")
	tm.Send(keyMsg("ctrl+c"))
	m := finalModel(t, tm)
	if !m.interrupted {
		t.Error("ctrl+c not recorded as an interruption")
	}
	if m.current.ID != "g-moscow-format" {
		t.Errorf("search landed on %v", m.current)
	}
}

// blockingReader never returns input, like a terminal nobody types in.
type blockingReader struct{ done chan struct{} }

func (r blockingReader) Read([]byte) (int, error) { <-r.done; return 0, io.EOF }

func runWith(t *testing.T, ctx context.Context, in io.Reader) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := Run(ctx, seed(t), Options{In: in, Out: &out, Env: []string{"TERM=xterm-256color"}, StateDir: t.TempDir()})
	return out.String(), err
}

// restored checks that what the program entered it also left: the
// alternate screen and the mouse mode.
func restored(t *testing.T, out string) {
	t.Helper()
	for _, seq := range []string{"\x1b[?1049", "\x1b[?1002"} {
		on, off := strings.LastIndex(out, seq+"h"), strings.LastIndex(out, seq+"l")
		if on >= 0 && off < on {
			t.Errorf("%q set and never reset", seq)
		}
	}
}

func TestRunQuitRestoresTerminal(t *testing.T) {
	out, err := runWith(t, context.Background(), strings.NewReader("q"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\x1b[?1049h") {
		t.Fatal("the program never drew: the check below proves nothing")
	}
	restored(t, out)
}

func TestRunCtrlC(t *testing.T) {
	out, err := runWith(t, context.Background(), strings.NewReader("\x03"))
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, tea.ErrInterrupted) {
		t.Errorf("ctrl+c: %v", err)
	}
	restored(t, out)
}

func TestRunContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := blockingReader{done: make(chan struct{})}
	defer close(r.done)
	time.AfterFunc(200*time.Millisecond, cancel)
	out, err := runWith(t, ctx, r)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancel: %v", err)
	}
	restored(t, out)
}

func TestRunBadTheme(t *testing.T) {
	if err := Run(context.Background(), seed(t), Options{Theme: "sepia"}); err == nil || !strings.Contains(err.Error(), "sepia") {
		t.Errorf("bad theme: %v", err)
	}
	if err := Run(context.Background(), nil, Options{}); err == nil {
		t.Error("nil briefing accepted")
	}
}
