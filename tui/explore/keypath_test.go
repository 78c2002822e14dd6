package explore

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// stageKeys are the bindings one stage of the key path answers.
type stageKeys struct {
	stage string
	keys  []key.Binding
}

// conflicts lists the keys bound twice among the stages: by two stages,
// or by two bindings of one stage. A binding listed twice (the same keys
// and help) is one binding. Within one stage, a binding whose help says
// where it applies ("↑ on the first") takes the key only there, where the
// other does nothing (the palette's ↑ on its first result): that is a
// context of its own, not the key bound twice.
func conflicts(stages []stageKeys) []string {
	type owner struct {
		stage, help string
		where       bool
	}
	seen := map[string]owner{}
	var out []string
	for _, s := range stages {
		for _, b := range s.keys {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			o := owner{s.stage, h.Key + " " + h.Desc, strings.Contains(h.Key, " ")}
			for _, k := range b.Keys() {
				prev, ok := seen[k]
				if ok && prev.stage == o.stage && (prev.where || o.where) {
					continue
				}
				if ok && prev != o {
					out = append(out, fmt.Sprintf("%q: %s (%s) and %s (%s)", k, prev.stage, prev.help, o.stage, o.help))
					continue
				}
				seen[k] = o
			}
		}
	}
	return out
}

// contextKeys are the bindings every stage of the key path answers in m's
// context.
func contextKeys(m Model) []stageKeys {
	var out []stageKeys
	for _, s := range keyPath {
		if s.keys != nil {
			out = append(out, stageKeys{s.name, s.keys(&m)})
		}
	}
	return out
}

// keyContexts are the contexts a key can be pressed in: every navigator,
// with each pane focused and in reading mode, and every modal screen.
func keyContexts(t *testing.T) map[string]Model {
	b := seed(t)
	base := studied(t, b, t.TempDir(), 120, 40)
	ctx := map[string]Model{}
	for _, nav := range []string{"o", "t", "a", "g"} {
		m := press(base, nav, "down")
		ctx[nav+" navigator"] = m
		ctx[nav+" detail"] = press(m, "tab")
		ctx[nav+" source"] = press(m, "tab", "tab")
		ctx[nav+" reading"] = press(m, "r")
		ctx[nav+" zoomed"] = press(m, "z")
	}
	ctx["plain reading"] = press(base, "r", "i")
	for name, keys := range map[string][]string{
		"search":        {"/"},
		"help":          {"?"},
		"notes":         {"N"},
		"note editor":   {"down", "n"},
		"legend":        {"t", "L"},
		"citers picker": {"s", "enter"},
	} {
		m := press(base, keys...)
		if m.modal == nil {
			t.Fatalf("%v opened no modal screen", keys)
		}
		ctx[name] = m
	}
	return ctx
}

// TestNoKeyBoundTwice: in no context is one key bound twice along the key
// path, where the later binding would never be reached (or either could be
// meant).
func TestNoKeyBoundTwice(t *testing.T) {
	for name, m := range keyContexts(t) {
		for _, c := range conflicts(contextKeys(m)) {
			t.Errorf("%s: %s", name, c)
		}
	}
}

// The check finds a key bound twice: by two stages, and within one.
func TestConflictsFindsTwice(t *testing.T) {
	a := key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "one thing"))
	b := key.NewBinding(key.WithKeys("y", "x"), key.WithHelp("y", "another"))
	if got := conflicts([]stageKeys{{"global", []key.Binding{a}}, {"pane", []key.Binding{b}}}); len(got) != 1 {
		t.Errorf("two stages binding x: %v", got)
	}
	if got := conflicts([]stageKeys{{"pane", []key.Binding{a, b}}}); len(got) != 1 {
		t.Errorf("one stage binding x twice: %v", got)
	}
	if got := conflicts([]stageKeys{{"pane", []key.Binding{a, a}}}); len(got) != 0 {
		t.Errorf("a binding listed twice is one binding: %v", got)
	}
	edge := key.NewBinding(key.WithKeys("x"), key.WithHelp("x on the last", "wrap around"))
	if got := conflicts([]stageKeys{{"pane", []key.Binding{a, edge}}}); len(got) != 0 {
		t.Errorf("a binding for where another does nothing: %v", got)
	}
	if got := conflicts([]stageKeys{{"global", []key.Binding{a}}, {"pane", []key.Binding{edge}}}); len(got) != 1 {
		t.Errorf("a later stage's x is never reached: %v", got)
	}
}

// The key path in the code is the one docs/architecture.md describes.
func TestKeyPathDocumented(t *testing.T) {
	doc := readDoc(t, "../../docs/architecture.md")
	at := 0
	for i, s := range keyPath {
		want := fmt.Sprintf("%d. **%s**", i+1, s.name)
		j := indexFrom(doc, want, at)
		if j < 0 {
			t.Errorf("docs/architecture.md lacks %q in order", want)
			continue
		}
		at = j
	}
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// indexFrom is the index of sub in s at or after from, or -1.
func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}
