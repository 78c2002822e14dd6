package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	mlibrary "github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/tui/library"
)

func init() { register(newSearchCmd) }

// maxSearchQuery bounds a query, as the search palette does.
const maxSearchQuery = 256

func newSearchCmd() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY [FILE|DIR]",
		Short: "Search briefings from the command line, as the search palette does",
		Long: `Search a briefing, or every briefing of a library, for QUERY: points, sentences of
the article, events, actors, glossary terms and themes, as explore mode's search
palette (/) does. The words of QUERY match in any order, ignoring case, with
typos forgiven; results come best first: the words as a phrase, then whole
words, then looser matches. fzf's operators work too:

  'word   exactly this word      ^word   at the start of the text
  word$   at the end of the text !word   not this word
  a | b   either a or b

Each result names its address, FILE#ID (a point's or event's id, or a sentence
as p3.s2: "brief FILE#ID" opens it), its kind and its text. Piped, one result a
line, tab-separated, with the matched characters in [brackets]; on a terminal
the matched characters are underlined. --json writes an array of results
instead.

With no FILE the built-in briefing is searched. A DIR is a library, as for
"brief DIR": its broken files are skipped with a warning. The exit status is 0,
also when nothing matches (stderr then says "no matches"); 1 when the briefing
or the folder cannot be read.`,
		Example: `  brief search moscw
  brief search "ground real" russia.brief.md
  brief search "asia central !kazakhstan"
  brief search taliban briefings/ --limit 5
  brief search daesh --json | jq -r '.[].id'`,
		Args:              args(cobra.RangeArgs(1, 2)),
		ValidArgsFunction: searchCompletion,
		RunE: func(cmd *cobra.Command, a []string) error {
			query := a[0]
			switch {
			case query == "":
				return commandUsageError(cmd, errors.New("the query is empty"))
			case utf8.RuneCountInString(query) > maxSearchQuery:
				return commandUsageError(cmd, fmt.Errorf("the query is longer than %d characters", maxSearchQuery))
			case limit < 0:
				return commandUsageError(cmd, fmt.Errorf("--limit must be 0 (no limit) or more, not %d", limit))
			}
			// One search and out: the garbage collector waits until the
			// heap is large, since the memory is given back at exit.
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(searchMemory)
			briefings, hits, lib, err := search(cmd, query, limit, a[1:])
			if err != nil {
				return err
			}
			if err := cmd.Context().Err(); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(hits) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "no matches for %q\n", query)
			}
			if asJSON {
				return outputError(catalog.WriteSearchJSON(out, hits, briefings))
			}
			if len(hits) == 0 {
				return nil
			}
			return outputError(library.WriteHits(out, hits, briefings, library.HitsOptions{
				Styled: stdoutIsTerminal(), Env: os.Environ(), Library: lib,
			}))
		},
	}
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "show at most N results (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the results as a JSON array")
	return cmd
}

// searchMemory is the heap size at which brief search starts collecting
// garbage.
const searchMemory = 1 << 30

// search loads what a search covers and runs it: the built-in briefing, a
// briefing file, or the briefings of a library folder (lib reports one).
// Broken files of a library are reported on stderr and skipped.
func search(cmd *cobra.Command, query string, limit int, a []string) (bs []*model.Briefing, hits []catalog.SearchHit, lib bool, err error) {
	ctx := cmd.Context()
	if len(a) == 1 {
		if st, serr := os.Stat(a[0]); serr == nil && st.IsDir() {
			l, hits := catalog.SearchLibrary(ctx, filepath.Clean(a[0]), query, limit)
			if l.Err != nil {
				return nil, nil, true, inputError(l.Err)
			}
			warnBroken(cmd, l)
			bs = l.Briefings()
			if len(bs) == 0 {
				if len(l.Entries) > 0 {
					return nil, nil, true, reportedError(exitInvalid, errors.New("no briefing loads"))
				}
				return nil, nil, true, inputError(fmt.Errorf("%s: no briefings (*.brief.md or *.txt) in this folder", a[0]))
			}
			return bs, hits, true, nil
		}
	}
	b, err := loadBriefing(a)
	if err != nil {
		return nil, nil, false, err
	}
	bs = []*model.Briefing{b}
	return bs, catalog.SearchBriefings(ctx, query, limit, bs...), false, nil
}

// warnBroken says which files of a library were skipped, and why (their
// first problem).
func warnBroken(cmd *cobra.Command, l *mlibrary.Library) {
	const most = 10
	w := cmd.ErrOrStderr()
	n := 0
	for _, e := range l.Entries {
		if e.Err == nil {
			continue
		}
		n++
		if n <= most {
			fmt.Fprintf(w, "brief: skipped %s\n", e.Problems()[0])
		}
	}
	if n > most {
		fmt.Fprintf(w, "brief: skipped %d more broken files\n", n-most)
	}
	if l.Skipped > 0 {
		fmt.Fprintf(w, "brief: searched the first %d files; %d more were left out\n", mlibrary.MaxFiles, l.Skipped)
	}
}

// searchCompletion completes briefing files and folders after the query.
func searchCompletion(_ *cobra.Command, a []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(a) != 1 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []string{"brief.md", "txt"}, cobra.ShellCompDirectiveFilterFileExt
}
