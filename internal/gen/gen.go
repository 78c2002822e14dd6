// Package gen writes libraries of briefings for benchmarks and end-to-end
// tests, made of real English text that every machine with Go has: the
// comments in $(go env GOROOT)/src, split into sentences.
//
// A library is a folder tree of plain articles (*.txt) and briefings
// (*.brief.md, each with themes, points quoting its article, an event, an
// actor and a glossary term), one folder per top-level Go package. Every
// sentence written is one sentence of the model's sentence splitter, so a
// library of n sentences loads as exactly n source sentences.
package gen

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// Package is the comment text of one Go package directory.
type Package struct {
	Path      string   // relative to GOROOT/src, with slashes: "net/http"
	Sentences []string // in file order, each a sentence of model.SplitSentences
}

// GOROOT returns the Go installation's root: $(go env GOROOT), else
// $GOROOT.
func GOROOT() (string, error) {
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if s := strings.TrimSpace(string(out)); s != "" {
			return s, nil
		}
	}
	if s := os.Getenv("GOROOT"); s != "" {
		return s, nil
	}
	return "", errors.New("cannot find GOROOT: go env GOROOT failed and $GOROOT is not set")
}

// Comments reads the // comments of the *.go files under goroot/src in
// lexical order and returns, per package directory, the sentences that
// suit an article: starting with an upper-case letter, ending with '.', '!'
// or '?', at least four words, nothing a terminal or the briefing format
// would read specially. It stops once limit sentences are collected
// (limit <= 0: all of them).
func Comments(goroot string, limit int) ([]Package, error) {
	root := filepath.Join(goroot, "src")
	var pkgs []Package
	total := 0
	var para strings.Builder
	cur := -1
	flush := func() {
		if para.Len() == 0 {
			return
		}
		for _, s := range splitComment(para.String()) {
			if usable(s) {
				pkgs[cur].Sentences = append(pkgs[cur].Sentences, s)
				total++
			}
		}
		para.Reset()
	}
	errDone := errors.New("done")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable parts of GOROOT are skipped
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		if cur < 0 || pkgs[cur].Path != rel {
			pkgs = append(pkgs, Package{Path: rel})
			cur = len(pkgs) - 1
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		for len(data) > 0 {
			var line []byte
			if i := bytes.IndexByte(data, '\n'); i >= 0 {
				line, data = data[:i], data[i+1:]
			} else {
				line, data = data, nil
			}
			line = bytes.TrimSpace(line)
			if !bytes.HasPrefix(line, []byte("//")) {
				flush()
				continue
			}
			c := bytes.TrimSpace(line[2:])
			if len(c) == 0 || bytes.HasPrefix(line, []byte("//go:")) || bytes.HasPrefix(c, []byte("+build")) {
				flush()
				continue
			}
			if para.Len() > 0 {
				para.WriteByte(' ')
			}
			para.Write(c)
		}
		flush()
		if limit > 0 && total >= limit {
			return errDone
		}
		return nil
	})
	if err != nil && err != errDone {
		return nil, err
	}
	out := pkgs[:0]
	for _, p := range pkgs {
		if len(p.Sentences) > 0 {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no comment sentences under %s", root)
	}
	return out, nil
}

// splitComment splits a comment paragraph with the model's splitter.
func splitComment(p string) []string {
	return model.SplitSentences(strings.Join(strings.Fields(p), " "))
}

// usable reports whether s makes a good article sentence.
func usable(s string) bool {
	if strings.Count(s, " ") < 3 || len(s) > 400 || sanitize.Text(s) != s {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsUpper(first) || !strings.ContainsRune(".!?", last) {
		return false
	}
	// Nothing the briefing format reads specially, and no Markdown-ish
	// code that reads poorly.
	for _, bad := range []string{"{#", "<!--", "-->", "`", "\t", "//", "http"} {
		if strings.Contains(s, bad) {
			return false
		}
	}
	return true
}

// Options shape a library.
type Options struct {
	Sentences     int // source sentences in all (default 100,000)
	PerFile       int // sentences per file (default 200)
	PerParagraph  int // sentences per paragraph (default 5)
	BriefingEvery int // every n-th file is a briefing, the others plain articles (default 5; 1: all briefings)
}

func (o Options) withDefaults() Options {
	if o.Sentences <= 0 {
		o.Sentences = 100_000
	}
	if o.PerFile <= 0 {
		o.PerFile = 200
	}
	if o.PerParagraph <= 0 {
		o.PerParagraph = 5
	}
	if o.BriefingEvery <= 0 {
		o.BriefingEvery = 5
	}
	return o
}

// Stats describe a written library.
type Stats struct {
	Files, Briefings, Articles, Sentences int
}

// Write writes a library of opts.Sentences sentences from pkgs into dir,
// which must exist: see Make.
func Write(dir string, pkgs []Package, opts Options) (Stats, error) {
	return Make(pkgs, opts, func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	})
}

// Make makes a library of opts.Sentences sentences from pkgs, reusing
// them from the start when pkgs holds fewer, and hands each file to emit:
// its name, TOP/NNNN-SLUG.txt (or .brief.md) with TOP the package's first
// path element, and its bytes.
func Make(pkgs []Package, opts Options, emit func(name string, data []byte) error) (Stats, error) {
	opts = opts.withDefaults()
	var st Stats
	if len(pkgs) == 0 {
		return st, errors.New("no sentences to write")
	}
	pi, si := 0, 0 // next sentence: pkgs[pi].Sentences[si]
	next := func() (string, string) {
		p := pkgs[pi]
		s := p.Sentences[si]
		si++
		if si == len(p.Sentences) {
			pi, si = (pi+1)%len(pkgs), 0
		}
		return s, p.Path
	}
	for st.Sentences < opts.Sentences {
		n := min(opts.PerFile, opts.Sentences-st.Sentences)
		var paras [][]string
		var para []string
		var pkgPath string
		for k := 0; k < n; k++ {
			s, p := next()
			if k == 0 {
				pkgPath = p
			}
			para = append(para, s)
			if len(para) == opts.PerParagraph || k == n-1 {
				paras = append(paras, para)
				para = nil
			}
		}
		paras = splittable(paras)
		st.Files++
		top, _, _ := strings.Cut(pkgPath, "/")
		base := fmt.Sprintf("%s/%04d-%s", top, st.Files, slug(pkgPath))
		title := fmt.Sprintf("Notes on the %s package, part %d", pkgPath, st.Files)
		date := fmt.Sprintf("20%02d-%02d-%02d", 10+st.Files%16, 1+st.Files%12, 1+st.Files%28)
		var data []byte
		var name string
		if st.Files%opts.BriefingEvery == 0 {
			name, data = base+".brief.md", briefing(title, pkgPath, date, paras)
			st.Briefings++
		} else {
			name, data = base+".txt", article(title, date, paras)
			st.Articles++
		}
		if err := emit(name, data); err != nil {
			return st, err
		}
		st.Sentences += n
	}
	return st, nil
}

// splittable makes sure each paragraph splits back into its sentences: a
// sentence that would merge with the one before it (its predecessor ends in
// an abbreviation, say) starts a paragraph of its own.
func splittable(paras [][]string) [][]string {
	var out [][]string
	for _, p := range paras {
		start := 0
		for k := 1; k < len(p); k++ {
			if len(model.SplitSentences(p[k-1]+" "+p[k])) != 2 {
				out = append(out, p[start:k])
				start = k
			}
		}
		out = append(out, p[start:])
	}
	return out
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// article lays out a plain article: title, date line, paragraphs.
func article(title, date string, paras [][]string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n- %s\n", title, date)
	for _, p := range paras {
		b.WriteString("\n")
		b.WriteString(strings.Join(p, " "))
		b.WriteString("\n")
	}
	return b.Bytes()
}

// briefing lays out a briefing over the paragraphs: two themes of three
// points each, every point quoting a sentence; an event, an actor and a
// glossary term; the article as its # Source.
func briefing(title, pkgPath, date string, paras [][]string) []byte {
	var all []string
	for _, p := range paras {
		all = append(all, p...)
	}
	pick := func(i int) string { return all[(i*7)%len(all)] }
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\nformat: brief/1\ntitle: %s\nsource: The comments of %s\npublished: %s\n---\n\n", title, pkgPath, date)
	k := 0
	for t, theme := range []string{"How it works", "What to watch for"} {
		fmt.Fprintf(&b, "# Theme: %s {#t%d}\n\n%s\n\n", theme, t+1, "What the comments of "+pkgPath+" say.")
		for range 3 {
			k++
			q := pick(k)
			fmt.Fprintf(&b, "## %s {#pt%d}\n\n> %s\n\n- actors: maintainers\n\n", pointText(q), k, q)
		}
	}
	fmt.Fprintf(&b, "# Timeline\n\n## The package is written {#e1}\n\n- when: %s\n- phrase: in %s\n- actors: maintainers\n\n> %s\n\n", date[:4], date[:4], pick(k+1))
	fmt.Fprintf(&b, "# Actors\n\n## The Go maintainers {#maintainers}\n\n- aliases: Go team\n- kind: group\n- stance: Describes the package.\n\n")
	term := pkgPath
	if i := strings.LastIndexByte(term, '/'); i >= 0 {
		term = term[i+1:]
	}
	fmt.Fprintf(&b, "# Glossary\n\n## %s {#g-term}\n\nThe package the article describes.\n\n> %s\n\n", term, pick(k+2))
	b.WriteString("# Source\n")
	for _, p := range paras {
		b.WriteString("\n")
		b.WriteString(strings.Join(p, " "))
		b.WriteString("\n")
	}
	return b.Bytes()
}

// pointText makes a point's claim from the sentence it quotes: its first
// eight words.
func pointText(s string) string {
	w := strings.Fields(s)
	if len(w) > 8 {
		w = w[:8]
	}
	return strings.TrimRight(strings.Join(w, " "), ".,;:!?")
}
