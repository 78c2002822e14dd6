package library

// SetMaxFiles lowers the bound on a library's files for a test and returns
// the function that restores it.
func SetMaxFiles(n int) (restore func()) {
	old := maxFiles
	maxFiles = n
	return func() { maxFiles = old }
}
