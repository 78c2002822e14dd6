package store

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// HashLen is the number of hex digits of the source hash that name a state
// file: 64 bits, plenty to tell briefings apart on one machine.
const HashLen = 16

// Hash is the hash of a briefing's article: the sha256 of its source text,
// in hex, cut to HashLen digits. It is recorded in the briefing's state to
// recognise the briefing after a move, and named state files before state
// was kept per briefing (see [Key]).
func Hash(b *model.Briefing) string { return digest(b.Source.Body) }

// Key names the state file of a briefing: a hash of its identity. A
// briefing read from a file is that file (its absolute path) with its
// title, so that two briefings of one article keep their own notes; one
// without a file (the built-in briefing) is its title with its article's
// hash. A briefing that moves or changes gets a new key; Open then finds
// its earlier state by path or title (see Store.load).
func Key(b *model.Briefing) string { return keyOf(fileKey(b.File), b.Title, Hash(b)) }

func keyOf(fk, title, article string) string {
	if filepath.IsAbs(fk) {
		return digest("file\x00" + fk + "\x00" + title)
	}
	return digest("briefing\x00" + title + "\x00" + article)
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:HashLen]
}

// labelWidth is the most cells of an item's text kept as its label.
const labelWidth = 80

// itemIndex knows which items a briefing holds, in reading order, and what
// each is called.
type itemIndex struct {
	order  map[string]int
	labels map[string]string
}

func indexItems(b *model.Briefing) itemIndex {
	ix := itemIndex{order: map[string]int{}, labels: map[string]string{}}
	add := func(kind model.RefKind, id, label string) {
		k := key(model.Ref{Kind: kind, ID: id})
		if _, dup := ix.order[k]; dup {
			return
		}
		ix.order[k] = len(ix.order)
		ix.labels[k] = sanitize.Truncate(sanitize.Line(label), labelWidth, "…")
	}
	for _, t := range b.Themes {
		add(model.KindTheme, t.ID, t.Title)
		for _, p := range t.Points {
			add(model.KindPoint, p.ID, p.Text)
		}
	}
	for _, e := range b.Timeline {
		add(model.KindEvent, e.ID, e.Title)
	}
	for _, a := range b.Actors {
		add(model.KindActor, a.ID, a.Name)
	}
	for _, t := range b.Glossary {
		add(model.KindTerm, t.ID, t.Term)
	}
	for _, s := range b.Sentences() {
		add(model.KindSentence, s.ID, s.Text)
	}
	return ix
}

func (ix itemIndex) has(k string) bool { _, ok := ix.order[k]; return ok }
