package seedcopy

import (
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// The seed copied to disk loads like any user's briefing, article beside it.
func TestCopyToLoads(t *testing.T) {
	file, err := CopyTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	want, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	if b.ArticleFile != seeds.Article || len(b.Points()) != len(want.Points()) {
		t.Errorf("copy loads with article %q and %d points", b.ArticleFile, len(b.Points()))
	}
}
