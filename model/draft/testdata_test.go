package draft

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
)

// want is a careful author's reading of a testdata article.
type want struct {
	themes  [][]string // paragraph ids, by theme
	actors  []string
	events  []string // EDTF, happened
	planned []string // EDTF, planned
	skip    []string
}

func readWant(t *testing.T, path string) want {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var w want
	list := func(v string) []string {
		var out []string
		for _, x := range strings.Split(v, ";") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		switch k {
		case "themes":
			for _, g := range strings.Split(v, "|") {
				w.themes = append(w.themes, strings.Fields(g))
			}
		case "actors":
			w.actors = list(v)
		case "events":
			w.events = list(v)
		case "planned":
			w.planned = list(v)
		case "skip":
			w.skip = list(v)
		}
	}
	return w
}

// The drafts of articles on other subjects — a wire story with a byline,
// a dateline, photo captions and quoted spokesmen, a science story, a
// court ruling, a sports transfer and an economy story — against a careful
// author's reading.
func TestDraftTestdata(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 4 {
		t.Fatalf("want the four testdata articles, found %v", files)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			w := readWant(t, strings.TrimSuffix(path, ".txt")+".want")
			b, text := draftFile(t, t.TempDir(), path)

			// Captions, credits and bylines are skipped, and only they.
			var skipped []string
			for _, p := range b.Source.Paragraphs {
				if len(p.Sentences) > 0 && b.Skipped(p.Sentences[0]) {
					skipped = append(skipped, p.ID)
				}
			}
			if !slices.Equal(skipped, w.skip) {
				t.Errorf("skipped paragraphs %v, want %v", skipped, w.skip)
			}

			// Points quote every sentence that is body text.
			if c := coverage(b); c < 0.9 {
				t.Errorf("points quote %.0f%% of the sentences, want at least 90%%", 100*c)
			}

			// 3–8 themes that group the sentences as the author would.
			if n := len(b.Themes); n < 3 || n > 8 {
				t.Errorf("%d themes, want 3 to 8", n)
			}
			author := map[string]string{}
			for i, g := range w.themes {
				for _, p := range g {
					author[p] = string(rune('A' + i))
				}
			}
			drafted := themeOfSentences(b)
			var x, y []string
			for _, s := range b.Sentences() {
				p := b.Source.Paragraphs[s.Paragraph].ID
				if a, ok := author[p]; ok {
					x = append(x, a)
					y = append(y, drafted[s.ID]+"|"+s.ID[:0])
				}
			}
			a := ari(x, y)
			t.Logf("%d themes, ARI %.3f", len(b.Themes), a)
			if a < 0.4 {
				t.Errorf("themes agree with the author's at ARI %.2f, want at least 0.4", a)
			}
			for _, th := range b.Themes {
				if th.Title == "" || strings.Contains(th.Title, "TODO") || len(strings.Fields(th.Title)) > 6 {
					t.Errorf("theme title %q, want a short noun phrase", th.Title)
				}
			}

			// Actors: at least 80% are the author's,
			var wrong []string
			for _, d := range b.Actors {
				ok := false
				for _, name := range w.actors {
					ok = ok || sameActor(d, &model.Actor{Name: name})
				}
				if !ok {
					wrong = append(wrong, d.Name)
				}
			}
			if p := 1 - float64(len(wrong))/float64(max(1, len(b.Actors))); p < 0.8 || len(b.Actors) == 0 {
				t.Errorf("actor precision %.2f, want at least 0.8; not the author's: %q", p, wrong)
			} else {
				t.Logf("actor precision %.2f (%d actors; not the author's: %q)", p, len(b.Actors), wrong)
			}

			// and at least 80% of the author's are drafted (every one of
			// them in each article today).
			var missed []string
			for _, name := range w.actors {
				ok := false
				for _, d := range b.Actors {
					ok = ok || sameActor(d, &model.Actor{Name: name})
				}
				if !ok {
					missed = append(missed, name)
				}
			}
			if r := 1 - float64(len(missed))/float64(max(1, len(w.actors))); r < 0.8 {
				t.Errorf("actor recall %.2f, want at least 0.8; missed: %q", r, missed)
			} else {
				t.Logf("actor recall %.2f (missed: %q)", r, missed)
			}

			// Events: the author's, unique titles, none from a caption, the
			// planned ones marked.
			got := map[string]*model.Event{}
			titles := map[string]bool{}
			for _, e := range b.Timeline {
				got[e.When.String()] = e
				if titles[e.Title] {
					t.Errorf("two events titled %q", e.Title)
				}
				titles[e.Title] = true
				for _, q := range e.Quotes {
					for _, s := range q.Sentences {
						if b.Skipped(b.Sentence(s)) {
							t.Errorf("event %q quotes %s, a caption", e.Title, s)
						}
					}
				}
			}
			for _, when := range w.events {
				if got[when] == nil {
					t.Errorf("no event at %s", when)
				}
			}
			for _, when := range w.planned {
				if e := got[when]; e == nil || e.Status != "planned" {
					t.Errorf("no planned event at %s", when)
				}
			}

			// Every drafted item is marked, so check --strict fails.
			if d := b.Drafted(); d.Total() < len(b.Themes)+len(b.Timeline)+len(b.Actors) {
				t.Errorf("drafted items %+v, want every theme, point, event, actor and term marked", d)
			}
			if strings.Contains(text, "TODO title") {
				t.Errorf("a title left as TODO")
			}
		})
	}
}

// The offshore wind story names every actor in a different way: a board
// acting in the dated lead, then "the board"; a developer in an appositive,
// then by its first word; a chief executive quoted once; an association
// with a possessive in its name. The wind farm's place name is no actor.
func TestDraftOffshoreActors(t *testing.T) {
	b, _ := draftFile(t, t.TempDir(), "testdata/offshore.txt")
	got := map[string]string{}
	for _, a := range b.Actors {
		got[a.Name] = a.Kind
	}
	for name, kind := range map[string]string{
		"Marine Planning Board":           "organisation",
		"Northline Energy":                "organisation",
		"Maria Okafor":                    "person",
		"Coastal Fishermen's Association": "organisation",
		"Tom Reddy":                       "person",
	} {
		if got[name] != kind {
			t.Errorf("%s drafted as %q, want %s (actors %v)", name, got[name], kind, got)
		}
	}
	for _, name := range []string{"Northline", "Saltmarsh Bank"} {
		if _, ok := got[name]; ok {
			t.Errorf("%s drafted as an actor of its own (actors %v)", name, got)
		}
	}
}
