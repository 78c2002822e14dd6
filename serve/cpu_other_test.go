//go:build !unix

package serve

import (
	"testing"
	"time"
)

// cpuTime is not measured here.
func cpuTime(t *testing.T) time.Duration {
	t.Skip("no getrusage")
	return 0
}
