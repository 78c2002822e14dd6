package live

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/seedcopy"
	"github.com/brief-cli/brief/model"
)

func load(t *testing.T) (*model.Briefing, string) {
	t.Helper()
	file, err := seedcopy.CopyTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := model.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	return b, file
}

// A read brings the new version once; a read that finishes after a newer
// one is dropped; a broken save brings its error and no version.
func TestReadsAreNumbered(t *testing.T) {
	b, file := load(t)
	//lint:ignore SA1012 a nil context is New's documented way to never reload
	r := New(nil, b)
	if r.Init() != nil {
		t.Error("a reloader without a context watches")
	}
	r, first := r.Read()
	r, second := r.Read()
	older, newer := first(), second()
	r, _, out := r.Update(newer)
	if out.Briefing == nil || out.Err != nil {
		t.Fatalf("the newer read brought %+v", out)
	}
	if _, _, out := r.Update(older); out != (Result{}) {
		t.Errorf("a read older than the one applied came through: %+v", out)
	}
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), "format: brief/1", "format: brief/9", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r, cmd := r.Read()
	if _, _, out := r.Update(cmd()); out.Err == nil || out.Briefing != nil {
		t.Errorf("a broken save brought %+v", out)
	}
}

// Messages that are not live reload's pass through with nothing.
func TestOtherMessages(t *testing.T) {
	b, _ := load(t)
	//lint:ignore SA1012 a nil context is New's documented way to never reload
	if _, cmd, out := New(nil, b).Update("hello"); cmd != nil || out != (Result{}) {
		t.Errorf("a foreign message gave %v %+v", cmd, out)
	}
	if _, cmd := (Reloader{}).Read(); cmd != nil {
		t.Error("the zero reloader reads")
	}
}
