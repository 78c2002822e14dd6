package draft

// New drafts a briefing for the article and returns its text, as brief new
// writes it.
func New(name string, data []byte, opts Options) (string, error) {
	d, err := Analyse(name, data, opts)
	if err != nil {
		return "", err
	}
	return d.Write(opts), nil
}

// FindActors is findActors with no publishers to leave out.
func FindActors(sentences []string) []ActorDraft { return findActors(sentences, nil, nil) }
