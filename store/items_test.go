package store

import (
	"testing"

	"github.com/brief-cli/brief/model"
)

// The index answers for sentences from the briefing itself: which it holds,
// their place after the other items in reading order, and their labels.
func TestItemIndexFindsSentencesInTheBriefing(t *testing.T) {
	src := "---\nformat: brief/1\ntitle: T\nsource: S\npublished: 2024-03-01\n---\n\n" +
		"# Theme: Things {#things}\n\n## First {#one}\n\n> Alpha is first.\n\n" +
		"# Source\n\nAlpha is first. Beta follows it.\n\nGamma opens the second paragraph. Delta ends it.\n"
	b, err := model.Parse("/t.brief.md", []byte(src), nil)
	must(t, err)
	ix := indexItems(b)
	sent := func(id string) string { return key(model.Ref{Kind: model.KindSentence, ID: id}) }
	order := []string{
		key(model.Ref{Kind: model.KindTheme, ID: "things"}), key(pt("one")),
		sent("p1.s1"), sent("p1.s2"), sent("p2.s1"), sent("p2.s2"),
	}
	for i, k := range order {
		if !ix.has(k) {
			t.Errorf("%s not held", k)
		}
		if i > 0 && ix.rank(order[i-1]) >= ix.rank(k) {
			t.Errorf("%s (%d) does not come after %s (%d)", k, ix.rank(k), order[i-1], ix.rank(order[i-1]))
		}
	}
	if got := ix.label(sent("p2.s1")); got != "Gamma opens the second paragraph." {
		t.Errorf("label of p2.s1 = %q", got)
	}
	for _, k := range []string{sent("p3.s1"), sent("p1.s3"), sent("p01.s1"), key(pt("p1.s1")), "sentence:", "nonsense"} {
		if ix.has(k) || ix.label(k) != "" {
			t.Errorf("%q is held (label %q)", k, ix.label(k))
		}
	}
}
