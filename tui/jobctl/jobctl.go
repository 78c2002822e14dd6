// Package jobctl gives brief's terminal programs the shell's job control.
//
// Bubble Tea puts the terminal in raw mode, so ctrl+z reaches the program
// as a key rather than as SIGTSTP, and a SIGTSTP sent from outside (kill
// -TSTP, a shell's suspend) would stop the process with the terminal still
// in the alternate screen and raw mode. Run fixes both: ctrl+z and SIGTSTP
// restore the terminal, stop the process, and on SIGCONT (fg) the program
// takes the screen back and draws it again.
package jobctl

import (
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// SuspendKey is the key that suspends a program, as the shell's job control
// does outside it.
const SuspendKey = "ctrl+z"

// Run runs a Bubble Tea program on model with opts, as
// tea.NewProgram(model, opts...).Run() does, with job control when in (the
// program's input; nil means standard input) is a terminal.
func Run(model tea.Model, in io.Reader, opts ...tea.ProgramOption) (tea.Model, error) {
	if in == nil {
		in = os.Stdin
	}
	f, ok := in.(term.File)
	if !ok || !term.IsTerminal(f.Fd()) || !supported {
		return tea.NewProgram(model, opts...).Run()
	}
	w := newWatcher()
	defer w.stop()
	p := tea.NewProgram(model, append(opts, tea.WithFilter(w.filter))...)
	w.start(p)
	return p.Run()
}

// isSuspendKey reports whether msg is the key that suspends.
func isSuspendKey(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	return ok && k.String() == SuspendKey
}
