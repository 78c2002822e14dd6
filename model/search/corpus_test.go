package search

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// goCommentSentences walks the *.go files under GOROOT/src in lexical order,
// joins runs of // comment lines into paragraphs and splits them into
// sentences. It stops once limit distinct sentences have been collected
// (limit <= 0: none). Duplicates are dropped.
func goCommentSentences(tb testing.TB, limit int) []string {
	tb.Helper()
	root := filepath.Join(goroot(tb), "src")
	seen := make(map[string]struct{})
	var out []string
	var para strings.Builder
	flush := func() {
		if para.Len() == 0 {
			return
		}
		for _, s := range splitSentences(para.String()) {
			if _, dup := seen[s]; dup {
				continue
			}
			seen[s] = struct{}{}
			out = append(out, s)
		}
		para.Reset()
	}
	errDone := fs.SkipAll
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
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
			if len(c) == 0 || bytes.HasPrefix(line, []byte("//go:")) || bytes.HasPrefix(c, []byte("+build")) || bytes.HasPrefix(line, []byte("//line ")) {
				flush()
				continue
			}
			if para.Len() > 0 {
				para.WriteByte(' ')
			}
			para.Write(c)
		}
		flush()
		if limit > 0 && len(out) >= limit {
			return errDone
		}
		return nil
	})
	if err != nil && err != errDone {
		tb.Fatal(err)
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

var (
	gorootOnce sync.Once
	gorootDir  string
)

// goroot returns $(go env GOROOT), skipping the test if go cannot say.
func goroot(tb testing.TB) string {
	gorootOnce.Do(func() {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err == nil {
			gorootDir = strings.TrimSpace(string(out))
		}
	})
	if gorootDir == "" {
		tb.Skip("go env GOROOT failed; the corpus is GOROOT's comments")
	}
	return gorootDir
}

// splitSentences splits a paragraph after '.', '!' or '?' followed by a
// space, keeping sentences of at least three words.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(p) || p[i+1] == ' ') {
			if s := strings.TrimSpace(p[start : i+1]); strings.Count(s, " ") >= 2 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(p[start:]); strings.Count(s, " ") >= 2 {
		out = append(out, s)
	}
	return out
}

var (
	corpusOnce sync.Once
	corpusAll  []string // every distinct sentence in GOROOT/src comments
)

// benchCorpus returns n sentences: the distinct GOROOT comment sentences,
// repeated with a " (copy k)" suffix when fewer than n exist.
func benchCorpus(tb testing.TB, n int) []string {
	corpusOnce.Do(func() { corpusAll = goCommentSentences(tb, 0) })
	if n <= len(corpusAll) {
		return corpusAll[:n:n]
	}
	out := make([]string, 0, n)
	out = append(out, corpusAll...)
	for k := 2; len(out) < n; k++ {
		suffix := " (copy " + strconv.Itoa(k) + ")"
		for _, s := range corpusAll {
			if len(out) == n {
				break
			}
			out = append(out, s+suffix)
		}
	}
	return out
}
