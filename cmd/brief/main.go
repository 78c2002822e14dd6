// Command brief explores and presents structured news briefings in the
// terminal. This package parses arguments and wires commands to the model
// and the terminal program; each command lives in its own file.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/crashlog"
	"github.com/brief-cli/brief/tui/explore"
	"github.com/brief-cli/brief/tui/style"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the exit code.
func run(args []string) (code int) {
	defer func() {
		// A panic is a bug: one line on standard error, the trace in a
		// crash log (docs/cli.md).
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, "brief: "+crashlog.New(r, debug.Stack()).Error())
			code = exitInternal
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	// SIGHUP is a closed terminal and SIGQUIT ctrl+\: like ctrl+c and
	// SIGTERM they end a terminal program through its context, so that it
	// restores the terminal and keeps a note being written (docs/state.md).
	// A signal ignored when brief started (SIGHUP under nohup, SIGINT in a
	// background job of a script) stays ignored.
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		if !signal.Ignored(sig) {
			signal.Notify(sigs, sig)
		}
	}
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		// From now on a second signal ends the program the default way.
		signal.Stop(sigs)
		interrupted.Store(true)
		cancel()
		if !interactive.Load() {
			// Commands that print and exit do not watch the context; a
			// signal ends them at once, as it would without a handler.
			os.Exit(exitInterrupted)
		}
	}()

	root := newRootCmd()
	root.SetArgs(args)
	err := execute(ctx, root)
	if interrupted.Load() {
		return exitInterrupted
	}
	return exitCode(err)
}

var (
	// interactive is set while a command runs a terminal program that
	// handles an interrupt itself, through its context, and must restore the
	// terminal before it ends.
	interactive atomic.Bool
	// interrupted is set when SIGINT, SIGTERM, SIGHUP or SIGQUIT arrives.
	interrupted atomic.Bool
)

// interactively runs a terminal program (explore, present, notes): an
// interrupt cancels the command's context instead of ending the process, so
// the program can restore the terminal; brief then exits 130.
func interactively(fn func() error) error {
	interactive.Store(true)
	defer interactive.Store(false)
	return fn()
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "brief [FILE|DIR]",
		Short: "Explore and present structured news briefings in the terminal",
		Long: `brief holds an analytical article as a structured briefing — themes, key points
that quote the article word for word, actors, a timeline and a glossary — and
lets you explore it in panes, search it, walk its timeline and present it.

With no argument it opens the built-in briefing. With a FILE it opens that
briefing (a *.brief.md file, or a plain article as *.txt); with a DIR, the
library of briefings under it. When standard output is not a terminal, brief
prints the briefing as plain text instead (the same as "brief print").`,
		Example: `  brief                          # explore the built-in briefing
  brief russia.brief.md          # explore a briefing
  brief briefings/               # browse a library of briefings
  brief | less                   # read the briefing as plain text`,
		Args:                  rootArgs,
		RunE:                  runRoot,
		SilenceUsage:          true,
		SilenceErrors:         true,
		DisableFlagsInUseLine: true,
		ValidArgsFunction:     briefingCompletion,
		// Suggest "print" for "prnt" (cobra's default of 0 turns suggestions off here).
		SuggestionsMinimumDistance: 2,
	}
	root.PersistentFlags().Var(newThemeValue(), "theme", "colour theme: "+style.Choices(style.Themes))
	_ = root.RegisterFlagCompletionFunc("theme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return style.Themes, cobra.ShellCompDirectiveNoFileComp
	})
	root.Flags().Bool("no-reload", false, "do not reload the briefing when its file changes")
	root.Flags().String("goto", "", "open on an item by id (a point, event, actor, term or sentence such as p5.s3); FILE#ID does the same")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return commandUsageError(c, flagError(err))
	})
	for _, c := range commands {
		root.AddCommand(c())
	}
	addExamples(root)
	return root
}

// rootArgs accepts one FILE or DIR. A lone word that names no file but
// looks like a command is reported as an unknown command, with suggestions.
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return commandUsageError(cmd, fmt.Errorf("takes one FILE or DIR, got %d arguments (%s)", len(args), strings.Join(args, " ")))
	}
	if len(args) == 1 && looksLikeCommand(args[0]) {
		if _, err := os.Stat(args[0]); errors.Is(err, os.ErrNotExist) {
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", s[0])
			}
			return commandUsageError(cmd, errors.New(msg))
		}
	}
	return nil
}

func looksLikeCommand(s string) bool {
	if s == "" || strings.ContainsAny(s, `./\`) {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

func runRoot(cmd *cobra.Command, args []string) error {
	theme := themeOf(cmd)
	if len(args) == 1 {
		if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
			return runLibrary(cmd, filepath.Clean(args[0]), theme)
		}
	}
	// FILE#ID (as brief search prints it) or --goto ID opens on an item.
	gotoID, _ := cmd.Flags().GetString("goto")
	if len(args) == 1 {
		file, id, err := splitAddress(args[0])
		if err != nil {
			return commandUsageError(cmd, err)
		}
		switch {
		case id != "" && gotoID != "" && id != gotoID:
			return commandUsageError(cmd, fmt.Errorf("two items to open on: #%s in %q and --goto %s; give one", id, args[0], gotoID))
		case id != "":
			gotoID = id
		}
		args[0] = file
	}
	b, err := loadBriefing(args)
	if err != nil {
		return err
	}
	if gotoID != "" {
		if _, ok := b.Find(gotoID); !ok {
			return inputError(fmt.Errorf("%s: no item %q in the briefing%s", b.File, gotoID, suggestID(b, gotoID)))
		}
	}
	if !stdoutIsTerminal() {
		return writePlain(cmd, b, 0)
	}
	return interactively(func() error {
		noReload, _ := cmd.Flags().GetBool("no-reload")
		for {
			err := explore.Run(cmd.Context(), b, explore.Options{Theme: theme, In: os.Stdin, Out: os.Stdout, NoReload: noReload, Goto: gotoID, Editable: editable(b)})
			if errors.Is(err, explore.ErrInterrupted) {
				return reportedError(exitInterrupted, err) // ctrl+c: the exit status says it all
			}
			if !errors.Is(err, explore.ErrEdit) {
				return err
			}
			// E: edit mode on the same file, then back to explore mode
			// where the reader left off.
			if b, err = editThenReload(cmd, b.File, theme); err != nil {
				return err
			}
			gotoID = ""
		}
	})
}

// stdoutIsTerminal reports whether standard output is a terminal: the test
// for drawing anything, and for asking the terminal anything.
func stdoutIsTerminal() bool { return term.IsTerminal(os.Stdout.Fd()) }

// terminalWidth is the width to wrap plain text to: the terminal's when
// standard output is one, else 80.
func terminalWidth() int {
	if stdoutIsTerminal() {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// themeValue is the --theme flag; it refuses an unknown theme while the
// flags are parsed, so the mistake is a usage error.
type themeValue string

func newThemeValue() *themeValue { v := themeValue("auto"); return &v }

func (t *themeValue) String() string { return string(*t) }
func (t *themeValue) Type() string   { return "theme" }
func (t *themeValue) Set(s string) error {
	if s == "" || style.CheckTheme(s) != nil {
		return fmt.Errorf("must be one of %s", style.Choices(style.Themes))
	}
	*t = themeValue(s)
	return nil
}

// themeOf returns the --theme value in effect for cmd.
func themeOf(cmd *cobra.Command) string {
	if f := cmd.Flags().Lookup("theme"); f != nil {
		return f.Value.String()
	}
	return style.Auto
}

// briefingCompletion completes briefing files and directories.
func briefingCompletion(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []string{"brief.md", "txt"}, cobra.ShellCompDirectiveFilterFileExt
}

// addExamples gives cobra's own commands (help, completion) the example
// every command of brief shows in its help.
func addExamples(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Example = "  brief help export\n  brief help timeline"
		case "completion":
			// Without a shell (or with an unknown one) cobra would print help
			// and exit 0; it is a usage error.
			c.RunE = func(cmd *cobra.Command, a []string) error {
				if len(a) > 0 {
					return commandUsageError(cmd, fmt.Errorf("unknown shell %q: use bash, zsh, fish or powershell", a[0]))
				}
				return commandUsageError(cmd, errors.New("name a shell: bash, zsh, fish or powershell"))
			}
			c.Args = cobra.ArbitraryArgs
			c.Example = `  brief completion bash > ~/.local/share/bash-completion/completions/brief
  brief completion zsh > "${fpath[1]}/_brief"
  brief completion fish > ~/.config/fish/completions/brief.fish`
			for _, sub := range c.Commands() {
				sub.Example = "  brief completion " + sub.Name() + " --help"
				switch sub.Name() {
				case "bash":
					sub.Example = "  source <(brief completion bash)"
				case "zsh":
					sub.Example = "  brief completion zsh > \"${fpath[1]}/_brief\""
				case "fish":
					sub.Example = "  brief completion fish | source"
				case "powershell":
					sub.Example = "  brief completion powershell | Out-String | Invoke-Expression"
				}
			}
		}
	}
}
