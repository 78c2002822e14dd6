// Command searchitems prints what search finds in a briefing, one item a
// line: KIND/ID, a tab, and the text on one line. With no argument it
// reads the built-in briefing. scripts/ranking-vs-fzf feeds these lines
// to fzf, so that fzf and brief search the same texts.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/model/sanitize"
	"github.com/brief-cli/brief/seeds"
)

func main() {
	var b *model.Briefing
	var err error
	if len(os.Args) > 1 {
		b, err = model.Load(os.Args[1])
	} else {
		b, err = seeds.Load()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchitems:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	for _, it := range catalog.SearchItems(b) {
		text := strings.ReplaceAll(sanitize.Line(it.Text), "\t", " ")
		fmt.Fprintf(w, "%s/%s\t%s\n", it.Ref.Kind, it.Ref.ID, text)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "searchitems:", err)
		os.Exit(1)
	}
}
