package date

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how finely a date is given. Finer precisions compare greater,
// so sorting by Precision puts the coarser first.
type Precision int

const (
	Century Precision = iota + 1
	Decade
	Year
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Century:
		return "century"
	case Decade:
		return "decade"
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Part is an early, middle or late third of a year, decade or century. It is
// written as the EDTF level 2 quadrimester after the date: 2017-39 is late
// 2017 (September to December); 198X-37 is the early 1980s (1980-1983);
// 20XX-37 the early 21st century (2000-2032).
type Part int

const (
	Early Part = iota + 1
	Mid
	Late
)

func (p Part) word() string {
	switch p {
	case Early:
		return "early "
	case Mid:
		return "mid-"
	case Late:
		return "late "
	}
	return ""
}

// Point is one end of a date: a day, month, year, decade or century, or an
// open ("..") or unknown (empty) end of an interval.
type Point struct {
	// Year is the first year covered: 1980 for 198X, 1900 for 19XX.
	Year int
	// Month and Day are 1-based, and 0 when not written.
	Month, Day int
	// Precision is 0 for an open or unknown end.
	Precision   Precision
	Approximate bool // ~ or %
	Uncertain   bool // ? or %
	// Part narrows a year, decade or century to its early, middle or late
	// third (written -37, -38, -39 after it; 0 when not written).
	Part Part
	// Open marks "..": the interval has no bound on this side.
	Open bool
	// Unknown marks an empty end: there is a bound but it is not known.
	Unknown bool
}

// IsDate reports whether p is an actual date rather than an open or unknown
// end.
func (p Point) IsDate() bool { return p.Precision != 0 }

// String returns p in EDTF: "" for an unknown end, ".." for an open one.
func (p Point) String() string {
	switch {
	case p.Open:
		return ".."
	case !p.IsDate():
		return ""
	}
	y := fmt.Sprintf("%04d", p.Year)
	switch p.Precision {
	case Decade:
		y = y[:3] + "X"
	case Century:
		y = y[:2] + "XX"
	}
	var b strings.Builder
	b.WriteString(y)
	if p.Month > 0 {
		fmt.Fprintf(&b, "-%02d", p.Month)
	}
	if p.Day > 0 {
		fmt.Fprintf(&b, "-%02d", p.Day)
	}
	if p.Part > 0 {
		fmt.Fprintf(&b, "-%02d", 36+int(p.Part))
	}
	b.WriteString(p.qualifier())
	return b.String()
}

func (p Point) qualifier() string {
	switch {
	case p.Approximate && p.Uncertain:
		return "%"
	case p.Approximate:
		return "~"
	case p.Uncertain:
		return "?"
	}
	return ""
}

// Label returns p as people write it: "19 Jul 2025", "c. 1980s", "2016?".
// An open end is "..", an unknown one "?"; Date.Label words them better.
func (p Point) Label() string {
	switch {
	case p.Open:
		return ".."
	case !p.IsDate():
		return "?"
	}
	s := p.bare()
	if p.Uncertain {
		s += "?"
	}
	if p.Approximate {
		s = "c. " + s
	}
	return s
}

// bare is the label without qualifiers.
func (p Point) bare() string {
	y := strconv.Itoa(p.Year)
	switch p.Precision {
	case Decade:
		if p.Part > 0 {
			// "the early 1980s" reads better than "early-1980s".
			return strings.TrimRight(p.Part.word(), "- ") + " " + y + "s"
		}
	case Century:
		if p.Part > 0 {
			return strings.TrimRight(p.Part.word(), "- ") + " " + ordinal(p.Year/100+1) + " century"
		}
	}
	if p.Part > 0 {
		return p.Part.word() + y
	}
	switch p.Precision {
	case Day:
		return fmt.Sprintf("%d %s %s", p.Day, shortMonth(p.Month), y)
	case Month:
		return shortMonth(p.Month) + " " + y
	case Decade:
		return y + "s"
	case Century:
		return ordinal(p.Year/100+1) + " century"
	}
	return y
}

func shortMonth(m int) string { return time.Month(m).String()[:3] }

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// first is the first day p covers; p must be a date.
func (p Point) first() time.Time {
	if p.Part > 0 {
		y, m := p.partBounds()
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year, time.Month(max(p.Month, 1)), max(p.Day, 1), 0, 0, 0, 0, time.UTC)
}

// partBounds returns the first year and month of p's part; partEnd its
// last day.
func (p Point) partBounds() (year, month int) {
	switch p.Precision {
	case Year:
		return p.Year, 1 + 4*(int(p.Part)-1)
	case Decade:
		return p.Year + [...]int{0, 0, 4, 7}[p.Part], 1
	}
	return p.Year + [...]int{0, 0, 33, 66}[p.Part], 1
}

func (p Point) partEnd() time.Time {
	switch p.Precision {
	case Year:
		return time.Date(p.Year, time.Month(4*int(p.Part))+1, 0, 0, 0, 0, 0, time.UTC)
	case Decade:
		return time.Date(p.Year+[...]int{0, 3, 6, 9}[p.Part], 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year+[...]int{0, 32, 65, 99}[p.Part], 12, 31, 0, 0, 0, 0, time.UTC)
}

// last is the last day p covers; p must be a date.
func (p Point) last() time.Time {
	if p.Part > 0 {
		return p.partEnd()
	}
	switch p.Precision {
	case Day:
		return p.first()
	case Month:
		return time.Date(p.Year, time.Month(p.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	case Decade:
		return time.Date(p.Year+9, 12, 31, 0, 0, 0, 0, time.UTC)
	case Century:
		return time.Date(p.Year+99, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(p.Year, 12, 31, 0, 0, 0, 0, time.UTC)
}

// Date is a single point or an interval of two. The zero Date is empty: it
// has no bounds and String returns "". Dates are comparable with ==.
type Date struct {
	from, to Point
	interval bool
}

// Ends returns the two ends of d; for a single point both are that point.
func (d Date) Ends() (from, to Point) {
	if !d.interval {
		return d.from, d.from
	}
	return d.from, d.to
}

// IsZero reports whether d is the zero Date, which Parse never returns.
func (d Date) IsZero() bool { return d == Date{} }

// IsInterval reports whether d was written as an interval.
func (d Date) IsInterval() bool { return d.interval }

// String returns d in EDTF, as Parse accepts it.
func (d Date) String() string {
	if !d.interval {
		return d.from.String()
	}
	return d.from.String() + "/" + d.to.String()
}

// Label returns d as people write it; see the package documentation.
func (d Date) Label() string {
	if !d.interval {
		return d.from.Label()
	}
	from, to := d.from, d.to
	switch {
	case from.Open:
		return "until " + to.Label()
	case to.Open:
		return from.Label() + " onward"
	case !from.IsDate() || !to.IsDate():
		return from.Label() + " – " + to.Label()
	case from.Approximate && to.Approximate && !strings.Contains(from.bare()+to.bare(), " "):
		// A "c." shared by two one-word ends is said once: c. 2005–2025.
		from.Approximate, to.Approximate = false, false
		return "c. " + from.Label() + "–" + to.Label()
	}
	// Ends of one word take a closed-up en dash (2016–2020); ends with
	// spaces, a spaced one (Aug 2021 – Jul 2025), which also keeps a lone
	// "c." from seeming to apply to both.
	fl, tl := from.Label(), to.Label()
	if strings.Contains(fl+tl, " ") {
		return fl + " – " + tl
	}
	return fl + "–" + tl
}

// Start returns the first day d covers, and false if its start is open or
// unknown.
func (d Date) Start() (time.Time, bool) {
	if !d.from.IsDate() {
		return time.Time{}, false
	}
	return d.from.first(), true
}

// End returns the last day d covers (198X ends 1989-12-31, 2023-02 ends
// 2023-02-28), and false if its end is open or unknown.
func (d Date) End() (time.Time, bool) {
	_, to := d.Ends()
	if !to.IsDate() {
		return time.Time{}, false
	}
	return to.last(), true
}

// StartISO returns Start as YYYY-MM-DD, or "" if there is none.
func (d Date) StartISO() string { return iso(d.Start()) }

// EndISO returns End as YYYY-MM-DD, or "" if there is none.
func (d Date) EndISO() string { return iso(d.End()) }

func iso(t time.Time, ok bool) string {
	if !ok {
		return ""
	}
	// Formatted by hand so years below 1000 keep four digits.
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), t.Month(), t.Day())
}

// Precision returns the coarsest precision of d's ends that are dates.
func (d Date) Precision() Precision {
	from, to := d.Ends()
	switch {
	case !from.IsDate():
		return to.Precision
	case !to.IsDate():
		return from.Precision
	}
	return min(from.Precision, to.Precision)
}

// Approximate reports whether either end is approximate.
func (d Date) Approximate() bool { return d.from.Approximate || d.to.Approximate }

// Uncertain reports whether either end is uncertain.
func (d Date) Uncertain() bool { return d.from.Uncertain || d.to.Uncertain }

// Compare orders dates for a timeline, as a reader expects across
// precisions. Each date is placed at a moment:
//
//   - a single date at the first day it covers (the 1980s at 1 Jan 1980);
//   - a span at the last day of the period it starts in, the moment by which
//     it has surely begun: a span from 2021 comes after Aug 2021, which it
//     may well start with, and after 2016;
//   - a span with an open or unknown start by its end (the first day of
//     it): "until 2020" sits in 2020, never first;
//   - a date with no known moment at all first.
//
// At the same moment a single date comes before a span, then a coarser
// precision before a finer one (the 1980s before 1980, 1980 before Jan
// 1980). Otherwise Compare returns 0, so that a stable sort keeps document
// order.
func Compare(a, b Date) int {
	at, aok := a.placed()
	bt, bok := b.placed()
	switch {
	case aok != bok:
		if aok {
			return 1
		}
		return -1
	case aok:
		if c := at.Compare(bt); c != 0 {
			return c
		}
	}
	if a.interval != b.interval {
		if a.interval {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.Precision(), b.Precision())
}

// placed is the moment Compare places d at; false when d has none.
func (d Date) placed() (time.Time, bool) {
	from, to := d.Ends()
	switch {
	case !d.interval && from.IsDate():
		return from.first(), true
	case !d.interval:
		return time.Time{}, false
	case from.IsDate():
		return from.last(), true
	case to.IsDate():
		return to.first(), true
	}
	return time.Time{}, false
}

// MarshalText returns d.String(), so a Date encodes as its EDTF.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses text with Parse.
func (d *Date) UnmarshalText(text []byte) error {
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
