package model_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

func kinds(deck []model.Slide) []string {
	out := make([]string, len(deck))
	for i, s := range deck {
		out[i] = s.Kind
		if s.Kind == model.SlideTheme {
			out[i] += ":" + s.Theme
		}
	}
	return out
}

func TestBuildDeckDefaultSeed(t *testing.T) {
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	deck := model.BuildDeck(b)
	want := []string{"title", "agenda"}
	for _, th := range b.Themes {
		want = append(want, "theme:"+th.ID)
	}
	want = append(want, "timeline", "actors", "glossary", "questions", "closing")
	if got := kinds(deck); !slices.Equal(got, want) {
		t.Fatalf("kinds:\n got %v\nwant %v", got, want)
	}
	title := deck[0]
	if title.Title != b.Title {
		t.Errorf("title slide: %q", title.Title)
	}
	// The citation line: “title”, the date at the article's precision.
	if len(title.Body) != 1 || !strings.Contains(title.Body[0], "“"+b.Source.Title+"”") || !strings.Contains(title.Body[0], "19 July 2025") || strings.Contains(title.Body[0], "06:24") {
		t.Errorf("title slide body = %q, want the citation with the publication date", title.Body)
	}
	agenda := deck[1]
	if len(agenda.Items) != len(b.Themes) || agenda.Items[2].Text != b.Themes[2].Title {
		t.Errorf("agenda items = %+v", agenda.Items)
	}
	sec := deck[2+slices.IndexFunc(b.Themes, func(th *model.Theme) bool { return th.ID == "security" })]
	if sec.Title != "Security" || sec.Reveal || sec.Steps() != 1 {
		t.Errorf("security slide: %q reveal=%v steps=%d", sec.Title, sec.Reveal, sec.Steps())
	}
	if len(sec.Items) != len(b.Theme("security").Points) {
		t.Errorf("security items = %d, want every point", len(sec.Items))
	}
	// The theme's own notes and its points' notes reach the speaker.
	joined := strings.Join(sec.Notes, "\n")
	if !strings.Contains(joined, "Start here with an audience new to the topic") {
		t.Errorf("security notes lack the theme note:\n%s", joined)
	}
	tl := deck[len(deck)-5]
	if tl.Kind != model.SlideTimeline || len(tl.Events) != len(b.Timeline) {
		t.Fatalf("timeline slide: %s with %d events", tl.Kind, len(tl.Events))
	}
	actors := deck[len(deck)-4]
	if actors.Title != "Who stands where" || actors.Items[0].Label != "Russia" || actors.Items[0].Text == "" {
		t.Errorf("actors slide: %q %+v", actors.Title, actors.Items[:1])
	}
	// Actors whose stance the article does not give stay off the slide.
	described := 0
	for _, a := range b.Actors {
		if !strings.HasPrefix(a.Stance, "Not described") {
			described++
		}
	}
	if len(actors.Items) != described || described == len(b.Actors) {
		t.Errorf("actors slide has %d actors; %d of %d have a stance", len(actors.Items), described, len(b.Actors))
	}
	for _, it := range actors.Items {
		if strings.HasPrefix(it.Text, "Not described") {
			t.Errorf("actor %q without a stance is on the slide", it.Label)
		}
	}
	q := deck[len(deck)-2]
	if len(q.Items) != len(b.Questions) || !q.Numbered {
		t.Errorf("questions: %d items numbered=%v", len(q.Items), q.Numbered)
	}
	if c := deck[len(deck)-1]; c.Subtitle != b.Title || len(c.Body) == 0 {
		t.Errorf("closing slide: %+v", c)
	}
}

const deckSrc = `---
format: brief/1
title: Deck test
source: Rivers and towns
published: 2024-03-01
---

# Theme: Water {#water}

How the river shapes the town.

- note: Start with the map.

## The river floods every spring {#floods}

> The river floods every spring.

## The council built a wall {#wall}

> In 2019, the council built a wall.

- note: Ask who paid.

# Theme: Herds {#herds}

## Farmers move their herds {#move}

> Farmers move their herds.

# Deck

## title

- note: Welcome everyone.

## text Why rivers matter

First paragraph of the slide.

Second paragraph.

## agenda

## theme water

- points: wall, floods
- reveal: yes
- note: Pause after the first point.

## questions

## closing

# Source

The river floods every spring. Farmers move their herds.

In 2019, the council built a wall. It held.
`

func TestBuildDeckFromDeckSection(t *testing.T) {
	b, err := model.Parse("deck.brief.md", []byte(deckSrc), nil)
	if err != nil {
		t.Fatal(err)
	}
	deck := model.BuildDeck(b)
	want := []string{"title", "text", "agenda", "theme:water", "questions", "closing"}
	if got := kinds(deck); !slices.Equal(got, want) {
		t.Fatalf("kinds: got %v, want %v", got, want)
	}
	if got := deck[0].Notes; !slices.Equal(got, []string{"Welcome everyone."}) {
		t.Errorf("title notes = %q", got)
	}
	text := deck[1]
	if text.Title != "Why rivers matter" || !slices.Equal(text.Body, []string{"First paragraph of the slide.", "Second paragraph."}) {
		t.Errorf("text slide = %q %q", text.Title, text.Body)
	}
	// The agenda lists only the themes the deck presents.
	if got := deck[2].Items; len(got) != 1 || got[0].Text != "Water" {
		t.Errorf("agenda = %+v", got)
	}
	water := deck[3]
	if len(water.Items) != 2 || water.Items[0].Text != "The council built a wall" || water.Items[1].Text != "The river floods every spring" {
		t.Errorf("points not in deck order: %+v", water.Items)
	}
	if !water.Reveal || water.Steps() != 2 {
		t.Errorf("reveal=%v steps=%d, want true 2", water.Reveal, water.Steps())
	}
	if water.Subtitle != "Theme 1 of 1" {
		t.Errorf("subtitle = %q", water.Subtitle)
	}
	// Deck notes first, then the theme's summary and notes, then the points'.
	if len(water.Notes) != 4 || water.Notes[0] != "Pause after the first point." || water.Notes[2] != "Start with the map." || !strings.Contains(water.Notes[3], "Ask who paid.") {
		t.Errorf("notes = %q", water.Notes)
	}
	// Questions were asked for but the briefing has none: the slide stays.
	if len(deck[4].Items) != 0 {
		t.Errorf("questions = %+v", deck[4].Items)
	}
}

func TestBuildDeckDefaultLeavesOutEmptySlides(t *testing.T) {
	src := strings.SplitN(deckSrc, "# Deck", 2)[0] + "# Source\n\nThe river floods every spring. Farmers move their herds.\n\nIn 2019, the council built a wall. It held.\n"
	b, err := model.Parse("nodeck.brief.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"title", "agenda", "theme:water", "theme:herds", "closing"}
	if got := kinds(model.BuildDeck(b)); !slices.Equal(got, want) {
		t.Fatalf("kinds: got %v, want %v", got, want)
	}
	if model.BuildDeck(nil) != nil {
		t.Error("BuildDeck(nil) should be empty")
	}
}
