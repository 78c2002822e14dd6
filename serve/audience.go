package serve

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/internal/hub"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/present"
)

// FollowDeck is the factory of follow mode: every session shows the deck of
// b at the presenter's slide on h, live, until its user presses a
// navigation key and browses on their own (f follows again). Sessions only
// read: nothing they do reaches the presenter or any file. Slides are drawn
// by present mode's renderer, so the audience sees what the projector shows.
func FollowDeck(b *model.Briefing, h *deckctl.Hub) Factory {
	deck := model.BuildDeck(b)
	return func(_ ssh.Session, env Env) tea.Model {
		return newAudience(env.Context, b.Title, deck, h)
	}
}

// audienceKeys are the keys of an audience session.
type audienceKeys struct {
	Next, Prev, First, Last, Follow, Quit key.Binding
}

func defaultAudienceKeys(live bool) audienceKeys {
	k := audienceKeys{
		Next:   key.NewBinding(key.WithKeys("right", "l", "n", "space", "pgdown", "down", "j"), key.WithHelp("→", "next")),
		Prev:   key.NewBinding(key.WithKeys("left", "h", "p", "pgup", "up", "k", "backspace"), key.WithHelp("←", "previous")),
		First:  key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Last:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		Follow: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow the presenter")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	k.Follow.SetEnabled(live)
	return k
}

// audience is the program of one audience session: the deck, at the
// presenter's slide or wherever its user has browsed to.
type audience struct {
	title  string
	deck   []model.Slide
	theme  present.Theme
	slides present.Slides // the deck laid out for the session's terminal
	follow Follow
	screen int                              // the screen of the slide shown while browsing, 1-based
	sub    *hub.Subscription[deckctl.State] // nil: no presenter (browsing only) or presentation over
	live   bool                             // a presenter was followed
	ended  bool                             // the presentation is over
	keys   audienceKeys
	width  int
	height int
}

// presenterMsg carries the presenter's new state.
type presenterMsg struct{ state deckctl.State }

// presenterGoneMsg says the presentation is over.
type presenterGoneMsg struct{}

// presenterCmd waits for the presenter's next move. It reads the latest
// state when woken, so moves made while this session was busy are skipped,
// never queued.
func presenterCmd(sub *hub.Subscription[deckctl.State]) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-sub.C(); !ok {
			return presenterGoneMsg{}
		}
		s, _ := sub.Latest()
		return presenterMsg{s}
	}
}

// newAudience makes the model of one session. With a hub it subscribes
// and follows; the subscription ends with ctx (the session).
func newAudience(ctx context.Context, title string, deck []model.Slide, h *deckctl.Hub) *audience {
	// No colour: the slides read the same on light and dark terminals and
	// with NO_COLOR, through bold, faint and reverse.
	th, _ := present.NewTheme(present.ThemeProjector, true)
	a := &audience{
		title:  title,
		deck:   deck,
		theme:  th,
		screen: 1,
		follow: NewFollow(len(deck)),
		live:   h != nil,
		keys:   defaultAudienceKeys(h != nil),
	}
	if h == nil {
		a.follow = a.follow.First()
		return a
	}
	sub := h.Subscribe()
	a.sub = sub
	if ctx != nil {
		go func() { <-ctx.Done(); sub.Cancel() }()
	}
	return a
}

func (a *audience) Init() tea.Cmd {
	if a.sub == nil {
		return nil
	}
	return presenterCmd(a.sub)
}

func (a *audience) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.slides = present.NewSlides(a.deck, a.theme, a.width, a.height)
		a.screen = max(1, min(a.screen, a.slides.Screens(a.follow.Current()-1)))
	case presenterMsg:
		a.follow = a.follow.Presenter(msg.state)
		return a, presenterCmd(a.sub)
	case presenterGoneMsg:
		a.ended = true
		a.sub = nil
		a.keys.Follow.SetEnabled(false)
		if a.follow.Following() {
			pos := a.pos()
			a.follow, a.screen = a.follow.Goto(a.follow.Current()), pos.Screen
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, a.keys.Quit):
			return a, tea.Quit
		case key.Matches(msg, a.keys.Next):
			a.next()
		case key.Matches(msg, a.keys.Prev):
			a.prev()
		case key.Matches(msg, a.keys.First):
			a.follow, a.screen = a.follow.First(), 1
		case key.Matches(msg, a.keys.Last):
			a.follow, a.screen = a.follow.Last(), 1
		case key.Matches(msg, a.keys.Follow):
			a.follow = a.follow.Snap()
		}
	}
	return a, nil
}

// next browses on: the next screen of a slide split at this size, else the
// next slide.
func (a *audience) next() {
	pos := a.pos()
	if pos.Screen < a.slides.Screens(pos.Slide) {
		a.follow, a.screen = a.follow.Goto(pos.Slide+1), pos.Screen+1
		return
	}
	a.follow, a.screen = a.follow.Next(), 1
}

// prev browses back: the previous screen, else the previous slide's last.
func (a *audience) prev() {
	pos := a.pos()
	if pos.Screen > 1 {
		a.follow, a.screen = a.follow.Goto(pos.Slide+1), pos.Screen-1
		return
	}
	a.follow = a.follow.Prev()
	a.screen = max(1, a.slides.Screens(a.follow.Current()-1))
}

// pos is the screen shown: the presenter's while following — on a slide
// built up step by step, the screen that holds the presenter's newest item
// at the step that reaches it, whatever this terminal's size splits; else
// its screen of a split slide, clamped to this terminal's — or the
// session's own while browsing.
func (a *audience) pos() present.Pos {
	slide := a.follow.Current() - 1
	if !a.follow.Following() {
		return present.Pos{Slide: slide, Screen: a.screen}
	}
	st := a.follow.PresenterState()
	if shown := a.follow.Shown(); shown > 0 {
		return a.slides.Reveal(slide, shown)
	}
	screens := a.slides.Screens(slide)
	pos := present.Pos{Slide: slide, Screen: max(1, min(st.Screen, screens))}
	if max(st.Screens, 1) == max(screens, 1) {
		pos.Step = a.follow.Step()
	}
	return pos
}

func (a *audience) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = sanitize.Line(a.title)
	return v
}

// Terminal attributes of the blank white screen: reverse video reads as
// white without colour.
const (
	reverse = "\x1b[7m"
	reset   = "\x1b[m"
)

// render draws the session's screen through present mode's renderer.
func (a *audience) render() string {
	w, h := a.width, a.height
	if w == 0 || h == 0 {
		return ""
	}
	if blank := a.follow.Blank(); blank != "" && w >= present.MinWidth && h >= present.MinHeight {
		lines := make([]string, h)
		if blank == "white" {
			for i := range lines {
				lines[i] = reverse + strings.Repeat(" ", w) + reset
			}
		}
		return strings.Join(lines, "\n")
	}
	if len(a.deck) == 0 {
		return sanitize.Truncate("this briefing has no slides · q quit", w, "…")
	}
	pos := a.pos()
	text, badge := a.status()
	if where := a.slides.Where(pos); where != "" && !badge {
		// The counter first: where this screen is in the slide and how
		// much of it is shown, as the presenter's console says it.
		text = where + " · " + text
	}
	return a.slides.Screen(pos, present.Status{Left: text, Badge: badge})
}

// status is the text of the status row and whether it is the browsing
// badge.
func (a *audience) status() (string, bool) {
	switch {
	case a.ended:
		return "the presentation has ended · ← → browse · q quit", false
	case a.live && !a.follow.Following():
		return a.follow.Badge(), true
	case a.live && a.follow.PresenterState().Slide < 1:
		return "waiting for the presenter · ← → browse · q quit", false
	case a.live:
		return "following the presenter · ← → browse · q quit", false
	}
	return "← → move · g first · G last · q quit", false
}
