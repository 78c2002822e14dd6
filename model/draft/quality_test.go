package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
)

// ari is the adjusted Rand index of two groupings of the same items (each
// item's group label): 1 when they agree, about 0 for chance.
func ari(a, b []string) float64 {
	n := len(a)
	if n != len(b) || n < 2 {
		return 0
	}
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	joint := map[[2]string]int{}
	ra, rb := map[string]int{}, map[string]int{}
	for i := range a {
		joint[[2]string{a[i], b[i]}]++
		ra[a[i]]++
		rb[b[i]]++
	}
	var index, sa, sb float64
	for _, k := range joint {
		index += pairs(k)
	}
	for _, k := range ra {
		sa += pairs(k)
	}
	for _, k := range rb {
		sb += pairs(k)
	}
	expected := sa * sb / pairs(n)
	maxIndex := (sa + sb) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

func TestARI(t *testing.T) {
	same := []string{"a", "a", "b", "b", "c"}
	if got := ari(same, []string{"x", "x", "y", "y", "z"}); got != 1 {
		t.Errorf("identical groupings: ARI %v, want 1", got)
	}
	if got := ari([]string{"a", "a", "a", "b", "b", "b"}, []string{"x", "y", "z", "x", "y", "z"}); got >= 0 {
		t.Errorf("crossed groupings: ARI %v, want below 0", got)
	}
}

// themeOfSentences maps each sentence a theme's point quotes to the theme
// (the first, where several do).
func themeOfSentences(b *model.Briefing) map[string]string {
	out := map[string]string{}
	for _, th := range b.Themes {
		for _, p := range th.Points {
			for _, q := range p.Quotes {
				for _, s := range q.Sentences {
					if _, ok := out[s]; !ok {
						out[s] = th.ID
					}
				}
			}
		}
	}
	return out
}

// themeAgreement is the ARI of the draft's themes against the author's,
// over the sentences the author's themes quote.
func themeAgreement(draft, author *model.Briefing) float64 {
	d, a := themeOfSentences(draft), themeOfSentences(author)
	var x, y []string
	for _, s := range author.Sentences() {
		if at, ok := a[s.ID]; ok {
			x = append(x, at)
			y = append(y, d[s.ID]+"") // a sentence the draft leaves out is a group of its own
			if y[len(y)-1] == "" {
				y[len(y)-1] = "none " + s.ID
			}
		}
	}
	return ari(x, y)
}

// sameActor reports whether a drafted actor is one of the author's, by a
// name or alias in common, or one name holding the other ("Central Asian"
// in "Central Asian countries").
func sameActor(d, a *model.Actor) bool {
	for _, dn := range append([]string{d.Name}, d.Aliases...) {
		for _, an := range append([]string{a.Name}, a.Aliases...) {
			dl, al := strings.ToLower(dn), strings.ToLower(an)
			if dl == al || strings.HasPrefix(al, dl+" ") || strings.HasPrefix(dl, al+" ") || strings.HasSuffix(al, " "+dl) {
				return true
			}
		}
	}
	return false
}

// actorPrecision is the share of drafted actors that are the author's.
func actorPrecision(draft, author *model.Briefing) (float64, []string) {
	var wrong []string
	for _, d := range draft.Actors {
		ok := false
		for _, a := range author.Actors {
			ok = ok || sameActor(d, a)
		}
		if !ok {
			wrong = append(wrong, d.Name)
		}
	}
	if len(draft.Actors) == 0 {
		return 0, nil
	}
	return 1 - float64(len(wrong))/float64(len(draft.Actors)), wrong
}

// coverage is the share of the sentences not skipped that the draft's
// points quote.
func coverage(b *model.Briefing) float64 {
	cited := themeOfSentences(b)
	n, c := 0, 0
	for _, s := range b.Sentences() {
		if b.Skipped(s) {
			continue
		}
		n++
		if cited[s.ID] != "" {
			c++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(c) / float64(n)
}

// draftFile drafts the article at path into dir and loads the draft.
func draftFile(t *testing.T, dir, path string) (*model.Briefing, string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(article, data, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := New(article, data, Options{ArticlePath: filepath.Base(path)})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".txt")+".draft.brief.md")
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := model.Load(out)
	if err != nil {
		t.Fatalf("the draft of %s does not check:\n%v\n%s", path, err, text)
	}
	return b, text
}
