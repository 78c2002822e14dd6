package library

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// MaxFiles bounds how many files a library loads. A folder tree
// with more candidate files (a home directory, say) loads the first ones
// in path order and says how many it left out.
const MaxFiles = 10_000

var maxFiles = MaxFiles // tests lower it

// Library is the briefings found under a folder: every briefing file and
// plain article, loaded or not.
type Library struct {
	Dir     string   // the folder as given
	Entries []*Entry // sorted by path
	// Skipped counts the candidate files beyond MaxFiles, not loaded.
	Skipped int
	// Err is set when the folder itself could not be read, or the load was
	// cancelled; Entries then holds what was found before.
	Err error
}

// Entry is one file of a library: a loaded briefing, or a file that
// failed to load, with its error.
type Entry struct {
	Path string // the file's path: Dir joined with its path inside the folder

	// Briefing is the loaded briefing; nil when Err is set.
	Briefing *model.Briefing
	Err      error

	Title     string // the briefing's title; for a broken file its name
	Published string // publication date (and time) as written, "" when unknown
	Source    string // the source article's title
	Plain     bool   // a plain article: a source without themes, points, events, actors or terms

	Themes, Points, Events, Actors, Terms, Sentences int
}

// Problems returns the entry's error as one line per problem (a file that
// fails to parse has one positioned error a line).
func (e *Entry) Problems() []string {
	if e.Err == nil {
		return nil
	}
	return strings.Split(strings.TrimRight(e.Err.Error(), "\n"), "\n")
}

// Briefings returns the loaded briefings, in path order.
func (l *Library) Briefings() []*model.Briefing {
	var out []*model.Briefing
	for _, e := range l.Entries {
		if e.Briefing != nil {
			out = append(out, e.Briefing)
		}
	}
	return out
}

// Broken counts the entries that failed to load.
func (l *Library) Broken() int {
	n := 0
	for _, e := range l.Entries {
		if e.Err != nil {
			n++
		}
	}
	return n
}

// Load finds the briefings under dir and loads them concurrently,
// on runtime.GOMAXPROCS(0) goroutines.
//
// The files found are every *.brief.md file; every other *.md file that
// is in the briefing format (it opens with a metadata block that has a
// format key); and every *.txt file, read as a plain article or, when it
// opens with "---", as a briefing — except the article files that a
// briefing of the library names with "article:". Hidden files and folders
// (their name starts with a dot) are skipped. Symbolic links are followed
// only to files inside the tree, never to folders. At most
// MaxFiles files are loaded.
//
// A file that fails to load is an entry with its error, never fatal to the
// rest; so is a folder that cannot be read. progress, if not nil, is called
// from Load's own goroutine after each file with the number of files
// done and the total. Load never returns nil.
func Load(ctx context.Context, dir string, progress func(done, total int)) *Library {
	return LoadEach(ctx, dir, progress, nil)
}

// LoadEach is Load; visit, if not nil, is called on the loading
// goroutines with each briefing as it is loaded (brief search sifts its
// items there).
func LoadEach(ctx context.Context, dir string, progress func(done, total int), visit func(*model.Briefing)) *Library {
	lib := &Library{Dir: dir}
	files, broken, err := findFiles(ctx, dir)
	lib.Entries = broken
	if err != nil {
		lib.Err = err
		return lib
	}
	if len(files) > maxFiles {
		lib.Skipped = len(files) - maxFiles
		files = files[:maxFiles]
	}
	entries := make([]*Entry, len(files))
	articles := make([]string, len(files)) // article file named by each briefing
	jobs := make(chan int)
	done := make(chan struct{}, len(files))
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(files))) {
		wg.Go(func() {
			for i := range jobs {
				entries[i], articles[i] = loadEntry(files[i])
				if visit != nil && entries[i].Briefing != nil {
					visit(entries[i].Briefing)
				}
				done <- struct{}{}
			}
		})
	}
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	n := 0
	for range done {
		n++
		if progress != nil {
			progress(n, len(files))
		}
	}
	if err := ctx.Err(); err != nil {
		lib.Err = err
	}

	named := map[string]bool{}
	for _, a := range articles {
		if a != "" {
			named[a] = true
		}
	}
	for i, e := range entries {
		if e == nil {
			continue // not loaded: cancelled
		}
		if strings.HasSuffix(files[i], ".txt") && named[absPath(files[i])] {
			continue // the article of a briefing in the library
		}
		lib.Entries = append(lib.Entries, e)
	}
	slices.SortFunc(lib.Entries, func(a, b *Entry) int { return strings.Compare(a.Path, b.Path) })
	return lib
}

// absPath makes a path absolute and clean, to compare paths written
// differently.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// LoadEntry loads one file as Load does.
func LoadEntry(path string) *Entry {
	e, _ := loadEntry(path)
	return e
}

// loadEntry loads a file, and returns with its entry the cleaned path of
// the article file it names, absolute ("" if none).
func loadEntry(path string) (*Entry, string) {
	e := &Entry{Path: path, Title: sanitize.Line(filepath.Base(path))}
	data, err := model.ReadFile(path)
	if err != nil {
		e.Err = err
		return e, ""
	}
	article := ""
	if name := articleKey(data); name != "" {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(path), filepath.FromSlash(name))
		}
		article = absPath(p)
	}
	b, err := model.LoadBytes(path, data)
	if err != nil {
		e.Err = err
		return e, article
	}
	e.Briefing = b
	e.Title = b.Title
	e.Published = b.Source.PublishedString()
	e.Source = b.Source.Title
	e.Themes, e.Events, e.Actors, e.Terms = len(b.Themes), len(b.Timeline), len(b.Actors), len(b.Glossary)
	for _, t := range b.Themes {
		e.Points += len(t.Points)
	}
	for _, p := range b.Source.Paragraphs {
		e.Sentences += len(p.Sentences)
	}
	e.Plain = e.Themes == 0 && e.Events == 0 && e.Actors == 0 && e.Terms == 0
	return e, article
}

// articleKey returns the value of the "article:" key of a briefing's
// metadata block, read without parsing the rest, so that the article of a
// briefing that fails to load is still known.
func articleKey(data []byte) string {
	lines := metadataLines(data)
	for _, l := range lines {
		if v, ok := strings.CutPrefix(l, "article:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// metadataLines returns the lines of the metadata block a file opens
// with (after blank lines), or nil when it opens with no "---".
func metadataLines(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var lines []string
	open := false
	for n := 0; len(data) > 0 && n < 1000; n++ { // a metadata block is a few lines
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		l = bytes.TrimRight(l, " \t\r")
		switch {
		case !open && len(l) == 0:
		case !open && string(l) == "---":
			open = true
		case !open:
			return nil
		case string(l) == "---":
			return lines
		default:
			lines = append(lines, string(l))
		}
	}
	return lines
}

// isBriefingFile reports whether a *.md file other than *.brief.md is in
// the briefing format: a metadata block with a format key. Markdown with
// front matter of another kind (a blog post) is not.
func isBriefingFile(path string) bool {
	f, err := safefile.Open(path) // never waits on a FIFO put in its place
	if err != nil {
		return true // reported by the load
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := f.Read(head)
	for _, l := range metadataLines(head[:n]) {
		if strings.HasPrefix(l, "format:") {
			return true
		}
	}
	return false
}

// findFiles walks dir and returns the candidate files, sorted, and
// entries for the folders that could not be read. err is set when dir
// itself cannot be read, or ctx is done.
func findFiles(ctx context.Context, dir string) (files []string, broken []*Entry, err error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %s", sanitize.Line(dir), model.DescribeOpenError(err))
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return nil, nil, err
	}
	st, err := os.Stat(real)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %s", sanitize.Line(dir), model.DescribeOpenError(err))
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("%s: not a folder", sanitize.Line(dir))
	}
	inside := func(p string) bool {
		rel, err := filepath.Rel(real, p)
		return err == nil && filepath.IsLocal(rel)
	}
	err = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		rel, _ := filepath.Rel(real, p)
		shown := filepath.Join(dir, rel)
		if err != nil {
			if p == real {
				return err
			}
			broken = append(broken, &Entry{Path: shown, Title: sanitize.Line(filepath.Base(p)),
				Err: &model.Error{File: sanitize.Line(shown), Msg: model.DescribeOpenError(err)}})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != real && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !libraryName(name) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(p)
			if err != nil || !inside(target) {
				return nil // dangling, or out of the tree
			}
			if st, err := os.Stat(target); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, ".brief.md") && !isBriefingFile(p) {
			return nil
		}
		files = append(files, shown)
		return nil
	})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return files, broken, err
		}
		return nil, nil, fmt.Errorf("%s: %s", sanitize.Line(dir), model.DescribeOpenError(err))
	}
	slices.Sort(files)
	return files, broken, nil
}

// libraryName reports whether a file name may be a briefing or article.
func libraryName(name string) bool {
	return strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".txt")
}
