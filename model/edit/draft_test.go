package edit

import "testing"

func TestDraftClaim(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"In 2016, Russia initiated the Moscow Format as a platform for talks.", "Russia initiated the Moscow Format as a platform for talks"},
		{"The Harbour Trust, which owns the quays, had argued for a new fixed bridge instead.", "The Harbour Trust had argued for a new fixed bridge instead"},
		{"the vote passed by eleven to four after a debate that lasted most of the evening and into the night again.", "The vote passed by eleven to four after a debate that lasted most of …"},
		{"Prices rose sharply; wages did not.", "Prices rose sharply; wages did not"},
		{"“We will build it,” she said.", "“We will build it,” she said"},
	} {
		if got := DraftClaim(c.in); got != c.want {
			t.Errorf("DraftClaim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
