package main

import (
	"io"
	"os"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// brief renders its own help rather than fang's: fang v2.0.1 fixes the width
// at the terminal's (or 120 when piped), pads every line of the description
// and code blocks to that width with spaces, never wraps a command's or a
// flag's description, re-wraps hard-broken text line by line (a word left
// alone on each line) and overrides any help function set on the root. None
// of it can be configured.

// Help layout: text is indented by helpIndent, the rows of the command and
// flag tables and the code blocks by rowIndent.
const (
	helpIndent   = 2
	rowIndent    = 4
	minHelpWidth = 20  // narrower terminals wrap at this width anyway
	maxHelpWidth = 100 // longer lines are hard to read
)

// helpWidth is the width help is wrapped to: $COLUMNS when set, as a shell
// sets it for a script; else the terminal's; else 80.
func helpWidth() int {
	w := 80
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		w = n
	} else if stdoutIsTerminal() {
		if n, _, err := term.GetSize(os.Stdout.Fd()); err == nil && n > 0 {
			w = n
		}
	}
	return min(max(w, minHelpWidth), maxHelpWidth)
}

// helpStyles colour the help on a terminal; the colour profile writer drops
// them when standard output is not one, or NO_COLOR is set. Basic ANSI
// colours follow the terminal's own palette, light or dark.
type helpStyles struct {
	title, command, flag, faint lipgloss.Style
}

func defaultHelpStyles() helpStyles {
	return helpStyles{
		title:   lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("5")),
		command: lipgloss.NewStyle().Foreground(lipgloss.Color("6")),
		flag:    lipgloss.NewStyle().Foreground(lipgloss.Color("2")),
		faint:   lipgloss.NewStyle().Faint(true),
	}
}

// helpFunc is the help of every command (--help, -h and "brief help CMD").
func helpFunc(c *cobra.Command, _ []string) {
	w := colorprofile.NewWriter(c.OutOrStdout(), os.Environ())
	_, _ = io.WriteString(w, renderHelp(c, helpWidth(), defaultHelpStyles()))
}

// renderHelp lays out the help of c at width columns. No line is longer
// than width unless a single word is; no line ends in a space.
func renderHelp(c *cobra.Command, width int, st helpStyles) string {
	var b strings.Builder
	section := func(title string) {
		b.WriteString("\n" + strings.Repeat(" ", helpIndent) + st.title.Render(strings.ToUpper(title)) + "\n\n")
	}
	if text := strings.TrimSpace(c.Long); text != "" || c.Short != "" {
		if text == "" {
			text = c.Short
		}
		b.WriteString("\n")
		for _, l := range reflow(text, width-helpIndent) {
			b.WriteString(indent(helpIndent, l) + "\n")
		}
	}

	section("usage")
	b.WriteString(strings.Join(codeLines(useLine(c), width, st), "\n") + "\n")

	if ex := exampleLines(c); len(ex) > 0 {
		section("examples")
		for _, l := range ex {
			b.WriteString(strings.Join(codeLines(l, width, st), "\n") + "\n")
		}
	}

	var cmds [][2]string
	for _, sc := range c.Commands() {
		if sc.IsAvailableCommand() || sc.Name() == "help" {
			cmds = append(cmds, [2]string{commandKey(sc), sc.Short})
		}
	}
	if len(cmds) > 0 {
		section("commands")
		b.WriteString(table(cmds, width, st.command))
	}
	if rows := flagRows(c.LocalFlags()); len(rows) > 0 {
		section("flags")
		b.WriteString(table(rows, width, st.flag))
	}
	if rows := flagRows(c.InheritedFlags()); len(rows) > 0 {
		section("global flags")
		b.WriteString(table(rows, width, st.flag))
	}
	b.WriteString("\n")
	return b.String()
}

// useLine is the command's synopsis: "brief present [FILE] [--flags]".
func useLine(c *cobra.Command) string {
	u := strings.TrimSpace(strings.ReplaceAll(c.UseLine(), "[flags]", ""))
	if c.HasAvailableSubCommands() && !strings.Contains(u, "[command]") {
		path := c.CommandPath()
		u = path + " [command]" + strings.TrimPrefix(u, path)
	}
	if c.HasAvailableFlags() {
		u += " [--flags]"
	}
	return strings.Join(strings.Fields(u), " ")
}

// commandKey is a row of the command table: the name and its arguments.
func commandKey(c *cobra.Command) string {
	k := strings.TrimSpace(strings.ReplaceAll(c.Use, "[flags]", ""))
	if c.HasAvailableSubCommands() && !strings.Contains(k, "[command]") {
		name, rest, _ := strings.Cut(k, " ")
		k = strings.TrimSpace(name + " [command] " + rest)
	}
	return k
}

// exampleLines are the command's example lines without their common indent.
func exampleLines(c *cobra.Command) []string {
	lines := strings.Split(strings.Trim(c.Example, "\n"), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " ")); common < 0 || n < common {
			common = n
		}
	}
	var out []string
	for _, l := range lines {
		if l = strings.TrimRight(l, " "); l == "" {
			out = append(out, "")
			continue
		}
		out = append(out, l[max(common, 0):])
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

// codeLines lays out one line of code (a synopsis or an example) at
// rowIndent. A line too long for the width breaks between words, the rest
// indented further; a "# comment" is dimmed.
func codeLines(line string, width int, st helpStyles) []string {
	if line == "" {
		return []string{""}
	}
	var lines []string
	if rowIndent+ansi.StringWidth(line) <= width {
		lines = []string{strings.Repeat(" ", rowIndent) + line}
	} else {
		lead := rowIndent + leadingSpaces(line)
		lines = wrapWords(strings.Fields(line), width, lead, lead+2)
	}
	comment := false
	for i, l := range lines {
		text := strings.TrimLeft(l, " ")
		pad := l[:len(l)-len(text)]
		switch {
		case comment || strings.HasPrefix(text, "# "):
			lines[i] = pad + st.faint.Render(text)
			comment = true
		case strings.Contains(l, " # "):
			j := strings.Index(l, " # ")
			lines[i] = l[:j] + st.faint.Render(l[j:])
			comment = true
		}
	}
	return lines
}

// flagRows are the rows of a flag table: "-o, --output FILE" and its usage,
// with the default when it is not the zero value and the usage does not
// name one already.
func flagRows(fs *pflag.FlagSet) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		key := "    --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			key = "-" + f.Shorthand + ", --" + f.Name
		}
		if name != "" {
			key += " " + name
		}
		switch f.DefValue {
		case "", "false", "0", "0s", "[]", "<nil>":
		default:
			if !strings.Contains(usage, "default") {
				usage += " (default " + f.DefValue + ")"
			}
		}
		rows = append(rows, [2]string{key, usage})
	})
	return rows
}

// table lays out key/description rows: the descriptions in a column after
// the longest key, wrapped to the width; when that column would be too
// narrow, each description goes under its key instead.
func table(rows [][2]string, width int, keyStyle lipgloss.Style) string {
	keyWidth := 0
	for _, r := range rows {
		keyWidth = max(keyWidth, ansi.StringWidth(r[0]))
	}
	col := rowIndent + keyWidth + 2
	below := width-col < 24
	var b strings.Builder
	for _, r := range rows {
		key := strings.Repeat(" ", rowIndent) + keyStyle.Render(r[0])
		words := strings.Fields(r[1])
		if below {
			// A key too long for the line breaks between its words too.
			lead := rowIndent + leadingSpaces(r[0])
			for _, l := range wrapWords(strings.Fields(r[0]), width, lead, lead+2) {
				text := strings.TrimLeft(l, " ")
				b.WriteString(l[:len(l)-len(text)] + keyStyle.Render(text) + "\n")
			}
			under := rowIndent + 8 // past the "-x, " of a flag
			for _, l := range wrapWords(words, width, under, under) {
				b.WriteString(l + "\n")
			}
			continue
		}
		lines := wrapWords(words, width, col, col)
		if len(lines) == 0 {
			b.WriteString(key + "\n")
			continue
		}
		pad := col - rowIndent - ansi.StringWidth(r[0])
		b.WriteString(key + strings.Repeat(" ", pad) + strings.TrimLeft(lines[0], " ") + "\n")
		for _, l := range lines[1:] {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// reflow wraps text to width. Lines that start at the margin are prose: a
// paragraph's lines are joined and wrapped again, so text written for 80
// columns reads well at any width. An indented line is kept as a line of
// its own (a list item, a definition, a command), wrapped with a hanging
// indent when too long; deeper-indented lines under it continue it.
// Blank lines separate paragraphs.
func reflow(text string, width int) []string {
	lines := strings.Split(strings.ReplaceAll(text, "\t", "    "), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	var out []string
	blank := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, "")
		}
	}
	for i := 0; i < len(lines); {
		l := lines[i]
		ind := leadingSpaces(l)
		switch {
		case l == "":
			blank()
			i++
		case ind == 0:
			var words []string
			for ; i < len(lines) && lines[i] != "" && leadingSpaces(lines[i]) == 0; i++ {
				words = append(words, strings.Fields(lines[i])...)
			}
			out = append(out, wrapWords(words, width, 0, 0)...)
		default:
			// An indented item: its own first line and any deeper lines.
			hang := definitionColumn(l)
			words := strings.Fields(l[hang:])
			head := l[:hang]
			i++
			for ; i < len(lines) && lines[i] != "" && leadingSpaces(lines[i]) > ind; i++ {
				if hang == ind {
					hang = leadingSpaces(lines[i])
				}
				words = append(words, strings.Fields(lines[i])...)
			}
			if hang == ind {
				hang = ind + 2
			}
			if hang > width/2 && strings.TrimSpace(head) != "" {
				// Too narrow for two columns: the key on its own line, its
				// text under it.
				out = append(out, strings.TrimRight(head, " "))
				out = append(out, wrapWords(words, width, ind+2, ind+2)...)
				continue
			}
			wrapped := wrapWords(words, width, max(len(head), 1), hang)
			if len(wrapped) > 0 {
				wrapped[0] = head + strings.TrimLeft(wrapped[0], " ")
			}
			out = append(out, wrapped...)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// definitionColumn is where the text of an indented line starts: after
// "json   " in "    json   the whole model", else after the indent.
func definitionColumn(l string) int {
	ind := leadingSpaces(l)
	rest := l[ind:]
	if i := strings.Index(rest, "  "); i > 0 {
		j := i
		for j < len(rest) && rest[j] == ' ' {
			j++
		}
		if j < len(rest) {
			return ind + j
		}
	}
	return ind
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// wrapWords fills lines of at most width columns with words, the first line
// starting at column first and the others at column hang. A word is never
// broken: one longer than a line gets a line of its own.
func wrapWords(words []string, width, first, hang int) []string {
	var lines []string
	var cur strings.Builder
	col, start := first, first
	for _, w := range words {
		ww := ansi.StringWidth(w)
		if cur.Len() > 0 && col+1+ww > width {
			lines = append(lines, strings.Repeat(" ", start)+cur.String())
			cur.Reset()
			start, col = hang, hang
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
			col++
		}
		cur.WriteString(w)
		col += ww
	}
	if cur.Len() > 0 {
		lines = append(lines, strings.Repeat(" ", start)+cur.String())
	}
	return lines
}

func indent(n int, s string) string {
	if s == "" {
		return ""
	}
	return strings.Repeat(" ", n) + s
}
