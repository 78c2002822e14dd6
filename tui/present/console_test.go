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
	st.File, st.TTY = "/home/ana/talks/russia.brief.md", "/dev/pts/3"
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
		{"looking", []tea.Msg{notFoundMsg{err: deckctl.ErrNone}}},
		{"ended", []tea.Msg{connectedMsg{nil, st}, goneMsg{nil}}},
		{"ended-others", []tea.Msg{connectedMsg{nil, st}, goneMsg{nil}, notFoundMsg{err: deckctl.ErrNone, others: 2}}},
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

// The notes scroll with keys of their own, which never reach the room: at
// 60x20 the seed's notes for slide 4 do not fit, ↓ and j bring their last
// rows into view, ↑ and k take them back, and the slide stays.
func TestConsoleNotesScroll(t *testing.T) {
	st := seedState(t)
	c := consoleUpdate(t, testConsole(t, 60, 20), connectedMsg{nil, st})
	first := consolePlain(t, c)
	if !strings.Contains(first, "↓ more") || !strings.Contains(first, "↓↑ notes") {
		t.Fatalf("notes that do not fit say nothing of scrolling:\n%s", first)
	}
	last := strings.TrimSpace(c.noteLines(58)[len(c.noteLines(58))-1])
	if strings.Contains(first, last) {
		t.Fatalf("the notes' last row %q is shown before scrolling:\n%s", last, first)
	}
	for _, k := range []string{"down", "j", "down", "j", "down"} {
		nc, cmd := c.Update(press(k)[0])
		c = nc.(Console)
		if cmd != nil {
			t.Errorf("%s sends something to the presentation", k)
		}
	}
	scrolled := consolePlain(t, c)
	if !strings.Contains(scrolled, last) || !strings.Contains(scrolled, "4/14") {
		t.Errorf("after scrolling down the notes' last row %q or the slide is not shown:\n%s", last, scrolled)
	}
	for _, k := range []string{"up", "k", "up", "k", "up", "up"} {
		c = consoleUpdate(t, c, press(k)[0])
	}
	if got := consolePlain(t, c); got != first {
		t.Errorf("scrolling back up does not return to the top:\n%s", got)
	}
	// A new slide shows its notes from the top.
	c = consoleUpdate(t, c, press("down")[0])
	next := st
	next.Slide++
	c.conn = nil
	c = consoleUpdate(t, c, stateMsg{nil, next})
	if c.notesTop != 0 {
		t.Errorf("a new slide's notes start at row %d", c.notesTop+1)
	}
	// At 80x24 the notes come first, whole, then the next slide.
	c = consoleUpdate(t, testConsole(t, 80, 24), connectedMsg{nil, st})
	s := consolePlain(t, c)
	notes, next5 := strings.Index(s, last), strings.Index(s, "Next: ")
	if notes < 0 || next5 < notes {
		t.Errorf("at 80x24 the notes are not whole and before the next slide:\n%s", s)
	}
}

// When the presentation followed ends, the console waits for that one to
// start again (the same briefing file) and attaches to no other until a
// is pressed.
func TestConsoleAttachesToAnotherOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	hub := deckctl.NewHub()
	srv, err := deckctl.Listen(dir, "Other talk", hub)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	hub.Publish(deckctl.State{PID: 7, Briefing: "Other talk", File: "/talks/other.brief.md", Slide: 2, Total: 9})
	gone := deckctl.State{PID: 6, Briefing: "My talk", File: "/talks/mine.brief.md", Slide: 5, Total: 9}
	c := NewConsole(dir, ConsoleOptions{NoColor: true, Now: func() time.Time { return fixedNow }})
	c = consoleUpdate(t, c, tea.WindowSizeMsg{Width: 80, Height: 24}, connectedMsg{nil, gone}, goneMsg{nil})
	msg := restartCmd(dir, gone)()
	nf, ok := msg.(notFoundMsg)
	if !ok || nf.others != 1 {
		t.Fatalf("waiting for mine.brief.md with only another running: %#v", msg)
	}
	c = consoleUpdate(t, c, nf)
	s := consolePlain(t, c)
	if c.connected || !strings.Contains(s, "has ended") || !strings.Contains(s, "mine.brief.md") || !strings.Contains(s, "a follows it") {
		t.Fatalf("the console does not say its presentation ended and another runs:\n%s", s)
	}
	// The same briefing started again is found.
	again := gone
	again.PID = 8
	if !again.Same(gone) || again.Same(deckctl.State{File: "/talks/other.brief.md"}) {
		t.Error("Same does not tell presentations by their file")
	}
	// a attaches to the other.
	_, cmd := c.Update(press("a")[0])
	if cmd == nil {
		t.Fatal("a does nothing")
	}
	cm, ok := cmd().(connectedMsg)
	if !ok || cm.st.Briefing != "Other talk" {
		t.Fatalf("a connects to %#v", cm)
	}
	c = consoleUpdate(t, c, cm)
	cm.conn.Close()
	if !c.connected || !strings.Contains(consolePlain(t, c), "other.brief.md") {
		t.Errorf("after a, the console does not follow the other presentation:\n%s", consolePlain(t, c))
	}
}
