package model

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model/sanitize"
)

// Parse reads a briefing from its bytes. file names it in errors;
// readArticle reads an article file named by "article:" (relative to the
// briefing); it may be nil when the article is inside the file. A file that
// does not open with "---" is read as a plain article: a briefing that holds
// only its source.
//
// Parse either returns a complete briefing or an ErrorList of every problem
// found, sorted by position.
func Parse(file string, data []byte, readArticle func(name string) ([]byte, error)) (*Briefing, error) {
	return parse(file, data, false, readArticle)
}

// parse is Parse; with own set, data is handed over (see decode).
func parse(file string, data []byte, own bool, readArticle func(name string) ([]byte, error)) (*Briefing, error) {
	return parseWith(file, data, own, false, readArticle, nil)
}

// parseWith is parse; with fixes set, quotes that differ from the article
// only in quotation marks and dashes are recorded there instead of
// reported.
func parseWith(file string, data []byte, own, quiet bool, readArticle func(name string) ([]byte, error), fixes *[]Fix) (*Briefing, error) {
	text, errs := decode(file, data, own)
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	if !IsBriefing(text) {
		return parsePlain(file, text)
	}
	p := &parser{file: file, quiet: quiet}
	p.scan(text)
	if len(p.errs) > 0 && len(p.secs) == 0 && p.meta == nil {
		return nil, safe(p.errs).Err()
	}
	bd := &builder{parser: p, b: &Briefing{File: file}, ids: map[string]Pos{}, readArticle: readArticle, fixes: fixes}
	bd.build()
	if len(bd.errs) > 0 {
		return nil, safe(bd.errs).Err()
	}
	if len(bd.warns) > 0 {
		bd.warns.Sort()
		bd.b.Warnings = safe(bd.warns)
	}
	return bd.b, nil
}

// safe neutralises content quoted in error messages: they reach a terminal.
func safe(errs ErrorList) ErrorList {
	for _, e := range errs {
		e.Msg = sanitize.Line(e.Msg)
		e.File = sanitize.Line(e.File)
	}
	return errs
}

// IsBriefing reports whether text is in the briefing format (it opens with a
// --- metadata block) rather than a plain article.
func IsBriefing(text string) bool {
	for text != "" {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		if strings.TrimSpace(l) == "" {
			continue
		}
		return strings.TrimRight(l, " \t") == "---"
	}
	return true // an empty file is reported as an empty briefing
}

func parsePlain(file, text string) (*Briefing, error) {
	art, errs := ParseArticle(file, text)
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	for i, p := range art.Paragraphs {
		art.Paragraphs[i] = cleanParagraph(p)
	}
	// A copy: the title is a slice of the file's text, which it would
	// otherwise keep alive whole (the sentences are copied into the body).
	title := strings.Clone(sanitize.Line(art.Title))
	b := &Briefing{Format: FormatVersion, Title: title, File: file, Source: buildSource(title, art.Paragraphs)}
	b.Source.Published, b.Source.PublishedHasTime = art.Published, art.HasTime
	b.index()
	return b, nil
}

// Load reads a briefing (or plain article) file from disk.
func Load(name string) (*Briefing, error) {
	data, err := readLimited(safefile.Open(name))
	if err != nil {
		return nil, &Error{File: sanitize.Line(name), Msg: describeOpenError(err)}
	}
	return parseFile(name, data)
}

// parseFile parses the bytes of a briefing file read from disk, which it
// takes over, reading the article file it names, if any, from beside it.
func parseFile(name string, data []byte) (*Briefing, error) {
	b, err := parseFileData(name, data)
	if b != nil {
		b.onDisk = true
	}
	return b, err
}

// DiskFiles are the files on disk a briefing was read from: its own file
// and the article file it names. A briefing read from elsewhere (the
// built-in one, one from bytes) has none, so there is nothing to watch.
func (b *Briefing) DiskFiles() []string {
	if !b.onDisk {
		return nil
	}
	paths := []string{b.File}
	if a := b.ArticleFile; a != "" {
		p := filepath.FromSlash(a)
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(b.File), p)
		}
		paths = append(paths, p)
	}
	return paths
}

func parseFileData(name string, data []byte) (*Briefing, error) {
	return parseFileWith(name, data, true, false, nil)
}

// parseWithFile parses a briefing file's bytes (which it does not take
// over), collecting quote fixes.
func parseWithFile(name string, data []byte, fixes *[]Fix) (*Briefing, error) {
	return parseFileWith(name, data, false, false, fixes)
}

func parseFileWith(name string, data []byte, own, quiet bool, fixes *[]Fix) (*Briefing, error) {
	dir := filepath.Dir(name)
	return parseWith(name, data, own, quiet, func(article string) ([]byte, error) {
		return readArticle(dir, article)
	}, fixes)
}

// readArticle reads the article file that a briefing in dir names. The
// path must be relative and, once symbolic links are followed, lead to a
// regular file inside dir (or below it), as a library only lists files
// inside its folder: an untrusted briefing cannot show /etc/passwd as its
// article, nor wait for ever on a FIFO or a terminal.
func readArticle(dir, article string) ([]byte, error) {
	p := filepath.FromSlash(article)
	if !filepath.IsLocal(p) {
		return nil, errors.New("the article must be a relative path inside the briefing's folder")
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(dir, p))
	if err != nil {
		return nil, err
	}
	if rel, err := filepath.Rel(realDir, real); err != nil || !filepath.IsLocal(rel) {
		return nil, errors.New("the article is a symbolic link out of the briefing's folder")
	}
	return readLimited(safefile.Open(real))
}

// LoadFS reads a briefing from a file system, such as the embedded seeds.
func LoadFS(fsys fs.FS, name string) (*Briefing, error) {
	data, err := readLimited(fsys.Open(name))
	if err != nil {
		return nil, &Error{File: sanitize.Line(name), Msg: describeOpenError(err)}
	}
	dir := path.Dir(name)
	return Parse(name, data, func(article string) ([]byte, error) {
		return readLimited(fsys.Open(path.Join(dir, article)))
	})
}

// readLimited reads a whole file, refusing one larger than MaxFileSize
// without reading it all into memory.
func readLimited(f fs.File, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if err == nil && st.Mode().IsRegular() && st.Size() > MaxFileSize {
		// Refused from its size, before it is read.
		return nil, errTooLarge
	}
	var data []byte
	if err == nil && st.Mode().IsRegular() && st.Size() > 0 {
		// Read a file of known size in one go, into one buffer: what it
		// held when it was opened. (A file that reports no size, as those
		// of /proc do, is read to its end below.)
		data = make([]byte, st.Size())
		n, err := io.ReadFull(f, data)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		return data[:n], nil
	} else if data, err = io.ReadAll(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, errTooLarge
	}
	return data, nil
}

var errTooLarge = fmt.Errorf("file is larger than the %s limit", humanSize(MaxFileSize))

// ReadFile reads a briefing or an article file as Load does: whole, and
// refused past MaxFileSize; a failure is an *Error naming the file.
func ReadFile(name string) ([]byte, error) {
	data, err := readLimited(safefile.Open(name))
	if err != nil {
		return nil, &Error{File: sanitize.Line(name), Msg: describeOpenError(err)}
	}
	return data, nil
}

// LoadBytes is Load of data already read from the file name (ReadFile):
// the article it names is read from beside it, and the briefing counts as
// read from disk (DiskFiles).
func LoadBytes(name string, data []byte) (*Briefing, error) { return parseFile(name, data) }

// LoadBytesQuiet is LoadBytes without the checks that only make warnings
// (an actor or alias the article never names, Markdown shown as written,
// a quote found twice, ...): the briefing is the same, but its Warnings
// are nil. It is for a program that never shows them, such as a search,
// and saves most of the time that finding a misspelt alias's closest
// words in the article takes.
func LoadBytesQuiet(name string, data []byte) (*Briefing, error) {
	b, err := parseFileWith(name, data, true, true, nil)
	if b != nil {
		b.onDisk = true
	}
	return b, err
}

// DescribeOpenError says in a few words why a file or folder could not be
// opened: "no such file", "permission denied", ...
func DescribeOpenError(err error) string { return describeOpenError(err) }

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
