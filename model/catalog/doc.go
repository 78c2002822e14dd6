// Package catalog is brief's view of many briefings at once: a library (a
// folder of briefing files and plain articles, loaded concurrently, broken
// files kept with their errors) and search across briefings — the engine of
// `brief search` and of explore mode's search palette, ranked in tiers by
// model/search.
package catalog
