package hub

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// waitTimeout bounds every wait: a test that would hang fails instead.
const waitTimeout = 10 * time.Second

type state struct{ Slide, Total int }

func TestHubLatestWins(t *testing.T) {
	h := New[state]()
	sub := h.Subscribe()
	defer sub.Cancel()
	for i := 1; i <= 50; i++ {
		h.Publish(state{Slide: i, Total: 50})
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
	h := New[state]()
	h.Publish(state{Slide: 4, Total: 9})
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
	h := New[state]()
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
			h.Publish(state{Slide: i, Total: moves})
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
	h := New[state]()
	sub := h.Subscribe()
	h.Close()
	if _, ok := <-sub.C(); ok {
		t.Error("channel still open after Close")
	}
	sub.Cancel() // no panic: closing twice is safe
	h.Publish(state{Slide: 2})
	if _, v := h.Latest(); v != 0 {
		t.Error("a closed hub took a state")
	}
	if _, ok := <-h.Subscribe().C(); ok {
		t.Error("subscribing to a closed hub gives an open channel")
	}
}

func TestNextReadsTheLatestAndEnds(t *testing.T) {
	h := New[state]()
	sub := h.Subscribe()
	for i := 1; i <= 100; i++ {
		h.Publish(state{Slide: i})
	}
	ctx := context.Background()
	if s, err := sub.Next(ctx); err != nil || s.Slide != 100 {
		t.Fatalf("Next = %d %v, want slide 100 (the latest)", s.Slide, err)
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	if _, err := sub.Next(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Next with nothing new = %v, want deadline", err)
	}
	done := make(chan error)
	go func() { _, err := sub.Next(ctx); done <- err }()
	h.Close()
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Fatalf("Next after Close = %v, want ErrClosed", err)
	}
}
