package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/draft"
)

func init() { register(newNewCmd) }

func newNewCmd() *cobra.Command {
	var output, subject, published string
	var force bool
	cmd := &cobra.Command{
		Use:   "new ARTICLE.txt [-o FILE]",
		Short: "Draft a briefing from a plain article",
		Long: `Draft a briefing from a plain article (a title line, an optional date line
"- YYYY-MM-DD hh:mm:ss", then paragraphs). The draft passes brief check as it is:

  metadata     title, source and date from the article, "article:" set, and
               "subject:" from --subject or left as a TODO
  themes       three to eight, by topic: runs of paragraphs that use the same
               words, each titled by a phrase they share, with a point for
               every sentence — the sentence quoted, its main clause as the
               claim, attributions ("officials said") dropped
  timeline     one event per date the text gives — years, months, days, decades,
               early/mid/late parts, spans, dates relative to publication ("this
               month", "three days ago", "since February 29", "within 14 months",
               "an 18-year-long war") — quoting the clause around the date,
               titled by that clause without the date; planned ones marked
  actors       states (their demonyms and capitals count: "Chinese" and "Beijing"
               name China), international bodies, people named with a
               title or quoted ("spokesman Zhao Lijian", "…,” Lijian noted"),
               and other names used twice, each with a kind; places and news
               outlets are left out
  glossary     acronyms, spelled out in the text ("Economic Corridor (CPEC)")
               or not ("ISIS"), with the definition to write
  skip         captions and credit lines ("FILE - …", "(AP Photo/…)"),
               bylines and subheadings

Every drafted item carries "- draft: yes": delete the line once the item reads
right; brief check --strict fails while any remain. It finds most of what an
author would, not all: read the draft before you trust it (the authoring guide
lists what it misses). Without -o the draft goes to standard output, with
"article:" relative to the current folder. -o writes atomically and never
replaces an existing file unless --force is given.`,
		Example: `  brief new article.txt -o article.brief.md
  brief new article.txt --subject "the new government" -o article.brief.md
  brief check --strict article.brief.md`,
		Args: args(cobra.ExactArgs(1)),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"txt"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, a []string) error {
			article := a[0]
			data, err := safefile.ReadFile(article, model.MaxFileSize)
			if err != nil {
				return inputError(fmt.Errorf("%s: %w", article, unwrapPath(err)))
			}
			dir := "."
			if output != "" && !safefile.IsStdout(output) {
				if same, _ := sameFile(article, output); same {
					return commandUsageError(cmd, fmt.Errorf("-o %s would replace the article itself", output))
				}
				dir = filepath.Dir(output)
				if _, err := os.Stat(output); err == nil && !force {
					return inputError(fmt.Errorf("%s already exists; give --force to replace it", output))
				}
			}
			rel, err := articlePath(dir, article)
			if err != nil {
				return inputError(err)
			}
			opts := draft.Options{ArticlePath: rel, Subject: subject, Published: published}
			d, err := draft.Analyse(article, data, opts)
			if err != nil {
				return inputError(err)
			}
			text := d.Write(opts)
			if output == "" || safefile.IsStdout(output) {
				_, err := io.WriteString(cmd.OutOrStdout(), text)
				return outputError(err)
			}
			if err := writeFileAtomic(output, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
				return err
			}
			points := 0
			for _, t := range d.Themes {
				points += len(t.Points)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s: %s, %s, %s, %s, %s drafted; %s skipped\nnext: review each item, then brief check --strict %s\n", output,
				plural(len(d.Themes), "theme"), plural(points, "point"), plural(len(d.Events), "event"), plural(len(d.Actors), "actor"), plural(len(d.Terms), "term"), plural(len(d.Skip), "passage"), output)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the draft to `FILE` instead of standard output")
	cmd.Flags().StringVar(&subject, "subject", "", "what the actors' stances are toward, as `TEXT` (\"the new government\")")
	cmd.Flags().StringVar(&published, "published", "", "publication `DATE` (YYYY-MM-DD) when the article has no date line")
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing -o file")
	return cmd
}

// articlePath is the article's path as "article:" names it from the folder
// of the briefing, which must hold it (docs/format.md): a briefing names
// its article by a relative path inside its folder.
func articlePath(dir, article string) (string, error) {
	abs, err := filepath.Abs(article)
	if err != nil {
		return "", err
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if rel, err := filepath.Rel(absDir, abs); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel), nil
	}
	return "", fmt.Errorf("%s is outside the briefing's folder %s: a briefing reads its article from its own folder; write the briefing beside the article", article, dir)
}

// sameFile reports whether a and b name one file (b need not exist).
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
