package serve

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
)

// Relay publishes on h every state a presentation in this process
// publishes on its control hub (the hub the presenter console follows),
// until ctx ends or the presentation closes; then it closes h, which tells
// every audience that the presentation is over. deck is the presentation's
// deck (model.BuildDeck of its briefing). It returns nil when the
// presentation closed, ctx's error otherwise.
func (h *Hub) Relay(ctx context.Context, src *deckctl.Hub, deck []model.Slide) error {
	var after uint64
	m := NewMapper(deck)
	for {
		s, v, err := src.Next(ctx, after)
		if errors.Is(err, deckctl.ErrClosed) {
			h.Close()
			return nil
		}
		if err != nil {
			return err
		}
		after = v
		h.Publish(m.Map(s))
	}
}

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
// returns ctx's error. deck is the presentation's deck. When the
// presentation ends, Relay waits for it (or another matching one) to start
// again; audiences keep the last slide meanwhile.
func (p *Presentation) Relay(ctx context.Context, h *Hub, deck []model.Slide) error {
	for {
		relayConn(ctx, p.conn, h, deck)
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
func relayConn(ctx context.Context, c *deckctl.Conn, h *Hub, deck []model.Slide) {
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	defer stop()
	defer c.Close()
	m := NewMapper(deck)
	for {
		s, err := c.Next()
		if err != nil {
			return
		}
		h.Publish(m.Map(s))
	}
}

// FromDeck is the part of a presentation's state that audiences follow,
// in slides of deck. It is [Mapper.Map] with no history: see there.
func FromDeck(s deckctl.State, deck []model.Slide) State {
	return (&Mapper{deck: deck}).Map(s)
}

// Mapper turns a presentation's states into audience states. A
// presentation counts screens: a slide too tall for the projector is split
// across several, and its n/N counts them. The audience lays slides out for
// its own terminal, so each screen is mapped back to its slide: a slide of
// the screen's title that its position allows (a slide comes no later than
// its first screen, and leaves a screen for each slide after it). When
// several slides of that title fit, the move from the previous screen
// decides: forward moves go forward, backward moves back.
type Mapper struct {
	deck []model.Slide
	last State // the last state mapped (its Slide a deck slide)
	prev int   // the screen of the last state
	// prevPart and prevParts place that screen in its slide.
	prevPart, prevParts int
}

// NewMapper maps the states of a presentation of deck.
func NewMapper(deck []model.Slide) *Mapper { return &Mapper{deck: deck} }

// Map maps one state and remembers it.
func (m *Mapper) Map(s deckctl.State) State {
	deck := m.deck
	st := State{Total: len(deck), Blank: s.Blank}
	if s.Slide < 1 || len(deck) == 0 {
		return st
	}
	part, parts := 1, 1
	if p, ps, ok := strings.Cut(s.Part, "/"); ok {
		part, _ = strconv.Atoi(p)
		parts, _ = strconv.Atoi(ps)
		part, parts = max(part, 1), max(parts, 1)
	}
	if s.Total <= len(deck) {
		// No slide is split: screens are slides.
		st.Slide = min(s.Slide, len(deck))
	} else {
		first := s.Slide - (part - 1)               // the slide's first screen, 1-based
		after := s.Total - (s.Slide + parts - part) // screens after the slide's last
		hi := min(first, len(deck))
		lo := max(len(deck)-after, 1)
		var cands []int
		for i := lo; i <= hi; i++ {
			if deck[i-1].Title == s.Title {
				cands = append(cands, i)
			}
		}
		switch {
		case len(cands) == 0:
			st.Slide = min(max(lo, 1), hi)
		case len(cands) == 1 || m.last.Slide == 0:
			st.Slide = cands[len(cands)-1]
		case s.Slide >= m.prev:
			// Forward: past the last slide, unless it had screens left.
			bound := m.last.Slide
			if m.prevPart == m.prevParts {
				bound++
			}
			st.Slide = cands[len(cands)-1]
			for _, c := range cands {
				if c >= bound {
					st.Slide = c
					break
				}
			}
		default:
			// Backward: before the last slide, unless on its first screen.
			bound := m.last.Slide
			if m.prevPart == 1 {
				bound--
			}
			st.Slide = cands[0]
			for _, c := range cands {
				if c <= bound {
					st.Slide = c
				}
			}
		}
	}
	if s.Steps > 1 && parts == 1 {
		st.Step = s.Step
	}
	m.last, m.prev, m.prevPart, m.prevParts = st, s.Slide, part, parts
	return st
}
