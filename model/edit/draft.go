package edit

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/date"
	"github.com/brief-cli/brief/model/draft"
)

// FreshID makes an id from text that nothing in the briefing uses yet:
// the slug of its first five words, then slug-2, slug-3, ...
func (d *Doc) FreshID(text string) string {
	if w := strings.Fields(text); len(w) > 5 {
		text = strings.Join(w[:5], " ")
	}
	stem := model.Slug(text)
	if stem == "" {
		stem = "item"
	}
	id := stem
	for n := 2; d.taken(id); n++ {
		id = fmt.Sprintf("%s-%d", stem, n)
	}
	return id
}

func (d *Doc) taken(id string) bool {
	if d.Outline.Has(id) {
		return true
	}
	_, ok := d.Briefing.Find(id)
	return ok
}

// QuoteOf is the quote citing sentences of the article (ids, in order):
// their text verbatim, with the place named when the article holds the
// same text more than once.
func (d *Doc) QuoteOf(ids []string) (Quote, error) {
	var parts []string
	for _, id := range ids {
		s := d.Briefing.Sentence(id)
		if s == nil {
			return Quote{}, fmt.Errorf("no sentence %s", id)
		}
		parts = append(parts, s.Text)
	}
	if len(parts) == 0 {
		return Quote{}, fmt.Errorf("nothing selected")
	}
	q := Quote{Text: strings.Join(parts, " ")}
	if strings.Count(d.Briefing.Source.Body, q.Text) > 1 {
		q.At = ids[0]
	}
	return q, nil
}

// subordinate are the words that open a clause leading into a sentence's
// main clause ("In 2016, the council voted ...").
var subordinate = map[string]bool{
	"after": true, "although": true, "as": true, "because": true, "before": true, "despite": true,
	"during": true, "for": true, "if": true, "in": true, "meanwhile": true, "on": true, "since": true,
	"though": true, "until": true, "when": true, "while": true, "with": true, "however": true,
	"moreover": true, "yet": true, "still": true, "indeed": true, "also": true, "by": true, "at": true,
}

// aside is a relative clause set off by commas: ", which owns the quays,".
var aside = regexp.MustCompile(`, (?:which|who|whose|where) [^,;]+,`)

// DraftClaim drafts a point's claim from the sentence it quotes: the main
// clause, without a leading subordinate clause or a trailing one after a
// comma, at most about fourteen words, with a capital and no full stop.
func DraftClaim(sentence string) string {
	s := strings.TrimSpace(sentence)
	if first, rest, ok := strings.Cut(s, ", "); ok {
		w := strings.ToLower(strings.Trim(strings.Fields(first)[0], "“\"'‘"))
		if subordinate[w] && len(strings.Fields(rest)) >= 4 {
			s = rest
		}
	}
	s = aside.ReplaceAllString(s, "")
	for _, cut := range []string{"; ", ", and ", " — ", ", which ", ", who ", ", while ", ", but ", ", as ", ": "} {
		if i := strings.Index(s, cut); i > 0 && len(strings.Fields(s[:i])) >= 4 {
			s = s[:i]
		}
	}
	words := strings.Fields(s)
	if len(words) > 14 {
		words = append(words[:14:14], "…")
	}
	s = strings.TrimRight(strings.Join(words, " "), ".,;:!?")
	// A quotation cut open (a sentence that ends inside it, or a claim cut
	// before its close) loses its marks rather than keep one alone.
	if strings.Count(s, "“") != strings.Count(s, "”") || strings.Count(s, "\"")%2 == 1 {
		s = strings.TrimSpace(strings.NewReplacer("“", "", "”", "", "\"", "").Replace(s))
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// DraftDate reads the first date the text gives, resolved against the
// publication date: its EDTF and the phrase as written. ok is false when
// the text gives none.
func (d *Doc) DraftDate(text string) (when, phrase string, ok bool) {
	for _, f := range draft.FindDates(text, d.Briefing.Source.Published) {
		return f.When.String(), f.Phrase, true
	}
	return "", "", false
}

// DateForms lists, briefly, the forms an event's date takes (docs/format.md,
// "Dates"), for a message about a date that does not parse.
const DateForms = "Dates are 2016, 2021-08, 2021-08-15, 198X (decade), 19XX (century), " +
	"2017-37/-38/-39 (early, mid, late), 2016~ (about), 2016? (unsure), 2016/2019, 2016/.., ../2019"

// CheckDate validates an event date as the format reads it. Its error says
// what is wrong, where in the input (column and the text from there), and
// the forms a date takes.
func CheckDate(s string) error {
	s = strings.TrimSpace(s)
	_, err := date.Parse(s)
	if err == nil {
		return nil
	}
	msg := err.Error()
	var de *date.Error
	if errors.As(err, &de) && s != "" {
		r := []rune(s)
		switch {
		case de.Offset >= len(r):
			msg += ", at the end"
		default:
			rest := string(r[de.Offset:])
			if len([]rune(rest)) > 12 {
				rest = string([]rune(rest)[:12]) + "…"
			}
			msg += fmt.Sprintf(", at column %d: %q", de.Offset+1, rest)
		}
	}
	return fmt.Errorf("%s. %s", msg, DateForms)
}

// Status is what brief check says of the current text, and what --strict
// still wants.
type Status struct {
	Warnings int
	First    string // the first warning
	TODOs    int    // fields brief new left to write
	// Drafted counts the items still marked "- draft: yes".
	Drafted model.Drafted
}

// Status checks the current text.
func (d *Doc) Status() Status {
	st := Status{Warnings: len(d.Briefing.Warnings), TODOs: d.Briefing.TODOs(), Drafted: d.Briefing.Drafted()}
	if st.Warnings > 0 {
		st.First = d.Briefing.Warnings[0].Msg
	}
	return st
}

// clauseBreak is where a sentence divides into clauses: after a comma,
// semicolon or colon, or around a dash.
var clauseBreak = regexp.MustCompile(`[,;:] | [—–] `)

// Clauses divides a sentence into the parts a quote may be cut to: its
// clauses, each a run of the sentence's own text (no piece shorter than
// three words stands alone; it joins the one before), without the
// punctuation that ends it. A sentence with one clause gives none.
func Clauses(sentence string) []string {
	var parts []string
	start := 0
	for _, m := range clauseBreak.FindAllStringIndex(sentence, -1) {
		end := m[0]
		if len(strings.Fields(sentence[start:end])) < 3 {
			continue // too short to stand alone: it stays with what follows
		}
		parts = append(parts, strings.TrimSpace(sentence[start:end]))
		start = m[1]
	}
	rest := strings.TrimRight(strings.TrimSpace(sentence[start:]), ".!?")
	if len(parts) > 0 && len(strings.Fields(rest)) < 3 {
		parts[len(parts)-1] = strings.TrimSpace(sentence[strings.Index(sentence, parts[len(parts)-1]):])
		parts[len(parts)-1] = strings.TrimRight(parts[len(parts)-1], ".!?")
	} else if rest != "" {
		parts = append(parts, rest)
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// QuoteOfPart is the quote of part of a sentence (a clause), naming the
// sentence when the article holds the part more than once.
func (d *Doc) QuoteOfPart(id, part string) (Quote, error) {
	s := d.Briefing.Sentence(id)
	if s == nil || !strings.Contains(s.Text, part) || part == "" {
		return Quote{}, fmt.Errorf("%q is not part of sentence %s", part, id)
	}
	q := Quote{Text: part}
	if strings.Count(d.Briefing.Source.Body, part) > 1 {
		q.At = id
	}
	return q, nil
}
