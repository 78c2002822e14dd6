package model

import (
	"fmt"
	"strings"
)

// didYouMean returns `; did you mean "x"?` for the known name closest to
// an unknown one, or "" when none is close.
func didYouMean(name string, known []string) string {
	// "nobel" for "nobel-1995": one known name that extends it.
	var ext []string
	for _, k := range known {
		if strings.HasPrefix(k, name+"-") {
			ext = append(ext, k)
		}
	}
	if len(ext) == 1 {
		return fmt.Sprintf("; did you mean %q?", ext[0])
	}
	best, bestD := "", 0
	for _, k := range known {
		d := editDistance(name, k)
		if best == "" || d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" || bestD > max(1, len([]rune(name))/3) {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the edit distance between a and b, in runes, counting a
// swap of two neighbours as one edit ("e2091" for "e2019").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
