package edit

import (
	"strings"

	"github.com/brief-cli/brief/model"
)

// Outline is where every section and item of a briefing's text lies, by
// line. It reads the lines as the format's parser does (metadata, HTML
// comments, # sections, ## items, the # Source section to the end) but
// keeps only positions: what the items mean is the parser's business.
//
// Line numbers are 0-based indexes into Lines. An item or section runs
// from its heading line to End, the line after its last line of content
// (blank lines and comments after it belong to no one).
type Outline struct {
	Lines    []string
	Sections []*Section
	// BodyEnd is the line after the last line of content of the file,
	// ignoring blank lines and comments; where a new section goes when
	// there is nothing else to place it by.
	BodyEnd int
	// CRLF says whether the file's lines end in "\r\n", so that added
	// lines end the same way.
	CRLF bool
	// MetaClose is the line of the metadata block's closing ---; -1
	// without one.
	MetaClose int
	items     map[string]*Item
}

// Section is one level-1 heading and what follows it.
type Section struct {
	Kind  model.RefKind // KindTheme for a theme, else "" with Name set
	Name  string        // lower-case section name: timeline, actors, ...
	ID    string        // a theme's id
	Title string
	Line  int
	End   int
	Items []*Item
}

// Item is one level-2 item: a point, an event, an actor or a term.
type Item struct {
	Kind    model.RefKind
	ID      string
	Title   string
	IDGiven bool
	Line    int
	End     int
	Section *Section
}

var sectionKinds = map[string]model.RefKind{
	"timeline": model.KindEvent, "actors": model.KindActor, "glossary": model.KindTerm,
}

// Scan reads the outline of a briefing's text.
func Scan(text string) *Outline {
	o := &Outline{Lines: strings.Split(text, "\n"), items: map[string]*Item{}, MetaClose: -1}
	cr := 0
	for _, l := range o.Lines {
		if strings.HasSuffix(l, "\r") {
			cr++
		}
	}
	o.CRLF = cr > len(o.Lines)/2
	i := 0
	for i < len(o.Lines) && strings.TrimSpace(o.Lines[i]) == "" {
		i++
	}
	if i < len(o.Lines) && strings.TrimSpace(o.Lines[i]) == "---" {
		for i++; i < len(o.Lines) && strings.TrimSpace(o.Lines[i]) != "---"; i++ {
		}
		if i < len(o.Lines) {
			o.MetaClose = i
		}
		o.BodyEnd = min(i+1, len(o.Lines))
		i++
	}
	var sec *Section
	var it *Item
	inComment := false
	for ; i < len(o.Lines); i++ {
		l := strings.TrimRight(o.Lines[i], "\r")
		trim := strings.TrimSpace(l)
		if inComment {
			inComment = !strings.Contains(l, "-->")
			continue
		}
		if strings.HasPrefix(trim, "<!--") {
			inComment = !strings.Contains(trim[4:], "-->")
			continue
		}
		if trim == "" {
			continue
		}
		o.BodyEnd = i + 1
		switch {
		case strings.HasPrefix(l, "# "):
			it = nil
			title, id, given := heading(l, 2)
			sec = &Section{Title: title, Line: i, End: i + 1}
			if t, ok := strings.CutPrefix(title, "Theme:"); ok {
				sec.Kind, sec.Title, sec.ID = model.KindTheme, strings.TrimSpace(t), id
				if !given {
					sec.ID = model.Slug(title)
				}
				o.items[sec.ID] = &Item{Kind: model.KindTheme, ID: sec.ID, Title: sec.Title, IDGiven: given, Line: i, Section: sec}
			} else {
				sec.Name = strings.ToLower(title)
			}
			o.Sections = append(o.Sections, sec)
			if sec.Name == "source" {
				o.BodyEnd = len(o.Lines)
				for j := len(o.Lines) - 1; j > i && strings.TrimSpace(o.Lines[j]) == ""; j-- {
					o.BodyEnd = j
				}
				sec.End = o.BodyEnd
				return o
			}
		case strings.HasPrefix(l, "## ") && sec != nil:
			title, id, given := heading(l, 3)
			kind := model.KindPoint
			if sec.Kind != model.KindTheme {
				kind = sectionKinds[sec.Name]
			}
			it = &Item{Kind: kind, ID: id, Title: title, IDGiven: given, Line: i, End: i + 1, Section: sec}
			if kind != "" {
				sec.Items = append(sec.Items, it)
				if _, dup := o.items[id]; !dup {
					o.items[id] = it
				}
			}
			sec.End = i + 1
		default:
			if it != nil {
				it.End = i + 1
			}
			if sec != nil {
				sec.End = i + 1
			}
		}
	}
	for _, s := range o.Sections {
		if s.Kind == model.KindTheme {
			o.items[s.ID].End = s.End
		}
	}
	return o
}

// heading splits an item's heading line after its prefix of # marks into
// its text and id, as the parser does.
func heading(l string, prefix int) (title, id string, given bool) {
	h := strings.TrimSpace(l[prefix:])
	if j := strings.LastIndex(h, "{#"); j >= 0 && strings.HasSuffix(h, "}") {
		return strings.TrimSpace(h[:j]), h[j+2 : len(h)-1], true
	}
	return h, model.Slug(h), false
}

// Item finds an item (or a theme) by id.
func (o *Outline) Item(id string) *Item { return o.items[id] }

// Theme finds a theme's section by id.
func (o *Outline) Theme(id string) *Section {
	if it := o.items[id]; it != nil && it.Kind == model.KindTheme {
		return it.Section
	}
	return nil
}

// Themes are the theme sections in file order.
func (o *Outline) Themes() []*Section {
	var out []*Section
	for _, s := range o.Sections {
		if s.Kind == model.KindTheme {
			out = append(out, s)
		}
	}
	return out
}

// Named finds a section by its lower-case name ("timeline").
func (o *Outline) Named(name string) *Section {
	for _, s := range o.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Has reports whether the text already uses an id.
func (o *Outline) Has(id string) bool { _, ok := o.items[id]; return ok }
