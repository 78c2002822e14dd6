// Package deckctl is the control channel of present mode: a running
// presentation publishes its state (slide n/N, screen within the slide,
// title, notes, the next slide, blank screen, timer) and takes commands
// (next, prev, goto, blank) from a presenter console in another terminal.
//
// The transport is a Unix socket in $XDG_RUNTIME_DIR/brief (or a private
// directory under the system temp dir), mode 0600 in a 0700 directory,
// carrying newline-delimited JSON messages. See [Message].
//
// State flows through a [Hub] (internal/hub): the presentation publishes,
// every subscriber — a console on the socket, an SSH audience of serve —
// reads the latest state when it is ready for it. A slow reader skips the
// states it missed; nothing queues up behind it.
package deckctl

import "github.com/brief-cli/brief/internal/hub"

// Hub carries a presentation's states to its consoles and audiences.
type Hub = hub.Hub[State]

// NewHub returns a hub with no state yet.
func NewHub() *Hub { return hub.New[State]() }
