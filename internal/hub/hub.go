// Package hub holds the latest state of something that changes (a
// presentation's slide) and wakes whoever follows it. It is the one hub of
// brief: the presenter publishes on it, and the consoles on the control
// socket and the SSH audiences both read from it.
//
// Publishing never waits for a subscriber: each has a one-slot mailbox (a
// notify channel of capacity one) and reads the latest state when it is
// ready, so a slow or stalled subscriber skips the states it missed and
// neither the publisher nor the other subscribers wait for it. A subscriber
// that joins late is woken at once with the current state.
package hub

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

// ErrClosed is returned by [Hub.Next] once the hub is closed.
var ErrClosed = errors.New("closed")

// Hub holds the latest T and wakes its subscribers when it changes. It is
// safe for concurrent use; make one with [New].
type Hub[T any] struct {
	latest atomic.Pointer[versioned[T]] // read without the lock
	mu     sync.Mutex                   // orders publishers; guards subs, closed
	subs   map[*Subscription[T]]struct{}
	closed bool
}

type versioned[T any] struct {
	state   T
	version uint64
}

// New returns a hub with no state yet.
func New[T any]() *Hub[T] {
	h := &Hub[T]{subs: map[*Subscription[T]]struct{}{}}
	h.latest.Store(&versioned[T]{})
	return h
}

// Publish makes s the latest state and wakes every subscriber. It never
// blocks on a subscriber. Publishing to a closed hub does nothing.
func (h *Hub[T]) Publish(s T) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.latest.Store(&versioned[T]{state: s, version: h.latest.Load().version + 1})
	for sub := range h.subs {
		select {
		case sub.notify <- struct{}{}:
		default: // already woken: it will read the latest state anyway
		}
	}
}

// Latest returns the current state and its version (0 when nothing has
// been published).
func (h *Hub[T]) Latest() (T, uint64) {
	v := h.latest.Load()
	return v.state, v.version
}

// Subscribers is the number of current subscriptions.
func (h *Hub[T]) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Subscribe starts following the hub. The subscription is woken at once if
// a state has been published already. Cancel it when done.
func (h *Hub[T]) Subscribe() *Subscription[T] {
	s := &Subscription[T]{hub: h, notify: make(chan struct{}, 1)}
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

// Close ends the hub: every subscription's channel is closed.
func (h *Hub[T]) Close() {
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
type Subscription[T any] struct {
	hub    *Hub[T]
	notify chan struct{}
	done   bool // guarded by hub.mu
}

// C is woken (receives) when the state has changed since the last wake-up;
// it is closed when the subscription or the hub ends. Read the state with
// [Subscription.Latest].
func (s *Subscription[T]) C() <-chan struct{} { return s.notify }

// Latest returns the hub's current state.
func (s *Subscription[T]) Latest() (T, uint64) { return s.hub.Latest() }

// Next waits until the state has changed since the last wake-up and returns
// it. It returns [ErrClosed] once the subscription or the hub has ended, or
// ctx's error.
func (s *Subscription[T]) Next(ctx context.Context) (T, error) {
	var zero T
	select {
	case _, ok := <-s.notify:
		if !ok {
			return zero, ErrClosed
		}
		st, _ := s.Latest()
		return st, nil
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// Cancel ends the subscription and closes its channel. It is safe to call
// more than once.
func (s *Subscription[T]) Cancel() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	delete(s.hub.subs, s)
	close(s.notify)
}
