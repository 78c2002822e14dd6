package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/safefile"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
	"github.com/brief-cli/brief/store"
)

func init() { register(newExportCmd) }

// exportFormats maps --format values to the writers of the model; the
// handouts take options (speaker notes, the reader's notes), JSON is the
// whole model.
var exportFormats = map[string]func(io.Writer, *model.Briefing, export.Options) error{
	"json": func(w io.Writer, b *model.Briefing, _ export.Options) error { return export.JSON(w, b) },
	"md":   export.MarkdownHandout,
	"html": export.HTMLHandout,
}

func newExportCmd() *cobra.Command {
	var format, output string
	var notes, speaker bool
	cmd := &cobra.Command{
		Use:   "export --format json|md|html [FILE]",
		Short: "Export the briefing as JSON, a Markdown handout or a printable HTML page",
		Long: `Export the briefing to standard output, or to a file with -o.

  json   the whole parsed model (its JSON Schema ships as briefing.schema.json)
  md     a Markdown handout: themes, points with their quotes, timeline, actors,
         glossary, questions and the article
  html   the same handout as one self-contained, printable HTML page (no scripts,
         no external resources)

A handout is what the audience takes home: the speaker's notes of the
briefing are left out unless --speaker-notes puts them in.

With --notes (md and html) the handout adds your bookmarks and notes on the
briefing, as written in explore mode, under their own heading "Your notes"
before the article, each under the full title of its item (the html page
gives them a table of contents); notes on items the briefing no longer has
are listed too, marked as such.

With -o the file is written atomically: it is either the complete export or left
as it was.`,
		Example: `  brief export --format json > briefing.json
  brief export --format md russia.brief.md > handout.md
  brief export --format html -o handout.html russia.brief.md
  brief export --format md --notes russia.brief.md > my-notes.md
  brief export --format html --speaker-notes -o script.html`,
		Args:              args(cobra.MaximumNArgs(1)),
		ValidArgsFunction: briefingCompletion,
		RunE: func(cmd *cobra.Command, a []string) error {
			write, ok := exportFormats[format]
			if !ok {
				if format == "" {
					return commandUsageError(cmd, fmt.Errorf("--format is required: json, md or html"))
				}
				return commandUsageError(cmd, fmt.Errorf("unknown export format %q: use json, md or html", format))
			}
			if (notes || speaker) && format == "json" {
				return commandUsageError(cmd, fmt.Errorf("--notes and --speaker-notes make handouts (md, html); json holds the whole model"))
			}
			b, err := loadBriefing(a)
			if err != nil {
				return err
			}
			opts := export.Options{SpeakerNotes: speaker}
			if notes {
				if opts.Notes, err = studyNotes(b); err != nil {
					return err
				}
			}
			if output == "" || safefile.IsStdout(output) {
				return outputError(write(cmd.OutOrStdout(), b, opts))
			}
			return writeFileAtomic(output, func(w io.Writer) error { return write(w, b, opts) })
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "", "output format: json, md or html (required)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().BoolVar(&notes, "notes", false, "add your bookmarks and notes under their own heading (md, html)")
	cmd.Flags().BoolVar(&speaker, "speaker-notes", false, "put the speaker's notes in the handout (left out by default)")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"json\tthe parsed model", "md\ta Markdown handout", "html\ta printable HTML page"}, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// studyNotes reads the reader's bookmarks and notes on a briefing: those
// on its items in reading order, then the orphaned ones.
func studyNotes(b *model.Briefing) ([]export.NoteEntry, error) {
	st, warn, err := store.Open(b, store.Options{})
	if err != nil {
		return nil, inputError(fmt.Errorf("reading notes: %w", err))
	}
	defer st.Close()
	if warn != nil {
		fmt.Fprintln(os.Stderr, "brief: warning:", warn)
	}
	var out []export.NoteEntry
	for _, e := range st.Notes() {
		out = append(out, export.NoteEntry{Ref: e.Ref, Label: e.Label, Note: e.Note, Bookmarked: e.Bookmarked})
	}
	for _, e := range st.Orphans() {
		out = append(out, export.NoteEntry{Ref: e.Ref, Label: e.Label, Note: e.Note, Bookmarked: e.Bookmarked, Orphaned: true})
	}
	return out, nil
}

// writeFileAtomic writes name through a temporary file in the same folder,
// renamed into place once complete, so a failed export never leaves a
// half-written file. It follows a symbolic link to its target, keeps the
// file's mode and owner, and refuses what is not a regular file, a file
// the user may not write and a file with other hard links (safefile).
func writeFileAtomic(name string, write func(io.Writer) error) error {
	if err := safefile.Write(name, 0o644, write); err != nil {
		return inputError(fmt.Errorf("%s: %w", name, unwrapPath(err)))
	}
	return nil
}
