// Package memlimit keeps the process's soft memory limit (see
// runtime/debug.SetMemoryLimit) above the live heap.
//
// A fixed limit is a trap for a long-running program: once what it holds
// live grows past the limit, the garbage collector runs without pause to
// get under a limit it can never reach, and an idle program burns a core
// or two (brief serve with 20 audiences at 300x100, explore on an 8 MB
// article). A [Limit] has a floor, the figure the program was sized for,
// and after every collection, when the floor leaves the live heap less
// than a sixteenth of room, it rises to the live heap plus an eighth; it
// comes back down to the floor when the heap shrinks. Under the floor it
// is the fixed limit it always was, and keeps the heap as tight; over it,
// the collector paces as it would with GOGC=12.5, a cycle each time the
// heap grows by an eighth.
package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Headroom above the live heap (and the runtime's own memory) when the
// limit follows the heap: an eighth of the heap, and at least 4 MiB. An
// eighth keeps explore's memory on a 15 MiB article where the fixed limit
// had it (scripts/bench-explore-memory); a quarter cost it 5 MiB.
const (
	headroomShare = 8
	minHeadroom   = 4 << 20
)

// Limit is a soft memory limit that follows the live heap. Make one with
// [Follow]; only one should be in force at a time, as there is one limit
// per process.
type Limit struct {
	mu      sync.Mutex
	floor   int64
	prev    int64
	stopped bool
	samples []metrics.Sample
}

// Follow sets the soft memory limit to floor and keeps it there, or above
// the live heap with headroom when that is higher, until Stop.
func Follow(floor int64) *Limit {
	l := &Limit{floor: floor, samples: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}}
	l.mu.Lock()
	l.prev = debug.SetMemoryLimit(floor)
	l.adjustLocked()
	l.mu.Unlock()
	l.arm()
	return l
}

// SetFloor changes the floor (a briefing reloaded, a search index built).
func (l *Limit) SetFloor(floor int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	l.floor = floor
	l.adjustLocked()
}

// Floor is the limit's floor.
func (l *Limit) Floor() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.floor
}

// Stop puts back the limit that was in force before Follow.
func (l *Limit) Stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	l.stopped = true
	debug.SetMemoryLimit(l.prev)
}

// Want is the limit for a live heap of live bytes when the runtime holds
// other bytes besides the heap (stacks, its own structures): the floor
// while it leaves the heap room to grow by a sixteenth, else all of it
// with an eighth of the heap (at least minHeadroom) of room.
//
// The collector's work in a second is the heap it marks times the cycles
// it runs, and the cycles are what is allocated over the room; with room
// in proportion to the heap, an idle program that allocates little costs
// little, whatever its heap. Under the floor the limit keeps the heap as
// tight as the figure it was sized for.
func Want(floor, live, other int64) int64 {
	if floor-other-live >= max(live/(2*headroomShare), minHeadroom) {
		return floor
	}
	return max(floor, other+live+max(live/headroomShare, minHeadroom))
}

// adjustLocked sets the limit for the heap as the last collection left it.
func (l *Limit) adjustLocked() {
	metrics.Read(l.samples)
	v := func(i int) int64 {
		if l.samples[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		u := l.samples[i].Value.Uint64()
		if u > math.MaxInt64 {
			return math.MaxInt64
		}
		return int64(u)
	}
	live := v(0)
	other := v(1) - v(2) - v(3) - v(4) - v(5)
	debug.SetMemoryLimit(Want(l.floor, live, max(other, 0)))
}

// sentinel is an object nobody keeps: its finalizer runs after the
// collection that finds it, which is how the limit hears of every
// collection. It holds a pointer (and is not tiny), so that it has an
// allocation of its own.
type sentinel struct {
	l *Limit
	_ [2]int64
}

// arm sets a sentinel for the next collection.
func (l *Limit) arm() {
	s := &sentinel{l: l}
	runtime.SetFinalizer(s, func(s *sentinel) {
		s.l.mu.Lock()
		stopped := s.l.stopped
		if !stopped {
			s.l.adjustLocked()
		}
		s.l.mu.Unlock()
		if !stopped {
			s.l.arm()
		}
	})
}
