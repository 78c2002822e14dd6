// Package jobctl gives brief's terminal programs the shell's job control.
//
// Bubble Tea puts the terminal in raw mode, so ctrl+z reaches the program
// as a key rather than as SIGTSTP, and a SIGTSTP sent from outside (kill
// -TSTP, a shell's suspend) would stop the process with the terminal still
// in the alternate screen and raw mode. Run fixes both: ctrl+z and SIGTSTP
// restore the terminal, stop the process, and on SIGCONT (fg) the program
// takes the screen back and draws it again.
//
// Run also keeps a crash off the screen: Bubble Tea prints the stack trace
// of a panic it catches to standard error, which Run holds while the
// program runs; a panic then comes back as a one-line *crashlog.Error with
// the trace in a log file, and anything else written there is passed on
// once the terminal is restored.
package jobctl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/brief-cli/brief/internal/crashlog"
)

// SuspendKey is the key that suspends a program, as the shell's job control
// does outside it.
const SuspendKey = "ctrl+z"

// Run runs a Bubble Tea program on model with opts, as
// tea.NewProgram(model, opts...).Run() does, with job control when in (the
// program's input; nil means standard input) is a terminal.
//
// On a terminal, the ending signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) are
// the caller's to handle, through the context it gives the program
// (cmd/brief cancels it on each): Bubble Tea's own handler for SIGINT and
// SIGTERM would race with the caller's, and the program could end as if
// the user had quit.
func Run(model tea.Model, in io.Reader, opts ...tea.ProgramOption) (tea.Model, error) {
	if in == nil {
		in = os.Stdin
	}
	f, ok := in.(term.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return tea.NewProgram(model, opts...).Run()
	}
	opts = append(opts, tea.WithoutSignalHandler())
	held := holdStderr()
	var p *tea.Program
	if supported {
		w := newWatcher()
		defer w.stop()
		p = tea.NewProgram(model, append(opts, tea.WithFilter(w.filter))...)
		w.start(p)
	} else {
		p = tea.NewProgram(model, opts...)
	}
	final, err := p.Run()
	text := held.release()
	if errors.Is(err, tea.ErrProgramPanic) {
		return final, crashlog.New("the terminal program stopped", nil, text)
	}
	if text != "" {
		fmt.Fprint(os.Stderr, text)
	}
	return final, err
}

// maxHeld bounds what holdStderr keeps.
const maxHeld = 1 << 20

// heldStderr is standard error replaced by a pipe while a program runs.
type heldStderr struct {
	orig *os.File
	w    *os.File
	done chan struct{}
	buf  bytes.Buffer
}

// holdStderr sends what is written to os.Stderr into memory until release.
// If no pipe can be made, nothing is held.
func holdStderr() *heldStderr {
	h := &heldStderr{orig: os.Stderr, done: make(chan struct{})}
	r, w, err := os.Pipe()
	if err != nil {
		close(h.done)
		return h
	}
	h.w = w
	os.Stderr = w
	go func() {
		defer close(h.done)
		defer r.Close()
		var chunk [4096]byte
		for {
			n, err := r.Read(chunk[:])
			if room := maxHeld - h.buf.Len(); room > 0 {
				h.buf.Write(chunk[:min(n, room)])
			}
			if err != nil {
				return
			}
		}
	}()
	return h
}

// release puts standard error back and returns what was written to it.
func (h *heldStderr) release() string {
	if h.w != nil {
		os.Stderr = h.orig
		h.w.Close()
	}
	<-h.done
	return h.buf.String()
}

// isSuspendKey reports whether msg is the key that suspends.
func isSuspendKey(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	return ok && k.String() == SuspendKey
}
