package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// MaxFileSize bounds what a briefing file (or an article beside it) may
// weigh. A long analytical article with a rich briefing is well under 1 MiB;
// 16 MiB leaves room for any real document while refusing to read a
// runaway file into memory.
const MaxFileSize = 16 << 20

// Decode applies the decoding rules of the format to raw file bytes: UTF-8
// only, a leading BOM dropped, CRLF and lone CR turned into LF. Invalid UTF-8
// and NUL bytes are errors with their line, column and byte offset; UTF-16
// (by its BOM or its NUL pattern) is refused as such.
func Decode(file string, data []byte) (string, ErrorList) {
	return decode(file, data, false)
}

// decode is Decode; with own set the caller hands data over, never to
// touch it again, and valid text is returned without a copy.
func decode(file string, data []byte, own bool) (string, ErrorList) {
	if len(data) > MaxFileSize {
		return "", ErrorList{{File: file, Msg: fmt.Sprintf("file is %s, larger than the %s limit", humanSize(len(data)), humanSize(MaxFileSize))}}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || looksUTF16(data) {
		return "", ErrorList{{File: file, Pos: Pos{1, 1}, Msg: "file is UTF-16; save it as UTF-8"}}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})

	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 { // the common case, without the walk below
		if own && len(data) > 0 {
			return normalizeNewlines(unsafe.String(&data[0], len(data))), nil
		}
		return normalizeNewlines(string(data)), nil
	}
	var errs ErrorList
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			errs = append(errs, &Error{File: file, Pos: Pos{line, col}, Offset: i,
				Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02X at byte offset %d", data[i], i)})
		case r == 0:
			errs = append(errs, &Error{File: file, Pos: Pos{line, col}, Offset: i,
				Msg: fmt.Sprintf("NUL byte at byte offset %d", i)})
		}
		if len(errs) >= 20 {
			errs = append(errs, &Error{File: file, Pos: Pos{line, col}, Msg: "too many encoding errors; is this a text file?"})
			return "", errs
		}
		if r == '\n' || (r == '\r' && (i+1 >= len(data) || data[i+1] != '\n')) {
			line, col = line+1, 1
		} else if r != '\r' {
			col++
		}
		i += size
	}
	if len(errs) > 0 {
		return "", errs
	}
	return normalizeNewlines(string(data)), nil
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// looksUTF16 spots BOM-less UTF-16: ASCII text in UTF-16 has a NUL in every
// other byte of its first characters.
func looksUTF16(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	n := min(len(data), 64) &^ 1
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return even*4 >= half*3 || odd*4 >= half*3
}

func humanSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
