package serve

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/present"
)

func sized(a *audience, w, h int) *audience {
	m, _ := a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m.(*audience)
}

func press(a *audience, keys ...string) *audience {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "right":
			msg = tea.KeyPressMsg{Code: tea.KeyRight}
		case "left":
			msg = tea.KeyPressMsg{Code: tea.KeyLeft}
		default:
			msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		}
		m, _ := a.Update(msg)
		a = m.(*audience)
	}
	return a
}

// checkFits fails when a line of the view is wider than w or the view is
// taller than h.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("view is %d lines, taller than %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := sanitize.Width(ansi.Strip(l)); lw > w {
			t.Errorf("line %d is %d cells, wider than %d: %q", i+1, lw, w, ansi.Strip(l))
		}
	}
}

func TestAudienceViews(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	n := len(deck)
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		for _, tc := range []struct {
			name string
			make func() *audience
			want []string
		}{
			{"waiting", func() *audience { return newAudience(context.Background(), b.Title, deck, deckctl.NewHub()) },
				[]string{"waiting for the presenter", fmt.Sprintf("1/%d", n)}},
			{"following", func() *audience {
				a := newAudience(context.Background(), b.Title, deck, deckctl.NewHub())
				m, _ := a.Update(presenterMsg{deckctl.State{Slide: 3, Total: n}})
				return m.(*audience)
			}, []string{"following the presenter", fmt.Sprintf("3/%d", n), deck[2].Items[0].Text[:10]}},
			{"browsing", func() *audience {
				a := newAudience(context.Background(), b.Title, deck, deckctl.NewHub())
				m, _ := a.Update(presenterMsg{deckctl.State{Slide: 3, Total: n}})
				return press(m.(*audience), "right", "right")
			}, []string{fmt.Sprintf("presenter on 3/%d — f to follow", n), fmt.Sprintf("5/%d", n)}},
			{"ended", func() *audience {
				a := newAudience(context.Background(), b.Title, deck, deckctl.NewHub())
				m, _ := a.Update(presenterGoneMsg{})
				return m.(*audience)
			}, []string{"the presentation has ended"}},
			{"browse-only", func() *audience { return press(newAudience(context.Background(), b.Title, deck, nil), "G") },
				[]string{fmt.Sprintf("%d/%d", n, n), "q quit"}},
		} {
			t.Run(fmt.Sprintf("%s-%dx%d", tc.name, w, h), func(t *testing.T) {
				a := sized(tc.make(), w, h)
				view := a.View().Content
				checkFits(t, view, w, h)
				plain := ansi.Strip(view)
				for _, want := range tc.want {
					if !strings.Contains(plain, want) {
						t.Errorf("view lacks %q:\n%s", want, plain)
					}
				}
				golden.RequireEqual(t, []byte(plain))
			})
		}
	}
}

func TestAudienceBadgeStandsOutWithoutColour(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	a := sized(newAudience(context.Background(), b.Title, deck, deckctl.NewHub()), 80, 24)
	a = press(a, "right")
	view := a.View().Content
	if !strings.Contains(view, "7m presenter not started — f to follow") {
		t.Errorf("badge not in reverse video:\n%q", view)
	}
	// Only attributes (bold, faint, italic, underline, reverse), never a
	// colour: they read the same on any terminal and with NO_COLOR.
	for _, sgr := range regexp.MustCompile(`\x1b\[([0-9;]*)m`).FindAllStringSubmatch(view, -1) {
		for _, p := range strings.Split(sgr[1], ";") {
			if p != "" && p != "0" && p != "1" && p != "2" && p != "3" && p != "4" && p != "7" && p != "22" && p != "23" && p != "24" && p != "27" {
				t.Errorf("the audience view uses %q: a colour", sgr[0])
			}
		}
	}
	a = press(a, "f")
	if strings.Contains(ansi.Strip(a.View().Content), "f to follow") {
		t.Error("badge still shown after f")
	}
}

func TestAudienceTooSmallAndBlank(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	a := sized(newAudience(context.Background(), b.Title, deck, deckctl.NewHub()), 59, 20)
	if got := a.View().Content; !strings.Contains(got, "terminal too small: need 60x20") {
		t.Errorf("59x20: %q", got)
	}
	checkFits(t, a.View().Content, 59, 20)
	a = sized(a, 30, 5)
	checkFits(t, a.View().Content, 30, 5)
	a = sized(a, 80, 24)
	m, _ := a.Update(presenterMsg{deckctl.State{Slide: 2, Total: len(deck), Blank: "white"}})
	a = m.(*audience)
	view := a.View().Content
	checkFits(t, view, 80, 24)
	if strings.TrimSpace(ansi.Strip(view)) != "" || !strings.Contains(view, reverse) {
		t.Errorf("white blank screen: %q", view)
	}
	// Browsing away shows the slide again; the presenter's blank is theirs.
	a = press(a, "left")
	if strings.TrimSpace(ansi.Strip(a.View().Content)) == "" {
		t.Error("browsing during a blank screen shows nothing")
	}
}

func TestAudienceRevealFollowsThePresenterStep(t *testing.T) {
	deck := []model.Slide{{Title: "Points", Reveal: true, Items: []model.SlideItem{{Text: "first point"}, {Text: "second point"}, {Text: "third point"}}}}
	a := sized(newAudience(context.Background(), "T", deck, deckctl.NewHub()), 80, 24)
	m, _ := a.Update(presenterMsg{deckctl.State{Slide: 1, Total: 1, Step: 2}})
	a = m.(*audience)
	plain := ansi.Strip(a.View().Content)
	if !strings.Contains(plain, "second point") || strings.Contains(plain, "third point") {
		t.Errorf("step 2 of 3:\n%s", plain)
	}
	a = press(a, "left") // browsing: the whole slide
	if plain := ansi.Strip(a.View().Content); !strings.Contains(plain, "third point") {
		t.Errorf("browsing shows the slide whole:\n%s", plain)
	}
}

func TestAudienceQuits(t *testing.T) {
	a := newAudience(context.Background(), "T", nil, nil)
	if _, cmd := a.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit")
	}
}

// The audience sees what the projector shows: the same renderer draws both,
// so at one size the slide (everything above the status row) and the
// progress bar are the same, screen for screen, split slides included.
func TestAudienceSeesTheProjectorsSlides(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	for _, sz := range [][2]int{{80, 24}, {60, 20}} {
		w, h := sz[0], sz[1]
		th, err := present.NewTheme(present.ThemeProjector, true)
		if err != nil {
			t.Fatal(err)
		}
		now := func() time.Time { return time.Date(2025, 7, 19, 14, 5, 0, 0, time.UTC) }
		var p tea.Model = present.NewModel(b, th, present.Options{Now: now}, nil, nil)
		p, _ = p.Update(tea.WindowSizeMsg{Width: w, Height: h})
		a := sized(newAudience(context.Background(), b.Title, deck, deckctl.NewHub()), w, h)
		split := false
		for screen := 0; ; screen++ {
			pm := p.(present.Model)
			st := pm.State()
			split = split || st.Screens > 1
			m, _ := a.Update(presenterMsg{st})
			a = m.(*audience)
			proj := strings.Split(pm.Screen(), "\n")
			aud := strings.Split(a.View().Content, "\n")
			if len(proj) != h || len(aud) != h {
				t.Fatalf("%dx%d: %d and %d rows", w, h, len(proj), len(aud))
			}
			for r := range h - 2 {
				if proj[r] != aud[r] {
					t.Fatalf("%dx%d slide %d screen %d, row %d:\nprojector %q\naudience  %q", w, h, st.Slide, st.Screen, r+1, proj[r], aud[r])
				}
			}
			if proj[h-1] != aud[h-1] {
				t.Errorf("%dx%d slide %d: the progress bars differ", w, h, st.Slide)
			}
			if st.Next == nil {
				break
			}
			p, _ = p.Update(tea.KeyPressMsg{Code: tea.KeyRight})
			if screen > 100 {
				t.Fatal("the deck never ends")
			}
		}
		if !split && w == 60 {
			t.Error("no slide splits at 60x20: the split case is not shown")
		}
	}
}

// At every size the audience shows what the presenter has revealed on a
// slide built up step by step, no more and no less: the screen holding the
// newest item, at the step that reaches it, even where this terminal splits
// a slide the projector shows whole (or the other way round).
func TestAudienceRevealAtEverySize(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	th, err := present.NewTheme(present.ThemeProjector, true)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, ps := range [][2]int{{120, 35}, {60, 20}, {200, 50}} {
		for _, as := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {160, 45}} {
			var p tea.Model = present.NewModel(b, th, present.Options{}, nil, nil)
			p, _ = p.Update(tea.WindowSizeMsg{Width: ps[0], Height: ps[1]})
			a := sized(newAudience(context.Background(), b.Title, deck, deckctl.NewHub()), as[0], as[1])
			for range 200 {
				st := p.(present.Model).State()
				m, _ := a.Update(presenterMsg{st})
				a = m.(*audience)
				if st.Shown > 0 {
					checked++
					if got := a.slides.Shown(a.pos()); got != st.Shown {
						t.Fatalf("presenter %v, audience %v, slide %d: the presenter shows %d items, the audience %d", ps, as, st.Slide, st.Shown, got)
					}
					if where := a.slides.Where(a.pos()); !strings.Contains(where, strconv.Itoa(st.Shown)+" of ") {
						t.Fatalf("presenter %v, audience %v: the audience's counter %q does not say %d are shown", ps, as, where, st.Shown)
					}
				}
				if st.Next == nil {
					break
				}
				p, _ = p.Update(tea.KeyPressMsg{Code: tea.KeyRight})
			}
		}
	}
	if checked == 0 {
		t.Fatal("no slide of the seed is built up step by step: nothing was checked")
	}
}
