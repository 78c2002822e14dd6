package edit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/brief-cli/brief/model"
)

// Restore makes the text a session kept unsaved (KeepUnsaved) the
// document's text again. It is a change like any other: checked, undone
// with u, written by a save. It applies only to the text it was made on
// (From): made again on a file that changed on disk meanwhile it fails, so
// that the save refuses rather than write the kept text over the change.
type Restore struct {
	// Path is the recovery file the text came from; a save that writes
	// the text removes it.
	Path string
	Text string
	From string
}

func (op Restore) Describe() string {
	return "restore the unsaved work kept in " + filepath.Base(op.Path)
}

func (op Restore) Apply(o *Outline) (string, error) {
	if o.splice(0, 0) != op.From {
		return "", fmt.Errorf("the file changed since %s was restored", filepath.Base(op.Path))
	}
	return op.Text, nil
}

// UnsavedFiles lists the recovery files KeepUnsaved left beside a
// briefing, the first session's first: FILE.unsaved, then FILE.unsaved.2,
// FILE.unsaved.3, ...
func UnsavedFiles(name string) []string {
	var out []string
	if _, err := os.Lstat(UnsavedName(name)); err == nil {
		out = append(out, UnsavedName(name))
	}
	ents, err := os.ReadDir(filepath.Dir(name))
	if err != nil {
		return out
	}
	// The numbered ones, in order: FILE.unsaved.2, .3, ... as far as the
	// highest there is.
	prefix := filepath.Base(UnsavedName(name)) + "."
	nums := map[int]string{}
	highest := 0
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(rest); err == nil && n >= 2 && n <= 1000 && strconv.Itoa(n) == rest {
			nums[n] = filepath.Join(filepath.Dir(name), e.Name())
			highest = max(highest, n)
		}
	}
	for n := 2; n <= highest; n++ {
		if p, ok := nums[n]; ok {
			out = append(out, p)
		}
	}
	return out
}

// keepName is where KeepUnsaved writes text: FILE.unsaved, or when that
// holds other text (a recovery not yet dealt with, which must not be
// lost) the first FILE.unsaved.N that is free or holds the same text.
func keepName(name, text string) string {
	for n := 1; ; n++ {
		p := UnsavedName(name)
		if n > 1 {
			p += "." + strconv.Itoa(n)
		}
		data, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) || (err == nil && string(data) == text) {
			return p
		}
	}
}

// RecoveryError is a recovery file whose text no longer loads as a
// briefing: it is kept, and Err gives the position of the first problem in
// it (path:line:col).
type RecoveryError struct {
	Path string
	Err  string
}

func (e *RecoveryError) Error() string {
	return fmt.Sprintf("%s does not load as a briefing (%s); it is kept as it is", filepath.Base(e.Path), e.Err)
}

// ReadUnsaved reads a recovery file and checks that its text loads. A text
// that does not is a *RecoveryError naming the file's own line and column.
func (d *Doc) ReadUnsaved(path string) (string, error) {
	data, err := model.ReadFile(path)
	if err != nil {
		return "", err
	}
	// Read as the briefing (its article is found beside it), but errors
	// name the recovery file, where the author will look.
	if _, err := d.parse(string(data)); err != nil {
		return "", &RecoveryError{Path: path, Err: strings.Replace(firstError(err), d.Name, path, 1)}
	}
	return string(data), nil
}

// RestoreUnsaved makes a recovery file's text the document's, as one
// change (undone with u). The recovery file stays until a save writes
// that text to the briefing.
func (d *Doc) RestoreUnsaved(path string) error {
	text, err := d.ReadUnsaved(path)
	if err != nil {
		return err
	}
	if text == d.text {
		return fmt.Errorf("%s holds the text the briefing has already", filepath.Base(path))
	}
	return d.Apply(Restore{Path: path, Text: text, From: d.text})
}

// DiscardUnsaved removes a recovery file the author chose to discard.
func DiscardUnsaved(path string) error { return os.Remove(path) }

// restored lists the recovery files the pending changes restore.
func (d *Doc) restored() []Restore {
	var out []Restore
	for _, op := range d.ops {
		if r, ok := op.(Restore); ok {
			out = append(out, r)
		}
	}
	return out
}

// settle removes the recovery files of restores a save just wrote, each
// only while it still holds the text restored from it.
func settle(rs []Restore) {
	for _, r := range rs {
		if data, err := os.ReadFile(r.Path); err == nil && string(data) == r.Text {
			os.Remove(r.Path)
		}
	}
}

// LineChanges counts the lines of b that a lacks and the lines of a that b
// lacks, each line counted as often as it occurs: a short account of how a
// recovery file differs from the briefing.
func LineChanges(a, b string) (added, removed int) {
	have := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		have[l]++
	}
	for _, l := range strings.Split(b, "\n") {
		if have[l] > 0 {
			have[l]--
		} else {
			added++
		}
	}
	for _, n := range have {
		removed += n
	}
	return added, removed
}
