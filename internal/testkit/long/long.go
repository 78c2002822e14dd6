// Package long sizes the tests' large runs: short in the README's
// `go test ./...`, long when BRIEF_LONG is set, as CI sets it. A test that
// repeats a check many times (random events, kills, sessions) takes its
// count from here, so that the default run stays quick while CI still
// runs the large one.
package long

import "os"

// On says the large runs are asked for (BRIEF_LONG is set).
func On() bool { return os.Getenv("BRIEF_LONG") != "" }

// Count is short in the default test run and long when BRIEF_LONG is set.
func Count(short, long int) int {
	if On() {
		return long
	}
	return short
}
