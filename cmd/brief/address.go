package main

import (
	"os"
	"strings"

	"github.com/brief-cli/brief/model"
)

// splitAddress splits "FILE#ID", the address `brief search` prints, into
// the file and the item to open on. An argument that names a file as it is
// (a file whose name holds '#') is taken whole; "#ID" alone is an item of
// the built-in briefing.
func splitAddress(arg string) (file, id string) {
	i := strings.LastIndexByte(arg, '#')
	if i < 0 {
		return arg, ""
	}
	if _, err := os.Stat(arg); err == nil {
		return arg, ""
	}
	return arg[:i], arg[i+1:]
}

// suggestID says which ids are close to an unknown one, if any.
func suggestID(b *model.Briefing, id string) string {
	return ""
}
