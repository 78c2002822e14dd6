package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/seeds"
)

func init() { register(newCheckCmd) }

func newCheckCmd() *cobra.Command {
	var coverage, strict bool
	cmd := &cobra.Command{
		Use:   "check [FILE|DIR...]",
		Short: "Validate briefings and report every problem as file:line:col",
		Long: `Load each briefing and report every problem found, one a line on standard error,
as file:line:col: message — quotes that are not in the article word for word,
references that do not resolve, duplicate ids, bad dates and so on. For each file
that loads, a one-line summary goes to standard output.

Warnings — a quote found more than once, an actor the article never names, a
name on two actors, deck points of another theme, text a slide drops, Markdown
in plain text, a run of hidden characters — are shown as file:line:col:
warning: message but do not fail the check unless --strict is given. --strict also fails while items that
brief new drafted are not yet reviewed (each carries "- draft: yes"; delete
the line once the item reads right), and says how many of each kind remain.

With --coverage, the sentences no item cites are listed with their ids, except
those "skip:" leaves out (captions, subheadings).

A DIR is searched for *.brief.md files. With no argument the built-in briefing is
checked. The exit status is 0 when every file is valid and 1 otherwise.`,
		Example: `  brief check russia.brief.md
  brief check --coverage --strict draft.brief.md
  brief check briefings/
  brief check a.brief.md b.brief.md 2> problems.txt`,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"brief.md", "txt"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, a []string) error {
			files, err := checkTargets(a)
			if err != nil {
				return err
			}
			out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
			failed := 0
			for _, f := range files {
				b, err := f.load()
				if err != nil {
					failed++
					problems := strings.Split(strings.TrimRight(err.Error(), "\n"), "\n")
					for _, p := range problems {
						fmt.Fprintln(errOut, sanitize.Line(p))
					}
					for _, l := range fixLines(f.name, problems) {
						fmt.Fprintln(errOut, sanitize.Line(l))
					}
					// A file name is text from outside like any other.
					fmt.Fprintf(out, "FAIL %s (%s)\n", sanitize.Line(f.name), plural(len(problems), "problem"))
					continue
				}
				for _, w := range b.Warnings {
					fmt.Fprintln(errOut, sanitize.Line(fmt.Sprint(w)))
				}
				if d := b.Drafted(); strict && (len(b.Warnings) > 0 || d.Total() > 0) {
					failed++
					var why []string
					if len(b.Warnings) > 0 {
						why = append(why, plural(len(b.Warnings), "warning"))
					}
					if d.Total() > 0 {
						fmt.Fprintf(errOut, "%s: %s not yet reviewed (%s): delete each \"- draft: yes\" line once the item reads right\n", sanitize.Line(f.name), plural(d.Total(), "drafted item"), d)
						why = append(why, plural(d.Total(), "drafted item"))
					}
					fmt.Fprintf(out, "FAIL %s (%s, --strict)\n", sanitize.Line(f.name), strings.Join(why, ", "))
					continue
				}
				fmt.Fprintf(out, "ok   %s (%s; %s%s)\n", sanitize.Line(f.name), b.Summary(), citedSummary(b), warned(b))
				if coverage {
					for _, s := range uncited(b) {
						fmt.Fprintf(out, "  %-7s %s\n", s.ID, s.Text)
					}
				}
			}
			if failed > 0 {
				return reportedError(exitInvalid, fmt.Errorf("%d of %d files failed the check", failed, len(files)))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&coverage, "coverage", false, "list the sentences no item cites, with their ids")
	cmd.Flags().BoolVar(&strict, "strict", false, "fail on warnings and on drafted items not yet reviewed too")
	return cmd
}

// uncited lists the sentences nothing cites, leaving out skipped ones.
func uncited(b *model.Briefing) []*model.Sentence {
	var out []*model.Sentence
	for _, s := range b.Sentences() {
		if len(b.CitedBy(s.ID)) == 0 && !b.Skipped(s) {
			out = append(out, s)
		}
	}
	return out
}

func warned(b *model.Briefing) string {
	s := ""
	if len(b.Warnings) > 0 {
		s = "; " + plural(len(b.Warnings), "warning")
	}
	if n := b.TODOs(); n > 0 {
		s += fmt.Sprintf("; %s left", plural(n, "TODO"))
	}
	if d := b.Drafted(); d.Total() > 0 {
		s += fmt.Sprintf("; %s to review", plural(d.Total(), "drafted item"))
	}
	return s
}

type checkTarget struct {
	name string
	load func() (*model.Briefing, error)
}

// checkTargets expands the arguments: files as given, directories to the
// briefings under them, nothing to the built-in briefing.
func checkTargets(a []string) ([]checkTarget, error) {
	if len(a) == 0 {
		return []checkTarget{{name: "(built-in) " + seeds.Name, load: seeds.Load}}, nil
	}
	var out []checkTarget
	file := func(name string) checkTarget {
		return checkTarget{name: name, load: func() (*model.Briefing, error) { return model.Load(name) }}
	}
	for _, arg := range a {
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			out = append(out, file(arg)) // a missing file is reported by the load
			continue
		}
		n := len(out)
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), ".brief.md") {
				out = append(out, file(p))
			}
			return nil
		})
		if err != nil {
			return nil, inputError(err)
		}
		if len(out) == n {
			return nil, inputError(errors.New(arg + ": no *.brief.md files in this folder"))
		}
	}
	return out, nil
}

// citedSummary says how many of the article's sentences the briefing cites,
// not counting those "skip:" leaves out.
func citedSummary(b *model.Briefing) string {
	var all []*model.Sentence
	cited := 0
	for _, s := range b.Sentences() {
		if b.Skipped(s) {
			continue
		}
		all = append(all, s)
		if len(b.CitedBy(s.ID)) > 0 {
			cited++
		}
	}
	if cited == len(all) {
		return fmt.Sprintf("all %s cited", plural(len(all), "sentence"))
	}
	return fmt.Sprintf("%d of %s cited", cited, plural(len(all), "sentence"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// fixLines closes a list of problems with one line for each cause that
// several quotes share, naming the fix.
func fixLines(name string, problems []string) []string {
	fixable, skipping := 0, 0
	for _, p := range problems {
		switch {
		case strings.Contains(p, "(brief fix rewrites it)"):
			fixable++
		case strings.Contains(p, "a quote cannot skip words"):
			skipping++
		}
	}
	var out []string
	if fixable > 1 {
		out = append(out, fmt.Sprintf("%s: %d quotes differ from the article only in quotation marks, apostrophes or dashes: brief fix %s rewrites them all", name, fixable, name))
	}
	if skipping > 1 {
		out = append(out, fmt.Sprintf("%s: %d quotes skip words with \"…\": split each into one quote per part", name, skipping))
	}
	return out
}
