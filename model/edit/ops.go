package edit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/brief-cli/brief/model"
)

// An Op is one change to a briefing, named by ids rather than by lines, so
// that it can be applied again to a text that changed meanwhile (the file
// edited elsewhere while the session held it). Apply returns the new text;
// it touches only the lines the change needs and leaves every other byte as
// it was.
type Op interface {
	Apply(o *Outline) (string, error)
	// Describe says what the change does, for the status line and
	// messages ("add point “...”").
	Describe() string
}

// splice replaces del lines at index at by add and joins the text again.
func (o *Outline) splice(at, del int, add ...string) string {
	if o.CRLF {
		add = slices.Clone(add)
		for i := range add {
			add[i] += "\r"
		}
	}
	out := make([]string, 0, len(o.Lines)-del+len(add))
	out = append(out, o.Lines[:at]...)
	out = append(out, add...)
	out = append(out, o.Lines[at+del:]...)
	return strings.Join(out, "\n")
}

func (o *Outline) blank(i int) bool {
	return i < 0 || i >= len(o.Lines) || strings.TrimSpace(o.Lines[i]) == ""
}

// oneLine makes text safe for a heading or a field: one line, no {# that
// would read as an id.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "{#", "{ #")
}

// quoteLines are the lines citing a quote: "> text", and "- at: ID" when
// the quote must say which of several places it means.
func quoteLines(q Quote) []string {
	out := []string{"> " + oneLine(q.Text)}
	if q.At != "" {
		out = append(out, "- at: "+q.At)
	}
	return out
}

// Quote is a citation to add: the article's text, and the sentence or
// paragraph id it means when the article holds the text more than once.
type Quote struct {
	Text string
	At   string
}

func (o *Outline) point(id string) (*Item, error) {
	it := o.Item(id)
	if it == nil || it.Kind != model.KindPoint {
		return nil, fmt.Errorf("no point %q", id)
	}
	return it, nil
}

func (o *Outline) fresh(id string) error {
	if o.Has(id) {
		return fmt.Errorf("the id %q is taken", id)
	}
	return nil
}

// themeInsert is where a new theme section goes: after the last theme,
// else before the first other section, else at the end of the body.
func (o *Outline) themeInsert() (at int, lines []string) {
	if ts := o.Themes(); len(ts) > 0 {
		return ts[len(ts)-1].End, nil
	}
	if len(o.Sections) > 0 {
		return o.Sections[0].Line, nil
	}
	return o.BodyEnd, nil
}

func themeHeading(title, id string) string { return "# Theme: " + oneLine(title) + " {#" + id + "}" }

// NewTheme adds a theme section after the last theme.
type NewTheme struct{ ID, Title string }

func (op NewTheme) Describe() string { return "new theme “" + op.Title + "”" }

func (op NewTheme) Apply(o *Outline) (string, error) {
	if err := o.fresh(op.ID); err != nil {
		return "", err
	}
	at, _ := o.themeInsert()
	if len(o.Themes()) == 0 && len(o.Sections) > 0 {
		return o.splice(at, 0, themeHeading(op.Title, op.ID), ""), nil
	}
	return o.splice(at, 0, "", themeHeading(op.Title, op.ID)), nil
}

// AddPoint adds a point quoting the article at the end of a theme. With
// NewTheme set, it first makes that theme (the briefing has none yet).
type AddPoint struct {
	Theme    string
	NewTheme string // title of a theme to make with id Theme
	ID       string
	Claim    string
	Quote    Quote
}

func (op AddPoint) Describe() string { return "add point “" + op.Claim + "”" }

func (op AddPoint) Apply(o *Outline) (string, error) {
	if err := o.fresh(op.ID); err != nil {
		return "", err
	}
	body := append([]string{"## " + oneLine(op.Claim) + " {#" + op.ID + "}", ""}, quoteLines(op.Quote)...)
	if op.NewTheme != "" {
		if err := o.fresh(op.Theme); err != nil {
			return "", err
		}
		at, _ := o.themeInsert()
		lines := append([]string{themeHeading(op.NewTheme, op.Theme), ""}, body...)
		if len(o.Themes()) == 0 && len(o.Sections) > 0 {
			return o.splice(at, 0, append(lines, "")...), nil
		}
		return o.splice(at, 0, append([]string{""}, lines...)...), nil
	}
	sec := o.Theme(op.Theme)
	if sec == nil {
		return "", fmt.Errorf("no theme %q", op.Theme)
	}
	return o.splice(sec.End, 0, append([]string{""}, body...)...), nil
}

// AddQuote adds one more quote to an item.
type AddQuote struct {
	Item  string
	Quote Quote
}

func (op AddQuote) Describe() string { return "add a quote to " + op.Item }

func (op AddQuote) Apply(o *Outline) (string, error) {
	it := o.Item(op.Item)
	if it == nil || it.Kind == model.KindTheme {
		return "", fmt.Errorf("no item %q", op.Item)
	}
	return o.splice(it.End, 0, append([]string{""}, quoteLines(op.Quote)...)...), nil
}

// sectionEnd is where a new item of a named section goes, and the lines
// that open the section when the briefing has none.
func (o *Outline) sectionEnd(name, heading string) (int, []string) {
	if s := o.Named(name); s != nil {
		return s.End, nil
	}
	if src := o.Named("source"); src != nil {
		// The # Source section runs to the end of the file: a new section
		// goes before it. Its lines end with the blank line before # Source.
		return src.Line, []string{"# " + heading}
	}
	return o.BodyEnd, []string{"", "# " + heading}
}

// closeBefore ends lines inserted right before a # Source heading with a
// blank line.
func (o *Outline) closeBefore(at int, lines []string) []string {
	if src := o.Named("source"); src != nil && at == src.Line {
		return append(lines, "")
	}
	return lines
}

// AddEvent adds an event to the timeline.
type AddEvent struct {
	ID, Title, When, Phrase string
	Quote                   Quote
}

func (op AddEvent) Describe() string { return "add event “" + op.Title + "”" }

func (op AddEvent) Apply(o *Outline) (string, error) {
	if err := o.fresh(op.ID); err != nil {
		return "", err
	}
	at, lines := o.sectionEnd("timeline", "Timeline")
	lines = append(lines, "", "## "+oneLine(op.Title)+" {#"+op.ID+"}", "", "- when: "+oneLine(op.When))
	if op.Phrase != "" {
		lines = append(lines, "- phrase: "+oneLine(op.Phrase))
	}
	lines = append(append(lines, ""), quoteLines(op.Quote)...)
	return o.splice(at, 0, o.closeBefore(at, lines)...), nil
}

// AddActor adds an actor to the Actors section.
type AddActor struct {
	ID, Name, Kind, Stance string
}

func (op AddActor) Describe() string { return "add actor “" + op.Name + "”" }

func (op AddActor) Apply(o *Outline) (string, error) {
	if err := o.fresh(op.ID); err != nil {
		return "", err
	}
	at, lines := o.sectionEnd("actors", "Actors")
	lines = append(lines, "", "## "+oneLine(op.Name)+" {#"+op.ID+"}", "", "- kind: "+op.Kind, "- stance: "+oneLine(op.Stance))
	return o.splice(at, 0, o.closeBefore(at, lines)...), nil
}

// field finds an item's "- key:" line and the lines that continue it.
func (o *Outline) field(it *Item, key string) (line, end int) {
	for i := it.Line + 1; i < it.End; i++ {
		l := strings.TrimRight(o.Lines[i], "\r")
		if k, _, ok := strings.Cut(strings.TrimPrefix(l, "- "), ":"); ok && strings.HasPrefix(l, "- ") && strings.EqualFold(strings.TrimSpace(k), key) {
			end = i + 1
			for end < it.End && strings.TrimSpace(o.Lines[end]) != "" && (o.Lines[end][0] == ' ' || o.Lines[end][0] == '\t') {
				end++
			}
			return i, end
		}
	}
	return -1, -1
}

// fieldsEnd is the line after an item's last "- key: value" field (and
// its continuation lines), and the line of its "- draft:" field when that
// is the last; -1 when the item has no field.
func (o *Outline) fieldsEnd(it *Item) (end, draft int) {
	end, draft = -1, -1
	for i := it.Line + 1; i < it.End; i++ {
		l := strings.TrimRight(o.Lines[i], "\r")
		k, _, ok := strings.Cut(strings.TrimPrefix(l, "- "), ":")
		if !ok || !strings.HasPrefix(l, "- ") || strings.ContainsAny(k, " \t") {
			continue
		}
		_, end = o.field(it, strings.TrimSpace(k))
		if f, _ := o.field(it, strings.TrimSpace(k)); f != i {
			end = i + 1 // a key given twice: this line only
		}
		draft = -1
		if strings.EqualFold(strings.TrimSpace(k), "draft") {
			draft = i
		}
	}
	return end, draft
}

// AddToList adds ids to a list field of an item (a point's actors or
// events), making the field when the item has none. Ids already there are
// left alone.
type AddToList struct {
	Item, Key string
	IDs       []string
}

func (op AddToList) Describe() string {
	return "add " + strings.Join(op.IDs, ", ") + " to the " + op.Key + " of " + op.Item
}

func (op AddToList) Apply(o *Outline) (string, error) {
	it := o.Item(op.Item)
	if it == nil || it.Kind == model.KindTheme {
		return "", fmt.Errorf("no item %q", op.Item)
	}
	line, end := o.field(it, op.Key)
	if line < 0 {
		add := "- " + op.Key + ": " + strings.Join(op.IDs, ", ")
		// Into the item's list of fields when it has one, before its
		// "- draft:" line, which stays last for the author to delete.
		if at, draft := o.fieldsEnd(it); at >= 0 {
			if draft >= 0 {
				at = draft
			}
			return o.splice(at, 0, add), nil
		}
		return o.splice(it.End, 0, "", add), nil
	}
	var have []string
	for i := line; i < end; i++ {
		v := strings.TrimSpace(strings.TrimRight(o.Lines[i], "\r"))
		if i == line {
			_, v, _ = strings.Cut(v, ":")
		}
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				have = append(have, id)
			}
		}
	}
	var add []string
	for _, id := range op.IDs {
		if !slices.Contains(have, id) && !slices.Contains(add, id) {
			add = append(add, id)
		}
	}
	if len(add) == 0 {
		return "", fmt.Errorf("%s already lists %s", op.Item, strings.Join(op.IDs, ", "))
	}
	last := strings.TrimRight(o.Lines[end-1], "\r \t")
	sep := ", "
	if strings.HasSuffix(last, ",") || strings.HasSuffix(last, ":") {
		sep = " "
	}
	return o.splice(end-1, 1, last+sep+strings.Join(add, ", ")), nil
}

// Rename gives a theme or an item a new title. The heading keeps its id
// (written out if it was made from the old title, so references hold).
type Rename struct{ ID, Title string }

func (op Rename) Describe() string { return "rename " + op.ID + " to “" + op.Title + "”" }

func (op Rename) Apply(o *Outline) (string, error) {
	it := o.Item(op.ID)
	if it == nil {
		return "", fmt.Errorf("no item %q", op.ID)
	}
	h := "## " + oneLine(op.Title) + " {#" + it.ID + "}"
	if it.Kind == model.KindTheme {
		h = themeHeading(op.Title, it.ID)
	}
	return o.splice(it.Line, 1, h), nil
}

// Move moves a point one place up or down within its theme (By -1 or +1),
// or, with Theme set, to the end of another theme.
type Move struct {
	ID    string
	By    int
	Theme string
}

func (op Move) Describe() string {
	switch {
	case op.Theme != "":
		return "move " + op.ID + " to " + op.Theme
	case op.By < 0:
		return "move " + op.ID + " up"
	}
	return "move " + op.ID + " down"
}

func (op Move) Apply(o *Outline) (string, error) {
	it, err := o.point(op.ID)
	if err != nil {
		return "", err
	}
	block := slices.Clone(o.Lines[it.Line:it.End])
	if op.Theme != "" {
		to := o.Theme(op.Theme)
		if to == nil {
			return "", fmt.Errorf("no theme %q", op.Theme)
		}
		if to == it.Section {
			return "", fmt.Errorf("%s is already in %s", op.ID, op.Theme)
		}
		var out []string
		del := o.deleteRange(it)
		for i := 0; i < len(o.Lines); i++ {
			if i == to.End {
				out = append(out, "")
				out = append(out, block...)
			}
			if i >= del[0] && i < del[1] {
				continue
			}
			out = append(out, o.Lines[i])
		}
		if to.End == len(o.Lines) {
			out = append(append(out, ""), block...)
		}
		return strings.Join(out, "\n"), nil
	}
	items := it.Section.Items
	k := slices.Index(items, it)
	j := k + op.By
	if j < 0 || j >= len(items) {
		return "", fmt.Errorf("%s is already the %s point of its theme", op.ID, map[bool]string{true: "first", false: "last"}[op.By < 0])
	}
	a, b := items[min(k, j)], items[max(k, j)]
	out := slices.Clone(o.Lines[:a.Line])
	out = append(out, o.Lines[b.Line:b.End]...)
	out = append(out, o.Lines[a.End:b.Line]...)
	out = append(out, o.Lines[a.Line:a.End]...)
	out = append(out, o.Lines[b.End:]...)
	return strings.Join(out, "\n"), nil
}

// deleteRange is the lines an item's removal takes: its own, and the blank
// line before it when a blank line follows too.
func (o *Outline) deleteRange(it *Item) [2]int {
	from, to := it.Line, it.End
	if o.blank(from-1) && from-1 >= 0 && o.blank(to) {
		from--
	}
	return [2]int{from, to}
}

// Delete removes an item (a point, an event, an actor, a term), and takes
// its id out of the actors, events and themes lists that name it. A theme
// goes only when it has no points left.
type Delete struct{ ID string }

func (op Delete) Describe() string { return "delete " + op.ID }

func (op Delete) Apply(o *Outline) (string, error) {
	it := o.Item(op.ID)
	if it == nil {
		return "", fmt.Errorf("no item %q", op.ID)
	}
	if it.Kind == model.KindTheme {
		if len(it.Section.Items) > 0 {
			return "", fmt.Errorf("theme %s still has points: move or delete them first", op.ID)
		}
		it = &Item{Line: it.Line, End: it.Section.End}
	}
	r := o.deleteRange(it)
	edits := append(o.dropRefs(op.ID, it), lineEdit{r[0], r[1], nil})
	// Last first, so that each edit's line numbers still hold. Sorted by
	// pointer: a sort of the structs themselves would compile a sort of
	// its own into the binary.
	order := make([]*lineEdit, len(edits))
	for i := range edits {
		order[i] = &edits[i]
	}
	slices.SortFunc(order, func(a, b *lineEdit) int { return b.from - a.from })
	lines := slices.Clone(o.Lines)
	for _, e := range order {
		lines = slices.Replace(lines, e.from, e.to, e.with...)
	}
	return strings.Join(lines, "\n"), nil
}

// lineEdit replaces lines [from, to) with some others.
type lineEdit struct {
	from, to int
	with     []string
}

// dropRefs are the edits that take id out of every actors, events and
// themes list but those of skip (the item going): the list's line without
// it, or no line when it was the only one.
func (o *Outline) dropRefs(id string, skip *Item) []lineEdit {
	var out []lineEdit
	seen := map[*Item]bool{skip: true}
	for _, s := range o.Sections {
		for _, it := range s.Items {
			if seen[it] {
				continue
			}
			seen[it] = true
			for _, key := range []string{"actors", "events", "themes"} {
				line, end := o.field(it, key)
				if line < 0 {
					continue
				}
				v := ""
				for i := line; i < end; i++ {
					l := strings.TrimSpace(strings.TrimRight(o.Lines[i], "\r"))
					if i == line {
						_, l, _ = strings.Cut(l, ":")
					}
					v += "," + l
				}
				var keep []string
				found := false
				for _, x := range strings.Split(v, ",") {
					switch x = strings.TrimSpace(x); {
					case x == id:
						found = true
					case x != "":
						keep = append(keep, x)
					}
				}
				if !found {
					continue
				}
				var with []string
				if len(keep) > 0 {
					l := "- " + key + ": " + strings.Join(keep, ", ")
					if o.CRLF {
						l += "\r"
					}
					with = []string{l}
				}
				out = append(out, lineEdit{line, end, with})
			}
		}
	}
	return out
}

// body is an item's lines after its heading, without the blank lines at
// either end.
func (o *Outline) body(it *Item) []string {
	from, to := it.Line+1, it.End
	for from < to && o.blank(from) {
		from++
	}
	return o.Lines[from:to]
}

// Merge moves everything of point From (its quotes, detail, notes and
// lists) into point Into and removes From.
type Merge struct{ Into, From string }

func (op Merge) Describe() string { return "merge " + op.From + " into " + op.Into }

func (op Merge) Apply(o *Outline) (string, error) {
	into, err := o.point(op.Into)
	if err != nil {
		return "", err
	}
	from, err := o.point(op.From)
	if err != nil {
		return "", err
	}
	if into == from {
		return "", fmt.Errorf("cannot merge %s into itself", op.Into)
	}
	// Lists the two share are joined on Into's line; the rest of From's
	// lines follow Into's.
	text := o.splice(0, 0)
	var moved []string
	lines := o.body(from)
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r")
		key := ""
		if k, _, ok := strings.Cut(l, ":"); ok && strings.HasPrefix(l, "- ") {
			key = strings.ToLower(strings.TrimSpace(k[2:]))
		}
		if (key == "actors" || key == "events") && func() bool { f, _ := o.field(into, key); return f >= 0 }() {
			v := strings.TrimSpace(l[strings.Index(l, ":")+1:])
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && (lines[i+1][0] == ' ' || lines[i+1][0] == '\t') {
				i++
				v += " " + strings.TrimSpace(lines[i])
			}
			var ids []string
			for _, id := range strings.Split(v, ",") {
				if id = strings.TrimSpace(id); id != "" {
					ids = append(ids, id)
				}
			}
			if t, err := (AddToList{Item: op.Into, Key: key, IDs: ids}).Apply(Scan(text)); err == nil {
				text = t
			}
			continue
		}
		// A field Into already gives the same way ("- draft: yes" on two
		// drafted points) is said once.
		if key != "" && func() bool {
			f, _ := o.field(into, key)
			return f >= 0 && strings.TrimRight(o.Lines[f], "\r") == l
		}() {
			continue
		}
		moved = append(moved, lines[i])
	}
	o2 := Scan(text)
	text, _ = (Delete{ID: op.From}).Apply(o2)
	o3 := Scan(text)
	in := o3.Item(op.Into)
	if len(moved) == 0 {
		return text, nil
	}
	o3.CRLF = false // moved lines keep their own ends
	return o3.splice(in.End, 0, append([]string{""}, moved...)...), nil
}

// Split moves a point's last quote (and what follows it) into a new point
// right after it, with the same claim to reword.
type Split struct{ ID, NewID string }

func (op Split) Describe() string { return "split " + op.ID }

func (op Split) Apply(o *Outline) (string, error) {
	it, err := o.point(op.ID)
	if err != nil {
		return "", err
	}
	if err := o.fresh(op.NewID); err != nil {
		return "", err
	}
	// The quotes' first lines: a > line not right after another.
	var starts []int
	for i := it.Line + 1; i < it.End; i++ {
		q := strings.TrimSpace(strings.TrimPrefix(strings.TrimRight(o.Lines[i], "\r"), ">"))
		if strings.HasPrefix(o.Lines[i], ">") && q != "" && !(strings.HasPrefix(o.Lines[i-1], ">") && strings.TrimSpace(strings.TrimPrefix(o.Lines[i-1], ">")) != "") {
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 {
		return "", fmt.Errorf("%s has one quote: nothing to split", op.ID)
	}
	cut := starts[len(starts)-1]
	from := cut
	for from > it.Line+1 && o.blank(from-1) {
		from--
	}
	tail := slices.Clone(o.Lines[cut:it.End])
	title := it.Title
	h := "## " + oneLine(title) + " {#" + op.NewID + "}"
	if o.CRLF {
		h += "\r"
	}
	out := slices.Clone(o.Lines[:from])
	out = append(out, "")
	if o.CRLF {
		out[len(out)-1] = "\r"
	}
	out = append(out, h, out[len(out)-1])
	out = append(out, tail...)
	out = append(out, o.Lines[it.End:]...)
	return strings.Join(out, "\n"), nil
}

// MarkReviewed removes an item's "- draft:" line: the author has read what
// brief new drafted and stands by it.
type MarkReviewed struct{ ID string }

func (op MarkReviewed) Describe() string { return "mark " + op.ID + " reviewed" }

func (op MarkReviewed) Apply(o *Outline) (string, error) {
	it := o.Item(op.ID)
	if it == nil {
		return "", fmt.Errorf("no item %q", op.ID)
	}
	if it.Kind == model.KindTheme {
		it = &Item{Line: it.Line, End: it.Line + 1}
		for i := it.Line + 1; i < len(o.Lines) && !strings.HasPrefix(o.Lines[i], "#"); i++ {
			it.End = i + 1
		}
	}
	line, end := o.field(it, "draft")
	if line < 0 {
		return "", fmt.Errorf("%s is not marked as drafted", op.ID)
	}
	if o.blank(line-1) && o.blank(end) && end < len(o.Lines) {
		end++ // no two blank lines left in a row
	}
	return o.splice(line, end-line), nil
}

// SetField sets a one-line field of an item (an actor's stance, an event's
// date): its line is replaced, continuation lines and all, or added after
// the item's last line when it has none.
type SetField struct{ Item, Key, Value string }

func (op SetField) Describe() string { return "set the " + op.Key + " of " + op.Item }

func (op SetField) Apply(o *Outline) (string, error) {
	it := o.Item(op.Item)
	if it == nil || it.Kind == model.KindTheme {
		return "", fmt.Errorf("no item %q", op.Item)
	}
	l := "- " + op.Key + ": " + strings.Join(strings.Fields(op.Value), " ")
	if line, end := o.field(it, op.Key); line >= 0 {
		return o.splice(line, end-line, l), nil
	}
	last := strings.TrimSpace(o.Lines[it.End-1])
	if strings.HasPrefix(last, "- ") || it.End == it.Line+1 {
		if it.End == it.Line+1 {
			return o.splice(it.End, 0, "", l), nil
		}
		return o.splice(it.End, 0, l), nil
	}
	return o.splice(it.End, 0, "", l), nil
}

// SetMeta sets a metadata line ("subject: ..."), replacing it or adding it
// before the block's closing ---.
type SetMeta struct{ Key, Value string }

func (op SetMeta) Describe() string { return "set the " + op.Key }

func (op SetMeta) Apply(o *Outline) (string, error) {
	if o.MetaClose < 0 {
		return "", fmt.Errorf("no metadata block")
	}
	l := op.Key + ": " + strings.Join(strings.Fields(op.Value), " ")
	for i := o.MetaClose - 1; i >= 0 && strings.TrimSpace(o.Lines[i]) != "---"; i-- {
		if k, _, ok := strings.Cut(o.Lines[i], ":"); ok && strings.TrimSpace(k) == op.Key {
			return o.splice(i, 1, l), nil
		}
	}
	return o.splice(o.MetaClose, 0, l), nil
}

// Chain is changes made as one: one undo step, one line in messages.
type Chain []Op

func (op Chain) Describe() string {
	var ds []string
	for _, c := range op {
		ds = append(ds, c.Describe())
	}
	return strings.Join(ds, ", and ")
}

func (op Chain) Apply(o *Outline) (string, error) {
	text := ""
	for i, c := range op {
		if i > 0 {
			o = Scan(text)
		}
		t, err := c.Apply(o)
		if err != nil {
			return "", err
		}
		text = t
	}
	if len(op) == 0 {
		return o.splice(0, 0), nil
	}
	return text, nil
}

// Unskip takes a sentence out of the metadata's "skip:" list, where the
// draft put captions and bylines: a sentence the author cites is neither.
// When its whole paragraph is skipped, the paragraph's other sentences
// (Siblings, in order) take the paragraph's place in the list, so only this
// one sentence comes back into coverage.
type Unskip struct {
	Sentence  string
	Paragraph string
	Siblings  []string
}

func (op Unskip) Describe() string { return "un-skip " + op.Sentence }

func (op Unskip) Apply(o *Outline) (string, error) {
	if o.MetaClose < 0 {
		return "", fmt.Errorf("no metadata block")
	}
	for i := o.MetaClose - 1; i >= 0 && strings.TrimSpace(o.Lines[i]) != "---"; i-- {
		k, v, ok := strings.Cut(strings.TrimRight(o.Lines[i], "\r"), ":")
		if !ok || strings.TrimSpace(k) != "skip" {
			continue
		}
		var out []string
		changed := false
		for _, id := range strings.Split(v, ",") {
			id = strings.TrimSpace(id)
			switch {
			case id == "":
			case id == op.Sentence:
				changed = true
			case id == op.Paragraph && op.Paragraph != "":
				changed = true
				for _, s := range op.Siblings {
					if s != op.Sentence && !slices.Contains(out, s) {
						out = append(out, s)
					}
				}
			default:
				out = append(out, id)
			}
		}
		if !changed {
			break
		}
		if len(out) == 0 {
			return o.splice(i, 1), nil
		}
		return o.splice(i, 1, k+": "+strings.Join(out, ", ")), nil
	}
	return "", fmt.Errorf("%s is not skipped", op.Sentence)
}

// Unskips are the changes that bring the skipped sentences among ids back
// into coverage, in order; none when none is skipped.
func (d *Doc) Unskips(ids []string) []Op {
	var out []Op
	b := d.Briefing
	for _, id := range ids {
		s := b.Sentence(id)
		if s == nil || !b.Skipped(s) {
			continue
		}
		p := b.Source.Paragraphs[s.Paragraph]
		var sibs []string
		for _, o := range p.Sentences {
			sibs = append(sibs, o.ID)
		}
		out = append(out, Unskip{Sentence: id, Paragraph: p.ID, Siblings: sibs})
	}
	return out
}

// WithUnskips makes op and the un-skipping of the skipped sentences it
// cites one change: citing a sentence says it is no caption or byline.
func (d *Doc) WithUnskips(op Op, ids []string) Op {
	us := d.Unskips(ids)
	if len(us) == 0 {
		return op
	}
	return append(Chain{op}, us...)
}
