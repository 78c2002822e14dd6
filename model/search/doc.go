// Package search ranks many short texts (points, sentences, events, actor
// names, glossary terms: up to a million across a library) against a query
// typed one keystroke at a time, so that the obvious hit comes first:
// words in any order, typos forgiven, and github.com/sahilm/fuzzy's score
// to order the hits that match equally well. It avoids looking closely at
// most texts on most keystrokes.
//
// # Queries
//
// A query is fzf's extended search syntax: terms separated by spaces, all
// of which must match, in any order. A plain term is a fuzzy word; 'word
// must occur as it is, ^word must begin the text, word$ end it, !word must
// not occur, and a | b matches either. Case never matters.
//
// # Tiers
//
// Each fuzzy word matches a text in the best of these ways:
//
//	6  start      the word itself, at the start of a word of the text
//	5  anywhere   the word itself, inside a word
//	4  stem       a word of the text of the same stem, by Snowball's English
//	              stemmer, British spellings made American ("criticism":
//	              criticized; see stem.go)
//	3  one edit   for a word of eight letters or more: a word of the text
//	              begins with the word one letter inserted, left out,
//	              replaced or two neighbours swapped ("goverment":
//	              government)
//	2  in a word  its letters in order inside one word ("lisbn": Lisbon)
//	1  one edit   the same for a word of four to seven letters ("harbuor":
//	              harbour); typos are forgiven only in words of four letters
//	              or more, without digits
//	0  scattered  its letters in order across the text, as fuzzy finds them
//
// A long word typed with a typo means the real word one edit away more
// often than a long token (a path, a URL) that holds its letters in order;
// a short one is often typed as its letters on purpose ("cntrl").
//
// A text's tier is that of its worst-matching word, or 7 (phrase) when the
// words also follow one another as typed ("human rights"), each at a word
// start. Texts rank by tier, then by score: the sum over the words of
// fuzzy's score of the word in the text (for a word one edit away, of the
// text's word it stands for; for a word of the same stem, of the text's
// word cut to the stem's length), then by their order.
//
// The tiers fall in three classes (Class): the word or a form of it (7 to
// 4), its letters in one word or one edit away (3 to 1), scattered (0).
// Only the best class present in a list counts; the others are weaker
// matches (Weak), which the callers list apart and do not count. Exact, prefix and
// suffix terms only filter; alternatives count as their best.
//
// The runes highlighted are each word's best alignment: the phrase, the
// word where it occurs whole, the letters inside the one word, the text's
// word one edit away, and only failing all of these fuzzy's own.
//
// # Scoring
//
// fuzzy scores the candidates itself: the texts that pass the tiers wait in
// a small batch per worker, and fuzzy.FindFromNoSort scores each word of
// the query over the batch's texts through a fuzzy.Source, one call per
// word (a word one edit away or of the same stem: the text's word, one
// call per text). The bounds below, which let the scan skip texts that
// cannot enter the results, follow fuzzy v0.1.3's rules:
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
// the text has a camel-case transition; the letters that a camel-case
// transition makes upper case; and a 128-bit filter of the pairs of adjacent
// bytes of the folded copy (see pairs), which tells most texts that lack a
// word, a half of it or a stem's probe without looking for it; and a 64-bit
// filter of its words' first letters and first two bytes (see startBit),
// which tells most texts that lack a word at a word start. Equal folded runes are
// exactly fuzzy's equal runes, so matching works on bytes. A search compiles the query the
// same way and, per text, runs the cheapest tests first, stopping as soon as
// the text cannot enter the best limit found so far (a min-heap per worker,
// ordered by tier, then score):
//
//  1. Mask. A text lacking two of a word's mask bits cannot match it (one
//     may be the letter a typo replaced).
//     Once the heap is full of matches at word starts, a text whose
//     filter of word starts lacks a word's bit cannot get in either.
//  2. Subsequence. The word's runes in order in the folded copy, one
//     bytes.IndexByte per rune; the items that pass are what a Searcher
//     remembers. An item that fails can only match one edit away, and a
//     quick look for the word's halves (one survives any single edit)
//     drops nearly all of those.
//  3. Whole words. bytes.Index finds the word, unless the filter of pairs
//     says it is not there; a look at the byte before
//     tells a word start; then the phrase. These give tiers 7 to 4 and
//     bound the rest at 3 (a word of eight letters or more) or 2.
//  4. Inside a word, then one edit (a long word: one edit, then inside a
//     word): one walk over the text's words each. Only texts that can
//     still enter the heap get here, so a query without typos rarely pays
//     for them. An edit breaks three of a word's pairs of neighbouring
//     runes at most, which the filter of pairs checks first.
//  5. Score. A score bound (20 a rune plus the adjacency bonuses, minus the
//     text's length, see lenBound; from the words' leftmost occurrences,
//     see posBound; for a match scored as the text's word, from that
//     word's length and whether the text has camel case, see wordBound)
//     skips texts of the heap's worst tier that cannot beat it; the rest are scored by fuzzy (see Scoring), a batch at a time.
//     Tests hold the bounds to fuzzy.Find's scores. The camel-case bonus
//     is allowed for only when a camel-case transition of the text makes
//     one of the word's letters upper case (see camelLetters); and a rune
//     whose letter begins no word of the text (fuzzy's separators are no
//     letters or digits) and is not made upper case by camel case earns
//     no bonus of 20 at all, only an adjacency bonus (see bonusLetters,
//     bonusBound). When the
//     heap's worst tier is the phrase, a word start, or (for one word)
//     inside a word, the bound from the occurrences is taken right after
//     step 2's in-order test: a text that cannot score enough is then
//     dropped as soon as it is known not to reach a better tier, before
//     the dearer looks of steps 3 and 4. Once the heap is full of matches
//     inside a word, a text whose filters say it lacks the word and every
//     form of it is bounded before step 2 too, with as many adjacent runes
//     as its filter of pairs allows (adjacent runes sit side by side in the
//     text, see adjMax); and for a word of at most six runes, which most
//     texts hold in order somewhere, the look inside its words comes first
//     and settles it. Once it is full of matches one edit away from a
//     long word, a text that lacks the word and every form of it gets in
//     only one edit away: the word's pieces and a bound on the score of
//     the text's word (see wordBound: one rune longer than the word only
//     when inserted into it, which leaves all of its pairs but one) settle
//     most texts.
//  6. Top N. The heaps are merged and sorted at the end, and the runes to
//     highlight are computed for the winners only.
//
// The texts are handed out in blocks of 4096 to GOMAXPROCS goroutines, which
// look at the context between blocks. Nothing is allocated per text
// but what fuzzy allocates for the texts it scores.
//
// A heap may also have a floor: a candidate known to be no better than the
// limit-th best of the whole scan, which makes it count as full from the
// first text on (see topN). A Searcher scores the items of its last
// results for the new query before the scan, with those that just missed
// them (the rest of the workers' heaps, and the last candidates the heaps
// pushed out, spillMax times the limit in all) and the items of the
// results before; the limit-th best of them, when limit of them still
// match, is the floor
// (see Index.seed): a keystroke that narrows, or an edit in the middle,
// starts with a heap about as good as the one it ends with, and scores
// only what can beat it. The near misses matter when the new query's
// best matches were not the last one's ("wrti" lists "writing", "wrtie"
// lists "WriteTo"); the results before, when a query is typed back and
// forth. After each block
// a worker pools its heap with what the other workers last pooled, and
// takes the limit-th best of them all as its floor (see scanState.pool): a
// query whose matches are rare fills every heap about as soon as one heap
// could hold them all. The pass of a Searcher over the items it does not
// remember starts from the limit-th best of all the heaps.
//
// # Narrowing
//
// A Searcher remembers the items in which every word of the last query
// occurs in order, and for a one-word query where the word's leftmost
// occurrence ends and what the search learnt of it (10 bytes each): a query that extends it (its last word
// longer, or words added) can only match those without a typo. So the next
// keystroke looks at those items (a word typed further is looked for only
// from where its shorter self ended), and at the others only when a match one
// edit away could still make the results (fewer than limit matches in the
// tiers above). An item that cannot make the results (too long for its
// score, or lacking a word's pairs once the results all hold every word)
// is kept for a one-word query without the look for the word in order, if
// it holds the word's runes: it is looked at closely only when a longer
// query could list it. Such an item keeps where the word's start occurred,
// and every remembered item of a one-word query keeps whether the word was
// found not to occur in the text, or not even inside one of its words:
// neither does a longer word, so the next keystroke skips those looks, and
// once its results all hold the word itself (or all are phrases, and the
// word's start bounds the score too low) it keeps the item again without
// reading the text; a remembered item too long to score enough is kept
// by the loop over the items itself, without the call that looks at an
// item. The items not remembered do not hold a one-word query's word in
// order, so the pass over them looks only for forms of it and words one
// edit away. It also keeps the items of the shorter queries typed
// before, so a backspace narrows the longest remembered prefix instead of
// scanning everything. Queries with operators are scanned whole.
//
// # Memory
//
// Besides the texts themselves, an index holds a folded copy of each, never
// longer, and 40 bytes a text (mask, offset, camel-case letters, filters
// of pairs and of word starts). Counting the texts' bytes and string
// headers too, as Size does, that is about 2.7 times the bytes of the text
// for sentences of 80 bytes. A Searcher holds up to 40 bytes
// per text, and the items that seed its next search (a few times the
// limit). When its levels outgrow that, it drops first the level that
// spares the least work: the one that holds the largest share of the
// items of the level before it (see Searcher.leastUseful).
package search
