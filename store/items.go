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
// each is called. The themes, points, events, actors and terms are few and
// kept in tables; the sentences, which an article may hold by the hundred
// thousand, are looked up in the briefing itself (a sentence's id says
// where it is), so that the index costs a few bytes a paragraph, not a
// table entry and a label a sentence.
type itemIndex struct {
	b      *model.Briefing
	order  map[string]int    // the items other than sentences
	labels map[string]string // their labels
	// paraStart is, for each paragraph, the place in reading order of its
	// first sentence, counted after the other items.
	paraStart []int
}

func indexItems(b *model.Briefing) itemIndex {
	ix := itemIndex{b: b, order: map[string]int{}, labels: map[string]string{}}
	add := func(kind model.RefKind, id, text string) {
		k := key(model.Ref{Kind: kind, ID: id})
		if _, dup := ix.order[k]; dup {
			return
		}
		ix.order[k] = len(ix.order)
		ix.labels[k] = label(text)
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
	n := len(ix.order)
	ix.paraStart = make([]int, len(b.Source.Paragraphs))
	for i, p := range b.Source.Paragraphs {
		ix.paraStart[i] = n
		n += len(p.Sentences)
	}
	return ix
}

// label is an item's text as its label: one line, cut to labelWidth.
func label(text string) string {
	return sanitize.Truncate(sanitize.Line(text), labelWidth, "…")
}

// sentence is the sentence k names, or nil when k names none of the
// briefing's sentences.
func (ix itemIndex) sentence(k string) *model.Sentence {
	if ix.b == nil {
		return nil
	}
	r, ok := parseKey(k)
	if !ok || r.Kind != model.KindSentence {
		return nil
	}
	return ix.b.Sentence(r.ID)
}

// has says whether the briefing holds the item k names.
func (ix itemIndex) has(k string) bool {
	if _, ok := ix.order[k]; ok {
		return true
	}
	return ix.sentence(k) != nil
}

// rank is the item's place in reading order (themes and their points,
// timeline, actors, glossary, source sentences); an item the briefing does
// not hold comes first.
func (ix itemIndex) rank(k string) int {
	if n, ok := ix.order[k]; ok {
		return n
	}
	if s := ix.sentence(k); s != nil {
		return ix.paraStart[s.Paragraph] + s.Index
	}
	return -1
}

// label is the item's label, or "" when the briefing does not hold it.
func (ix itemIndex) label(k string) string {
	if l, ok := ix.labels[k]; ok {
		return l
	}
	if s := ix.sentence(k); s != nil {
		return label(s.Text)
	}
	return ""
}
