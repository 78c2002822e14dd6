package main

import (
	"context"
	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
)

// execute runs the command line: brief's own help and version, and every
// error written out by errorHandler.
func execute(ctx context.Context, root *cobra.Command) error {
	enableVirtualTerminal(os.Stdout)
	enableVirtualTerminal(os.Stderr)
	root.Version = buildVersion()
	root.SetHelpFunc(helpFunc)
	err := root.ExecuteContext(ctx)
	if err != nil {
		errorHandler(colorprofile.NewWriter(root.ErrOrStderr(), os.Environ()), err)
	}
	return err
}
