package catalog_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/seeds"
)

// rankingSet is testdata/ranking.json: queries on the built-in briefing,
// each with the items (kind/id) a reader wants from it.
type rankingSet struct {
	Queries []struct {
		Query    string   `json:"query"`
		Relevant []string `json:"relevant"`
	} `json:"queries"`
}

func loadRankingSet(t *testing.T) rankingSet {
	t.Helper()
	data, err := os.ReadFile("testdata/ranking.json")
	if err != nil {
		t.Fatal(err)
	}
	var set rankingSet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.Queries) < 30 {
		t.Fatalf("only %d queries in the ranking set", len(set.Queries))
	}
	return set
}

// wordsOccur reports whether some item holds every word of the query,
// ignoring case: a query with no typo.
func wordsOccur(items []catalog.SearchItem, query string) bool {
	for _, it := range items {
		text, all := strings.ToLower(it.Text), true
		for _, w := range strings.Fields(strings.ToLower(query)) {
			all = all && strings.Contains(text, w)
		}
		if all {
			return true
		}
	}
	return false
}

// TestRankingOnSeed runs the ranking set through the search of the
// palette and of brief search: the first hit is relevant whenever the
// query's words occur in some item, and when five or more items are
// relevant, four of the first five are.
func TestRankingOnSeed(t *testing.T) {
	set := loadRankingSet(t)
	seed, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := catalog.NewSearchIndex(seed)
	var table strings.Builder
	for _, q := range set.Queries {
		rel := map[string]bool{}
		for _, r := range q.Relevant {
			rel[r] = true
		}
		if len(rel) == 0 {
			t.Errorf("%q: no relevant items listed", q.Query)
			continue
		}
		for _, hits := range [][]catalog.SearchHit{
			x.Search(context.Background(), q.Query, 5),
			catalog.SearchBriefings(context.Background(), q.Query, 5, seed),
		} {
			if len(hits) == 0 {
				t.Errorf("%q: no hits", q.Query)
				continue
			}
			good := 0
			var got []string
			for _, h := range hits {
				ref := string(h.Ref.Kind) + "/" + h.Ref.ID
				if rel[ref] {
					good++
				}
				got = append(got, ref)
			}
			if wordsOccur(x.Items(), q.Query) && !rel[got[0]] {
				t.Errorf("%q: the first hit %s is not relevant; top 5: %v", q.Query, got[0], got)
			}
			if len(rel) >= 5 && good < 4 {
				t.Errorf("%q: %d of the top 5 are relevant (want 4 or more of %d): %v", q.Query, good, len(rel), got)
			}
		}
		hits := x.Search(context.Background(), q.Query, 5)
		good := 0
		for _, h := range hits {
			if rel[string(h.Ref.Kind)+"/"+h.Ref.ID] {
				good++
			}
		}
		fmt.Fprintf(&table, "%-22s relevant %2d  top-5 relevant %d\n", q.Query, len(rel), good)
	}
	t.Logf("\n%s", table.String())
}

// TestRareWordRanksFirst searches a made-up article in which one
// sentence holds a rare word and hundreds of long sentences hold its
// letters scattered: the sentence with the word comes first, typed
// exactly, with a typo, with its neighbour, or in another order.
func TestRareWordRanksFirst(t *testing.T) {
	vocab := strings.Fields("the a of to and in on for with that trade market road border trucks drivers " +
		"harm took hold king walk mark ham storm thorough thick rock work karma homework think chalk " +
		"mountain pass customs officials month week waiting crossing goods traders")
	rnd := rand.New(rand.NewPCG(1, 2))
	var article strings.Builder
	article.WriteString("Trade\n\n")
	const target = 137
	for i := range 300 {
		if i == target {
			article.WriteString("Long queues form at the Zelwick crossing every winter. ")
			continue
		}
		n := 12 + rnd.IntN(14)
		words := make([]string, n)
		for k := range words {
			words[k] = vocab[rnd.IntN(len(vocab))]
		}
		s := strings.Join(words, " ")
		article.WriteString(strings.ToUpper(s[:1]) + s[1:] + ". ")
		if i%10 == 9 {
			article.WriteString("\n\n")
		}
	}
	b := parse(t, "made.txt", []byte(article.String()))
	var want string
	for _, it := range catalog.SearchItems(b) {
		if strings.Contains(it.Text, "Zelwick") {
			want = it.Ref.ID
		}
	}
	if want == "" {
		t.Fatal("the sentence with the rare word is not an item")
	}
	for _, q := range []string{"zelwick", "Zelwick", "zelwik", "zlewick", "zelwick crossing", "crossing zelwick", "zelw", "'zelwick"} {
		hits := catalog.SearchBriefings(context.Background(), q, 5, b)
		if len(hits) == 0 || hits[0].Ref.ID != want {
			var got []string
			for _, h := range hits {
				got = append(got, h.Ref.ID+" "+h.Text)
			}
			t.Errorf("%q: the first hits are %q, want %s first", q, got, want)
		}
	}
}

// formsQuery is a query and the items that hold a form of its word (and
// not the word itself): what stemming must find.
type formsQuery struct {
	Query string   `json:"query"`
	Forms []string `json:"forms"`
}

// rankingFile is a ranking set of one briefing: its queries with their
// relevant items, and its word-form queries.
type rankingFile struct {
	Queries []struct {
		Query    string   `json:"query"`
		Relevant []string `json:"relevant"`
	} `json:"queries"`
	Forms []formsQuery `json:"forms"`
}

// rankingBriefings are the briefings with a ranking set: the built-in
// one and docs/examples/ozone.
func rankingBriefings(t *testing.T) []struct {
	name string
	b    *model.Briefing
	set  rankingFile
} {
	t.Helper()
	seed, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	ozone, err := model.Load("../../docs/examples/ozone.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	out := []struct {
		name string
		b    *model.Briefing
		set  rankingFile
	}{{"seed", seed, rankingFile{}}, {"ozone", ozone, rankingFile{}}}
	for i, f := range []string{"testdata/ranking.json", "testdata/ranking-ozone.json"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &out[i].set); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return out
}

// TestRankingPrecisionAndForms measures, on the built-in briefing and on
// docs/examples/ozone, over every hit that is not marked weak:
//
//   - the precision of the whole list for each query spelled right (its
//     words occur in some item): relevant hits out of all hits; the mean
//     must be 0.9 or more, and the first hit relevant;
//   - the recall of word forms: of the items that hold a form of the
//     query's word only ("criticized" for "criticism"), how many are hits;
//     0.9 or more in all;
//   - the mean R@5 (relevant hits among the first five, out of at most
//     five relevant items): 0.95 or more.
func TestRankingPrecisionAndForms(t *testing.T) {
	ctx := context.Background()
	for _, rb := range rankingBriefings(t) {
		x := catalog.NewSearchIndex(rb.b)
		var table strings.Builder
		sumP, nP, sumR5 := 0.0, 0, 0.0
		for _, q := range rb.set.Queries {
			rel := map[string]bool{}
			for _, r := range q.Relevant {
				rel[r] = true
			}
			hits := x.Search(ctx, q.Query, 0)
			if len(hits) == 0 {
				t.Errorf("%s %q: no hits", rb.name, q.Query)
				continue
			}
			good5 := 0
			for _, h := range hits[:min(5, len(hits))] {
				if rel[string(h.Ref.Kind)+"/"+h.Ref.ID] {
					good5++
				}
			}
			sumR5 += float64(good5) / float64(min(5, len(rel)))
			if !wordsOccur(x.Items(), q.Query) {
				continue // a typo: precision is for queries spelled right
			}
			if first := string(hits[0].Ref.Kind) + "/" + hits[0].Ref.ID; !rel[first] {
				t.Errorf("%s %q: the first hit %s is not relevant", rb.name, q.Query, first)
			}
			n, good := 0, 0
			var wrong []string
			for _, h := range hits {
				if h.Weak {
					continue
				}
				n++
				ref := string(h.Ref.Kind) + "/" + h.Ref.ID
				if rel[ref] {
					good++
				} else {
					wrong = append(wrong, ref)
				}
			}
			p := float64(good) / float64(n)
			sumP += p
			nP++
			fmt.Fprintf(&table, "%-22s hits %2d  relevant %2d  precision %.2f  %v\n", q.Query, n, good, p, wrong)
		}
		meanP := sumP / float64(max(nP, 1))
		meanR5 := sumR5 / float64(max(len(rb.set.Queries), 1))
		fmt.Fprintf(&table, "mean precision %.3f over %d queries spelled right; mean R@5 %.3f over %d\n", meanP, nP, meanR5, len(rb.set.Queries))
		if meanP < 0.9 {
			t.Errorf("%s: mean precision %.3f, want 0.9 or more", rb.name, meanP)
		}
		if meanR5 < 0.95 {
			t.Errorf("%s: mean R@5 %.3f, want 0.95 or more", rb.name, meanR5)
		}
		found, total := 0, 0
		for _, fq := range rb.set.Forms {
			got := map[string]bool{}
			for _, h := range x.Search(ctx, fq.Query, 0) {
				if !h.Weak {
					got[string(h.Ref.Kind)+"/"+h.Ref.ID] = true
				}
			}
			var missed []string
			for _, f := range fq.Forms {
				total++
				if got[f] {
					found++
				} else {
					missed = append(missed, f)
				}
			}
			fmt.Fprintf(&table, "forms %-16s %d of %d  missed %v\n", fq.Query, len(fq.Forms)-len(missed), len(fq.Forms), missed)
		}
		recall := float64(found) / float64(max(total, 1))
		fmt.Fprintf(&table, "word-form recall %.3f (%d of %d)\n", recall, found, total)
		if total == 0 || recall < 0.9 {
			t.Errorf("%s: word-form recall %.3f (%d of %d), want 0.9 or more", rb.name, recall, found, total)
		}
		t.Logf("%s\n%s", rb.name, table.String())
	}
}
