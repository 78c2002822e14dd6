package main

import (
	"fmt"
	"strings"

	"github.com/muesli/mango"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
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
			page, err := manPage(cmd.Root())
			if err != nil {
				return inputError(err)
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page)
			return outputError(err)
		},
	}
}

// manPage builds the manual page from the command tree, with sections on
// exit status, environment and examples.
func manPage(root *cobra.Command) (string, error) {
	page := mango.NewManPage(1, root.Name(), root.Short).WithLongDescription(unwrap(root.Long))
	if err := mcobra.AddCommand(page, root); err != nil {
		return "", err
	}
	page.WithSection("Exit status", strings.Join([]string{
		"0 on success.",
		"1 when the input is invalid: a briefing with errors, an unreadable file.",
		"2 on a usage error: an unknown command or flag, a bad argument.",
		"130 when interrupted.",
	}, "\n"))
	page.WithSection("Environment", strings.Join([]string{
		"NO_COLOR: when set, no colour is used; focus and selection stay visible through bold, reverse and markers.",
		"When standard output is not a terminal, brief writes plain text with no escape sequences and asks the terminal nothing.",
	}, "\n"))
	page.WithSection("See also", "The briefing format: docs/format.md in the source repository. Keys: docs/keys.md and docs/present.md.")
	return page.Build(roff.NewDocument()) + examples(root), nil
}

// examples renders every command's examples as a preformatted section.
func examples(root *cobra.Command) string {
	var sb strings.Builder
	sb.WriteString(".SH EXAMPLES\n")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		if c.Example != "" && c.Name() != "help" {
			sb.WriteString(".PP\n.nf\n")
			for _, l := range strings.Split(c.Example, "\n") {
				sb.WriteString(roffLine(strings.TrimPrefix(l, "  ")) + "\n")
			}
			sb.WriteString(".fi\n")
		}
		for _, sub := range c.Commands() {
			if sub.Name() != "completion" || c == root {
				walk(sub)
			}
		}
	}
	walk(root)
	return sb.String()
}

// roffLine escapes one line of literal text for roff.
func roffLine(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// unwrap joins the lines of each paragraph of a help text, since the man
// page starts a new paragraph at every newline.
func unwrap(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n")
}
