// Package sanitize makes untrusted briefing text safe to print to a terminal,
// and measures, truncates and wraps it by grapheme cluster.
//
// # Sanitising
//
// Briefing files are untrusted text. [Text] and [Line] never let through
// raw a character that a terminal would act on, or that hides or reorders
// text. Each one becomes a visible placeholder made of ordinary printable
// characters. Nothing is dropped: every character of the input is visible in
// the output, either as itself or as a placeholder, so the reader can see that
// something was there.
//
//   - C0 controls other than newline and tab use caret notation: U+0000 is
//     "^@", U+0001 "^A" … U+001F "^_", and ESC is "^[". DEL is "^?".
//   - C1 controls U+0080–U+009F, including the 8-bit CSI, OSC, DCS, SOS, PM
//     and APC introducers, become "⟨U+009B⟩" and so on.
//   - Escape sequences need no parser. Only their ESC, and any control
//     character inside them such as BEL, is a control character. So CSI
//     "\x1b[2J" becomes "^[[2J" and OSC "\x1b]0;title\a" becomes
//     "^[]0;title^G". The same goes for DCS, APC, PM, SOS and two-byte
//     escapes: the rest of the sequence stays as the literal text it is.
//   - Bidirectional controls become placeholders: embeddings and overrides
//     U+202A–U+202E, isolates U+2066–U+2069, and the marks LRM U+200E,
//     RLM U+200F and ALM U+061C. They are invisible and can reorder what the
//     reader sees.
//   - Invisible characters become placeholders: zero width space U+200B, word
//     joiner and invisible operators U+2060–U+2064, deprecated format
//     characters U+206A–U+206F, soft hyphen U+00AD, Mongolian vowel separator
//     U+180E, interlinear annotation controls U+FFF9–U+FFFB, and U+FEFF.
//     A U+FEFF at the very start of the string is the exception: there it is
//     a byte order mark and is kept.
//   - ZWNJ U+200C and ZWJ U+200D are kept, because Persian and Pashto words
//     are spelt with ZWNJ and emoji sequences are joined with ZWJ.
//   - Tag characters U+E0000–U+E007F become placeholders, except inside a
//     subdivision flag: U+1F3F4 WAVING BLACK FLAG, then 3 to 7 tag lower-case
//     letters or digits (a CLDR subdivision id such as "gbsct"), then U+E007F
//     CANCEL TAG. Tag characters mirror ASCII invisibly, so any longer or
//     other tag run could smuggle hidden text.
//   - Characters that draw nothing and can stand for hidden text become
//     placeholders: COMBINING GRAPHEME JOINER U+034F, the Hangul fillers
//     U+115F, U+1160, U+3164 and U+FFA0, BRAILLE PATTERN BLANK U+2800, the
//     Khmer inherent vowels U+17B4 and U+17B5, and the musical symbol format
//     characters U+1D173–U+1D17A.
//   - Variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF) are kept only
//     where they select a form: one right after an ideograph, or U+FE0E or
//     U+FE0F right after a character with an emoji form (a symbol, a digit,
//     "#" or "*"). Any other, and every one after the first in a run,
//     becomes a placeholder: a run of them after a letter can encode a
//     whole message, one byte a selector, and draws nothing.
//   - Line and paragraph separators U+2028 and U+2029 become placeholders.
//   - Noncharacters become placeholders. These are U+FDD0–U+FDEF and the last
//     two code points of every plane: U+FFFE, U+FFFF, U+1FFFE and so on.
//     Private-use characters and U+FFFD REPLACEMENT CHARACTER are kept.
//   - Each byte that is not part of valid UTF-8 becomes "⟨0xFF⟩" and so on.
//   - Entity-like text such as "&#27;", "\x1b", "\e", "%1B", "\033" and
//     "\u001b" is ordinary text and is never decoded.
//
// Placeholders are made only of printable characters that pass through
// unchanged, so sanitising is idempotent: Text(Text(s)) == Text(s).
//
// # Width
//
// [Width], [Truncate] and [Wrap] count terminal cells by grapheme cluster:
// a wide CJK character or an emoji ZWJ sequence is 2 cells, and a combining
// mark adds nothing to its base. They never split a cluster. Right-to-left
// text (Pashto, Dari, Arabic) stays in logical order; the terminal does any
// reordering. They expect sanitised text. Control characters, newline and
// tab included, measure 0 cells.
package sanitize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind says how the unit of input found by next is shown.
type kind uint8

const (
	kept      kind = iota // shown as itself
	caret                 // C0 control or DEL: "^A", "^?"
	codePoint             // other dangerous or invisible character: "⟨U+202E⟩"
	badByte               // byte that is not valid UTF-8: "⟨0xFF⟩"
	respelt               // text drawn as it is but respelt so that widths agree (see respell)
)

// Text makes s safe to print. Every control sequence and dangerous
// character becomes a visible placeholder, and newline and tab are kept.
// It returns s itself, without copying, when s is already clean.
func Text(s string) string { return sanitize(s, false) }

// Line is Text for single-line UI labels: newline and tab each become a
// space, and everything else is sanitised as Text does.
func Line(s string) string { return sanitize(s, true) }

// Clean reports whether Text(s) == s, without allocating.
func Clean(s string) bool { return cleanTo(s, 0, false) == len(s) }

// cleanTo returns the end of the run of s, from byte i on, that Text (or,
// when line is set, Line) leaves as it is.
func cleanTo(s string, i int, line bool) int {
	for i < len(s) {
		// Printable ASCII is most text and needs no further look.
		if c := s[i]; c >= 0x20 && c < 0x7F {
			i++
			continue
		}
		r, n, k := next(s, i)
		if k != kept || line && (r == '\n' || r == '\t') {
			break
		}
		i += n
	}
	return i
}

// Finding is one character that Text replaces with a placeholder.
type Finding struct {
	Offset int    // offset in runes; each invalid byte counts as one rune
	Rune   rune   // the character, or utf8.RuneError for an invalid byte
	Name   string // what it is, e.g. "RIGHT-TO-LEFT OVERRIDE"
}

// Invisible reports every character that Text replaces with a placeholder,
// so that a briefing with hidden or control characters can be flagged. It
// returns nil when s is clean.
func Invisible(s string) []Finding {
	var found []Finding
	offset := 0
	for i := 0; i < len(s); {
		r, n, k := next(s, i)
		switch k {
		case kept, respelt:
			// A subdivision flag is one unit of several runes, and so is
			// a Hangul syllable spelt in jamo.
			offset += utf8.RuneCountInString(s[i : i+n])
			i += n
			continue
		case badByte:
			found = append(found, Finding{offset, utf8.RuneError, "INVALID UTF-8 BYTE 0x" + hex(uint32(s[i]), 2)})
		default:
			found = append(found, Finding{offset, r, name(r)})
		}
		offset++
		i += n
	}
	return found
}

// sanitize implements Text and, when line is set, Line.
func sanitize(s string, line bool) string {
	var b strings.Builder
	for i := 0; ; {
		// Copy the clean run up to the next unit that must change.
		j := cleanTo(s, i, line)
		if j == len(s) && i == 0 {
			return s // most strings need no change and are not copied
		}
		if b.Cap() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[i:j])
		if j == len(s) {
			return b.String()
		}
		r, n, k := next(s, j)
		switch k {
		case kept: // a newline or tab in a Line
			b.WriteByte(' ')
		case caret:
			// ^@ … ^_ for C0 and ^? for DEL: the character XOR 0x40.
			b.WriteByte('^')
			b.WriteByte(byte(r) ^ 0x40)
		case codePoint:
			b.WriteString("⟨U+")
			b.WriteString(hex(uint32(r), 4))
			b.WriteString("⟩")
		case badByte:
			b.WriteString("⟨0x")
			b.WriteString(hex(uint32(s[j]), 2))
			b.WriteString("⟩")
		case respelt:
			respell(&b, s[j:j+n])
		}
		i = j + n
	}
}

// next classifies the unit of s that starts at byte i and returns its first
// rune and its length in bytes. A unit is one rune or invalid byte, except
// that a whole subdivision flag is one kept unit.
func next(s string, i int) (r rune, n int, k kind) {
	if c := s[i]; c < utf8.RuneSelf {
		if c >= 0x20 && c != 0x7F || c == '\n' || c == '\t' {
			return rune(c), 1, kept
		}
		return rune(c), 1, caret
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		return r, 1, badByte
	case r == 0xFEFF && i == 0:
		return r, n, kept // byte order mark
	case r == 0x1F3F4:
		if m := flagTags(s[i+n:]); m > 0 {
			return r, n + m, kept
		}
	case r == 0x0E33 || r == 0x0EB3: // Thai and Lao SARA AM
		return r, n, respelt
	case isLeadJamo(r) || isLVSyllable(r):
		if m := syllable(s[i:]); m > 0 {
			return r, m, respelt
		}
		if isLeadJamo(r) {
			return r, n, codePoint // a lead jamo with no vowel
		}
	case isJamo(r):
		return r, n, codePoint
	case hidden(r):
		return r, n, codePoint
	case isSelector(r):
		if !selects(s[:i], r) {
			return r, n, codePoint
		}
	}
	return r, n, kept
}

// Widths. Terminals without grapheme clustering (tmux, xterm, VTE) draw a
// character at a time, with wcwidth's widths, while lipgloss lays text out
// by grapheme cluster. Where the two differ, a pane's border is pushed out.
// The sanitiser respells the text so that they agree:
//
//   - A Hangul syllable spelt in conjoining jamo (decomposed, as NFD
//     leaves it) is composed into the precomposed syllable, as NFC does:
//     one cluster, 2 cells, for both.
//   - Conjoining jamo left over (archaic Hangul, or a vowel or final with
//     no lead) become placeholders: a terminal draws a lone vowel jamo in
//     0 cells and a run of lead jamo in 2 cells each, where the layout
//     counts one cluster of 2.
//   - Thai and Lao SARA AM (U+0E33, U+0EB3) are written as their
//     compatibility decomposition, NIKHAHIT then SARA AA, which looks the
//     same: as one character it joins the consonant before it in a cluster
//     of 1 cell that terminals draw in 2.

// respell writes the respelt form of the unit u.
func respell(b *strings.Builder, u string) {
	r, n := utf8.DecodeRuneInString(u)
	switch r {
	case 0x0E33:
		b.WriteString("\u0E4D\u0E32")
		return
	case 0x0EB3:
		b.WriteString("\u0ECD\u0EB2")
		return
	}
	// A syllable: a lead and a vowel jamo, or an LV syllable, then
	// perhaps a final jamo.
	var sy rune
	rest := u[n:]
	if isLeadJamo(r) {
		v, m := utf8.DecodeRuneInString(rest)
		sy = 0xAC00 + ((r-0x1100)*21+(v-0x1161))*28
		rest = rest[m:]
	} else {
		sy = r
	}
	if t, _ := utf8.DecodeRuneInString(rest); isTrailJamo(t) {
		sy += t - 0x11A7
	}
	b.WriteRune(sy)
}

// syllable returns the length in bytes of the Hangul syllable spelt in
// jamo at the start of s (a lead and a vowel jamo, or an LV syllable,
// followed by any final jamo), or 0 if there is none to compose.
func syllable(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if isLeadJamo(r) {
		v, m := utf8.DecodeRuneInString(s[n:])
		if v < 0x1161 || v > 0x1175 {
			return 0
		}
		n += m
	} else if !isLVSyllable(r) {
		return 0
	}
	if t, m := utf8.DecodeRuneInString(s[n:]); isTrailJamo(t) {
		return n + m
	}
	if isLVSyllable(r) {
		return 0 // a syllable already composed
	}
	return n
}

func isLeadJamo(r rune) bool   { return r >= 0x1100 && r <= 0x1112 }
func isTrailJamo(r rune) bool  { return r >= 0x11A8 && r <= 0x11C2 }
func isLVSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 0 }

// isJamo reports whether r is a conjoining jamo (Hangul Jamo and its
// extensions A and B). The fillers U+115F and U+1160 are hidden already.
func isJamo(r rune) bool {
	return r >= 0x1100 && r <= 0x11FF || r >= 0xA960 && r <= 0xA97F || r >= 0xD7B0 && r <= 0xD7FF
}

// isSelector reports whether r is a variation selector.
func isSelector(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF
}

// selects reports whether the variation selector r, following before,
// selects a form of the character it follows: an ideograph (any selector,
// as in the Ideographic Variation Database), or a character with an emoji
// or text presentation (U+FE0E and U+FE0F only).
func selects(before string, r rune) bool {
	base, _ := utf8.DecodeLastRuneInString(before)
	switch {
	case before == "" || base == utf8.RuneError || isSelector(base):
		return false
	case unicode.Is(unicode.Ideographic, base):
		return true
	case r != 0xFE0E && r != 0xFE0F:
		return false
	case base == '#' || base == '*' || base >= '0' && base <= '9':
		return true // keycaps: 1️⃣
	case base >= 0x1F000 && base <= 0x1FAFF:
		return true // emoji blocks
	case base >= 0xA9 && !hidden(base):
		return unicode.IsSymbol(base) || unicode.IsPunct(base) && base >= 0x2000 // ©, ❤, ‼, ↔
	}
	return false
}

// hidden reports whether the non-ASCII rune r is shown as a placeholder.
func hidden(r rune) bool {
	switch {
	case r <= 0x9F: // C1 controls
		return true
	case r == 0x00AD, r == 0x061C, r == 0x180E, r == 0xFEFF:
		return true
	case r == 0x034F, r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0, r == 0x2800, r == 0x17B4, r == 0x17B5:
		return true
	case r >= 0x1D173 && r <= 0x1D17A: // musical symbol format characters
		return true
	case r >= 0x200B && r <= 0x200F:
		return r != 0x200C && r != 0x200D // ZWNJ and ZWJ are real text
	case r >= 0x2028 && r <= 0x202E: // separators, embeddings, overrides
		return true
	case r >= 0x2060 && r <= 0x206F: // word joiner, invisible operators, isolates
		return true
	case r >= 0xFFF9 && r <= 0xFFFB: // interlinear annotation
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE: // noncharacters
		return true
	case r >= 0xE0000 && r <= 0xE007F: // tags
		return true
	}
	return false
}

// flagTags returns the length in bytes of the tag spec and CANCEL TAG that
// complete a subdivision flag at the start of s, or 0 if there is none. The
// spec must be 3 to 7 tag lower-case letters or digits, as in a CLDR
// subdivision id, which leaves no room to hide a message.
func flagTags(s string) int {
	count := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0xE007F:
			if count < 3 {
				return 0
			}
			return i + n
		case r >= 0xE0061 && r <= 0xE007A, r >= 0xE0030 && r <= 0xE0039:
			if count++; count > 7 {
				return 0
			}
		default:
			return 0
		}
		i += n
	}
	return 0
}

// hex formats v as upper-case hexadecimal with at least digits digits.
func hex(v uint32, digits int) string {
	var buf [8]byte
	i := len(buf)
	for v != 0 || len(buf)-i < digits {
		i--
		buf[i] = "0123456789ABCDEF"[v&0xF]
		v >>= 4
	}
	return string(buf[i:])
}

// c0Names are the Unicode names of U+0000–U+001F, for Invisible.
var c0Names = [32]string{
	"NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT",
	"END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE", "BELL",
	"BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
	"FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
	"DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
	"DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK",
	"CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
	"INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
}

// names are the Unicode names of the other placeholder characters that a
// reader is most likely to meet; the rest are named by their class.
var names = map[rune]string{
	0x7F: "DELETE", 0x85: "NEXT LINE", 0x90: "DEVICE CONTROL STRING",
	0x98: "START OF STRING", 0x9B: "CONTROL SEQUENCE INTRODUCER",
	0x9C: "STRING TERMINATOR", 0x9D: "OPERATING SYSTEM COMMAND",
	0x9E: "PRIVACY MESSAGE", 0x9F: "APPLICATION PROGRAM COMMAND",
	0xAD: "SOFT HYPHEN", 0x061C: "ARABIC LETTER MARK",
	0x180E: "MONGOLIAN VOWEL SEPARATOR", 0x200B: "ZERO WIDTH SPACE",
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK",
	0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING", 0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2060: "WORD JOINER",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
	0xFEFF: "ZERO WIDTH NO-BREAK SPACE", 0xE007F: "CANCEL TAG",
	0x034F: "COMBINING GRAPHEME JOINER", 0x115F: "HANGUL CHOSEONG FILLER",
	0x1160: "HANGUL JUNGSEONG FILLER", 0x3164: "HANGUL FILLER",
	0xFFA0: "HALFWIDTH HANGUL FILLER", 0x2800: "BRAILLE PATTERN BLANK",
	0x17B4: "KHMER VOWEL INHERENT AQ", 0x17B5: "KHMER VOWEL INHERENT AA",
}

// name returns the name that Invisible reports for the placeholder rune r.
func name(r rune) string {
	if r < 0x20 {
		return c0Names[r]
	}
	if n, ok := names[r]; ok {
		return n
	}
	switch {
	case r <= 0x9F:
		return "C1 CONTROL"
	case r >= 0xE0000 && r <= 0xE007F:
		return "TAG CHARACTER"
	case r >= 0xFE00 && r <= 0xFE0F:
		return "VARIATION SELECTOR-" + strconv.Itoa(int(r-0xFE00+1))
	case r >= 0xE0100 && r <= 0xE01EF:
		return "VARIATION SELECTOR-" + strconv.Itoa(int(r-0xE0100+17))
	case r >= 0x1D173 && r <= 0x1D17A:
		return "MUSICAL SYMBOL FORMAT CHARACTER"
	case isJamo(r):
		return "HANGUL CONJOINING JAMO"
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return "NONCHARACTER"
	default:
		return "INVISIBLE FORMAT CHARACTER"
	}
}
