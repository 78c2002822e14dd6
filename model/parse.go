package model

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The parser reads a brief/1 file in two steps: a line scanner turns the
// text into raw blocks (metadata, sections, items with their fields, quotes
// and paragraphs), then build() turns blocks into typed items and validates
// them. Every problem is collected; nothing is returned half-built.

type field struct {
	key, value string
	pos        Pos // of the key
	valPos     Pos
}

type rawQuote struct {
	text string
	pos  Pos
	// segs are the quote's pieces, one a line, in order: where each
	// starts and how many runes it has, so a character of the quote can be
	// traced back to its line and column.
	segs []seg
	// at picks one occurrence of a quote found more than once: a
	// "- at: p3.s2" line right under it.
	at    string
	atPos Pos
}

type seg struct {
	pos Pos
	n   int
}

// block is one heading and what follows it up to the next heading.
type block struct {
	heading string
	id      string
	idGiven bool
	pos     Pos
	fields  []field
	quotes  []rawQuote
	paras   []string
	items   []string // list items (Questions)
	itemPos []Pos
}

type sectionKind int

const (
	secNone sectionKind = iota
	secTheme
	secTimeline
	secActors
	secGlossary
	secQuestions
	secDeck
	secSource
)

var sectionNames = map[string]sectionKind{
	"timeline": secTimeline, "actors": secActors, "glossary": secGlossary,
	"questions": secQuestions, "deck": secDeck, "source": secSource,
}

type section struct {
	kind  sectionKind
	head  *block   // the level-1 heading's own block (theme summary and notes)
	items []*block // level-2 items
}

type parser struct {
	file  string
	lines []string
	errs  ErrorList
	warns ErrorList
	meta  []field
	secs  []*section
	// source lines of an embedded # Source section
	sourceLines []string
	sourceLine  int
	// quiet skips the checks that only make warnings (see LoadBytesQuiet).
	quiet bool
}

func (p *parser) errorf(pos Pos, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// warnf records something that loads but is likely a mistake.
func (p *parser) warnf(pos Pos, format string, args ...any) {
	if p.quiet {
		return
	}
	p.warns = append(p.warns, &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: true})
}

var (
	headingID  = regexp.MustCompile(`\s*\{#([^}]*)\}\s*$`)
	fieldLine  = regexp.MustCompile(`^- ([A-Za-z][A-Za-z -]*?):(?:\s+(.*))?$`)
	listItem   = regexp.MustCompile(`^(?:\d+[.)]|[-*+])\s+(.*)$`)
	validID    = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	sentenceID = regexp.MustCompile(`^p\d+(\.s\d+)?$`)
)

func col(line string, byteOff int) int { return utf8.RuneCountInString(line[:byteOff]) + 1 }

// scan splits the file into metadata and blocks.
func (p *parser) scan(text string) {
	p.lines = strings.Split(text, "\n")
	i := 0
	for i < len(p.lines) && strings.TrimSpace(p.lines[i]) == "" {
		i++
	}
	if i == len(p.lines) {
		p.errorf(Pos{1, 1}, "empty file: a briefing starts with a --- metadata block")
		return
	}
	if strings.TrimRight(p.lines[i], " \t") != "---" {
		p.errorf(Pos{i + 1, 1}, "expected --- to open the metadata block")
		return
	}
	open := i
	i++
	end := i
	for end < len(p.lines) && strings.TrimRight(p.lines[end], " \t") != "---" {
		end++
	}
	if end == len(p.lines) {
		// Every line after would be a bad key: one error says it all.
		hint := ""
		for j := open + 1; j < len(p.lines); j++ {
			if t := strings.TrimSpace(p.lines[j]); strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, ">") {
				hint = fmt.Sprintf("; the body seems to start at line %d: put --- before it", j+1)
				break
			}
		}
		p.errorf(Pos{open + 1, 1}, "metadata block opened here is never closed with ---%s", hint)
		return
	}
	for ; i < len(p.lines); i++ {
		l := p.lines[i]
		if strings.TrimRight(l, " \t") == "---" {
			break
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || strings.TrimSpace(k) == "" || strings.ContainsAny(k, " \t") && strings.TrimSpace(k) != k {
			p.errorf(Pos{i + 1, 1}, "expected key: value in the metadata block")
			continue
		}
		vOff := len(k) + 1 + (len(v) - len(strings.TrimLeft(v, " \t")))
		p.meta = append(p.meta, field{key: k, value: strings.TrimSpace(v), pos: Pos{i + 1, 1}, valPos: Pos{i + 1, col(l, vOff)}})
	}
	if i == len(p.lines) {
		p.errorf(Pos{open + 1, 1}, "metadata block opened here is never closed with ---")
		return
	}
	p.scanBody(i + 1)
}

func (p *parser) scanBody(i int) {
	var sec *section
	var cur *block
	var lastField *field // for continuation lines
	var lastItem *string
	inQuote := false
	inComment := false
	var commentPos Pos
	inPara := false
	seen := map[sectionKind]int{}
	quoteLn := 0 // the line of the last quote line read

	for ; i < len(p.lines); i++ {
		l := p.lines[i]
		ln := i + 1
		trim := strings.TrimSpace(l)
		wasPara := inPara
		inPara = false
		if inComment {
			if strings.Contains(l, "-->") {
				inComment = false
			}
			continue
		}
		if strings.HasPrefix(trim, "<!--") {
			if !strings.Contains(trim[4:], "-->") {
				inComment = true
				commentPos = Pos{ln, strings.Index(l, "<!--") + 1}
			}
			continue
		}
		if trim == "" {
			lastField, lastItem, inQuote = nil, nil, false
			continue
		}
		if !strings.HasPrefix(l, ">") {
			if !p.quiet {
				p.markup(l, ln)
			}
		}
		switch {
		case strings.HasPrefix(l, "# "):
			title, id, idGiven, idCol := splitHeading(l, 2)
			cur = &block{heading: title, id: id, idGiven: idGiven, pos: Pos{ln, 3}}
			lastField, lastItem, inQuote = nil, nil, false
			if t, ok := strings.CutPrefix(title, "Theme:"); ok {
				cur.heading = strings.TrimSpace(t)
				if cur.heading == "" {
					p.errorf(Pos{ln, 3}, "theme has no title")
				}
				if idGiven {
					p.checkID(id, Pos{ln, idCol})
				}
				sec = &section{kind: secTheme, head: cur}
				p.secs = append(p.secs, sec)
				continue
			}
			kind, ok := sectionNames[strings.ToLower(title)]
			if !ok {
				p.errorf(Pos{ln, 3}, "unknown section %q: expected \"Theme: TITLE\", Timeline, Actors, Glossary, Questions, Deck or Source", title)
				sec = &section{kind: secNone, head: cur}
				continue
			}
			if prev, dup := seen[kind]; dup {
				p.errorf(Pos{ln, 3}, "section %q appears twice (first at line %d)", title, prev)
			}
			seen[kind] = ln
			sec = &section{kind: kind, head: cur}
			p.secs = append(p.secs, sec)
			if kind == secSource {
				p.sourceLines, p.sourceLine = p.lines[i+1:], i+2
				return
			}
		case strings.HasPrefix(l, "## "):
			lastField, lastItem, inQuote = nil, nil, false
			if sec == nil {
				p.errorf(Pos{ln, 1}, "item outside any section: start a section with a # heading first")
				sec = &section{kind: secNone}
			}
			title, id, idGiven, idCol := splitHeading(l, 3)
			cur = &block{heading: title, id: id, idGiven: idGiven, pos: Pos{ln, 4}}
			if title == "" {
				p.errorf(Pos{ln, 4}, "heading has no text")
			}
			if idGiven {
				p.checkID(id, Pos{ln, idCol})
			}
			switch sec.kind {
			case secQuestions:
				p.errorf(Pos{ln, 1}, "questions are list items (1. or -), not headings")
			case secSource:
			default:
				sec.items = append(sec.items, cur)
			}
		case strings.HasPrefix(l, "#"):
			p.errorf(Pos{ln, 1}, "only # sections and ## items are headings in %s", FormatVersion)
		case cur == nil:
			p.errorf(Pos{ln, 1}, "text before the first section")
		case strings.HasPrefix(l, ">"):
			q := strings.TrimPrefix(l, ">")
			off := 1
			if strings.HasPrefix(q, " ") {
				q, off = q[1:], 2
			}
			lastField, lastItem = nil, nil
			if strings.TrimSpace(q) == "" {
				inQuote = false
				continue
			}
			sg := seg{Pos{ln, col(l, off)}, utf8.RuneCountInString(q)}
			if inQuote {
				last := &cur.quotes[len(cur.quotes)-1]
				last.text += " " + q
				last.segs = append(last.segs, sg)
			} else {
				cur.quotes = append(cur.quotes, rawQuote{text: q, pos: sg.pos, segs: []seg{sg}})
				inQuote = true
			}
			quoteLn = ln
		case (l[0] == ' ' || l[0] == '\t') && (lastField != nil || lastItem != nil):
			if lastField != nil {
				lastField.value = strings.TrimSpace(lastField.value + " " + trim)
			} else {
				*lastItem = *lastItem + " " + trim
			}
		case sec != nil && sec.kind == secQuestions:
			m := listItem.FindStringSubmatch(trim)
			if m == nil {
				p.errorf(Pos{ln, 1}, "expected a question as a list item (1. or -)")
				continue
			}
			cur.items = append(cur.items, strings.TrimSpace(m[1]))
			cur.itemPos = append(cur.itemPos, Pos{ln, col(l, strings.Index(l, m[1]))})
			lastItem = &cur.items[len(cur.items)-1]
		case strings.HasPrefix(l, "- "):
			m := fieldLine.FindStringSubmatchIndex(l)
			if m == nil {
				p.errorf(Pos{ln, 1}, "expected a field \"- key: value\"")
				continue
			}
			f := field{key: strings.ToLower(l[m[2]:m[3]]), pos: Pos{ln, 3}}
			if m[4] >= 0 {
				f.value = strings.TrimSpace(l[m[4]:m[5]])
				f.valPos = Pos{ln, col(l, m[4])}
			} else {
				f.valPos = Pos{ln, col(l, len(l))}
			}
			if f.key == "at" && quoteLn == ln-1 && len(cur.quotes) > 0 {
				q := &cur.quotes[len(cur.quotes)-1]
				q.at, q.atPos = f.value, f.valPos
				lastField, inQuote = nil, false
				continue
			}
			cur.fields = append(cur.fields, f)
			lastField = &cur.fields[len(cur.fields)-1]
			inQuote = false
		default:
			inQuote = false
			lastField = nil
			// A paragraph continues while lines follow without a blank line.
			inPara = true
			if n := len(cur.paras); n > 0 && wasPara {
				cur.paras[n-1] += " " + trim
			} else {
				cur.paras = append(cur.paras, trim)
			}
		}
	}
	if inComment {
		p.errorf(commentPos, "comment <!-- opened here is never closed with -->")
	}
}

var markupRE = regexp.MustCompile("\\*\\*[^*\\s][^*]*\\*\\*|__[^_\\s][^_]*__|`[^`]+`|\\[[^\\]]+\\]\\([^)]+\\)|(?:^|\\s)\\*[^*\\s][^*]*[^*\\s]\\*(?:[\\s.,;:!?]|$)")

// markup warns of Markdown in a line of plain text: it shows as written.
func (p *parser) markup(l string, ln int) {
	for _, m := range markupRE.FindAllStringIndex(l, 2) {
		at := m[0]
		for at < m[1] && (l[at] == ' ' || l[at] == '\t') {
			at++
		}
		end := m[1]
		for end > at && strings.ContainsRune(" \t.,;:!?", rune(l[end-1])) {
			end--
		}
		p.warnf(Pos{ln, col(l, at)}, "Markdown is not interpreted here: %s shows as written", strconvQuote(l[at:end]))
	}
}

func strconvQuote(s string) string { return "“" + s + "”" }

// splitHeading separates a trailing {#id} from the heading text of line l
// (after its prefix of # marks). Without one, the id is made from the text.
// idCol is the column of the id in the line.
func splitHeading(l string, prefix int) (title, id string, given bool, idCol int) {
	h := strings.TrimSpace(l[prefix:])
	if loc := headingID.FindStringSubmatchIndex(h); loc != nil {
		return strings.TrimSpace(h[:loc[0]]), h[loc[2]:loc[3]], true, col(l, strings.LastIndex(l, "{#")+2)
	}
	return h, Slug(h), false, 0
}

// latinLetters lists lower-case Latin letters with marks (Latin-1 and
// Latin Extended-A) by the plain letter they are written without.
var latinLetters = [...]struct {
	plain   string
	letters string
}{
	{"a", "àáâãäåāăą"}, {"ae", "æ"}, {"c", "çćĉċč"}, {"d", "ďđð"},
	{"e", "èéêëēĕėęě"}, {"g", "ĝğġģ"}, {"h", "ĥħ"}, {"i", "ìíîïĩīĭįı"},
	{"ij", "ĳ"}, {"j", "ĵ"}, {"k", "ķĸ"}, {"l", "ĺļľŀł"}, {"n", "ñńņňŉŋ"},
	{"o", "òóôõöøōŏő"}, {"oe", "œ"}, {"r", "ŕŗř"}, {"s", "śŝşšſ"},
	{"ss", "ß"}, {"t", "ţťŧ"}, {"th", "þ"}, {"u", "ùúûüũūŭůűų"},
	{"w", "ŵ"}, {"y", "ýÿŷ"}, {"z", "źżž"},
}

// latinPlain is r without its marks, or "" when r is no such letter.
func latinPlain(r rune) string {
	if r < 0xDF || r > 0x17F {
		return ""
	}
	for _, l := range latinLetters {
		if strings.ContainsRune(l.letters, r) {
			return l.plain
		}
	}
	return ""
}

func (p *parser) checkID(id string, pos Pos) {
	switch {
	case id == "":
		p.errorf(pos, "empty id in {#}")
	case sentenceID.MatchString(id):
		p.errorf(pos, "id %q is reserved for source paragraphs and sentences", id)
	case !validID.MatchString(id):
		p.errorf(pos, "invalid id %q: use a-z, 0-9 and -, starting with a letter", id)
	}
}

// Slug makes an id from heading text: lower case ASCII letters and digits,
// words joined by "-", at most 48 characters, cut at a word boundary.
// Latin letters with marks lose them ("Zürich": zurich, "Straße":
// strasse), so that a name keeps its word.
func Slug(s string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			w.WriteRune(r)
		case r == '’' || r == '\'':
		default:
			if plain := latinPlain(r); plain != "" {
				w.WriteString(plain)
				continue
			}
			flush()
		}
	}
	flush()
	out := ""
	for _, wd := range words {
		next := wd
		if out != "" {
			next = out + "-" + wd
		}
		if len(next) > 48 && out != "" {
			break
		}
		out = next
	}
	if len(out) > 48 {
		out = out[:48]
	}
	if out != "" && (out[0] < 'a' || out[0] > 'z') {
		out = "x-" + out
	}
	if sentenceID.MatchString(out) {
		out = "x-" + out
	}
	return out
}
