package draft

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
)

// Themes are drafted by topic segmentation: the article's paragraphs (its
// sentences, when it has only a few paragraphs) are compared by the content
// words they use, weighted by how rare each is, and cut into the runs whose
// vocabulary is most uniform. Each theme is titled with the phrase its
// paragraphs share and the rest of the article uses least.

var stopwords = lazy(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all almost also although always am among an and
	another any are around as at be because been before being below between both but by can could did do does doing
	down during each either else even ever every few for from further had has have having he her here hers herself him
	himself his how however i if in into is it its itself just least less like made make many may me might more most
	much must my myself neither no nor not now of off often on once one only or other others our ours ourselves out
	over own per perhaps rather really said same say says see seen she should since so some still such than that the
	their theirs them themselves then there these they this those though through thus to too toward towards under
	until up upon us very via was we well were what whatever when where whether which while who whom whose why will
	with within without would yet you your yours yourself new first two three four five six seven eight nine ten year
	years month months week weeks day days time told according added including including mr mrs ms dr last next
	told also already another become became get got go going went way ways part parts lot thing things back even
	it’s that’s there’s he’s she’s they’re we’re don’t can’t won’t isn’t aren’t didn’t doesn’t percent people
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
	september october november december today yesterday tomorrow week-old s`) {
		m[w] = true
	}
	return m
})

func stopword(w string) bool { return stopwords()[w] }

// contentWords are the lower-case, roughly singular content words of a text.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '’' && r != '\'' && r != '-' }) {
		w = strings.Trim(strings.ToLower(w), "’'-")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if len(w) < 3 || stopword(w) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// quotesPrevious reports whether a paragraph opens with a quotation
// whose speaker, outside the quotation marks, is a pronoun or a name that
// the paragraph before uses.
func quotesPrevious(p, prev string) bool {
	if !strings.HasPrefix(p, "“") && !strings.HasPrefix(p, "\"") {
		return false
	}
	// The text outside the quotation marks: the attribution.
	var out strings.Builder
	in := false
	for _, r := range p {
		switch {
		case r == '“' || r == '”' || r == '"':
			in = r == '“' || r == '"' && !in
		case !in:
			out.WriteRune(r)
		}
	}
	for _, w := range strings.Fields(out.String()) {
		w = strings.Trim(w, ",.;:!?")
		switch strings.ToLower(w) {
		case "he", "she", "they", "it", "we":
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && len(w) > 2 && strings.Contains(prev, w) {
			return true
		}
	}
	return false
}

// stem folds the commonest English endings so that "talks" and "talk",
// "countries" and "country" count as one word.
func stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

type bag map[string]float64

func (b bag) add(o bag) {
	for k, v := range o {
		b[k] += v
	}
}

// segment divides units (their texts) into between lo and hi runs of
// neighbours by topic, about 1.4 √n of them, and returns the index of the
// first unit of each run.
func segment(units []string, lo, hi int) []int {
	return segmentK(units, lo, hi, len(units))
}

// leadGroup is the most paragraphs of one sentence compared as one unit.
const leadGroup = 3

// segmentGrouped segments units (paragraphs, or sentences), where a run of
// paragraphs of one sentence each in an article of longer ones (a news
// lead, told a sentence at a time) is compared as one unit of up to
// leadGroup: a sentence alone has too few words to say what it is about.
// How many themes is still judged by the count of paragraphs.
func segmentGrouped(units [][]*model.Sentence, texts []string) []int {
	single := 0
	for _, u := range units {
		if len(u) == 1 {
			single++
		}
	}
	if single*2 > len(units) {
		return segment(texts, 3, 8) // most are single: nothing stands out
	}
	var group []int // the first unit of each group
	var gtexts []string
	for i := range units {
		n := len(group)
		if n > 0 && len(units[i]) == 1 && len(units[group[n-1]]) == 1 && i-group[n-1] < leadGroup {
			gtexts[n-1] += " " + texts[i]
			continue
		}
		group = append(group, i)
		gtexts = append(gtexts, texts[i])
	}
	starts := segmentK(gtexts, 3, 8, len(units))
	for k, st := range starts {
		starts[k] = group[st]
	}
	return starts
}

func segmentK(units []string, lo, hi, size int) []int {
	n := len(units)
	if n <= lo {
		starts := make([]int, n)
		for i := range starts {
			starts[i] = i
		}
		return starts
	}
	// Weigh each word by how few units use it (idf): words every paragraph
	// uses say nothing of a change of topic.
	df := map[string]int{}
	bags := make([]bag, n)
	for i, u := range units {
		bags[i] = bag{}
		for _, w := range contentWords(u) {
			if bags[i][w] == 0 {
				df[w]++
			}
			bags[i][w]++
		}
	}
	for _, b := range bags {
		for w, c := range b {
			b[w] = c * math.Log(1+float64(n)/float64(df[w]))
		}
	}
	k := int(math.Round(1.4 * math.Sqrt(float64(size))))
	k = max(lo, min(hi, k, n))
	if n > maxUnits {
		// A long article: runs of units are cut as blocks of neighbours,
		// which keeps the cost linear in its length.
		size := (n + maxUnits - 1) / maxUnits
		var blocks []bag
		for i := 0; i < n; i += size {
			b := bag{}
			for j := i; j < min(n, i+size); j++ {
				b.add(bags[j])
			}
			blocks = append(blocks, b)
		}
		starts := partition(blocks, make([]bool, len(blocks)), k)
		for i := range starts {
			starts[i] *= size
		}
		return starts
	}
	// A paragraph that opens by quoting someone the paragraph before it
	// named goes on from it, as news quotes the person it has just
	// introduced: no theme starts there.
	bound := make([]bool, n)
	for i, u := range units {
		bound[i] = i > 0 && quotesPrevious(u, units[i-1])
	}
	return partition(bags, bound, k)
}

// maxUnits is the most units partition compares one by one.
const maxUnits = 150

// partition divides the units into k runs that are each as uniform in
// vocabulary as can be: the runs minimise the sum of squared distances of
// their units' vectors (normalised, each blended with its neighbours so
// that one odd paragraph does not make a theme) to the run's centroid.
// Dynamic programming finds the best cut; a run is at most a few times the
// average length, which keeps a long article's cost linear.
func partition(bags []bag, bound []bool, k int) []int {
	n := len(bags)
	unit := make([]bag, n)
	for i := range bags {
		v := bag{}
		v.add(normal(bags[i], 1))
		if i > 0 {
			v.add(normal(bags[i-1], 0.5))
		}
		if i+1 < n {
			v.add(normal(bags[i+1], 0.5))
		}
		unit[i] = normal(v, 1)
	}
	maxRun := min(n, max(4, 3*n/k))
	// cost[i][l-1] is the spread of the run of l units from i.
	cost := make([][]float64, n)
	for i := range n {
		sum := bag{}
		norm2 := 0.0
		cost[i] = make([]float64, 0, maxRun)
		for j := i; j < n && j-i < maxRun; j++ {
			dot := 0.0
			for w, x := range unit[j] {
				dot += sum[w] * x
			}
			norm2 += 2*dot + 1 // |unit| = 1
			sum.add(unit[j])
			size := float64(j - i + 1)
			cost[i] = append(cost[i], size-norm2/size)
		}
	}
	inf := math.Inf(1)
	best := make([][]float64, k+1)
	from := make([][]int, k+1)
	for c := range best {
		best[c] = make([]float64, n+1)
		from[c] = make([]int, n+1)
		for j := range best[c] {
			best[c][j] = inf
		}
	}
	best[0][0] = 0
	for c := 1; c <= k; c++ {
		for j := 1; j <= n; j++ {
			for i := max(0, j-maxRun); i < j; i++ {
				if best[c-1][i] == inf || bound[i] {
					continue
				}
				if v := best[c-1][i] + cost[i][j-i-1]; v < best[c][j] {
					best[c][j], from[c][j] = v, i
				}
			}
		}
	}
	if best[k][n] == inf {
		return []int{0}
	}
	starts := make([]int, k)
	for c, j := k, n; c > 0; c-- {
		starts[c-1] = from[c][j]
		j = from[c][j]
	}
	return starts
}

// normal scales a vector to length w.
func normal(b bag, w float64) bag {
	var n float64
	for _, x := range b {
		n += x * x
	}
	out := bag{}
	if n == 0 {
		return out
	}
	n = math.Sqrt(n)
	for k, x := range b {
		out[k] = w * x / n
	}
	return out
}

// themeTitle names a run of text by the phrase it repeats and the rest of
// the article (other) uses least: a run of capitalised words or two or
// three content words in a row. taken are titles already given.
func themeTitle(texts []string, other map[string]int, taken map[string]bool) string {
	type cand struct {
		text  string
		count int
		pos   int
		noun  bool
	}
	cands := map[string]*cand{}
	pos := 0
	for _, t := range texts {
		words := strings.Fields(t)
		for i := range words {
			for n := 3; n >= 1; n-- {
				if i+n > len(words) {
					continue
				}
				phrase := words[i : i+n]
				ok := true
				for j, w := range phrase {
					c := strings.Trim(w, ",;:.!?“”\"()’'")
					if c == "" || stopword(strings.ToLower(c)) || len(c) < 3 || (j < n-1 && c != strings.TrimRight(w, "’'")) ||
						wordIn("ago decade decades century centuries earlier later", strings.ToLower(c)) { // "decade ago" is when, not what
						ok = false // no stop word, and no punctuation inside the phrase
						break
					}
				}
				if !ok || hasVerb(strings.Join(phrase, " ")) || adjectiveOnName(phrase) {
					continue
				}
				text := strings.Trim(strings.Join(phrase, " "), ",;:.!?“”\"()’'")
				text = strings.TrimSuffix(strings.TrimSuffix(text, "’s"), "'s")
				key := strings.ToLower(text)
				// A noun phrase: a name inside a sentence, or words after a
				// determiner ("the planet", "its main border crossing").
				r, _ := utf8.DecodeRuneInString(text)
				noun := i > 0 && (determiner(words[i-1]) || unicode.IsUpper(r) && !strings.HasSuffix(words[i-1], "."))
				if c, ok := cands[key]; ok {
					c.count++
					c.noun = c.noun || noun
				} else {
					cands[key] = &cand{text, 1, pos, noun}
				}
				pos++
			}
		}
	}
	best, bestScore := "", -1.0
	for key, c := range cands {
		if taken[key] || !c.noun {
			continue
		}
		n := len(strings.Fields(c.text))
		// repeated here, rare elsewhere, longer phrases a little preferred
		score := float64(c.count) / (1 + float64(other[key])) * (1 + 0.6*float64(n-1))
		if c.count < 2 {
			score *= 0.2 // a phrase used once is rarely what a run shares
		}
		if score > bestScore || score == bestScore && c.pos < cands[strings.ToLower(best)].pos {
			best, bestScore = c.text, score
		}
	}
	if best == "" {
		return ""
	}
	// A name's adjective ("Central Asian") names no thing: the phrase of
	// the run that adds its noun does ("Central Asian states").
	if last := lastWords(best, 1)[0]; capitalised(last) && adjectival(last) {
		noun := ""
		for key, c := range cands {
			w := strings.Fields(c.text)
			if !taken[key] && len(w) == len(strings.Fields(best))+1 && strings.EqualFold(strings.Join(w[:len(w)-1], " "), best) && !capitalised(w[len(w)-1]) &&
				(noun == "" || c.count > cands[strings.ToLower(noun)].count || c.count == cands[strings.ToLower(noun)].count && c.pos < cands[strings.ToLower(noun)].pos) {
				noun = c.text
			}
		}
		if noun != "" {
			return headingText(noun)
		}
	}
	// One word alone says little: a phrase of the run that ends in it
	// says more ("fuel subsidy" for "subsidy"); a name takes no adjective
	// ("record Northgate" is no candidate).
	if !strings.Contains(best, " ") {
		// Words the run uses as verbs ("to resume", "could destroy") are
		// no modifiers.
		verbs := map[string]bool{}
		for _, t := range texts {
			words := strings.Fields(strings.ToLower(t))
			for i := 1; i < len(words); i++ {
				switch words[i-1] {
				case "to", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does", "not", "they", "we":
					verbs[strings.Trim(words[i], ",.;:")] = true
				}
			}
		}
		longer := ""
		for key, c := range cands {
			mod := strings.Fields(key)[0]
			if !taken[key] && strings.Count(key, " ") == 1 && !strings.HasSuffix(mod, "ly") && !verbs[mod] && strings.IndexFunc(mod, unicode.IsDigit) < 0 && strings.HasSuffix(key, " "+strings.ToLower(best)) && !strings.Contains(key, "’") &&
				(longer == "" || c.count > cands[strings.ToLower(longer)].count || c.count == cands[strings.ToLower(longer)].count && c.pos < cands[strings.ToLower(longer)].pos) {
				longer = c.text
			}
		}
		if longer != "" {
			best = longer
		}
	}
	return headingText(best)
}

func determiner(w string) bool {
	return wordIn("the a an its their this that these those his her our my your new main any no each every of", strings.ToLower(strings.Trim(w, "“\"(")))
}

// phraseCounts counts the lower-case one- to three-word phrases of texts, for
// themeTitle's "rest of the article".
func phraseCounts(texts []string) map[string]int {
	out := map[string]int{}
	for _, t := range texts {
		words := strings.Fields(strings.ToLower(t))
		for i := range words {
			for n := 1; n <= 3 && i+n <= len(words); n++ {
				p := strings.Trim(strings.Join(words[i:i+n], " "), ",;:.!?“”\"()’'")
				p = strings.TrimSuffix(strings.TrimSuffix(p, "’s"), "'s")
				out[p]++
			}
		}
	}
	return out
}

// adjectiveOnName reports whether a phrase puts a word in lower case before
// a capitalised one, "record Northgate": an adjective glued to a name is no
// noun phrase.
func adjectiveOnName(phrase []string) bool {
	for j := 1; j < len(phrase); j++ {
		if !capitalised(phrase[j-1]) && capitalised(phrase[j]) {
			return true
		}
	}
	return false
}

// adjectival reports whether a capitalised word reads as an adjective, a
// demonym ("Asian", "Chinese", "Turkish", "Islamic") rather than a name.
func adjectival(w string) bool {
	w = strings.Trim(w, "’'")
	for _, row := range countries() {
		if strings.Contains(row[strings.IndexByte(row+"|", '|'):]+"|", "|"+w+"|") {
			return true // a demonym: "Afghan", "Kenyan"
		}
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish"))
}
