//go:build !unix

package catalog_test

func processCPU() int64 { return 0 }
