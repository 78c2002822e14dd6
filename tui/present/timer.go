package present

import (
	"fmt"
	"time"
)

// WarnBefore is how long before the end the timer turns to its warning
// style.
const WarnBefore = 2 * time.Minute

// Timer is the talk's clock: when it started and, for a countdown, how long
// it should last. It reads no clock itself: every method takes now, so tests
// pass a fixed time.
type Timer struct {
	Start    time.Time
	Duration time.Duration // 0: no countdown
}

// Elapsed is the time since the start (never negative).
func (t Timer) Elapsed(now time.Time) time.Duration {
	if t.Start.IsZero() || now.Before(t.Start) {
		return 0
	}
	return now.Sub(t.Start)
}

// Remaining is the time left of the countdown; negative once over time.
func (t Timer) Remaining(now time.Time) time.Duration {
	return t.Duration - t.Elapsed(now)
}

// Countdown reports whether the timer counts down to a set duration.
func (t Timer) Countdown() bool { return t.Duration > 0 }

// Warning reports whether the countdown is in its last two minutes or over.
func (t Timer) Warning(now time.Time) bool {
	return t.Countdown() && t.Remaining(now) <= WarnBefore
}

// Status is the timer as shown: "12:05" elapsed without a countdown,
// "12:05 elapsed · 7:55 left" with one, "20:40 elapsed · 0:40 over" past it.
func (t Timer) Status(now time.Time) string {
	el := FormatDuration(t.Elapsed(now))
	if !t.Countdown() {
		return el + " elapsed"
	}
	if r := t.Remaining(now); r < 0 {
		return el + " elapsed · " + FormatDuration(-r) + " over"
	}
	return el + " elapsed · " + FormatDuration(t.Remaining(now)) + " left"
}

// FormatDuration writes d as m:ss, or h:mm:ss from an hour, rounding down to
// the second (a countdown shows 0:00 only when time is up).
func FormatDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
