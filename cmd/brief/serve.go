package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/spf13/cobra"

	"github.com/brief-cli/brief/internal/deckctl"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/serve"
	"github.com/brief-cli/brief/tui/explore"
)

func init() { register(newServeCmd) }

func newServeCmd() *cobra.Command {
	var (
		cfg         serve.Config
		idle, limit time.Duration
		rate        int
		follow      bool
		pick        string
	)
	cmd := &cobra.Command{
		Use:   "serve [FILE]",
		Short: "Serve a briefing over SSH: everyone opens it from their own terminal",
		Long: `Serve a briefing over SSH. Each person who connects with ssh gets their own
explore mode, sized to their terminal and in their terminal's colours; nothing
needs installing on their side. Sessions are read-only: nothing done in one
changes the briefing, the files or anyone else's view.

With --follow the sessions follow a presentation running on this machine
("brief present" in another terminal): every terminal shows the presenter's
slide, live. A viewer who presses ← or → browses on their own, with a badge
saying where the presenter is; f follows the presenter again.

Secure by default: the host key is created on first start (in the data
directory, mode 0600) and reused; only the keys in --authorized-keys get in
(--open lets anyone in); a session needs a terminal; no commands, port or
agent forwarding, or file transfer. Sessions are capped (--max-sessions),
end when idle or too long, and each address may open a limited number of
connections a minute. A terminal is drawn at most 500x200, whatever size the
client asks for; a session keeps at most 64 environment variables; a
connection that opens no session is closed after 10 s. Every connection and
refusal is logged on standard error with the key's SHA256 fingerprint.

ctrl+c (or SIGTERM) shuts the server down: every session is told, then closed.`,
		Example: `  brief serve                                   # the built-in briefing on 127.0.0.1:2222
  ssh -p 2222 127.0.0.1                         # ... and open it from a terminal
  brief serve russia.brief.md --listen 0.0.0.0:2222 --authorized-keys class.keys
  brief serve --follow                          # follow "brief present" running here
  brief serve --open --max-sessions 30 --idle-timeout 10m`,
		Args:              args(cobra.MaximumNArgs(1)),
		ValidArgsFunction: briefingCompletion,
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) == 1 {
				if st, err := os.Stat(a[0]); err == nil && st.IsDir() {
					return commandUsageError(cmd, fmt.Errorf("%s is a directory: serve one briefing FILE", a[0]))
				}
			}
			if err := serveLimits(&cfg, idle, limit, rate); err != nil {
				return commandUsageError(cmd, err)
			}
			b, err := loadBriefing(a)
			if err != nil {
				return err
			}
			return runServe(cmd, b, cfg, follow, pick)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Listen, "listen", serve.DefaultListen, "address to listen on (0.0.0.0:2222 for every interface)")
	f.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "file of the public keys allowed in (default ~/.ssh/authorized_keys)")
	f.BoolVar(&cfg.Open, "open", false, "let anyone in, with any key or none")
	f.StringVar(&cfg.HostKeyPath, "host-key", "", "host key file, created if missing (default brief/ssh_host_ed25519 in the data directory)")
	f.IntVar(&cfg.MaxSessions, "max-sessions", serve.DefaultMaxSessions, "sessions open at once; more are politely refused")
	f.DurationVar(&idle, "idle-timeout", serve.DefaultIdleTimeout, "end a session after this long without activity (0: never)")
	f.DurationVar(&limit, "max-timeout", serve.DefaultMaxTimeout, "end a session after this long in all (0: never)")
	f.IntVar(&rate, "rate", serve.DefaultRatePerMinute, "new connections a minute from one address (0: no limit)")
	f.BoolVar(&follow, "follow", false, "follow the presentation running here (\"brief present\")")
	f.StringVar(&pick, "pick", "", "with --follow, the presentation with this pid or a word of its title")
	return cmd
}

// serveLimits turns the flags' "0 means none" into the configuration's
// "negative means none", refusing values that make no sense.
func serveLimits(cfg *serve.Config, idle, limit time.Duration, rate int) error {
	switch {
	case cfg.MaxSessions < 1:
		return fmt.Errorf("--max-sessions must be at least 1, got %d", cfg.MaxSessions)
	case idle < 0:
		return fmt.Errorf("--idle-timeout must not be negative, got %s", idle)
	case limit < 0:
		return fmt.Errorf("--max-timeout must not be negative, got %s", limit)
	case rate < 0:
		return fmt.Errorf("--rate must not be negative, got %d", rate)
	case strings.TrimSpace(cfg.Listen) == "":
		return errors.New("--listen needs an address, e.g. 127.0.0.1:2222")
	}
	cfg.IdleTimeout, cfg.MaxTimeout, cfg.RatePerMinute = orNone(idle), orNone(limit), rate
	if rate == 0 {
		cfg.RatePerMinute = -1
	}
	return nil
}

func orNone(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}

// runServe serves b until the command's context ends (ctrl+c, SIGTERM).
func runServe(cmd *cobra.Command, b *model.Briefing, cfg serve.Config, follow bool, pick string) error {
	errOut := cmd.ErrOrStderr()
	cfg.Log = errOut
	factory := sessionFactory(b, themeOf(cmd))
	var presentation *serve.Presentation
	var hub *deckctl.Hub
	if follow {
		var err error
		if presentation, err = serve.FindPresentation(pick, b.Title); err != nil {
			return inputError(err)
		}
		hub = deckctl.NewHub()
		defer hub.Close()
		factory = serve.FollowDeck(b, hub)
	}
	srv, err := serve.New(cfg, factory)
	if err != nil {
		return inputError(err)
	}
	if err := srv.Listen(); err != nil {
		return inputError(err)
	}
	printServing(errOut, b, srv, cfg, presentation)
	return interactively(func() error {
		ctx := cmd.Context()
		if presentation != nil {
			go func() { _ = presentation.Relay(ctx, hub) }()
		}
		if err := srv.Serve(ctx); err != nil {
			return inputError(err)
		}
		return ctx.Err()
	})
}

// sessionFactory is the program each session of "brief serve" runs:
// explore mode, read-only, in the client's environment (its NO_COLOR).
func sessionFactory(b *model.Briefing, theme string) serve.Factory {
	return func(_ ssh.Session, env serve.Env) tea.Model {
		return explore.NewModel(b, explore.Options{Theme: theme, Env: env.Environ})
	}
}

// printServing tells the person who started the server how to reach it.
func printServing(w io.Writer, b *model.Briefing, srv *serve.Server, cfg serve.Config, p *serve.Presentation) {
	addr := srv.Addr().String()
	host, port := addr, "22"
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		host, port = addr[:i], addr[i+1:]
	}
	if host == "0.0.0.0" || host == "[::]" || host == "::" {
		host = "HOST"
	}
	fmt.Fprintf(w, "brief serve: serving %q on %s\n", sanitize.Line(b.Title), addr)
	fmt.Fprintf(w, "  connect:  ssh -p %s %s\n", port, host)
	key := srv.HostKeyFingerprint()
	if srv.HostKeyCreated() {
		key += " (new: " + tildePath(srv.HostKeyPath()) + ")"
	}
	fmt.Fprintf(w, "  host key: %s\n", key)
	if cfg.Open {
		fmt.Fprintf(w, "  WARNING:  --open: anyone who can reach %s gets in, with no key check\n", addr)
	} else {
		path, n := srv.AuthorizedKeys()
		fmt.Fprintf(w, "  access:   %s from %s\n", plural(n, "key"), tildePath(path))
	}
	if p != nil {
		fmt.Fprintf(w, "  follows:  the presentation of pid %d\n", p.PID)
	}
	fmt.Fprintln(w, "  stop:     ctrl+c")
}

// tildePath writes a path under the home directory with ~.
func tildePath(p string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if rel, err := filepath.Rel(home, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
	}
	return p
}
