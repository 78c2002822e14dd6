package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
)

// A note whose save failed is also written to a recovery file, in a
// second place that is not the state directory (which may be the very
// thing that is full or read-only): the user cache directory, else the
// temporary directory. The next time the item's note is opened the text is
// offered back; once it is saved the file is removed. The file is plain
// text, so it can be read by hand too: a few header lines, a line "---",
// then the note.

const recoverySep = "\n---\n"

// recoveryDirs are the places a recovery file may go, in order: Options'
// RecoveryDir alone when set, else $XDG_CACHE_HOME/brief/recovery and
// $TMPDIR/brief-recovery-UID.
func recoveryDirs(opt string) []string {
	if opt != "" {
		return []string{opt}
	}
	return []string{
		filepath.Join(xdg.CacheHome, "brief", "recovery"),
		sharedRecoveryDir(),
	}
}

func sharedRecoveryDir() string {
	return filepath.Join(os.TempDir(), "brief-recovery-"+strconv.Itoa(os.Getuid()))
}

// recoveryName is the file name of an item's recovery file: the
// briefing's key, then a hash of the item. (Before state was kept per
// briefing it began with the article's hash; such files are still read.)
func recoveryName(hash string, r model.Ref) string {
	sum := sha256.Sum256([]byte(key(r)))
	return hash + "-" + hex.EncodeToString(sum[:8]) + ".txt"
}

// privateDir makes dir (mode 0700). In the shared temporary directory it
// also checks that dir is a directory only its owner can use, not a link
// someone else put there.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if dir != sharedRecoveryDir() {
		return nil
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() || fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s is not a private directory", dir)
	}
	return nil
}

// SaveRecovery writes the text of a note that could not be saved to a
// recovery file and returns its path. It tries each recovery place in
// turn; the error is the last one's when none would take it.
func (s *Store) SaveRecovery(r model.Ref, text string) (string, error) {
	s.mu.Lock()
	hash, title := s.key, s.b.Title
	s.mu.Unlock()
	head := fmt.Sprintf("brief: a note that could not be saved\nbriefing: %s\nitem: %s\nwritten: %s",
		oneLine(title), oneLine(key(r)), s.disk.now().UTC().Format(time.RFC3339))
	data := []byte(head + recoverySep + text)
	var err error
	for _, dir := range s.recDirs {
		if err = privateDir(dir); err != nil {
			continue
		}
		p := filepath.Join(dir, recoveryName(hash, r))
		if err = s.fs.Replace(dir, p, data); err == nil {
			s.mu.Lock()
			s.recovered[key(r)] = recovery{text: cleanNote(text), path: p}
			s.mu.Unlock()
			return p, nil
		}
	}
	return "", &WriteError{What: "note not kept for recovery", Err: err}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// recovery is a recovery file found for an item.
type recovery struct{ text, path string }

// scanRecovery reads the recovery files of the bound briefing into memory
// (at Open: reads never wait for the disk afterwards).
func (s *Store) scanRecovery() {
	s.mu.Lock()
	prefixes := []string{s.article, s.key} // the later wins a tie
	found := maps.Clone(s.recovered)       // those of an earlier version stay
	s.mu.Unlock()
	if found == nil {
		found = map[string]recovery{}
	}
	// Later places first, so that the first place wins a tie.
	for _, dir := range slices.Backward(s.recDirs) {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, hash := range prefixes {
			s.scanRecoveryDir(dir, ents, hash, found)
		}
	}
	s.mu.Lock()
	s.recovered = found
	s.mu.Unlock()
}

// scanRecoveryDir adds to found the recovery files in dir whose names begin
// with hash.
func (s *Store) scanRecoveryDir(dir string, ents []os.DirEntry, hash string, found map[string]recovery) {
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), hash+"-") || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := readSmall(p)
		if err != nil {
			continue
		}
		head, body, ok := strings.Cut(string(data), recoverySep)
		if !ok {
			continue
		}
		for _, l := range strings.Split(head, "\n") {
			if k, ok := strings.CutPrefix(l, "item: "); ok {
				if r, ok := parseKey(k); ok && e.Name() == recoveryName(hash, r) {
					// The file comes back to a terminal: clean it like a note.
					found[k] = recovery{text: cleanNote(body), path: p}
				}
			}
		}
	}
}

// Recovered returns the text of an item's recovery file, if there is one
// with text that is not already its saved note, and the file's path.
func (s *Store) Recovered(r model.Ref) (text, path string, ok bool) {
	s.mu.Lock()
	rec, ok := s.recovered[key(r)]
	s.mu.Unlock()
	if !ok {
		return "", "", false
	}
	if saved, _ := s.Note(r); saved == rec.text {
		return "", "", false
	}
	return rec.text, rec.path, true
}

// DropRecovery removes an item's recovery files: its note was saved, or
// the user chose to discard it.
func (s *Store) DropRecovery(r model.Ref) {
	s.mu.Lock()
	rec, had := s.recovered[key(r)]
	delete(s.recovered, key(r))
	names := []string{recoveryName(s.key, r), recoveryName(s.article, r)}
	s.mu.Unlock()
	if !had {
		return
	}
	_ = os.Remove(rec.path)
	for _, dir := range s.recDirs {
		for _, name := range names {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

func readSmall(p string) ([]byte, error) {
	f, err := safefile.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f)
}

// Unsaved lists the notes whose save failed and whose text waits in a
// recovery file, on items of the briefing, in reading order: Note is the
// text kept, Label the item's text.
func (s *Store) Unsaved() []Entry {
	s.mu.Lock()
	recs := maps.Clone(s.recovered)
	ix := s.ix
	s.mu.Unlock()
	var out []Entry
	for k := range recs {
		r, ok := parseKey(k)
		if !ok || !ix.has(k) {
			continue
		}
		if text, _, ok := s.Recovered(r); ok {
			out = append(out, Entry{Ref: r, Note: text, Label: ix.label(k)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return ix.rank(key(out[i].Ref)) < ix.rank(key(out[j].Ref)) })
	return out
}
