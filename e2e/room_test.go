package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// roomSizes are a laptop's default terminal and a 1080p projector.
var roomSizes = [][2]int{{80, 24}, {160, 45}}

// bigTitle reports whether the screen's title is set in block letters:
// nothing else on a slide is drawn with their glyphs.
func bigTitle(screen string) bool {
	rows := strings.Split(screen, "\n")
	body := strings.Join(rows[:max(0, len(rows)-2)], "\n") // not the status row and progress bar
	return strings.ContainsAny(body, "▀▄█")
}

// axisLineRow is the row of the screen most made of the axis line's glyphs.
func axisLineRow(screen string) int {
	best, row := 0, -1
	for i, l := range strings.Split(screen, "\n") {
		if n := strings.Count(l, "─") + strings.Count(l, "┼"); n > best {
			best, row = n, i
		}
	}
	return row
}

// Walking the whole deck at 80x24 and at 160x45: every slide's title has
// the same style as every other's at that size, and on the timeline slide
// the axis stays on one row at every step.
func TestPresentTitlesAndTimelineHoldAtEachSize(t *testing.T) {
	t.Parallel()
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	deck := model.BuildDeck(b)
	timeline := 0
	for i, s := range deck {
		if s.Kind == model.SlideTimeline {
			timeline = i + 1
		}
	}
	if timeline == 0 {
		t.Fatal("the seed's deck has no timeline slide")
	}
	for _, sz := range roomSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			s, n := startPresent(t, presentEnv(t), sz[0], sz[1])
			screen := s.WaitText(at(1, n))
			styles := map[bool][]string{}
			axisRows := map[int]int{}
			steps := 0
			for range 200 {
				m := counterRe.FindStringSubmatch(lastLines(screen, 3))
				slide, _ := strconv.Atoi(m[1])
				title := strings.TrimSpace(strings.Split(screen, "\n")[min(3, len(strings.Split(screen, "\n"))-1)])
				styles[bigTitle(screen)] = append(styles[bigTitle(screen)], fmt.Sprintf("slide %d (%s)", slide, title))
				if slide == timeline {
					steps++
					axisRows[axisLineRow(screen)]++
				}
				if slide == n && !strings.Contains(screen, "▸ more") {
					break
				}
				s.Keys("Right")
				prev := screen
				screen = s.WaitFor("the next screen", func(sc string) bool { return sc != prev })
			}
			if len(styles) != 1 {
				t.Errorf("titles in two styles: block letters on %v; plain on %v", styles[true], styles[false])
			}
			if steps < 2 {
				t.Fatalf("the timeline slide showed %d steps", steps)
			}
			if len(axisRows) != 1 {
				t.Errorf("the timeline's axis moves between rows over its %d steps: %v (row: steps)", steps, axisRows)
			}
		})
	}
}

// longNotesBriefing writes a copy of the seed briefing whose slide 4 (the
// history theme) has more speaker notes than any console shows at once,
// the last of them ending "the last talking point".
func longNotesBriefing(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "seeds", "000_bc22e7b79049ddaf.brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	art, err := os.ReadFile(filepath.Join("..", "seeds", "000_bc22e7b79049ddaf.txt"))
	if err != nil {
		t.Fatal(err)
	}
	anchor := "  regional engagement in the closing argument, should be read.\n"
	if !strings.Contains(string(src), anchor) {
		t.Fatal("the seed briefing no longer has the note this test extends")
	}
	var notes strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&notes, "- note: Talking point %d: remind the room what the article says here.\n", i)
	}
	notes.WriteString("- note: And this is the last talking point.\n")
	text := strings.Replace(string(src), anchor, anchor+notes.String(), 1)
	if err := os.WriteFile(filepath.Join(dir, "long.brief.md"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "000_bc22e7b79049ddaf.txt"), art, 0o600); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "long.brief.md")
}

// The console's notes scroll with ↓ j (and back with ↑ k) at 80x24 and
// 160x45, and the room's slide stays where it was: the next key the console
// sends moves the room one slide on from there.
func TestPresentConsoleNotesScrollAndTheRoomStays(t *testing.T) {
	t.Parallel()
	file := longNotesBriefing(t)
	bin := tmuxtest.Binary(t)
	for _, sz := range roomSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			env := presentEnv(t)
			p := tmuxtest.Start(t, sz[0], sz[1], env, fmt.Sprintf("'%s' present '%s'", bin, file))
			screen := p.WaitFor("the counter 1/N", func(sc string) bool {
				m := counterRe.FindStringSubmatch(lastLines(sc, 3))
				return m != nil && m[1] == "1"
			})
			var n int
			fmt.Sscan(counterRe.FindStringSubmatch(lastLines(screen, 3))[2], &n)
			p.Type("4")
			p.Keys("Enter")
			room := p.WaitText(at(4, n))

			c := tmuxtest.Start(t, sz[0], sz[1], env, bin+" notes")
			c.WaitText(at(4, n))
			c.WaitText("long.brief.md")
			first := c.WaitText("↓ more")
			if strings.Contains(first, "the last talking point") {
				t.Fatalf("the notes all fit: nothing to scroll:\n%s", first)
			}
			var con string
			for k := 0; k < 200; k++ {
				key := "j"
				if k%2 == 1 {
					key = "Down"
				}
				c.Keys(key)
				prev := con
				con = c.WaitFor("the notes to scroll", func(sc string) bool { return sc != prev && sc != first })
				if strings.Contains(con, "the last talking point") {
					break
				}
			}
			if !strings.Contains(con, "the last talking point") || !strings.Contains(con, at(4, n)) {
				t.Fatalf("scrolling never reached the notes' end on slide 4:\n%s", con)
			}
			c.Keys("k", "Up")
			c.WaitGone("the last talking point")
			// The bottom row is the pace bar, which moves with the clock.
			if got := p.Screen(); slideRows(got) != slideRows(room) {
				t.Fatalf("scrolling the notes moved the room's slide:\nbefore:\n%s\nafter:\n%s", room, got)
			}
			// The room is still on slide 4: the console's next key takes it
			// to slide 5, not further.
			c.Keys("Right")
			p.WaitText(at(5, n))
			c.WaitText(at(5, n))
			p.Keys("q")
			p.WaitExit()
			c.Keys("q")
			c.WaitExit()
		})
	}
}

// slideRows is a presenter's screen without its bottom row, the pace bar
// that grows with the time spent.
func slideRows(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return strings.Join(lines[:max(len(lines)-1, 0)], "\n")
}
