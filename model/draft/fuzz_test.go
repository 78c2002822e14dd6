package draft

import (
	"os"
	"strings"
	"testing"

	"github.com/brief-cli/brief/model"
)

// Whatever the article, the draft of it passes brief check.
func FuzzDraftChecks(f *testing.F) {
	for _, name := range []string{"../../seeds/000_bc22e7b79049ddaf.txt", "../../docs/examples/ozone.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("Τίτλος\n- 2024-01-02\n\nΗ Ελλάδα (ΕΕ) και η Ελλάδα. Photo: --> {#x} in 2019 and 2019.\n\nSubheading here")
	f.Add("T\n- 2024-01-02\n\nThe Oslo Group met in 2020 and the Oslo Group (OG) left in late 2021. UK -- US.")
	for _, name := range []string{"testdata/wire.txt", "testdata/court.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("T\n- 2024-01-02\n\n… . “ ”\n\n— — —\n\n, said Jo.\n\n“,” he said.\n\nFILE -\n\n(AP Photo/X)\n\nBy A, B\n\nX (AP) — .")
	f.Add("T\n- 2024-01-02\n\nÉmile, 23, élit in 2019, ending a x that began in 2010. A 2024 study that found. Ünal, published in 2020, ran. The X, which opened in 2019. , who in 2019. to close its (AB) the from 2028, in 2029 (ÅÄ), . who which that in 2001\n\n")
	f.Add("T\n- 2024-01-02\n\nIt is worth noting that. However, . In 2019, . According to X, .")
	f.Fuzz(func(t *testing.T, text string) {
		if !strings.HasPrefix(strings.TrimSpace(text), "---") {
			text = "T\n- 2024-05-06\n\n" + text
		}
		out, err := New("a.txt", []byte(text), Options{ArticlePath: "a.txt"})
		if err != nil {
			return // not an article: refused, not drafted
		}
		read := func(string) ([]byte, error) { return []byte(text), nil }
		if _, err := model.Parse("a.brief.md", []byte(out), read); err != nil {
			t.Fatalf("the draft does not check: %v\n%s", err, out)
		}
	})
}
