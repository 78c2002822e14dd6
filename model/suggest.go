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

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
