// Package seeds embeds the built-in briefing: the seed article, verbatim,
// and the curated briefing made from it.
package seeds

import (
	"embed"

	"github.com/brief-cli/brief/model"
)

// Name is the file name of the built-in briefing inside FS.
const Name = "000_bc22e7b79049ddaf.brief.md"

// Article is the file name of the seed article inside FS.
const Article = "000_bc22e7b79049ddaf.txt"

// FS holds the seed files.
//
//go:embed 000_bc22e7b79049ddaf.txt 000_bc22e7b79049ddaf.brief.md
var FS embed.FS

// Load parses the built-in briefing. It cannot fail in a released binary
// (tests hold the seed to the format), but callers still get an error rather
// than a panic.
func Load() (*model.Briefing, error) {
	b, err := model.LoadFS(FS, Name)
	if err != nil {
		return nil, err
	}
	b.File = "(built-in) " + Name
	return b, nil
}
