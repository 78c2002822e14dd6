package model

import (
	"path/filepath"
	"testing"
)

// The worked examples in docs/examples load with no error and no warning.
func TestDocExamplesCheckStrict(t *testing.T) {
	files, err := filepath.Glob("../docs/examples/*.brief.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		b, err := Load(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if len(b.Warnings) > 0 {
			t.Errorf("%s: %v", f, b.Warnings)
		}
		for _, s := range b.Sentences() {
			if len(b.CitedBy(s.ID)) == 0 && !b.Skipped(s) {
				t.Errorf("%s: %s is not cited", f, s.ID)
			}
		}
	}
}
