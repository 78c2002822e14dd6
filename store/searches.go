package store

import (
	"slices"
	"time"

	"github.com/brief-cli/brief/model/sanitize"
)

// searchReg is the search palette's history: the queries, oldest first, as
// one last-writer-wins register.
type searchReg struct {
	At      time.Time `json:"at"`
	Queries []string  `json:"queries,omitempty"`
}

// MaxSearches bounds the queries kept.
const MaxSearches = 50

// Searches returns the queries of earlier searches in this briefing,
// oldest first.
func (s *Store) Searches() []string {
	st, _ := s.snapshot()
	if st.Searches == nil {
		return nil
	}
	out := make([]string, 0, len(st.Searches.Queries))
	for _, q := range st.Searches.Queries {
		// A state file is text from outside: it may have been edited.
		if q = sanitize.Line(q); q != "" {
			out = append(out, q)
		}
	}
	return out
}

// SetSearches records the queries of the search palette, oldest first (the
// last MaxSearches). It touches no file when they are the ones recorded.
func (s *Store) SetSearches(qs []string) error {
	if len(qs) > MaxSearches {
		qs = qs[len(qs)-MaxSearches:]
	}
	if slices.Equal(s.Searches(), qs) {
		return nil
	}
	return s.update("search history", true, func(st *state) bool {
		var floor time.Time
		if st.Searches != nil {
			floor = st.Searches.At
		}
		st.Searches = &searchReg{At: s.tick(floor), Queries: slices.Clone(qs)}
		st.Updated = later(st.Updated, st.Searches.At)
		return true
	})
}
