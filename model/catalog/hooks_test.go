package catalog

// SetParts cuts every SearchIndex into up to parts parts of at least size
// texts, for a test, and returns the function that restores the defaults.
func SetParts(size, parts int) (restore func()) {
	oldSize, oldParts := partSize, maxParts
	partSize, maxParts = size, parts
	return func() { partSize, maxParts = oldSize, oldParts }
}

// MayMatch is the prefilter of SearchBriefings.
func MayMatch(query, text string) bool {
	f := newPrefilter(query, false)
	return f.mayMatch(text)
}
