//go:build unix

package tmuxtest

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

// alive reports whether process pid is running: it exists and, where
// /proc tells, is not a zombie waiting for a parent to reap it.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// The state follows the command name, which is in parentheses.
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}
