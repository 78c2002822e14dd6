package serve

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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
		return func(f Follow) Follow { return f.Presenter(State{Slide: n, Total: 23}) }
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
	f := NewFollow(5).Presenter(State{Slide: 3, Total: 5, Step: 2, Blank: "black"})
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

func TestHubLatestWins(t *testing.T) {
	h := NewHub()
	sub := h.Subscribe()
	defer sub.Cancel()
	for i := 1; i <= 50; i++ {
		h.Publish(State{Slide: i, Total: 50})
	}
	<-sub.C()
	if s, v := sub.Latest(); s.Slide != 50 || v != 50 {
		t.Errorf("latest = slide %d version %d, want 50 50", s.Slide, v)
	}
	select {
	case <-sub.C():
		t.Error("woken twice for one batch of changes: the mailbox holds more than one")
	default:
	}
}

func TestHubLateSubscriberIsWokenAtOnce(t *testing.T) {
	h := NewHub()
	h.Publish(State{Slide: 4, Total: 9})
	sub := h.Subscribe()
	select {
	case <-sub.C():
	case <-time.After(waitTimeout):
		t.Fatal("a late subscriber is not told the current state")
	}
	if s, _ := sub.Latest(); s.Slide != 4 {
		t.Errorf("slide %d, want 4", s.Slide)
	}
}

// A subscriber that never reads must not slow the presenter or the others:
// Publish returns at once, and the others see every final state.
func TestHubStalledSubscriber(t *testing.T) {
	h := NewHub()
	stalled := h.Subscribe() // never read
	defer stalled.Cancel()

	const followers, moves = 20, 2000
	var wg sync.WaitGroup
	seen := make([]int, followers)
	ready := make(chan struct{}, followers)
	for i := range followers {
		sub := h.Subscribe()
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready <- struct{}{}
			for range sub.C() {
				s, _ := sub.Latest()
				seen[i] = s.Slide
				if s.Slide == moves {
					sub.Cancel()
				}
			}
		}()
	}
	for range followers {
		<-ready
	}
	published := make(chan struct{})
	go func() {
		for i := 1; i <= moves; i++ {
			h.Publish(State{Slide: i, Total: moves})
		}
		close(published)
	}()
	select {
	case <-published:
	case <-time.After(waitTimeout):
		t.Fatal("Publish blocked behind a stalled subscriber")
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(waitTimeout):
		t.Fatal("followers did not reach the last state")
	}
	for i, s := range seen {
		if s != moves {
			t.Errorf("follower %d stopped at %d, want %d", i, s, moves)
		}
	}
	if n := len(stalled.notify); n > 1 {
		t.Errorf("stalled mailbox holds %d, want at most 1", n)
	}
	if got := h.Subscribers(); got != 1 {
		t.Errorf("subscribers = %d, want only the stalled one left", got)
	}
}

func TestHubCloseEndsSubscriptions(t *testing.T) {
	h := NewHub()
	sub := h.Subscribe()
	h.Close()
	if _, ok := <-sub.C(); ok {
		t.Error("channel still open after Close")
	}
	sub.Cancel() // no panic: closing twice is safe
	h.Publish(State{Slide: 2})
	if _, v := h.Latest(); v != 0 {
		t.Error("a closed hub took a state")
	}
	if _, ok := <-h.Subscribe().C(); ok {
		t.Error("subscribing to a closed hub gives an open channel")
	}
}

func TestRelayFromPresentationHub(t *testing.T) {
	deck := model.BuildDeck(seed(t))
	src := deckctl.NewHub()
	h := NewHub()
	sub := h.Subscribe()
	done := make(chan error, 1)
	go func() { done <- h.Relay(context.Background(), src, deck) }()
	src.Publish(deckctl.State{Slide: 3, Total: len(deck), Title: deck[2].Title, Blank: "white"})
	<-sub.C()
	if s, _ := sub.Latest(); s.Slide != 3 || s.Total != len(deck) || s.Blank != "white" {
		t.Errorf("relayed %+v", s)
	}
	src.Close()
	if err := <-done; err != nil {
		t.Errorf("Relay = %v after the presentation closed", err)
	}
	if _, ok := <-sub.C(); ok {
		t.Error("audiences not told the presentation ended")
	}
}

func TestFromDeckMapsSplitScreensToSlides(t *testing.T) {
	deck := []model.Slide{{Title: "A"}, {Title: "X"}, {Title: "X"}, {Title: "C"}}
	// Screens: A (1-3, split in 3), X (4), X (5), C (6).
	for _, tc := range []struct {
		st   deckctl.State
		want int
	}{
		{deckctl.State{Slide: 1, Total: 6, Title: "A", Part: "1/3"}, 1},
		{deckctl.State{Slide: 3, Total: 6, Title: "A", Part: "3/3"}, 1},
		{deckctl.State{Slide: 5, Total: 6, Title: "X"}, 3},
		{deckctl.State{Slide: 6, Total: 6, Title: "C"}, 4},
		{deckctl.State{Slide: 2, Total: 4, Title: "X"}, 2}, // nothing split: screens are slides
		{deckctl.State{Slide: 0, Total: 0}, 0},
	} {
		if got := FromDeck(tc.st, deck); got.Slide != tc.want || got.Total != len(deck) {
			t.Errorf("%+v → slide %d of %d, want %d of %d", tc.st, got.Slide, got.Total, tc.want, len(deck))
		}
	}
	// Two slides of one title fit screen 4; the move decides which.
	m := NewMapper(deck)
	for i, want := range []int{1, 1, 1, 2, 3, 4, 3, 2, 1} {
		screen := []int{1, 2, 3, 4, 5, 6, 5, 4, 3}[i]
		st := deckctl.State{Slide: screen, Total: 6, Title: deck[want-1].Title}
		if screen <= 3 {
			st.Part = strconv.Itoa(screen) + "/3"
		}
		if got := m.Map(st); got.Slide != want {
			t.Errorf("move %d to screen %d: slide %d, want %d", i, screen, got.Slide, want)
		}
	}
	st := FromDeck(deckctl.State{Slide: 2, Total: 4, Title: "X", Step: 2, Steps: 3}, deck)
	if st.Step != 2 {
		t.Errorf("step %d, want 2", st.Step)
	}
	if st := FromDeck(deckctl.State{Slide: 2, Total: 6, Title: "A", Part: "2/3", Step: 2, Steps: 3}, deck); st.Step != 0 {
		t.Errorf("a step on a split screen is not the slide's: got %d, want 0 (whole)", st.Step)
	}
}

// Follow mode end to end over real SSH sessions: a hub driven by the test
// stands for the presenter.
func TestFollowOverSSH(t *testing.T) {
	b := seed(t)
	deck := model.BuildDeck(b)
	n := len(deck)
	total := "/" + strconv.Itoa(n)
	hub := NewHub()
	ts := startServer(t, Config{}, FollowDeck(b, hub))
	a := openTerminal(t, ts.session(t), 80, 24, nil)
	c := openTerminal(t, ts.session(t), 100, 30, nil)
	for _, term := range []*terminal{a, c} {
		term.WaitText("waiting for the presenter")
		term.WaitText("1" + total)
	}
	hub.Publish(State{Slide: 2, Total: n})
	for _, term := range []*terminal{a, c} {
		term.WaitText("2" + total)
		term.WaitText("following the presenter")
	}
	// Audience a steps away; c keeps following.
	a.Type(Right)
	a.WaitText("presenter on 2" + total + " — f to follow")
	a.WaitText("3" + total)
	hub.Publish(State{Slide: 4, Total: n})
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
	hub.Publish(State{Slide: 4, Total: n, Blank: "black"})
	a.WaitFor("a blank screen", func(s string) bool { return strings.TrimSpace(s) == "" })
	hub.Publish(State{Slide: 4, Total: n})
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
