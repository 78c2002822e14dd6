package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
)

// harbour is a plain article of the kind an author would brief.
const harbour = `Harbour talks resume between Norway and Iceland
- 2024-06-10 09:00:00

Norwegian and Icelandic officials met in Bergen this month to resume talks on the shared fishing grounds.

The talks broke down in late 2019, when Norway left the North Atlantic Fisheries Forum (NAFF).

Between 2015 and 2018 the two governments signed four interim deals. Iceland says the last four years have shown the cost of no agreement.
`

// An author drafts a briefing from a plain article, checks it, opens it and
// sees the timeline and the actors the draft found.
func TestAuthoringJourney(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "harbour.txt")
	if err := os.WriteFile(article, []byte(harbour), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "harbour.brief.md")
	brief(t, "new", article, "-o", out, "--subject", "a new fisheries deal").ok(t, "brief new")
	r := brief(t, "check", "--coverage", out).ok(t, "brief check of the draft")
	if !strings.Contains(r.stdout, "ok   "+out) || !strings.Contains(r.stdout, "4 events, 2 actors, 1 term") {
		t.Errorf("check --coverage of the draft:\n%s", r.stdout)
	}
	// Every drafted item is marked: --strict fails until each is reviewed.
	if r := brief(t, "check", "--strict", out); r.code != 1 || !strings.Contains(r.stderr, "drafted items not yet reviewed (3 themes, 4 points, 4 events, 2 actors, 1 glossary term)") {
		t.Errorf("check --strict of the draft: exit %d\n%s", r.code, r.stderr)
	}
	if r := brief(t, "new", article, "-o", out); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("a second brief new replaced the draft: exit %d, %s", r.code, r.stderr)
	}

	bin := tmuxtest.Binary(t)
	s := tmuxtest.Start(t, 110, 30, nil, "'"+bin+"' '"+out+"'")
	s.WaitText("Outline")
	s.Keys("t")
	// The outline quotes "late 2019" too: wait for a date only the timeline
	// shows.
	screen := s.WaitText("2015–2018")
	for _, want := range []string{"late 2019", "Jun 2024", "c. 2020–2024"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, screen)
		}
	}
	s.Keys("a")
	screen = s.WaitText("Stance")
	if lineIndex(screen, "Norway", "state") < 0 || lineIndex(screen, "Iceland", "state") < 0 {
		t.Errorf("the actors view lacks the drafted states:\n%s", screen)
	}
	s.Keys("Enter")
	s.WaitText("Mentions of")
	s.Keys("Escape")
	s.WaitGone("Mentions of")
	s.Keys("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// brief fix gives a straight apostrophe the article's curly one, and the
// warnings tier fails the check only under --strict.
func TestCLIFixAndStrict(t *testing.T) {
	t.Parallel()
	dir := copySeed(t)
	file := filepath.Join(dir, "000_bc22e7b79049ddaf.brief.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "Taliban’s government in Afghanistan.", "Taliban's government in Afghanistan.", 1)
	if broken == string(data) {
		t.Fatal("edit did not apply")
	}
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := brief(t, "check", file); r.code != 1 || !strings.Contains(r.stderr, "a straight apostrophe ' (brief fix rewrites it)") {
		t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
	}
	r := brief(t, "fix", file).ok(t, "brief fix")
	if !strings.Contains(r.stdout, "fixed 1 character") {
		t.Errorf("fix said %q", r.stdout)
	}
	if got, _ := os.ReadFile(file); string(got) != string(data) {
		t.Error("fix did not restore the file exactly")
	}

	warned := strings.Replace(string(data), "- stance: Has upgraded relations", "- stance: Has **upgraded** relations", 1)
	if warned == string(data) {
		t.Fatal("edit did not apply")
	}
	if err := os.WriteFile(file, []byte(warned), 0o644); err != nil {
		t.Fatal(err)
	}
	r = brief(t, "check", file).ok(t, "check with a warning")
	if !strings.Contains(r.stderr, "warning: Markdown is not interpreted here: “**upgraded**”") || !strings.Contains(r.stdout, "1 warning") {
		t.Errorf("check with a warning:\n%s\n%s", r.stdout, r.stderr)
	}
	if r := brief(t, "check", "--strict", file); r.code != 1 {
		t.Errorf("check --strict with a warning exited %d", r.code)
	}

	drafted := strings.Replace(string(data), "- stance: Has upgraded relations", "- draft: yes\n- stance: Has upgraded relations", 1)
	if err := os.WriteFile(file, []byte(drafted), 0o644); err != nil {
		t.Fatal(err)
	}
	r = brief(t, "check", file).ok(t, "check with a drafted item")
	if !strings.Contains(r.stdout, "1 drafted item to review") {
		t.Errorf("check does not count the drafted item:\n%s", r.stdout)
	}
	if r := brief(t, "check", "--strict", file); r.code != 1 || !strings.Contains(r.stderr, "1 drafted item not yet reviewed (1 actor)") {
		t.Errorf("check --strict with a drafted item exited %d:\n%s", r.code, r.stderr)
	}

	r = brief(t, "check", "--coverage", filepath.Join(dir, "000_bc22e7b79049ddaf.txt")).ok(t, "check --coverage of a plain article")
	if !strings.Contains(r.stdout, "0 of 26 sentences cited") || !strings.Contains(r.stdout, "\n  p11.s3  Despite the Taliban’s intransigence") {
		t.Errorf("check --coverage does not list the uncited sentences:\n%s", r.stdout)
	}

	r = brief(t, "print", "--ids", filepath.Join(dir, "000_bc22e7b79049ddaf.txt")).ok(t, "print --ids")
	if !strings.Contains(r.stdout, "p1.s1   This month, Russia accepted") {
		t.Errorf("print --ids:\n%s", r.stdout)
	}
}
