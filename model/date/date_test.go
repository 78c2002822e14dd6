package date

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

var validTests = []struct {
	in         string
	str        string // String(), when it differs from in
	label      string
	start, end string
	prec       Precision
	approx     bool
	uncertain  bool
	isInterval bool
}{
	{in: "2025-07-19", label: "19 Jul 2025", start: "2025-07-19", end: "2025-07-19", prec: Day},
	{in: "2025-07-05", label: "5 Jul 2025", start: "2025-07-05", end: "2025-07-05", prec: Day},
	{in: "2024-02-29", label: "29 Feb 2024", start: "2024-02-29", end: "2024-02-29", prec: Day},
	{in: "2000-02-29", label: "29 Feb 2000", start: "2000-02-29", end: "2000-02-29", prec: Day},
	{in: "2021-08", label: "Aug 2021", start: "2021-08-01", end: "2021-08-31", prec: Month},
	{in: "2023-02", label: "Feb 2023", start: "2023-02-01", end: "2023-02-28", prec: Month},
	{in: "2024-02", label: "Feb 2024", start: "2024-02-01", end: "2024-02-29", prec: Month},
	{in: "2016", label: "2016", start: "2016-01-01", end: "2016-12-31", prec: Year},
	{in: "0800", label: "800", start: "0800-01-01", end: "0800-12-31", prec: Year},
	{in: "0000", label: "0", start: "0000-01-01", end: "0000-12-31", prec: Year},
	{in: "9999-12", label: "Dec 9999", start: "9999-12-01", end: "9999-12-31", prec: Month},
	{in: "198X", label: "1980s", start: "1980-01-01", end: "1989-12-31", prec: Decade},
	{in: "200X", label: "2000s", start: "2000-01-01", end: "2009-12-31", prec: Decade},
	{in: "19XX", label: "20th century", start: "1900-01-01", end: "1999-12-31", prec: Century},
	{in: "20XX", label: "21st century", start: "2000-01-01", end: "2099-12-31", prec: Century},
	{in: "11XX", label: "12th century", start: "1100-01-01", end: "1199-12-31", prec: Century},
	{in: "01XX", label: "2nd century", start: "0100-01-01", end: "0199-12-31", prec: Century},
	{in: "02XX", label: "3rd century", start: "0200-01-01", end: "0299-12-31", prec: Century},
	{in: "99XX", label: "100th century", start: "9900-01-01", end: "9999-12-31", prec: Century},
	{in: "2017-37", label: "early 2017", start: "2017-01-01", end: "2017-04-30", prec: Year},
	{in: "2017-38", label: "mid-2017", start: "2017-05-01", end: "2017-08-31", prec: Year},
	{in: "2017-39~", label: "c. late 2017", start: "2017-09-01", end: "2017-12-31", prec: Year, approx: true},
	{in: "198X-37", label: "early 1980s", start: "1980-01-01", end: "1983-12-31", prec: Decade},
	{in: "198X-38", label: "mid 1980s", start: "1984-01-01", end: "1986-12-31", prec: Decade},
	{in: "198X-39", label: "late 1980s", start: "1987-01-01", end: "1989-12-31", prec: Decade},
	{in: "20XX-37", label: "early 21st century", start: "2000-01-01", end: "2032-12-31", prec: Century},
	{in: "19XX-39/2016", label: "late 20th century – 2016", start: "1966-01-01", end: "2016-12-31", prec: Century, isInterval: true},
	{in: "2016~", label: "c. 2016", start: "2016-01-01", end: "2016-12-31", prec: Year, approx: true},
	{in: "2016?", label: "2016?", start: "2016-01-01", end: "2016-12-31", prec: Year, uncertain: true},
	{in: "2016%", label: "c. 2016?", start: "2016-01-01", end: "2016-12-31", prec: Year, approx: true, uncertain: true},
	{in: "2025-07-19~", label: "c. 19 Jul 2025", start: "2025-07-19", end: "2025-07-19", prec: Day, approx: true},
	{in: "2021-08?", label: "Aug 2021?", start: "2021-08-01", end: "2021-08-31", prec: Month, uncertain: true},
	{in: "198X~", label: "c. 1980s", start: "1980-01-01", end: "1989-12-31", prec: Decade, approx: true},
	{in: "19XX?", label: "20th century?", start: "1900-01-01", end: "1999-12-31", prec: Century, uncertain: true},
	{in: "2021-08/2025-07", label: "Aug 2021 – Jul 2025", start: "2021-08-01", end: "2025-07-31", prec: Month, isInterval: true},
	{in: "2005~/2025~", label: "c. 2005–2025", start: "2005-01-01", end: "2025-12-31", prec: Year, approx: true, isInterval: true},
	{in: "2005%/2025%", label: "c. 2005?–2025?", start: "2005-01-01", end: "2025-12-31", prec: Year, approx: true, uncertain: true, isInterval: true},
	{in: "2021-08~/2025-07~", label: "c. Aug 2021 – c. Jul 2025", start: "2021-08-01", end: "2025-07-31", prec: Month, approx: true, isInterval: true},
	{in: "2005~/2025", label: "c. 2005 – 2025", start: "2005-01-01", end: "2025-12-31", prec: Year, approx: true, isInterval: true},
	{in: "2005/2025?", label: "2005–2025?", start: "2005-01-01", end: "2025-12-31", prec: Year, uncertain: true, isInterval: true},
	{in: "2016/2020", label: "2016–2020", start: "2016-01-01", end: "2020-12-31", prec: Year, isInterval: true},
	{in: "198X/2016", label: "1980s–2016", start: "1980-01-01", end: "2016-12-31", prec: Decade, isInterval: true},
	{in: "19XX/2025-07-19", label: "20th century – 19 Jul 2025", start: "1900-01-01", end: "2025-07-19", prec: Century, isInterval: true},
	{in: "2021-08/..", label: "Aug 2021 onward", start: "2021-08-01", end: "", prec: Month, isInterval: true},
	{in: "../1989", label: "until 1989", start: "", end: "1989-12-31", prec: Year, isInterval: true},
	{in: "../1989~", label: "until c. 1989", start: "", end: "1989-12-31", prec: Year, approx: true, isInterval: true},
	{in: "2021/", label: "2021 – ?", start: "2021-01-01", end: "", prec: Year, isInterval: true},
	{in: "/2021", label: "? – 2021", start: "", end: "2021-12-31", prec: Year, isInterval: true},
	// Ends of different precision may overlap; only a wholly earlier end is
	// rejected.
	{in: "2016-05/2016", label: "May 2016 – 2016", start: "2016-05-01", end: "2016-12-31", prec: Year, isInterval: true},
	{in: "2016/2016-03", label: "2016 – Mar 2016", start: "2016-01-01", end: "2016-03-31", prec: Year, isInterval: true},
	{in: "2016/2016", label: "2016–2016", start: "2016-01-01", end: "2016-12-31", prec: Year, isInterval: true},
	{in: "2025-07-19/2025-07-19", label: "19 Jul 2025 – 19 Jul 2025", start: "2025-07-19", end: "2025-07-19", prec: Day, isInterval: true},
}

func TestParseValid(t *testing.T) {
	for _, tt := range validTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			want := tt.str
			if want == "" {
				want = tt.in
			}
			check := func(name string, got, want any) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %v, want %v", name, got, want)
				}
			}
			check("String", d.String(), want)
			check("Label", d.Label(), tt.label)
			check("StartISO", d.StartISO(), tt.start)
			check("EndISO", d.EndISO(), tt.end)
			check("Precision", d.Precision(), tt.prec)
			check("Approximate", d.Approximate(), tt.approx)
			check("Uncertain", d.Uncertain(), tt.uncertain)
			check("IsInterval", d.IsInterval(), tt.isInterval)
			check("IsZero", d.IsZero(), false)

			start, ok := d.Start()
			check("Start ok", ok, tt.start != "")
			if ok {
				check("Start", start.Format(time.DateOnly), tt.start)
			}
			end, ok := d.End()
			check("End ok", ok, tt.end != "")
			if ok {
				check("End", end.Format(time.DateOnly), tt.end)
			}
		})
	}
}

var invalidTests = []struct {
	in     string
	offset int
	msg    string
}{
	{"", 0, "empty date"},
	{"   ", 0, "empty date"},
	{"\t", 0, "empty date"},
	{" 2016", 0, "unexpected space"},
	{"2016 ", 4, "unexpected space"},
	{"2016\n", 4, `unexpected "\n"`},
	{"2016 /2017", 4, "unexpected space"},
	{"2025-13-45", 5, "month 13 is out of range (01-12)"},
	{"2025-12-45", 8, "day 45 is out of range (01-31)"},
	{"2023-02-29", 8, "day 29 does not exist in February 2023"},
	{"1900-02-29", 8, "day 29 does not exist in February 1900"},
	{"2024-02-30", 8, "day 30 does not exist in February 2024"},
	{"2021-04-31", 8, "day 31 does not exist in April 2021"},
	{"2016-00", 5, "month 00 is out of range (01-12)"},
	{"2016-01-00", 8, "day 00 is out of range (01-31)"},
	{"2016-21", 5, "sub-year grouping 21 is not supported"},
	{"2016-24", 5, "sub-year grouping 24 is not supported"},
	{"2016-40", 5, "sub-year grouping 40 is not supported"},
	{"2016-42", 5, "month 42 is out of range"},
	{"2016-39-01", 7, "a part (-37, -38, -39) takes no day"},
	{"198X-40", 4, "a decade or century cannot have a month"},
	{"2021-8", 5, "month must have 2 digits"},
	{"2021-123", 5, "month must have 2 digits"},
	{"2021-08-1", 8, "day must have 2 digits"},
	{"2021-08-011", 8, "day must have 2 digits"},
	{"21", 0, "year must have 4 digits"},
	{"201", 0, "year must have 4 digits"},
	{"21-05", 0, "year must have 4 digits"},
	{"20211", 4, "year must have 4 digits"},
	{"198XX", 4, "year must have 4 digits"},
	{"2021-", 5, `missing month after "-"`},
	{"2021-08-", 8, `missing day after "-"`},
	{"2021--08", 5, `unexpected "-"`},
	{"2021-08-01-05", 10, `unexpected "-"`},
	{"1X8X", 1, "only the last one or two digits of a year may be X"},
	{"X980", 0, "only the last one or two digits of a year may be X"},
	{"1XXX", 1, "only the last one or two digits of a year may be X"},
	{"XXXX", 0, "only the last one or two digits of a year may be X"},
	{"19X0", 2, "only the last one or two digits of a year may be X"},
	{"198x", 3, `unexpected "x"`},
	{"198u", 3, `unexpected "u"`},
	{"198X-05", 4, "a decade or century cannot have a month"},
	{"19XX-05", 4, "a decade or century cannot have a month"},
	{"2021-XX", 5, "unspecified month (X) is not supported"},
	{"2021-0X", 6, "unspecified month (X) is not supported"},
	{"2021-08-XX", 8, "unspecified day (X) is not supported"},
	{"2016~~", 5, "only one qualifier is allowed"},
	{"2016~?", 5, "only one qualifier is allowed"},
	{"~2016", 0, "a qualifier goes after the date"},
	{"?2016", 0, "a qualifier goes after the date"},
	{"2016/~2017", 5, "a qualifier goes after the date"},
	{"2004-06~-11", 7, "a qualifier goes at the end of a date"},
	{"2016/2015", 5, "interval ends before it starts"},
	{"2016-05-02/2016-05-01", 11, "interval ends before it starts"},
	{"199X/198X", 5, "interval ends before it starts"},
	{"../..", 3, "both ends of an interval are open"},
	{"/", 1, "an interval needs at least one date"},
	{"../", 3, "an interval needs at least one date"},
	{"/..", 1, "an interval needs at least one date"},
	{"..", 0, `".." is only allowed as an end of an interval`},
	{"..2016", 2, `expected "/" after ".."`},
	{".", 0, `unexpected "."`},
	{"./2016", 0, `unexpected "."`},
	{".../2016", 2, `expected "/" after ".."`},
	{"2021/2022/2023", 9, "an interval has only two ends"},
	{"2021//2023", 5, "an interval has only two ends"},
	{"2021-08-01T10:00", 10, "a date-time is not allowed here; give a date"},
	{"2021-08-01T10:00:00Z", 10, "a date-time is not allowed here"},
	{"2021-08-01 10:00", 10, "unexpected space"},
	{"２０１６", 0, `unexpected "２"; write digits as 0-9`},
	{"٢٠١٦", 0, `unexpected "٢"; write digits as 0-9`},
	{"201٦", 3, `unexpected "٦"`},
	{"2016-٠١", 5, `unexpected "٠"`},
	{"-2016", 0, "negative years are not supported"},
	{"+2016", 0, `unexpected "+"`},
	{"Y12345", 0, "long years (Y) are not supported"},
	{"2016a", 4, `unexpected "a"`},
	{"2016-01-01/x", 11, `unexpected "x"`},
	{"July 2016", 0, `unexpected "J"`},
	{"\xff2016", 0, "unexpected \"\ufffd\""},
	{"2016~/é", 6, `unexpected "é"`},
	{"[2016,2017]", 0, `unexpected "["`},
	{"2016,2017", 4, `unexpected ","`},
}

func TestParseInvalid(t *testing.T) {
	for _, tt := range invalidTests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %q, want an error", tt.in, d.String())
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error is %T, want *Error", tt.in, err)
			}
			if e.Offset != tt.offset {
				t.Errorf("Parse(%q) offset = %d, want %d (%s)", tt.in, e.Offset, tt.offset, e.Msg)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Parse(%q) error = %q, want it to contain %q", tt.in, err.Error(), tt.msg)
			}
			if !d.IsZero() {
				t.Errorf("Parse(%q) returned a non-zero Date with its error", tt.in)
			}
		})
	}
}

func TestCompareOrder(t *testing.T) {
	in := []string{"2025-07-19", "2021-08", "1980s", "2021~/2025~", "../2020", "2025-07", "2016", "2021", "2005~/2025~", "199X"}
	want := []string{"198X", "199X", "2005~/2025~", "2016", "../2020", "2021", "2021-08", "2021~/2025~", "2025-07", "2025-07-19"}
	dates := make([]Date, len(in))
	for i, s := range in {
		if s == "1980s" {
			s = "198X"
		}
		dates[i] = mustParse(t, s)
	}
	sort.SliceStable(dates, func(i, j int) bool { return Compare(dates[i], dates[j]) < 0 })
	got := make([]string, len(dates))
	for i, d := range dates {
		got[i] = d.String()
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n got %q\nwant %q", got, want)
	}

	// Stability on a tie: reversing the tied pair in the input reverses it
	// in the output.
	for _, pair := range [][]string{{"2016", "2016~"}, {"2016~", "2016"}} {
		in2 := []Date{mustParse(t, pair[0]), mustParse(t, pair[1])}
		sort.SliceStable(in2, func(i, j int) bool { return Compare(in2[i], in2[j]) < 0 })
		if in2[0].String() != pair[0] {
			t.Errorf("tie not kept in input order: %v", in2)
		}
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"198X", "1980", -1},    // same start, decade is coarser
		{"19XX", "190X", -1},    // century before decade
		{"1980", "1980-01", -1}, // year before month
		{"1980-01", "1980-01-01", -1},
		{"1980-01-01", "1980-01", 1},
		{"2016", "2016~", 0},
		{"2016", "2016/2020", -1},       // a point before a span starting there
		{"2016-12", "2016/2020", -1},    // ... or within the period it starts in
		{"2017", "2016/2020", 1},        // but not after it
		{"2016-03/2020", "2016-08", -1}, // a span from March is placed in March
		{"../1989", "1988", 1},          // an open start is placed by its end
		{"../1989", "1989", 1},          // after a point at that moment
		{"../1989", "1990", -1},
		{"/1989", "1989-01-01", 1},
		{"2016", "../1800", 1},
		{"../1989", "/1989", 0}, // both placed by the same end
		{"2016-12-31", "2017", -1},
		{"2017", "2016-12-31", 1},
	}
	for _, tt := range tests {
		if got := Compare(mustParse(t, tt.a), mustParse(t, tt.b)); got != tt.want {
			t.Errorf("Compare(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestEnds(t *testing.T) {
	d := mustParse(t, "198X~/2016-05-04?")
	from, to := d.Ends()
	wantFrom := Point{Year: 1980, Precision: Decade, Approximate: true}
	wantTo := Point{Year: 2016, Month: 5, Day: 4, Precision: Day, Uncertain: true}
	if from != wantFrom || to != wantTo {
		t.Errorf("Ends() = %+v, %+v; want %+v, %+v", from, to, wantFrom, wantTo)
	}
	from, to = mustParse(t, "2021-08").Ends()
	if from != to || from != (Point{Year: 2021, Month: 8, Precision: Month}) {
		t.Errorf("Ends() of a single date = %+v, %+v", from, to)
	}
	from, _ = mustParse(t, "../2016").Ends()
	if !from.Open || from.IsDate() || from.String() != ".." {
		t.Errorf("open start = %+v", from)
	}
	from, to = mustParse(t, "2016/").Ends()
	if !to.Unknown || to.IsDate() || to.String() != "" || to.Label() != "?" {
		t.Errorf("unknown end = %+v", to)
	}
}

func TestPrecisionString(t *testing.T) {
	want := map[Precision]string{Day: "day", Month: "month", Year: "year", Decade: "decade", Century: "century", 0: "Precision(0)"}
	for p, s := range want {
		if p.String() != s {
			t.Errorf("Precision(%d).String() = %q, want %q", int(p), p.String(), s)
		}
	}
	if !(Century < Decade && Decade < Year && Year < Month && Month < Day) {
		t.Error("precisions do not order coarse to fine")
	}
}

func TestZero(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" || d.StartISO() != "" || d.EndISO() != "" || d.Precision() != 0 {
		t.Errorf("zero Date: %q %q %q %v", d.String(), d.StartISO(), d.EndISO(), d.Precision())
	}
}

func TestText(t *testing.T) {
	var d Date
	if err := d.UnmarshalText([]byte("2005~/2025~")); err != nil {
		t.Fatal(err)
	}
	if d.Label() != "c. 2005–2025" {
		t.Errorf("Label = %q", d.Label())
	}
	b, err := d.MarshalText()
	if err != nil || string(b) != "2005~/2025~" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	if err := d.UnmarshalText([]byte("2016/2015")); err == nil {
		t.Error("UnmarshalText accepted a reversed interval")
	}
	if d.String() != "2005~/2025~" {
		t.Errorf("failed UnmarshalText changed the Date to %q", d.String())
	}
}

func mustParse(t testing.TB, s string) Date {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return d
}

func FuzzParse(f *testing.F) {
	for _, tt := range validTests {
		f.Add(tt.in)
	}
	for _, tt := range invalidTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error is %T, want *Error", s, err)
			}
			if e.Msg == "" || e.Offset < 0 || e.Offset > len([]rune(s)) {
				t.Fatalf("Parse(%q) error %+v: empty message or offset out of range", s, e)
			}
			if !d.IsZero() {
				t.Fatalf("Parse(%q) returned a Date with its error", s)
			}
			return
		}
		d2, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", s, d.String(), err)
		}
		if d2 != d {
			t.Fatalf("Parse(%q) = %+v, but Parse(%q) = %+v", s, d, d.String(), d2)
		}
		start, sok := d.Start()
		end, eok := d.End()
		if sok && eok && end.Before(start) {
			t.Fatalf("Parse(%q): End %v before Start %v", s, end, start)
		}
		if !sok && !eok {
			t.Fatalf("Parse(%q): neither bound exists", s)
		}
		if sok != (d.StartISO() != "") || eok != (d.EndISO() != "") {
			t.Fatalf("Parse(%q): ISO bounds %q, %q disagree with Start/End", s, d.StartISO(), d.EndISO())
		}
		if d.Label() == "" {
			t.Fatalf("Parse(%q): empty Label", s)
		}
		if d.Precision() < Century || d.Precision() > Day {
			t.Fatalf("Parse(%q): Precision %v", s, d.Precision())
		}
		if Compare(d, d) != 0 {
			t.Fatalf("Parse(%q): Compare with itself is not 0", s)
		}
	})
}

// TestCompareIsAnOrder checks that Compare is a total preorder over a mix of
// precisions, spans and open ends, so sorting by it is well defined.
func TestCompareIsAnOrder(t *testing.T) {
	var ds []Date
	for _, s := range []string{"198X", "1985", "1989-12", "1989-12-31", "199X~", "198X/1995", "1985/1986",
		"../1989", "../1990", "/1989", "1989/..", "1990", "1990-01", "1990/1991", "1989-06/..", "19XX", "1989~/1990"} {
		ds = append(ds, mustParse(t, s))
	}
	for _, a := range ds {
		for _, b := range ds {
			if Compare(a, b) != -Compare(b, a) {
				t.Errorf("Compare(%s, %s) = %d but Compare(%s, %s) = %d", a, b, Compare(a, b), b, a, Compare(b, a))
			}
			for _, c := range ds {
				if Compare(a, b) <= 0 && Compare(b, c) <= 0 && Compare(a, c) > 0 {
					t.Errorf("not transitive: %s ≤ %s ≤ %s but %s > %s", a, b, c, a, c)
				}
			}
		}
	}
}
