//go:build !windows

package main

import "os"

// enableVirtualTerminal is needed on Windows only.
func enableVirtualTerminal(*os.File) {}
