package edit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/brief-cli/brief/model"
)

// Random changes to real briefings: each is made or refused, the text
// always loads, and undoing them all gives back the file byte for byte.
func TestRandomChangesUndoToTheFile(t *testing.T) {
	files := []string{"../../seeds/000_bc22e7b79049ddaf.brief.md", "../../docs/examples/ozone.brief.md", "../testdata/mini.brief.md", "testdata/harbour.brief.md"}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			dir := t.TempDir()
			entries, _ := os.ReadDir(filepath.Dir(f))
			for _, e := range entries {
				if e.Type().IsRegular() {
					data, _ := os.ReadFile(filepath.Join(filepath.Dir(f), e.Name()))
					os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
				}
			}
			d := open(t, filepath.Join(dir, filepath.Base(f)))
			orig := d.Text()
			r := rand.New(rand.NewPCG(1, uint64(len(f))))
			made := 0
			for i := range 60 {
				op := randomOp(d, r, i)
				if op == nil {
					continue
				}
				if err := d.Apply(op); err == nil {
					made++
				}
				if _, err := model.LoadBytes(d.Name, []byte(d.Text())); err != nil {
					t.Fatalf("after %s the text does not load: %v", op.Describe(), err)
				}
			}
			if made < 20 {
				t.Errorf("only %d of 60 changes made", made)
			}
			for d.Undo() {
			}
			if d.Text() != orig {
				t.Error("undoing every change does not give back the file")
			}
		})
	}
}

func randomOp(d *Doc, r *rand.Rand, i int) Op {
	b := d.Briefing
	ss := b.Sentences()
	s := ss[r.IntN(len(ss))]
	q, _ := d.QuoteOf([]string{s.ID})
	ps := b.Points()
	pick := func() string {
		if len(ps) == 0 {
			return ""
		}
		return ps[r.IntN(len(ps))].ID
	}
	themes := d.Outline.Themes()
	switch r.IntN(11) {
	case 0:
		if len(themes) == 0 {
			return AddPoint{Theme: d.FreshID("theme"), NewTheme: "T", ID: d.FreshID("p"), Claim: DraftClaim(s.Text), Quote: q}
		}
		return AddPoint{Theme: themes[r.IntN(len(themes))].ID, ID: d.FreshID(s.Text), Claim: DraftClaim(s.Text), Quote: q}
	case 1:
		return AddQuote{Item: pick(), Quote: q}
	case 2:
		when, phrase, ok := d.DraftDate(s.Text)
		if !ok {
			when = "2001"
		}
		return AddEvent{ID: d.FreshID("e " + s.Text), Title: DraftClaim(s.Text), When: when, Phrase: phrase, Quote: q}
	case 3:
		return Rename{ID: pick(), Title: fmt.Sprintf("Renamed %d", i)}
	case 4:
		return Move{ID: pick(), By: 1 - 2*r.IntN(2)}
	case 5:
		if len(themes) > 1 {
			return Move{ID: pick(), Theme: themes[r.IntN(len(themes))].ID}
		}
		return NewTheme{ID: d.FreshID("theme"), Title: "Another"}
	case 6:
		return Merge{Into: pick(), From: pick()}
	case 7:
		return Split{ID: pick(), NewID: d.FreshID("split")}
	case 8:
		return Delete{ID: pick()}
	case 9:
		if len(b.Actors) > 0 {
			return AddToList{Item: pick(), Key: "actors", IDs: []string{b.Actors[r.IntN(len(b.Actors))].ID}}
		}
	case 10:
		if len(b.Actors) > 0 {
			return SetField{Item: b.Actors[r.IntN(len(b.Actors))].ID, Key: "stance", Value: "Stance " + fmt.Sprint(i)}
		}
	}
	return nil
}
