// Package export writes a parsed briefing out: JSON (the schema is
// docs/briefing.schema.json), a Markdown and a self-contained HTML handout,
// and plain text for `brief print` and `brief timeline`. Every string from the
// briefing goes through sanitize again on the way out.
package export
