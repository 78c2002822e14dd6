package e2e

import (
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/tmuxtest"
	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/seeds"
)

// freePort returns a loopback port nobody listens on right now.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// brief present --serve: the presenter presents as usual and the audience,
// over ssh, follows every move; a viewer steps away and snaps back with f.
func TestServePresentServeFlag(t *testing.T) {
	t.Parallel()
	requireSSH(t)
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := len(model.BuildDeck(b))
	dir := t.TempDir()
	key, ak := authorizedKey(t, dir)
	port := freePort(t)
	env := append(presentEnv(t), "XDG_DATA_HOME="+filepath.Join(dir, "data"))
	p := tmuxtest.Start(t, 100, 30, env, fmt.Sprintf("'%s' present --serve 127.0.0.1:%s --authorized-keys '%s'", tmuxtest.Binary(t), port, ak))
	screen := p.WaitFor("the counter 1/N", func(sc string) bool {
		m := counterRe.FindStringSubmatch(lastLines(sc, 3))
		return m != nil && m[1] == "1"
	})
	var screens int
	fmt.Sscan(counterRe.FindStringSubmatch(lastLines(screen, 3))[2], &screens)

	srv := &server{t: t, port: port, key: key}
	a := srv.sshInTmux(90, 28, key)
	a.WaitText("following the presenter")
	a.WaitText(at(1, n))

	p.Keys("Right")
	p.WaitText(at(2, screens))
	a.WaitText(at(2, n))

	a.Keys("Right")
	a.WaitText(fmt.Sprintf("presenter on 2/%d — f to follow", n))
	a.Keys("f")
	a.WaitGone("f to follow")
	a.WaitText(at(2, n))

	// The presenter quits: the audience is told, the presenter exits 0.
	p.Keys("q")
	if code := p.WaitExit(); code != 0 {
		t.Errorf("presenter exit %d", code)
	}
	sshExited(t, a, 0)
}

// An audience whose terminal splits a slide the presenter shows whole
// still follows the presenter's reveal steps: a presenter at 120x35 and an
// audience at 60x20, over ssh on loopback, on the timeline slide built up
// one event at a time. After three steps the audience shows the first three
// events and no later one, and its counter says how many are shown.
func TestServeAudienceFollowsRevealStepsAtAnySize(t *testing.T) {
	t.Parallel()
	requireSSH(t)
	b, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	deck := model.BuildDeck(b)
	slide := -1
	for i, s := range deck {
		if s.Kind == model.SlideTimeline && s.Reveal && len(s.Events) > 4 {
			slide = i
		}
	}
	if slide < 0 {
		t.Fatal("the seed's deck has no timeline slide built up step by step")
	}
	events := deck[slide].Events
	dir := t.TempDir()
	key, ak := authorizedKey(t, dir)
	port := freePort(t)
	env := append(presentEnv(t), "XDG_DATA_HOME="+filepath.Join(dir, "data"))
	p := tmuxtest.Start(t, 120, 35, env, fmt.Sprintf("'%s' present --serve 127.0.0.1:%s --authorized-keys '%s'", tmuxtest.Binary(t), port, ak))
	p.WaitText(at(1, len(deck)))

	srv := &server{t: t, port: port, key: key}
	a := srv.sshInTmux(60, 20, key)
	a.WaitText("following")

	p.Type(strconv.Itoa(slide + 1))
	p.Keys("Enter")
	p.WaitText(at(slide+1, len(deck)))
	p.Keys("Right")
	p.Keys("Right")
	screen := a.WaitText(fmt.Sprintf("3 of %d shown", len(events)))
	for i, e := range events {
		words := firstWords(e.Title, 2)
		if i < 3 && !strings.Contains(screen, words) {
			t.Errorf("event %d (%q) revealed by the presenter is not on the audience's screen:\n%s", i+1, words, screen)
		}
		if i >= 3 && strings.Contains(screen, words) {
			t.Errorf("event %d (%q) is not revealed yet but the audience shows it:\n%s", i+1, words, screen)
		}
	}
	p.Keys("q")
	p.WaitExit()
	sshExited(t, a, 0)
}

// firstWords is the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}
