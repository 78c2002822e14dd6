package serve

import (
	"strconv"

	"github.com/brief-cli/brief/internal/deckctl"
)

// Follow is an audience member's position in the deck: either following
// the presenter, or browsing on their own after pressing a navigation key.
// It is a value; every method returns the new state. The zero Follow
// follows a deck of no slides; make one with [NewFollow].
type Follow struct {
	total     int
	presenter deckctl.State
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
func (f Follow) Presenter(s deckctl.State) Follow {
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
func (f Follow) PresenterState() deckctl.State { return f.presenter }

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

// Shown is how many items of a slide built up step by step the presenter
// has shown, counted on the slide (the same at every size): the
// presenter's while following, 0 (everything) while browsing.
func (f Follow) Shown() int {
	if f.following {
		return f.presenter.Shown
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
