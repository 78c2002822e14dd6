package shapes

import (
	"fmt"
	"strings"
)

// themeWords name the themes of Themes, and give its sentences something
// to say; a briefing asks for more themes than there are words by
// numbering them.
var themeWords = []string{
	"water supply", "school buses", "market hall", "river bridge",
	"night trains", "library hours", "park trees", "tram depot",
	"fire station", "bicycle lanes",
}

// themeActors are the actors of Themes, each with a stance of a sentence
// or two, as a real briefing's are.
var themeActors = []struct{ id, name, kind, stance string }{
	{"council", "The town council", "government", "Backs the plan in principle but wants the costs shared with the county before it votes any money."},
	{"county", "The county board", "government", "Doubts the figures and asks for an independent review of the costs before anything is built."},
	{"mayor", "The mayor", "person", "Champions the plan as the work of her term and presses for a vote before the summer recess."},
	{"traders", "The market traders", "group", "Fear the works will drive customers away for a year and ask for a rent holiday while they last."},
	{"residents", "The residents' association", "group", "Split: the older streets welcome the plan, the new estates object to the noise and the traffic."},
	{"engineers", "The harbour engineers", "group", "Say the old structures will not last another decade whatever the council decides to do."},
	{"unions", "The transport unions", "group", "Support the new lines if the jobs on the old ones are kept, and threaten a strike if they are not."},
	{"press", "The local paper", "organisation", "Has campaigned against the plan for two years, calling it a vanity project the town cannot afford."},
	{"church", "The parish church", "organisation", "Stays neutral in public while lending its hall to both sides for their meetings."},
	{"school", "The secondary school", "organisation", "Wants the buses kept whatever else changes, since half of its pupils come from the villages."},
	{"ministry", "The transport ministry", "state", "Offers a grant for a third of the cost on condition that the works start within two years."},
	{"campaign", "The save-the-hall campaign", "group", "Opposes any demolition and has collected four thousand signatures for a listing of the hall."},
}

// Themes returns a briefing of themes themes of points points each, with
// a timeline of every kind of date (decades, open starts and ends,
// approximate spans, days), a dozen actors with stances of a sentence or
// two, and a glossary. Tests of the views use it beside the seed for a
// briefing whose shape they have not been tuned to.
func Themes(themes, points int) []byte {
	var src []string // the article's paragraphs
	var b strings.Builder
	b.WriteString("---\nformat: brief/1\ntitle: A town decides what to keep\nsource: What the town will keep, and what it will let go\npublished: 2024-03-15\n---\n\n")
	for t := range themes {
		word := themeWords[t%len(themeWords)]
		if t >= len(themeWords) {
			word = fmt.Sprintf("%s %d", word, t/len(themeWords)+1)
		}
		title := strings.ToUpper(word[:1]) + word[1:]
		if t%3 == 1 {
			title += " and what the town owes to those who depend on it"
		}
		fmt.Fprintf(&b, "# Theme: %s {#theme-%d}\n\nWhat the article says of the %s.\n\n", title, t+1, word)
		var para []string
		for p := range points {
			s := fmt.Sprintf("The %s question number %d is argued by %s at some length.", word, p+1, themeActors[(t+p)%len(themeActors)].name)
			if p%2 == 1 {
				s = fmt.Sprintf("On the %s, point %d holds that the town has put off a decision for too long and now pays for it.", word, p+1)
			}
			para = append(para, s)
			claim := strings.TrimSuffix(s, ".")
			fmt.Fprintf(&b, "## %s {#pt-%d-%d}\n\n> %s\n\n", claim, t+1, p+1, s)
		}
		src = append(src, strings.Join(para, " "))
	}
	events := []struct{ id, when, title string }{
		{"founding", "198X", "The first plans are drawn"},
		{"decline", "../2010", "Years of neglect"},
		{"survey", "1995/2005", "A decade of surveys"},
		{"flood", "2012-10-28", "The river floods the lower town"},
		{"campaign-starts", "2015/..", "The campaign for the hall"},
		{"grant", "2019~", "The ministry offers a grant"},
		{"vote", "2023-11", "The council votes"},
		{"works", "2022~/2026~", "The works are planned"},
	}
	b.WriteString("# Timeline\n\n")
	var tl []string
	for _, e := range events {
		s := fmt.Sprintf("The timeline records that %s (%s).", strings.ToLower(e.title[:1])+e.title[1:], e.id)
		tl = append(tl, s)
		fmt.Fprintf(&b, "## %s {#%s}\n\n- when: %s\n\n> %s\n\n", e.title, e.id, e.when, s)
	}
	src = append(src, strings.Join(tl, " "))
	b.WriteString("# Actors\n\n")
	var names []string
	for _, a := range themeActors {
		fmt.Fprintf(&b, "## %s {#%s}\n\n- kind: %s\n- stance: %s\n\n", a.name, a.id, a.kind, a.stance)
		names = append(names, a.name+" has its say.")
	}
	src = append(src, strings.Join(names, " "))
	b.WriteString("# Glossary\n\n## Listing {#listing}\n\nThe protection of a building from demolition.\n\n> A listing protects a building from demolition.\n\n")
	src = append(src, "A listing protects a building from demolition.")
	b.WriteString("# Source\n")
	for _, p := range src {
		b.WriteString("\n" + p + "\n")
	}
	return []byte(b.String())
}
