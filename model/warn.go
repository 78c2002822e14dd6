package model

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/brief-cli/brief/model/sanitize"
)

// Fix is one character of a quote to rewrite: at Pos in the briefing file,
// From (what the author typed) becomes To (the article's character).
type Fix struct {
	Pos      Pos
	From, To rune
}

// warnActors warns of an actor the article never names and of a name or
// alias given to two actors, whose mentions then all go to one.
func (bd *builder) warnActors() {
	owner := map[string]*Actor{}
	for _, a := range bd.b.Actors {
		if len(a.Mentions) == 0 {
			bd.warnf(a.Pos, "actor %q is never named in the article (0 mentions): add an alias the article uses", a.Name)
		}
		for _, al := range a.Aliases {
			if !bd.b.named(al) {
				bd.warnf(a.Pos, "alias %q of actor %q never occurs in the article%s", al, a.ID, didYouMean(al, bd.b.ngrams(len(strings.Fields(al)))))
			}
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if o, dup := owner[n]; dup && o != a {
				bd.warnf(a.Pos, "%q names both actor %q (line %d) and actor %q: its mentions all go to one", n, o.ID, o.Pos.Line, a.ID)
				continue
			}
			owner[n] = a
		}
	}
}

// warnDeck warns of what a # Deck would silently drop or take: text under a
// slide that shows none, and points of another theme on a theme slide.
func (bd *builder) warnDeck() {
	for _, d := range bd.b.Deck {
		if d.Body != "" && d.Kind != "text" {
			bd.warnf(Pos{d.Pos.Line, 1}, "the text under a %q slide is not shown: only \"## text TITLE\" slides show paragraphs (speaker notes are \"- note:\")", d.Kind)
		}
		if d.Kind != "theme" {
			continue
		}
		for _, id := range d.Points {
			if p := bd.b.Point(id); p != nil && p.Theme != d.Target {
				bd.warnf(Pos{d.Pos.Line, 1}, "point %q belongs to theme %q, not %q", id, p.Theme, d.Target)
			}
		}
	}
}

// FixQuotes reads a briefing file and returns its text with every quote
// that differs from the article only in quotation marks, apostrophes and
// dashes given the article's characters, where the quote matches one
// place. Nothing else changes. It also returns the fixes made.
func FixQuotes(name string, data []byte) ([]byte, []Fix, error) {
	var fixes []Fix
	_, loadErr := parseWithFile(name, data, &fixes)
	if len(fixes) == 0 {
		return data, nil, loadErr
	}
	lines := strings.SplitAfter(string(data), "\n")
	for _, f := range fixes {
		if f.Pos.Line < 1 || f.Pos.Line > len(lines) {
			return nil, nil, fmt.Errorf("%s: fix out of range at %d:%d", name, f.Pos.Line, f.Pos.Col)
		}
		r := []rune(lines[f.Pos.Line-1])
		if c := f.Pos.Col - 1; c < 0 || c >= len(r) || r[c] != f.From {
			return nil, nil, fmt.Errorf("%s:%d:%d: fix does not line up with the file", name, f.Pos.Line, f.Pos.Col)
		} else {
			r[c] = f.To
		}
		lines[f.Pos.Line-1] = string(r)
	}
	return []byte(strings.Join(lines, "")), fixes, nil
}

// named reports whether the article holds name as whole words.
func (b *Briefing) named(name string) bool {
	for off := 0; ; {
		i := strings.Index(b.Source.Body[off:], name)
		if i < 0 {
			return false
		}
		st := off + i
		if WordBoundary(b.Source.Body, st, st+len(name)) {
			return true
		}
		off = st + 1
	}
}

// ngrams lists the runs of n words of the article, punctuation trimmed, as
// candidates for a misspelt alias.
func (b *Briefing) ngrams(n int) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range b.Sentences() {
		words := strings.Fields(s.Text)
		for i := 0; i+n <= len(words); i++ {
			g := strings.Trim(strings.Join(words[i:i+n], " "), ".,;:!?()“”\"'‘’")
			g = strings.TrimSuffix(g, "’s")
			if g != "" && !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	return out
}

// TODOs counts the fields a draft leaves to write: a subject, stance,
// definition or title that still starts with "TODO".
func (b *Briefing) TODOs() int {
	n := 0
	todo := func(s string) {
		if strings.HasPrefix(s, "TODO") {
			n++
		}
	}
	todo(b.Subject)
	for _, a := range b.Actors {
		todo(a.Stance)
	}
	for _, t := range b.Glossary {
		todo(t.Definition)
	}
	for _, e := range b.Timeline {
		todo(e.Title)
	}
	for _, p := range b.Points() {
		todo(p.Text)
	}
	return n
}

// maxHiddenWarnings bounds the hidden-character warnings of one file: a file
// full of them says so in a few lines, not thousands.
const maxHiddenWarnings = 20

// warnHidden warns of each run of characters in the lines of file that
// the sanitiser shows as placeholders (invisible, bidirectional or control
// characters, stray variation selectors): text a reader would not see in
// an editor, and that may hide a message.
func (bd *builder) warnHidden(file string, lines []string) {
	n := 0
	for i, l := range lines {
		if sanitize.Clean(l) {
			continue
		}
		found := sanitize.Invisible(l)
		for j := 0; j < len(found); {
			k := j + 1
			for k < len(found) && found[k].Offset == found[k-1].Offset+1 {
				k++
			}
			if n++; n > maxHiddenWarnings {
				return
			}
			what := fmt.Sprintf("%s (U+%04X)", found[j].Name, found[j].Rune)
			if found[j].Rune == utf8.RuneError {
				what = found[j].Name
			}
			msg := "a hidden character: " + what
			if k-j > 1 {
				msg = fmt.Sprintf("%d hidden characters, the first %s", k-j, what)
			}
			bd.warns = append(bd.warns, &Error{File: file, Pos: Pos{i + 1, found[j].Offset + 1}, Msg: msg + "; shown as ⟨U+…⟩ placeholders", Warning: true})
			j = k
		}
	}
}

// Drafted counts the items still marked "- draft: yes", by kind, in the
// order a briefing reads: themes, points, events, actors, terms.
type Drafted struct {
	Themes, Points, Events, Actors, Terms int
}

// Total is the number of drafted items of every kind.
func (d Drafted) Total() int { return d.Themes + d.Points + d.Events + d.Actors + d.Terms }

// String names what is left to review, such as "12 points, 3 events".
func (d Drafted) String() string {
	var parts []string
	for _, c := range []struct {
		n          int
		one, other string
	}{{d.Themes, "theme", "themes"}, {d.Points, "point", "points"}, {d.Events, "event", "events"}, {d.Actors, "actor", "actors"}, {d.Terms, "glossary term", "glossary terms"}} {
		switch {
		case c.n == 1:
			parts = append(parts, "1 "+c.one)
		case c.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.other))
		}
	}
	return strings.Join(parts, ", ")
}

// Drafted counts the drafted items not yet reviewed.
func (b *Briefing) Drafted() Drafted {
	var d Drafted
	for _, t := range b.Themes {
		if t.Draft {
			d.Themes++
		}
		for _, p := range t.Points {
			if p.Draft {
				d.Points++
			}
		}
	}
	for _, e := range b.Timeline {
		if e.Draft {
			d.Events++
		}
	}
	for _, a := range b.Actors {
		if a.Draft {
			d.Actors++
		}
	}
	for _, t := range b.Glossary {
		if t.Draft {
			d.Terms++
		}
	}
	return d
}
