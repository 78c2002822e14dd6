package serve

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
)

// session is one running program: the server keeps them to tell them when
// it shuts down.
type session struct {
	ssh      ssh.Session
	prog     *tea.Program
	stop     context.CancelFunc // ends the program's context
	finished chan struct{}
	// last is when something was last read from or written to the
	// client (Unix nanoseconds).
	last    atomic.Int64
	reason  atomic.Pointer[string]
	stalled atomic.Bool // the client stopped reading and was hung up on
	once    sync.Once
}

// How long a program has to end after being asked before its session is
// closed under it.
const quitGrace = 2 * time.Second

// end asks the session's program to quit and, once it has restored the
// client's terminal, to tell the user msg in one line. A program that does
// not quit in time has its session closed under it and its context ended.
// (Never Program.Kill: it races with a Run that is still starting, which
// is a fatal error of the whole process, not a panic.)
func (se *session) end(msg string) {
	se.once.Do(func() {
		se.reason.Store(&msg)
		go se.prog.Quit()
		go func() {
			t := time.NewTimer(quitGrace)
			defer t.Stop()
			select {
			case <-se.finished:
			case <-t.C:
				_ = se.ssh.Close()
				se.stop()
			}
		}()
	})
}

// handle runs one SSH session: it refuses what brief does not serve (a
// command, a session without a terminal, one past the cap), then runs the
// factory's program on the client's terminal until it quits, the client
// leaves, a time limit passes or the server shuts down.
func (s *Server) handle(sess ssh.Session) {
	addr := sess.RemoteAddr().String()
	fp := Fingerprint(sess.PublicKey())
	info := infoOf(sess.Context())
	info.mu.Lock()
	info.sessions++
	info.mu.Unlock()
	s.sessionStarted(info)
	defer s.sessionEnded(info)
	env := envOf(sess)
	start := time.Now()
	s.log.Info("connect", "addr", addr, "key", fp, "user", sess.User(), "term", env.Term,
		"size", fmt.Sprintf("%dx%d", env.Width, env.Height), "profile", env.Profile.String())
	reason := "quit"
	defer func() {
		s.log.Info("disconnect", "addr", addr, "key", fp, "after", time.Since(start).Round(time.Second).String(), "reason", reason)
	}()
	refuse := func(why, msg string) {
		reason = "refused: " + why
		stderrLine(sess, msg)
		_ = sess.Exit(1)
	}
	if cmd := sess.RawCommand(); cmd != "" {
		refuse("command "+strconv.Quote(cmd), "commands are not run here; connect without one to open the briefing.")
		return
	}
	if sess.Subsystem() != "" {
		refuse("subsystem "+strconv.Quote(sess.Subsystem()), "no subsystems here.")
		return
	}
	if _, _, ok := sess.Pty(); !ok {
		refuse("no terminal", "a terminal is needed: connect with plain ssh (or ssh -t), without a command.")
		return
	}
	if s.active.Add(1) > int64(s.cfg.MaxSessions) {
		s.active.Add(-1)
		refuse("server full", fmt.Sprintf("sorry, the server is full (%d sessions). Please try again in a little while.", s.cfg.MaxSessions))
		return
	}
	defer s.active.Add(-1)

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	env.Context = ctx
	m := s.factory(sess, env)
	if m == nil {
		reason = "nothing to run"
		return
	}
	se := &session{ssh: sess, stop: cancel, finished: make(chan struct{})}
	se.last.Store(time.Now().UnixNano())
	rw := &activity{sess: sess, last: &se.last, timeout: s.cfg.WriteTimeout, stalled: func() {
		// A client that takes nothing for so long is not reading: hang
		// up, which ends every write and read of its session.
		se.stalled.Store(true)
		s.log.Warn("client not reading", "addr", addr, "key", fp, "waited", s.cfg.WriteTimeout.String())
		closeConn(sess)
	}}
	opts := append(bubbletea.MakeOptions(sess),
		tea.WithInput(rw),
		tea.WithOutput(rw),
		tea.WithContext(ctx),
		// The server's signals are the server's: a ctrl+c at its terminal
		// shuts it down gracefully, it does not kill every program.
		tea.WithoutSignalHandler(),
		tea.WithFilter(clampingFilter),
	)
	se.prog = tea.NewProgram(m, opts...)

	s.mu.Lock()
	if s.closing.Load() {
		s.mu.Unlock()
		refuse("shutting down", "the server is shutting down. Goodbye.")
		return
	}
	s.sessions[se] = struct{}{}
	s.done.Add(1)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.sessions, se)
		s.mu.Unlock()
		s.done.Done()
	}()

	go s.followResizes(ctx, sess, se.prog)
	stop := s.limitTime(se)
	defer stop()

	go func() {
		_, _ = se.prog.Run()
		close(se.finished)
	}()
	// The seat is the connection's, not the program's: when the client
	// is gone the session ends, whatever its program is doing. The
	// program's context, made from the connection's, has ended with it:
	// the program stops at its next message, with no frame drawn.
	select {
	case <-se.finished:
	case <-sess.Context().Done():
		cancel()
		select {
		case <-se.finished:
		case <-time.After(quitGrace):
			s.log.Warn("program did not stop", "addr", addr, "key", fp)
		}
	}
	switch msg := se.reason.Load(); {
	case se.stalled.Load():
		reason = "client not reading"
	case msg != nil:
		reason = *msg
		restoreTerminal(sess)
		stderrLine(sess, *msg)
	case sess.Context().Err() != nil:
		reason = "client left"
	}
}

// closeConn hangs up a session's connection.
func closeConn(sess ssh.Session) {
	if c, ok := sess.Context().Value(ssh.ContextKeyConn).(interface{ Close() error }); ok {
		_ = c.Close()
		return
	}
	_ = sess.Close()
}

// restoreTerminal leaves the client's terminal as the program found it,
// whatever state the program left it in (killed, or quit mid-frame): the
// main screen back, the cursor shown, styles, mouse and paste modes off.
// The goodbye line then lands on a clean line of the user's own screen.
func restoreTerminal(sess ssh.Session) {
	if _, _, ok := sess.Pty(); ok {
		_, _ = io.WriteString(sess, "\x1b[0m\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?1049l\x1b[?25h\r\n")
	}
}

// followResizes passes the client's window changes to the program. It
// never waits on the program: the SSH library delivers window changes from
// the connection's reading loop, so a program that is slow (or stuck
// writing to a client that does not read) must not stop that loop, or the
// connection's end goes unnoticed. Changes that come faster than the
// program takes them are merged: only the latest size matters.
func (s *Server) followResizes(ctx context.Context, sess ssh.Session, p *tea.Program) {
	_, winch, _ := sess.Pty()
	var latest atomic.Pointer[ssh.Window]
	wake := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-wake:
				if w := latest.Swap(nil); w != nil {
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
				}
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			// Keep draining until the library closes the channel, so
			// that it never blocks on a session that has ended.
			for range winch {
			}
			return
		case w, ok := <-winch:
			if !ok {
				return
			}
			latest.Store(&w)
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	}
}

// limitTime ends the session when it has been idle for the idle timeout or
// open for the absolute one. The returned function stops the clocks.
func (s *Server) limitTime(se *session) (stop func()) {
	var timers []*time.Timer
	if d := s.cfg.MaxTimeout; d > 0 {
		timers = append(timers, time.AfterFunc(d, func() {
			se.end("the session has reached its time limit (" + duration(d) + "). Goodbye.")
		}))
	}
	if d := s.cfg.IdleTimeout; d > 0 {
		var mu sync.Mutex
		var t *time.Timer
		check := func() {
			idle := time.Since(time.Unix(0, se.last.Load()))
			if idle >= d {
				se.end("closed after " + duration(d) + " without activity. Goodbye.")
				return
			}
			mu.Lock()
			t.Reset(d - idle)
			mu.Unlock()
		}
		mu.Lock()
		t = time.AfterFunc(d, check)
		mu.Unlock()
		timers = append(timers, t)
	}
	return func() {
		for _, t := range timers {
			t.Stop()
		}
	}
}

// duration writes a limit the way a person would: "30m", "4h", "1h30m".
func duration(d time.Duration) string {
	s := d.Round(time.Second).String()
	for _, z := range []string{"m0s", "h0m"} {
		if len(s) > len(z) && s[len(s)-len(z):] == z {
			s = s[:len(s)-len(z)+1]
		}
	}
	return s
}

// activity is the session as the program reads and writes it, noting when
// anything last went through. A write the client does not take within
// timeout calls stalled once (which hangs up): writes are bounded, so a
// client that stops reading cannot hold a session, its memory and its
// seat.
type activity struct {
	sess    ssh.Session
	last    *atomic.Int64
	timeout time.Duration
	stalled func()
	once    sync.Once
}

func (a *activity) Read(p []byte) (int, error) {
	n, err := a.sess.Read(p)
	if n > 0 {
		a.last.Store(time.Now().UnixNano())
	}
	return n, err
}

func (a *activity) Write(p []byte) (int, error) {
	if a.timeout > 0 {
		t := time.AfterFunc(a.timeout, func() { a.once.Do(a.stalled) })
		defer t.Stop()
	}
	n, err := a.sess.Write(p)
	if n > 0 {
		a.last.Store(time.Now().UnixNano())
	}
	return n, err
}
