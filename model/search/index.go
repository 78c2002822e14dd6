package search

import (
	"fmt"
	"math"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Index is an immutable, searchable set of texts. It is safe for concurrent
// use by several goroutines; a Searcher is not.
type Index struct {
	texts  []string // the caller's texts; never modified
	fold   []byte   // folded copies of the texts (up to any NUL), back to back
	off    []uint32 // item i is fold[off[i]:off[i+1]]
	mask   []uint64 // character mask of each item, plus the camelCase and nonASCII flags
	pairs  []pairs  // the filter of each item's pairs of bytes (see pairs)
	starts []uint64 // the filter of each item's word starts (see startBit)
	camel  []uint32 // the letters a camel-case transition makes upper case (see camelLetters)

	textBytes int
	pool      sync.Pool // *scanState for Index.Search
}

// NewIndex builds an index over texts. The slice is kept, not copied: the
// caller must not modify it afterwards. Match.Item is an index into it.
//
// Per item the index holds a folded copy of the text (see the package
// documentation), a 64-bit character mask and a 32-bit offset. The folded
// copies may not exceed 4 GiB in total.
func NewIndex(texts []string) *Index {
	initFold()
	ix := &Index{texts: texts}
	total := 0
	for _, s := range texts {
		total += len(s)
	}
	ix.textBytes = total
	// A folded copy is never longer than its text: the copies are written
	// in place into one buffer of the texts' length.
	fold := make([]byte, total)
	off := make([]uint32, len(texts)+1)
	mask := make([]uint64, len(texts))
	prs := make([]pairs, len(texts))
	starts := make([]uint64, len(texts))
	camels := make([]uint32, len(texts))
	w := 0
	for i, s := range texts {
		var m uint64
		var lower, camel byte // the previous rune is lower case; a camel-case transition was seen
		var cl uint32         // letters made upper case by a camel-case transition
		start := w
		for j := 0; j < len(s); {
			c := s[j]
			if c < utf8.RuneSelf {
				if c == 0 { // fuzzy ignores everything from the first NUL
					break
				}
				fold[w] = asciiFold[c]
				w++
				m |= asciiBit[c]
				cls := asciiClass[c]
				if t := lower & (cls >> 1); t != 0 { // clsUpper after clsLower
					camel = 1
					cl |= 1 << (c - 'A')
				}
				lower = cls & clsLower
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			f := foldRune(r)
			w += len(appendFolded(fold[w:w], f))
			m |= runeBit(f) | nonASCII
			if lower != 0 && unicode.IsUpper(r) {
				camel = 1
				cl = ^uint32(0)
			}
			lower = 0
			if unicode.IsLower(r) {
				lower = clsLower
			}
			j += size
		}
		if w > math.MaxUint32 {
			panic(fmt.Sprintf("search: NewIndex: %d bytes of text is more than 4 GiB", w))
		}
		if camel != 0 {
			m |= camelCase
			if m&nonASCII != 0 {
				cl = ^uint32(0)
			}
		}
		off[i+1] = uint32(w)
		mask[i] = m
		camels[i] = cl
		prs[i], starts[i] = filtersOf(fold[start:w], m&nonASCII == 0)
	}
	fold = fold[:w]
	if cap(fold)-len(fold) > len(fold)/16 {
		fold = append([]byte(nil), fold...)
	}
	ix.fold, ix.off, ix.mask, ix.pairs, ix.starts, ix.camel = fold, off, mask, prs, starts, camels
	return ix
}

// Len returns the number of items.
func (ix *Index) Len() int { return len(ix.texts) }

// Size returns the bytes held by the index, the texts included: the bytes
// of the strings and their headers, the folded copies, offsets and masks.
// Scratch space of searches in progress and Searchers is not included.
func (ix *Index) Size() int {
	const strHeader = int(unsafe.Sizeof(""))
	return int(unsafe.Sizeof(*ix)) +
		ix.textBytes + strHeader*cap(ix.texts) +
		cap(ix.fold) + 4*cap(ix.off) + 8*cap(ix.mask) + 16*cap(ix.pairs) + 8*cap(ix.starts) + 4*cap(ix.camel)
}

// item returns the folded copy of item i.
func (ix *Index) item(i uint32) []byte {
	return ix.fold[ix.off[i]:ix.off[i+1]]
}
