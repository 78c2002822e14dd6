package draft

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-cli/brief/model"
)

// The tables below are general knowledge, not any one article's: states
// with the demonyms and short names that stand for them, their capitals,
// international bodies, news outlets (the publisher is not an actor), the
// regions and kinds of place that are not actors, and the titles that mark
// a person. No Go module of country names, capitals and demonyms resolves
// from our module proxy, so they are a compact table of our own.

// countries lists states: "Name|alias|alias".
var countries = lazy(func() []string {
	return strings.Split(`Afghanistan|Afghan|Afghans|Afghani|Afghanis
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
})

// capitals stand for their state ("Beijing" for China) where the text uses
// them alone, not as part of a longer name ("Oslo Accords").
var capitals = lazy(func() []string {
	return strings.Split(`Kabul=Afghanistan
Tirana=Albania
Algiers=Algeria
Buenos Aires=Argentina
Yerevan=Armenia
Canberra=Australia
Vienna=Austria
Baku=Azerbaijan
Manama=Bahrain
Dhaka=Bangladesh
Minsk=Belarus
Brussels=Belgium
Brasília=Brazil
Brasilia=Brazil
Sofia=Bulgaria
Phnom Penh=Cambodia
Ottawa=Canada
Santiago=Chile
Beijing=China
Bogotá=Colombia
Bogota=Colombia
Zagreb=Croatia
Havana=Cuba
Nicosia=Cyprus
Prague=Czech Republic
Copenhagen=Denmark
Quito=Ecuador
Cairo=Egypt
Asmara=Eritrea
Tallinn=Estonia
Addis Ababa=Ethiopia
Helsinki=Finland
Paris=France
Tbilisi=Georgia
Berlin=Germany
Accra=Ghana
Athens=Greece
Budapest=Hungary
Reykjavik=Iceland
New Delhi=India
Jakarta=Indonesia
Tehran=Iran
Baghdad=Iraq
Dublin=Ireland
Rome=Italy
Tokyo=Japan
Amman=Jordan
Astana=Kazakhstan
Nairobi=Kenya
Bishkek=Kyrgyzstan
Vientiane=Laos
Riga=Latvia
Beirut=Lebanon
Tripoli=Libya
Vilnius=Lithuania
Kuala Lumpur=Malaysia
Bamako=Mali
Mexico City=Mexico
Chisinau=Moldova
Ulaanbaatar=Mongolia
Rabat=Morocco
Maputo=Mozambique
Naypyitaw=Myanmar
Kathmandu=Nepal
Amsterdam=Netherlands
The Hague=Netherlands
Wellington=New Zealand
Managua=Nicaragua
Niamey=Niger
Abuja=Nigeria
Pyongyang=North Korea
Oslo=Norway
Muscat=Oman
Islamabad=Pakistan
Lima=Peru
Manila=Philippines
Warsaw=Poland
Lisbon=Portugal
Doha=Qatar
Bucharest=Romania
Moscow=Russia
Kigali=Rwanda
Riyadh=Saudi Arabia
Dakar=Senegal
Belgrade=Serbia
Bratislava=Slovakia
Ljubljana=Slovenia
Mogadishu=Somalia
Pretoria=South Africa
Seoul=South Korea
Juba=South Sudan
Madrid=Spain
Colombo=Sri Lanka
Khartoum=Sudan
Stockholm=Sweden
Bern=Switzerland
Damascus=Syria
Taipei=Taiwan
Dushanbe=Tajikistan
Dodoma=Tanzania
Bangkok=Thailand
Tunis=Tunisia
Ankara=Turkey
Ashgabat=Turkmenistan
Abu Dhabi=UAE
Kampala=Uganda
Kyiv=Ukraine
Kiev=Ukraine
London=United Kingdom
Washington=United States
Montevideo=Uruguay
Tashkent=Uzbekistan
Caracas=Venezuela
Hanoi=Vietnam
Sanaa=Yemen
Lusaka=Zambia
Harare=Zimbabwe`, "\n")
})

// organisations are international bodies: "kind|Name|alias".
var organisations = lazy(func() []string {
	return strings.Split(`organisation|United Nations|UN|U.N.
organisation|European Union|EU
alliance|NATO|North Atlantic Treaty Organization
organisation|African Union|AU
organisation|Association of Southeast Asian Nations|ASEAN
organisation|Shanghai Cooperation Organisation|SCO
organisation|World Health Organization|WHO
organisation|International Monetary Fund|IMF
organisation|World Bank
organisation|World Trade Organization|WTO
organisation|Organization of the Petroleum Exporting Countries|OPEC
alliance|Group of Seven|G7
alliance|Group of Twenty|G20
organisation|International Criminal Court|ICC
organisation|International Court of Justice|ICJ
organisation|Red Cross|ICRC
organisation|European Commission
organisation|UN Security Council|Security Council`, "\n")
})

// media are news outlets and picture agencies: the publisher, the wire
// that supplied a story and the credit under a photo are not actors.
var media = lazy(func() []string {
	return strings.Fields(`AP Associated_Press Reuters AFP Agence_France-Presse VOA Voice_of_America BBC CNN Bloomberg
Xinhua TASS RIA_Novosti Al_Jazeera NPR CBS NBC ABC Fox_News New_York_Times Washington_Post Guardian Financial_Times
Wall_Street_Journal Getty_Images Getty EPA Anadolu Kyodo Yonhap Dawn Politico Axios AP_Photo`)
})

// places are words in a name that make it a place, not an actor, and the
// words after a name that say it is one ("Torkham border crossing").
var placeWords = lazy(func() []string {
	return strings.Fields(`Province province Region region District district Valley valley River river Crossing
crossing Pass Airport airport Square Street Avenue Mountains Mountain Sea Ocean Gulf Island Islands Lake County
Peninsula Strait Basin Desert Coast Bay Corridor Highway Road Bridge Port port Camp camp Border border Stadium
Park Hospital Town town Village village Plain Plateau Delta Canal`)
})

// regions are parts of the world, never actors on their own.
var regions = lazy(func() []string {
	return strings.Split(`Middle East|Central Asia|South Asia|Southeast Asia|East Asia|West Asia|Asia|Europe|Africa|
Latin America|North America|South America|Central America|Caribbean|Balkans|Caucasus|Gulf|Pacific|Atlantic|
Indo-Pacific|Mediterranean|Arctic|Antarctic|Antarctica|Sahel|Horn of Africa|West Africa|East Africa|
North Africa|Southern Africa|Eastern Europe|Western Europe|Scandinavia|Baltic|Himalayas|Eurasia|Americas|
Oceania|Siberia|Kashmir|Punjab|Sindh|Balochistan|Khyber Pakhtunkhwa|Gaza|West Bank|Donbas|Crimea|Darfur|
Tigray|Xinjiang|Tibet|Hong Kong|Persian Gulf|Red Sea|Black Sea|South China Sea|Earth|West|East|North|South`, "|")
})

// titles mark the person named after them ("President Trump", "spokesman
// Zhao Lijian").
var titles = lazy(func() []string {
	return strings.Fields(`President Vice Prime Minister minister Foreign Secretary Secretary-General secretary
Chancellor King Queen Prince Princess Sheikh Senator Sen. Rep. Representative Gov. Governor Mayor Gen. General
Lt. Col. Colonel Maj. Major Adm. Admiral Judge judge Justice Dr. Professor professor Prof. Mr. Mrs. Ms. Mr Mrs Ms
Dr spokesman spokeswoman spokesperson Spokesman Spokeswoman Spokesperson ambassador Ambassador envoy Envoy commander
Commander leader chief Chief director Director chairman Chairman chairwoman Chairwoman CEO coach Coach manager
Manager striker midfielder defender goalkeeper forward winger player captain Captain scientist researcher
astronomer biologist physicist chemist economist analyst author lawyer attorney Attorney prosecutor Prosecutor
executive Executive Pope Emir Crown Speaker Deputy deputy official officer Officer Chair chair founder President-elect Premier
Foreign-Minister senator governor mayor president pastor Rev. Reverend Sir Lord Lady Imam Ayatollah`)
})

// trades are titles that say what a person does rather than the office
// they hold: one mention with such a title is a person named in passing.
var trades = []string{"scientist", "researcher", "astronomer", "biologist", "physicist", "chemist", "economist", "analyst",
	"author", "lawyer", "attorney", "striker", "midfielder", "defender", "goalkeeper", "forward", "winger", "player",
	"professor", "Professor", "Prof.", "Dr.", "Dr", "pastor"}

// orgAdjective reports whether a word that is no name on its own ("African",
// "Northern") is part of the name of a body it leads ("the African
// Development Bank", "the Northern Health Agency").
func orgAdjective(w string) bool {
	return w != "" && wordIn("Antarctic Arctic European Asian African Western Eastern Northern Southern Islamic Christian Muslim Jewish Catholic Protestant Hindu Buddhist Olympic Executive", w)
}

// notNames are capitalised words that start sentences or name months and
// days, not actors; built on first use.
var notNamesOnce = lazy(func() map[string]bool {
	notNames := map[string]bool{}
	for _, w := range strings.Fields(`A An And As At But By For From He Her His However I If In It Its Meanwhile Moreover
	Nevertheless No Not On One Our She So Some Such That The Their There These They This Those Though Thus To Two
	We What When Where Which While Who Why With Yet Despite After Before Since During Under Over Also Although Because
	Consequently Furthermore Finally First Second Third Last Many Most Much Other Others Another Each Every Both All
	Mr Mrs Ms Dr President Minister Prime Foreign Affairs Secretary General Government Ministry State Republic
	January February March April May June July August September October November December
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow
	Antarctica Antarctic Arctic Europe European Asia Asian Africa African Americas Western Eastern Northern Southern
	Still Even Now Then Here Instead Later Earlier Already Only Just Once Yes Oh Please Thank Thanks Photo FILE File
	Image Video Read More See Also Editor Note Update Updated Published Copyright Mr. Mrs. Ms. Dr. Jr. Sr. St.
	Islamic Christian Muslim Jewish Catholic Protestant Sunni Shia Shiite Hindu Buddhist God Internet English
	It’s That’s There’s He’s She’s They’re We’re Don’t Can’t Won’t Isn’t Aren’t Didn’t Doesn’t I’m You’re Let’s
	Chapter Section Article Part Figure Table Page Contents Summary Background Analysis Opinion Commentary
	Christmas Easter Ramadan Eid Diwali Hanukkah Passover Thanksgiving New Year Olympics Olympic Games Cup
	Spring Summer Autumn Winter Fall`) {
		notNames[w] = true
	}
	for _, w := range titles() {
		notNames[w] = true
	}
	return notNames
})

// ActorDraft is an actor found in the article, with how often it is named.
type ActorDraft struct {
	Name     string
	Aliases  []string // only those the article uses
	Kind     string   // state, organisation, alliance, armed-group, group or person
	Guessed  bool     // the kind is a guess
	Mentions int
	// Anaphor is how the article names a body again by its head noun
	// ("the board"), AnaphorCount how often; only where that head noun
	// can mean no other body.
	Anaphor      string
	AnaphorCount int
}

type nameRules struct {
	name, armed, org, personAfter *regexp.Regexp
}

var nameREs = lazy(func() *nameRules {
	return &nameRules{
		name: regexp.MustCompile(`\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:(?:of|for|de|al|bin|van|von|der)\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{M}’'.-]*)*`),
		// a sentence that speaks of an armed group
		armed: regexp.MustCompile(`(?i)\b(?:militant|militia|insurgen|rebel|terror|jihadi|extremist|armed group|fighters|guerrilla|paramilitar)`),
		// words in a name that make it an organisation
		org: regexp.MustCompile(`\b(?:Ministry|Organi[sz]ation|Council|Agency|University|Institute|Court|Committee|Commission|Party|Bank|Company|Corp|Corporation|Inc|Ltd|Club|FC|League|Association|Federation|Trust|Alliance|Chamber|Coalition|Office|Department|Service|Police|Army|Forces|Navy|Guard|Union|Fund|Foundation|Program|Programme|Administration|Authority|Parliament|Senate|Congress|Assembly|Cabinet|Group|Network|Society|Centre|Center|Laboratory|Observatory|Survey|Board|Bureau|Tribunal|Front|Movement|Brigade|Corps|Energy|Holdings|Airlines|Industries|Technologies|Partners|Enterprises|Ventures|Pharmaceuticals|Motors|Mining|NASA|ESA)\b`),
		// ", a spokesman for", ", the club's manager"
		personAfter: regexp.MustCompile(`^, (?:(?:a|an|the|its|their|who is the) )?(?:[\p{L}’'-]+ ){0,3}(?:` + alternation(titles()) + `)\b`),
	}
})

// findActors drafts actors from the sentences of an article: states (their
// demonyms and capitals count: "Kenyan" and "Nairobi" name Kenya) and
// international bodies from the tables; people named with a title or
// quoted ("President Trump", "spokesman Zhao Lijian", "…,” Lijian noted");
// and other names the text uses at least twice, with a kind read from the
// words around them; a body (an authority, an agency, a board) named once
// is drafted when it speaks or acts in a sentence that dates an event
// (dated[i] for sentences[i]; nil when none is known). Regions and places
// (provinces, border crossings), news outlets and the names in publishers
// are left out.
func findActors(sentences []string, publishers []string, dated []bool) []ActorDraft {
	notNames := notNamesOnce()
	rs := nameREs()
	var out []ActorDraft
	taken := map[string]bool{} // names and aliases already given to an actor
	for _, p := range publishers {
		taken[p] = true
	}
	for _, m := range media() {
		taken[strings.ReplaceAll(m, "_", " ")] = true
	}
	for _, r := range regions() {
		taken[strings.TrimSpace(r)] = true
	}
	byName := map[string]int{}
	table := func(rows []string, kind string) {
		for _, row := range rows {
			names := strings.Split(row, "|")
			k := kind
			if kind == "" {
				k, names = names[0], names[1:]
			}
			a := ActorDraft{Name: names[0], Kind: k}
			n := countWords(sentences, names[0])
			for _, al := range names[1:] {
				if c := countWords(sentences, al); c > 0 {
					a.Aliases = append(a.Aliases, al)
					n += c
				}
			}
			for _, nm := range names {
				taken[nm] = true
			}
			if n == 0 {
				continue
			}
			a.Mentions = n
			byName[a.Name] = len(out)
			out = append(out, a)
		}
	}
	table(countries(), "state")
	table(organisations(), "")
	for _, row := range capitals() {
		city, state, _ := strings.Cut(row, "=")
		taken[city] = true
		n := countStandalone(sentences, city)
		if n == 0 {
			continue
		}
		if k, ok := byName[state]; ok {
			out[k].Aliases = append(out[k].Aliases, city)
			out[k].Mentions += n
		} else {
			byName[state] = len(out)
			out = append(out, ActorDraft{Name: state, Aliases: []string{city}, Kind: "state", Mentions: n})
		}
	}

	// Other names: runs of capitalised words, with what the words around
	// them say of them.
	type seen struct {
		count, mid, person, speaker, place, locative, armed, article, thing, trade, acts int
		firm, modifies, anaphors                                                         int // an organisation's marks; a project's name; "the board"
		staff, affiliation                                                               int // "a spokeswoman for X"; "an astrophysicist at X"
	}
	cands := map[string]*seen{}
	var order []string
	for i, s := range sentences {
		s = s[dateline(s):]
		armed := rs.armed.MatchString(s)
		isDated := i < len(dated) && dated[i]
		for _, m := range splitPossessives(s, rs.name.FindAllStringIndex(s, -1), rs.org) {
			st, en := m[0], m[1]
			name := strings.TrimRight(s[st:en], ".’'-")
			name = strings.TrimSuffix(name, "’s")
			name = strings.TrimSuffix(name, "'s")
			en = st + len(name)
			// Title words before the name: "President Donald Trump".
			titled := false
			for {
				w, rest, ok := strings.Cut(name, " ")
				if ok && titled && (w == "of" || w == "the") {
					name, st = rest, st+len(w)+1 // "Secretary of State Antony Blinken"
					continue
				}
				if !ok || !notNames[w] || orgAdjective(w) && rs.org.MatchString(rest) {
					break // "the African Development Bank" keeps "African"
				}
				titled = titled || slices.Contains(titles(), w)
				name, st = rest, st+len(w)+1
			}
			if name == "" || notNames[name] || utf8.RuneCountInString(name) < 2 || isAcronym(name) && len(name) > 5 {
				continue
			}
			c := cands[name]
			if c == nil {
				c = &seen{}
				cands[name] = c
				order = append(order, name)
			}
			c.count++
			if strings.TrimLeft(s[:st], "“\"‘'([ ") != "" {
				c.mid++ // not the first word of the sentence, or of a quotation
			}
			before := lastWords(s[:m[0]], 2)
			after := strings.TrimSpace(s[en:])
			prevTitle := ""
			if len(before) > 0 && slices.Contains(titles(), strings.TrimRight(before[len(before)-1], ",")) {
				prevTitle = strings.TrimRight(before[len(before)-1], ",")
			}
			switch {
			case titled || prevTitle != "" && !slices.Contains(trades, prevTitle) || rs.personAfter.MatchString(s[en:]):
				c.person++
			case prevTitle != "":
				c.trade++ // "the chemist Paul Crutzen": a person, named in passing
			}
			// "said Northgate manager Elena Szabo": a name before a title
			// in lower case says whose manager; the speaker is the name after.
			// "said Northline's chief executive, Maria Okafor" likewise.
			w := firstWord(after)
			poss := w == "’s" || w == "'s"
			modifier := poss
			if w != "" && unicode.IsLower([]rune(w)[0]) && slices.Contains(titles(), w) {
				modifier = true
			}
			// An organisation has a chief executive or a board, and is
			// introduced as one ("the developer, Northline Energy,").
			// Whose spokesman, lawyer or officials a name has is a body
			// unless the text makes it a person ("a spokeswoman for the
			// Valley Residents' Group", "Harbour City manager Ruth
			// Adeyemi"); a researcher or a director at it, a body when its
			// name has a body's head noun ("an astrophysicist at the
			// University of Cambridge").
			role := roleBefore(s[:m[0]])
			if role != "" {
				if wordIn(staffRoles, role) {
					c.staff++
				} else {
					c.affiliation++
				}
			}
			if !poss && modifier && wordIn(staffRoles, w) || poss && wordIn(staffRoles, firstWord(after[len(w):])) {
				c.staff++
			}
			// "with the help of the Vendors Legal Defense Fund": a body
			// that takes part in what the sentence tells.
			if b := strings.ToLower(strings.Join(lastWords(s[:m[0]], 4), " ")); strings.HasSuffix(b, "help of the") || strings.HasSuffix(b, "support of the") ||
				strings.HasSuffix(b, "backing of the") || strings.HasSuffix(b, "on behalf of the") {
				c.affiliation++
			}
			if poss && wordIn("chief executive chairman chairwoman CEO board shareholders directors headquarters", firstWord(after[len(w):])) ||
				len(before) > 0 && wordIn("developer, company, firm, operator, insurer, retailer, carmaker, bank, lender, manufacturer, group, charity, supplier, contractor,", before[len(before)-1]) {
				c.firm++
			}
			// "the Saltmarsh Bank wind farm": a project named for a place.
			if fw := strings.Fields(after); !poss && len(fw) > 0 && unicode.IsLower([]rune(fw[0])[0]) {
				for _, x := range fw[:min(2, len(fw))] {
					if wordIn("farm project plant mine bridge dam pipeline terminal reactor tunnel railway scheme development site field estate", strings.Trim(x, ",.;:")) {
						c.modifies++
						break
					}
				}
			}
			if !modifier && role == "" && (saysAfter(after) || saysAfter(skipRelative(after)) || len(before) > 0 && saidWord(strings.ToLower(before[len(before)-1])) || strings.HasSuffix(strings.TrimSpace(s[:m[0]]), "”") && saysAfter(after)) {
				c.speaker++
			}
			if len(before) > 0 && strings.EqualFold(before[len(before)-1], "the") {
				c.article++
			}
			if next := firstWord(after); slices.Contains(placeWords(), next) || next == "border" {
				c.place++
			}
			if thing(name, firstWord(strings.TrimPrefix(strings.TrimPrefix(after, "’s"), "'s"))) {
				c.thing++
			}
			if len(before) > 0 {
				switch strings.ToLower(before[len(before)-1]) {
				case "in", "at", "near", "across", "into", "inside", "outside", "towards", "toward", "through":
					c.locative++
				}
			}
			if armed {
				c.armed++
			}
			subject := len(before) == 0 || strings.EqualFold(before[len(before)-1], "the") || strings.HasSuffix(before[len(before)-1], ",")
			if w, rest, _ := strings.Cut(after, " "); isDated && subject && w != "" && unicode.IsLower([]rune(w)[0]) && (hasVerb(w) || saidWord(w) || intends(w, rest)) && firstWord(rest) != "by" && firstWord(rest) != "up" {
				c.acts++ // "In 2019 the Regional Water Agency closed the basin"
			}
		}
	}
	// A single word of a person's full name, and a name that only adds a
	// demonym or a taken word to another ("Kenyan Harbour Front"), are aliases.
	aliasOf := map[string]string{}
	// A body named in full is named again by the word before its head noun
	// ("Northline Energy", then "Northline's chief executive"; but not
	// "Northgate" for "Northgate Supporters' Trust"), by its head noun alone
	// ("Union leader Marta Eskel") or as "the board".
	lower := strings.ToLower(strings.Join(sentences, " "))
	for _, n := range order {
		f := strings.Fields(n)
		c := cands[n]
		if len(f) < 2 || !rs.org.MatchString(f[len(f)-1]) {
			continue
		}
		head := f[len(f)-1]
		c.anaphors += countWords([]string{lower}, "the "+strings.ToLower(head))
		if cands[head] != nil && !taken[head] && aliasOf[head] == "" && !strings.Contains(n, " of ") {
			aliasOf[head] = n
		}
		if a := cands[f[0]]; a != nil && len(f) == 2 && !taken[f[0]] && aliasOf[f[0]] == "" {
			aliasOf[f[0]] = n
			c.firm += a.firm
		}
	}
	// A name of two or three words the text then calls by its last word
	// alone, and quotes, is a person's ("Maria Delgado, who sold fruit …",
	// then "Delgado, who now runs a small shop, said").
	for _, n := range order {
		f := strings.Fields(n)
		c := cands[n]
		if len(f) < 2 || len(f) > 3 || strings.Contains(n, " of ") || strings.Contains(n, " for ") || rs.org.MatchString(n) || hasPlaceWord(n) || taken[f[0]] || orgAdjective(f[0]) {
			continue // "Northern Alliance", then "Alliance"
		}
		if l := f[len(f)-1]; cands[l] != nil && !taken[l] && !notNames[l] && c.firm+c.modifies+c.thing+c.place == 0 && c.speaker+cands[l].speaker > 0 {
			c.person++
		}
	}
	people := map[string]bool{}
	for _, n := range order {
		c := cands[n]
		if c.person+c.speaker+c.trade > 0 && strings.Contains(n, " ") && len(strings.Fields(n)) <= 4 && !rs.org.MatchString(n) {
			people[n] = true
		}
	}
	for _, n := range order {
		if strings.Contains(n, " ") {
			continue
		}
		for p := range people {
			if slices.Contains(strings.Fields(p), n) && (aliasOf[n] == "" || cands[p].count > cands[aliasOf[n]].count) {
				aliasOf[n] = p
			}
		}
	}
	for _, n := range order {
		if !strings.Contains(n, " ") || people[n] {
			continue
		}
		var rest []string
		for _, w := range strings.Fields(n) {
			if !taken[w] && !notNames[w] {
				rest = append(rest, w)
			}
		}
		if len(rest) == 1 && rest[0] != n && cands[rest[0]] != nil {
			aliasOf[n] = rest[0]
		}
		// "the Harbour Authority of Kelmora", then "the Harbour Authority"
		if head, _, ok := strings.Cut(n, " of "); ok && strings.Contains(head, " ") && cands[head] != nil && aliasOf[n] == "" {
			aliasOf[n] = head
		}
	}
	var names []string
	for _, n := range order {
		c := cands[n]
		if aliasOf[n] != "" || covered(n, taken) || isRegion(n) || c.mid == 0 && !strings.Contains(n, " ") {
			continue // a lone word only ever starting a sentence is no name
		}
		// "the Valdoria striker Kofi Amankwah", then "Amankwah": named
		// twice, the second time by a word of the name.
		named := c.count + c.anaphors
		for al, to := range aliasOf {
			if to == n {
				named += cands[al].count
			}
		}
		person := (c.person > 0 || c.speaker > 0 && c.article == 0 || c.trade > 0 && named >= 2) && !rs.org.MatchString(n) && c.firm == 0
		body := strings.Contains(n, " ") && rs.org.MatchString(headNoun(n)) // "Port Authority", "University of Cambridge"
		works := c.staff > 0 || body && c.affiliation > 0                   // "officials at X", "a researcher at the X Institute"
		place := c.place > 0 || hasPlaceWord(n) && !body || c.locative*2 > c.count && c.speaker == 0 && !person && !works
		if place || !person && c.thing > 0 || c.modifies*2 >= c.count && c.person+c.speaker+c.firm == 0 {
			continue
		}
		if person || works || c.count >= 2 && c.mid > 0 || (c.speaker > 0 || c.acts > 0 || c.firm > 0 || named > c.count) && rs.org.MatchString(n) && strings.Contains(n, " ") {
			names = append(names, n)
		}
	}
	for _, n := range names {
		c := cands[n]
		a := ActorDraft{Name: n, Guessed: true}
		switch {
		case (c.person > 0 || c.speaker > 0 && c.article == 0 || c.trade > 0) && !rs.org.MatchString(n) && c.firm == 0:
			a.Kind = "person"
		case c.armed*2 > c.count || c.armed > 0 && c.count <= 2:
			a.Kind = "armed-group"
		case rs.org.MatchString(n) || isAcronym(n) || c.firm > 0 || c.staff > 0:
			a.Kind = "organisation"
		default:
			a.Kind = "group"
		}
		a.Mentions = countWords(sentences, n)
		for al, to := range aliasOf {
			if to == n {
				k := countWords(sentences, al)
				if strings.HasSuffix(n, " "+al) && rs.org.MatchString(al) {
					k = countStandalone(sentences, al) // "Union leader", not "Fishermen's Union"
				}
				if k > 0 {
					a.Aliases = append(a.Aliases, al)
					a.Mentions += k
				}
			}
		}
		sort.Strings(a.Aliases)
		out = append(out, a)
	}
	countAnaphors(sentences, out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions > out[j].Mentions })
	return out
}

// countAnaphors counts where the article names a body again by its head
// noun in lower case ("the Marine Planning Board …", then "the board"),
// when no other actor has that head noun and the article never uses the
// word for another of its kind ("a lower court", "court filings").
func countAnaphors(sentences []string, actors []ActorDraft) {
	heads := map[string]int{}
	for _, a := range actors {
		if a.Kind == "organisation" && strings.Contains(a.Name, " ") {
			heads[strings.ToLower(headNoun(a.Name))]++
		}
	}
	for i, a := range actors {
		h := strings.ToLower(headNoun(a.Name))
		if a.Kind != "organisation" || !strings.Contains(a.Name, " ") || heads[h] != 1 || !nameREs().org.MatchString(headNoun(a.Name)) {
			continue
		}
		all, the := 0, 0
		for _, s := range sentences {
			eachWord(s, h, func(st, _ int) {
				all++
				if b := lastWords(s[:st], 1); len(b) == 1 && strings.HasSuffix(s[:st], " ") && (b[0] == "the" || b[0] == "The") {
					the++
				}
			})
		}
		if the > 0 && the == all {
			actors[i].Anaphor, actors[i].AnaphorCount = "the "+h, the
		}
	}
}

func alternation(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// splitPossessives cuts runs of capitalised words after a possessive:
// "NASA’s Kepler" is NASA, then Kepler; but a body of people keeps its
// name whole ("the Coastal Fishermen's Association").
func splitPossessives(s string, runs [][]int, org *regexp.Regexp) [][]int {
	var out [][]int
	for _, m := range runs {
		st := m[0]
		for {
			i := strings.Index(s[st:m[1]], "’s ")
			n := len("’s ")
			if j := strings.Index(s[st:m[1]], "'s "); j >= 0 && (i < 0 || j < i) {
				i, n = j, len("'s ")
			}
			if i < 0 {
				break
			}
			if w := s[st : st+i]; (strings.HasSuffix(w, "men") || strings.HasSuffix(w, "Children") || strings.HasSuffix(w, "People")) && org.MatchString(s[st+i:m[1]]) {
				break // "Fishermen's", "Children's", "People's"
			}
			out = append(out, []int{st, st + i})
			st += i + n
		}
		out = append(out, []int{st, m[1]})
	}
	return out
}

// creditRE finds who a byline, a dateline or a photo credit names: the
// publisher, the wire or the picture agency.
var creditRE = lazy(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:By|BY) [^,]+, ([\p{Lu}][\p{L} .&-]{1,40})$|^\p{Lu}[\p{Lu} .'’-]{2,}(?:, [\p{L} .]+)? \(([\p{L} .&-]{1,30})\) ?[—–-]|\(([\p{L} .&-]{1,30}?) ?(?:Photo|Image)s?\b`)
})

// Credits returns the names the credits of an article give (bylines,
// datelines, photo credits): "Associated Press", "AP".
func Credits(paragraphs []string) []string {
	var out []string
	for _, p := range paragraphs {
		for _, m := range creditRE().FindAllStringSubmatch(p, -1) {
			for _, g := range m[1:] {
				if g = strings.TrimSpace(g); g != "" && !slices.Contains(out, g) {
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// thing reports whether a name, or the word after it, makes it a thing
// rather than an actor: a law, a prize, a disease, a war ("Clean Air Act",
// "Alzheimer's disease", "Nobel Prize").
func thing(name, next string) bool {
	for _, w := range strings.Fields(name) {
		if wordIn("Act Bill Prize Award Awards Cup Games Festival Disease Syndrome Virus Index Day War Revolution Championship Championships Open Marathon Olympics", w) {
			return true
		}
	}
	n := strings.Trim(next, ",.;:")
	return n != "" && wordIn("disease syndrome virus vaccine vaccines drug drugs prize award cup festival index war variant app rule rules law", n)
}

// saysAfter reports whether text opens with a verb of saying, as after a
// speaker's name ("said", "noted on Tuesday").
// A verb that also takes an object is no saying when one follows ("Harbour
// City added five million euros").
func saysAfter(text string) bool {
	w, rest, _ := strings.Cut(strings.TrimSpace(text), " ")
	w = strings.ToLower(strings.Trim(w, ",.;:"))
	if !saidWord(w) {
		return false
	}
	if wordIn("said says told according", w) || strings.ContainsAny(w, ",.;:") {
		return true
	}
	o := strings.ToLower(firstWord(rest))
	return o == "" || !(wordIn("a an the its their his her our this these those some more new another two three four five six seven eight nine ten", o) || isDigit(o[0]))
}

// skipRelative skips a relative clause after a name ("Delgado, who now
// runs a small shop, said"); it returns "" when none opens the text.
func skipRelative(text string) string {
	rest, ok := strings.CutPrefix(text, ", who ")
	if !ok {
		return ""
	}
	i := strings.Index(rest, ", ")
	if i < 0 || strings.ContainsAny(rest[:i], "“”\"") {
		return ""
	}
	return rest[i+2:]
}

// staffRoles are the people who speak or act for a body: whose they are is
// a body ("a spokeswoman for X", "X's lawyers", "officials at X").
const staffRoles = "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople lawyer lawyers attorney attorneys official officials representative representatives manager coach"

// roleBefore returns the role a person holds at the name that follows text
// ("a spokeswoman for the", "an astrophysicist at the", "officials at"):
// a title or a word for a trade before "for", "at" or "of"; else "".
func roleBefore(text string) string {
	w := lastWords(text, 3)
	if len(w) > 0 && strings.EqualFold(w[len(w)-1], "the") {
		w = w[:len(w)-1]
	}
	if len(w) < 2 || !wordIn("for at of", w[len(w)-1]) {
		return ""
	}
	r := strings.ToLower(strings.Trim(w[len(w)-2], ",;:"))
	if r == "" {
		return ""
	}
	if wordIn(staffRoles, r) {
		return r // "Officials at the City Hospital Trust"
	}
	if !unicode.IsLower([]rune(w[len(w)-2])[0]) {
		return ""
	}
	if slices.Contains(titles(), r) || strings.HasSuffix(r, "ist") || strings.HasSuffix(r, "ists") || strings.HasSuffix(r, "ers") || wordIn("researcher lecturer teacher member worker employee employees staff", r) {
		return r
	}
	return ""
}

// intends reports whether a verb in the present with "to" after it says
// what a body means to do ("plans to launch", "aims to").
func intends(verb, rest string) bool {
	return firstWord(rest) == "to" && wordIn("plans aims intends hopes expects wants seeks proposes", verb)
}

// headNoun is the word that says what a body is: the last word of its name,
// or of the part before "of" or "for" ("University of Cambridge", "Max
// Planck Institute for Astronomy").
func headNoun(name string) string {
	for _, sep := range []string{" of ", " for "} {
		if i := strings.Index(name, sep); i > 0 {
			name = name[:i]
		}
	}
	w := lastWords(name, 1)
	if len(w) == 0 {
		return ""
	}
	return w[0]
}

func saidWord(w string) bool {
	return wordIn("said says noted added told stated explained wrote argued warned insisted asked replied announced declared claimed confirmed remarked tweeted observed stressed according", w)
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}

// lastWords are the last n words of s.
func lastWords(s string, n int) []string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[len(w)-n:]
	}
	return w
}

func hasPlaceWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if slices.Contains(placeWords(), w) {
			return true
		}
	}
	return false
}

func isRegion(name string) bool {
	for _, r := range regions() {
		if strings.TrimSpace(r) == name {
			return true
		}
	}
	return false
}

// countStandalone counts the uses of a place name standing alone: not
// followed or preceded by another capitalised word ("Oslo Accords").
func countStandalone(sentences []string, name string) int {
	n := 0
	for _, s := range sentences {
		eachWord(s, name, func(st, en int) {
			next, _ := utf8.DecodeRuneInString(strings.TrimPrefix(s[en:], " "))
			if strings.HasPrefix(s[en:], " ") && unicode.IsUpper(next) {
				return
			}
			if w := lastWords(s[:st], 1); len(w) > 0 && st > 0 && s[st-1] == ' ' {
				if r, _ := utf8.DecodeRuneInString(w[0]); unicode.IsUpper(r) && !notNamesOnce()[w[0]] {
					return
				}
			}
			n++
		})
	}
	return n
}

// covered reports whether a name is, or is made only of, names already given
// to an actor ("Kenyan", "Nairobi").
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
		eachWord(s, name, func(int, int) { n++ })
	}
	return n
}

// eachWord calls fn with the byte range of every whole-word, case-sensitive
// occurrence of name in s.
func eachWord(s, name string, fn func(st, en int)) {
	for off := 0; ; {
		i := strings.Index(s[off:], name)
		if i < 0 {
			return
		}
		st, en := off+i, off+i+len(name)
		off = st + 1
		if model.WordBoundary(s, st, en) {
			fn(st, en)
		}
	}
}

// TermDraft is an acronym the article spells out.
type TermDraft struct {
	Expansion, Acronym string
	Sentence           int // index of the sentence that spells it out
}

var acronymRE = lazy(func() *regexp.Regexp {
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

// FindBareTerms finds acronyms the article uses without spelling them out
// ("ISIS", "NBC"), in order of first use, leaving out those in known (the
// actors' names and aliases, and the acronyms spelled out). They become
// glossary terms to define.
func FindBareTerms(sentences []string, known map[string]bool) []TermDraft {
	var out []TermDraft
	seen := map[string]bool{}
	for si, s := range sentences {
		s2 := s[dateline(s):]
		for _, m := range bareAcronymRE().FindAllStringIndex(s2, -1) {
			w := s2[m[0]:m[1]]
			if m[1] < len(s2) && (s2[m[1]] == '-' || isDigit(s2[m[1]])) || m[0] > 0 && s2[m[0]-1] == '-' {
				continue // part of a code name ("K2-18b", "COVID-19")
			}
			stem := strings.TrimSuffix(w, "s")
			if seen[stem] || known[w] || known[stem] || known[stem+"s"] || romanNumeral(stem) || shouting(s2, m[0], m[1]) {
				continue
			}
			seen[stem] = true
			out = append(out, TermDraft{Acronym: w, Sentence: si})
		}
	}
	return out
}

var bareAcronymRE = lazy(func() *regexp.Regexp {
	return regexp.MustCompile(`\b\p{Lu}[\p{Lu}\d&]{1,5}s?\b`)
})

func romanNumeral(s string) bool {
	return strings.Trim(s, "IVXLC") == ""
}

// shouting reports whether the capitals at s[a:b] are part of a run of
// upper-case words (a headline or a name in capitals), not an acronym.
func shouting(s string, a, b int) bool {
	caps := func(w string) bool {
		w = strings.Trim(w, ",.;:!?()“”\"")
		return len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w
	}
	before := lastWords(s[:a], 1)
	after := strings.Fields(s[b:])
	return len(before) > 0 && caps(before[0]) && len(before[0]) > 6 || len(after) > 0 && caps(after[0]) && len(after[0]) > 6
}
