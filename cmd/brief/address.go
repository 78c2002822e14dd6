package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/brief-cli/brief/model"
)

// splitAddress splits "FILE#ID", the address `brief search` prints, into
// the file and the item to open on. An argument that names a file as it is
// (a file whose name holds '#') is taken whole; "#ID" alone is an item of
// the built-in briefing. A '#' with no id after it is an error.
func splitAddress(arg string) (file, id string, err error) {
	i := strings.LastIndexByte(arg, '#')
	if i < 0 {
		return arg, "", nil
	}
	if _, err := os.Stat(arg); err == nil {
		return arg, "", nil
	}
	file, id = arg[:i], arg[i+1:]
	if id == "" {
		return "", "", fmt.Errorf("%q: no item id after '#': write FILE#ID (as brief search prints it), or #ID for the built-in briefing", arg)
	}
	return file, id, nil
}

// suggestID says which ids are close to an unknown one, if any.
func suggestID(b *model.Briefing, id string) string {
	return ""
}
