package draft

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A long paragraph full of dates and names drafts in a time that grows
// with its length, not its square.
func BenchmarkDraftLongParagraph(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Title\n- 2024-01-01\n\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "the Name%d met Name%d in %d and late %d, ", i, i, 1900+i%120, 1900+i%120)
	}
	data := []byte(sb.String())
	b.ResetTimer()
	for b.Loop() {
		if _, err := New("a.txt", data, Options{ArticlePath: "a.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}

// longArticle is an article of at least n sentences, made of the testdata
// articles' paragraphs over and over, each copy's years moved on so that
// its dates and sentences are new.
func longArticle(tb testing.TB, n int) []byte {
	tb.Helper()
	files, _ := filepath.Glob("testdata/*.txt")
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		blocks := strings.Split(string(data), "\n\n")
		paras = append(paras, blocks[1:]...)
	}
	var sb strings.Builder
	sb.WriteString("A long article\n- 2025-06-02\n")
	count := 0
	for copy := 0; count < n; copy++ {
		for _, p := range paras {
			p = strings.ReplaceAll(p, "20", fmt.Sprintf("%d", 17+copy%8))
			fmt.Fprintf(&sb, "\n%s Copy %d.\n", strings.TrimSpace(p), copy)
			count += strings.Count(p, ". ") + 1
		}
	}
	return []byte(sb.String())
}

// Drafting a 5,000-sentence article: the goal is at most 3 s.
func BenchmarkDraft5000Sentences(b *testing.B) {
	data := longArticle(b, benchSentences)
	b.ResetTimer()
	for b.Loop() {
		if _, err := New("long.txt", data, Options{ArticlePath: "long.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}

// The draft of a long article still checks.
func TestDraftLongArticleChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("a long article")
	}
	dir := t.TempDir()
	data := longArticle(t, 2000)
	path := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := draftFile(t, dir, path)
	if n := len(b.Themes); n < 3 || n > 8 {
		t.Errorf("%d themes, want 3 to 8", n)
	}
	if c := coverage(b); c < 0.9 {
		t.Errorf("points quote %.0f%% of the sentences, want at least 90%%", 100*c)
	}
}

const benchSentences = 5000
