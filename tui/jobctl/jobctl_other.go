//go:build !unix

package jobctl

import tea "charm.land/bubbletea/v2"

const supported = false

type watcher struct{}

func newWatcher() *watcher                             { return &watcher{} }
func (*watcher) start(*tea.Program)                    {}
func (*watcher) filter(_ tea.Model, m tea.Msg) tea.Msg { return m }
func (*watcher) stop()                                 {}
