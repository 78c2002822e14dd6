package explore

import "charm.land/bubbles/v2/key"

// KeyHelp lists explore mode's keys as its help screen groups them: the
// global keys, then the keys every list shares. The manual page prints
// them, so it cannot drift from the help screen.
func KeyHelp() [][]key.Binding {
	return append(newGlobalKeys().FullHelp(), newListKeys("open").FullHelp()...)
}
