package search

import (
	"slices"
	"strings"
	"testing"
)

func TestRuneIndexes(t *testing.T) {
	s := "“Moscow” – format"
	tests := []struct {
		bytes, want []int
	}{
		{[]int{strings.Index(s, "M"), strings.Index(s, "o"), strings.Index(s, "f")}, []int{1, 2, 11}},
		{[]int{0, 1, 2}, []int{0}}, // offsets inside the curly quote count once
		{nil, []int{}},
	}
	for _, tt := range tests {
		if got := RuneIndexes(s, tt.bytes); !slices.Equal(got, tt.want) {
			t.Errorf("RuneIndexes(%v) = %v, want %v", tt.bytes, got, tt.want)
		}
	}
}
