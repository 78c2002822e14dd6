// Package deckctl is the control channel of present mode: a running
// presentation publishes its state (slide n/N, title, notes, next title,
// blank screen, timer) and takes commands (next, prev, goto, blank) from a
// presenter console in another terminal.
//
// The transport is a Unix socket in $XDG_RUNTIME_DIR/brief (or a private
// directory under the system temp dir), mode 0600 in a 0700 directory,
// carrying newline-delimited JSON messages. See [Message].
//
// State flows through a [Hub]: the presentation publishes, every subscriber
// (a console on the socket today, an audience terminal following over SSH
// tomorrow) reads the latest state when it is ready for it. A slow reader
// skips the states it missed; nothing queues up behind it.
package deckctl

import (
	"context"
	"errors"
	"sync"
)

// ErrClosed is returned by a hub that has been closed: the presentation is
// over.
var ErrClosed = errors.New("presentation closed")

// Hub holds the latest state of a presentation and wakes its subscribers
// when it changes. It is safe for concurrent use. The zero Hub is not ready:
// make one with [NewHub].
type Hub struct {
	mu      sync.Mutex
	state   State
	version uint64
	changed chan struct{} // closed and replaced on every Publish
	closed  bool
}

// NewHub returns a hub with no state yet.
func NewHub() *Hub { return &Hub{changed: make(chan struct{})} }

// Publish replaces the state. It never blocks.
func (h *Hub) Publish(s State) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.state = s
	h.version++
	close(h.changed)
	h.changed = make(chan struct{})
}

// Latest returns the current state and its version (0: none yet).
func (h *Hub) Latest() (State, uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.state, h.version
}

// Next waits for a state newer than version after and returns it with its
// version. States published in between are skipped: the latest wins. It
// returns ErrClosed once the hub is closed, or the context's error.
func (h *Hub) Next(ctx context.Context, after uint64) (State, uint64, error) {
	for {
		h.mu.Lock()
		if h.closed {
			h.mu.Unlock()
			return State{}, 0, ErrClosed
		}
		if h.version > after {
			s, v := h.state, h.version
			h.mu.Unlock()
			return s, v, nil
		}
		ch := h.changed
		h.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return State{}, 0, ctx.Err()
		}
	}
}

// Close ends the hub: every waiting Next returns ErrClosed.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.changed)
}
