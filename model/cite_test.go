package model

import (
	"testing"
	"time"
)

// The citation leaves out what the briefing does not give, and gives the
// date at the article's precision whatever time of day it was published.
func TestCitation(t *testing.T) {
	at := time.Date(2025, 7, 19, 6, 24, 53, 0, time.UTC)
	for _, c := range []struct {
		src  Source
		want string
	}{
		{Source{Title: "Harbour talks", Published: at, PublishedHasTime: true}, "“Harbour talks”, 19 July 2025"},
		{Source{Title: "Harbour talks", Author: "Ana Ruiz", Publisher: "The Coast Herald", URL: "https://example.org/h", Published: at}, "Ana Ruiz, “Harbour talks”, The Coast Herald, 19 July 2025, https://example.org/h"},
		{Source{Title: "The “new deal”", Publisher: "Herald"}, "“The ‘new deal’”, Herald"},
		{Source{}, ""},
	} {
		if got := c.src.Citation(); got != c.want {
			t.Errorf("Citation() = %q, want %q", got, c.want)
		}
	}
}
