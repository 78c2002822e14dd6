package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/brief-cli/brief/internal/safefile"
)

// EnvDir names the environment variable that, when set, replaces the XDG
// state directory as the home of brief's state files.
const EnvDir = "BRIEF_STATE_DIR"

const (
	lockName   = "state.lock"
	ext        = ".json"
	maxHops    = 64                // redirects followed before giving up
	maxFile    = 64 << 20          // a state file larger than this is damaged
	corruptFmt = "20060102T150405" // suffix of a file moved aside
)

// DefaultDir is where state lives: $BRIEF_STATE_DIR if set, else
// $XDG_STATE_HOME/brief (~/.local/state/brief on Linux). It creates the
// directory.
func DefaultDir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, os.MkdirAll(d, 0o700)
	}
	p, err := xdg.StateFile("brief/" + lockName)
	if err != nil {
		return "", err
	}
	return filepath.Dir(p), nil
}

// CorruptError reports a state file that could not be read. It was moved
// aside, not deleted: MovedTo holds its content unchanged.
type CorruptError struct {
	Path    string // where the file was
	MovedTo string // where it is now
	Err     error  // why it could not be read
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("unreadable study notes moved to %s (%v)", e.MovedTo, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// disk is the state directory. Every method expects the caller to hold the
// directory lock.
type disk struct {
	dir string
	now func() time.Time
	fs  FS
}

func (d disk) path(hash string) string { return filepath.Join(d.dir, hash+ext) }

// read loads one state file. found is false when it does not exist. A file
// that cannot be parsed is moved aside and reported as a *CorruptError in
// warn, with found false.
func (d disk) read(path string) (st *state, found bool, warn, err error) {
	f, err := safefile.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil, nil
	}
	if err != nil {
		return nil, false, nil, err
	}
	data, err := readAll(f)
	f.Close()
	var perr error
	switch {
	case errors.Is(err, errTooLarge):
		perr = err
	case err != nil:
		return nil, false, nil, fmt.Errorf("reading %s: %w", path, err)
	default:
		st, perr = decode(data)
	}
	var newer *newerFormatError
	switch {
	case perr == nil:
		return st, true, nil, nil
	case errors.As(perr, &newer):
		return nil, false, nil, fmt.Errorf("study notes file %s: %w", path, perr)
	}
	moved, err := d.moveAside(path)
	if err != nil {
		return nil, false, nil, fmt.Errorf("study notes file %s is unreadable (%v) and could not be moved aside: %w", path, perr, err)
	}
	return nil, false, &CorruptError{Path: path, MovedTo: moved, Err: perr}, nil
}

var errTooLarge = fmt.Errorf("larger than %d MiB", maxFile>>20)

// readAll reads an open state file whole, refusing one past maxFile from
// its size, before it is read.
func readAll(f *os.File) ([]byte, error) {
	data, err := safefile.ReadAll(f, f.Name(), maxFile)
	var tl *safefile.TooLargeError
	if errors.As(err, &tl) {
		return nil, errTooLarge
	}
	return data, err
}

// moveAside renames a damaged file to name.corrupt-YYYYMMDDTHHMMSS (with a
// counter if that exists), keeping its content.
func (d disk) moveAside(path string) (string, error) {
	base := path + ".corrupt-" + d.now().Format(corruptFmt)
	dst := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, dst); err != nil {
		return "", err
	}
	return dst, syncDir(d.dir)
}

// write replaces a state file atomically and durably: safefile writes a
// temporary file in the same directory, fsyncs and renames it over the old
// one; then the directory is fsynced so the rename itself survives a crash.
func (d disk) write(path string, st *state) error {
	data, err := encode(st)
	if err != nil {
		return err
	}
	return d.fs.Replace(d.dir, path, data)
}

// resolved is where the state of a hash lives after following redirects.
type resolved struct {
	path  string // the file holding the state (where to write)
	st    *state // nil if there is none yet
	found bool
}

// resolve follows the redirects left when a briefing changed, from the file
// of hash to the file that holds its state. A redirect to a file that is gone
// leads back to the hash's own file, which the next write replaces.
func (d disk) resolve(hash string) (r resolved, warn, err error) {
	path, last := d.path(hash), ""
	seen := map[string]bool{}
	for range maxHops {
		st, found, w, err := d.read(path)
		if err != nil {
			return resolved{}, w, err
		}
		if !found {
			if last != "" && w == nil {
				// A redirect to a file that is gone (deleted by hand):
				// start again in the hash's own file.
				return resolved{path: d.path(hash)}, nil, nil
			}
			return resolved{path: path}, w, nil
		}
		if st.MovedTo == "" {
			return resolved{path: path, st: st, found: true}, nil, nil
		}
		seen[path] = true
		if !validHash(st.MovedTo) {
			return resolved{}, nil, fmt.Errorf("study notes file %s redirects to a bad name %q", path, st.MovedTo)
		}
		next := d.path(st.MovedTo)
		if seen[next] {
			return resolved{}, nil, fmt.Errorf("study notes files redirect in a loop at %s", path)
		}
		last, path = path, next
	}
	return resolved{}, nil, fmt.Errorf("study notes file %s redirects more than %d times", d.path(hash), maxHops)
}

func validHash(h string) bool {
	if len(h) != HashLen {
		return false
	}
	for _, c := range h {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// cleanTemp removes temporary files left by a writer that died between
// creating one and renaming it. Writers hold the lock, so under the lock
// every such file is stale.
func (d disk) cleanTemp() {
	ents, err := os.ReadDir(d.dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if isTemp(e.Name()) {
			os.Remove(filepath.Join(d.dir, e.Name()))
		}
	}
}

// isTemp matches safefile's temporary names: "." + the file name + digits.
func isTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return false
	}
	i := strings.LastIndex(rest, ext)
	if i <= 0 || i+len(ext) == len(rest) {
		return false
	}
	for _, c := range rest[i+len(ext):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return validHash(rest[:i])
}

// candidate is a state file found when looking for a briefing's earlier
// state by its path or title.
type candidate struct {
	path string
	st   *state
}

// scan lists the state files that hold state (not redirects) and can be
// read. Damaged files are skipped here: they belong to other briefings and
// are dealt with when those are opened.
func (d disk) scan() []candidate {
	ents, err := os.ReadDir(d.dir)
	if err != nil {
		return nil
	}
	var out []candidate
	for _, e := range ents {
		name := e.Name()
		h, ok := strings.CutSuffix(name, ext)
		if !ok || !validHash(h) || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(d.dir, name)
		f, err := safefile.Open(path)
		if err != nil {
			continue
		}
		data, err := readAll(f)
		f.Close()
		if err != nil {
			continue
		}
		st, err := decode(data)
		if err != nil || st.MovedTo != "" {
			continue
		}
		out = append(out, candidate{path, st})
	}
	return out
}
