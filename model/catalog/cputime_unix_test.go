//go:build unix

package catalog_test

import "syscall"

// processCPU returns the CPU time (user and system) used by the process so
// far, in nanoseconds.
func processCPU() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
