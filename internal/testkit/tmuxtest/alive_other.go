//go:build !unix

package tmuxtest

func alive(int) bool { return false }
