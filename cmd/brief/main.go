package main

import (
	"os"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

func main() {
	b, err := seeds.Load()
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	if len(os.Args) > 1 {
		b, err = model.Load(os.Args[1])
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
	}
	b.WriteJSON(os.Stdout)
}
