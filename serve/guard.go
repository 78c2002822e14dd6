package serve

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The largest terminal a session's program is drawn for. A client may ask
// for any size (a window change carries two 32-bit numbers); the program's
// screen buffers grow with it, so a size past these is clamped to them at
// the pty request and at every window change: the client then sees the
// program in the top-left 500x200 of a bigger terminal. 500 columns is a
// full-screen 4K terminal at a small font.
const (
	MaxWidth  = 500
	MaxHeight = 200
)

// The most environment a session keeps: variables, and bytes of names and
// values together. What comes past either is refused (the client is told
// no, as sshd tells a client whose variable is not in AcceptEnv). A
// session needs a handful (LANG, NO_COLOR, COLORTERM...).
const (
	MaxEnvVars  = 64
	MaxEnvBytes = 16 << 10
)

// maxTermLen bounds the TERM a pty request may name; terminfo names are
// short.
const maxTermLen = 256

// The terminals of all sessions together are budgeted too: a program's
// memory grows with its screen (some 230 bytes a cell: 0.8 MiB at 80x24,
// 23 MiB at 500x200), so MaxSessions sessions at 500x200 would need
// gigabytes. The server has cellsPerSeat cells for each seat (240x67, a
// full-screen 1080p terminal); a session may take more while others take
// less, and when the budget is spent a bigger terminal gets a smaller
// picture, in proportion. Every session is granted up to minCells (80x24)
// whatever the budget.
const (
	cellsPerSeat = 240 * 67
	minCells     = 80 * 24
)

// clampSize is a terminal size within MaxWidth x MaxHeight.
func clampSize(w, h int) (int, int) {
	return min(max(w, 0), MaxWidth), min(max(h, 0), MaxHeight)
}

// guardedChannel is a session channel whose requests are checked before
// the session sees them: agent and X11 forwarding and subsystems are
// refused, the terminal size is clamped, the environment is bounded. Each
// refusal is logged.
type guardedChannel struct {
	gossh.NewChannel
	s   *Server
	ctx ssh.Context
}

func (c guardedChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		g := requestGuard{s: c.s, ctx: c.ctx}
		defer c.s.reserveCells(&g.cells, 0)
		for r := range reqs {
			if g.pass(r) {
				out <- r
			} else if r.WantReply {
				_ = r.Reply(false, nil)
			}
		}
	}()
	return ch, out, nil
}

// requestGuard checks the requests of one session channel.
type requestGuard struct {
	s        *Server
	ctx      ssh.Context
	envVars  int
	envBytes int
	clamped  bool
	reduced  bool
	cells    int // of the server's budget, held for this session's size
}

// pass reports whether r may go on to the session, rewriting a terminal
// size past the bounds to the bounds.
func (g *requestGuard) pass(r *gossh.Request) bool {
	switch r.Type {
	case "auth-agent-req@openssh.com":
		g.s.refused(g.ctx, "agent forwarding")
		return false
	case "x11-req":
		g.s.refused(g.ctx, "X11 forwarding")
		return false
	case "subsystem":
		var p struct{ Name string }
		if gossh.Unmarshal(r.Payload, &p) != nil {
			p.Name = "?"
		}
		g.s.refused(g.ctx, "subsystem "+strconv.Quote(clip(p.Name, 64)))
		return false
	case "env":
		var kv struct{ Key, Value string }
		if gossh.Unmarshal(r.Payload, &kv) != nil {
			return false
		}
		n := len(kv.Key) + len(kv.Value) + 1
		if g.envVars+1 > MaxEnvVars || g.envBytes+n > MaxEnvBytes {
			g.s.refused(g.ctx, fmt.Sprintf("environment past %d variables or %d bytes", MaxEnvVars, MaxEnvBytes))
			return false
		}
		g.envVars++
		g.envBytes += n
		return true
	case "pty-req":
		var p struct {
			Term          string
			Width, Height uint32
			PxW, PxH      uint32
			Modes         string
		}
		if gossh.Unmarshal(r.Payload, &p) != nil {
			return true // malformed: the session refuses it
		}
		if len(p.Term) > maxTermLen {
			g.s.refused(g.ctx, fmt.Sprintf("TERM of %d bytes", len(p.Term)))
			return false
		}
		if w, h, ok := g.clamp(p.Width, p.Height); !ok {
			p.Width, p.Height = w, h
			r.Payload = gossh.Marshal(&p)
		}
		return true
	case "window-change":
		if len(r.Payload) < 8 {
			return true
		}
		if w, h, ok := g.clamp(binary.BigEndian.Uint32(r.Payload), binary.BigEndian.Uint32(r.Payload[4:])); !ok {
			p := append([]byte(nil), r.Payload...)
			binary.BigEndian.PutUint32(p, w)
			binary.BigEndian.PutUint32(p[4:], h)
			r.Payload = p
		}
		return true
	}
	return true
}

// clamp bounds a terminal size the client asked for, to MaxWidth x
// MaxHeight and to what the server's cell budget grants; ok is false when
// the size was changed. The first clamp and the first reduction of a
// session are logged.
func (g *requestGuard) clamp(w, h uint32) (uint32, uint32, bool) {
	cw, ch := min(w, MaxWidth), min(h, MaxHeight)
	if (cw != w || ch != h) && !g.clamped {
		g.clamped = true
		g.s.log.Warn("terminal size clamped", "addr", remoteAddr(g.ctx), "key", keyOf(g.ctx),
			"asked", fmt.Sprintf("%dx%d", w, h), "max", fmt.Sprintf("%dx%d", MaxWidth, MaxHeight))
	}
	want := int(cw) * int(ch)
	granted := g.s.reserveCells(&g.cells, want)
	if granted < want {
		rw, rh := shrink(int(cw), int(ch), granted)
		if !g.reduced {
			g.reduced = true
			g.s.log.Warn("terminal size reduced", "addr", remoteAddr(g.ctx), "key", keyOf(g.ctx),
				"asked", fmt.Sprintf("%dx%d", cw, ch), "granted", fmt.Sprintf("%dx%d", rw, rh), "reason", "the server's terminals use their budget")
		}
		cw, ch = uint32(rw), uint32(rh)
	}
	return cw, ch, cw == w && ch == h
}

// shrink scales w x h down, keeping its shape, to at most cells cells.
func shrink(w, h, cells int) (int, int) {
	if w*h <= cells {
		return w, h
	}
	f := math.Sqrt(float64(cells) / float64(w*h))
	sw, sh := max(int(float64(w)*f), 1), max(int(float64(h)*f), 1)
	for sw*sh > cells && sw > 1 && sw >= sh {
		sw--
	}
	return sw, min(sh, max(cells/sw, 1))
}

// reserveCells sets a session's share of the cell budget for a terminal
// of want cells, and returns what it was granted: all of it when the
// budget has room (its own share counts as room), else what is left, and
// never less than minCells (or want, when smaller). 0 gives the share
// back.
func (s *Server) reserveCells(held *int, want int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	free := s.cfg.MaxSessions*cellsPerSeat - s.cells + *held
	granted := max(min(want, free), min(want, minCells))
	s.cells += granted - *held
	*held = granted
	return granted
}

// rejectChannel refuses a channel of a type brief does not serve (port
// forwarding's direct-tcpip, ...), and logs it.
func (s *Server) rejectChannel(_ *ssh.Server, _ *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	what := "channel " + strconv.Quote(clip(ch.ChannelType(), 64))
	switch ch.ChannelType() {
	case "direct-tcpip":
		what = "local port forwarding"
	case "direct-streamlocal@openssh.com":
		what = "local socket forwarding"
	}
	s.refused(ctx, what)
	_ = ch.Reject(gossh.Prohibited, "not served here")
}

// globalRequest answers the connection's own requests: forwarding is
// refused and logged; anything else (keepalives) is answered no quietly.
func (s *Server) globalRequest(ctx ssh.Context, _ *ssh.Server, r *gossh.Request) (bool, []byte) {
	switch r.Type {
	case "tcpip-forward":
		s.refused(ctx, "remote port forwarding")
	case "streamlocal-forward@openssh.com":
		s.refused(ctx, "remote socket forwarding")
	}
	return false, nil
}

// refused logs a request refused on an authenticated connection: the first
// of each kind at once, and how many more of that kind when the connection
// closes, so a client repeating one cannot flood the log.
func (s *Server) refused(ctx ssh.Context, what string) {
	info := infoOf(ctx)
	info.mu.Lock()
	if info.refusals == nil {
		info.refusals = map[string]int{}
	}
	info.refusals[what]++
	first := info.refusals[what] == 1
	info.mu.Unlock()
	if first {
		s.log.Warn("refused", "addr", remoteAddr(ctx), "key", keyOf(ctx), "reason", what)
	}
}

// logRepeatedRefusals logs, when a connection closes, the refusals it
// repeated.
func (s *Server) logRepeatedRefusals(addr string, info *connInfo) {
	for what, n := range info.refusals {
		if n > 1 {
			s.log.Warn("refused", "addr", addr, "key", info.key, "reason", what, "times", n)
		}
	}
}

func remoteAddr(ctx ssh.Context) string {
	if a := ctx.RemoteAddr(); a != nil {
		return a.String()
	}
	return "?"
}

func keyOf(ctx ssh.Context) string {
	if k, ok := ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey); ok {
		return Fingerprint(k)
	}
	info := infoOf(ctx)
	info.mu.Lock()
	defer info.mu.Unlock()
	if info.key != "" {
		return info.key
	}
	return "none"
}

// clip shortens a client's string for the log.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// clampingFilter is the program's message filter in a session: a window
// size that reaches the program by another way than the SSH requests (a
// terminal's in-band size report, typed as input) is clamped too. It keeps
// wish's own filter, which turns a suspend (ctrl+z) into a resume: there
// is no shell to suspend to.
func clampingFilter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	case tea.WindowSizeMsg:
		m.Width, m.Height = clampSize(m.Width, m.Height)
		return m
	}
	return msg
}
