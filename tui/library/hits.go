package library

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/brief-cli/brief/model"
	"github.com/brief-cli/brief/model/catalog"
	"github.com/brief-cli/brief/model/sanitize"
)

// HitsOptions say how WriteHits lays out search results.
type HitsOptions struct {
	// Styled draws for a terminal: each hit on two lines, the matched
	// characters bold and underlined. Otherwise each hit is one line of
	// plain text with the matched runs in [brackets].
	Styled bool
	// Env is the environment, for NO_COLOR and TERM (styled output only).
	Env []string
	// Library names each hit's briefing (a search over several).
	Library bool
}

// WriteHits writes search results, best first. briefings are those of the
// index the hits come from (SearchIndex.Briefings).
//
// Plain, a hit is one line of three tab-separated fields, FILE#ID (the
// address `brief FILE#ID` opens), KIND and TEXT, with the matched
// characters of TEXT in square brackets:
//
//	russia.brief.md#p5.s3	sentence	In 2016, Russia initiated the [Moscow] Format
//
// Styled, it is a line naming the kind and id (and, for a library, the
// briefing and its file), then the text, indented, with the matched
// characters bold and underlined.
func WriteHits(w io.Writer, hits []catalog.SearchHit, briefings []*model.Briefing, opts HitsOptions) error {
	if opts.Styled {
		var buf bytes.Buffer
		writeStyled(&buf, hits, briefings, opts)
		_, err := colorprofile.NewWriter(w, opts.Env).Write(buf.Bytes())
		return err
	}
	bw := bufio.NewWriter(w)
	for _, h := range hits {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", sanitize.Line(catalog.SearchAddress(briefingOf(briefings, h), h.Ref.ID)), h.Ref.Kind, MarkMatches(h.Text, h.MatchedIndexes, "[", "]"))
	}
	return bw.Flush()
}

func writeStyled(w *bytes.Buffer, hits []catalog.SearchHit, briefings []*model.Briefing, opts HitsOptions) {
	faint := lipgloss.NewStyle().Faint(true)
	bold := lipgloss.NewStyle().Bold(true)
	pre, post := paint(lipgloss.NewStyle().Bold(true).Underline(true))
	for k, h := range hits {
		if h.Weak && (k == 0 || !hits[k-1].Weak) {
			// The weaker matches (see catalog.SearchHit.Weak) come after
			// the matches, under a divider.
			_, _ = w.WriteString(faint.Render("── weaker matches ──") + "\n")
		}
		head := bold.Render(h.Ref.ID) + " " + faint.Render(string(h.Ref.Kind))
		if opts.Library {
			b := briefingOf(briefings, h)
			title := ""
			if b != nil {
				title = sanitize.Line(b.Title)
			}
			head += faint.Render(" · " + title + " (" + sanitize.Line(fileOf(briefings, h)) + ")")
		}
		body := MarkMatches(h.Text, h.MatchedIndexes, pre, post)
		_, _ = w.WriteString(head + "\n  " + body + "\n")
	}
}

// paint returns the escape sequences a style puts around a text, so that
// runs of matched characters are styled whole (lipgloss underlines rune by
// rune).
func paint(st lipgloss.Style) (pre, post string) {
	r := st.Render("X")
	i := strings.IndexByte(r, 'X')
	if i < 0 {
		return "", ""
	}
	return r[:i], r[i+1:]
}

func briefingOf(briefings []*model.Briefing, h catalog.SearchHit) *model.Briefing {
	if h.Briefing >= 0 && h.Briefing < len(briefings) {
		return briefings[h.Briefing]
	}
	return nil
}

func fileOf(briefings []*model.Briefing, h catalog.SearchHit) string {
	if b := briefingOf(briefings, h); b != nil {
		return b.File
	}
	return ""
}

// MarkMatches returns text with each run of matched characters (byte
// offsets, as search reports them) between open and close. The text is
// sanitised to one line; if that changes it, it is returned unmarked.
func MarkMatches(text string, matched []int, open, close string) string {
	line := sanitize.Line(text)
	if line != text || len(matched) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(text) + 2*len(matched))
	in := false
	k := 0
	for i, r := range text {
		for k < len(matched) && matched[k] < i {
			k++ // an offset inside a rune
		}
		hit := k < len(matched) && matched[k] == i
		if hit != in {
			if hit {
				b.WriteString(open)
			} else {
				b.WriteString(close)
			}
			in = hit
		}
		b.WriteRune(r)
	}
	if in {
		b.WriteString(close)
	}
	return b.String()
}
