package main

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
)

// runLibrary opens a folder of briefings. For now it lists them as plain
// text: title, publication date, source and path, or the file's error.
func runLibrary(cmd *cobra.Command, dir string, theme string) error {
	_ = theme
	out := cmd.OutOrStdout()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(d.Name(), ".brief.md") || strings.HasSuffix(d.Name(), ".txt")) {
			return nil
		}
		if strings.HasSuffix(d.Name(), ".txt") && isArticleOfBriefing(p) {
			return nil // the article of a briefing beside it
		}
		n++
		b, err := model.Load(p)
		if err != nil {
			first, _, _ := strings.Cut(err.Error(), "\n")
			fmt.Fprintf(out, "%s\n    error: %s\n", p, first)
			return nil
		}
		fmt.Fprintf(out, "%s\n    %s · %s\n    %s\n", sanitize.Line(b.Title), b.Source.PublishedString(), sanitize.Line(b.Source.Title), p)
		return nil
	})
	if err != nil {
		return inputError(err)
	}
	if n == 0 {
		return inputError(fmt.Errorf("%s: no briefings (*.brief.md or *.txt) in this folder", dir))
	}
	return nil
}

// isArticleOfBriefing reports whether a .txt file has a briefing of the same
// name beside it ("x.txt" and "x.brief.md").
func isArticleOfBriefing(p string) bool {
	matches, _ := filepath.Glob(strings.TrimSuffix(p, ".txt") + ".brief.md")
	return len(matches) > 0
}
