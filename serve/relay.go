package serve

import (
	"context"
	"fmt"
	"time"

	"github.com/brief-cli/brief/internal/deckctl"
)

// Presentation is a presentation running in another process, followed
// through its control socket as "brief notes" follows it.
type Presentation struct {
	conn        *deckctl.Conn
	pick, title string
	// PID and Briefing name the presentation found.
	PID      int
	Briefing string
}

// FindPresentation connects to a running presentation: pick chooses it as
// "brief notes --pick" does ("" for the most recent); title, when not "",
// is the briefing it must be presenting.
func FindPresentation(pick, title string) (*Presentation, error) {
	p := &Presentation{pick: pick, title: title}
	if err := p.dial(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Presentation) dial() error {
	dir, err := deckctl.Dir()
	if err != nil {
		return err
	}
	found, err := deckctl.Find(dir, p.pick)
	if err != nil {
		return err
	}
	if p.title != "" && found.State.Briefing != "" && found.State.Briefing != p.title {
		return fmt.Errorf("the running presentation (pid %d) is of %q, not %q: serve the same briefing, or pick another with --pick", found.PID, found.State.Briefing, p.title)
	}
	c, err := deckctl.Dial(found.Path)
	if err != nil {
		return err
	}
	p.conn, p.PID, p.Briefing = c, found.PID, found.State.Briefing
	return nil
}

// Relay publishes the presentation's states on h until ctx ends, and
// returns ctx's error: the states carry slides of the deck, so audiences
// follow them as they are, whatever the projector's size. When the
// presentation ends, Relay waits for it (or another matching one) to start
// again; audiences keep the last slide meanwhile.
func (p *Presentation) Relay(ctx context.Context, h *deckctl.Hub) error {
	for {
		relayConn(ctx, p.conn, h)
		p.conn = nil
		for p.conn == nil {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
				_ = p.dial() // sets p.conn when the presentation is back
			}
		}
	}
}

// relayConn publishes the states read from c until it ends or ctx does.
func relayConn(ctx context.Context, c *deckctl.Conn, h *deckctl.Hub) {
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	defer stop()
	defer c.Close()
	for {
		s, err := c.Next()
		if err != nil {
			return
		}
		h.Publish(s)
	}
}
