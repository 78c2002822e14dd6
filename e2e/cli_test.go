// Package e2e runs the built brief binary as a user would.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/brief-cli/brief/internal/testkit/seedcopy"
	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

type result struct {
	stdout, stderr string
	code           int
}

// brief runs the binary with stdin from /dev/null and stdout and stderr
// piped: no terminal anywhere. A run that does not finish within the
// deadline has hung (waiting on a terminal, say) and fails the test.
func brief(t *testing.T, args ...string) result {
	t.Helper()
	return briefEnv(t, nil, args...)
}

// briefEnv is brief with extra environment ("KEY=value").
func briefEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, tmuxtest.Binary(t), args...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor"), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Stdin = nil // /dev/null
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("brief %s did not finish: it is waiting on something\nstdout: %s\nstderr: %s", strings.Join(args, " "), out.String(), errOut.String())
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errOut.String(), code}
}

func (r result) ok(t *testing.T, what string) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("%s: exit %d, want 0\nstderr: %s", what, r.code, r.stderr)
	}
	return r
}

func noEscapes(t *testing.T, what, s string) {
	t.Helper()
	if i := strings.IndexByte(s, 0x1b); i >= 0 {
		t.Errorf("%s holds an escape sequence at byte %d: %q", what, i, s[max(0, i-20):min(len(s), i+20)])
	}
}

func seed(t *testing.T) *model.Briefing {
	t.Helper()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// commands asks the binary, through its completion machinery, which
// commands it has.
func commands(t *testing.T) []string {
	t.Helper()
	r := brief(t, "__complete", "help", "").ok(t, "__complete help")
	var names []string
	for _, l := range strings.Split(r.stdout, "\n") {
		name, _, _ := strings.Cut(l, "\t")
		if name != "" && !strings.HasPrefix(name, ":") && !strings.HasPrefix(name, "-") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Fatalf("no commands completed: %q", r.stdout)
	}
	return names
}

func TestCLIHelpListsEveryCommand(t *testing.T) {
	t.Parallel()
	r := brief(t, "--help").ok(t, "--help")
	noEscapes(t, "brief --help | cat", r.stdout)
	existing := commands(t)
	for _, want := range []string{"print", "export", "check", "timeline", "completion", "man", "help"} {
		found := false
		for _, c := range existing {
			found = found || c == want
		}
		if !found {
			t.Errorf("command %q does not exist (have %v)", want, existing)
		}
	}
	for _, c := range existing {
		if !regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(c) + `\b`).MatchString(r.stdout) {
			t.Errorf("brief --help does not list %q:\n%s", c, r.stdout)
		}
	}
}

func TestCLIEveryCommandHasAnExample(t *testing.T) {
	t.Parallel()
	for _, c := range commands(t) {
		r := brief(t, c, "--help").ok(t, c+" --help")
		noEscapes(t, c+" --help", r.stdout)
		if !strings.Contains(r.stdout, "EXAMPLES") || !strings.Contains(r.stdout, "brief "+c) {
			t.Errorf("brief %s --help has no example:\n%s", c, r.stdout)
		}
	}
}

// helpCommands are the command lines whose help the help tests read.
func helpCommands(t *testing.T) [][]string {
	lines := [][]string{{"--help"}, {"completion", "bash", "--help"}}
	for _, c := range commands(t) {
		lines = append(lines, []string{c, "--help"})
	}
	return lines
}

// TestCLIHelpPipedIsNotPadded: piped, every command's help is wrapped to
// 80 columns, or to $COLUMNS, and no line ends in a space.
func TestCLIHelpPipedIsNotPadded(t *testing.T) {
	t.Parallel()
	for _, args := range helpCommands(t) {
		for _, width := range []int{0, 60} {
			var env []string
			if width > 0 {
				env = []string{fmt.Sprintf("COLUMNS=%d", width)}
			} else {
				env = []string{"COLUMNS="}
				width = 80
			}
			r := briefEnv(t, env, args...).ok(t, strings.Join(args, " "))
			noEscapes(t, strings.Join(args, " "), r.stdout)
			for i, l := range strings.Split(r.stdout, "\n") {
				if strings.HasSuffix(l, " ") {
					t.Errorf("brief %s | cat: line %d ends in a space: %q", strings.Join(args, " "), i+1, l)
				}
				if n := len([]rune(l)); n > width && len(strings.Fields(l)) > 1 {
					t.Errorf("brief %s | cat at %d columns: line %d is %d wide: %q", strings.Join(args, " "), width, i+1, n, l)
				}
			}
		}
	}
}

// TestCLIHelpOnATerminalBreaksNoWord prints help on a real terminal of 80
// and of 60 columns: the words on the screen are the words of the piped
// help, so the program wrapped every line and the terminal never had to
// cut one.
func TestCLIHelpOnATerminalBreaksNoWord(t *testing.T) {
	t.Parallel()
	tmuxtest.Require(t)
	bin := tmuxtest.Binary(t)
	for _, tc := range []struct {
		width int
		env   string // how the command is started: with $COLUMNS, or without
		args  []string
	}{
		{80, "COLUMNS=80", []string{"--help"}},
		{80, "COLUMNS=80", []string{"present", "--help"}},
		{60, "env -u COLUMNS", []string{"search", "--help"}},
	} {
		command := tc.env + " " + bin + " " + strings.Join(tc.args, " ")
		piped := strings.Fields(briefEnv(t, []string{"COLUMNS=100"}, tc.args...).ok(t, command).stdout)
		s := tmuxtest.Start(t, tc.width, 150, nil, command)
		if code := s.WaitExit(); code != 0 {
			t.Fatalf("%s exited %d", command, code)
		}
		var lines []string
		for _, l := range strings.Split(s.Screen(), "\n") {
			if !strings.HasPrefix(l, "Pane is dead") {
				lines = append(lines, l)
			}
		}
		screen := strings.Join(lines, "\n")
		if got := strings.Fields(screen); strings.Join(got, " ") != strings.Join(piped, " ") {
			t.Errorf("%s at %d columns: the screen's words are not the help's words:\n%s", command, tc.width, screen)
		}
		if !strings.Contains(screen, "USAGE") {
			t.Errorf("%s: no help on the screen:\n%s", command, screen)
		}
	}
}

// TestCLIBadFlagValue: a flag's bad value is named with what it must be.
func TestCLIBadFlagValue(t *testing.T) {
	t.Parallel()
	r := brief(t, "print", "--width", "abc")
	want := `brief print: invalid value "abc" for --width: must be a whole number (see "brief print --help")`
	if r.code != 2 || strings.TrimSpace(r.stderr) != want {
		t.Errorf("exit %d, stderr %q; want exit 2, %q", r.code, r.stderr, want)
	}
}

func TestCLIVersion(t *testing.T) {
	t.Parallel()
	r := brief(t, "--version").ok(t, "--version")
	if !strings.HasPrefix(r.stdout, "brief version ") {
		t.Errorf("--version printed %q", r.stdout)
	}
}

// TestCLIVersionFromGitCheckout builds brief as `go build` does in a git
// checkout, with no release stamps: the version names the commit, its date
// and whether the tree had changes, from what the toolchain recorded. The
// toolchain records nothing outside a git checkout or in a linked worktree;
// the test is skipped there.
func TestCLIVersionFromGitCheckout(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "brief")
	build := exec.Command("go", "build", "-o", bin, "./cmd/brief")
	build.Dir = root
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=true")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "vcs.revision=") {
		t.Skip("the toolchain recorded no revision: not a git checkout, or a linked worktree")
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %s: %v", strings.Join(args, " "), err)
		}
		return strings.TrimSpace(string(out))
	}
	// As the toolchain sees it: the commit time in UTC, and any change
	// (untracked files too) makes the tree modified.
	want := "brief version devel (" + git("rev-parse", "HEAD")[:7] + ", " +
		git("-c", "log.showSignature=false", "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d")
	if git("status", "--porcelain") != "" {
		want += ", modified"
	}
	want += ")"
	got, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(got)) != want {
		t.Errorf("--version printed %q, want %q", strings.TrimSpace(string(got)), want)
	}
}

func TestCLICompletion(t *testing.T) {
	t.Parallel()
	for shell, marker := range map[string]string{
		"bash": "__start_brief",
		"zsh":  "#compdef brief",
		"fish": "complete -c brief",
	} {
		r := brief(t, "completion", shell).ok(t, "completion "+shell)
		if !strings.Contains(r.stdout, marker) {
			t.Errorf("completion %s lacks %q", shell, marker)
		}
	}
	if r := brief(t, "completion", "tcsh"); r.code != 2 {
		t.Errorf("completion of an unknown shell exited %d, want 2", r.code)
	}
}

func TestCLIMan(t *testing.T) {
	t.Parallel()
	r := brief(t, "man").ok(t, "man")
	if !strings.HasPrefix(r.stdout, ".TH BRIEF 1 ") {
		t.Errorf("man page starts %q", strings.SplitN(r.stdout, "\n", 2)[0])
	}
	for _, want := range []string{".SH COMMANDS", ".SH KEYS", ".SH EXIT STATUS", ".SH EXAMPLES", ".SS brief export"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
}

func TestCLIUsageErrorsExit2(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"print", "--no-such-flag"},
		{"prnt"},
		{"export", "--format", "xml"},
		{"export"},
		{"print", "a", "b"},
		{"--theme", "pink"},
		{"print", "--width", "x"},
	} {
		r := brief(t, args...)
		if r.code != 2 {
			t.Errorf("brief %s exited %d, want 2 (stderr %q)", strings.Join(args, " "), r.code, r.stderr)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || lines[0] == "" {
			t.Errorf("brief %s: want one line on stderr, got %q", strings.Join(args, " "), r.stderr)
		}
		noEscapes(t, "stderr", r.stderr)
	}
	if r := brief(t, "prnt"); !strings.Contains(r.stderr, `did you mean "print"`) {
		t.Errorf("a mistyped command should suggest the right one: %q", r.stderr)
	}
}

func TestCLIMissingFileExits1(t *testing.T) {
	t.Parallel()
	r := brief(t, "print", "no-such.brief.md")
	if r.code != 1 || strings.TrimSpace(r.stderr) != "no-such.brief.md: no such file" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestCLICheckSeed(t *testing.T) {
	t.Parallel()
	r := brief(t, "check").ok(t, "check")
	if !strings.HasPrefix(r.stdout, "ok ") || !strings.Contains(r.stdout, "all ") {
		t.Errorf("check printed %q", r.stdout)
	}
	dir := copySeed(t)
	r = brief(t, "check", filepath.Join(dir, seeds.Name)).ok(t, "check seed copy")
	if r.stderr != "" {
		t.Errorf("check wrote to stderr: %q", r.stderr)
	}
}

// copySeed copies the seed briefing and its article into a temporary folder.
func copySeed(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := seedcopy.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCLICheckChangedQuote(t *testing.T) {
	t.Parallel()
	dir := copySeed(t)
	file := filepath.Join(dir, seeds.Name)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	// Change one word inside the first quote that holds "Daesh".
	at := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "> ") && strings.Contains(l, " Daesh") {
			lines[i] = strings.Replace(l, " Daesh", " Qaeda", 1)
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatal("no quote with Daesh in the seed")
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	r := brief(t, "check", file)
	if r.code != 1 {
		t.Fatalf("check exited %d, want 1", r.code)
	}
	// The error points at the first character that differs, on its own
	// line, not at the quote's start.
	col := utf8.RuneCountInString(lines[at][:strings.Index(lines[at], "Qaeda")]) + 1
	want := fmt.Sprintf("%s:%d:%d: quote not found in the article", file, at+1, col)
	if !strings.HasPrefix(r.stderr, want) {
		t.Errorf("stderr = %q, want it to start %q", r.stderr, want)
	}
	if !strings.Contains(r.stderr, "“Qaeda") || !strings.Contains(r.stderr, "the article has “Daesh.") {
		t.Errorf("the error should show where the quote differs: %q", r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "FAIL "+file) {
		t.Errorf("stdout = %q", r.stdout)
	}
}

// everything lists what a complete export of the seed must hold.
func everything(b *model.Briefing) []string {
	var s []string
	for _, p := range b.Points() {
		s = append(s, p.Text)
	}
	for _, e := range b.Timeline {
		s = append(s, e.Title)
	}
	for _, a := range b.Actors {
		s = append(s, a.Name)
	}
	for _, g := range b.Glossary {
		s = append(s, g.Term)
	}
	return s
}

var mdEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
var tag = regexp.MustCompile(`<[^>]*>`)

func TestCLIExport(t *testing.T) {
	t.Parallel()
	b := seed(t)
	md := brief(t, "export", "--format", "md").ok(t, "export md").stdout
	page := brief(t, "export", "--format", "html").ok(t, "export html").stdout
	js := brief(t, "export", "--format", "json").ok(t, "export json").stdout
	mdText := mdEscape.ReplaceAllString(md, "$1")
	htmlText := html.UnescapeString(tag.ReplaceAllString(page, ""))
	for _, want := range everything(b) {
		if !strings.Contains(mdText, want) {
			t.Errorf("Markdown export lacks %q", want)
		}
		if !strings.Contains(htmlText, want) {
			t.Errorf("HTML export lacks %q", want)
		}
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.HasSuffix(page, "</html>\n") {
		t.Error("HTML export is not a complete document")
	}
	var doc struct {
		Themes []struct {
			Points []struct{ ID string }
		}
		Timeline, Actors, Glossary []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	points := 0
	for _, th := range doc.Themes {
		points += len(th.Points)
	}
	if points != len(b.Points()) || len(doc.Timeline) != len(b.Timeline) || len(doc.Actors) != len(b.Actors) || len(doc.Glossary) != len(b.Glossary) {
		t.Errorf("JSON export holds %d points, %d events, %d actors, %d terms", points, len(doc.Timeline), len(doc.Actors), len(doc.Glossary))
	}
	for name, out := range map[string]string{"md": md, "html": page, "json": js} {
		noEscapes(t, "export "+name, out)
	}
}

func TestCLIExportToFile(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "handout.html")
	r := brief(t, "export", "--format", "html", "-o", out).ok(t, "export -o")
	if r.stdout != "" {
		t.Errorf("export -o also wrote to stdout: %q", r.stdout[:min(len(r.stdout), 80)])
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "<!DOCTYPE html>") {
		t.Error("the file is not the HTML export")
	}
	if r := brief(t, "export", "--format", "md", "-o", filepath.Join(t.TempDir(), "no", "such", "dir.md")); r.code != 1 {
		t.Errorf("export to an impossible path exited %d, want 1", r.code)
	}
}

func TestCLIPipedOutputIsPlain(t *testing.T) {
	t.Parallel()
	b := seed(t)
	printed := brief(t, "print").ok(t, "print").stdout
	noEscapes(t, "brief print | cat", printed)
	for _, want := range everything(b) {
		if !strings.Contains(strings.Join(strings.Fields(printed), " "), want) {
			t.Errorf("print lacks %q", want)
		}
	}
	for i, l := range strings.Split(printed, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("print line %d is %d characters wide, more than 80: %q", i+1, n, l)
		}
	}

	bare := brief(t).ok(t, "brief with stdout piped")
	if bare.stdout != printed {
		t.Error("brief with stdout piped should print what brief print does")
	}

	tl := brief(t, "timeline").ok(t, "timeline").stdout
	noEscapes(t, "brief timeline | cat", tl)
	for _, e := range b.Timeline {
		if !strings.Contains(tl, e.When.Label()) {
			t.Errorf("timeline lacks %q", e.When.Label())
		}
	}
	// The axis, piped: 80 columns, every line within them, the article's
	// date marked and most events named.
	ax := brief(t, "timeline", "--axis").ok(t, "timeline --axis").stdout
	noEscapes(t, "brief timeline --axis | cat", ax)
	named := 0
	for _, e := range b.Timeline {
		word, _, _ := strings.Cut(e.Title, " ")
		if strings.Contains(ax, e.When.Label()+" "+word) {
			named++
		}
	}
	if named < 6 || !strings.Contains(ax, "article · ") {
		t.Errorf("timeline --axis names %d events:\n%s", named, ax)
	}
	for i, l := range strings.Split(ax, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("axis line %d is %d characters wide: %q", i+1, n, l)
		}
	}
	if wide := brief(t, "timeline", "--axis", "--width", "160").ok(t, "timeline --axis --width 160").stdout; !strings.Contains(wide, strings.Repeat("─", 90)[:3]) || wide == ax {
		t.Error("--width does not widen the axis")
	}
	if narrow := brief(t, "print", "--width", "40").ok(t, "print --width 40").stdout; narrow == printed {
		t.Error("--width had no effect")
	}
}
