package draft

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
)

// countries lists states with the demonyms and short names that stand for
// them in news text: "Name|alias|alias". General knowledge, not any one
// article's. Capitals are left out: "Moscow Format" and "Washington Post"
// would count as mentions of the state.
var countries = strings.Split(`Afghanistan|Afghan|Afghans
Albania|Albanian
Algeria|Algerian
Argentina|Argentine|Argentinian
Armenia|Armenian
Australia|Australian
Austria|Austrian
Azerbaijan|Azerbaijani
Bahrain|Bahraini
Bangladesh|Bangladeshi
Belarus|Belarusian
Belgium|Belgian
Bolivia|Bolivian
Bosnia and Herzegovina|Bosnian
Brazil|Brazilian
Bulgaria|Bulgarian
Cambodia|Cambodian
Cameroon|Cameroonian
Canada|Canadian
Chile|Chilean
China|Chinese
Colombia|Colombian
Croatia|Croatian
Cuba|Cuban
Cyprus|Cypriot
Czech Republic|Czech|Czechia
Denmark|Danish
Ecuador|Ecuadorian
Egypt|Egyptian
Eritrea|Eritrean
Estonia|Estonian
Ethiopia|Ethiopian
Finland|Finnish
France|French
Georgia|Georgian
Germany|German
Ghana|Ghanaian
Greece|Greek
Haiti|Haitian
Hungary|Hungarian
Iceland|Icelandic
India|Indian
Indonesia|Indonesian
Iran|Iranian
Iraq|Iraqi
Ireland|Irish
Israel|Israeli
Italy|Italian
Japan|Japanese
Jordan|Jordanian
Kazakhstan|Kazakh
Kenya|Kenyan
Kuwait|Kuwaiti
Kyrgyzstan|Kyrgyz
Laos|Lao|Laotian
Latvia|Latvian
Lebanon|Lebanese
Libya|Libyan
Lithuania|Lithuanian
Malaysia|Malaysian
Mali|Malian
Mexico|Mexican
Moldova|Moldovan
Mongolia|Mongolian
Morocco|Moroccan
Mozambique|Mozambican
Myanmar|Burmese
Nepal|Nepalese|Nepali
Netherlands|Dutch
New Zealand
Nicaragua|Nicaraguan
Niger|Nigerien
Nigeria|Nigerian
North Korea|North Korean
Norway|Norwegian
Oman|Omani
Pakistan|Pakistani
Palestine|Palestinian|Palestinians
Panama|Panamanian
Peru|Peruvian
Philippines|Filipino|Philippine
Poland|Polish
Portugal|Portuguese
Qatar|Qatari
Romania|Romanian
Russia|Russian|Russians
Rwanda|Rwandan
Saudi Arabia|Saudi
Senegal|Senegalese
Serbia|Serbian
Singapore|Singaporean
Slovakia|Slovak
Slovenia|Slovenian
Somalia|Somali
South Africa|South African
South Korea|South Korean
South Sudan|South Sudanese
Spain|Spanish
Sri Lanka|Sri Lankan
Sudan|Sudanese
Sweden|Swedish
Switzerland|Swiss
Syria|Syrian
Taiwan|Taiwanese
Tajikistan|Tajik
Tanzania|Tanzanian
Thailand|Thai
Tunisia|Tunisian
Turkey|Turkish|Türkiye
Turkmenistan|Turkmen
UAE|United Arab Emirates|Emirati
Uganda|Ugandan
Ukraine|Ukrainian
United Kingdom|UK|British|Britain
United States|US|U.S.|USA|American|Americans
Uruguay|Uruguayan
Uzbekistan|Uzbek
Venezuela|Venezuelan
Vietnam|Vietnamese
Yemen|Yemeni
Zambia|Zambian
Zimbabwe|Zimbabwean`, "\n")

// organisations are international bodies, with their short names.
var organisations = strings.Split(`United Nations|UN|U.N.
European Union|EU
NATO|North Atlantic Treaty Organization
African Union|AU
Association of Southeast Asian Nations|ASEAN
Shanghai Cooperation Organisation|SCO
World Health Organization|WHO
International Monetary Fund|IMF
World Bank
World Trade Organization|WTO
Organization of the Petroleum Exporting Countries|OPEC
Group of Seven|G7
Group of Twenty|G20`, "\n")

// notNames are capitalised words that start sentences or name months and
// days, not actors; built on first use.
var notNamesOnce = sync.OnceValue(func() map[string]bool {
	notNames := map[string]bool{}
	for _, w := range strings.Fields(`A An And As At But By For From He Her His However I If In It Its Meanwhile Moreover
	Nevertheless No Not On One Our She So Some Such That The Their There These They This Those Though Thus To Two
	We What When Where Which While Who Why With Yet Despite After Before Since During Under Over Also Although Because
	Consequently Furthermore Finally First Second Third Last Many Most Much Other Others Another Each Every Both All
	Mr Mrs Ms Dr President Minister Prime Foreign Affairs Secretary General Government Ministry State Republic
	January February March April May June July August September October November December
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow
	Antarctica Antarctic Arctic Europe European Asia Asian Africa African Americas`) {
		notNames[w] = true
	}
	return notNames
})

// ActorDraft is an actor found in the article, with how often it is named.
type ActorDraft struct {
	Name     string
	Aliases  []string // only those the article uses
	Kind     string   // state or organisation from the table; else a guess
	Guessed  bool     // the kind is a guess
	Mentions int
}

var nameRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{M}’'.-]*)*`)
})

// FindActors drafts actors from the sentences of an article: countries and
// international bodies from a built-in table (a demonym counts for its
// country: "Russian" names Russia), and other capitalised names the text
// uses at least twice.
func FindActors(sentences []string) []ActorDraft {
	notNames := notNamesOnce()
	var out []ActorDraft
	taken := map[string]bool{} // names and aliases already given to an actor
	table := func(rows []string, kind string) {
		for _, row := range rows {
			names := strings.Split(row, "|")
			a := ActorDraft{Name: names[0], Kind: kind}
			n := countWords(sentences, names[0])
			for _, al := range names[1:] {
				if c := countWords(sentences, al); c > 0 {
					a.Aliases = append(a.Aliases, al)
					n += c
				}
			}
			if n == 0 {
				continue
			}
			a.Mentions = n
			for _, nm := range names {
				taken[nm] = true
			}
			out = append(out, a)
		}
	}
	table(countries, "state")
	table(organisations, "organisation")

	// Other names: runs of capitalised words, not counting a lone word that
	// only ever starts a sentence.
	counts := map[string]int{}
	midSentence := map[string]bool{}
	for _, s := range sentences {
		for _, m := range nameRE().FindAllStringIndex(s, -1) {
			name := strings.TrimRight(s[m[0]:m[1]], ".’'-")
			name = strings.TrimSuffix(name, "’s")
			for _, w := range strings.Fields(name) {
				if notNames[w] && w == strings.Fields(name)[0] {
					name = strings.TrimSpace(strings.TrimPrefix(name, w))
				}
			}
			if name == "" || notNames[name] || utf8.RuneCountInString(name) < 2 {
				continue
			}
			counts[name]++
			if m[0] > 0 {
				midSentence[name] = true
			}
		}
	}
	var names []string
	for n, c := range counts {
		if c >= 2 && midSentence[n] && !covered(n, taken) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		kind := "group"
		if isAcronym(n) {
			kind = "organisation"
		}
		out = append(out, ActorDraft{Name: n, Kind: kind, Guessed: true, Mentions: countWords(sentences, n)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions > out[j].Mentions })
	return out
}

// covered reports whether a name is, or is made only of, names already given
// to an actor ("Russian", "Moscow").
func covered(name string, taken map[string]bool) bool {
	notNames := notNamesOnce()
	if taken[name] {
		return true
	}
	for _, w := range strings.Fields(name) {
		if !taken[w] && !notNames[w] {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}

// countWords counts whole-word, case-sensitive occurrences of name, as the
// briefing's mention scan does.
func countWords(sentences []string, name string) int {
	n := 0
	for _, s := range sentences {
		for off := 0; ; {
			i := strings.Index(s[off:], name)
			if i < 0 {
				break
			}
			st, en := off+i, off+i+len(name)
			if model.WordBoundary(s, st, en) {
				n++
			}
			off = st + 1
		}
	}
	return n
}

// TermDraft is an acronym the article spells out.
type TermDraft struct {
	Expansion, Acronym string
	Sentence           int // index of the sentence that spells it out
}

var acronymRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`((?:[\p{L}’'-]+\s+){1,10})\((\p{Lu}[\p{Lu}\p{Ll}&]{1,9})\)`)
})

// FindTerms finds acronyms spelled out in the text: "China-Pakistan Economic
// Corridor (CPEC)". The expansion is the shortest run of words before the
// parentheses whose capitalised initials spell the acronym.
func FindTerms(sentences []string) []TermDraft {
	var out []TermDraft
	seen := map[string]bool{}
	for si, s := range sentences {
		for _, m := range acronymRE().FindAllStringSubmatch(s, -1) {
			words := strings.Fields(m[1])
			acr := m[2]
			upper := strings.Map(func(r rune) rune {
				if unicode.IsUpper(r) {
					return r
				}
				return -1
			}, acr)
			if last := words[len(words)-1]; spells(last, upper) && !seen[acr] {
				// "chlorofluorocarbons (CFCs)": one word holding the letters
				seen[acr] = true
				out = append(out, TermDraft{Expansion: last, Acronym: acr, Sentence: si})
				continue
			}
			for k := len(words) - 1; k >= 0; k-- {
				if initials(words[k:]) == upper && unicode.IsUpper([]rune(words[k])[0]) {
					if !seen[acr] {
						seen[acr] = true
						out = append(out, TermDraft{Expansion: strings.Join(words[k:], " "), Acronym: acr, Sentence: si})
					}
					break
				}
			}
		}
	}
	return out
}

// spells reports whether one lower-case word holds the acronym's letters
// in order, starting with its first: chlorofluorocarbons for CFC.
func spells(word, acr string) bool {
	w := []rune(strings.ToLower(word))
	a := []rune(strings.ToLower(acr))
	if len(a) < 2 || len(w) == 0 || !unicode.IsLower(w[0]) || w[0] != a[0] {
		return false
	}
	i := 0
	for _, r := range w {
		if i < len(a) && r == a[i] {
			i++
		}
	}
	return i == len(a)
}

// initials are the first letters of the capitalised words and hyphenated
// parts of words ("China-Pakistan" gives CP); small words are skipped.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for _, part := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if unicode.IsUpper(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

var captionRE = sync.OnceValues(func() (*regexp.Regexp, *regexp.Regexp) {
	return regexp.MustCompile(`(?i)^(photo|image|file photo|picture|caption|video|graphic|illustration)\b`),
		regexp.MustCompile(`(?i)(\((?:photo|file|reuters|ap|afp|getty images)[^)]*\)|photo: .*|/ ?(?:reuters|ap|afp|getty images))$`)
})

// LikelySkip reports whether a paragraph looks like a photo caption or a
// subheading rather than body text, and which.
func LikelySkip(p string) (string, bool) {
	captionStart, captionEnd := captionRE()
	if captionStart.MatchString(p) || captionEnd.MatchString(p) {
		return "caption", true
	}
	words := strings.Fields(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	if len(words) <= 12 && !strings.ContainsRune(".!?”\":;…)", last) {
		return "subheading", true
	}
	return "", false
}
