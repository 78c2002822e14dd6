// Package date parses the partial-precision dates of timeline events: a
// small, documented subset of EDTF (ISO 8601-2, levels 0 and 1).
//
// Accepted forms, with what [Date.Label] shows:
//
//	2025-07-19        a day                 19 Jul 2025
//	2021-08           a month               Aug 2021
//	2016              a year                2016
//	198X              a decade (1980-1989)  1980s
//	19XX              a century (1900-1999) 20th century
//	2017-37           early 2017 (Jan-Apr)  early 2017
//	2017-38           mid 2017 (May-Aug)    mid-2017
//	2017-39           late 2017 (Sep-Dec)   late 2017
//	198X-39           late 1980s (1987-89)  late 1980s
//	20XX-37           early 21st century    early 21st century
//	2016~             approximate           c. 2016
//	2016?             uncertain             2016?
//	2016%             both                  c. 2016?
//	2021-08/2025-07   interval              Aug 2021 – Jul 2025
//	2005~/2025~       approximate interval  c. 2005–2025
//	2021-08/..        open end              Aug 2021 onward
//	../1989           open start            until 1989
//	2021/             unknown end           2021 – ?
//	/2021             unknown start         ? – 2021
//
// Years have exactly four ASCII digits, 0000-9999. Only the last one or two
// digits of a year may be X, and a decade or century takes no month or day.
// A qualifier (~ approximate, ? uncertain, % both) applies to a whole end and
// follows it; at most one per end. Interval ends may differ in precision
// (198X/2016). An interval may not end before it starts, and at least one of
// its ends must be a date.
//
// A century is labelled by its ordinal ("20th century") rather than "1900s",
// which would read the same as the decade 190X. 19XX still covers 1900-1999
// as EDTF defines it, one year off the strict ordinal century.
//
// Early, mid and late are the EDTF level 2 quadrimesters 37-39 (thirds of a
// year); after a decade or century the same numbers mean its thirds (0-3,
// 4-6, 7-9 of a decade; 0-32, 33-65, 66-99 of a century), which EDTF does
// not define. A part takes no day.
//
// Not accepted, each with an error that says why: surrounding whitespace,
// negative years, long years (Y...), seasons, quarters and halves (sub-year
// groupings 21-36, 40, 41), unspecified months or days (2021-XX), qualifiers before or
// inside a date, date-times, sets and lists.
//
// Nothing is padded: 2016 is the whole year, its bounds are 2016-01-01 and
// 2016-12-31, and its label never shows a month or day that was not written.
// Qualifiers do not widen the bounds; c. 2016 still spans 2016.
package date
