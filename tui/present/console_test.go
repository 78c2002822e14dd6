package present

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/deckctl"
)

func testConsole(t *testing.T, w, h int) Console {
	t.Helper()
	c := NewConsole(t.TempDir(), ConsoleOptions{NoColor: true, Now: func() time.Time { return fixedNow }})
	return consoleUpdate(t, c, tea.WindowSizeMsg{Width: w, Height: h})
}

func consoleUpdate(t *testing.T, c Console, msgs ...tea.Msg) Console {
	t.Helper()
	for _, msg := range msgs {
		nc, _ := c.Update(msg)
		c = nc.(Console)
	}
	return c
}

func consolePlain(t *testing.T, c Console) string {
	t.Helper()
	s := ansi.Strip(c.Screen())
	requireFits(t, s, c.w, c.h)
	return s
}

// seedState is what the presenter publishes on slide 4 of the seed deck.
func seedState(t *testing.T) deckctl.State {
	m := newTest(t, seed(t), 80, 24, Options{Duration: 20 * time.Minute, Now: func() time.Time { return fixedNow.Add(-5*time.Minute - 12*time.Second) }})
	m = update(t, m, press("right", "right", "right")...)
	st := m.State()
	st.PID = 4242
	return st
}

func TestGoldenConsole(t *testing.T) {
	st := seedState(t)
	blank := st
	blank.Blank = "black"
	late := st
	late.Timer.Started = fixedNow.Add(-19 * time.Minute)
	cases := []struct {
		name string
		msgs []tea.Msg
	}{
		{"following", []tea.Msg{connectedMsg{nil, st}}},
		{"blank", []tea.Msg{connectedMsg{nil, blank}}},
		{"last-minutes", []tea.Msg{connectedMsg{nil, late}}},
		{"looking", []tea.Msg{notFoundMsg{deckctl.ErrNone}}},
		{"ended", []tea.Msg{connectedMsg{nil, st}, goneMsg{nil}}},
		{"help", []tea.Msg{connectedMsg{nil, st}, press("?")[0]}},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{80, 24}, {60, 20}} {
			t.Run(c.name+"/"+itoa(sz[0])+"x"+itoa(sz[1]), func(t *testing.T) {
				con := consoleUpdate(t, testConsole(t, sz[0], sz[1]), c.msgs...)
				golden.RequireEqual(t, consolePlain(t, con))
			})
		}
	}
}

func TestConsoleShowsTheState(t *testing.T) {
	st := seedState(t)
	c := consoleUpdate(t, testConsole(t, 80, 24), connectedMsg{nil, st})
	s := consolePlain(t, c)
	for _, want := range []string{"4/" + itoa(st.Total), "Russia’s history with Afghanistan", "Next: Security", "5:12 elapsed · 14:48 left", "14:05", "two decades of Russian"} {
		if !strings.Contains(s, want) {
			t.Errorf("console lacks %q:\n%s", want, s)
		}
	}
	// The next slide's content, not only its title, and the pace.
	if st.Next == nil || len(st.Next.Lines) == 0 {
		t.Fatal("the state carries no preview of the next slide")
	}
	first := strings.Join(strings.Fields(st.Next.Lines[0])[:4], " ")
	if !strings.Contains(s, first) || !strings.Contains(s, "slides left") {
		t.Errorf("console lacks the next slide's first line %q or the pace:\n%s", first, s)
	}
	// Digits typed on the projector show on the console as they are typed.
	typing := st
	typing.Digits = "1"
	if s := consolePlain(t, consoleUpdate(t, c, stateMsg{nil, typing})); !strings.Contains(s, "go to slide 1_") {
		t.Errorf("digits typed on the projector are not shown:\n%s", s)
	}
	// The warning style in the last two minutes: reverse video without colour.
	st.Timer.Started = fixedNow.Add(-19 * time.Minute)
	c = consoleUpdate(t, c, stateMsg{nil, st})
	if !strings.Contains(c.Screen(), "\x1b[1;7m19:00 elapsed") {
		t.Errorf("the timer is not in its warning style:\n%q", c.Screen())
	}
	// A state from a connection that has been replaced is ignored.
	old := st
	old.Slide = 1
	c.conn = &deckctl.Conn{}
	c = consoleUpdate(t, c, stateMsg{nil, old})
	if c.st.Slide != 4 {
		t.Error("a stale connection's state was shown")
	}
}

func TestConsoleKeysDriveThePresentation(t *testing.T) {
	dir := t.TempDir()
	hub := deckctl.NewHub()
	srv, err := deckctl.Listen(dir, "Keys", hub)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	hub.Publish(deckctl.State{Slide: 4, Total: 18})
	c := NewConsole(dir, ConsoleOptions{NoColor: true, Now: func() time.Time { return fixedNow }})
	c = consoleUpdate(t, c, tea.WindowSizeMsg{Width: 80, Height: 24})
	msg := connectCmd(dir, "")()
	cm, ok := msg.(connectedMsg)
	if !ok || cm.st.Slide != 4 {
		t.Fatalf("connect = %#v", msg)
	}
	c = consoleUpdate(t, c, cm)
	want := []struct {
		keys []string
		cmd  deckctl.Command
	}{
		{[]string{"right"}, deckctl.Command{Op: deckctl.OpNext}},
		{[]string{"pgup"}, deckctl.Command{Op: deckctl.OpPrev}},
		{[]string{"1", "2", "enter"}, deckctl.Command{Op: deckctl.OpGoto, Slide: 12}},
		{[]string{"end"}, deckctl.Command{Op: deckctl.OpGoto, Slide: 18}},
		{[]string{"b"}, deckctl.Command{Op: deckctl.OpBlank, Blank: "black"}},
		{[]string{"w"}, deckctl.Command{Op: deckctl.OpBlank, Blank: "white"}},
	}
	for _, w := range want {
		var cmd tea.Cmd
		for _, k := range press(w.keys...) {
			var nc tea.Model
			nc, cmd = c.Update(k)
			c = nc.(Console)
		}
		if cmd == nil {
			t.Fatalf("%v sends nothing", w.keys)
		}
		cmd()
		select {
		case got := <-srv.Commands():
			if got != w.cmd {
				t.Errorf("%v sent %+v, want %+v", w.keys, got, w.cmd)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: nothing arrived", w.keys)
		}
	}
	// b on a black screen turns it off.
	c = consoleUpdate(t, c, stateMsg{c.conn, deckctl.State{Slide: 4, Total: 18, Blank: "black"}})
	_, cmd := c.Update(press("b")[0])
	cmd()
	if got := <-srv.Commands(); got.Op != deckctl.OpBlank || got.Blank != "" {
		t.Errorf("b on a black screen sent %+v", got)
	}
	// The presentation ends: the console waits and looks again.
	srv.Close()
	msg = followCmd(c.conn)()
	for {
		if _, ok := msg.(stateMsg); !ok {
			break
		}
		msg = followCmd(c.conn)()
	}
	c = consoleUpdate(t, c, msg)
	if c.connected || !c.ended || !strings.Contains(consolePlain(t, c), "has ended") {
		t.Errorf("after the presenter quit: connected=%v ended=%v", c.connected, c.ended)
	}
	if _, ok := connectCmd(dir, "")().(notFoundMsg); !ok {
		t.Error("a console finds a presentation that has gone")
	}
	_, cmd = c.Update(press("q")[0])
	if cmd == nil {
		t.Fatal("q does nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q does not quit the console")
	}
}

func TestPace(t *testing.T) {
	start := fixedNow
	talk := Timer{Start: start, Duration: 20 * time.Minute}
	cases := []struct {
		t            Timer
		at           time.Duration
		slide, total int
		want         string
	}{
		{Timer{Start: start}, time.Minute, 3, 10, "7 slides left"},
		{talk, 10 * time.Minute, 6, 10, "4 slides left · 2:00 a slide · on pace"},
		{talk, 10 * time.Minute, 2, 10, "8 slides left · 1:06 a slide · behind"},
		{talk, 2 * time.Minute, 8, 10, "2 slides left · 6:00 a slide · ahead"},
		{talk, 19 * time.Minute, 9, 10, "1 slide left · 0:30 a slide · behind"},
		{talk, 21 * time.Minute, 9, 10, "1 slide left · over time"},
	}
	for _, c := range cases {
		if got := Pace(c.t, start.Add(c.at), c.slide, c.total); got != c.want {
			t.Errorf("slide %d/%d after %s: %q, want %q", c.slide, c.total, c.at, got, c.want)
		}
	}
}
