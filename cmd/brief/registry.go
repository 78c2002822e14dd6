package main

import "github.com/spf13/cobra"

// commands holds the constructors of the subcommands; each command's file
// registers its own in init, so adding a command touches one file.
var commands []func() *cobra.Command

func register(c func() *cobra.Command) { commands = append(commands, c) }
