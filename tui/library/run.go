// Package library is the library of brief: a picker over the briefings
// found under a folder (title, date, source, what each holds, and the
// files that cannot be loaded, with their error), filtered by typing,
// from which a briefing opens in explore mode. It also lays out the
// results of brief search.
package library

import (
	"context"
	"errors"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/brief-cli/brief/tui/jobctl"
	"github.com/brief-cli/brief/tui/style"
	"github.com/charmbracelet/colorprofile"
)

// ErrInterrupted is returned by Run when the reader pressed ctrl+c.
var ErrInterrupted = errors.New("interrupted")

// Options configure a run of the library.
type Options struct {
	// Theme is auto, dark, light or high-contrast ("" is auto).
	Theme string
	In    io.Reader
	Out   io.Writer
	// Env is the environment (os.Environ() when nil); NO_COLOR set to any
	// non-empty value in it turns colours off.
	Env []string
}

// Run shows the library of dir until the reader opens a briefing or
// quits. Without st.Library it loads the library with load, showing its
// progress when that takes long. The terminal is restored on every way
// out.
func Run(ctx context.Context, dir string, load Loader, st State, opts Options) (Result, error) {
	if err := style.CheckTheme(opts.Theme); err != nil {
		return Result{State: st}, err
	}
	env := opts.Env
	if env == nil {
		env = os.Environ()
	}
	noColor := style.NoColor(env)
	lctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops a load still running when the reader quits
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithEnvironment(env), tea.WithFPS(style.FPS)}
	if opts.In != nil {
		popts = append(popts, tea.WithInput(opts.In))
	}
	if opts.Out != nil {
		popts = append(popts, tea.WithOutput(opts.Out))
	}
	if noColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
	}
	final, err := jobctl.Run(New(lctx, dir, load, st, opts.Theme, noColor), opts.In, popts...)
	res := Result{State: st}
	if m, ok := final.(Model); ok {
		res.State, res.Open = m.State(), m.result.Open
		switch {
		case m.err != nil:
			return res, m.err
		case m.interrupted:
			return res, ErrInterrupted
		}
	}
	switch {
	case err == nil:
		return res, nil
	case errors.Is(err, tea.ErrInterrupted):
		return res, ErrInterrupted
	case ctx.Err() != nil:
		return res, ctx.Err()
	}
	return res, err
}
