package widget

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func keys(q Query, ks ...tea.KeyPressMsg) Query {
	for _, k := range ks {
		q, _ = q.Update(k)
	}
	return q
}

func text(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

var (
	backspace = tea.KeyPressMsg{Code: tea.KeyBackspace}
	left      = tea.KeyPressMsg{Code: tea.KeyLeft}
	ctrlW     = tea.KeyPressMsg{Code: 'w', Mod: tea.ModCtrl}
)

func TestQueryEditing(t *testing.T) {
	q := keys(NewQuery("/ "), text("moscow format")...)
	if q.Value() != "moscow format" {
		t.Fatalf("typed %q", q.Value())
	}
	if q = keys(q, ctrlW); q.Value() != "moscow " {
		t.Errorf("ctrl+w left %q", q.Value())
	}
	if q = keys(q, backspace); q.Value() != "moscow" {
		t.Errorf("backspace left %q", q.Value())
	}
	q = keys(q, append([]tea.KeyPressMsg{left, left}, text("X")...)...)
	if q.Value() != "moscXow" {
		t.Errorf("typing after ← ← gave %q", q.Value())
	}
}

func TestQueryRecallIsReplacedByTyping(t *testing.T) {
	q := NewQuery("/ ").Recall("moscow format")
	if !q.Selected() || q.Value() != "moscow format" {
		t.Fatalf("recalled %q selected %v", q.Value(), q.Selected())
	}
	typed := keys(q, text("moscw")...)
	if typed.Value() != "moscw" || typed.Selected() {
		t.Errorf("typing over a recalled query gave %q (selected %v), want it replaced", typed.Value(), typed.Selected())
	}
	if cleared := keys(q, backspace); cleared.Value() != "" {
		t.Errorf("backspace on a recalled query left %q", cleared.Value())
	}
	if edited := keys(q, append([]tea.KeyPressMsg{left}, text("s")...)...); edited.Value() != "moscow formast" {
		t.Errorf("← then typing gave %q, want the recalled query edited", edited.Value())
	}
	pasted, _ := q.Update(tea.PasteMsg{Content: "daesh"})
	if pasted.Value() != "daesh" {
		t.Errorf("a paste over a recalled query gave %q", pasted.Value())
	}
}

func TestQuerySanitisesAndCaps(t *testing.T) {
	q, changed := NewQuery("/ ").Update(tea.PasteMsg{Content: "a\x1b[2Jb\nc\u009b"})
	if !changed || strings.ContainsAny(q.Value(), "\x1b\n\u009b") {
		t.Errorf("paste kept control characters: %q", q.Value())
	}
	q, _ = NewQuery("/ ").Update(tea.PasteMsg{Content: strings.Repeat("x", 5000)})
	if n := len([]rune(q.Value())); n != MaxQuery {
		t.Errorf("a long paste gave %d runes, want %d", n, MaxQuery)
	}
	q = keys(q, text("y")...)
	if n := len([]rune(q.Value())); n != MaxQuery {
		t.Errorf("typing past the cap gave %d runes", n)
	}
}

func TestQueryViewWidth(t *testing.T) {
	for _, q := range []Query{NewQuery("/ "), keys(NewQuery("/ "), text(strings.Repeat("wide “quote” ", 20))...), NewQuery("/ ").Recall("moscow")} {
		for _, w := range []int{1, 5, 20, 80} {
			if got := ansi.StringWidth(q.View(w)); got != w {
				t.Errorf("View(%d) of %q is %d cells wide", w, q.Value(), got)
			}
		}
	}
}
