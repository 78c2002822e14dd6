package present

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/brief-cli/brief/internal/testkit/seedcopy"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// copySeed writes the seed briefing and its article to a folder and
// returns the briefing's path.
func copySeed(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := seedcopy.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, seeds.Name)
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s: %v, or no %q in it", file, err, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func reloaded(t *testing.T, m Model) Model {
	t.Helper()
	var cmd tea.Cmd
	m.live, cmd = m.live.Read()
	return update(t, m, cmd())
}

func TestReloadKeepsTheSlideAndShowsErrors(t *testing.T) {
	file := copySeed(t)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.DiskFiles(); len(got) != 2 {
		t.Errorf("watching %v, want the briefing and its article", got)
	}
	if got := seed(t).DiskFiles(); got != nil {
		t.Errorf("the built-in briefing is watched: %v", got)
	}
	m := newTest(t, b, 80, 24, Options{})
	m = update(t, m, press("right", "right", "right")...)
	at := m.slide
	edit(t, file, "# Theme: The recognition {#recognition}", "# Theme: The recognition, revised {#recognition}")
	m = reloaded(t, m)
	if m.slide != at {
		t.Errorf("after the reload on slide %d, want %d", m.slide+1, at+1)
	}
	m = update(t, m, press("home")...)
	if !strings.Contains(plain(t, m), "The recognition, revised") && !strings.Contains(plain(t, update(t, m, press("right")...)), "The recognition, revised") {
		t.Error("the change is not in the deck")
	}

	// The last screen, then a deck made shorter: the index is clamped.
	m = update(t, m, press("end")...)
	m.slide = len(m.deck) + 10 // as if the deck had shrunk under it
	m = reloaded(t, m)
	if m.slide != len(m.deck)-1 {
		t.Errorf("index %d not clamped to %d", m.slide, len(m.deck)-1)
	}

	edit(t, file, "- actors: russia, taliban\n- events: recognition-2025", "- actors: russia, nobody-here\n- events: recognition-2025")
	m = reloaded(t, m)
	screen := plain(t, m)
	if !strings.Contains(screen, "⚠ "+filepath.Base(file)+":24:19:") {
		t.Errorf("no positioned error on screen:\n%s", screen)
	}
	if len(m.sl.pages) == 0 {
		t.Fatal("the last good deck is gone")
	}
	edit(t, file, "- actors: russia, nobody-here", "- actors: russia, taliban")
	m = reloaded(t, m)
	if strings.Contains(plain(t, m), "⚠") {
		t.Error("fixing the file leaves the error")
	}
}

// pump runs a model as a program would: each command in a goroutine of its
// own, every message back into Update.
type pump chan tea.Msg

func (p pump) run(c tea.Cmd) {
	if c == nil {
		return
	}
	go func() {
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				p.run(c)
			}
		default:
			p <- msg
		}
	}()
}

// until updates m until done(m) holds; it fails after 10 s.
func (p pump) until(t *testing.T, m Model, done func(Model) bool) Model {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !done(m) {
		select {
		case msg := <-p:
			nm, cmd := m.Update(msg)
			m = nm.(Model)
			p.run(cmd)
		case <-deadline:
			t.Fatalf("timed out; watching %v, banner %q", m.live.Watching(), m.banner)
		}
	}
	return m
}

func TestReloadFollowsAChangedArticle(t *testing.T) {
	file := copySeed(t)
	dir := filepath.Dir(file)
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	article := b.DiskFiles()[1]
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(dir, "moved.txt")
	if err := os.WriteFile(moved, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := newTest(t, b, 80, 24, Options{watchCtx: ctx})
	watching := func(name string) func(Model) bool {
		return func(m Model) bool { return slices.Contains(m.live.Watching(), name) }
	}
	p := make(pump, 64)
	p.run(m.Init())
	m = p.until(t, m, watching(article))

	// The briefing now names another article: the watch moves to it.
	edit(t, file, "article: "+filepath.Base(article), "article: moved.txt")
	m = p.until(t, m, watching(moved))
	if slices.Contains(m.live.Watching(), article) {
		t.Errorf("still watching the old article: %v", m.live.Watching())
	}

	// A save of the new article is seen: one that breaks a quote shows.
	first := strings.SplitN(strings.TrimSpace(b.Source.Paragraphs[0].Sentences[0].Text), " ", 2)[0]
	broken := strings.Replace(string(data), first, "Zzyzx", 1)
	if err := os.WriteFile(moved, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	m = p.until(t, m, func(m Model) bool { return m.banner != "" })
	if !strings.Contains(m.banner, "moved.txt") && !strings.Contains(m.banner, "quote") {
		t.Errorf("banner %q does not tell of the broken article", m.banner)
	}
}
