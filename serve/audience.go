package serve

import (
	"context"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/internal/hub"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// FollowDeck is the factory of follow mode: every session shows the deck of
// b at the presenter's slide on hub, live, until its user presses a
// navigation key and browses on their own (f follows again). Sessions only
// read: nothing they do reaches the presenter or any file.
func FollowDeck(b *model.Briefing, hub *deckctl.Hub) Factory {
	deck := model.BuildDeck(b)
	return func(_ ssh.Session, env Env) tea.Model {
		return newAudience(env.Context, b.Title, deck, hub)
	}
}

// BrowseDeck is the factory of a deck that each session pages through on
// its own, with no presenter to follow.
func BrowseDeck(b *model.Briefing) Factory {
	deck := model.BuildDeck(b)
	return func(_ ssh.Session, env Env) tea.Model {
		return newAudience(env.Context, b.Title, deck, nil)
	}
}

// Smallest screen the audience view lays out.
const (
	minWidth  = 60
	minHeight = 20
)

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
	follow Follow
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
	a := &audience{
		title:  title,
		deck:   deck,
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
	case presenterMsg:
		a.follow = a.follow.Presenter(msg.state)
		return a, presenterCmd(a.sub)
	case presenterGoneMsg:
		a.ended = true
		a.sub = nil
		a.keys.Follow.SetEnabled(false)
		if a.follow.Following() {
			a.follow = a.follow.Goto(a.follow.Current())
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, a.keys.Quit):
			return a, tea.Quit
		case key.Matches(msg, a.keys.Next):
			a.follow = a.follow.Next()
		case key.Matches(msg, a.keys.Prev):
			a.follow = a.follow.Prev()
		case key.Matches(msg, a.keys.First):
			a.follow = a.follow.First()
		case key.Matches(msg, a.keys.Last):
			a.follow = a.follow.Last()
		case key.Matches(msg, a.keys.Follow):
			a.follow = a.follow.Snap()
		}
	}
	return a, nil
}

func (a *audience) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = sanitize.Line(a.title)
	return v
}

// Terminal attributes the view uses: no colour, so they read the same with
// NO_COLOR, on light and dark terminals.
const (
	bold    = "\x1b[1m"
	faint   = "\x1b[2m"
	reverse = "\x1b[7m"
	reset   = "\x1b[m"
)

// render lays the view out for the current size.
func (a *audience) render() string {
	w, h := a.width, a.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return sanitize.Truncate("terminal too small: need "+strconv.Itoa(minWidth)+"x"+strconv.Itoa(minHeight), w, "…")
	}
	if blank := a.follow.Blank(); blank != "" {
		lines := make([]string, h)
		if blank == "white" {
			for i := range lines {
				lines[i] = reverse + strings.Repeat(" ", w) + reset
			}
		}
		return strings.Join(lines, "\n")
	}
	lines := make([]string, 0, h)
	lines = append(lines, faint+sanitize.Truncate(" "+a.title, w, "…")+reset, "")
	body := h - 4
	content := a.slideLines(w - 4)
	if len(content) > body {
		content = append(content[:body-1], "…")
	}
	for _, l := range content {
		lines = append(lines, "  "+l)
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, a.footer(w)), "\n")
}

// footer is the last line: the badge or a hint on the left, n/N on the
// right, exactly w cells wide.
func (a *audience) footer(w int) string {
	text, badge := a.status()
	pos := strconv.Itoa(a.follow.Current()) + "/" + strconv.Itoa(max(len(a.deck), 1)) + " "
	avail := w - 2 - sanitize.Width(pos)
	if badge {
		avail -= 2
	}
	text = sanitize.Truncate(text, avail, "…")
	used := sanitize.Width(text)
	styled := faint + text + reset
	if badge {
		styled = reverse + " " + text + " " + reset
		used += 2
	}
	return " " + styled + strings.Repeat(" ", max(w-1-used-sanitize.Width(pos), 0)) + pos
}

// status is the text of the footer and whether it is the browsing badge.
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

// slideLines renders the current slide as text lines of at most w cells.
func (a *audience) slideLines(w int) []string {
	if len(a.deck) == 0 {
		return []string{"(this briefing has no slides)"}
	}
	s := a.deck[a.follow.Current()-1]
	var out []string
	wrap := func(prefix, text string) {
		indent := strings.Repeat(" ", sanitize.Width(prefix))
		for i, l := range sanitize.Wrap(text, w-sanitize.Width(prefix)) {
			if i == 0 {
				out = append(out, prefix+l)
			} else {
				out = append(out, indent+l)
			}
		}
	}
	for _, l := range sanitize.Wrap(s.Title, w) {
		out = append(out, bold+l+reset)
	}
	if s.Subtitle != "" {
		for _, l := range sanitize.Wrap(s.Subtitle, w) {
			out = append(out, faint+l+reset)
		}
	}
	for _, p := range s.Body {
		out = append(out, "")
		wrap("", p)
	}
	items := s.Items
	if step := a.follow.Step(); s.Reveal && step > 0 && step < len(items) {
		items = items[:step]
	}
	if len(items) > 0 {
		out = append(out, "")
	}
	for i, it := range items {
		prefix := "• "
		if s.Numbered {
			prefix = strconv.Itoa(i+1) + ". "
		}
		text := it.Text
		if it.Label != "" {
			text = it.Label + " — " + it.Text
		}
		wrap(prefix, text)
	}
	if len(s.Events) > 0 {
		out = append(out, "")
	}
	for _, ev := range s.Events {
		wrap(ev.When.Label()+"  ", ev.Title)
	}
	return out
}
