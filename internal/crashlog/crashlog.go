// Package crashlog keeps the details of a crash out of the terminal.
//
// A panic is a bug; the user is owed one line saying so and where the
// details are, not a stack trace over their screen (docs/cli.md). New
// writes the panic value and the stack to a new file in the crash folder
// and returns an error whose message is that line.
package crashlog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/brief-cli/brief/model/sanitize"
)

// Error is a crash, told in one line.
type Error struct {
	What string // what happened, one line
	Log  string // the file holding the details, or "" if none could be written
}

func (e *Error) Error() string {
	if e.Log == "" {
		return "internal error: " + e.What + " (a bug: please report it)"
	}
	return "internal error: " + e.What + " (a bug: the details are in " + e.Log + ")"
}

// Dir is where crash logs go: the "crash" folder of the state directory
// ($BRIEF_STATE_DIR, else $XDG_STATE_HOME/brief).
func Dir() string {
	if d := os.Getenv("BRIEF_STATE_DIR"); d != "" {
		return filepath.Join(d, "crash")
	}
	return filepath.Join(xdg.StateHome, "brief", "crash")
}

// New records a panic: its value r and the stack, with details (what was
// captured from standard error, say) appended, in a new log file. It
// returns the error to show.
func New(r any, stack []byte, details ...string) *Error {
	what := firstLine(fmt.Sprint(r))
	var b strings.Builder
	fmt.Fprintf(&b, "brief crashed at %s\npanic: %v\n\n%s\n", time.Now().Format(time.RFC3339), r, stack)
	for _, d := range details {
		b.WriteString(d)
		b.WriteString("\n")
	}
	return &Error{What: what, Log: write(b.String())}
}

// write saves text in a new file of the crash folder and returns its path,
// or "" when it cannot.
func write(text string) string {
	dir := Dir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	name := fmt.Sprintf("crash-%s-%d-*.log", time.Now().Format("20060102T150405"), os.Getpid())
	f, err := os.CreateTemp(dir, name)
	if err != nil {
		return ""
	}
	_, werr := f.WriteString(text)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return ""
	}
	return f.Name()
}

// firstLine is the first line of s, sanitised and cut to a readable length.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return sanitize.Truncate(sanitize.Line(s), 160, "…")
}
