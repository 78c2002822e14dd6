// Package catalog searches across briefings: the items of one or more
// briefings (glossary terms, actors, events, themes, points, sentences),
// ranked in tiers by model/search, with the hits of a weaker class than
// the best marked weak. It is the engine of `brief search` and of explore
// mode's search palette. Loading a library is model/library's.
package catalog
