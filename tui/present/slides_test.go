package present

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/brief-cli/brief/model"
	"github.com/charmbracelet/x/ansi"
)

var (
	counterRow = regexp.MustCompile(`(\d+)/(\d+)\s*$`)
	splitMark  = regexp.MustCompile(`^\s*(\d+) · (\d+)/(\d+)\b`)
)

// walk steps through the whole deck at w x h with the next key, reading
// every screen as the room sees it: the slide number and total from the
// counter, and the slides whose screens carry the "7 · 2/2" mark.
func walk(t *testing.T, b *model.Briefing, w, h int) (numbers []int, total int, split []int) {
	t.Helper()
	m := newTest(t, b, w, h, Options{})
	screens := len(m.sl.pages)
	for range screens {
		rows := strings.Split(plain(t, m), "\n")
		status := rows[len(rows)-2]
		c := counterRow.FindStringSubmatch(status)
		if c == nil {
			t.Fatalf("%dx%d: no counter in %q", w, h, status)
		}
		n, _ := strconv.Atoi(c[1])
		total, _ = strconv.Atoi(c[2])
		if len(numbers) == 0 || numbers[len(numbers)-1] != n {
			numbers = append(numbers, n)
		}
		if s := splitMark.FindStringSubmatch(status); s != nil {
			if s[1] != c[1] {
				t.Errorf("%dx%d: split mark %q on slide %s", w, h, s[0], c[1])
			}
			if !slices.Contains(split, n) {
				split = append(split, n)
			}
		}
		// A slide built up step by step takes a press per step.
		for slide, screen, k := m.slide, m.screen, 0; m.slide == slide && m.screen == screen && k < 100; k++ {
			m = update(t, m, press("right")...)
		}
	}
	return numbers, total, split
}

// Slide numbers are slides, not screens: the same count and the same
// numbering at every size, however many screens a slide takes there.
func TestSlideNumbersDoNotDependOnTheSize(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	var want []int
	for i := range deck {
		want = append(want, i+1)
	}
	for _, sz := range [][2]int{{60, 20}, {80, 24}, {160, 45}, {300, 100}} {
		numbers, total, split := walk(t, b, sz[0], sz[1])
		if total != len(deck) || !slices.Equal(numbers, want) {
			t.Errorf("%dx%d: slides %v of %d, want %v of %d", sz[0], sz[1], numbers, total, want, len(deck))
		}
		// --check names exactly the slides that split there.
		unfit, err := Check(b, sz[0], sz[1])
		if err != nil {
			t.Fatal(err)
		}
		var named []int
		for _, u := range unfit {
			named = append(named, u.Slide)
			if !strings.Contains(u.String(), "slide "+strconv.Itoa(u.Slide)+" “"+deck[u.Slide-1].Title) {
				t.Errorf("%dx%d: %q does not name the slide by number and title", sz[0], sz[1], u)
			}
		}
		if !slices.Equal(named, split) {
			t.Errorf("%dx%d: --check names slides %v, the room sees %v split", sz[0], sz[1], named, split)
		}
		if sz == [2]int{60, 20} && len(split) == 0 {
			t.Error("nothing splits at 60x20: the test shows nothing there")
		}
	}
}

// A slide that needs two screens shows "n · 1/2", then "n · 2/2" on next,
// and the jump by number lands on its first screen.
func TestSplitSlideMovesWithin(t *testing.T) {
	b := seed(t)
	m := newTest(t, b, 60, 20, Options{})
	i := -1
	for s := range m.sl.deck {
		if m.sl.Screens(s) > 1 && !m.sl.deck[s].Reveal { // next steps through a reveal first
			i = s
			break
		}
	}
	if i < 0 {
		t.Fatal("no slide splits at 60x20")
	}
	n := strconv.Itoa(i + 1)
	m = update(t, m, press(append(strings.Split(n, ""), "enter")...)...)
	if s := plain(t, m); !strings.Contains(s, n+" · 1/") || m.slide != i || m.screen != 1 {
		t.Fatalf("jump to %s: slide %d screen %d:\n%s", n, m.slide+1, m.screen, s)
	}
	m = update(t, m, press("right")...)
	if s := plain(t, m); !strings.Contains(s, n+" · 2/") || m.slide != i {
		t.Fatalf("next did not move within slide %s:\n%s", n, s)
	}
	if st := m.State(); st.Slide != i+1 || st.Screen != 2 || st.Screens != m.sl.Screens(i) {
		t.Errorf("state %d %d/%d, want slide %d screen 2", st.Slide, st.Screen, st.Screens, i+1)
	}
	m = update(t, m, press("left", "left")...)
	if m.slide != i-1 {
		t.Errorf("back twice from screen 2 lands on slide %d, want %d", m.slide+1, i)
	}
}

// The number typed for a jump sits small in a corner, and goes by itself
// after JumpTimeout, or on esc; a newer digit restarts the wait.
func TestJumpPromptGoesAway(t *testing.T) {
	m := newTest(t, seed(t), 80, 24, Options{})
	nm, cmd := m.Update(press("5")[0])
	m = nm.(Model)
	rows := strings.Split(plain(t, m), "\n")
	if !strings.Contains(rows[0], "→ 5_") {
		t.Fatalf("the typed number is not in the top row:\n%s", strings.Join(rows, "\n"))
	}
	for _, r := range rows[1:] {
		if strings.Contains(r, "5_") {
			t.Fatalf("the typed number shows beyond the corner: %q", r)
		}
	}
	if cmd == nil {
		t.Fatal("no timeout is set for the typed number")
	}
	first := m.digitSeq
	m = update(t, m, press("1")...)
	m = update(t, m, digitTimeoutMsg{first})
	if m.digits != "51" {
		t.Errorf("a stale timeout dropped %q", m.digits)
	}
	m = update(t, m, digitTimeoutMsg{m.digitSeq})
	if m.digits != "" || strings.Contains(plain(t, m), "51_") {
		t.Errorf("the typed number stays after its timeout: %q", m.digits)
	}
	m = update(t, m, press("3", "esc", "enter")...)
	if m.digits != "" || m.slide != 1 {
		t.Errorf("esc did not drop the number (digits %q, slide %d)", m.digits, m.slide+1)
	}
	if JumpTimeout != 2*time.Second {
		t.Errorf("JumpTimeout = %s", JumpTimeout)
	}
}

// Items fit in two columns on a wide screen rather than split.
func TestTwoColumnsRatherThanSplit(t *testing.T) {
	var items []model.SlideItem
	for i := range 24 {
		items = append(items, model.SlideItem{Label: "Term " + strconv.Itoa(i+1), Text: "a short definition of the term"})
	}
	deck := []model.Slide{{Kind: model.SlideGlossary, Title: "Glossary", Items: items}}
	th, _ := NewTheme("", true)
	narrow := NewSlides(deck, th, 70, 24)
	wide := NewSlides(deck, th, 120, 24)
	if narrow.Screens(0) < 2 {
		t.Fatalf("the test deck fits 70x24 in %d screen", narrow.Screens(0))
	}
	if wide.Screens(0) != 1 {
		t.Fatalf("at 120x24 the list takes %d screens, want 1 in two columns", wide.Screens(0))
	}
	body := strings.Join(wide.Body(Pos{Screen: 1}), "\n")
	if !regexp.MustCompile(`(?m)^\s*• Term 1 .*• Term \d+ `).MatchString(body) {
		t.Errorf("no two columns, read down then across:\n%s", body)
	}
	requireFits(t, ansi.Strip(wide.Screen(Pos{Screen: 1}, Status{})), 120, 24)
}

// BenchmarkNewSlides lays the seed deck out, as every resize and reload
// does: each slide tries the ways of fitting in turn.
func BenchmarkNewSlides(b *testing.B) {
	deck := model.BuildDeck(seed(b))
	th, _ := NewTheme("", true)
	for _, sz := range [][2]int{{60, 20}, {80, 24}, {300, 100}} {
		b.Run(strconv.Itoa(sz[0])+"x"+strconv.Itoa(sz[1]), func(b *testing.B) {
			for b.Loop() {
				NewSlides(deck, th, sz[0], sz[1])
			}
		})
	}
}

// Titles share one style within a deck at a given size: block letters on
// every slide, or plain bold on every slide.
func TestOneTitleStylePerSize(t *testing.T) {
	th, _ := NewTheme("", true)
	deck := model.BuildDeck(seed(t))
	sizes := append([][2]int{{60, 20}, {120, 35}, {200, 50}, {300, 80}}, CheckSizes...)
	styles := map[bool]bool{}
	for _, sz := range sizes {
		sl := NewSlides(deck, th, sz[0], sz[1])
		var big, bold []string
		for _, p := range sl.pages {
			if p.Title == "" {
				continue
			}
			if p.big != nil {
				big = append(big, p.Title)
			} else {
				bold = append(bold, p.Title)
			}
		}
		if len(big) > 0 && len(bold) > 0 {
			t.Errorf("%dx%d: %d titles in block letters (%q…) and %d in bold (%q…)", sz[0], sz[1], len(big), big[0], len(bold), bold[0])
		}
		styles[len(big) > 0] = true
	}
	if !styles[true] || !styles[false] {
		t.Errorf("the sizes tried show only one style (block letters: %v): the rule is not exercised", styles[true])
	}
}
