package export_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/export"
)

// hostile is a valid briefing whose content is full of characters that
// mean something in Markdown and HTML.
const hostile = `---
format: brief/1
title: *Bold* [link](http://example.com) <script>alert(1)</script> & co
source: The source
published: 2025-07-19
---

# Theme: # Hash theme {#t}

1. Not a list. - neither

## <b>Point</b> with ` + "`code`" + ` and _under_ {#pt}

> The article says *this*.

- actors: a

# Actors

## Alice {#a}

- kind: person
- stance: + plus | pipe

# Timeline

## Event [x] {#e1}

- when: 2016
- phrase: in | 2016

> And <b>more</b>.

# Glossary

## Term *star* {#g1}

-Dash definition &amp; more.

> The article says

# Questions

1. Why <i>this</i>?

# Source

The article says *this*. And <b>more</b>.
`

func parseHostile(t *testing.T) *model.Briefing {
	t.Helper()
	b, err := model.Parse("hostile.brief.md", []byte(hostile), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unescapeMD removes CommonMark backslash escapes.
var mdEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

func unescapeMD(s string) string { return mdEscape.ReplaceAllString(s, "$1") }

func TestWriteMarkdownHoldsEverything(t *testing.T) {
	b := seed(t)
	var buf bytes.Buffer
	if err := export.MarkdownHandout(&buf, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	out := unescapeMD(buf.String())
	if !strings.HasPrefix(out, "# "+b.Title+"\n") {
		t.Errorf("the handout should open with the title as a heading, got %q", strings.SplitN(out, "\n", 2)[0])
	}
	for _, section := range []string{"\n## Timeline\n", "\n## Actors\n", "\n## Glossary\n", "\n## Questions\n", "\n## The article\n"} {
		if !strings.Contains(out, section) {
			t.Errorf("section %q missing", strings.TrimSpace(section))
		}
	}
	for what, text := range everyItem(b) {
		if !strings.Contains(out, text) {
			t.Errorf("%s missing from the Markdown export: %q", what, text)
		}
	}
	for _, p := range b.Points() {
		if !strings.Contains(out, "\n### "+p.Text+"\n") {
			t.Errorf("point %s is not a heading", p.ID)
		}
		for _, q := range p.Quotes {
			if !strings.Contains(out, "\n> "+model.QuoteWithin(q.Text)) {
				t.Errorf("quote of %s is not a block quote", p.ID)
			}
		}
	}
}

func TestWriteMarkdownEscapes(t *testing.T) {
	b := parseHostile(t)
	var buf bytes.Buffer
	if err := export.MarkdownHandout(&buf, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`# \*Bold\* \[link\](http://example.com) \<script\>alert(1)\</script\> \& co`,
		`## 1. \# Hash theme`,
		"\n1\\. Not a list. - neither\n",
		"### \\<b\\>Point\\</b\\> with \\`code\\` and \\_under\\_",
		"> The article says \\*this\\*.",
		"| 2016 | Event \\[x\\] | “in \\| 2016” |",
		`*Stance:* \+ plus \| pipe`,
		`**Term \*star\*** — \-Dash definition \&amp; more.`,
		`1. Why \<i\>this\</i\>?`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	for _, raw := range []string{"<script>", "<b>", "<i>", "[link]", "*this*"} {
		if strings.Contains(out, raw) {
			t.Errorf("export holds unescaped %q", raw)
		}
	}
	// Nothing is lost: unescaped, the content reads as written.
	plain := unescapeMD(out)
	for _, text := range []string{b.Title, "<b>Point</b> with `code` and _under_", "+ plus | pipe", "-Dash definition &amp; more."} {
		if !strings.Contains(plain, text) {
			t.Errorf("export lost %q", text)
		}
	}
}

func TestWriteMarkdownNoTrailingHardBreak(t *testing.T) {
	b := seed(t)
	var buf bytes.Buffer
	if err := export.MarkdownHandout(&buf, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	// A backslash before a blank line would show as a literal backslash.
	if i := strings.Index(buf.String(), "\\\n\n"); i >= 0 {
		t.Errorf("hard break at the end of a paragraph: %q", buf.String()[max(0, i-60):i+3])
	}
}

func TestMarkdownNeutralisesControls(t *testing.T) {
	b := &model.Briefing{Title: "T \x1b[2J", Questions: []string{"Q \x1b]0;x\a"}}
	var buf bytes.Buffer
	if err := export.MarkdownHandout(&buf, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(buf.String(), "\x1b\a") {
		t.Errorf("control characters in the Markdown export: %q", buf.String())
	}
}
