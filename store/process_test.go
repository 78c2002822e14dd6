package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/brief-cli/brief/internal/testkit/long"
	"github.com/brief-cli/brief/model"
)

// The tests below run this test binary again as a separate writer process
// (BRIEF_CRASH_HELPER=1). It opens the store in $BRIEF_STATE_DIR, prints
// "ready", waits for a line on stdin if BRIEF_WRITER_WAIT is set, then saves
// notes on items BRIEF_WRITER_PREFIX-0, -1, ... (BRIEF_WRITER_COUNT of them,
// or without end), printing each id once its SetNote has returned. The
// briefing is /processes.brief.md, titled "Processes", unless
// BRIEF_WRITER_FILE and BRIEF_WRITER_TITLE name another briefing of the
// same article.
func TestMain(m *testing.M) {
	if os.Getenv("BRIEF_CRASH_HELPER") == "1" {
		if err := writer(); err != nil {
			fmt.Fprintln(os.Stderr, "writer:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

var processBriefing = briefingText("Processes", []string{"alpha", "beta"}, "")

func writer() error {
	file, text := "/processes.brief.md", processBriefing
	if f := os.Getenv("BRIEF_WRITER_FILE"); f != "" {
		file, text = f, briefingText(os.Getenv("BRIEF_WRITER_TITLE"), []string{"alpha", "beta"}, "")
	}
	b, err := model.Parse(file, []byte(text), nil)
	if err != nil {
		return err
	}
	s, warn, err := Open(b, Options{Dir: os.Getenv("BRIEF_STATE_DIR")})
	if err != nil {
		return err
	}
	var notice *ElsewhereNotice
	if warn != nil && !errors.As(warn, &notice) {
		return fmt.Errorf("open warned: %w", warn)
	}
	fmt.Println("ready")
	if os.Getenv("BRIEF_WRITER_WAIT") != "" {
		if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
			return err
		}
	}
	prefix := os.Getenv("BRIEF_WRITER_PREFIX")
	count, _ := strconv.Atoi(os.Getenv("BRIEF_WRITER_COUNT"))
	for i := 0; count == 0 || i < count; i++ {
		id := fmt.Sprintf("%s-%d", prefix, i)
		if err := s.SetNote(pt(id), noteText(id)); err != nil {
			return err
		}
		fmt.Println(id) // os.Stdout is unbuffered: the line leaves now
	}
	return nil
}

func noteText(id string) string { return "note " + id + "\nwritten by a writer process" }

type writerProc struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines *bufio.Scanner
}

func startWriter(t *testing.T, dir, prefix string, count int, wait bool, env ...string) *writerProc {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "BRIEF_CRASH_HELPER=1", "BRIEF_STATE_DIR="+dir,
		"BRIEF_WRITER_PREFIX="+prefix, "BRIEF_WRITER_COUNT="+strconv.Itoa(count))
	cmd.Env = append(cmd.Env, env...)
	if wait {
		cmd.Env = append(cmd.Env, "BRIEF_WRITER_WAIT=1")
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	in, err := cmd.StdinPipe()
	must(t, err)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("writer %s stderr: %s", prefix, stderr.String())
		}
	})
	return &writerProc{cmd: cmd, in: in, lines: bufio.NewScanner(out)}
}

// next reads the next line the writer printed, or "" at its end.
func (w *writerProc) next() string {
	if w.lines.Scan() {
		return w.lines.Text()
	}
	return ""
}

// TestCrash kills a writer with SIGKILL at random moments, 200 times (50
// in the default test run; BRIEF_LONG=1, as CI sets it, for all 200). Each
// run is killed after a random number (0–5) of acknowledged notes, which
// lands the kill in the middle of the next write; some runs are killed before
// they even open the store. After every kill the state must load cleanly and
// hold every note whose SetNote had returned, in this run and all before.
func TestCrash(t *testing.T) {
	runs := long.Count(50, 200)
	dir := t.TempDir()
	b, err := model.Parse("/processes.brief.md", []byte(processBriefing), nil)
	must(t, err)
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), 9))
	var acked []string
	killedMidWrite, tempLeft := 0, 0
	for run := range runs {
		w := startWriter(t, dir, fmt.Sprintf("r%d", run), 0, false)
		stop := rng.IntN(7) - 1 // -1: kill at once; else after that many acks
		if stop >= 0 {
			if l := w.next(); l != "ready" {
				t.Fatalf("run %d: writer said %q, want ready", run, l)
			}
			for range stop {
				id := w.next()
				if id == "" {
					t.Fatalf("run %d: writer ended early", run)
				}
				acked = append(acked, id)
			}
		}
		must(t, w.cmd.Process.Kill())
		// Acks already in the pipe belong to writes that returned too.
		for id := w.next(); id != ""; id = w.next() {
			if id != "ready" {
				acked = append(acked, id)
			}
		}
		err := w.cmd.Wait()
		if err == nil || !strings.Contains(err.Error(), "killed") {
			t.Fatalf("run %d: writer ended with %v, want killed", run, err)
		}
		if stop > 0 {
			killedMidWrite++
		}
		if ents, err := os.ReadDir(dir); err == nil {
			for _, e := range ents {
				if isTemp(e.Name()) {
					tempLeft++ // killed between writing a temporary file and renaming it
					break
				}
			}
		}

		s, warn, err := Open(b, Options{Dir: dir})
		if err != nil || warn != nil {
			t.Fatalf("after kill %d: Open = %v, warning %v", run, err, warn)
		}
		for _, id := range acked {
			if got, ok := s.Note(pt(id)); !ok || got != noteText(id) {
				t.Fatalf("after kill %d: acknowledged note %s = %q (present %v)", run, id, got, ok)
			}
		}
		s.Close()
	}
	if len(acked) < runs {
		t.Errorf("only %d notes acknowledged in %d runs: the kills came too early to test much", len(acked), runs)
	}
	t.Logf("%d kills (%d after at least one acknowledged write; %d left a half-done temporary file), %d acknowledged notes, all present after every kill",
		runs, killedMidWrite, tempLeft, len(acked))
}

// TestTwoProcesses has two processes add 100 notes each to the same
// briefing at the same time; all 200 must be there.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	b, err := model.Parse("/processes.brief.md", []byte(processBriefing), nil)
	must(t, err)
	ws := []*writerProc{startWriter(t, dir, "left", 100, true), startWriter(t, dir, "right", 100, true)}
	for _, w := range ws {
		if l := w.next(); l != "ready" {
			t.Fatalf("writer said %q, want ready", l)
		}
	}
	for _, w := range ws { // both start writing now
		_, err := io.WriteString(w.in, "go\n")
		must(t, err)
	}
	acks := make([][]string, len(ws))
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Go(func() {
			for id := w.next(); id != ""; id = w.next() {
				acks[i] = append(acks[i], id)
			}
		})
	}
	wg.Wait()
	for i, w := range ws {
		if err := w.cmd.Wait(); err != nil {
			t.Fatalf("writer %d: %v", i, err)
		}
		if len(acks[i]) != 100 {
			t.Errorf("writer %d acknowledged %d notes, want 100", i, len(acks[i]))
		}
	}
	s := open(t, b, Options{Dir: dir})
	orphans := s.Orphans()
	if len(orphans) != 200 {
		t.Errorf("%d notes stored, want 200", len(orphans))
	}
	for _, prefix := range []string{"left", "right"} {
		for i := range 100 {
			id := fmt.Sprintf("%s-%d", prefix, i)
			wantNote(t, s, pt(id), noteText(id))
		}
	}
}

// weekEnv names, for a writer process, one of two briefings of one article
// (files that need not exist: they are only recorded).
func weekEnv(n int) []string {
	return []string{fmt.Sprintf("BRIEF_WRITER_FILE=/week%d.brief.md", n), fmt.Sprintf("BRIEF_WRITER_TITLE=Week %d", n)}
}

func weekBriefing(t testing.TB, n int) *model.Briefing {
	return parse(t, fmt.Sprintf("/week%d.brief.md", n), fmt.Sprintf("Week %d", n), []string{"alpha", "beta"}, "")
}

// TestTwoProcessesTwoBriefings has two processes open two briefings of one
// article at once, next to an old state file of that article recorded for
// the first, and add 100 notes each: the first has the old notes and its
// own, the second its own only.
func TestTwoProcessesTwoBriefings(t *testing.T) {
	dir := t.TempDir()
	one, two := weekBriefing(t, 1), weekBriefing(t, 2)
	old := map[string]string{}
	for i := range 10 {
		old[fmt.Sprintf("old-%d", i)] = fmt.Sprintf("old note %d", i)
	}
	writeV1(t, dir, one, one.File, one.Title, old)
	ws := []*writerProc{startWriter(t, dir, "left", 100, true, weekEnv(1)...), startWriter(t, dir, "right", 100, true, weekEnv(2)...)}
	for _, w := range ws {
		if l := w.next(); l != "ready" {
			t.Fatalf("writer said %q, want ready", l)
		}
	}
	for _, w := range ws {
		_, err := io.WriteString(w.in, "go\n")
		must(t, err)
	}
	acks := make([]int, len(ws))
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Go(func() {
			for id := w.next(); id != ""; id = w.next() {
				acks[i]++
			}
		})
	}
	wg.Wait()
	for i, w := range ws {
		if err := w.cmd.Wait(); err != nil || acks[i] != 100 {
			t.Fatalf("writer %d: %v, %d notes acknowledged", i, err, acks[i])
		}
	}
	s1, s2 := open(t, one, Options{Dir: dir}), open(t, two, Options{Dir: dir})
	if n1, n2 := len(s1.Orphans()), len(s2.Orphans()); n1 != 110 || n2 != 100 {
		t.Errorf("week 1 holds %d notes, week 2 %d; want 110 and 100", n1, n2)
	}
	for id, text := range old {
		wantNote(t, s1, pt(id), text)
		wantNote(t, s2, pt(id), "")
	}
	for i := range 100 {
		l, r := fmt.Sprintf("left-%d", i), fmt.Sprintf("right-%d", i)
		wantNote(t, s1, pt(l), noteText(l))
		wantNote(t, s1, pt(r), "")
		wantNote(t, s2, pt(r), noteText(r))
		wantNote(t, s2, pt(l), "")
	}
}

// TestCrashDuringAdoption kills the first writer of a briefing, whose
// Open adopts an old state file, at random moments (many before or during
// the adoption): afterwards the briefing holds the old notes and every
// acknowledged one, and the other briefing of the article none of them.
func TestCrashDuringAdoption(t *testing.T) {
	const runs = 40
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), 17))
	one, two := weekBriefing(t, 1), weekBriefing(t, 2)
	for run := range runs {
		dir := t.TempDir()
		writeV1(t, dir, one, one.File, one.Title, map[string]string{"old": "old note"})
		w := startWriter(t, dir, "r", 0, false, weekEnv(1)...)
		var acked []string
		if stop := rng.IntN(4) - 2; stop >= 0 { // half the runs: kill at once
			if l := w.next(); l != "ready" {
				t.Fatalf("run %d: writer said %q", run, l)
			}
			for range stop {
				acked = append(acked, w.next())
			}
		}
		must(t, w.cmd.Process.Kill())
		for id := w.next(); id != ""; id = w.next() {
			if id != "ready" {
				acked = append(acked, id)
			}
		}
		w.cmd.Wait()
		s2, n := openNotice(t, two, Options{Dir: dir})
		if n == nil {
			t.Errorf("run %d: week 2 was not told where the old notes are", run)
		}
		s1 := open(t, one, Options{Dir: dir})
		wantNote(t, s1, pt("old"), "old note")
		wantNote(t, s2, pt("old"), "")
		for _, id := range acked {
			wantNote(t, s1, pt(id), noteText(id))
			wantNote(t, s2, pt(id), "")
		}
	}
}
