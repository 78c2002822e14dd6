// Package watch tells a program when a briefing file changes on disk, so an
// author sees each save at once. It watches the file's directory rather than
// the file, because editors save by writing a new file and renaming it over
// the old one, which a watch on the file itself would lose.
//
// The package knows nothing of terminals or of the briefing format: on each
// Event the caller reloads with model.Load, and [Reselect] picks the item to
// keep selected.
package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long a file must be quiet after a change before the change
// is reported: one save is often several events (truncate, write, rename).
const Debounce = 75 * time.Millisecond

// Event reports that a watched file changed (was written, created, renamed
// over, or removed), or that the watcher hit an error, such as missed
// events. Either way the caller should reload; Err is worth showing. The
// watch goes on after an error.
type Event struct {
	Path string // the watched file, as given to File; "" with Err
	Err  error
}

// Files watches files (such as a briefing and the article it reads) until
// ctx is done, then closes the channel. Each burst of changes to a file
// gives one Event, Debounce after the last of them, naming the file that
// changed. Changes to other files in their directories are ignored. A file
// need not exist yet; its directory must.
//
// If the caller falls behind, events are merged: at most one waits in the
// channel, and it means "reload now".
func Files(ctx context.Context, paths ...string) (<-chan Event, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching for changes: %w", err)
	}
	targets := map[string]string{} // cleaned absolute path -> as given
	dirs := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			w.Close()
			return nil, err
		}
		targets[abs] = p
		dir := filepath.Dir(abs)
		if dirs[dir] {
			continue
		}
		dirs[dir] = true
		if err := w.Add(dir); err != nil {
			w.Close()
			return nil, fmt.Errorf("watching %s: %w", dir, err)
		}
	}
	out := make(chan Event, 1)
	go func() {
		defer close(out)
		defer w.Close()
		run(ctx, w.Events, w.Errors, targets, out, time.After)
	}()
	return out, nil
}

// changeOps are the operations that can change what a file holds.
const changeOps = fsnotify.Write | fsnotify.Create | fsnotify.Rename | fsnotify.Remove

// run is the watch loop: it collects events on the targets and, once they
// have been quiet for Debounce (after is time.After, or a fake in tests),
// reports each changed target once.
func run(ctx context.Context, events <-chan fsnotify.Event, errs <-chan error,
	targets map[string]string, out chan Event, after func(time.Duration) <-chan time.Time) {
	var quiet <-chan time.Time
	pending := map[string]bool{}
	var order []string
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			name, ok := targets[filepath.Clean(ev.Name)]
			if !ok || ev.Op&changeOps == 0 {
				continue
			}
			if !pending[name] {
				pending[name] = true
				order = append(order, name)
			}
			quiet = after(Debounce)
		case err, ok := <-errs:
			if !ok {
				return
			}
			send(out, Event{Err: err})
		case <-quiet:
			quiet = nil
			for _, name := range order {
				send(out, Event{Path: name})
			}
			clear(pending)
			order = order[:0]
		}
	}
}

// send delivers an event without blocking. If the channel is full, the event
// waiting there already tells the caller to reload, so a change is dropped;
// an error takes the waiting event's place (joined with its error, if any)
// so that it is still shown.
func send(out chan Event, ev Event) {
	select {
	case out <- ev:
		return
	default:
	}
	if ev.Err != nil {
		select {
		case old := <-out:
			if old.Err != nil {
				ev.Err = fmt.Errorf("%w; %w", old.Err, ev.Err)
			}
		default:
		}
		select {
		case out <- ev:
		default:
		}
	}
}
