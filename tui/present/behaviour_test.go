package present

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
)

func TestKeysMoveThroughTheDeck(t *testing.T) {
	m := newTest(t, seed(t), 80, 24, Options{})
	n := len(m.deck)
	if !strings.Contains(plain(t, m), "1/"+itoa(n)) {
		t.Fatal("does not open on 1/N")
	}
	m = update(t, m, press("right", "space", "pgdown")...)
	if m.slide != 3 {
		t.Fatalf("right, space, pgdown reach slide %d, want 4", m.slide+1)
	}
	for _, k := range []string{"n", "l", "enter"} {
		before := m.slide
		m = update(t, m, press(k)...)
		if m.slide != before+1 {
			t.Errorf("%s does not go to the next slide", k)
		}
	}
	for _, k := range []string{"left", "pgup", "p", "h", "backspace"} {
		before := m.slide
		m = update(t, m, press(k)...)
		if m.slide != before-1 {
			t.Errorf("%s does not go to the previous slide", k)
		}
	}
	m = update(t, m, press("end")...)
	if m.slide != n-1 {
		t.Errorf("end goes to %d, want %d", m.slide+1, n)
	}
	m = update(t, m, press("right")...)
	if m.slide != n-1 {
		t.Error("next on the last slide moves past it")
	}
	m = update(t, m, press("home")...)
	if m.slide != 0 {
		t.Errorf("home goes to %d", m.slide+1)
	}
	m = update(t, m, press("left")...)
	if m.slide != 0 {
		t.Error("previous on the first slide moves before it")
	}
	m = update(t, m, press("1", "2", "enter")...)
	if m.slide != 11 {
		t.Errorf("12 enter goes to %d", m.slide+1)
	}
	m = update(t, m, press("9", "9", "enter")...)
	if m.slide != n-1 {
		t.Errorf("99 enter goes to %d, want the last, %d", m.slide+1, n)
	}
	m = update(t, m, press("3", "x", "enter")...)
	if m.slide != n-1 {
		t.Errorf("a stray key should cancel the jump; enter then moves on from %d, got %d", n, m.slide+1)
	}
	// F5 and esc, which clickers send, do nothing.
	before := plain(t, m)
	m = update(t, m, press("f5", "esc")...)
	if plain(t, m) != before {
		t.Error("F5 or esc changed the screen")
	}
	nm, cmd := m.Update(press("q")[0])
	if cmd == nil || nm.(Model).interrupted {
		t.Error("q does not quit cleanly")
	}
	nm, _ = m.Update(press("ctrl+c")[0])
	if !nm.(Model).interrupted {
		t.Error("ctrl+c is not an interrupt")
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

func TestBlankScreens(t *testing.T) {
	m := newTest(t, seed(t), 80, 24, Options{})
	m = update(t, m, press("right", "right", "right")...)
	slide := plain(t, m)
	for _, k := range []string{"b", ".", "w"} {
		m = update(t, m, press(k)...)
		s := plain(t, m)
		if strings.TrimSpace(s) != "" {
			t.Errorf("%s: the screen is not blank:\n%s", k, s)
		}
		m = update(t, m, press(k)...)
		if plain(t, m) != slide {
			t.Errorf("%s again does not bring the slide back", k)
		}
	}
	// Any key restores, and does nothing else.
	m = update(t, m, press("b", "right")...)
	if plain(t, m) != slide {
		t.Error("a key on a black screen should only restore the slide")
	}
	// Without colour, a white screen is drawn in reverse video.
	m = update(t, m, press("w")...)
	if !strings.Contains(m.Screen(), "\x1b[7m") {
		t.Error("white screen without colour is not reverse video")
	}
}

const revealSrc = `---
format: brief/1
title: Reveal
source: Rivers
published: 2024-03-01
---

# Theme: Water {#water}

## The river floods every spring {#floods}

> The river floods every spring.

## Farmers move their herds {#herds}

> Farmers move their herds.

## The council built a wall {#wall}

> In 2019, the council built a wall.

# Deck

## theme water

- reveal: yes

## closing

# Source

The river floods every spring. Farmers move their herds.

In 2019, the council built a wall. It held.
`

func TestRevealOneAtATime(t *testing.T) {
	b, err := model.Parse("reveal.brief.md", []byte(revealSrc), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := newTest(t, b, 80, 24, Options{})
	s := plain(t, m)
	if !strings.Contains(s, "The river floods") || strings.Contains(s, "Farmers") || strings.Contains(s, "council") {
		t.Fatalf("step 1 shows more than the first point:\n%s", s)
	}
	m = update(t, m, press("right")...)
	s = plain(t, m)
	if !strings.Contains(s, "Farmers") || strings.Contains(s, "council") || m.slide != 0 {
		t.Fatalf("step 2:\n%s", s)
	}
	m = update(t, m, press("right", "right")...)
	if m.slide != 1 {
		t.Fatalf("after every point, next goes on; at %d", m.slide+1)
	}
	m = update(t, m, press("left")...)
	if s := plain(t, m); m.slide != 0 || !strings.Contains(s, "council") {
		t.Fatalf("back shows the previous slide whole:\n%s", s)
	}
	if st := m.State(); st.Step != 3 || st.Steps != 3 {
		t.Errorf("state step %d/%d", st.Step, st.Steps)
	}
}

func TestCheck(t *testing.T) {
	b := seed(t)
	if p, err := Check(b, 160, 45); len(p) != 0 || err != nil {
		t.Errorf("seed deck at 160x45: %v %v", p, err)
	}
	if _, err := Check(b, 50, 15); err == nil || !strings.Contains(err.Error(), "smaller than") {
		t.Errorf("50x15: %v", err)
	}
	long := strings.Replace(revealSrc, "## closing", "## text A wall of text\n\n"+strings.Repeat("This paragraph goes on and on. ", 200)+"\n\n## closing", 1)
	lb, err := model.Parse("long.brief.md", []byte(long), nil)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Check(lb, 60, 20)
	if len(p) != 1 || p[0].Slide != 2 || !strings.Contains(p[0].String(), "slide 2 “A wall of text”") || p[0].Screens < 2 || len(p[0].Cut) == 0 {
		t.Errorf("a paragraph taller than the screen: %v", p)
	}
	// The renderer still never overflows: the paragraph is cut across screens.
	m := newTest(t, lb, 60, 20, Options{})
	for range m.sl.pages {
		plain(t, m)
		m = update(t, m, press("right")...)
	}
}

func TestEverySizeFits(t *testing.T) {
	b := seed(t)
	for _, sz := range [][2]int{{60, 20}, {61, 21}, {79, 23}, {100, 30}, {120, 40}, {200, 60}, {300, 100}, {40, 10}, {59, 30}} {
		for _, th := range ThemeNames {
			m := newTest(t, b, sz[0], sz[1], Options{Theme: th, Clock: true, Duration: time.Minute})
			for range max(1, len(m.sl.pages)) {
				plain(t, m)
				m = update(t, m, press("right")...)
			}
			m = update(t, m, press("?")...)
			plain(t, m)
		}
	}
}

func TestResizeKeepsTheSlide(t *testing.T) {
	m := newTest(t, seed(t), 160, 45, Options{})
	m = update(t, m, press("end", "left")...)
	slide := m.slide
	m = update(t, m, tea_size(80, 24))
	if m.slide != slide {
		t.Errorf("after a resize, slide %d became %d", slide, m.slide)
	}
}

func TestColourThemesPaintTheScreen(t *testing.T) {
	for _, name := range ThemeNames {
		th, err := NewTheme(name, false)
		if err != nil {
			t.Fatal(err)
		}
		m := NewModel(seed(t), th, Options{Now: func() time.Time { return fixedNow }}, nil, nil)
		m = update(t, m, tea_size(80, 24))
		s := m.Screen()
		if !strings.Contains(s, "\x1b[") {
			t.Errorf("%s: no colour", name)
		}
		requireFits(t, s, 80, 24)
	}
	if _, err := NewTheme("sepia", false); err == nil {
		t.Error("an unknown theme is accepted")
	}
}

func TestStatePublished(t *testing.T) {
	th, _ := NewTheme("", true)
	hub := deckctl.NewHub()
	m := NewModel(seed(t), th, Options{Now: func() time.Time { return fixedNow }, Duration: 20 * time.Minute}, hub, nil)
	m = update(t, m, tea_size(80, 24))
	m = update(t, m, press("right", "right", "right")...)
	st, _ := hub.Latest()
	if st.Slide != 4 || st.Total != len(m.deck) || st.Title != "Russia’s history with Afghanistan" || st.Next == nil || st.Next.Title != "Security" || len(st.Next.Lines) == 0 {
		t.Errorf("state = %+v", st)
	}
	if len(st.Notes) == 0 || st.Timer.Duration != 20*time.Minute || !st.Timer.Started.Equal(fixedNow) {
		t.Errorf("notes/timer = %q %+v", st.Notes, st.Timer)
	}
	m = update(t, m, press("b")...)
	if st, _ := hub.Latest(); st.Blank != "black" {
		t.Errorf("blank = %q", st.Blank)
	}
	// Commands from a console move the presentation.
	m = update(t, m, ctlMsg{Op: deckctl.OpNext})
	if m.slide != 4 || m.blank != "" {
		t.Errorf("console next: at %d blank %q", m.slide+1, m.blank)
	}
	m = update(t, m, ctlMsg{Op: deckctl.OpGoto, Slide: 2}, ctlMsg{Op: deckctl.OpBlank, Blank: "white"})
	if m.slide != 1 || m.blank != "white" {
		t.Errorf("console goto/blank: at %d blank %q", m.slide+1, m.blank)
	}
	m = update(t, m, ctlMsg{Op: deckctl.OpPrev})
	if m.slide != 0 {
		t.Errorf("console prev: at %d", m.slide+1)
	}
}

func TestWritePlain(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePlain(&buf, seed(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	deck := model.BuildDeck(seed(t))
	if got := strings.Count(out, "── "); got != len(deck) {
		t.Errorf("%d slide headers, want %d", got, len(deck))
	}
	for _, want := range []string{"── 1/", "Russia recognises the Taliban government", "note: Open with the distinction"} {
		if !strings.Contains(out, want) {
			t.Errorf("plain deck lacks %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^.*1980s .*Soviet military intervention`).MatchString(out) {
		t.Error("the timeline of the plain deck does not read as the projector's: date, then event")
	}
	if strings.Contains(out, "\x1b") {
		t.Error("plain deck holds escape sequences")
	}
	for i, l := range strings.Split(out, "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("line %d is %d wide", i+1, w)
		}
	}
}

func TestClockWarnsInTheLastTwoMinutes(t *testing.T) {
	m := newTest(t, seed(t), 80, 24, Options{Clock: true, Duration: 20 * time.Minute})
	const warn = "\x1b[1;7m" // bold reverse: the warning style without colour
	m = update(t, m, tickMsg(fixedNow.Add(17*time.Minute)))
	if s := m.Screen(); strings.Contains(s, warn) || !strings.Contains(ansi.Strip(s), "17:00 elapsed · 3:00 left") {
		t.Fatalf("at 17:00 of 20:00:\n%q", s)
	}
	m = update(t, m, tickMsg(fixedNow.Add(18*time.Minute)))
	if s := m.Screen(); !strings.Contains(s, warn+"14:23 · 18:00 elapsed · 2:00 left") {
		t.Fatalf("at 18:00 of 20:00 the timer is not in its warning style:\n%q", s)
	}
	// Without --clock the slides show no time at all.
	m = newTest(t, seed(t), 80, 24, Options{Duration: 20 * time.Minute})
	if strings.Contains(plain(t, m), "elapsed") {
		t.Error("the timer shows on the slides without --clock")
	}
}

func TestTimer(t *testing.T) {
	start := fixedNow
	cases := []struct {
		d       time.Duration
		after   time.Duration
		status  string
		warning bool
	}{
		{0, 0, "0:00 elapsed", false},
		{0, 75 * time.Minute, "1:15:00 elapsed", false},
		{20 * time.Minute, 5*time.Minute + 12*time.Second + 900*time.Millisecond, "5:12 elapsed · 14:47 left", false},
		{20 * time.Minute, 17*time.Minute + 59*time.Second, "17:59 elapsed · 2:01 left", false},
		{20 * time.Minute, 18 * time.Minute, "18:00 elapsed · 2:00 left", true},
		{20 * time.Minute, 20 * time.Minute, "20:00 elapsed · 0:00 left", true},
		{20 * time.Minute, 21*time.Minute + 5*time.Second, "21:05 elapsed · 1:05 over", true},
		{20 * time.Minute, -time.Minute, "0:00 elapsed · 20:00 left", false},
	}
	for _, c := range cases {
		tm := Timer{Start: start, Duration: c.d}
		now := start.Add(c.after)
		if got := tm.Status(now); got != c.status {
			t.Errorf("%v of %v: %q, want %q", c.after, c.d, got, c.status)
		}
		if got := tm.Warning(now); got != c.warning {
			t.Errorf("%v of %v: warning %v, want %v", c.after, c.d, got, c.warning)
		}
	}
}
