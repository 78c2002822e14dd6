//go:build unix

package jobctl

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

const supported = true

// watcher turns SIGTSTP and ctrl+z into a clean suspend.
//
// Bubble Tea suspends by restoring the terminal and sending SIGTSTP to the
// process group, expecting its default action (stop). Once a Go program
// has asked for SIGTSTP, the runtime keeps catching it, so the watcher
// does the stopping itself: the SIGTSTP that arrives while a suspend is
// under way becomes a SIGSTOP, which cannot be caught. A SIGTSTP at any
// other time (kill -TSTP) starts a suspend.
type watcher struct {
	tstp chan os.Signal
	done chan struct{}
	once sync.Once

	mu         sync.Mutex
	suspending bool
}

func newWatcher() *watcher {
	return &watcher{tstp: make(chan os.Signal, 1), done: make(chan struct{})}
}

func (w *watcher) start(p *tea.Program) {
	signal.Notify(w.tstp, syscall.SIGTSTP)
	go func() {
		for {
			select {
			case <-w.done:
				return
			case <-w.tstp:
				w.mu.Lock()
				stop := w.suspending
				w.mu.Unlock()
				if !stop {
					// From outside: suspend the program first.
					p.Send(tea.SuspendMsg{})
					continue
				}
				// The terminal is restored: stop, as SIGTSTP's default
				// action would, until SIGCONT.
				_ = syscall.Kill(0, syscall.SIGSTOP)
				w.mu.Lock()
				w.suspending = false
				w.mu.Unlock()
			}
		}
	}()
}

// filter turns ctrl+z into a suspend and notes that one is under way.
func (w *watcher) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	_, suspend := msg.(tea.SuspendMsg)
	if !suspend && !isSuspendKey(msg) {
		return msg
	}
	w.mu.Lock()
	w.suspending = true
	w.mu.Unlock()
	return tea.SuspendMsg{}
}

func (w *watcher) stop() {
	w.once.Do(func() {
		signal.Stop(w.tstp)
		close(w.done)
	})
}
