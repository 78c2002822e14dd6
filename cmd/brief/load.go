package main

import (
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// loadBriefing loads the briefing named by the first argument, or the
// built-in briefing when there is none. A load error is invalid input
// (exit 1), reported with every positioned problem.
func loadBriefing(args []string) (*model.Briefing, error) {
	if len(args) == 0 || args[0] == "" {
		b, err := seeds.Load()
		if err != nil {
			return nil, inputError(err)
		}
		return b, nil
	}
	b, err := model.Load(args[0])
	if err != nil {
		return nil, inputError(err)
	}
	return b, nil
}
