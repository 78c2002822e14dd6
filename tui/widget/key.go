package widget

import "charm.land/bubbles/v2/key"

// Key is a binding of one key, shown as itself in help. The key maps are
// made of these: one call each, rather than key.NewBinding with its
// options, keeps their constructors small in the binary.
func Key(k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc))
}

// Keys is a binding of the keys, shown in help as shown, for the same
// reason as Key.
func Keys(shown, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, desc))
}
