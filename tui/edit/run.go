package edit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/brief-cli/brief/model/edit"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/tui/jobctl"
	"github.com/brief-cli/brief/tui/style"
)

// Options configure a run of edit mode.
type Options struct {
	// Theme is auto, dark, light or high-contrast ("" is auto).
	Theme string
	// Autosave saves after every change.
	Autosave bool
	In       io.Reader
	Out      io.Writer
	// Env is the environment (the process's when nil); NO_COLOR in it
	// turns colours off.
	Env []string
}

// ErrInterrupted is returned when the user quit with ctrl+c (unsaved
// changes are lost, as the key says); the command line exits 130.
var ErrInterrupted = fmt.Errorf("interrupted: %w", tea.ErrInterrupted)

// Run opens edit mode on a briefing file and returns when the user quits.
func Run(ctx context.Context, doc *edit.Doc, opts Options) error {
	if err := style.CheckTheme(opts.Theme); err != nil {
		return err
	}
	noColor := style.NoColor(opts.Env)
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(style.FPS)}
	if opts.Env != nil {
		popts = append(popts, tea.WithEnvironment(opts.Env))
	}
	if opts.In != nil {
		popts = append(popts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		popts = append(popts, tea.WithOutput(opts.Out))
	}
	if noColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	// Through jobctl, as every terminal program of brief: ctrl+z and
	// SIGTSTP suspend cleanly, and a panic is one line with a crash log.
	final, err := jobctl.Run(New(doc, opts.Theme, noColor, opts.Autosave), opts.In, popts...)
	if ctx.Err() != nil {
		// Ended by a signal (a closed terminal, SIGTERM, ctrl+\): the
		// changes not yet saved are kept beside the file, never lost.
		if p, kerr := doc.KeepUnsaved(); kerr != nil {
			fmt.Fprintf(os.Stderr, "brief: unsaved changes to %s are lost: %v\n", sanitize.Line(doc.Name), kerr)
		} else if p != "" {
			fmt.Fprintf(os.Stderr, "brief: unsaved changes to %s kept in %s\n", sanitize.Line(doc.Name), sanitize.Line(p))
		}
	}
	if m, ok := final.(Model); ok && m.interrupted && err == nil {
		return ErrInterrupted
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return err
}
