package date

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Error is a date that does not parse.
type Error struct {
	// Offset is the 0-based index in runes (not bytes) into the input of the
	// character at fault, so callers can turn it into an editor column.
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Parse reads a date in the subset of EDTF the package documents. Its error,
// if any, is an *Error.
func Parse(s string) (Date, error) {
	if strings.TrimSpace(s) == "" {
		return Date{}, &Error{0, "empty date"}
	}
	p := &parser{s: []rune(s)}
	d, err := p.date()
	if err != nil {
		return Date{}, err
	}
	return d, nil
}

type parser struct {
	s   []rune
	pos int
}

// peek returns the rune at pos, or 0 at the end (0 never occurs validly).
func (p *parser) peek() rune {
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *parser) errAt(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the rune at pos.
func (p *parser) unexpected() *Error {
	r := p.peek()
	switch {
	case p.pos >= len(p.s):
		return p.errAt(p.pos, "unexpected end of date")
	case r == ' ':
		return p.errAt(p.pos, "unexpected space")
	case r == 'x':
		return p.errAt(p.pos, `unexpected "x"; an unspecified digit is written X`)
	case unicode.IsDigit(r):
		return p.errAt(p.pos, "unexpected %s; write digits as 0-9", strconv.Quote(string(r)))
	}
	return p.errAt(p.pos, "unexpected %s", strconv.Quote(string(r)))
}

func (p *parser) date() (Date, error) {
	from, err := p.end()
	if err != nil {
		return Date{}, err
	}
	if p.peek() != '/' {
		if from.Open {
			if p.pos == len(p.s) {
				return Date{}, p.errAt(0, `".." is only allowed as an end of an interval, as in ../2016`)
			}
			return Date{}, p.errAt(p.pos, `expected "/" after ".."`)
		}
		if p.pos < len(p.s) {
			return Date{}, p.unexpected()
		}
		return Date{from: from}, nil
	}
	p.pos++
	toAt := p.pos
	to, err := p.end()
	if err != nil {
		return Date{}, err
	}
	if p.pos < len(p.s) {
		if p.peek() == '/' {
			return Date{}, p.errAt(p.pos, "an interval has only two ends")
		}
		return Date{}, p.unexpected()
	}
	switch {
	case from.Open && to.Open:
		return Date{}, p.errAt(toAt, "both ends of an interval are open")
	case !from.IsDate() && !to.IsDate():
		return Date{}, p.errAt(toAt, "an interval needs at least one date")
	case from.IsDate() && to.IsDate() && to.last().Before(from.first()):
		// Ends of different precision may overlap (2016-05/2016): only an
		// end that is wholly before the start is an error.
		return Date{}, p.errAt(toAt, "interval ends before it starts")
	}
	return Date{from: from, to: to, interval: true}, nil
}

// end reads one end: a point, ".." (open), or nothing before "/" or the end
// of input (unknown).
func (p *parser) end() (Point, error) {
	switch p.peek() {
	case '/', 0:
		return Point{Unknown: true}, nil
	case '.':
		if p.pos+1 < len(p.s) && p.s[p.pos+1] == '.' {
			p.pos += 2
			return Point{Open: true}, nil
		}
		return Point{}, p.unexpected()
	}
	return p.point()
}

func (p *parser) point() (Point, error) {
	var pt Point
	switch p.peek() {
	case '~', '?', '%':
		return pt, p.errAt(p.pos, "a qualifier goes after the date, as in 2016~")
	case '-':
		return pt, p.errAt(p.pos, "negative years are not supported")
	case 'Y':
		return pt, p.errAt(p.pos, "long years (Y) are not supported; a year has 4 digits")
	}
	if err := p.year(&pt); err != nil {
		return pt, err
	}
	if p.peek() == '-' {
		p.pos++
		if pt.Precision != Year {
			if part := p.part(); part > 0 {
				pt.Part = part
			} else {
				return pt, p.errAt(p.pos-1, "a decade or century cannot have a month; -37, -38, -39 mark its early, middle or late third")
			}
		} else if err := p.month(&pt); err != nil {
			return pt, err
		}
		if p.peek() == '-' && pt.Part > 0 {
			return pt, p.errAt(p.pos, "a part (-37, -38, -39) takes no day")
		}
		if p.peek() == '-' {
			p.pos++
			if err := p.day(&pt); err != nil {
				return pt, err
			}
		}
	}
	switch p.peek() {
	case '~':
		pt.Approximate = true
	case '?':
		pt.Uncertain = true
	case '%':
		pt.Approximate, pt.Uncertain = true, true
	}
	qAt := p.pos
	if pt.Approximate || pt.Uncertain {
		p.pos++
	}
	switch p.peek() {
	case '~', '?', '%':
		return pt, p.errAt(p.pos, "only one qualifier is allowed; %% means approximate and uncertain")
	case '-':
		if p.pos > qAt {
			return pt, p.errAt(qAt, "a qualifier goes at the end of a date")
		}
	case 'T', 't':
		return pt, p.errAt(p.pos, "a date-time is not allowed here; give a date")
	}
	return pt, nil
}

// year reads four characters of 0-9 or X and sets the year and precision.
func (p *parser) year(pt *Point) error {
	at := p.pos
	n := p.run(func(r rune) bool { return '0' <= r && r <= '9' || r == 'X' })
	switch {
	case n == 0:
		return p.unexpected()
	case n < 4 && p.pos < len(p.s) && !strings.ContainsRune("-/~?%", p.peek()):
		// A stray character inside the year says more than its length.
		return p.unexpected()
	case n < 4:
		return p.errAt(at, "year must have 4 digits")
	case n > 4:
		return p.errAt(at+4, "year must have 4 digits")
	}
	digits := string(p.s[at:p.pos])
	x := strings.IndexByte(digits, 'X')
	if x >= 0 && (x < 2 || strings.Trim(digits[x:], "X") != "") {
		return p.errAt(at+x, "only the last one or two digits of a year may be X")
	}
	pt.Precision = Year
	switch x {
	case 3:
		pt.Precision = Decade
	case 2:
		pt.Precision = Century
	}
	pt.Year, _ = strconv.Atoi(strings.ReplaceAll(digits, "X", "0"))
	return nil
}

func (p *parser) month(pt *Point) error {
	at := p.pos
	v, err := p.twoDigits("month")
	if err != nil {
		return err
	}
	switch {
	case 37 <= v && v <= 39:
		pt.Part = Part(v - 36) // early, middle or late third: Precision stays Year
		return nil
	case 21 <= v && v <= 41:
		return p.errAt(at, "sub-year grouping %d is not supported; give a month 01-12, or 37, 38, 39 for early, mid, late", v)
	case v < 1 || v > 12:
		return p.errAt(at, "month %02d is out of range (01-12)", v)
	}
	pt.Month, pt.Precision = v, Month
	return nil
}

func (p *parser) day(pt *Point) error {
	at := p.pos
	v, err := p.twoDigits("day")
	if err != nil {
		return err
	}
	if v < 1 || v > 31 {
		return p.errAt(at, "day %02d is out of range (01-31)", v)
	}
	if last := time.Date(pt.Year, time.Month(pt.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day(); v > last {
		return p.errAt(at, "day %02d does not exist in %s %d", v, time.Month(pt.Month), pt.Year)
	}
	pt.Day, pt.Precision = v, Day
	return nil
}

// part reads "37", "38" or "39" after a decade or century, or nothing.
func (p *parser) part() Part {
	if p.pos+2 <= len(p.s) && p.s[p.pos] == '3' && p.s[p.pos+1] >= '7' && p.s[p.pos+1] <= '9' &&
		(p.pos+2 == len(p.s) || p.s[p.pos+2] < '0' || p.s[p.pos+2] > '9') {
		p.pos += 2
		return Part(p.s[p.pos-1] - '6')
	}
	return 0
}

// twoDigits reads the two digits of a month or day after its "-".
func (p *parser) twoDigits(what string) (int, error) {
	at := p.pos
	n := p.run(func(r rune) bool { return '0' <= r && r <= '9' })
	switch {
	case n < 2 && (p.peek() == 'X' || p.peek() == 'x'):
		return 0, p.errAt(p.pos, "an unspecified %s (X) is not supported; leave the %s out", what, what)
	case n == 0 && p.pos == len(p.s):
		return 0, p.errAt(p.pos, `missing %s after "-"`, what)
	case n == 0:
		return 0, p.unexpected()
	case n != 2:
		return 0, p.errAt(at, "%s must have 2 digits", what)
	}
	v, _ := strconv.Atoi(string(p.s[at:p.pos]))
	return v, nil
}

// run advances over runes that satisfy ok and returns how many there were.
func (p *parser) run(ok func(rune) bool) int {
	at := p.pos
	for p.pos < len(p.s) && ok(p.s[p.pos]) {
		p.pos++
	}
	return p.pos - at
}
