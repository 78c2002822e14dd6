package catalog_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

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
