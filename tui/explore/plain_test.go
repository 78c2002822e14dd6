package explore

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/brief-cli/brief/model"
)

func plainArticle(t *testing.T, w, h int) Model {
	t.Helper()
	text := "Rivers rise in the valley\n- 2024-05-02\n\nThe river rose in the valley. Farmers left.\n\nThe council met."
	b, err := model.Parse("valley.txt", []byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	return step(New(b, config{theme: ThemeDark}), tea.WindowSizeMsg{Width: w, Height: h})
}

// A plain article says its title once and tells what to do about the empty
// timeline and actors.
func TestPlainArticleHeaderAndEmptyStates(t *testing.T) {
	m := plainArticle(t, 100, 24)
	head := strings.Split(plain(m), "\n")[0]
	if n := strings.Count(head, "Rivers rise in the valley"); n != 1 {
		t.Errorf("the header holds the title %d times: %q", n, head)
	}
	for _, tc := range []struct{ key, want string }{
		{"t", "No events yet: `brief new` drafts"},
		{"a", "No actors yet: `brief new`"},
	} {
		screen := plain(press(m, tc.key))
		if !strings.Contains(screen, tc.want) {
			t.Errorf("%s: no %q:\n%s", tc.key, tc.want, screen)
		}
		if strings.Contains(screen, "Timeline axis") {
			t.Errorf("%s: an empty axis is drawn:\n%s", tc.key, screen)
		}
		checkFits(t, press(m, tc.key).Render(), 100, 24)
		pm := press(m, tc.key)
		if i, n := pm.navs[pm.nav].Position(); i != 0 || n != 0 {
			t.Errorf("%s: position %d/%d in an empty list", tc.key, i, n)
		}
	}
}

// The actors' stance heading names the briefing's subject, and says only
// "Stance" when there is none.
func TestStanceHeadingFromSubject(t *testing.T) {
	b := seed(t)
	if got := stanceHeading(b); got != "Stance toward the Taliban government" {
		t.Errorf("seed: %q", got)
	}
	other := *b
	other.Subject = "the river authority"
	if got := stanceHeading(&other); got != "Stance toward the river authority" {
		t.Errorf("subject set: %q", got)
	}
	for _, subject := range []string{"", "TODO what the actors' stances are toward"} {
		other.Subject = subject
		if got := stanceHeading(&other); got != "Stance" {
			t.Errorf("subject %q: %q", subject, got)
		}
	}
}
