package sanitize

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// Tag-character spellings of ASCII, for subdivision flags and smuggling.
func tags(ascii string) string {
	var b strings.Builder
	for _, r := range ascii {
		b.WriteRune(0xE0000 + r)
	}
	return b.String()
}

const (
	blackFlag = "\U0001F3F4"
	cancelTag = "\U000E007F"
)

type textCase struct {
	name, in, want string
}

// textCases are exact expectations for Text, one or more per class.
var textCases = []textCase{
	// Escape sequences: ESC becomes ^[ and the rest stays as literal text.
	{"CSI colour", "\x1b[31mred\x1b[0m", "^[[31mred^[[0m"},
	{"CSI clear screen", "\x1b[2J\x1b[H", "^[[2J^[[H"},
	{"OSC 0 title BEL", "\x1b]0;title\a", "^[]0;title^G"},
	{"OSC 0 title ST", "\x1b]0;title\x1b\\", "^[]0;title^[\\"},
	{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\a", "^[]52;c;cm0gLXJmIH4=^G"},
	{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "^[]8;;https://evil.example/^[\\click^[]8;;^[\\"},
	{"DCS", "\x1bP1$r0m\x1b\\", "^[P1$r0m^[\\"},
	{"APC", "\x1b_Gf=100;AAAA\x1b\\", "^[_Gf=100;AAAA^[\\"},
	{"PM", "\x1b^private\x1b\\", "^[^private^[\\"},
	{"SOS", "\x1bXstring\x1b\\", "^[Xstring^[\\"},
	{"two-byte reset", "\x1bc", "^[c"},
	{"two-byte save cursor", "a\x1b7b", "a^[7b"},
	{"bare ESC at end", "text\x1b", "text^["},
	{"ESC ESC", "\x1b\x1b", "^[^["},
	{"8-bit CSI", "\u009b31mred", "⟨U+009B⟩31mred"},
	{"8-bit OSC", "\u009d0;title\u009c", "⟨U+009D⟩0;title⟨U+009C⟩"},
	{"8-bit DCS", "\u0090q\u009c", "⟨U+0090⟩q⟨U+009C⟩"},
	{"raw 8-bit CSI byte", "\x9b31m", "⟨0x9B⟩31m"},
	{"CR overwrite", "safe\rEVIL", "safe^MEVIL"},
	{"backspace", "ab\b\bXY", "ab^H^HXY"},
	{"newline and tab kept", "a\nb\tc", "a\nb\tc"},

	// Bidirectional controls.
	{"trojan source", "if admin \u202e } \u2066begin\u2069", "if admin ⟨U+202E⟩ } ⟨U+2066⟩begin⟨U+2069⟩"},
	{"LRE", "\u202a", "⟨U+202A⟩"},
	{"RLE", "\u202b", "⟨U+202B⟩"},
	{"PDF", "\u202c", "⟨U+202C⟩"},
	{"LRO", "\u202d", "⟨U+202D⟩"},
	{"RLO", "\u202e", "⟨U+202E⟩"},
	{"LRI", "\u2066", "⟨U+2066⟩"},
	{"RLI", "\u2067", "⟨U+2067⟩"},
	{"FSI", "\u2068", "⟨U+2068⟩"},
	{"PDI", "\u2069", "⟨U+2069⟩"},
	{"LRM", "\u200e", "⟨U+200E⟩"},
	{"RLM", "\u200f", "⟨U+200F⟩"},
	{"ALM", "\u061c", "⟨U+061C⟩"},

	// Invisible characters.
	{"zero width space", "pass\u200bword", "pass⟨U+200B⟩word"},
	{"word joiner", "a\u2060b", "a⟨U+2060⟩b"},
	{"invisible times", "a\u2062b", "a⟨U+2062⟩b"},
	{"BOM inside", "a\ufeffb", "a⟨U+FEFF⟩b"},
	{"BOM at start kept", "\ufeffa\ufeff", "\ufeffa⟨U+FEFF⟩"},
	{"Mongolian vowel separator", "a\u180eb", "a⟨U+180E⟩b"},
	{"soft hyphen", "brief\u00ading", "brief⟨U+00AD⟩ing"},
	{"interlinear annotation", "\ufff9a\ufffab\ufffb", "⟨U+FFF9⟩a⟨U+FFFA⟩b⟨U+FFFB⟩"},
	{"ZWNJ kept", "می\u200cخواهم", "می\u200cخواهم"},
	{"ZWJ kept", "👩\u200d💻", "👩\u200d💻"},
	{"line separator", "a\u2028b", "a⟨U+2028⟩b"},
	{"paragraph separator", "a\u2029b", "a⟨U+2029⟩b"},

	// Tag characters.
	{"lone tag", "a\U000E0041b", "a⟨U+E0041⟩b"},
	{"language tag", "\U000E0001", "⟨U+E0001⟩"},
	{"England flag", blackFlag + tags("gbeng") + cancelTag, blackFlag + tags("gbeng") + cancelTag},
	{"Scotland flag", "x" + blackFlag + tags("gbsct") + cancelTag + "y", "x" + blackFlag + tags("gbsct") + cancelTag + "y"},
	{"smuggled text", blackFlag + tags("run rm") + cancelTag,
		blackFlag + "⟨U+E0072⟩⟨U+E0075⟩⟨U+E006E⟩⟨U+E0020⟩⟨U+E0072⟩⟨U+E006D⟩⟨U+E007F⟩"},
	{"flag spec too long", blackFlag + tags("abcdefgh") + cancelTag,
		blackFlag + "⟨U+E0061⟩⟨U+E0062⟩⟨U+E0063⟩⟨U+E0064⟩⟨U+E0065⟩⟨U+E0066⟩⟨U+E0067⟩⟨U+E0068⟩⟨U+E007F⟩"},
	{"flag spec too short", blackFlag + tags("gb") + cancelTag, blackFlag + "⟨U+E0067⟩⟨U+E0062⟩⟨U+E007F⟩"},
	{"flag upper case", blackFlag + tags("GBENG") + cancelTag,
		blackFlag + "⟨U+E0047⟩⟨U+E0042⟩⟨U+E0045⟩⟨U+E004E⟩⟨U+E0047⟩⟨U+E007F⟩"},
	{"flag without cancel", blackFlag + tags("gbeng"), blackFlag + "⟨U+E0067⟩⟨U+E0062⟩⟨U+E0065⟩⟨U+E006E⟩⟨U+E0067⟩"},
	{"tags without flag", tags("gbeng") + cancelTag, "⟨U+E0067⟩⟨U+E0062⟩⟨U+E0065⟩⟨U+E006E⟩⟨U+E0067⟩⟨U+E007F⟩"},
	{"black flag alone", blackFlag + " " + blackFlag, blackFlag + " " + blackFlag},

	// Variation selectors: kept where they select a form, else shown.
	{"emoji presentation", "\u2764\ufe0f", "\u2764\ufe0f"},
	{"text presentation", "\u2764\ufe0e", "\u2764\ufe0e"},
	{"keycap", "1\ufe0f\u20e3", "1\ufe0f\u20e3"},
	{"emoji ZWJ sequence", "\U0001F3F3\ufe0f\u200d\U0001F308", "\U0001F3F3\ufe0f\u200d\U0001F308"},
	{"ideographic variation", "\u845b\U000E0100", "\u845b\U000E0100"},
	{"standardized CJK variant", "\u8279\ufe00", "\u8279\ufe00"},
	{"selector after a letter", "a\ufe0f", "a⟨U+FE0F⟩"},
	{"supplement selector after a letter", "hi\U000E0101\U000E0148", "hi⟨U+E0101⟩⟨U+E0148⟩"},
	{"smuggled after an emoji", "\U0001F600\U000E0100\U000E0101", "\U0001F600⟨U+E0100⟩⟨U+E0101⟩"},
	{"second selector", "\u2764\ufe0f\ufe0f", "\u2764\ufe0f⟨U+FE0F⟩"},
	{"selector first", "\ufe0f", "⟨U+FE0F⟩"},
	{"selector after a placeholder", "\u2800\ufe0f", "⟨U+2800⟩⟨U+FE0F⟩"},

	// Characters that draw nothing.
	{"combining grapheme joiner", "a\u034fb", "a⟨U+034F⟩b"},
	{"Hangul fillers", "\u115f\u1160\u3164\uffa0", "⟨U+115F⟩⟨U+1160⟩⟨U+3164⟩⟨U+FFA0⟩"},
	{"Braille blank", "a\u2800b", "a⟨U+2800⟩b"},
	{"Khmer inherent vowels", "\u17b4\u17b5", "⟨U+17B4⟩⟨U+17B5⟩"},
	{"musical format", "\U0001D173\U0001D17A", "⟨U+1D173⟩⟨U+1D17A⟩"},
	{"Hangul syllable kept", "\ud55c\uad6d\uc5b4", "\ud55c\uad6d\uc5b4"},
	{"Braille letters kept", "\u2801\u2803", "\u2801\u2803"},

	// Respelt so that terminals draw the width the layout counts.
	{"decomposed Hangul", "\u1112\u1161\u11ab\u1100\u1173\u11af", "\ud55c\uae00"},
	{"decomposed Hangul without final", "a\u1100\u1161b", "a\uac00b"},
	{"syllable and final jamo", "\uac00\u11a8", "\uac01"},
	{"precomposed Hangul kept", "\ud55c\uad6d\uc5b4", "\ud55c\uad6d\uc5b4"},
	{"lone vowel jamo", "a\u1161b", "a⟨U+1161⟩b"},
	{"lead jamo twice", "\u1100\u1100\u1161", "⟨U+1100⟩\uac00"},
	{"archaic jamo", "\ua960\ud7b0", "⟨U+A960⟩⟨U+D7B0⟩"},
	{"compatibility jamo kept", "\u3131\u314f", "\u3131\u314f"},
	{"Thai SARA AM", "\u0e19\u0e49\u0e33", "\u0e19\u0e49\u0e4d\u0e32"},
	{"Lao AM", "\u0e81\u0eb3", "\u0e81\u0ecd\u0eb2"},

	// Noncharacters, private use and the replacement character.
	{"noncharacter FFFE", "\ufffe", "⟨U+FFFE⟩"},
	{"noncharacter FFFF", "\uffff", "⟨U+FFFF⟩"},
	{"noncharacter FDD0", "\ufdd0", "⟨U+FDD0⟩"},
	{"noncharacter FDEF", "\ufdef", "⟨U+FDEF⟩"},
	{"noncharacter 1FFFE", "\U0001fffe", "⟨U+1FFFE⟩"},
	{"noncharacter 10FFFF", "\U0010ffff", "⟨U+10FFFF⟩"},
	{"private use kept", "\ue000\uf8ff\U000f0000\U0010fffd", "\ue000\uf8ff\U000f0000\U0010fffd"},
	{"replacement kept", "\ufffd", "\ufffd"},

	// Invalid UTF-8: one placeholder per byte.
	{"invalid byte", "a\xffb", "a⟨0xFF⟩b"},
	{"truncated sequence", "\xe4\xb8", "⟨0xE4⟩⟨0xB8⟩"},
	{"encoded surrogate", "\xed\xa0\x80", "⟨0xED⟩⟨0xA0⟩⟨0x80⟩"},
	{"overlong slash", "\xc0\xaf", "⟨0xC0⟩⟨0xAF⟩"},
	{"lone continuation", "\x80", "⟨0x80⟩"},

	// Right-to-left text stays in logical order, untouched.
	{"Pashto", "د افغانستان اسلامي امارت", "د افغانستان اسلامي امارت"},
	{"Dari", "سلام علیکم، حال شما چطور است؟", "سلام علیکم، حال شما چطور است؟"},
	{"Arabic with harakat", "السَّلَامُ عَلَيْكُمْ", "السَّلَامُ عَلَيْكُمْ"},
	{"placeholders are text", "^[ ⟨U+202E⟩ ⟨0xFF⟩", "^[ ⟨U+202E⟩ ⟨0xFF⟩"},
}

func TestTextCases(t *testing.T) {
	for _, c := range textCases {
		t.Run(c.name, func(t *testing.T) {
			got := Text(c.in)
			if got != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
			}
			if Clean(c.in) != (c.in == c.want) {
				t.Errorf("Clean(%q) = %v, want %v", c.in, Clean(c.in), c.in == c.want)
			}
			assertSafe(t, got)
		})
	}
}

func TestTextC0AndDEL(t *testing.T) {
	want := map[rune]string{0x00: "^@", 0x01: "^A", 0x07: "^G", 0x1B: "^[", 0x1C: "^\\", 0x1F: "^_", 0x7F: "^?"}
	for r := rune(0); r <= 0x7F; r++ {
		if r >= 0x20 && r < 0x7F {
			continue
		}
		exp := "^" + string(rune(r^0x40))
		if r == '\n' || r == '\t' {
			exp = string(r)
		}
		if w, ok := want[r]; ok && w != exp {
			t.Fatalf("test table disagrees for %#x: %q vs %q", r, w, exp)
		}
		if got := Text(string(r)); got != exp {
			t.Errorf("Text(%q) = %q, want %q", string(r), got, exp)
		}
	}
}

func TestTextC1(t *testing.T) {
	for r := rune(0x80); r <= 0x9F; r++ {
		exp := fmt.Sprintf("⟨U+%04X⟩", r)
		if got := Text(string(r)); got != exp {
			t.Errorf("Text(%U) = %q, want %q", r, got, exp)
		}
	}
}

func TestEntityLikeTextUnchanged(t *testing.T) {
	for _, s := range []string{`&#27;`, `&#x1b;`, `&#x202E;`, `\x1b`, `\e`, `%1B`, `%E2%80%AE`, `\033`, `\u001b`, `\u202e`, `^[`, `\N{ESCAPE}`} {
		if got := Text(s); got != s {
			t.Errorf("Text(%q) = %q, want it unchanged", s, got)
		}
		if !Clean(s) {
			t.Errorf("Clean(%q) = false", s)
		}
	}
}

func TestLine(t *testing.T) {
	for _, c := range []textCase{
		{"newline and tab", "a\nb\tc", "a b c"},
		{"CRLF", "a\r\nb", "a^M b"},
		{"escape and newline", "\x1b[1mbold\n", "^[[1mbold "},
		{"clean", "plain label", "plain label"},
		{"bidi", "\u202eabc\n", "⟨U+202E⟩abc "},
	} {
		got := Line(c.in)
		if got != c.want {
			t.Errorf("%s: Line(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
		if strings.ContainsAny(got, "\n\t") {
			t.Errorf("%s: Line(%q) = %q keeps a newline or tab", c.name, c.in, got)
		}
	}
}

func TestCleanStringsAreNotCopied(t *testing.T) {
	s := strings.Repeat("Russia’s recognition, 世界, سلام, 👩\u200d💻. ", 50)
	if got := Text(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Error("Text copied a clean string")
	}
	if got := Line(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Error("Line copied a clean string")
	}
	if n := testing.AllocsPerRun(100, func() { Text(s) }); n != 0 {
		t.Errorf("Text(clean) allocates %v times", n)
	}
	dirty := s + "\x1b"
	if n := testing.AllocsPerRun(100, func() { Clean(s); Clean(dirty) }); n != 0 {
		t.Errorf("Clean allocates %v times", n)
	}
	if !Clean(s) || Clean(dirty) {
		t.Errorf("Clean(clean) = %v, Clean(dirty) = %v", Clean(s), Clean(dirty))
	}
}

func TestInvisible(t *testing.T) {
	in := "a\x1b[1m\u200bé\u202e\u200c" + blackFlag + tags("gbeng") + cancelTag + "\U000E0041\xff\ufffe\n"
	want := []Finding{
		{1, 0x1B, "ESCAPE"},
		{5, 0x200B, "ZERO WIDTH SPACE"},
		{7, 0x202E, "RIGHT-TO-LEFT OVERRIDE"},
		{16, 0xE0041, "TAG CHARACTER"},
		{17, utf8.RuneError, "INVALID UTF-8 BYTE 0xFF"},
		{18, 0xFFFE, "NONCHARACTER"},
	}
	if got := Invisible(in); !reflect.DeepEqual(got, want) {
		t.Errorf("Invisible(%q) =\n%v\nwant\n%v", in, got, want)
	}
	if got := Invisible("\ufeffclean\ttext\nwith ZWNJ \u200c"); got != nil {
		t.Errorf("Invisible(clean) = %v, want nil", got)
	}
	if got := Invisible("\u009b"); len(got) != 1 || got[0].Name != "CONTROL SEQUENCE INTRODUCER" {
		t.Errorf("Invisible(8-bit CSI) = %v", got)
	}
}

// corpus is every input in this file plus random strings built from
// troublesome pieces, for the property tests.
func corpus() []string {
	var out []string
	for _, c := range textCases {
		out = append(out, c.in)
	}
	pieces := []string{"a", " ", "\n", "\t", "\r", "\x1b", "[", "]", "\a", "\\", "^", "⟨", "⟩", "U+", "\x00", "\x7f",
		"\u009b", "\u202e", "\u2066", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", blackFlag, cancelTag,
		tags("gbeng"), "\U000E0041", "\ufffe", "\xff", "\xe4", "世", "é", "e\u0301", "🇺🇸", "👨\u200d👩\u200d👧", "سلام",
		"\u1100", "\u1161", "\u11a8", "\uac00", "\u0e33", "\ufe0f", "\U000E0100", "\u2764"}
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestTextProperties(t *testing.T) {
	for _, s := range corpus() {
		checkText(t, s)
	}
}

// checkText asserts the invariants of Text, Line, Clean and Invisible on s.
func checkText(t testing.TB, s string) {
	t.Helper()
	out := Text(s)
	assertSafe(t, out)
	if again := Text(out); again != out {
		t.Fatalf("not idempotent: Text(%q) = %q, Text of that = %q", s, out, again)
	}
	if Clean(s) != (out == s) {
		t.Fatalf("Clean(%q) = %v but Text gives %q", s, Clean(s), out)
	}
	// Invisible reports the placeholders, not text that is only respelt.
	if found := Invisible(s); (found == nil) != (out == respeltOnly(s)) {
		t.Fatalf("Invisible(%q) = %v disagrees with Text = %q", s, found, out)
	}
	assertNothingDropped(t, s, out)
	line := Line(s)
	if want := lineReplacer.Replace(out); line != want {
		t.Fatalf("Line(%q) = %q, want Text with spaces for newline and tab: %q", s, line, want)
	}
}

var lineReplacer = strings.NewReplacer("\n", " ", "\t", " ")

// respeltOnly is s with its respelt units respelt and nothing else changed.
func respeltOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		_, n, k := next(s, i)
		if k == respelt {
			respell(&b, s[i:i+n])
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// assertSafe checks the sanitised output byte by byte and rune by rune,
// independently of the classifier under test.
func assertSafe(t testing.TB, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output %q is not valid UTF-8", out)
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
			t.Fatalf("output %q has raw control byte %#x at %d", out, c, i)
		}
	}
	for i, r := range out {
		bad := r >= 0x80 && r <= 0x9F || // C1
			r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || // bidi
			r == 0x200E || r == 0x200F || r == 0x061C ||
			r == 0x200B || r == 0x2060 || r == 0x180E || r == 0x00AD ||
			r == 0x2028 || r == 0x2029 ||
			r == 0xFEFF && i > 0 ||
			r == 0xFFFE || r == 0xFFFF ||
			r == 0x034F || r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0 ||
			r == 0x2800 || r == 0x17B4 || r == 0x17B5 || r >= 0x1D173 && r <= 0x1D17A ||
			isJamo(r) || r == 0x0E33 || r == 0x0EB3
		if bad {
			t.Fatalf("output %q has raw %U at byte %d", out, r, i)
		}
	}
	// A raw variation selector follows a character it can select a form
	// of, never another selector.
	for i, r := range out {
		if isSelector(r) && !selects(out[:i], r) {
			t.Fatalf("output %q has a raw %U where it selects nothing", out, r)
		}
	}
	// A raw tag character may only appear in a subdivision flag: U+1F3F4,
	// 3 to 7 tag letters or digits, CANCEL TAG.
	rs := []rune(out)
	for i := 0; i < len(rs); i++ {
		if rs[i] < 0xE0000 || rs[i] > 0xE007F {
			continue
		}
		j := i
		for j < len(rs) && rs[j] >= 0xE0000 && rs[j] <= 0xE007F {
			j++
		}
		spec := string(rs[i : j-1])
		ok := i > 0 && rs[i-1] == 0x1F3F4 && rs[j-1] == 0xE007F && j-1-i >= 3 && j-1-i <= 7 &&
			!strings.ContainsFunc(spec, func(r rune) bool { return (r < 0xE0061 || r > 0xE007A) && (r < 0xE0030 || r > 0xE0039) })
		if !ok {
			t.Fatalf("output %q has raw tag characters outside a subdivision flag", out)
		}
		i = j - 1
	}
}

// assertNothingDropped checks that every input character Text keeps appears,
// in order, in the output, and that the output has at least as many runes
// as the input respelt (a Hangul syllable in jamo becomes one rune).
func assertNothingDropped(t testing.TB, in, out string) {
	t.Helper()
	if utf8.RuneCountInString(out) < utf8.RuneCountInString(respeltOnly(in)) {
		t.Fatalf("Text(%q) = %q has fewer runes than its input", in, out)
	}
	rest := out
	for i := 0; i < len(in); {
		_, n, k := next(in, i)
		i += n
		if k != kept {
			continue
		}
		unit := in[i-n : i]
		j := strings.Index(rest, unit)
		if j < 0 {
			t.Fatalf("Text(%q) = %q lost %q", in, out, unit)
		}
		rest = rest[j+len(unit):]
	}
}
