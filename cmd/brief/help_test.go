package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// allCommands is the command tree under root, root first.
func allCommands(root *cobra.Command) []*cobra.Command {
	cmds := []*cobra.Command{root}
	for i := 0; i < len(cmds); i++ {
		for _, c := range cmds[i].Commands() {
			if !c.Hidden {
				cmds = append(cmds, c)
			}
		}
	}
	return cmds
}

func plainHelp(c *cobra.Command, width int) string {
	return renderHelp(c, width, helpStyles{})
}

// TestHelpWrapsOnWordsAtEveryWidth checks every command's help at widths
// from narrow to wide: no line ends in a space, none is wider than the width
// unless it is one unbreakable word, and the words are exactly those of the
// widest layout, in the same order, so no word was broken or lost.
func TestHelpWrapsOnWordsAtEveryWidth(t *testing.T) {
	root := newRootCmd()
	addExamples(root)
	for _, c := range allCommands(root) {
		c.InitDefaultHelpFlag()
		wide := strings.Fields(plainHelp(c, 1000))
		if len(wide) < 5 {
			t.Fatalf("%s: help is nearly empty: %q", c.CommandPath(), wide)
		}
		for _, width := range []int{24, 40, 52, 60, 80, 100, 120} {
			help := plainHelp(c, width)
			for i, line := range strings.Split(help, "\n") {
				if strings.HasSuffix(line, " ") {
					t.Errorf("%s at %d: line %d ends in a space: %q", c.CommandPath(), width, i+1, line)
				}
				if ansi.StringWidth(line) > width && len(strings.Fields(line)) > 1 {
					t.Errorf("%s at %d: line %d is %d wide: %q", c.CommandPath(), width, i+1, ansi.StringWidth(line), line)
				}
			}
			if got := strings.Fields(help); !slices.Equal(got, wide) {
				t.Errorf("%s at %d: the words differ from the wide layout:\n%s", c.CommandPath(), width, help)
			}
		}
	}
}

func TestHelpSections(t *testing.T) {
	root := newRootCmd()
	addExamples(root)
	help := plainHelp(root, 80)
	for _, want := range []string{"\n  USAGE\n\n    brief [command] [FILE|DIR] [--flags]\n", "\n  EXAMPLES\n", "\n  COMMANDS\n", "\n  FLAGS\n", "--theme theme"} {
		if !strings.Contains(help, want) {
			t.Errorf("root help lacks %q:\n%s", want, help)
		}
	}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && !matches(help, "\n    "+c.Name()+"\\b") {
			t.Errorf("root help does not list %s", c.Name())
		}
	}
	// An inherited flag is listed apart from the command's own.
	print, _, err := root.Find([]string{"print"})
	if err != nil {
		t.Fatal(err)
	}
	print.InitDefaultHelpFlag()
	ph := plainHelp(print, 80)
	own, global, ok := strings.Cut(ph, "GLOBAL FLAGS")
	if !ok || !strings.Contains(own, "-w, --width N") || !strings.Contains(global, "--theme theme") || strings.Contains(own, "--theme") {
		t.Errorf("print's own and global flags are not apart:\n%s", ph)
	}
}

func matches(s, pattern string) bool {
	return regexp.MustCompile(pattern).MatchString(s)
}

func TestReflow(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		width      int
		want       []string
	}{
		{
			name:  "a paragraph's lines are joined and wrapped again",
			text:  "one two three\nfour five six seven\n\neight nine",
			width: 14,
			want:  []string{"one two three", "four five six", "seven", "", "eight nine"},
		},
		{
			name:  "a definition keeps its column and hangs under it",
			text:  "    json   the whole parsed model\n    md     a handout:\n           themes and points",
			width: 26,
			want:  []string{"    json   the whole", "           parsed model", "    md     a handout:", "           themes and", "           points"},
		},
		{
			name:  "an indented command stays on its own line",
			text:  "To load:\n\n\tsource <(brief completion bash)\n\nDone.",
			width: 80,
			want:  []string{"To load:", "", "    source <(brief completion bash)", "", "Done."},
		},
		{
			name:  "a word longer than the width is never broken",
			text:  "see https://example.org/a/very/long/path now",
			width: 12,
			want:  []string{"see", "https://example.org/a/very/long/path", "now"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := reflow(tc.text, tc.width); !slices.Equal(got, tc.want) {
				t.Errorf("reflow at %d:\n got %q\nwant %q", tc.width, got, tc.want)
			}
		})
	}
}

func TestTableMovesDescriptionsUnderNarrowKeys(t *testing.T) {
	rows := [][2]string{{"-a, --all", "every item there is"}, {"    --a-very-long-flag-name string", "what it does"}}
	wide := table(rows, 80, helpStyles{}.flag)
	if !strings.Contains(wide, "-a, --all                           every item there is\n") {
		t.Errorf("at 80 the descriptions should share a column:\n%s", wide)
	}
	narrow := table(rows, 50, helpStyles{}.flag)
	if !strings.Contains(narrow, "    -a, --all\n            every item there is\n") {
		t.Errorf("at 50 each description should go under its key:\n%s", narrow)
	}
}
