// Package search ranks many short texts (points, sentences, events, actor
// names, glossary terms: up to a million across a library) against a query
// typed one keystroke at a time. Its results are exactly those of
// github.com/sahilm/fuzzy's Find, so rankings stay familiar: the same items
// in the same order with the same scores and matched offsets. It only avoids
// scoring every text on every keystroke.
//
// # Scoring, as fuzzy v0.1.3 does it
//
// fuzzy walks a text once, rune by rune, with an index p into the pattern.
// Runes are compared case-insensitively with strings.EqualFold's rune test:
// two runes are equal when they lie on the same unicode.SimpleFold orbit, so
// 's' also matches 'ſ' and 'k' the Kelvin sign, which unicode.ToLower alone
// would not do. A text is cut at its first NUL; a pattern holding a NUL
// never matches, and an empty pattern matches nothing. Invalid UTF-8 reads
// as U+FFFD, one rune per bad byte, in texts and patterns alike.
//
// Each text rune equal to pattern rune p is a candidate, scored
//
//	+10  it is the first rune of the text
//	+20  camel case: the previous rune is lower case and this one upper case
//	+20  the previous rune is a separator, one of / - _ space . \
//	+b   adjacency: the previous rune is the last committed match; b is
//	     2c+5, and the running bonus c, which starts at 0, grows by b
//
// The first three exclude each other. The running bonus is never reset, so
// adjacent matches earn 5, 15, 45, 135, ... and a later run of adjacent
// matches continues where the previous run stopped.
//
// The candidate with the best score (the earliest on a tie) is committed as
// soon as the next text rune equals pattern rune p+1, or at the end of the
// text for the last pattern rune; then p moves on. So the walk is greedy:
// pattern rune p lives in a region from its first occurrence to just before
// the first occurrence of rune p+1 after that, and only the best candidate
// inside the region counts. For "tk" in "The Black Knight" the region of 't'
// is the first T only, and that of 'k' runs to the end, where the K of
// Knight (after a space, +20) beats the k of Black.
//
// The first committed match costs 5 points per byte before it, at most 15.
// Finally the score gets the number of pattern runes minus the number of
// text bytes: one point off for every unmatched byte, so short texts rank
// high and a non-ASCII letter costs two or three points. A text matches when
// every pattern rune was committed. MatchedIndexes are byte offsets. Find
// sorts the matches with sort.Stable by descending score, so equal scores
// keep the order of the texts.
//
// Two quirks are reproduced as well. The running adjacency bonus also grows
// when the adjacent candidate is then beaten by a later one (a candidate
// after a separator, say). And since it triples with each adjacent match, it
// overflows int after about forty of them; the candidates' scores then go
// negative, none beats the initial -1, and the offset committed for the
// previous pattern rune is committed again, so MatchedIndexes repeats it.
//
// # Pipeline
//
// NewIndex keeps, per text, a folded copy in which every rune is replaced by
// one representative of its fold orbit (the lower-case ASCII letter, or the
// smallest rune of the orbit; U+FFFD becomes the byte 0xFF), a 64-bit mask of
// the folded runes present (a-z, 0-9, space, eleven buckets for other ASCII
// and fourteen for other runes) and two flags: the text is not plain ASCII,
// the text has a camel-case transition. Equal folded runes are exactly fuzzy's equal runes, so matching
// works on bytes. A search compiles the query the same way and, per text:
//
//  1. Mask. A text without one of the query's mask bits cannot match.
//  2. Subsequence. The leftmost occurrence of the folded query in the
//     folded copy, one bytes.IndexByte per query byte (bytes.Index per
//     non-ASCII rune). It exists exactly when fuzzy matches, and its
//     positions are the starts of fuzzy's regions.
//  3. Bound. A match scores at most 20 a rune, plus the adjacency bonuses
//     of the runes that can be adjacent at all (a region's first rune, when
//     the rune before it is the previous pattern rune), plus the leading
//     penalty at the leftmost offset, plus the pattern length, minus the
//     text length. Without camel case in the text, a rune that can be
//     adjacent adds its adjacency bonus or 20, whichever is more, not both
//     (unless it follows a separator in the query). A folded copy is never
//     longer than its text, so its length will do. Once a worker's heap
//     holds limit matches, a text whose bound is below the worst of them is
//     not scored. Index.Search even abandons the subsequence test as soon
//     as the bound fails.
//  4. Score. For a plain ASCII text, asciiScore jumps with bytes.IndexByte
//     between the occurrences of each pattern byte inside its region; other
//     texts go through walkScore, a rune-by-rune transcription of fuzzy's
//     loop that allocates nothing. Tests hold both to fuzzy.Find.
//  5. Top N. Each worker keeps the limit best (score, item) pairs in a
//     min-heap; the heaps are merged and sorted at the end (score down, item
//     up), and MatchedIndexes are computed for the winners only.
//
// The texts are handed out in blocks of 4096 to GOMAXPROCS goroutines, which
// look at the context between blocks. Nothing is allocated per text.
//
// # Narrowing
//
// A Searcher remembers every text that matched the last query, with the
// folded offset just past the query's leftmost occurrence and what the
// bound needs (9 bytes per match). The leftmost occurrence of "gorouti" is
// that of "gorout" followed by the first 'i' after it, so when the next
// query extends the last one, each remembered text costs one IndexByte per
// added rune, and only those can match. It also keeps the matches of the
// shorter queries typed before, so a backspace or an edit in the middle
// narrows the longest remembered prefix instead of scanning everything.
//
// # Memory
//
// Besides the texts themselves, an index holds a folded copy of each, never
// longer, and 12 bytes a text (mask and offset). Counting the texts' bytes
// and string headers too, as Size does, that is 2.3 to 2.4 times the bytes
// of the text for sentences of 80 bytes. A Searcher holds up to 27 bytes
// per text.
package search
