package model

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func loadMini(t *testing.T) *Briefing {
	t.Helper()
	b, err := Load("testdata/mini.brief.md")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

func TestLoadMini(t *testing.T) {
	b := loadMini(t)
	if b.Title != "A small briefing" || b.Source.Title != "Rivers and towns" {
		t.Errorf("metadata: %q / %q", b.Title, b.Source.Title)
	}
	if got := len(b.Source.Paragraphs); got != 2 {
		t.Fatalf("paragraphs = %d, want 2", got)
	}
	if got := b.Source.Paragraphs[1].Sentences[1]; got.ID != "p2.s2" || got.Text != "It held." {
		t.Errorf("p2.s2 = %+v", got)
	}
	th := b.Theme("water")
	if th == nil || th.Summary != "How the river shapes the town." || len(th.Notes) != 1 || len(th.Points) != 2 {
		t.Fatalf("theme = %+v", th)
	}
	wall := b.Point("wall")
	if wall == nil || len(wall.Quotes) != 1 {
		t.Fatalf("point wall = %+v", wall)
	}
	// A quote wrapped over two lines joins with a space and spans two sentences.
	if q := wall.Quotes[0]; q.Text != "In 2019, the council built a wall. It held." || strings.Join(q.Sentences, ",") != "p2.s1,p2.s2" {
		t.Errorf("quote = %+v", q)
	}
	if got := b.CitedBy("p2.s1"); len(got) != 3 || got[0] != (Ref{KindPoint, "wall"}) || got[1] != (Ref{KindEvent, "flood-2019"}) || got[2] != (Ref{KindTerm, "g-wall"}) {
		t.Errorf("CitedBy(p2.s1) = %v", got)
	}
	if len(b.Questions) != 2 || b.Questions[1] != "Who decides next?" {
		t.Errorf("questions = %q", b.Questions)
	}
	c := b.Actor("council")
	// Matching is case-sensitive: the name "Council" does not occur, the
	// alias "the council" does, once.
	if c == nil || len(c.Mentions) != 1 || c.Mentions[0].Text != "the council" || c.Mentions[0].Sentence != "p2.s1" {
		t.Errorf("council mentions = %+v", c)
	}
	if e := b.Event("flood-2019"); e == nil || e.When.Label() != "2019" || e.Phrase != "in 2019" {
		t.Errorf("event = %+v", e)
	}
}

func TestSourceReproducesParagraphs(t *testing.T) {
	b := loadMini(t)
	want := []string{"The river floods every spring. Farmers move their herds.", "In 2019, the council built a wall. It held."}
	for i, p := range b.Source.Paragraphs {
		var parts []string
		for _, s := range p.Sentences {
			parts = append(parts, s.Text)
			if b.Source.Body[s.Start:s.End] != s.Text {
				t.Errorf("%s offsets do not match the body", s.ID)
			}
		}
		if got := strings.Join(parts, " "); got != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i+1, got, want[i])
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"He said “stop.” Then left.", []string{"He said “stop.”", "Then left."}},
		{"Is it? Yes! “Quoted” start.", []string{"Is it?", "Yes!", "“Quoted” start."}},
		{"The U.S. Army left. Then came rain.", []string{"The U.S. Army left.", "Then came rain."}},
		{"Mr. Smith came. He sat.", []string{"Mr. Smith came.", "He sat."}},
		{"A. B. Jones wrote it.", []string{"A. B. Jones wrote it."}},
		{"NATO left. The end.", []string{"NATO left.", "The end."}},
		{"version 2.5 is out. ok.", []string{"version 2.5 is out. ok."}},
		{"Single sentence without a stop", []string{"Single sentence without a stop"}},
	}
	for _, tt := range tests {
		got := SplitSentences(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Russia’s recognition of the Taliban":                                "russias-recognition-of-the-taliban",
		"2016: Moscow Format":                                                "x-2016-moscow-format",
		"A very long heading that goes on and on well past the limit of ids": "a-very-long-heading-that-goes-on-and-on-well",
		"P3":    "x-p3",
		"¿Qué?": "que",
		"Zürich's Ständerat and Erdoğan’s Straße": "zurichs-standerat-and-erdogans-strasse",
		"ÆSIR Œuvre Þing":                         "aesir-oeuvre-thing",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainArticleOpens(t *testing.T) {
	data := []byte("A title\n- 2024-05-06 07:08:09\n\nFirst para. Second sentence.\n\nSecond para\nwrapped here.\n")
	b, err := Parse("a.txt", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "A title" || b.Source.PublishedString() != "2024-05-06 07:08:09" {
		t.Errorf("title %q published %q", b.Title, b.Source.PublishedString())
	}
	if len(b.Source.Paragraphs) != 2 || b.Source.Paragraphs[1].Sentences[0].Text != "Second para wrapped here." {
		t.Errorf("paragraphs = %+v", b.Source.Paragraphs)
	}
	if len(b.Themes) != 0 || len(b.Sentences()) != 3 {
		t.Errorf("themes %d sentences %d", len(b.Themes), len(b.Sentences()))
	}
}

func TestModelImportsNoTerminalLibrary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not found")
	}
	for _, pkg := range []string{"github.com/brief-cli/brief/model/...", "github.com/brief-cli/brief/seeds"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, banned := range []string{"charm.land/", "github.com/charmbracelet/", "github.com/muesli/termenv", "golang.org/x/term"} {
				if strings.HasPrefix(dep, banned) {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		}
	}
}

func TestLoadReadsArticleBesideTheFile(t *testing.T) {
	dir := t.TempDir()
	brief := "---\nformat: brief/1\ntitle: T\npublished: 2020-01-01\narticle: art.txt\n---\n\n# Theme: A {#a}\n\n## P {#p}\n\n> Hello world.\n"
	os.WriteFile(filepath.Join(dir, "x.brief.md"), []byte(brief), 0o644)
	os.WriteFile(filepath.Join(dir, "art.txt"), []byte("The source title\n\nHello world. Bye.\n"), 0o644)
	b, err := Load(filepath.Join(dir, "x.brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Source.Title != "The source title" {
		t.Errorf("source title falls back to the article's title line: got %q", b.Source.Title)
	}
	want := []string{filepath.Join(dir, "x.brief.md"), filepath.Join(dir, "art.txt")}
	if got := b.DiskFiles(); !slices.Equal(got, want) {
		t.Errorf("DiskFiles = %q, want %q", got, want)
	}
	// The same bytes parsed from memory come from no file on disk.
	data, _ := os.ReadFile(filepath.Join(dir, "x.brief.md"))
	mem, err := Parse("x.brief.md", data, func(string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, "art.txt")) })
	if err != nil || mem.DiskFiles() != nil {
		t.Errorf("parsed from memory: DiskFiles = %q, err %v", mem.DiskFiles(), err)
	}
}
