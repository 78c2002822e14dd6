// Package forged is a hostile presentation for tests: any process of the
// user can listen where brief notes looks for presentations and say
// anything. It answers every connection with a state whose text is full of
// what a terminal would act on.
package forged

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Hostile is text a terminal would act on: an OSC that sets the window
// title ending in BEL, one that writes the clipboard (OSC 52), a clear
// screen and a window resize (CSI), and the 8-bit CSI U+009B.
const Hostile = "EVIL\x1b]0;PWNED\x07 \x1b]52;c;UFdORUQ=\x07 \x1b[2J\x1b[8;5;5t \u009b31mRED \u0090DCS\u009c"

// Listen starts the hostile peer in dir (the socket directory, such as
// $XDG_RUNTIME_DIR/brief) under a name brief takes for a presentation's,
// and returns the socket's path.
func Listen(t testing.TB, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "brief-"+strconv.Itoa(os.Getpid())+"-x\x1b[2J.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	line, err := json.Marshal(map[string]any{
		"v": 1, "type": "state",
		"state": map[string]any{
			"pid": os.Getpid(), "briefing": Hostile, "slide": 1, "total": 2,
			"title": Hostile, "notes": []string{Hostile, "line\n" + Hostile},
			"next":   map[string]any{"slide": 2, "title": Hostile, "lines": []string{Hostile}},
			"digits": Hostile, "blank": Hostile,
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	line = append(line, '\n')
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_, _ = c.Write(line)
				buf := make([]byte, 4096)
				for {
					if _, err := c.Read(buf); err != nil {
						return
					}
				}
			}()
		}
	}()
	return path
}

// Check fails the test when out, what a program wrote to the terminal,
// holds a byte that is neither printable text nor the program's own
// styling and screen control: a C0 or C1 control outside an escape
// sequence, a string sequence (DCS, SOS, PM, APC), an OSC that sets the
// title to the peer's text or writes the clipboard, a CSI that resizes the
// window, or bytes that are not UTF-8.
func Check(t testing.TB, out []byte) {
	t.Helper()
	bad := func(i int, why string) {
		t.Helper()
		lo, hi := max(i-20, 0), min(i+20, len(out))
		t.Errorf("byte %d: %s: %q", i, why, out[lo:hi])
	}
	for i := 0; i < len(out); {
		c := out[i]
		switch {
		case c == 0x1b && i+1 < len(out) && out[i+1] == '[':
			j := i + 2
			for j < len(out) && out[j] >= 0x20 && out[j] <= 0x3f {
				j++
			}
			if j < len(out) && out[j] == 't' {
				bad(i, "a window control (CSI t)")
			}
			i = j + 1
		case c == 0x1b && i+1 < len(out) && out[i+1] == ']':
			j := i + 2
			for j < len(out) && out[j] != 0x07 && !(out[j] == 0x1b && j+1 < len(out) && out[j+1] == '\\') {
				j++
			}
			body := string(out[i+2 : min(j, len(out))])
			if len(body) >= 3 && body[:3] == "52;" || strings.Contains(body, "PWNED") {
				bad(i, "an OSC carrying the peer's text")
			}
			i = j + 1
			if j < len(out) && out[j] == 0x1b {
				i++
			}
		case c == 0x1b && i+1 < len(out) && (out[i+1] == 'P' || out[i+1] == 'X' || out[i+1] == '^' || out[i+1] == '_'):
			bad(i, "a string sequence (DCS, SOS, PM or APC)")
			i += 2
		case c == 0x1b:
			i += 2
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t', c == 0x7f:
			bad(i, "a control character")
			i++
		case c < 0x80:
			i++
		default:
			r, n := decodeRune(out[i:])
			if r < 0 || r >= 0x80 && r <= 0x9f {
				bad(i, "a C1 control or a byte that is not UTF-8")
			}
			i += n
		}
	}
}

// decodeRune is utf8.DecodeRune returning -1 for an invalid byte.
func decodeRune(b []byte) (rune, int) {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n <= 1 {
		return -1, 1
	}
	return r, n
}
