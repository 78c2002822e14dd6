package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The binary stays small only while nothing in it can call a method by
// name through reflection: text/template's execution does (html/template
// runs on it), and then the linker keeps every exported method of every
// type in the program, about 2.5 MB of the stripped binary. Cobra imports
// text/template but executes a template only when a command sets its own,
// so the linker leaves it out; html/template would bring it back. CI checks
// the binary's size itself (.ci/run).
func TestBinaryLeavesOutTemplates(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not found")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "html/template" {
			t.Errorf("the binary depends on %s", dep)
		}
	}
}
