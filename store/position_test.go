package store

import (
	"testing"

	"github.com/brief-cli/brief/model"
)

// TestPositionKeepsTheView: the source scroll and the views' selections
// recorded with a position come back from disk as they were given.
func TestPositionKeepsTheView(t *testing.T) {
	dir := t.TempDir()
	b := parse(t, "/tmp/pos.brief.md", "Position", []string{"alpha", "beta"}, "")
	s := open(t, b, Options{Dir: dir})
	pos := Position{Item: model.Ref{Kind: model.KindPoint, ID: "beta"}, View: "outline", Scroll: 2,
		Source: "p2.s1 3", Cursors: "outline=point:beta timeline=event:e1"}
	must(t, s.SetPosition(pos))
	s.Close()
	s2 := open(t, b, Options{Dir: dir})
	if got, ok := s2.Position(); !ok || got != pos {
		t.Errorf("Position = %+v, %v; want %+v", got, ok, pos)
	}
}
