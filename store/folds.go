package store

import (
	"maps"
	"time"

	"github.com/brief-cli/brief/model/sanitize"
)

// foldReg is how the reader left the outline's folds: the themes folded
// (true) or unfolded (false) by hand, by id, as one last-writer-wins
// register. A theme not in it folds as the outline does by itself.
type foldReg struct {
	At     time.Time       `json:"at"`
	Themes map[string]bool `json:"themes,omitempty"`
}

// Folds returns the outline's folds set by hand, by theme id: true
// folded, false unfolded. Ids the briefing no longer has are left out.
func (s *Store) Folds() map[string]bool {
	st, _ := s.snapshot()
	s.mu.Lock()
	b := s.b
	s.mu.Unlock()
	out := map[string]bool{}
	if st.Folds == nil {
		return out
	}
	for id, v := range st.Folds.Themes {
		// A state file is text from outside: it may have been edited.
		if id = sanitize.Line(id); id == "" || (b != nil && b.Theme(id) == nil) {
			continue
		}
		out[id] = v
	}
	return out
}

// SetFolds records the outline's folds set by hand. It touches no file
// when they are the ones recorded.
func (s *Store) SetFolds(folds map[string]bool) error {
	if maps.Equal(s.Folds(), folds) {
		return nil
	}
	return s.update("outline folds", true, func(st *state) bool {
		var floor time.Time
		if st.Folds != nil {
			floor = st.Folds.At
		}
		st.Folds = &foldReg{At: s.tick(floor), Themes: maps.Clone(folds)}
		st.Updated = later(st.Updated, st.Folds.At)
		return true
	})
}
