package deckctl_test

import (
	"testing"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/internal/testkit/forged"
	"github.com/brief-cli/brief/model/sanitize"
)

// TestForgedPeerIsSanitised: everything read from a socket is cleaned
// before anyone can print it.
func TestForgedPeerIsSanitised(t *testing.T) {
	dir := t.TempDir()
	path := forged.Listen(t, dir)
	ps, err := deckctl.List(dir)
	if err != nil || len(ps) != 1 {
		t.Fatalf("List: %v %v", ps, err)
	}
	p := ps[0]
	st := p.State
	for name, s := range map[string]string{"slug": p.Slug, "briefing": st.Briefing, "title": st.Title, "digits": st.Digits, "next": st.Next.Title, "next line": st.Next.Lines[0], "blank": st.Blank} {
		if !sanitize.Clean(s) || s != sanitize.Line(s) {
			t.Errorf("%s is not clean: %q", name, s)
		}
	}
	if st.Title != sanitize.Line(forged.Hostile) {
		t.Errorf("title %q: want the peer's text, made visible", st.Title)
	}
	c, err := deckctl.Dial(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got, err := c.Next()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range got.Notes {
		if !sanitize.Clean(n) {
			t.Errorf("a note is not clean: %q", n)
		}
	}
}
