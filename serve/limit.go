package serve

import (
	"net"
	"sync"
	"time"
)

// rateLimiter allows each remote address a number of new connections per
// minute, with bursts of up to the same number: a token bucket per address
// holding perMinute tokens and refilled at perMinute a minute. Buckets that
// have refilled are forgotten, so the table stays as small as the set of
// addresses connecting right now.
type rateLimiter struct {
	perMinute int
	now       func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newRateLimiter(perMinute int) *rateLimiter {
	return &rateLimiter{perMinute: perMinute, now: time.Now, buckets: map[string]*bucket{}}
}

// allow reports whether a new connection from addr may proceed, and takes
// a token if so. A limiter of no rate allows everything.
func (r *rateLimiter) allow(addr net.Addr) bool {
	if r == nil || r.perMinute <= 0 {
		return true
	}
	key := hostOf(addr)
	now := r.now()
	rate := float64(r.perMinute) / float64(time.Minute)
	r.mu.Lock()
	defer r.mu.Unlock()
	if now.Sub(r.swept) > time.Minute {
		for k, b := range r.buckets {
			if b.tokens+float64(now.Sub(b.at))*rate >= float64(r.perMinute) {
				delete(r.buckets, k)
			}
		}
		r.swept = now
	}
	b, ok := r.buckets[key]
	if !ok {
		b = &bucket{tokens: float64(r.perMinute), at: now}
		r.buckets[key] = b
	}
	b.tokens = min(float64(r.perMinute), b.tokens+float64(now.Sub(b.at))*rate)
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// hostOf is the address without its port: connections are limited per
// host, whatever port they come from.
func hostOf(addr net.Addr) string {
	if t, ok := addr.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if h, _, err := net.SplitHostPort(addr.String()); err == nil {
		return h
	}
	return addr.String()
}
