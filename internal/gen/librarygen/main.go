// Command librarygen writes a library of briefings made of the sentences
// of the comments in $(go env GOROOT)/src, for benchmarks and tests:
//
//	go run ./internal/gen/librarygen [-sentences N] [-lines FILE] DIR
//
// With -lines it also loads the library as brief does and writes every
// text brief search looks at (sentences, points, events, actors, glossary
// terms, themes) to FILE, one a line: the same lines for other tools.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/brief-cli/brief/internal/gen"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/model/library"
)

func main() {
	var opts gen.Options
	var lines string
	flag.IntVar(&opts.Sentences, "sentences", 100_000, "source sentences in the whole library")
	flag.IntVar(&opts.PerFile, "per-file", 200, "sentences per file")
	flag.IntVar(&opts.BriefingEvery, "briefing-every", 5, "every n-th file is a briefing, the others plain articles")
	flag.StringVar(&lines, "lines", "", "also write every searchable text to `FILE`, one a line")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: librarygen [flags] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), opts, lines); err != nil {
		fmt.Fprintln(os.Stderr, "librarygen:", err)
		os.Exit(1)
	}
}

func run(dir string, opts gen.Options, lines string) error {
	root, err := gen.GOROOT()
	if err != nil {
		return err
	}
	pkgs, err := gen.Comments(root, opts.Sentences)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	st, err := gen.Write(dir, pkgs, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "librarygen: %s: %d files (%d briefings, %d articles), %d sentences\n", dir, st.Files, st.Briefings, st.Articles, st.Sentences)
	if lines == "" {
		return nil
	}
	lib := library.Load(context.Background(), dir, nil)
	if lib.Err != nil {
		return lib.Err
	}
	f, err := os.Create(lines)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	n := 0
	for _, e := range lib.Entries {
		if e.Err != nil {
			return fmt.Errorf("the library does not load: %v", e.Err)
		}
		for _, it := range catalog.SearchItems(e.Briefing) {
			w.WriteString(strings.ReplaceAll(it.Text, "\n", " "))
			w.WriteByte('\n')
			n++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "librarygen: %s: %d lines\n", lines, n)
	return nil
}
