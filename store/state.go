package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Format names the layout of a state file. A file whose format is
// "brief-state/N" with N greater than 2 was written by a newer brief: it is
// left alone and reported, never moved aside.
const Format = "brief-state/2"

// formatV1 is the layout before state was kept per briefing: the file was
// named after the article's hash (see [Hash]), shared by every briefing of
// that article. Such files are read, and adopted by the briefing they
// belong to (see Store.load); they are never written again.
const formatV1 = "brief-state/1"

// state is the content of one state file. Struct fields are declared in
// alphabetical order of their JSON names so that the file's keys are sorted
// (encoding/json sorts map keys by itself).
type state struct {
	Article  string           `json:"article,omitempty"` // the article's hash when it was last written
	File     string           `json:"file,omitempty"`    // the briefing's path when it was last written
	Folds    *foldReg         `json:"folds,omitempty"`   // the outline's folds set by hand
	Format   string           `json:"format"`
	Hash     string           `json:"hash"`
	Items    map[string]*item `json:"items,omitempty"` // by item key "kind:id"
	MovedTo  string           `json:"moved_to,omitempty"`
	Position *posReg          `json:"position,omitempty"`
	Searches *searchReg       `json:"searches,omitempty"` // the search palette's queries
	Title    string           `json:"title,omitempty"`
	Updated  time.Time        `json:"updated"`
}

// item is the study state of one item. Each field is a last-writer-wins
// register: the one with the later timestamp survives a merge. A deleted
// note stays as a tombstone so that a merge cannot bring it back.
type item struct {
	Bookmark *flagReg `json:"bookmark,omitempty"`
	Note     *noteReg `json:"note,omitempty"`
	Visited  *flagReg `json:"visited,omitempty"`
}

type noteReg struct {
	At      time.Time `json:"at"`
	Deleted bool      `json:"deleted,omitempty"`
	Label   string    `json:"label,omitempty"` // the item's text when the note was written
	Text    string    `json:"text,omitempty"`
}

type flagReg struct {
	At    time.Time `json:"at"`
	Label string    `json:"label,omitempty"`
	On    bool      `json:"on"`
}

type posReg struct {
	At      time.Time `json:"at"`
	Cursors string    `json:"cursors,omitempty"`
	Item    string    `json:"item,omitempty"`
	Scroll  int       `json:"scroll,omitempty"`
	Source  string    `json:"source,omitempty"`
	View    string    `json:"view,omitempty"`
}

func newState(hash string) *state {
	return &state{Format: Format, Hash: hash, Items: map[string]*item{}}
}

// newerFormatError says a state file comes from a newer brief.
type newerFormatError struct{ format string }

func (e *newerFormatError) Error() string {
	return fmt.Sprintf("written by a newer brief (format %q)", e.format)
}

// decode parses a state file. A *newerFormatError means the file is fine
// but not ours to read; any other error means it is damaged.
func decode(data []byte) (*state, error) {
	var st state
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&st); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the end of the state")
	}
	switch {
	case st.Format == Format:
	case st.Format == formatV1:
		// Named after the article's hash: that is its article.
		if st.Article == "" {
			st.Article = st.Hash
		}
	case strings.HasPrefix(st.Format, "brief-state/"):
		return nil, &newerFormatError{sanitize.Line(st.Format)}
	default:
		return nil, fmt.Errorf("not a brief state file (format %q)", sanitize.Line(st.Format))
	}
	if st.Hash == "" {
		return nil, fmt.Errorf("no hash")
	}
	if st.Items == nil {
		st.Items = map[string]*item{}
	}
	// Notes come back to a terminal: make them safe once, here.
	for k, it := range st.Items {
		if it == nil {
			delete(st.Items, k)
			continue
		}
		if n := it.Note; n != nil {
			n.Text = cleanNote(n.Text)
			n.Label = sanitize.Line(n.Label)
		}
		for _, f := range []*flagReg{it.Bookmark, it.Visited} {
			if f != nil {
				f.Label = sanitize.Line(f.Label)
			}
		}
	}
	st.Title = sanitize.Line(st.Title)
	return &st, nil
}

func encode(st *state) ([]byte, error) {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// cleanNote makes a note's text safe to show: line endings become "\n" and
// anything a terminal would act on becomes a visible placeholder.
func cleanNote(s string) string {
	return sanitize.Text(strings.ReplaceAll(s, "\r\n", "\n"))
}

// merge returns a new state holding, for every item, the later of each
// register of a and b. It is commutative and idempotent, so the order in
// which instances write does not matter. The metadata (hash, file, title)
// comes from a, and the result has the current format. Registers are shared, never modified after creation.
func merge(a, b *state) *state {
	out := &state{
		Article: a.Article, File: a.File, Format: Format, Hash: a.Hash, Title: a.Title,
		Items:    make(map[string]*item, len(a.Items)),
		Position: laterPos(a.Position, b.Position),
		Searches: pick(a.Searches, b.Searches, func(r *searchReg) time.Time { return r.At }),
		Folds:    pick(a.Folds, b.Folds, func(r *foldReg) time.Time { return r.At }),
		Updated:  later(a.Updated, b.Updated),
	}
	for k, it := range a.Items {
		c := *it
		out.Items[k] = &c
	}
	for k, it := range b.Items {
		o, ok := out.Items[k]
		if !ok {
			c := *it
			out.Items[k] = &c
			continue
		}
		o.Note = laterNote(o.Note, it.Note)
		o.Bookmark = laterFlag(o.Bookmark, it.Bookmark)
		o.Visited = laterFlag(o.Visited, it.Visited)
	}
	return out
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// pick chooses between two registers: the later one, or on a tie in time
// the one whose encoding sorts last, so that every instance picks the same.
func pick[T any](a, b *T, at func(*T) time.Time) *T {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	ta, tb := at(a), at(b)
	if ta.Equal(tb) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if bytes.Compare(jb, ja) > 0 {
			return b
		}
		return a
	}
	if tb.After(ta) {
		return b
	}
	return a
}

func laterNote(a, b *noteReg) *noteReg { return pick(a, b, func(r *noteReg) time.Time { return r.At }) }
func laterFlag(a, b *flagReg) *flagReg { return pick(a, b, func(r *flagReg) time.Time { return r.At }) }
func laterPos(a, b *posReg) *posReg    { return pick(a, b, func(r *posReg) time.Time { return r.At }) }

// key is how an item is named in the state file: "point:floods".
func key(r model.Ref) string { return string(r.Kind) + ":" + r.ID }

// parseKey reverses key; ok is false for a key that names no item.
func parseKey(k string) (model.Ref, bool) {
	kind, id, ok := strings.Cut(k, ":")
	if !ok || kind == "" || id == "" {
		return model.Ref{}, false
	}
	return model.Ref{Kind: model.RefKind(kind), ID: id}, true
}
