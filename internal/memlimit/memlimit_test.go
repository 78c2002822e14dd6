package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestWant(t *testing.T) {
	for _, tc := range []struct{ floor, live, other, want int64 }{
		{100 << 20, 10 << 20, 5 << 20, 100 << 20},                 // under the floor: the floor
		{10 << 20, 80 << 20, 6 << 20, 6<<20 + 80<<20 + 10<<20},    // over: heap, runtime and an eighth
		{100 << 20, 90 << 20, 4 << 20, 100 << 20},                 // the floor leaves a sixteenth: the floor
		{100 << 20, 92 << 20, 4 << 20, 4<<20 + 92<<20 + 92<<20/8}, // less: the heap and an eighth
		{1 << 20, 1 << 20, 0, 1<<20 + 4<<20},                      // at least 4 MiB of room
	} {
		if got := Want(tc.floor, tc.live, tc.other); got != tc.want {
			t.Errorf("Want(%d, %d, %d) = %d, want %d", tc.floor, tc.live, tc.other, got, tc.want)
		}
	}
}

var hold [][]byte

// heapGoal is the heap size at which the next collection starts, and the
// heap the last one left live.
func heapGoal() (goal, live uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// waitLimit waits (a bounded time: finalizers run after a collection, on
// their own goroutine) for the limit to satisfy ok.
func waitLimit(t *testing.T, what string, ok func(int64) bool) int64 {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := debug.SetMemoryLimit(-1)
		if ok(got) {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("limit %d MiB: want %s", got>>20, what)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

// TestLimitFollowsTheLiveHeap: with more live than the floor, the limit
// rises above the heap and the collector's goal with it,
// and the limit comes back to the floor when the heap is let go; Stop
// puts back the limit from before.
func TestLimitFollowsTheLiveHeap(t *testing.T) {
	old := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(old)
	const floor = 8 << 20
	l := Follow(floor)
	defer l.Stop()

	for range 64 {
		hold = append(hold, make([]byte, 1<<20))
	}
	runtime.GC()
	waitLimit(t, "above 64 MiB of live heap", func(n int64) bool { return n > 64<<20+64<<20/headroomShare })

	// With a fixed 8 MiB limit the collector's goal is the live heap
	// itself: a collection starts at every allocation, and the collector
	// never stops. Following the heap, the goal leaves room above it.
	if goal, live := heapGoal(); goal < live+live/16 {
		t.Errorf("heap goal %d MiB for %d MiB live: the collector would run without pause", goal>>20, live>>20)
	}

	hold = nil
	// Back to the floor, or near it: the test's own heap and the
	// runtime's memory, with the least room, may be a little over 8 MiB.
	waitLimit(t, "back near the 8 MiB floor", func(n int64) bool { return n < 24<<20 })
	l.SetFloor(16 << 20)
	if got := debug.SetMemoryLimit(-1); got != 16<<20 {
		t.Errorf("limit %d after SetFloor(16 MiB)", got)
	}
	l.Stop()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after Stop, want the one before", got)
	}
}
