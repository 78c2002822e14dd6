package model

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/brief-cli/brief/model/sanitize"
)

// Article is a plain article as laid out in a .txt file: a title line, an
// optional date line "- YYYY-MM-DD hh:mm:ss", then paragraphs.
type Article struct {
	Title      string
	Published  time.Time
	HasDate    bool
	HasTime    bool
	Paragraphs []string // whitespace-collapsed
}

// ParseArticle reads a plain article. Paragraphs are separated by blank
// lines; when the body is a single block of lines, each line is a paragraph
// (the layout of the seed article).
func ParseArticle(file, text string) (*Article, ErrorList) {
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return nil, ErrorList{{File: file, Pos: Pos{1, 1}, Msg: "empty article: expected a title line"}}
	}
	a := &Article{Title: collapse(lines[i])}
	i++
	if i < len(lines) {
		if d, ok := strings.CutPrefix(strings.TrimSpace(lines[i]), "- "); ok {
			t, hasTime, err := parseDateTime(d)
			if err != nil {
				return nil, ErrorList{{File: file, Pos: Pos{i + 1, 3}, Msg: err.Error()}}
			}
			a.Published, a.HasDate, a.HasTime = t, true, hasTime
			i++
		}
	}
	a.Paragraphs = splitParagraphs(lines[i:])
	if len(a.Paragraphs) == 0 {
		return nil, ErrorList{{File: file, Pos: Pos{i + 1, 1}, Msg: "article has no paragraphs"}}
	}
	return a, nil
}

// splitParagraphs turns body lines into whitespace-collapsed paragraphs.
func splitParagraphs(lines []string) []string {
	var blocks [][]string
	var cur []string
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	var paras []string
	if len(blocks) == 1 {
		for _, l := range blocks[0] {
			paras = append(paras, collapse(l))
		}
		return paras
	}
	for _, b := range blocks {
		paras = append(paras, collapse(strings.Join(b, " ")))
	}
	return paras
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	if collapsed(s) {
		return s // the common case: nothing to do, nothing to allocate
	}
	return strings.Join(strings.Fields(s), " ")
}

// cleanParagraph sanitises a collapsed paragraph. Placeholders hold no
// white space, so only text that changed needs collapsing again.
func cleanParagraph(p string) string {
	if printableASCII(p) {
		return p // nothing for sanitize to do
	}
	if s := sanitize.Text(p); s != p {
		return collapse(s)
	}
	return p
}

// printableASCII reports whether every byte of s is printable ASCII, a
// space to a tilde. It looks at eight bytes at a time.
func printableASCII(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		del := w ^ 0x7F*ones
		// A byte >= 0x80, a byte < 0x20, a byte == 0x7F. The last two
		// tests are exact when no byte has its high bit set.
		if (w|(w-0x20*ones)&^w|(del-ones)&^del)&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			return false
		}
	}
	return true
}

// collapsed reports whether collapse would return s as it is: no white
// space at either end, none but single spaces inside. It may say false
// for a string that is collapsed (one with an ASCII control character),
// which only costs the slow path.
func collapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	if printableASCII(s) {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			continue
		}
		if c < utf8.RuneSelf {
			return false // tab, newline and other controls
		}
		// The non-ASCII white space runes (U+0085, U+00A0, U+1680,
		// U+2000–U+205F, U+3000) start with one of these bytes.
		if c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// parseDateTime reads a publication date: YYYY-MM-DD, optionally followed by
// hh:mm or hh:mm:ss after a space or T.
func parseDateTime(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, nil
		}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, fmt.Errorf("invalid date %q: expected YYYY-MM-DD, optionally with hh:mm or hh:mm:ss", s)
}

// buildSource splits paragraphs into sentences with ids and lays out Body.
// A library holds many sentences, so this allocates per source, not per
// sentence: the sentences of all paragraphs share one array, their ids one
// string, and their texts are slices of Body.
func buildSource(title string, paras []string) Source {
	src := Source{Title: title}
	var ends []int                   // end of each sentence in its paragraph
	count := make([]int, len(paras)) // sentences of each paragraph
	size := 0
	for pi, p := range paras {
		n := len(ends)
		ends = sentenceEnds(ends, p)
		count[pi] = len(ends) - n
		size += len(p) + 1
	}
	var body strings.Builder
	body.Grow(size)
	sents := make([]Sentence, len(ends))
	ptrs := make([]*Sentence, len(ends))
	pstore := make([]Paragraph, len(paras))
	src.Paragraphs = make([]*Paragraph, len(paras))
	ids := make([]byte, 0, len(ends)*8+len(paras)*4)
	idEnd := make([]int, 0, len(ends)+len(paras)) // paragraph id, then its sentences' ids
	k := 0
	for pi, p := range paras {
		ids = append(ids, 'p')
		ids = strconv.AppendInt(ids, int64(pi+1), 10)
		idEnd = append(idEnd, len(ids))
		if count[pi] > 0 {
			if body.Len() > 0 {
				body.WriteByte(' ')
			}
			at := body.Len()
			body.WriteString(p) // its sentences joined by single spaces
			start := 0
			for si := 0; si < count[pi]; si++ {
				end := ends[k]
				sents[k] = Sentence{Paragraph: pi, Index: si, Start: at + start, End: at + end}
				ptrs[k] = &sents[k]
				start = end + 1
				ids = append(ids, 'p')
				ids = strconv.AppendInt(ids, int64(pi+1), 10)
				ids = append(ids, ".s"...)
				ids = strconv.AppendInt(ids, int64(si+1), 10)
				idEnd = append(idEnd, len(ids))
				k++
			}
		}
		pstore[pi].Sentences = ptrs[k-count[pi] : k : k]
		src.Paragraphs[pi] = &pstore[pi]
	}
	src.Body = body.String()
	all := string(ids)
	from, e := 0, 0
	for pi := range pstore {
		pstore[pi].ID = all[from:idEnd[e]]
		from = idEnd[e]
		e++
		for _, sn := range pstore[pi].Sentences {
			sn.ID = all[from:idEnd[e]]
			sn.Text = src.Body[sn.Start:sn.End]
			from = idEnd[e]
			e++
		}
	}
	return src
}

// SplitSentences splits a whitespace-collapsed paragraph into sentences: after
// '.', '!', '?' or a closing '”', at a space followed by an upper-case letter
// or an opening quotation mark. A closing '”' ends a sentence only when the
// quotation ends with '.', '!', '?' or '…' and no attribution follows
// (“…,” Lijian noted. is one sentence). Joining the result with single
// spaces gives the paragraph back.
func SplitSentences(p string) []string {
	ends := sentenceEnds(make([]int, 0, 1+len(p)/64), p)
	out := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		out[i] = p[start:end]
		start = end + 1
	}
	return out
}

// sentenceEnds appends to dst the end offset of each sentence of p, as
// SplitSentences splits it: each but the last is followed by a space.
func sentenceEnds(dst []int, p string) []int {
	start := 0
	// A break is a space after a terminator. Rather than look at every
	// space, jump from one terminator to the next: next[k] is the offset of
	// the next occurrence of terms[k] not yet looked at (len(p): none).
	terms := [...]string{".", "!", "?", "”"}
	var next [len(terms)]int
	for k, t := range terms {
		next[k] = indexFrom(p, t, 0)
	}
	for {
		k := 0
		for j := 1; j < len(next); j++ {
			if next[j] < next[k] {
				k = j
			}
		}
		if next[k] == len(p) {
			break
		}
		i := next[k] + len(terms[k]) // the space, if there is one
		next[k] = indexFrom(p, terms[k], i)
		if i >= len(p) || p[i] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[i+1:])
		if (unicode.IsUpper(r) || r == '“' || r == '"') && !abbreviation(p[start:i]) && !quoteGoesOn(p[start:i], p[i+1:]) {
			dst = append(dst, i)
			start = i + 1
		}
	}
	if start < len(p) {
		dst = append(dst, len(p))
	}
	return dst
}

// quoteGoesOn reports whether a sentence that so far reads s, ending in a
// closing quotation mark, goes on in rest: a quotation ends a sentence only
// after '.', '!', '?' or '…' inside the marks (“…,” Lijian noted. and “a
// term” Monday go on), and not when an attribution follows (“Will it
// hold?” Smith asked.).
func quoteGoesOn(s, rest string) bool {
	q, n := utf8.DecodeLastRuneInString(s)
	if q != '”' {
		return false
	}
	if prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-n]); !strings.ContainsRune(".!?…", prev) {
		return true
	}
	// One to three capitalised words, then a verb of saying.
	words := strings.SplitN(rest, " ", 5)
	for i, w := range words {
		if i > 0 && saidVerb(strings.TrimRight(w, ".,;:")) {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); i >= 3 || !unicode.IsUpper(r) {
			return false
		}
	}
	return false
}

func saidVerb(w string) bool {
	switch w {
	case "said", "says", "noted", "added", "told", "stated", "asked", "wrote", "explained", "insisted", "warned", "argued", "replied", "continued", "remarked", "tweeted", "declared":
		return true
	}
	return false
}

// indexFrom returns the offset of the first t in s at or after from, or
// len(s).
func indexFrom(s, t string, from int) int {
	if from >= len(s) {
		return len(s)
	}
	var k int
	if len(t) == 1 {
		k = strings.IndexByte(s[from:], t[0])
	} else {
		k = strings.Index(s[from:], t)
	}
	if k < 0 {
		return len(s)
	}
	return from + k
}

// abbreviation reports whether s ends in a title or initial that a period
// does not end a sentence after ("Mr.", "U.S.", "Dr.").
func abbreviation(s string) bool {
	j := strings.LastIndexByte(s, ' ')
	word := s[j+1:]
	switch word {
	case "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Col.", "Lt.", "Sen.", "Rep.", "Gov.", "Jr.", "Sr.", "vs.", "etc.", "e.g.", "i.e.", "No.":
		return true
	}
	// Initials and dotted acronyms: "U.S.", "J."
	if n := utf8.RuneCountInString(word); n >= 2 && n <= 6 {
		letters := 0
		for _, r := range word {
			if unicode.IsUpper(r) {
				letters++
			} else if r != '.' {
				return false
			}
		}
		return letters >= 1 && strings.Count(word, ".") == letters
	}
	return false
}
