// Package library loads a library: a folder of briefing files and plain
// articles, read concurrently, broken files kept with their errors, the
// briefings in path order. Search across the briefings of a library is
// model/catalog's.
package library
