// Package edit changes a briefing file the way its author would by hand:
// each change (an Op) is a small text transformation on the file's lines,
// touching only the lines it must, so comments, blank lines, order and
// formatting everywhere else stay byte for byte as they were. After every
// change the text is parsed again and must still load; a change that would
// break it is refused. A Doc holds the session: the text, the briefing it
// parses to, undo and redo, and saving that never overwrites a change made
// to the file elsewhere.
//
// The package knows nothing of terminals; tui/edit is its screen.
package edit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Doc is a briefing file open for editing.
type Doc struct {
	// Name is the file's path.
	Name string
	// Briefing is the current text, parsed.
	Briefing *model.Briefing
	// Outline is where the current text's items lie.
	Outline *Outline

	text string
	// base is the text as last read from or written to the file; ops are
	// the changes made since, in order, to replay on the file's new text
	// when it changed on disk meanwhile.
	base string
	ops  []Op
	// gen is the base the ops are changes of: baseGen counts the saves
	// and reloads, and a state undone to from before the last one has
	// ops that no longer replay.
	gen, baseGen int
	undo         []state
	redo         []state
	// stale: the text is a state undone to from before a save that merged
	// a change made on disk, so it lacks that change; saving it would
	// write over it, which only SaveOver does.
	stale bool
	// touched is the item the last undo or redo brought back, changed or
	// took away, for the screen to put its cursor on.
	touched string
	// savedRestores are the restores of recovery files a save in progress
	// writes, whose files it removes once written.
	savedRestores []Restore
}

type state struct {
	text  string
	ops   []Op
	gen   int
	stale bool
	// touched is the item the change from this state to the next one
	// touches ("" for a reload, or a change of no one item).
	touched string
}

// Open reads a briefing file for editing. It must load: a file brief
// check rejects is fixed in a text editor first.
func Open(name string) (*Doc, error) {
	data, err := model.ReadFile(name)
	if err != nil {
		return nil, err
	}
	d := &Doc{Name: name}
	if err := d.set(string(data)); err != nil {
		return nil, err
	}
	d.base = d.text
	return d, nil
}

// parse loads a text as the file's content would load.
func (d *Doc) parse(text string) (*model.Briefing, error) {
	return model.LoadBytes(d.Name, []byte(text))
}

func (d *Doc) set(text string) error {
	b, err := d.parse(text)
	if err != nil {
		return err
	}
	d.text, d.Briefing, d.Outline = text, b, Scan(text)
	return nil
}

// Text is the current text.
func (d *Doc) Text() string { return d.text }

// Modified reports whether the text differs from the file as last read or
// written.
func (d *Doc) Modified() bool { return d.text != d.base }

// Apply makes a change. A change that fails, or whose text would no longer
// load, leaves the document as it was and says why.
func (d *Doc) Apply(op Op) error {
	text, err := op.Apply(d.Outline)
	if err != nil {
		return err
	}
	if text == d.text {
		return fmt.Errorf("%s changes nothing", op.Describe())
	}
	prev := state{d.text, d.ops, d.gen, d.stale, Touches(op)}
	if err := d.set(text); err != nil {
		return fmt.Errorf("%s would break the briefing: %s", op.Describe(), firstError(err))
	}
	d.undo = append(d.undo, prev)
	d.redo = nil
	d.ops = append(slices.Clip(d.ops), op)
	return nil
}

func firstError(err error) string {
	var l model.ErrorList
	if errors.As(err, &l) && len(l) > 0 {
		return l[0].Error()
	}
	return err.Error()
}

// CanUndo and CanRedo say whether there is a change to undo or redo.
func (d *Doc) CanUndo() bool { return len(d.undo) > 0 }
func (d *Doc) CanRedo() bool { return len(d.redo) > 0 }

// Undo takes the last change back.
func (d *Doc) Undo() bool { return d.swap(&d.undo, &d.redo) }

// Redo makes the last undone change again.
func (d *Doc) Redo() bool { return d.swap(&d.redo, &d.undo) }

func (d *Doc) swap(from, to *[]state) bool {
	if len(*from) == 0 {
		return false
	}
	s := (*from)[len(*from)-1]
	// The change between the two states is the same one either way.
	cur := state{d.text, d.ops, d.gen, d.stale, s.touched}
	if d.set(s.text) != nil {
		return false // a text that loaded once loads again
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, cur)
	d.ops, d.gen, d.stale, d.touched = s.ops, s.gen, s.stale, s.touched
	return true
}

// Touched is the id of the item the last Undo or Redo acted on: a deleted
// point brought back, a renamed theme, a moved point; "" when the change
// was of no one item (a reload, the metadata).
func (d *Doc) Touched() string { return d.touched }

// Touches is the id of the item a change acts on, where the cursor
// belongs after it is undone or redone.
func Touches(op Op) string {
	switch op := op.(type) {
	case AddPoint:
		return op.ID
	case AddQuote:
		return op.Item
	case AddEvent:
		return op.ID
	case AddActor:
		return op.ID
	case AddToList:
		return op.Item
	case Rename:
		return op.ID
	case Move:
		return op.ID
	case Delete:
		return op.ID
	case Merge:
		// Undone, the point merged in is back; redone, it is gone into
		// Into. The one that stays is the one to show.
		return op.Into
	case Split:
		return op.ID
	case NewTheme:
		return op.ID
	case MarkReviewed:
		return op.ID
	case SetField:
		return op.Item
	case Chain:
		for _, c := range op {
			if id := Touches(c); id != "" {
				return id
			}
		}
	}
	return ""
}

// ConflictError says the file changed on disk since it was read and the
// session's changes do not apply to its new text.
type ConflictError struct {
	Name string
	Why  string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s changed on disk and your changes do not apply to it (%s)", e.Name, e.Why)
}

// SaveResult says what Save did.
type SaveResult int

const (
	// Unchanged: nothing to write; the file is as the session has it.
	Unchanged SaveResult = iota
	// Written: the session's text was written.
	Written
	// Merged: the file had changed on disk; the session's changes were
	// made again on its new text, and that was written.
	Merged
	// Reloaded: the file had changed on disk and the session had no
	// changes; the document now holds the file's new text.
	Reloaded
)

// Save writes the session's changes to the file, atomically. When the file
// changed on disk since it was read, the changes are made again on its new
// text; when they no longer apply (or the text would not load), nothing is
// written and the error is a *ConflictError: SaveOver writes anyway,
// Reload takes the file's text and drops the session's changes.
func (d *Doc) Save() (SaveResult, error) {
	res, err := d.save()
	if err == nil && (res == Written || res == Merged) {
		settle(d.savedRestores)
	}
	d.savedRestores = nil
	return res, err
}

func (d *Doc) save() (SaveResult, error) {
	d.savedRestores = d.restored()
	if _, err := os.Stat(d.Name); errors.Is(err, os.ErrNotExist) {
		// Deleted meanwhile: the session's text is all there is.
		if err := d.write(d.text); err != nil {
			return Unchanged, err
		}
		return Written, nil
	}
	disk, err := model.ReadFile(d.Name)
	if err != nil {
		return Unchanged, err
	}
	if string(disk) != d.base {
		return d.merge(string(disk))
	}
	if d.text == d.base {
		return Unchanged, nil
	}
	if d.stale {
		return Unchanged, &ConflictError{Name: d.Name, Why: "you undid past a change made to it on disk, which your text does not hold"}
	}
	if err := d.write(d.text); err != nil {
		return Unchanged, err
	}
	return Written, nil
}

func (d *Doc) merge(disk string) (SaveResult, error) {
	if d.text == d.base {
		return Reloaded, d.reloadText(disk)
	}
	if d.undoneToOtherBase() {
		return Unchanged, &ConflictError{Name: d.Name, Why: "you undid changes saved before"}
	}
	// steps[k] is the disk's text with the first k changes made again.
	text := disk
	steps := []string{disk}
	for _, op := range d.ops {
		t, err := op.Apply(Scan(text))
		if err != nil {
			return Unchanged, &ConflictError{Name: d.Name, Why: err.Error() + " (" + sanitize.Truncate(op.Describe(), 40, "…") + ")"}
		}
		text = t
		steps = append(steps, text)
	}
	if _, err := d.parse(text); err != nil {
		return Unchanged, &ConflictError{Name: d.Name, Why: "the result would not load: " + firstError(err)}
	}
	if err := d.set(text); err != nil {
		return Unchanged, &ConflictError{Name: d.Name, Why: "the result would not load: " + firstError(err)}
	}
	gen := d.gen
	if err := d.write(text); err != nil {
		return Unchanged, err
	}
	d.rebase(gen, steps)
	return Merged, nil
}

// rebase makes undo and redo follow a merge: the states of the merged
// changes (gen, with ops a prefix of them) take the disk's text with those
// changes made again, steps[len(ops)], so undoing a change keeps what the
// other program wrote; older states never held it and become stale.
func (d *Doc) rebase(gen int, steps []string) {
	for i := range d.undo {
		s := &d.undo[i]
		if s.gen == gen && len(s.ops) < len(steps) {
			s.text = steps[len(s.ops)]
			continue
		}
		s.stale = true
	}
	d.redo = nil
}

func (d *Doc) undoneToOtherBase() bool { return d.gen != d.baseGen }

// SaveOver writes the session's text over whatever the file holds now.
func (d *Doc) SaveOver() error {
	rs := d.restored()
	if err := d.write(d.text); err != nil {
		return err
	}
	settle(rs)
	return nil
}

// Reload reads the file again, dropping the session's unsaved changes (they
// stay in undo).
func (d *Doc) Reload() error {
	data, err := model.ReadFile(d.Name)
	if err != nil {
		return err
	}
	return d.reloadText(string(data))
}

func (d *Doc) reloadText(text string) error {
	prev := state{d.text, d.ops, d.gen, d.stale, ""}
	if err := d.set(text); err != nil {
		return err
	}
	if prev.text != text {
		d.undo = append(d.undo, prev)
		d.redo = nil
	}
	d.newBase(text)
	return nil
}

// write replaces the file with text atomically, as every writer of the
// user's files does (internal/safefile): a crash leaves the old file or the
// new one; a symbolic link is followed, the file's mode and owner kept.
func (d *Doc) write(text string) error {
	if err := safefile.WriteFile(d.Name, []byte(text)); err != nil {
		return err
	}
	d.newBase(text)
	return nil
}

func (d *Doc) newBase(text string) {
	d.base, d.ops, d.stale = text, nil, false
	d.baseGen++
	d.gen = d.baseGen
}

// Same reports whether data is the text as last read or written, byte for
// byte.
func (d *Doc) Same(data []byte) bool { return bytes.Equal(data, []byte(d.base)) }

// UnsavedName is where KeepUnsaved puts a session's text: beside the file,
// with ".unsaved" added, a name no library reads as a briefing. When that
// file holds an earlier session's text still, the next is FILE.unsaved.2,
// and so on (UnsavedFiles lists them).
func UnsavedName(name string) string { return name + ".unsaved" }

// KeepUnsaved writes the session's text, changes not yet saved and all,
// to UnsavedName (or the next free recovery name), atomically, when the session must end without a save (a
// closed terminal, SIGTERM): the file itself is left as it is. It returns
// the path written, or "" when there was nothing unsaved.
func (d *Doc) KeepUnsaved() (string, error) {
	if !d.Modified() {
		return "", nil
	}
	p := keepName(d.Name, d.text)
	if err := safefile.WriteFile(p, []byte(d.text)); err != nil {
		return "", err
	}
	return p, nil
}
