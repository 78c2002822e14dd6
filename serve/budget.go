package serve

import (
	"net"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// DefaultNoSessionTimeout is how long an authenticated connection may go
// without a session running before it is closed. OpenSSH opens its
// session at once; a connection that opens none (ssh -N) holds nothing
// a user can see.
const DefaultNoSessionTimeout = 10 * time.Second

// Connections are budgeted in two parts, so that neither can use up the
// other:
//
//   - Before authentication: at most maxPending connections in the
//     handshake. Those cost a stranger nothing but a TCP connection, so
//     when the budget is full a new one makes room by closing the oldest
//     handshake of the address holding the most: a few addresses opening
//     idle connections push out their own, and a student's connection
//     from another address still gets through.
//   - After: at most maxAuthed authenticated connections, each closed
//     when it has had no session for the no-session timeout.
func (s *Server) maxPending() int { return s.cfg.MaxSessions + 16 }
func (s *Server) maxAuthed() int  { return s.cfg.MaxSessions + 16 }

// admitLocked takes a new connection into the handshake budget, closing the
// handshake that must make room for it. Called with s.mu held.
func (s *Server) admitLocked(info *connInfo) {
	if len(s.pending) >= s.maxPending() {
		if victim := s.evictionLocked(); victim != nil {
			delete(s.pending, victim)
			victim.mu.Lock()
			victim.closeReason = "too many connections in the handshake: the oldest of the busiest address closed"
			victim.mu.Unlock()
			_ = victim.conn.Close()
		}
	}
	s.pending[info] = struct{}{}
}

// evictionLocked is the oldest handshake of the address with the most.
func (s *Server) evictionLocked() *connInfo {
	count := map[string]int{}
	for c := range s.pending {
		count[c.host]++
	}
	var victim *connInfo
	for c := range s.pending {
		if victim == nil || count[c.host] > count[victim.host] ||
			count[c.host] == count[victim.host] && c.since.Before(victim.since) {
			victim = c
		}
	}
	return victim
}

// serverConfig is the SSH configuration of one connection: it hears when
// the client has authenticated.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		AuthLogCallback: func(_ gossh.ConnMetadata, _ string, err error) {
			if err == nil {
				s.authenticated(ctx)
			}
		},
	}
}

// authenticated moves a connection from the handshake budget to the
// authenticated one, or closes it when that is full, and starts its
// no-session clock.
func (s *Server) authenticated(ctx ssh.Context) {
	info := infoOf(ctx)
	s.mu.Lock()
	delete(s.pending, info)
	full := s.authed >= s.maxAuthed()
	if !full {
		s.authed++
	}
	s.mu.Unlock()
	info.mu.Lock()
	defer info.mu.Unlock()
	if full {
		info.closeReason = "too many connections"
		if info.conn != nil {
			_ = info.conn.Close()
		}
		return
	}
	info.authed = true
	s.idleConnLocked(info)
}

// idleConnLocked starts the clock of a connection without a session.
// Called with info.mu held.
func (s *Server) idleConnLocked(info *connInfo) {
	d := s.cfg.NoSessionTimeout
	if d <= 0 || info.conn == nil {
		return
	}
	if info.idle != nil {
		info.idle.Stop()
	}
	info.idle = time.AfterFunc(d, func() {
		info.mu.Lock()
		if info.running > 0 {
			info.mu.Unlock()
			return
		}
		info.closeReason = "no session for " + d.String()
		info.mu.Unlock()
		_ = info.conn.Close()
	})
}

// sessionStarted and sessionEnded keep count of a connection's running
// sessions; a connection left without one gets its clock again.
func (s *Server) sessionStarted(info *connInfo) {
	info.mu.Lock()
	defer info.mu.Unlock()
	info.running++
	if info.idle != nil {
		info.idle.Stop()
	}
}

func (s *Server) sessionEnded(info *connInfo) {
	info.mu.Lock()
	defer info.mu.Unlock()
	info.running--
	if info.running == 0 && info.authed {
		s.idleConnLocked(info)
	}
}

// hostOfConn is a connection's remote host, for the handshake budget.
func hostOfConn(c net.Conn) string { return hostOf(c.RemoteAddr()) }
