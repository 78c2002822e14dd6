// Package store keeps a reader's study state for each briefing — bookmarks,
// notes, visited items and the last position — in a small JSON file in the
// XDG state directory, so that nothing a reader writes is lost: not on a
// crash, not with two windows open, not when the briefing changes.
//
// State is kept per briefing, in a file named after the briefing's identity
// (see [Key]: its file and title), and items by their id; the article's hash
// recorded with it helps find the state again when the briefing moves.
// Every change is a read-merge-write under a lock on the state
// directory: the file is read again, this instance's change is applied as a
// last-writer-wins operation with a timestamp, and the result replaces the
// file atomically (temporary file, fsync, rename, fsync of the directory).
// A write returns only once its data is durable. Deleted notes stay as
// tombstones, so a merge never brings them back.
//
// The package knows nothing of terminals; docs/state.md describes the file.
package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Options configures Open. The zero value is ready to use.
type Options struct {
	// Dir is the state directory. Empty means DefaultDir: $BRIEF_STATE_DIR
	// if set, else the XDG state directory.
	Dir string
	// Now is the clock used for timestamps; nil means time.Now.
	Now func() time.Time
	// FS is what files are written through; nil means the real file
	// system. Tests use it to make writes fail.
	FS FS
	// RecoveryDir is where the text of a note that could not be saved is
	// kept; "" means the user cache directory, else the temporary one.
	RecoveryDir string
}

// Position is where a reader was in a briefing.
type Position struct {
	Item   model.Ref // the selected item
	View   string    // the view it was selected in, as the TUI names it
	Scroll int       // the scroll offset of that view
	// Source and Cursors are more of the view, as the TUI records them:
	// where the article pane was scrolled and each view's selection.
	Source  string
	Cursors string
}

// Entry is the study state of one item that has a note or a bookmark.
type Entry struct {
	Ref        model.Ref
	Note       string // "" if none; may hold several lines
	Bookmarked bool
	// Label is the item's text, cut to one line: from the briefing for an
	// item that exists, else as it was when the note or bookmark was made.
	Label   string
	Updated time.Time // when the note or bookmark last changed
}

// Store is the study state of one open briefing. Its methods may be called
// from several goroutines (such as Bubble Tea commands): writes are done one
// at a time; reads never wait for the disk.
type Store struct {
	disk    disk
	lock    *flock.Flock
	fs      FS
	recDirs []string

	opMu sync.Mutex // held for a whole write: one read-merge-write at a time

	mu       sync.Mutex // guards the fields below; held only briefly
	b        *model.Briefing
	ix       itemIndex
	key      string // names the state file (Key)
	article  string // the article's hash (Hash)
	fileKey  string
	path     string // the file that holds the state
	st       *state // the state as last read or written; never modified
	lastAt   time.Time
	migrated string // name of the state file this one was carried over from
	// pending names the changes held in memory because their write
	// failed ("bookmark", "reading position"); the next write carries them.
	pending map[string]bool
	// recovered holds the recovery files of notes that failed to save,
	// by item key (see recovery.go).
	recovered map[string]recovery
}

// Open finds or creates the state of a briefing. warning is non-nil when
// something needs telling but did not stop the store: a *CorruptError for a
// state file that could not be read and was moved aside. err is non-nil when
// there is no store to use (the directory cannot be made, the file comes
// from a newer brief, ...).
//
// When the briefing has no state under its key, Open looks for the state of
// an earlier version of it — the newest state recorded with the same file
// path, else with the same title from a file that is gone — and carries it
// over (see docs/state.md): notes on items that still exist stay on them;
// the others are listed by Orphans. State kept before it was kept per
// briefing (one file per article) is carried over the same way; when it
// belongs to another briefing of the article, warning is an
// *ElsewhereNotice, given once.
func Open(b *model.Briefing, opts Options) (s *Store, warning error, err error) {
	dir := opts.Dir
	if dir == "" {
		if dir, err = DefaultDir(); err != nil {
			return nil, nil, err
		}
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	fsys := opts.FS
	if fsys == nil {
		fsys = osFS{}
	}
	lockPath := filepath.Join(dir, lockName)
	if fi, err := os.Lstat(lockPath); err == nil && !fi.Mode().IsRegular() {
		// A FIFO would block the open, a symbolic link would create a
		// file elsewhere: refuse both at once.
		return nil, nil, &fs.PathError{Op: "open", Path: lockPath, Err: safefile.ErrNotRegular}
	}
	s = &Store{
		disk:    disk{dir: dir, now: now, fs: fsys},
		lock:    flock.New(lockPath, flock.SetPermissions(0o600), flock.SetFlag(lockFlags)),
		fs:      fsys,
		recDirs: recoveryDirs(opts.RecoveryDir),
		pending: map[string]bool{},
	}
	s.bind(b)
	if err := s.locked(func() error {
		s.disk.cleanTemp()
		var err error
		warning, err = s.load(true, false)
		return err
	}); err != nil {
		s.lock.Close()
		return nil, warning, err
	}
	s.scanRecovery()
	return s, warning, nil
}

// Close releases the lock file's handle. The store must not be used after.
func (s *Store) Close() error { return s.lock.Close() }

// Dir is the state directory.
func (s *Store) Dir() string { return s.disk.dir }

// Path is the file that holds this briefing's state (it may not exist until
// the first write).
func (s *Store) Path() string { s.mu.Lock(); defer s.mu.Unlock(); return s.path }

// Key is the key of the briefing the store is bound to (see [Key]).
func (s *Store) Key() string { s.mu.Lock(); defer s.mu.Unlock(); return s.key }

// MigratedFrom is the name (without .json) of the state file of an earlier
// version that Open or Rebind carried over, or "".
func (s *Store) MigratedFrom() string { s.mu.Lock(); defer s.mu.Unlock(); return s.migrated }

func (s *Store) bind(b *model.Briefing) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b, s.ix, s.fileKey, s.article = b, indexItems(b), fileKey(b.File), Hash(b)
	s.key = keyOf(s.fileKey, b.Title, s.article)
}

// fileKey is a briefing's path as recorded in its state: absolute when the
// file exists, else as given (such as "(built-in) ...").
func fileKey(f string) string {
	if f == "" {
		return ""
	}
	if _, err := os.Stat(f); err == nil {
		if abs, err := filepath.Abs(f); err == nil {
			return abs
		}
	}
	return f
}

func (s *Store) locked(fn func() error) error {
	s.opMu.Lock()
	defer s.opMu.Unlock()
	if err := s.lock.Lock(); err != nil {
		return err
	}
	err := fn()
	if uerr := s.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}

// load reads the state of the bound briefing from disk (lock held), merging
// in what this instance already knew unless fresh (the store was just bound
// to another briefing). With migrate, a briefing without state takes over an
// earlier version's.
func (s *Store) load(migrate, fresh bool) (warning, err error) {
	s.mu.Lock()
	key, known, title, fk, article := s.key, s.st, s.b.Title, s.fileKey, s.article
	s.mu.Unlock()
	if fresh {
		known = nil
	}

	r, warning, err := s.disk.resolve(key)
	if err != nil {
		return warning, err
	}
	st, from := r.st, ""
	if !r.found && migrate && warning == nil {
		if c, ok := s.findEarlier(fk, title, article); ok {
			st, from = c.st, hashOf(c.path)
			if err := s.migrate(r.path, key, c.path, st); err != nil {
				return nil, err
			}
			st = s.stamp(merge(newState(key), st), r.path)
		} else {
			warning, err = s.elsewhere(article, r.path)
			if err != nil {
				return warning, err
			}
		}
	}
	if st == nil {
		st = newState(key)
	}
	if known != nil {
		st = merge(st, known)
	}
	s.mu.Lock()
	s.path, s.st = r.path, st
	if from != "" {
		s.migrated = from
	}
	s.mu.Unlock()
	return warning, nil
}

// stamp sets the metadata of a state about to be written to path: the key
// its name says, and the bound briefing's path, title and article hash.
func (s *Store) stamp(st *state, path string) *state {
	s.mu.Lock()
	defer s.mu.Unlock()
	st.Hash = hashOf(path)
	st.File, st.Title, st.Article = s.fileKey, s.b.Title, s.article
	return st
}

// hashOf is the key (or, for an old file, the article hash) a state file is
// named after.
func hashOf(path string) string { return strings.TrimSuffix(filepath.Base(path), ext) }

// findEarlier looks for the state of an earlier version of the bound
// briefing, in either layout: the newest state recorded for the same file
// (its title or article changed), else one recorded with the same title for
// a file that is gone (it moved), preferring one of the same article. A
// state whose file still exists belongs to that file: a copy of a briefing
// starts with its own state.
func (s *Store) findEarlier(fk, title, article string) (c candidate, ok bool) {
	var byPath, byTitle *candidate
	better := func(best *candidate, c candidate, sameArticle bool) *candidate {
		if best == nil {
			return &c
		}
		if bestSame := best.st.Article == article; sameArticle != bestSame {
			if sameArticle {
				return &c
			}
			return best
		}
		if c.st.Updated.After(best.st.Updated) {
			return &c
		}
		return best
	}
	for _, c := range s.disk.scan() {
		switch {
		case samePath(c.st.File, fk):
			byPath = better(byPath, c, false)
		case title != "" && c.st.Title == title && fileGone(c.st.File):
			byTitle = better(byTitle, c, c.st.Article == article)
		}
	}
	switch {
	case byPath != nil:
		return *byPath, true
	case byTitle != nil:
		return *byTitle, true
	}
	return candidate{}, false
}

// samePath reports whether a path recorded in a state names the briefing's
// file fk: the same string, or (through a link) the same file.
func samePath(recorded, fk string) bool {
	switch {
	case recorded == "" || fk == "":
		return false
	case recorded == fk:
		return true
	case !filepath.IsAbs(recorded) || !filepath.IsAbs(fk):
		return false
	}
	a, err := os.Stat(recorded)
	if err != nil {
		return false
	}
	b, err := os.Stat(fk)
	return err == nil && os.SameFile(a, b)
}

// fileGone reports whether the file recorded in a state no longer exists.
// A briefing without a file ("" or "(built-in) ...") has none to lose: it
// is found by its title, or by the name it is recorded under.
func fileGone(f string) bool {
	if f == "" {
		return true
	}
	if !filepath.IsAbs(f) {
		return false
	}
	_, err := os.Stat(f)
	return errors.Is(err, os.ErrNotExist)
}

// migrate writes the carried-over state under the new key, then turns the
// old file into a redirect to it. In that order, a crash between the two
// leaves both readable and nothing lost.
func (s *Store) migrate(newPath, key, oldPath string, old *state) error {
	now := s.tick(time.Time{})
	st := s.stamp(merge(newState(key), old), newPath)
	st.Updated = now
	if err := s.disk.write(newPath, st); err != nil {
		return err
	}
	return s.disk.write(oldPath, &state{Format: Format, Article: old.Article, File: old.File, Title: old.Title, MovedTo: key, Updated: now, Hash: hashOf(oldPath)})
}

// elsewhere is called when a briefing has no state of its own and no
// earlier version's (lock held). If the file its article's hash named
// before state was kept per briefing holds, or forwards to, the state of
// another briefing of the same article, the reader is told once that
// this briefing starts with its own: an empty state is written for it, so
// the next Open finds that and says nothing. A damaged old file is moved
// aside and reported as a *CorruptError.
func (s *Store) elsewhere(article, ownPath string) (warning, err error) {
	r, warning, err := s.disk.resolve(article)
	if err != nil {
		// Not this briefing's file: a problem there is no reason to
		// refuse this briefing its notes.
		return nil, nil
	}
	if !r.found || r.path == ownPath || warning != nil || !hasEntries(r.st) {
		return warning, nil
	}
	notice := &ElsewhereNotice{Title: r.st.Title, File: sanitize.Line(r.st.File), Path: r.path}
	st := s.stamp(newState(""), ownPath)
	st.Updated = s.tick(time.Time{})
	_ = s.disk.write(ownPath, st) // if it fails, the notice comes again next time
	return notice, nil
}

// hasEntries reports whether a state holds a note or a bookmark.
func hasEntries(st *state) bool {
	for _, it := range st.Items {
		if it.Note != nil && !it.Note.Deleted || it.Bookmark != nil && it.Bookmark.On {
			return true
		}
	}
	return false
}

// ElsewhereNotice tells that the state kept for a briefing's article before
// state was kept per briefing belongs to another briefing of that article
// (the one it was recorded with), so this briefing starts with none. It is
// given once per briefing.
type ElsewhereNotice struct {
	Title string // the other briefing's title
	File  string // and its file, as recorded
	Path  string // the state file that holds its notes
}

func (e *ElsewhereNotice) Error() string {
	who := "another briefing"
	switch {
	case e.Title != "" && e.File != "":
		who = "“" + e.Title + "” (" + e.File + ")"
	case e.Title != "":
		who = "“" + e.Title + "”"
	case e.File != "":
		who = e.File
	}
	return "this briefing starts with notes of its own: earlier notes on this article stay with " + who
}

// tick returns a timestamp later than both the previous one of this
// instance and floor, so that the change being made now wins over every
// change already on disk.
func (s *Store) tick(floor time.Time) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.disk.now().UTC()
	for _, f := range []time.Time{s.lastAt, floor} {
		if !t.After(f) {
			t = f.Add(time.Nanosecond)
		}
	}
	s.lastAt = t
	return t
}

// update is a read-merge-write: under the lock it reads the file again,
// merges in what this instance knows, applies op and writes the result. op
// returns false to skip the write when it changes nothing. A file that could
// not be read is moved aside and the write still made (from what this
// instance knows); the *CorruptError is returned to be shown.
//
// what names the change for the user ("bookmark"). A write that fails
// returns a *WriteError saying so. With keep, the change stays in memory
// and the next write carries it (a bookmark, the position: nothing to
// type again); without, it is dropped (a note: the editor keeps its text).
func (s *Store) update(what string, keep bool, op func(st *state) bool) error {
	var warning error
	var path string
	err := s.locked(func() error {
		var err error
		if warning, err = s.load(false, false); err != nil {
			return err
		}
		s.mu.Lock()
		st := merge(s.st, newState(s.key))
		path = s.path
		s.mu.Unlock()
		st = s.stamp(st, path)
		if !op(st) {
			return nil
		}
		err = s.disk.write(path, st)
		s.mu.Lock()
		defer s.mu.Unlock()
		switch {
		case err == nil:
			clear(s.pending)
		case keep:
			s.pending[what] = true
		default:
			return err
		}
		s.st = st
		return err
	})
	if err != nil {
		if path == "" {
			path = s.Path()
		}
		return &WriteError{What: what + " not saved", Path: path, Err: err}
	}
	return warning
}

// Pending names the changes that are in memory only, their write having
// failed: "bookmark", "note", "reading position", "visited mark".
func (s *Store) Pending() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.pending))
	for w := range s.pending {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// Flush writes the changes held in memory after a failed write, if any.
func (s *Store) Flush() error {
	p := s.Pending()
	if len(p) == 0 {
		return nil
	}
	return s.update(strings.Join(p, " and "), true, func(*state) bool { return true })
}

// Reload reads the state again, picking up what other instances wrote.
func (s *Store) Reload() (warning error, err error) {
	err = s.locked(func() error {
		var err error
		warning, err = s.load(false, false)
		return err
	})
	return warning, err
}

// Rebind moves the store to a new version of its briefing (after a live
// reload). A version with the same key (the article or the items edited)
// keeps the same file. One with a new key (the title edited) that has no
// state yet takes over the current state, and the old file forwards to the
// new one. Notes on items that no longer exist are listed by Orphans.
func (s *Store) Rebind(b *model.Briefing) (warning error, err error) {
	if Key(b) == s.Key() {
		// The same briefing, its article or items maybe edited: same file.
		s.bind(b)
		return nil, nil
	}
	err = s.locked(func() error {
		var err error
		if warning, err = s.load(false, false); err != nil { // the latest of the old version
			return err
		}
		s.mu.Lock()
		oldPath, old := s.path, s.st
		s.mu.Unlock()
		s.bind(b)
		r, w, err := s.disk.resolve(s.Key())
		if err != nil {
			return err
		}
		warning = errors.Join(warning, w)
		if r.found {
			// The new version has state of its own (an earlier copy of
			// it was opened before): that is its state.
			w, err := s.load(false, true)
			warning = errors.Join(warning, w)
			return err
		}
		if len(old.Items) > 0 || old.Position != nil {
			if err := s.migrate(r.path, s.Key(), oldPath, old); err != nil {
				return err
			}
			s.mu.Lock()
			s.migrated = hashOf(oldPath)
			s.mu.Unlock()
		}
		w, err = s.load(false, true)
		warning = errors.Join(warning, w)
		return err
	})
	if err == nil {
		s.scanRecovery()
	}
	return warning, err
}

// label is the current text of an item, or "".
func (s *Store) label(r model.Ref) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ix.label(key(r))
}

func itemOf(st *state, k string) *item {
	it := st.Items[k]
	if it == nil {
		it = &item{}
		st.Items[k] = it
	}
	return it
}

// SetNote saves the note of an item; an empty (or blank) text deletes it.
// It returns once the note is durable.
func (s *Store) SetNote(r model.Ref, text string) error {
	text = cleanNote(text)
	if strings.TrimSpace(text) == "" {
		return s.DeleteNote(r)
	}
	label := s.label(r)
	return s.update("note", false, func(st *state) bool {
		it := itemOf(st, key(r))
		var floor time.Time
		if it.Note != nil {
			floor = it.Note.At
		}
		it.Note = &noteReg{At: s.tick(floor), Text: text, Label: label}
		st.Updated = it.Note.At
		return true
	})
}

// DeleteNote deletes the note of an item, leaving a tombstone.
func (s *Store) DeleteNote(r model.Ref) error {
	label := s.label(r)
	return s.update("note deletion", false, func(st *state) bool {
		it := itemOf(st, key(r))
		if it.Note == nil || it.Note.Deleted {
			return false
		}
		it.Note = &noteReg{At: s.tick(it.Note.At), Deleted: true, Label: label}
		st.Updated = it.Note.At
		return true
	})
}

// ToggleBookmark bookmarks an item or removes its bookmark, whichever the
// state on disk calls for, and says which.
func (s *Store) ToggleBookmark(r model.Ref) (on bool, err error) {
	label := s.label(r)
	err = s.update("bookmark", true, func(st *state) bool {
		it := itemOf(st, key(r))
		var floor time.Time
		if it.Bookmark != nil {
			floor, on = it.Bookmark.At, !it.Bookmark.On
		} else {
			on = true
		}
		it.Bookmark = &flagReg{At: s.tick(floor), On: on, Label: label}
		st.Updated = it.Bookmark.At
		return true
	})
	return on, err
}

// SetBookmark bookmarks an item (on) or removes its bookmark.
func (s *Store) SetBookmark(r model.Ref, on bool) error {
	label := s.label(r)
	return s.update("bookmark", true, func(st *state) bool {
		it := itemOf(st, key(r))
		var floor time.Time
		if it.Bookmark != nil {
			if it.Bookmark.On == on {
				return false
			}
			floor = it.Bookmark.At
		} else if !on {
			return false
		}
		it.Bookmark = &flagReg{At: s.tick(floor), On: on, Label: label}
		st.Updated = it.Bookmark.At
		return true
	})
}

// MarkVisited records that an item was read. It does nothing, and touches no
// file, when the item is already marked.
func (s *Store) MarkVisited(r model.Ref) error {
	if s.Visited(r) {
		return nil
	}
	return s.update("visited mark", true, func(st *state) bool {
		it := itemOf(st, key(r))
		if it.Visited != nil && it.Visited.On {
			return false
		}
		var floor time.Time
		if it.Visited != nil {
			floor = it.Visited.At
		}
		it.Visited = &flagReg{At: s.tick(floor), On: true}
		st.Updated = it.Visited.At
		return true
	})
}

// SetPosition records where the reader is. It does nothing, and touches no
// file, when the position is the one already recorded.
func (s *Store) SetPosition(p Position) error {
	if cur, ok := s.Position(); ok && cur == p {
		return nil
	}
	return s.update("reading position", true, func(st *state) bool {
		var floor time.Time
		if st.Position != nil {
			floor = st.Position.At
		}
		st.Position = &posReg{At: s.tick(floor), Item: key(p.Item), View: p.View, Scroll: p.Scroll, Source: p.Source, Cursors: p.Cursors}
		st.Updated = st.Position.At
		return true
	})
}

func (s *Store) snapshot() (*state, itemIndex) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st, s.ix
}

func (s *Store) item(r model.Ref) *item {
	st, _ := s.snapshot()
	return st.Items[key(r)]
}

// Note returns the note of an item and whether it has one.
func (s *Store) Note(r model.Ref) (string, bool) {
	if it := s.item(r); it != nil && it.Note != nil && !it.Note.Deleted {
		return it.Note.Text, true
	}
	return "", false
}

// HasNote reports whether an item has a note.
func (s *Store) HasNote(r model.Ref) bool { _, ok := s.Note(r); return ok }

// Bookmarked reports whether an item is bookmarked.
func (s *Store) Bookmarked(r model.Ref) bool {
	it := s.item(r)
	return it != nil && it.Bookmark != nil && it.Bookmark.On
}

// Visited reports whether an item was read.
func (s *Store) Visited(r model.Ref) bool {
	it := s.item(r)
	return it != nil && it.Visited != nil && it.Visited.On
}

// Position returns where the reader last was, if recorded. The item may
// no longer exist in the briefing; the caller checks.
func (s *Store) Position() (Position, bool) {
	st, _ := s.snapshot()
	p := st.Position
	if p == nil {
		return Position{}, false
	}
	ref, ok := parseKey(p.Item)
	if !ok {
		return Position{}, false
	}
	return Position{Item: ref, View: p.View, Scroll: p.Scroll, Source: p.Source, Cursors: p.Cursors}, true
}

// Notes lists every item of the briefing with a note or a bookmark, in the
// briefing's reading order (themes and their points, timeline, actors,
// glossary, source sentences).
func (s *Store) Notes() []Entry { return s.entries(true) }

// Orphans lists notes and bookmarks whose item no longer exists in the
// briefing (it was removed or renamed in a later version). They are kept,
// and come back should the item return.
func (s *Store) Orphans() []Entry { return s.entries(false) }

func (s *Store) entries(present bool) []Entry {
	st, ix := s.snapshot()
	var out []Entry
	for k, it := range st.Items {
		if ix.has(k) != present {
			continue
		}
		ref, ok := parseKey(k)
		if !ok {
			continue
		}
		e := Entry{Ref: ref}
		if n := it.Note; n != nil && !n.Deleted {
			e.Note, e.Label, e.Updated = n.Text, n.Label, n.At
		}
		if b := it.Bookmark; b != nil && b.On {
			e.Bookmarked = true
			if b.At.After(e.Updated) {
				e.Updated = b.At
				if b.Label != "" {
					e.Label = b.Label
				}
			}
		}
		if e.Note == "" && !e.Bookmarked {
			continue
		}
		if present {
			e.Label = ix.label(k)
		}
		out = append(out, e)
	}
	// sort.Slice rather than slices.SortFunc: a generic sort of Entry
	// values would compile a sort of its own into the binary.
	sort.Slice(out, func(i, j int) bool {
		ka, kb := key(out[i].Ref), key(out[j].Ref)
		if present {
			return ix.rank(ka) < ix.rank(kb)
		}
		return ka < kb
	})
	return out
}
