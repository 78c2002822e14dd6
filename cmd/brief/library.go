package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	mlibrary "github.com/brief-cli/brief/model/library"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/explore"
	"github.com/brief-cli/brief/tui/library"
)

// runLibrary opens a folder of briefings: on a terminal the library
// picker, from which a briefing opens in explore mode and to which
// quitting explore mode returns; piped, the list as plain text.
func runLibrary(cmd *cobra.Command, dir string, theme string) error {
	if !stdoutIsTerminal() {
		return writeLibraryPlain(cmd, dir)
	}
	load := func(ctx context.Context, progress func(done, total int)) *mlibrary.Library {
		return mlibrary.Load(ctx, dir, progress)
	}
	return interactively(func() error {
		ctx := cmd.Context()
		var st library.State
		for {
			res, err := library.Run(ctx, dir, load, st, library.Options{Theme: theme, In: os.Stdin, Out: os.Stdout})
			switch {
			case errors.Is(err, library.ErrInterrupted):
				return reportedError(exitInterrupted, err)
			case ctx.Err() != nil:
				return ctx.Err()
			case err != nil:
				return inputError(err)
			case res.Open == nil:
				return nil
			}
			st = res.State
			st.Status = ""
			// A hit of the search palette in another briefing of the library
			// opens that briefing there, and so on, until the reader quits.
			open, gotoID := res.Open.Briefing, ""
			for open != nil {
				exit, err := explore.RunInLibrary(ctx, open, st.Library.Briefings(), explore.Options{Theme: theme, In: os.Stdin, Out: os.Stdout, Goto: gotoID})
				switch {
				case errors.Is(err, explore.ErrInterrupted):
					return reportedError(exitInterrupted, err)
				case ctx.Err() != nil:
					return ctx.Err()
				case err != nil:
					st.Status = "explore mode ended: " + err.Error()
				}
				refreshEntry(st.Library, open.File)
				open, gotoID = exit.Open, exit.Goto
				if open != nil {
					st.Selected = open.File
				}
			}
		}
	})
}

// refreshEntry loads a file of the library again, since it may have been
// edited while it was open.
func refreshEntry(lib *mlibrary.Library, path string) {
	for i, e := range lib.Entries {
		if e.Path == path {
			lib.Entries[i] = mlibrary.LoadEntry(path)
		}
	}
}

// writeLibraryPlain lists a library as plain text: for each file its
// title, publication date, source and what it holds, and its path; or
// its path and first problem.
func writeLibraryPlain(cmd *cobra.Command, dir string) error {
	lib := mlibrary.Load(cmd.Context(), dir, nil)
	if lib.Err != nil {
		return inputError(lib.Err)
	}
	if len(lib.Entries) == 0 {
		return inputError(fmt.Errorf("%s: no briefings (*.brief.md or *.txt) in this folder", sanitize.Line(dir)))
	}
	out := cmd.OutOrStdout()
	for _, e := range lib.Entries {
		path := sanitize.Line(e.Path)
		if e.Err != nil {
			if _, err := fmt.Fprintf(out, "%s\n    error: %s\n", path, sanitize.Line(e.Problems()[0])); err != nil {
				return outputError(err)
			}
			continue
		}
		holds := fmt.Sprintf("%d themes, %d points, %d events, %d actors", e.Themes, e.Points, e.Events, e.Actors)
		if e.Plain {
			holds = fmt.Sprintf("article, %d sentences", e.Sentences)
		}
		if _, err := fmt.Fprintf(out, "%s\n    %s · %s · %s\n    %s\n", sanitize.Line(e.Title), e.Published, sanitize.Line(e.Source), holds, path); err != nil {
			return outputError(err)
		}
	}
	if lib.Skipped > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "brief: listed the first %d files; %d more were left out\n", mlibrary.MaxFiles, lib.Skipped)
	}
	return nil
}
