package main

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/brief-cli/brief/tui/edit"
	"github.com/brief-cli/brief/tui/explore"
	"github.com/brief-cli/brief/tui/present"
)

func init() { register(newManCmd) }

func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff)",
		Long: `Print brief's manual page in roff format, for man(1). Release packages install it
as brief.1; from a source checkout, view it directly with "man -l".`,
		Example: `  brief man | man -l -
  brief man > ~/.local/share/man/man1/brief.1`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), manPage(cmd.Root(), time.Now()))
			return outputError(err)
		},
	}
}

// manPage builds the manual page from the command tree: the commands with
// their flags, the keys (from the same bindings as the help screens), the
// format, search and present mode in short, exit status, environment and
// examples. It is complete on its own: a packaged install has no docs/.
func manPage(root *cobra.Command, date time.Time) string {
	var d roffDoc
	d.macro("TH", strings.ToUpper(root.Name()), "1", date.Format("2006-01-02"), root.Name(), "User Commands")
	d.section("NAME")
	d.text(root.Name() + ` \- ` + roffEsc(root.Short))
	d.section("SYNOPSIS")
	d.line(`\fB` + root.Name() + `\fR [\fIFILE\fR|\fIDIR\fR] [\fIflags\fR]`)
	d.macro("br")
	d.line(`\fB` + root.Name() + `\fR \fICOMMAND\fR [\fIflags\fR] [\fIargs\fR]`)
	d.section("DESCRIPTION")
	d.paras(root.Long)
	d.section("OPTIONS")
	d.flags(root.NonInheritedFlags())
	d.section("COMMANDS")
	for _, c := range manCommands(root) {
		d.macro("SS", strings.TrimSuffix(c.UseLine(), " [flags]"))
		d.paras(c.Short + ".\n\n" + c.Long)
		if ownFlags(c) {
			d.macro("PP")
			d.line("Flags:")
			d.macro("RS", "4")
			d.flags(c.NonInheritedFlags())
			d.macro("RE")
		}
	}
	d.section("KEYS")
	d.paras("The keys below are the ones the help screens (?) show, from the same bindings.")
	d.keys("Explore mode", explore.KeyHelp())
	d.keys("Present mode (brief present)", present.DefaultKeyMap().FullHelp())
	d.keys("Presenter console (brief notes)", present.DefaultConsoleKeyMap().FullHelp())
	d.keys("Edit mode (brief edit)", edit.AllBindings())
	for _, s := range manTopics {
		d.section(s.title)
		d.paras(s.text)
	}
	d.section("EXIT STATUS")
	d.tagged("0", "success.")
	d.tagged("1", "invalid input: a briefing with errors, an unreadable file, a deck that does not fit (present --check).")
	d.tagged("2", "a usage error: an unknown command or flag, a bad argument.")
	d.tagged("130", "interrupted.")
	d.section("ENVIRONMENT")
	d.tagged("NO_COLOR", "when set, no colour is used; focus and selection stay visible through bold, reverse and markers.")
	d.tagged("XDG_STATE_HOME, BRIEF_STATE_DIR", "where bookmarks and notes are kept (BRIEF_STATE_DIR wins).")
	d.tagged("XDG_RUNTIME_DIR", "where a presentation's control socket lives, for brief notes.")
	d.macro("PP")
	d.paras("When standard output is not a terminal, brief writes plain text with no escape sequences and asks the terminal nothing.")
	d.section("EXAMPLES")
	for _, c := range append([]*cobra.Command{root}, manCommands(root)...) {
		if c.Example == "" {
			continue
		}
		d.macro("PP")
		d.macro("nf")
		d.macro("RS", "4")
		for _, l := range strings.Split(c.Example, "\n") {
			d.line(roffEsc(strings.TrimPrefix(l, "  ")))
		}
		d.macro("RE")
		d.macro("fi")
	}
	d.section("SEE ALSO")
	d.line(`\fBman\fR(1), \fBless\fR(1), \fBssh\fR(1), \fBtmux\fR(1)`)
	return d.String()
}

// manCommands are the commands the page describes: every visible one but
// help and completion (cobra's own), subcommands after their parent.
func manCommands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			out = append(out, sub)
			walk(sub)
		}
	}
	walk(root)
	return out
}

// ownFlags reports whether c has flags of its own to list (--help aside).
func ownFlags(c *cobra.Command) bool {
	n := 0
	c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" {
			n++
		}
	})
	return n > 0
}

// manTopics summarise the documentation that a source checkout keeps in
// docs/, for readers who have only the manual page.
var manTopics = []struct{ title, text string }{
	{"BRIEFING FORMAT", `A briefing is one UTF-8 text file, *.brief.md, read with a small strict grammar; every mistake is reported as file:line:col: message (brief check).

It opens with metadata between two lines "---": format: brief/1, title, source (the article's title) and published (YYYY-MM-DD, optionally with a time) are required; author, publisher (the outlet), url (its address) and article (the path of the article file) are optional. Slides and handouts cite the source in one line: author, “title”, outlet, date (never a clock time), address.

Sections are level-1 headings: "# Theme: TITLE {#id}" (a summary, note fields, then its points), "# Timeline" (dated events), "# Actors", "# Glossary", "# Questions" (one list item each), "# Deck" (the slides of present mode, optional) and "# Source" (the article itself, when there is no article: key).

An item is a level-2 heading ("## text {#id}") followed by fields ("- key: value"), quotes (lines starting with ">", which must occur in the article word for word) and paragraphs. Points take actors, events and note; events take when (required), phrase, themes, actors and note; actors take kind and stance (both required), aliases and note; terms take aliases and note, and their paragraphs are the definition.

Dates are partial: 2025-07-19, 2021-08, 2016, 198X (a decade), 19XX (a century), 2016~ (approximate), 2016? (uncertain), 2021-08/2025-07 (an interval), 2021-08/.. and ../1989 (open ends).

Ids are lower case letters, digits and dashes, unique across the briefing; p3 and p3.s2 name paragraph 3 of the article and its second sentence. HTML comments are ignored. A plain article (*.txt) opens too, as a briefing with only its text.`},
	{"SEARCH", `The search palette (/ in explore mode) and brief search QUERY [FILE|DIR] search points, the article's sentences, events, actors, glossary terms and themes. Matching is fuzzy: the query's characters in order, not necessarily together, ignoring case; the best matches come first, ranked the same in both.

Piped, each result is one line of three tab-separated fields: FILE:ID, the kind, and the text with each run of matched characters in [brackets]. With --json the results are an array of objects (file, title, kind, id, text, score, matched character indices). With a DIR every briefing of the library is searched. No match is not an error: the exit status is 0 and standard error says so.`},
	{"PRESENTING", `brief present shows the deck on a projector: a title slide, the agenda, one slide per theme, the timeline, who stands where, the glossary, the questions and a closing slide, or the slides a # Deck section lists.

Slides are the unit everywhere: the deck has the same slides, numbered the same, at every terminal size, on the projector, in the console and for SSH audiences. A slide is fitted before it is split (a bold title instead of block letters, a tighter list, two columns where the width allows); one that still needs more than one screen shows "7 · 2/2" and the next key moves within it.

brief present --check WxH lists each slide that splits or is cut at that size, by number and title, and exits 1 if any does; --check alone tries ` + sizeList(present.CheckSizes) + `.

brief notes, in a second terminal, is the presenter console: the slide's notes, what comes next, the time elapsed and left with a pace hint; its keys drive the slides. --duration sets a countdown, --clock shows the time on the slides, --theme picks ` + strings.Join(present.ThemeNames, ", ") + `. brief present --serve ADDR (or brief serve --follow) lets audiences follow over SSH, drawn by the same renderer as the projector. Piped, the deck is printed as text with its notes.

brief export --format md|html makes a handout without the speaker notes (--speaker-notes puts them in; --notes adds your own notes under their own heading).`},
}

// roffDoc writes a manual page. Text goes through roffEsc; macros are
// written as they are.
type roffDoc struct{ strings.Builder }

func (d *roffDoc) line(s string) { d.WriteString(s + "\n") }

// macro writes a request; an argument with a space is quoted, except for
// a heading (SH, SS), which takes the rest of the line.
func (d *roffDoc) macro(name string, args ...string) {
	d.WriteString("." + name)
	for _, a := range args {
		a = strings.ReplaceAll(roffEsc(a), `"`, `\(dq`)
		if strings.Contains(a, " ") && name != "SH" && name != "SS" {
			a = `"` + a + `"`
		}
		d.WriteString(" " + a)
	}
	d.WriteString("\n")
}

func (d *roffDoc) section(name string) { d.macro("SH", name) }

// text writes escaped-already text as one paragraph.
func (d *roffDoc) text(s string) { d.line(s) }

// paras writes help text: paragraphs at blank lines, the lines of each
// joined (cobra help is wrapped for a terminal, the page wraps itself). A
// paragraph of indented lines (a small table in the help) keeps its lines.
func (d *roffDoc) paras(s string) {
	for i, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if i > 0 {
			d.macro("PP")
		}
		if strings.HasPrefix(p, "  ") {
			d.macro("nf")
			d.macro("RS", "2")
			for _, l := range strings.Split(p, "\n") {
				d.line(roffEsc(strings.TrimPrefix(l, "  ")))
			}
			d.macro("RE")
			d.macro("fi")
			continue
		}
		d.line(roffEsc(strings.Join(strings.Fields(p), " ")))
	}
}

// tagged writes a term and its description.
func (d *roffDoc) tagged(term, desc string) {
	d.macro("TP")
	d.line(`\fB` + roffEsc(term) + `\fR`)
	d.line(roffEsc(desc))
}

// flags lists a command's own flags, as --help shows them.
func (d *roffDoc) flags(fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		term := `\fB--` + roffEsc(f.Name) + `\fR`
		if f.Shorthand != "" {
			term = `\fB-` + roffEsc(f.Shorthand) + `\fR, ` + term
		}
		if name != "" && f.NoOptDefVal == "" {
			term += ` \fI` + roffEsc(name) + `\fR`
		}
		d.macro("TP")
		d.line(term)
		d.line(roffEsc(strings.Join(strings.Fields(usage), " ")))
	})
}

// keys lists key bindings under a subsection heading.
func (d *roffDoc) keys(title string, groups [][]key.Binding) {
	d.macro("SS", title)
	for _, g := range groups {
		for _, b := range g {
			h := b.Help()
			if h.Key == "" || !b.Enabled() {
				continue
			}
			d.tagged(h.Key, h.Desc)
		}
	}
}

// roffEsc makes text safe on a roff line: backslashes escaped, a leading
// dot or quote neutralised, and every character beyond ASCII written as a
// named Unicode escape, which every groff output device reads without
// warnings (and which survives a non-UTF-8 locale).
func roffEsc(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case i == 0 && (r == '.' || r == '\''):
			b.WriteString(`\&` + string(r))
		case r == '\t':
			b.WriteString(" ")
		case r > unicode.MaxASCII:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
