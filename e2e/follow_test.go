package e2e

import (
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/brief-cli/brief/internal/tmuxtest"
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
