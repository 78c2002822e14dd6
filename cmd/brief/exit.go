package main

import "errors"

// Exit codes, as documented in docs/cli.md.
const (
	exitOK          = 0
	exitInvalid     = 1 // invalid input: check failures, unreadable files
	exitUsage       = 2 // usage error: unknown flag or command, bad argument
	exitInterrupted = 130
)

// exitError carries the exit code an error should end the program with.
type exitError struct {
	code int
	err  error
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

// usageError marks err as a usage error (exit 2).
func usageError(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: exitUsage, err: err}
}

// exitCode maps an error to the exit code it should end the program with.
func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if err == nil {
		return exitOK
	}
	return exitUsage // cobra's own errors: unknown flags, commands, arguments
}
