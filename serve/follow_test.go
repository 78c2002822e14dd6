package serve

import (
	"strconv"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
)

func TestFollowLeaveAndSnapBack(t *testing.T) {
	type step struct {
		do        func(Follow) Follow
		current   int
		following bool
		badge     string
	}
	presenter := func(n int) func(Follow) Follow {
		return func(f Follow) Follow { return f.Presenter(deckctl.State{Slide: n, Total: 23}) }
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"waits on the first slide until the presenter starts", []step{
			{func(f Follow) Follow { return f }, 1, true, ""},
			{presenter(4), 4, true, ""},
		}},
		{"follows every move", []step{
			{presenter(2), 2, true, ""},
			{presenter(3), 3, true, ""},
			{presenter(1), 1, true, ""},
		}},
		{"a navigation key leaves, f snaps back to where the presenter is now", []step{
			{presenter(7), 7, true, ""},
			{Follow.Next, 8, false, "presenter on 7/23 — f to follow"},
			{Follow.Next, 9, false, "presenter on 7/23 — f to follow"},
			{presenter(8), 9, false, "presenter on 8/23 — f to follow"}, // the presenter moves on; the browser stays
			{Follow.Prev, 8, false, "presenter on 8/23 — f to follow"},
			{presenter(10), 8, false, "presenter on 10/23 — f to follow"},
			{Follow.Snap, 10, true, ""},
			{presenter(11), 11, true, ""},
		}},
		{"browsing stops at the ends", []step{
			{presenter(22), 22, true, ""},
			{Follow.Last, 23, false, "presenter on 22/23 — f to follow"},
			{Follow.Next, 23, false, "presenter on 22/23 — f to follow"},
			{Follow.First, 1, false, "presenter on 22/23 — f to follow"},
			{Follow.Prev, 1, false, "presenter on 22/23 — f to follow"},
			{func(f Follow) Follow { return f.Goto(99) }, 23, false, "presenter on 22/23 — f to follow"},
		}},
		{"a presenter beyond the deck is clamped", []step{
			{presenter(40), 23, true, ""},
		}},
		{"browsing before the presenter starts", []step{
			{Follow.Next, 2, false, "presenter not started — f to follow"},
			{Follow.Snap, 1, true, ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := NewFollow(23)
			for i, s := range tc.steps {
				f = s.do(f)
				if f.Current() != s.current || f.Following() != s.following || f.Badge() != s.badge {
					t.Fatalf("step %d: current=%d following=%v badge=%q, want %d %v %q",
						i, f.Current(), f.Following(), f.Badge(), s.current, s.following, s.badge)
				}
			}
		})
	}
}

func TestFollowBlankAndStepOnlyWhileFollowing(t *testing.T) {
	f := NewFollow(5).Presenter(deckctl.State{Slide: 3, Total: 5, Step: 2, Blank: "black"})
	if f.Blank() != "black" || f.Step() != 2 {
		t.Errorf("following: blank=%q step=%d", f.Blank(), f.Step())
	}
	f = f.Next()
	if f.Blank() != "" || f.Step() != 0 {
		t.Errorf("browsing: blank=%q step=%d, want the slide, whole", f.Blank(), f.Step())
	}
	if f = f.Snap(); f.Blank() != "black" {
		t.Errorf("back to following: blank=%q", f.Blank())
	}
}

func TestFollowOverSSH(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	n := len(deck)
	total := "/" + strconv.Itoa(n)
	hub := deckctl.NewHub()
	ts := startServer(t, Config{}, FollowDeck(b, hub))
	a := openTerminal(t, ts.session(t), 80, 24, nil)
	c := openTerminal(t, ts.session(t), 100, 30, nil)
	for _, term := range []*terminal{a, c} {
		term.WaitText("waiting for the presenter")
		term.WaitText("1" + total)
	}
	hub.Publish(deckctl.State{Slide: 2, Total: n})
	for _, term := range []*terminal{a, c} {
		term.WaitText("2" + total)
		term.WaitText("following the presenter")
	}
	// Audience a steps away; c keeps following.
	a.Type(Right)
	a.WaitText("presenter on 2" + total + " — f to follow")
	a.WaitText("3" + total)
	hub.Publish(deckctl.State{Slide: 4, Total: n})
	c.WaitText("4" + total)
	a.WaitText("presenter on 4" + total + " — f to follow")
	if !strings.Contains(a.Screen(), " 3"+total) {
		t.Errorf("the browsing audience moved with the presenter:\n%s", a.Screen())
	}
	a.Type("f")
	a.WaitFor("the presenter's slide, no badge", func(s string) bool {
		return strings.Contains(s, " 4"+total) && !strings.Contains(s, "f to follow")
	})
	// Blank screen.
	hub.Publish(deckctl.State{Slide: 4, Total: n, Blank: "black"})
	a.WaitFor("a blank screen", func(s string) bool { return strings.TrimSpace(s) == "" })
	hub.Publish(deckctl.State{Slide: 4, Total: n})
	a.WaitText("4" + total)
	// Read-only: nothing the audience does reaches the presenter.
	if _, v := hub.Latest(); v != 4 {
		t.Errorf("hub version %d: an audience published", v)
	}
	hub.Close()
	a.WaitText("the presentation has ended")
	a.Type("q")
	if err := a.WaitExit(); err != nil {
		t.Errorf("quit: %v", err)
	}
	if hub.Subscribers() != 0 {
		t.Errorf("%d subscriptions left", hub.Subscribers())
	}
}
