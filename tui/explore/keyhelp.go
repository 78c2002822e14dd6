package explore

import "charm.land/bubbles/v2/key"

// KeyHelp lists explore mode's keys as its help screen groups them: the
// global keys, the layout keys, the keys of the modal screens that open
// from their own key, the keys every list shares, the timeline axis,
// reading mode and the search palette. The manual page prints them, so it
// cannot drift from the help screens.
func KeyHelp() [][]key.Binding {
	out := append(newGlobalKeys().FullHelp(), newLayoutKeys().FullHelp()...)
	for _, o := range openers {
		out = append(out, []key.Binding{o.key})
	}
	out = append(out, newNavKeys("open", true).FullHelp()...)
	out = append(out, newAxisKeys().FullHelp()...)
	out = append(out, newReadingKeys().FullHelp()...)
	return append(out, newPaletteKeys().FullHelp()...)
}
