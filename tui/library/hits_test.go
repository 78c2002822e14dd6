package library

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/seeds"
)

func TestMarkMatches(t *testing.T) {
	for _, tc := range []struct {
		text    string
		matched []int
		want    string
	}{
		{"Moscow Format", []int{0, 1, 2, 3, 5}, "[Mosc]o[w] Format"},
		{"Russia’s engagement", []int{5, 6, 11}, "Russi[a’]s [e]ngagement"}, // ’ is bytes 6 to 8
		{"Russia’s engagement", []int{6, 7, 11}, "Russia[’]s [e]ngagement"}, // an offset inside a rune is no rune
		{"abc", nil, "abc"},
		{"abc", []int{2}, "ab[c]"},
		{"a\x1b[2Jb", []int{0}, "a^[[2Jb"}, // sanitised: the offsets no longer apply
	} {
		if got := MarkMatches(tc.text, tc.matched, "[", "]"); got != tc.want {
			t.Errorf("MarkMatches(%q, %v) = %q, want %q", tc.text, tc.matched, got, tc.want)
		}
	}
}

func seedHits(t *testing.T, q string) ([]*model.Briefing, []catalog.SearchHit) {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	bs := []*model.Briefing{b}
	hits := catalog.SearchBriefings(context.Background(), q, 5, bs...)
	if len(hits) == 0 {
		t.Fatalf("no hits for %q", q)
	}
	return bs, hits
}

func TestWriteHitsPlain(t *testing.T) {
	bs, hits := seedHits(t, "moscw")
	var out strings.Builder
	if err := WriteHits(&out, hits, bs, HitsOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(hits) {
		t.Fatalf("%d lines for %d hits:\n%s", len(lines), len(hits), out.String())
	}
	want := "#g-moscow-format\tglossary\t[Mosc]o[w] Format" // the built-in briefing has no file
	if lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	if strings.ContainsRune(out.String(), 0x1b) {
		t.Error("plain output holds an escape sequence")
	}
}

func TestWriteHitsStyled(t *testing.T) {
	bs, hits := seedHits(t, "russia’s engagement")
	var out strings.Builder
	env := []string{"TERM=xterm-256color", "CLICOLOR_FORCE=1"}
	if err := WriteHits(&out, hits, bs, HitsOptions{Styled: true, Env: env, Library: true}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	plain := ansi.Strip(s)
	lines := strings.Split(strings.TrimSuffix(plain, "\n"), "\n")
	// The weaker matches come after a divider line.
	weak := slices.IndexFunc(hits, func(h catalog.SearchHit) bool { return h.Weak })
	if weak < 1 {
		t.Fatalf("no weaker match after the matches to test the divider: %v", hits)
	}
	if len(lines) != 2*len(hits)+1 {
		t.Fatalf("%d lines for %d hits and a divider:\n%s", len(lines), len(hits), plain)
	}
	if lines[2*weak] != "── weaker matches ──" {
		t.Errorf("line %d is %q, want the divider before the first weaker match", 2*weak, lines[2*weak])
	}
	if !strings.HasPrefix(lines[0], hits[0].Ref.ID+" "+string(hits[0].Ref.Kind)+" · Russia recognises the Taliban government ((built-in)") {
		t.Errorf("heading %q", lines[0])
	}
	if lines[1] != "  "+hits[0].Text {
		t.Errorf("text line %q", lines[1])
	}
	// The matched characters are underlined: the underlined runs spell
	// the query, the curly apostrophe included (byte offsets were turned
	// into characters).
	line := strings.SplitN(s, "\n", 3)[1]
	var under strings.Builder
	for _, seg := range strings.Split(line, "\x1b[")[1:] {
		params, text, _ := strings.Cut(seg, "m")
		if slices.Contains(strings.Split(params, ";"), "4") {
			under.WriteString(text)
		}
	}
	if got := strings.ReplaceAll(under.String(), " ", ""); !strings.EqualFold(got, "russia’sengagement") {
		t.Errorf("underlined %q in %q", under.String(), line)
	}
	out.Reset()
	_ = WriteHits(&out, hits, bs, HitsOptions{Styled: true, Env: append(env, "NO_COLOR=1")})
	if strings.Contains(out.String(), "38;") || !strings.Contains(out.String(), "4m") {
		t.Errorf("NO_COLOR: %q", out.String())
	}
}
