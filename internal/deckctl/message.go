package deckctl

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/brief-cli/brief/model/sanitize"
)

// Version is the protocol version carried in every message.
const Version = 1

// Message is one line on the socket: a JSON object followed by "\n".
//
//	{"v":1,"type":"state","state":{"slide":4,"total":21,"title":"Security",...}}
//	{"v":1,"type":"command","command":{"op":"next"}}
//
// The presentation sends "state" messages: the current state as soon as a
// console connects, then every change. A console sends "command" messages.
// A line that is not valid JSON, or of an unknown type or op, is ignored.
type Message struct {
	V       int      `json:"v"`
	Type    string   `json:"type"`
	State   *State   `json:"state,omitempty"`
	Command *Command `json:"command,omitempty"`
}

// Message types.
const (
	TypeState   = "state"
	TypeCommand = "command"
)

// State is what a presentation shows right now, as a console or a follower
// needs it. Slides are counted in slides of the deck, never in screens, so
// the numbers are the same whatever the size of the projector's terminal.
type State struct {
	PID      int    `json:"pid"`
	Briefing string `json:"briefing"` // the briefing's title
	// File is the briefing's file, an absolute path ("(built-in) ..." for
	// the built-in briefing, "" when unknown); with the title it tells a
	// presentation starting again from another one.
	File string `json:"file,omitempty"`
	// TTY is the terminal the presentation runs in ("/dev/pts/3"), ""
	// when it is not known.
	TTY   string `json:"tty,omitempty"`
	Slide int    `json:"slide"` // 1-based slide of the deck
	Total int    `json:"total"` // slides in the deck
	// Screen and Screens place the screen shown within a slide that needs
	// more than one at the projector's size ("7 · 2/2"); both 0 otherwise.
	Screen  int `json:"screen,omitempty"`
	Screens int `json:"screens,omitempty"`
	Step    int `json:"step,omitempty"` // 1-based reveal step of the screen
	Steps   int `json:"steps,omitempty"`
	// Shown, on a slide whose items appear one at a time, is how many of
	// the slide's items are shown: the slide's own count, the same at
	// every size, so a follower whose terminal splits the slide otherwise
	// shows as much and no more. 0 when the slide is shown whole.
	Shown int      `json:"shown,omitempty"`
	Title string   `json:"title"`
	Notes []string `json:"notes,omitempty"`
	// Next is what the next key shows after the current screen (nil on
	// the last).
	Next *Preview `json:"next,omitempty"`
	// Digits is a slide number being typed on the projector for a jump.
	Digits string `json:"digits,omitempty"`
	Blank  string `json:"blank,omitempty"` // "", "black" or "white"
	Timer  Timer  `json:"timer"`
}

// Preview is the content of the slide (or screen) that comes next, as
// paragraphs a console wraps to the room it has.
type Preview struct {
	Slide  int      `json:"slide"`            // 1-based
	Screen int      `json:"screen,omitempty"` // set when it is a further screen of the same slide
	Title  string   `json:"title"`
	Lines  []string `json:"lines,omitempty"`
}

// Timer is the presentation's clock: when it started and how long the talk
// should last (0: no countdown). A console computes elapsed and remaining
// time from it with its own clock, so the state need not change every second.
type Timer struct {
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration,omitempty"`
}

// Command is an order from a console.
type Command struct {
	Op    string `json:"op"`              // next, prev, goto, blank
	Slide int    `json:"slide,omitempty"` // goto: 1-based slide
	Blank string `json:"blank,omitempty"` // blank: "black", "white" or "" to restore
}

// The operations a command may carry.
const (
	OpNext  = "next"
	OpPrev  = "prev"
	OpGoto  = "goto"
	OpBlank = "blank"
)

// Valid reports whether c is a command a presentation can carry out.
func (c Command) Valid() bool {
	switch c.Op {
	case OpNext, OpPrev:
		return true
	case OpGoto:
		return c.Slide >= 1
	case OpBlank:
		return c.Blank == "" || c.Blank == "black" || c.Blank == "white"
	}
	return false
}

func encode(m Message) ([]byte, error) {
	m.V = Version
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// decode parses one line; it fails on anything that is not a message of a
// known type with its payload.
func decode(line []byte) (Message, error) {
	var m Message
	if err := json.Unmarshal(line, &m); err != nil {
		return m, err
	}
	switch {
	case m.Type == TypeState && m.State != nil:
		m.State.clean()
	case m.Type == TypeCommand && m.Command != nil && m.Command.Valid():
	default:
		return m, fmt.Errorf("unknown message %q", m.Type)
	}
	return m, nil
}

// clean makes the text of a state read from a socket safe to print: the
// peer may be any process of the user, and whatever it sends reaches a
// terminal (the console, brief notes --list). Every string goes through
// the same sanitiser as a briefing's text.
func (s *State) clean() {
	for _, p := range []*string{&s.Briefing, &s.File, &s.TTY, &s.Title, &s.Digits, &s.Blank} {
		*p = sanitize.Line(*p)
	}
	for i, n := range s.Notes {
		s.Notes[i] = sanitize.Text(n)
	}
	if s.Next != nil {
		s.Next.Title = sanitize.Line(s.Next.Title)
		for i, l := range s.Next.Lines {
			s.Next.Lines[i] = sanitize.Text(l)
		}
	}
}

// Same reports whether s and o are states of the same presentation, as a
// console waiting for its presentation to start again tells it from
// another: the same briefing file or, for the built-in briefing, the same
// title.
func (s State) Same(o State) bool {
	if s.File != "" || o.File != "" {
		return s.File == o.File
	}
	return s.Briefing == o.Briefing
}
