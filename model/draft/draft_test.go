package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/seedcopy"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// TestSeedDraftChecksAndFindsTheSeedTimeline drafts the built-in article
// and compares the timeline with the curated one.
func TestSeedDraftChecksAndFindsTheSeedTimeline(t *testing.T) {
	dir := t.TempDir()
	if _, err := seedcopy.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, seeds.Article)
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	text, err := New(article, data, Options{ArticlePath: seeds.Article})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "draft.brief.md")
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := model.Load(out)
	if err != nil {
		t.Fatalf("the draft does not check:\n%v\n%s", err, text)
	}
	// Each actor's note gives the count the briefing shows.
	for _, a := range b.Actors {
		want := "named " + times(len(a.Mentions))
		if len(a.Notes) == 0 || !strings.HasPrefix(a.Notes[0], want) {
			t.Errorf("actor %s: note %q, want it to say %q", a.ID, a.Notes, want)
		}
	}
	seed, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.TODOs(), 1+len(b.Actors)+len(b.Glossary); got != want || seed.TODOs() != 0 {
		t.Errorf("TODOs: draft %d, want %d (subject, stances, definitions); seed %d, want 0", got, want, seed.TODOs())
	}
	drafted := map[string]bool{}
	for _, e := range b.Timeline {
		drafted[e.When.String()] = true
	}
	found := 0
	for _, e := range seed.Timeline {
		if drafted[e.When.String()] {
			found++
		} else {
			t.Logf("not drafted: %s %q (%s)", e.When, e.Phrase, e.ID)
		}
	}
	// The one it may miss: "prior to 2021", which the draft reads as the
	// span ending the year before (../2020) where the seed wrote ../2021.
	if found < 7 {
		t.Errorf("the draft holds %d of the seed's %d events at the same date and precision, want at least 7; drafted %v", found, len(seed.Timeline), drafted)
	}
}

// The draft of the built-in article and of the worked example, measured
// against their authors' briefings.
func TestDraftAgainstAuthors(t *testing.T) {
	for _, tc := range []struct {
		article, briefing string
		ari               float64 // the agreement the draft reaches today, kept
	}{
		// The seed opens with a lead of one-sentence paragraphs, compared
		// as one unit (0.419 when each was compared alone).
		{"../../seeds/000_bc22e7b79049ddaf.txt", "../../seeds/000_bc22e7b79049ddaf.brief.md", 0.5},
		{"../../docs/examples/ozone.txt", "../../docs/examples/ozone.brief.md", 0.8},
	} {
		t.Run(filepath.Base(tc.article), func(t *testing.T) {
			b, _ := draftFile(t, t.TempDir(), tc.article)
			author, err := model.Load(tc.briefing)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(b.Themes); n < 3 || n > 8 {
				t.Errorf("%d themes, want 3 to 8", n)
			}
			a := themeAgreement(b, author)
			t.Logf("%d themes, ARI %.3f", len(b.Themes), a)
			if a < max(0.4, tc.ari) {
				t.Errorf("themes agree with the author's at ARI %.2f, want at least %.2f", a, max(0.4, tc.ari))
			}
			if c := coverage(b); c < 0.9 {
				t.Errorf("points quote %.0f%% of the sentences, want at least 90%%", 100*c)
			}
			p, wrong := actorPrecision(b, author)
			if p < 0.8 {
				t.Errorf("actor precision %.2f, want at least 0.8; not the author's: %q", p, wrong)
			} else {
				t.Logf("actor precision %.2f (%d actors; not the author's: %q)", p, len(b.Actors), wrong)
			}
			titles := map[string]bool{}
			for _, e := range b.Timeline {
				if titles[e.Title] {
					t.Errorf("two events titled %q", e.Title)
				}
				titles[e.Title] = true
			}
		})
	}
}
