package model

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
	return strings.Join(strings.Fields(s), " ")
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
func buildSource(title string, paras []string) Source {
	src := Source{Title: title}
	var body strings.Builder
	for pi, p := range paras {
		para := &Paragraph{ID: fmt.Sprintf("p%d", pi+1)}
		for si, s := range SplitSentences(p) {
			if body.Len() > 0 {
				body.WriteByte(' ')
			}
			start := body.Len()
			body.WriteString(s)
			para.Sentences = append(para.Sentences, &Sentence{
				ID: fmt.Sprintf("p%d.s%d", pi+1, si+1), Paragraph: pi, Index: si,
				Text: s, Start: start, End: body.Len(),
			})
		}
		src.Paragraphs = append(src.Paragraphs, para)
	}
	src.Body = body.String()
	return src
}

// SplitSentences splits a whitespace-collapsed paragraph into sentences: after
// '.', '!', '?' or a closing '”', at a space followed by an upper-case letter
// or an opening quotation mark. Joining the result with single spaces gives
// the paragraph back.
func SplitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if r != ' ' || i == 0 {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(p[:i])
		next, _ := utf8.DecodeRuneInString(p[i+1:])
		if strings.ContainsRune(".!?”", prev) && (unicode.IsUpper(next) || next == '“' || next == '"') && !abbreviation(p[start:i]) {
			out = append(out, p[start:i])
			start = i + 1
		}
		i += size
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
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
