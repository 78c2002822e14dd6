// Package serve serves a briefing over SSH: every session gets its own
// terminal program, sized to the client's terminal and drawn with the
// client's colour profile and environment. It also carries follow mode:
// a presenter publishes where they are on a [Hub] and audiences follow it.
//
// The server is locked down by default: only keys from an authorized_keys
// file get in, a session must have a terminal, and nothing else SSH can do
// (commands, port and agent forwarding, subsystems such as SFTP) is
// allowed. Sessions are capped, limited in time, rate-limited per address
// and logged with their key's fingerprint.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/brief-cli/brief/internal/memlimit"
	"github.com/brief-cli/brief/tui/style"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"
)

// Defaults of the zero values of [Config].
const (
	DefaultListen        = "127.0.0.1:2222"
	DefaultMaxSessions   = 100
	DefaultIdleTimeout   = 30 * time.Minute
	DefaultMaxTimeout    = 4 * time.Hour
	DefaultRatePerMinute = 30
	DefaultWriteTimeout  = 30 * time.Second
)

// DefaultMemoryLimit is the soft memory limit for a number of sessions: a
// base for the program and the briefing, and half a MiB a session. Without
// it the garbage collector lets the heap grow to twice what is live, and
// 100 idle sessions drift from 110 to over 150 MiB of RSS; with it they
// stay near 110 MiB. It is a floor, not a ceiling: sessions that hold
// more (big terminals: 20 at 300x100 do) raise it with the live heap (see
// internal/memlimit), so that the collector never runs without pause just
// under it. Nothing fails at it.
func DefaultMemoryLimit(sessions int) int64 { return 48<<20 + int64(sessions)*(512<<10) }

// Config configures a [Server]. The zero value of each field means its
// default; a negative duration or rate turns that limit off.
type Config struct {
	// Listen is the TCP address to listen on (DefaultListen).
	Listen string
	// HostKeyPath is the server's private key, created on first start
	// (DefaultHostKeyPath).
	HostKeyPath string
	// AuthorizedKeys names the file of the public keys allowed in
	// (DefaultAuthorizedKeysPath). Ignored when Open is set.
	AuthorizedKeys string
	// Open lets anyone in, with any key or none.
	Open bool
	// MaxSessions caps the sessions open at once (DefaultMaxSessions).
	MaxSessions int
	// IdleTimeout ends a session that neither sent nor received anything
	// for so long (DefaultIdleTimeout).
	IdleTimeout time.Duration
	// MaxTimeout ends a session that has lasted so long (DefaultMaxTimeout).
	MaxTimeout time.Duration
	// RatePerMinute caps new connections from one address, per minute
	// (DefaultRatePerMinute).
	RatePerMinute int
	// WriteTimeout is how long a write to a client may wait for the client
	// to take it before the client is taken for gone and hung up on
	// (DefaultWriteTimeout).
	WriteTimeout time.Duration
	// NoSessionTimeout closes an authenticated connection that has had no
	// session running for so long (DefaultNoSessionTimeout).
	NoSessionTimeout time.Duration
	// ShutdownGrace is how long a shutdown waits for clients to hang up
	// after their sessions were told, before it hangs up on them (0: 5 s).
	ShutdownGrace time.Duration
	// MemoryLimit is the floor of the soft memory limit of the process
	// while it serves (see runtime/debug.SetMemoryLimit): above it the
	// limit follows the live heap; 0 means one sized for MaxSessions
	// (DefaultMemoryLimit), negative none. GOMEMLIMIT, when set, wins.
	MemoryLimit int64
	// Log receives one line for every connection, session and refusal
	// (nothing when nil).
	Log io.Writer
}

// Env is what a session's program needs to know about the client's
// terminal: its size, colour profile and environment, all from the client,
// never from the server's own terminal or environment.
type Env struct {
	Width, Height int
	// Term is the client's $TERM.
	Term string
	// Profile is the colour profile the client's terminal supports, as
	// detected from its TERM, COLORTERM, NO_COLOR, CLICOLOR... It is Ascii
	// when the client set NO_COLOR.
	Profile colorprofile.Profile
	// Environ is the client's environment as it sent it ("KEY=value"),
	// with TERM added.
	Environ []string
	// Context ends when the session does: a model that starts goroutines
	// or subscriptions stops them with it.
	Context context.Context
}

// Getenv returns the value of the client's environment variable key.
func (e Env) Getenv(key string) string {
	v := ""
	for _, kv := range e.Environ {
		if k, val, ok := strings.Cut(kv, "="); ok && k == key {
			v = val // the last one wins, as in a shell
		}
	}
	return v
}

// NoColor reports whether the client asked for no colour (NO_COLOR set to
// anything but the empty string).
func (e Env) NoColor() bool { return style.NoColor(append([]string{}, e.Environ...)) }

// Factory makes the program model of one session. It returns nil to run
// nothing (the session then ends). Sessions are read-only: the model must
// not write files or change anything outside itself.
type Factory func(s ssh.Session, env Env) tea.Model

// Server serves a briefing over SSH. Make one with [New].
type Server struct {
	cfg     Config
	factory Factory
	srv     *ssh.Server
	log     *slog.Logger
	keys    *keyring
	limiter *rateLimiter
	hostFP  string
	created bool

	ln      net.Listener
	closing atomic.Bool
	active  atomic.Int64 // sessions running a program

	mu       sync.Mutex
	sessions map[*session]struct{}
	info     map[string]*connInfo   // by remote address
	pending  map[*connInfo]struct{} // connections in the handshake
	authed   int                    // authenticated connections
	cells    int                    // of the terminals, all sessions together (see cellsPerSeat)
	done     sync.WaitGroup         // running sessions
}

// connInfo is what the server knows of one connection: its place in the
// budgets, its sessions, and what its log lines say.
type connInfo struct {
	conn  net.Conn
	host  string
	since time.Time

	mu          sync.Mutex
	offered     string // fingerprint of the last key refused
	key         string // fingerprint of the key accepted
	authed      bool   // the client has authenticated
	channels    int
	sessions    int            // sessions asked for
	running     int            // sessions being handled now
	idle        *time.Timer    // closes the connection without a session
	closeReason string         // why the server closed it, if it did
	logged      bool           // its refusal is in the log
	refusals    map[string]int // requests refused, by kind
}

// Channels a single connection may open; OpenSSH uses one.
const maxChannelsPerConn = 4

// How long a client has to authenticate, and how long shutdown waits for
// sessions to finish after telling them.
const (
	handshakeTimeout = 30 * time.Second
	shutdownGrace    = 5 * time.Second
)

// New checks the configuration, loads (or creates) the host key and reads
// the authorized keys. It does not listen yet.
func New(cfg Config, factory Factory) (*Server, error) {
	if factory == nil {
		return nil, errors.New("serve: no program to serve")
	}
	cfg = withDefaults(cfg)
	s := &Server{
		cfg:      cfg,
		factory:  factory,
		log:      newLogger(cfg.Log),
		limiter:  newRateLimiter(cfg.RatePerMinute),
		sessions: map[*session]struct{}{},
		info:     map[string]*connInfo{},
		pending:  map[*connInfo]struct{}{},
	}
	if cfg.HostKeyPath == "" {
		p, err := DefaultHostKeyPath()
		if err != nil {
			return nil, fmt.Errorf("host key: %w", err)
		}
		cfg.HostKeyPath = p
		s.cfg.HostKeyPath = p
	}
	signer, created, err := loadHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s.hostFP, s.created = gossh.FingerprintSHA256(signer.PublicKey()), created
	if !cfg.Open {
		if cfg.AuthorizedKeys == "" {
			s.cfg.AuthorizedKeys = DefaultAuthorizedKeysPath()
		}
		if s.keys, err = newKeyring(s.cfg.AuthorizedKeys, s.log); err != nil {
			return nil, err
		}
	}
	s.srv = &ssh.Server{
		Handler:                  s.handle,
		HostSigners:              []ssh.Signer{signer},
		Version:                  "brief",
		HandshakeTimeout:         handshakeTimeout,
		ConnCallback:             s.accept,
		ConnectionFailedCallback: s.failed,
		ConnectionCloseCallback:  s.closed,
		PublicKeyHandler:         s.publicKey,
		ServerConfigCallback:     s.serverConfig,
		// No port forwarding: nil callbacks deny it, and every channel
		// but a session and every connection request is refused (and
		// logged). No subsystem (sftp) either: the session's guard
		// refuses them.
		ChannelHandlers:   map[string]ssh.ChannelHandler{"session": s.sessionChannel, "default": s.rejectChannel},
		RequestHandlers:   map[string]ssh.RequestHandler{"default": s.globalRequest},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{},
	}
	if cfg.Open {
		// Let clients without a key in too: keyboard-interactive with no
		// questions.
		s.srv.KeyboardInteractiveHandler = func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }
	}
	// The connection-level timeouts are a backstop behind the session's
	// own, which tell the user why they are leaving.
	if cfg.IdleTimeout > 0 {
		s.srv.IdleTimeout = cfg.IdleTimeout + time.Minute
	}
	if cfg.MaxTimeout > 0 {
		s.srv.MaxTimeout = cfg.MaxTimeout + time.Minute
	}
	return s, nil
}

func withDefaults(c Config) Config {
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	if c.MaxSessions <= 0 {
		c.MaxSessions = DefaultMaxSessions
	}
	switch {
	case c.IdleTimeout == 0:
		c.IdleTimeout = DefaultIdleTimeout
	case c.IdleTimeout < 0:
		c.IdleTimeout = 0
	}
	switch {
	case c.MaxTimeout == 0:
		c.MaxTimeout = DefaultMaxTimeout
	case c.MaxTimeout < 0:
		c.MaxTimeout = 0
	}
	switch {
	case c.MemoryLimit == 0:
		c.MemoryLimit = DefaultMemoryLimit(c.MaxSessions)
	case c.MemoryLimit < 0:
		c.MemoryLimit = 0
	}
	switch {
	case c.NoSessionTimeout == 0:
		c.NoSessionTimeout = DefaultNoSessionTimeout
	case c.NoSessionTimeout < 0:
		c.NoSessionTimeout = 0
	}
	switch {
	case c.WriteTimeout == 0:
		c.WriteTimeout = DefaultWriteTimeout
	case c.WriteTimeout < 0:
		c.WriteTimeout = 0
	}
	switch {
	case c.RatePerMinute == 0:
		c.RatePerMinute = DefaultRatePerMinute
	case c.RatePerMinute < 0:
		c.RatePerMinute = 0
	}
	return c
}

func newLogger(w io.Writer) *slog.Logger {
	if w == nil {
		w = io.Discard
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// HostKeyFingerprint is the SHA256 fingerprint of the server's host key, for
// the audience to check the first time they connect.
func (s *Server) HostKeyFingerprint() string { return s.hostFP }

// HostKeyPath is where the host key is kept.
func (s *Server) HostKeyPath() string { return s.cfg.HostKeyPath }

// HostKeyCreated reports whether the host key was made by this start.
func (s *Server) HostKeyCreated() bool { return s.created }

// AuthorizedKeys is the file of allowed keys ("" when the server is open)
// and how many keys it lists.
func (s *Server) AuthorizedKeys() (string, int) {
	if s.keys == nil {
		return "", 0
	}
	return s.cfg.AuthorizedKeys, s.keys.Len()
}

// Sessions is the number of sessions running now.
func (s *Server) Sessions() int { return int(s.active.Load()) }

// Listen binds the listen address. An address taken by another program
// gives an error saying so.
func (s *Server) Listen() error {
	if s.ln != nil {
		return nil
	}
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		switch {
		case errors.Is(err, syscall.EADDRINUSE):
			return fmt.Errorf("%s is already in use", s.cfg.Listen)
		case errors.Is(err, syscall.EACCES):
			return fmt.Errorf("cannot listen on %s: permission denied (ports below 1024 need privileges)", s.cfg.Listen)
		case errors.Is(err, syscall.EADDRNOTAVAIL):
			return fmt.Errorf("cannot listen on %s: no such address on this machine", s.cfg.Listen)
		}
		return fmt.Errorf("cannot listen on %s: %w", s.cfg.Listen, err)
	}
	s.ln = ln
	return nil
}

// Addr is the address the server listens on, once Listen has succeeded.
func (s *Server) Addr() net.Addr {
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// ListenAndServe listens (see [Server.Listen]) and serves until ctx ends,
// then shuts down gracefully: every session is told in one line that the
// server is going away, its program ends, and the connection closes. It
// returns nil after a shutdown asked for by ctx.
func (s *Server) ListenAndServe(ctx context.Context) error {
	if err := s.Listen(); err != nil {
		return err
	}
	return s.Serve(ctx)
}

// Serve serves on the address bound by Listen until ctx ends.
func (s *Server) Serve(ctx context.Context) error {
	if s.ln == nil {
		return errors.New("serve: Listen first")
	}
	attrs := []any{"addr", s.ln.Addr().String(), "host_key", s.hostFP, "max_sessions", s.cfg.MaxSessions}
	if s.cfg.Open {
		s.log.Warn("open to anyone: no key is checked", attrs...)
	} else {
		path, n := s.AuthorizedKeys()
		s.log.Info("listening", append(attrs, "authorized_keys", path, "keys", n)...)
	}
	if s.cfg.MemoryLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		defer memlimit.Follow(s.cfg.MemoryLimit).Stop()
	}
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		if errors.Is(err, ssh.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	s.shutdown()
	<-errc
	return nil
}

// shutdown stops accepting, tells every session and waits (a bounded
// time) for them to end, then closes what is left.
func (s *Server) shutdown() {
	s.closing.Store(true)
	s.mu.Lock()
	n := len(s.sessions)
	for sess := range s.sessions {
		sess.end("the server is shutting down. Goodbye.")
	}
	s.mu.Unlock()
	s.log.Info("shutting down", "sessions", n)
	grace := s.cfg.ShutdownGrace
	if grace <= 0 {
		grace = shutdownGrace
	}
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	ended := make(chan struct{})
	go func() { s.done.Wait(); close(ended) }()
	select {
	case <-ended:
	case <-ctx.Done():
	}
	// Give clients a moment to hang up themselves after their session
	// closed, then hang up on the rest.
	if err := s.srv.Shutdown(ctx); err != nil {
		_ = s.srv.Close()
	}
	_ = s.srv.Close()
	s.log.Info("stopped")
}

// accept is the first look at a new connection, before any SSH is spoken:
// too many from one address and it is dropped; it then takes a place in
// the handshake budget (see admitLocked).
func (s *Server) accept(ctx ssh.Context, conn net.Conn) net.Conn {
	addr := conn.RemoteAddr()
	if s.closing.Load() {
		return nil
	}
	if !s.limiter.allow(addr) {
		s.log.Warn("refused", "addr", addr.String(), "reason", "rate limit")
		return nil
	}
	info := &connInfo{conn: conn, host: hostOfConn(conn), since: time.Now()}
	ctx.SetValue(connInfoKey{}, info)
	s.mu.Lock()
	s.admitLocked(info)
	s.info[addr.String()] = info
	s.mu.Unlock()
	return conn
}

type connInfoKey struct{}

func infoOf(ctx ssh.Context) *connInfo {
	if i, ok := ctx.Value(connInfoKey{}).(*connInfo); ok {
		return i
	}
	return &connInfo{}
}

func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	info := infoOf(ctx)
	fp := Fingerprint(key)
	ok := s.cfg.Open || s.keys.allowed(key)
	info.mu.Lock()
	if ok {
		info.key = fp
	} else {
		info.offered = fp
	}
	info.mu.Unlock()
	return ok
}

// failed logs a connection that never got in: a refused key, a client
// that gave up, a handshake that timed out.
func (s *Server) failed(conn net.Conn, err error) {
	addr := conn.RemoteAddr().String()
	s.mu.Lock()
	info := s.info[addr]
	s.mu.Unlock()
	offered, reason := "none", err.Error()
	if info != nil {
		info.mu.Lock()
		if info.offered != "" {
			offered = info.offered
			reason = "key not authorized"
		}
		if info.closeReason != "" {
			reason = info.closeReason
		}
		info.logged = true
		info.mu.Unlock()
	}
	s.log.Warn("refused", "addr", addr, "key", offered, "reason", reason)
}

// keyOrNone is a key's fingerprint for the log, "none" when there is none.
func keyOrNone(fp string) string {
	if fp == "" {
		return "none"
	}
	return fp
}

func (s *Server) closed(conn net.Conn) {
	addr := conn.RemoteAddr().String()
	s.mu.Lock()
	info := s.info[addr]
	delete(s.info, addr)
	if info != nil {
		delete(s.pending, info)
		info.mu.Lock()
		if info.authed {
			s.authed--
		}
		info.mu.Unlock()
	}
	s.mu.Unlock()
	if info == nil {
		return
	}
	info.mu.Lock()
	defer info.mu.Unlock()
	if info.idle != nil {
		info.idle.Stop()
	}
	s.logRepeatedRefusals(addr, info)
	switch {
	case !info.authed && !info.logged && info.closeReason != "":
		// Closed by the server during the handshake, which the library
		// may still have finished (its last packet queued, not written):
		// failed was not called.
		s.log.Warn("refused", "addr", addr, "key", keyOrNone(info.key), "reason", info.closeReason)
	case !info.authed:
		// failed logged it
	case info.closeReason != "":
		s.log.Info("disconnect", "addr", addr, "key", info.key, "reason", info.closeReason)
	case info.sessions == 0:
		s.log.Info("disconnect", "addr", addr, "key", info.key, "reason", "no session opened")
	}
}

// sessionChannel opens a session channel, its requests checked by a
// guardedChannel.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	info := infoOf(ctx)
	info.mu.Lock()
	info.channels++
	n := info.channels
	info.mu.Unlock()
	if n > maxChannelsPerConn {
		s.refused(ctx, "too many sessions on one connection")
		_ = ch.Reject(gossh.ResourceShortage, "too many sessions on one connection")
		return
	}
	ssh.DefaultSessionHandler(srv, conn, guardedChannel{NewChannel: ch, s: s, ctx: ctx}, ctx)
}

// envOf is the client's terminal as the session describes it.
func envOf(sess ssh.Session) Env {
	pty, _, _ := sess.Pty()
	environ := append(sess.Environ(), "TERM="+pty.Term)
	return Env{
		Width:   pty.Window.Width,
		Height:  pty.Window.Height,
		Term:    pty.Term,
		Profile: colorprofile.Env(environ),
		Environ: environ,
	}
}

// stderrLine writes one line to the client. On a terminal it goes out
// with the program's output, after it, so that it lands on the screen the
// user is left with; without one, to standard error.
func stderrLine(sess ssh.Session, msg string) {
	var w io.Writer = sess.Stderr()
	if _, _, ok := sess.Pty(); ok {
		w = sess
	}
	_, _ = io.WriteString(w, "brief serve: "+msg+"\r\n")
}
