package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dangerous reports the first rune that must never reach a terminal raw.
func dangerous(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			return r, true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, x := range v {
			walkStrings(x, f)
		}
	case map[string]any:
		for _, x := range v {
			walkStrings(x, f)
		}
	}
}

var positioned = regexp.MustCompile(`^[^:]+:\d+:\d+: \S`)

// Every hostile file either loads with every string neutralised, or is
// rejected with positioned errors that quote nothing raw.
func TestHostileCorpus(t *testing.T) {
	files, err := filepath.Glob("../testdata/hostile/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("hostile corpus missing: %v %d", err, len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") && !strings.Contains(f, ".brief.") {
			continue // the corpus README
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := Load(f)
			broken := strings.HasPrefix(filepath.Base(f), "broken-")
			if broken {
				if err == nil {
					t.Fatal("a broken file loaded")
				}
				for _, line := range strings.Split(err.Error(), "\n") {
					if !positioned.MatchString(line) {
						t.Errorf("error not positioned: %q", line)
					}
					if r, bad := dangerous(line); bad {
						t.Errorf("error message carries raw %U: %q", r, line)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("hostile but well-formed file rejected: %v", err)
			}
			// Every exported field of the model, as the exporters see it.
			raw, err := json.Marshal(b)
			if err != nil {
				t.Fatal(err)
			}
			var m any
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			n := 0
			walkStrings(m, func(s string) {
				n++
				if r, bad := dangerous(s); bad {
					t.Errorf("loaded text carries raw %U: %q", r, s)
				}
			})
			if n < 5 {
				t.Errorf("only %d strings in the export", n)
			}
		})
	}
}

// Entity-like text is not decoded into the control it names.
func TestEntityLikeTextStaysLiteral(t *testing.T) {
	b, err := Load("../testdata/hostile/entity-like.brief.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"&#27;[2J", `\x1b[31m`} {
		if !strings.Contains(b.Title, want) {
			t.Errorf("title %q lost %q", b.Title, want)
		}
	}
	if !strings.Contains(b.Themes[0].Points[0].Text, `%1B[2J`) {
		t.Errorf("point %q lost %%1B", b.Themes[0].Points[0].Text)
	}
}

// A file over the size limit is refused before it is read whole.
func TestOversizedFileRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	p := filepath.Join(t.TempDir(), "huge.brief.md")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Repeat([]byte("word "), 20)
	line = append(line, '\n')
	for written := 0; written < 50<<20; written += len(line) {
		f.Write(line)
	}
	f.Close()
	_, err = Load(p)
	if err == nil || !strings.Contains(err.Error(), "larger than the 16.0 MiB limit") {
		t.Errorf("got %v", err)
	}
}
