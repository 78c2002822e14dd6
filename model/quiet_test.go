package model

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// LoadBytesQuiet loads the same briefing as LoadBytes, but for its
// warnings, and fails on the same files with the same errors.
func TestLoadBytesQuietIsLoadBytesWithoutWarnings(t *testing.T) {
	files, err := filepath.Glob("testdata/*.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	hostile, _ := filepath.Glob("../testdata/hostile/*")
	files = append(files, hostile...)
	files = append(files, "../seeds/000_bc22e7b79049ddaf.brief.md", "../seeds/000_bc22e7b79049ddaf.txt")
	warned := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // a folder, or unreadable on purpose
		}
		loud, lerr := LoadBytes(f, append([]byte(nil), data...))
		quiet, qerr := LoadBytesQuiet(f, append([]byte(nil), data...))
		if (lerr == nil) != (qerr == nil) || lerr != nil && lerr.Error() != qerr.Error() {
			t.Errorf("%s: LoadBytes: %v; LoadBytesQuiet: %v", f, lerr, qerr)
			continue
		}
		if lerr != nil {
			continue
		}
		if quiet.Warnings != nil {
			t.Errorf("%s: LoadBytesQuiet gave %d warnings", f, len(quiet.Warnings))
		}
		if len(loud.Warnings) > 0 {
			warned++
		}
		loud.Warnings = nil
		if !reflect.DeepEqual(loud, quiet) {
			t.Errorf("%s: LoadBytesQuiet loads another briefing than LoadBytes", f)
		}
	}
	if warned == 0 {
		t.Error("no file with warnings among those compared")
	}
}
