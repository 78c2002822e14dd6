package serve

import (
	"strconv"
	"sync"
	"sync/atomic"
)

// State is where the presenter is: what every following audience shows.
type State struct {
	// Slide is the presenter's slide, 1-based; 0 means the presentation
	// has not published anything yet.
	Slide int
	// Total is the number of slides in the deck.
	Total int
	// Step is the 1-based reveal step of the slide (0: everything shown).
	Step int
	// Blank is "", "black" or "white": the presenter has blanked the screen.
	Blank string
}

// Hub holds the presenter's latest state and wakes the audiences that
// follow it. Publishing never waits for a subscriber: each has a one-slot
// mailbox (a notify channel of capacity one) and reads the latest state when
// it is ready, so a slow or stalled subscriber skips the states it missed
// and neither the presenter nor the other subscribers wait for it.
// Nothing queues without bound. A Hub is safe for concurrent use; make one
// with [NewHub].
type Hub struct {
	latest atomic.Pointer[versioned] // read without the lock
	mu     sync.Mutex                // orders publishers; guards subs, closed
	subs   map[*Subscription]struct{}
	closed bool
}

type versioned struct {
	state   State
	version uint64
}

// NewHub returns a hub with no state yet.
func NewHub() *Hub {
	h := &Hub{subs: map[*Subscription]struct{}{}}
	h.latest.Store(&versioned{})
	return h
}

// Publish makes s the presenter's state and wakes every subscriber. It never
// blocks on a subscriber. Publishing to a closed hub does nothing.
func (h *Hub) Publish(s State) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.latest.Store(&versioned{state: s, version: h.latest.Load().version + 1})
	for sub := range h.subs {
		select {
		case sub.notify <- struct{}{}:
		default: // already woken: it will read the latest state anyway
		}
	}
}

// Latest returns the presenter's current state and its version (0 when
// nothing has been published).
func (h *Hub) Latest() (State, uint64) {
	v := h.latest.Load()
	return v.state, v.version
}

// Subscribers is the number of current subscriptions.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Subscribe starts following the hub. The subscription is woken at once if
// a state has been published already. Cancel it when done.
func (h *Hub) Subscribe() *Subscription {
	s := &Subscription{hub: h, notify: make(chan struct{}, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(s.notify)
		s.done = true
		return s
	}
	h.subs[s] = struct{}{}
	if _, v := h.Latest(); v > 0 {
		s.notify <- struct{}{}
	}
	return s
}

// Close ends the presentation: every subscription's channel is closed.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	for s := range h.subs {
		s.done = true
		close(s.notify)
	}
	h.subs = nil
}

// Subscription is one follower of a [Hub].
type Subscription struct {
	hub    *Hub
	notify chan struct{}
	done   bool // guarded by hub.mu
}

// C is woken (receives) when the presenter's state has changed since the
// last wake-up; it is closed when the subscription or the hub ends. Read
// the state with [Subscription.Latest].
func (s *Subscription) C() <-chan struct{} { return s.notify }

// Latest returns the presenter's current state.
func (s *Subscription) Latest() (State, uint64) { return s.hub.Latest() }

// Cancel ends the subscription and closes its channel. It is safe to call
// more than once.
func (s *Subscription) Cancel() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	delete(s.hub.subs, s)
	close(s.notify)
}

// Follow is an audience member's position in the deck: either following
// the presenter, or browsing on their own after pressing a navigation key.
// It is a value; every method returns the new state. The zero Follow
// follows a deck of no slides; make one with [NewFollow].
type Follow struct {
	total     int
	presenter State
	following bool
	own       int // the slide shown while browsing, 1-based
}

// NewFollow returns an audience position in a deck of total slides that
// follows the presenter.
func NewFollow(total int) Follow {
	return Follow{total: max(total, 0), following: true, own: 1}
}

// Presenter records the presenter's new state. While following, the
// audience moves with it; while browsing, only the badge changes.
func (f Follow) Presenter(s State) Follow {
	f.presenter = s
	return f
}

// Next browses to the next slide (leaving follow mode).
func (f Follow) Next() Follow { return f.browse(f.Current() + 1) }

// Prev browses to the previous slide (leaving follow mode).
func (f Follow) Prev() Follow { return f.browse(f.Current() - 1) }

// First browses to the first slide (leaving follow mode).
func (f Follow) First() Follow { return f.browse(1) }

// Last browses to the last slide (leaving follow mode).
func (f Follow) Last() Follow { return f.browse(f.total) }

// Goto browses to slide n, 1-based (leaving follow mode).
func (f Follow) Goto(n int) Follow { return f.browse(n) }

func (f Follow) browse(n int) Follow {
	f.own = f.clamp(n)
	f.following = false
	return f
}

// Snap goes back to following the presenter.
func (f Follow) Snap() Follow {
	f.following = true
	return f
}

// Following reports whether the audience follows the presenter.
func (f Follow) Following() bool { return f.following }

// Total is the number of slides of the deck.
func (f Follow) Total() int { return f.total }

// PresenterState is the last state the presenter published.
func (f Follow) PresenterState() State { return f.presenter }

// Current is the slide shown, 1-based: the presenter's while following
// (the first slide until the presenter has published), else the audience's
// own.
func (f Follow) Current() int {
	if f.following {
		if f.presenter.Slide < 1 {
			return f.clamp(1)
		}
		return f.clamp(f.presenter.Slide)
	}
	return f.own
}

// Step is the reveal step to show: the presenter's while following, 0
// (everything) while browsing.
func (f Follow) Step() int {
	if f.following {
		return f.presenter.Step
	}
	return 0
}

// Blank is the presenter's blank screen ("black" or "white") while
// following, else "".
func (f Follow) Blank() string {
	if f.following {
		return f.presenter.Blank
	}
	return ""
}

// Badge is the line shown while browsing, telling where the presenter is
// and how to get back: "presenter on 7/23 — f to follow". It is "" while
// following.
func (f Follow) Badge() string {
	if f.following {
		return ""
	}
	if f.presenter.Slide < 1 {
		return "presenter not started — f to follow"
	}
	total := f.presenter.Total
	if total < 1 {
		total = f.total
	}
	return "presenter on " + strconv.Itoa(f.presenter.Slide) + "/" + strconv.Itoa(total) + " — f to follow"
}

func (f Follow) clamp(n int) int {
	if f.total < 1 {
		return 1
	}
	return min(max(n, 1), f.total)
}
