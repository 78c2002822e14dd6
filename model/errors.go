package model

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/brief-cli/brief/model/sanitize"
)

// Pos is a position in a briefing file. Line and Col count from 1; Col counts
// characters (runes), not bytes, so it matches what an editor shows.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Error is one problem found in a file, reported as file:line:col: message.
type Error struct {
	File string
	Pos  Pos
	// Offset is the byte offset of the problem, set for decoding errors where
	// the line and column alone do not pin down an invalid byte.
	Offset int
	Msg    string
	// Warning marks a problem that does not stop the file from loading.
	Warning bool
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	msg := e.Msg
	if e.Warning {
		msg = "warning: " + msg
	}
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", file, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", file, e.Pos.Line, e.Pos.Col, msg)
}

// ErrorList holds every problem found while loading a file. A load that
// returns a non-empty ErrorList returns no briefing at all.
type ErrorList []*Error

func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Sort orders errors by position so they read top to bottom.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
}

// Err returns nil for an empty list, so callers can return it as an error.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

// Summary is the first problem of a failed load, with the count of the
// others: "x.brief.md:24:19: unknown actor "y" (+2 more)". The file is
// named without its folder, so file:line:col stays in view on a narrow
// screen. Content quoted in it is already neutralised.
func Summary(err error) string {
	first, rest, _ := strings.Cut(err.Error(), "\n")
	n := 0
	var list ErrorList
	var one *Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
		n = len(list) - 1
		one = list[0]
	case errors.As(err, &one):
	case rest != "":
		n = strings.Count(rest, "\n") + 1
	}
	if one != nil {
		e := *one
		if e.File != "" {
			e.File = filepath.Base(e.File)
		}
		first = e.Error()
	}
	first = sanitize.Line(first)
	if n > 0 {
		first += fmt.Sprintf(" (+%d more)", n)
	}
	return first
}
