package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/brief-cli/brief/internal/crashlog"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/store"
)

// Exit codes, as documented in docs/cli.md.
const (
	exitOK          = 0
	exitInvalid     = 1  // invalid input: check failures, unreadable files
	exitUsage       = 2  // usage error: unknown flag or command, bad argument
	exitInternal    = 70 // a bug: a panic, told in one line (EX_SOFTWARE)
	exitInterrupted = 130
)

// exitError carries the exit code an error should end the program with.
type exitError struct {
	code int
	err  error
	// reported is set when the command has already written the error out.
	reported bool
	// help names the command whose help explains a usage error.
	help string
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// inputError marks err as invalid input (exit 1).
func inputError(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitInvalid, err: err}
}

// commandUsageError is a usage error of cmd: the message points at its help.
func commandUsageError(cmd *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitUsage, err: err, help: cmd.CommandPath()}
}

// reportedError ends the program with code after the command has written
// every problem out itself (as check does, file by file); nothing more is
// printed.
func reportedError(code int, err error) error {
	return &exitError{code: code, err: err, reported: true}
}

// exitCode maps an error to the exit code it should end the program with.
func exitCode(err error) int {
	var ee *exitError
	var we *store.WriteError
	var ce *crashlog.Error
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		return exitInternal
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &we):
		// Something the user did was not saved: a failure, not a misuse.
		return exitInvalid
	}
	return exitUsage // cobra's own errors: unknown flags, commands, arguments
}

// args wraps a cobra argument check so that its complaint is a usage error
// that points at the command's help.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return commandUsageError(cmd, err)
		}
		return nil
	}
}

// errorHandler writes an error to standard error, one line for each problem
// (a load error lists every positioned problem, file:line:col: message).
// Lines are coloured when standard error is a terminal and plain otherwise;
// nothing is wrapped or decorated, so editors and scripts can read them.
func errorHandler(w io.Writer, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.reported {
		return
	}
	if errors.Is(err, context.Canceled) {
		return // interrupted: the exit status says so
	}
	msg := strings.TrimRight(err.Error(), "\n")
	if exitCode(err) == exitUsage {
		help := "brief"
		if ee != nil && ee.help != "" {
			help = ee.help
		}
		msg = fmt.Sprintf("%s: %s (see \"%s --help\")", help, msg, help)
	}
	styled := term.IsTerminal(os.Stderr.Fd())
	red := lipgloss.NewStyle().Foreground(lipgloss.Color("1"))
	for _, line := range strings.Split(msg, "\n") {
		// Messages carry paths and names from the environment, the
		// command line and files: never raw to the terminal.
		line = sanitize.Line(line)
		if styled {
			line = red.Render(line)
		}
		_, _ = fmt.Fprintln(w, line)
	}
}

// flagError rewords pflag's complaint about a flag's value so that it says
// what the value must be, not how parsing it failed:
// `invalid value "abc" for --width: must be a whole number` rather than
// `invalid argument "abc" for "-w, --width" flag: strconv.ParseInt: ...`.
func flagError(err error) error {
	var bad *pflag.InvalidValueError
	if errors.As(err, &bad) {
		f := bad.GetFlag()
		return fmt.Errorf("invalid value %q for --%s: %s", bad.GetValue(), f.Name, mustBe(f.Value.Type(), errors.Unwrap(bad)))
	}
	var missing *pflag.ValueRequiredError
	if errors.As(err, &missing) {
		return fmt.Errorf("--%s needs a value", missing.GetFlag().Name)
	}
	return err
}

// mustBe says what a value of a flag of type typ must look like. A flag of
// brief's own type (as --theme) already says so in cause.
func mustBe(typ string, cause error) string {
	var num *strconv.NumError
	if errors.As(cause, &num) && errors.Is(num.Err, strconv.ErrRange) {
		return "out of range"
	}
	switch typ {
	case "int", "int8", "int16", "int32", "int64", "count":
		return "must be a whole number"
	case "uint", "uint8", "uint16", "uint32", "uint64":
		return "must be a whole number, 0 or more"
	case "float32", "float64":
		return "must be a number"
	case "bool":
		return "must be true or false"
	case "duration":
		return "must be a duration such as 90s, 20m or 1h30m"
	}
	if cause == nil {
		return "not allowed"
	}
	return cause.Error()
}
