package wizard

import "fmt"

// The council's frame (DOMAIN §10): the convocation delay, the quorum, the proxies, the
// article that gives the assembly its power to deliberate, the publication regime and
// the administrative court, by type of authority.

// ConvocationRule is the least delay between the convocation and the session.
type ConvocationRule struct {
	// Days is the delay, in jours francs (neither the day of the convocation nor the day
	// of the session counts) or, when Francs is false, in days (12 days for a département
	// or a région: the reports sent « douze jours au moins avant la réunion »).
	Days   int
	Francs bool
	// Who names the authorities the rule is for: "une commune de moins de 3 500
	// habitants".
	Who string
	// Article is the CGCT article, as cited: "L. 2121-11".
	Article string
}

// ConvocationRule returns the convocation delay of the authority's assembly; false when
// it cannot be known yet (the type, a commune's population, a syndicat mixte's kind or
// its statuts' delay is missing).
func (a *Authority) ConvocationRule(s *Session) (ConvocationRule, bool) {
	pfister := a.Type == AuthCommune || a.Type.IsGroupement() || (a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatFerme)
	switch {
	case s.SecondMeetingHeld() && pfister:
		// L. 2121-17: convened again « à trois jours au moins d'intervalle », three jours
		// francs between the new convocation and the second meeting (CE, 16 juin 1997,
		// Pfister, n° 142691), whatever the population.
		return ConvocationRule{3, true, "la nouvelle convocation après un défaut de quorum", a.QuorumArticle()}, true
	case a.Type == AuthCommune && a.Population == 0:
		return ConvocationRule{}, false
	case a.Type == AuthCommune && a.Population < PublicationThreshold:
		return ConvocationRule{3, true, "une commune de moins de 3 500 habitants", "L. 2121-11"}, true
	case a.Type == AuthCommune:
		return ConvocationRule{5, true, "une commune de 3 500 habitants ou plus", "L. 2121-12"}, true
	case a.Type.IsGroupement():
		return ConvocationRule{5, true, "un établissement public de coopération intercommunale, quelle que soit sa taille", "L. 5211-1 et L. 2121-12"}, true
	case a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatFerme:
		return ConvocationRule{5, true, "un syndicat mixte fermé", "L. 5711-1 et L. 2121-12"}, true
	case a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatOuvert && s.StatutsDelay > 0:
		return ConvocationRule{s.StatutsDelay, true, "ce syndicat mixte ouvert, selon ses statuts", "L. 5721-2 et les statuts"}, true
	case a.Type == AuthDepartement:
		return ConvocationRule{12, false, "un département", "L. 3121-19"}, true
	case a.Type == AuthRegion:
		return ConvocationRule{12, false, "une région", "L. 4132-18"}, true
	}
	return ConvocationRule{}, false
}

// Delay is the delay between a convocation and a session under the rule: the jours
// francs between them, or the days.
func (r ConvocationRule) Delay(convocation, session Date) int {
	days := int(session.Time().Sub(convocation.Time()).Hours() / 24)
	if r.Francs {
		return days - 1
	}
	return days
}

// Unit is "jours francs" or "jours", agreeing with n.
func (r ConvocationRule) Unit(n int) string {
	switch {
	case r.Francs && (n == 1 || n == -1 || n == 0):
		return "jour franc"
	case r.Francs:
		return "jours francs"
	case n == 1 || n == -1 || n == 0:
		return "jour"
	}
	return "jours"
}

// Earliest is the first date a session may be held after a convocation.
func (r ConvocationRule) Earliest(convocation Date) Date {
	if r.Francs {
		return convocation.AddDays(r.Days + 1)
	}
	return convocation.AddDays(r.Days)
}

// frameArticles are the CGCT articles of an assembly's frame, cited by the findings and
// the documents.
type frameArticles struct {
	urgency, quorum, vote, proxy, publication string
}

// frame returns the articles of the authority's assembly by its type (DOMAIN §10): a
// syndicat mixte ouvert follows its statuts and, for its acts, the départements' rules
// (L. 5721-4); a syndicat mixte whose kind is not given yet is taken as fermé.
func (a *Authority) frame() frameArticles {
	if u, ok := a.unique(); ok {
		// Guyane and Martinique have the articles of their own book of the code; the
		// findings cite it as a whole rather than a département's or a région's article.
		art := uniqueArticles(u)
		return frameArticles{art, art, art, art, art}
	}
	switch {
	case a.Type == AuthDepartement:
		return frameArticles{"L. 3121-19", "L. 3121-14", "L. 3121-14 et L. 3121-15", "L. 3121-16", "L. 3131-1"}
	case a.Type == AuthRegion:
		return frameArticles{"L. 4132-18", "L. 4132-13", "L. 4132-13 et L. 4132-14", "L. 4132-15", "L. 4141-1"}
	case a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatOuvert:
		const statuts = "L. 5721-2 et les statuts"
		return frameArticles{statuts, statuts, statuts, statuts, "L. 3131-1 et L. 5721-4"}
	case a.Type == AuthSyndicatMixte:
		return frameArticles{"L. 5711-1 et L. 2121-12", "L. 2121-17, L. 5211-1 et L. 5711-1", "L. 2121-20, L. 5211-1 et L. 5711-1",
			"L. 2121-20", "L. 2131-1 et L. 5711-1"}
	case a.Type.IsGroupement():
		return frameArticles{"L. 5211-1 et L. 2121-12", "L. 2121-17 et L. 5211-1", "L. 2121-20 et L. 5211-1", "L. 2121-20", "L. 2131-1 et L. 5211-3"}
	case a.Type == AuthCommune && a.Population < PublicationThreshold:
		return frameArticles{"L. 2121-11", "L. 2121-17", "L. 2121-20", "L. 2121-20", "L. 2131-1"}
	}
	return frameArticles{"L. 2121-12", "L. 2121-17", "L. 2121-20", "L. 2121-20", "L. 2131-1"}
}

// UrgencyArticle is the article that lets the executive shorten the delay for urgency,
// never below one jour franc (a syndicat mixte ouvert: its statuts).
func (a *Authority) UrgencyArticle() string { return a.frame().urgency }

// QuorumArticle is the article of the quorum and of the second meeting without quorum.
func (a *Authority) QuorumArticle() string { return a.frame().quorum }

// VoteArticle is the article of the majority of the suffrages exprimés and of the
// président's casting vote.
func (a *Authority) VoteArticle() string { return a.frame().vote }

// ProxyArticle is the article that allows one proxy per member.
func (a *Authority) ProxyArticle() string { return a.frame().proxy }

// PublicationArticle is the article of the publication of the acts and of their
// exécutoire character.
func (a *Authority) PublicationArticle() string { return a.frame().publication }

// Quorum is the least number of members present for the assembly to deliberate: the
// majority of the members in office (more than half); proxies do not count.
func Quorum(members int) int { return members/2 + 1 }

// SecondMeetingHeld reports whether the séance is the second meeting after a quorum
// failure, which deliberates without quorum: the answer is given and the members present
// do not reach the quorum.
func (s *Session) SecondMeetingHeld() bool {
	return s.SecondMeeting && s.MembersInOffice > 0 && s.Present > 0 && s.Present < Quorum(s.MembersInOffice)
}

// FirstMeeting is the date of the meeting without quorum of a département or a région,
// three days before the séance held de plein droit (L. 3121-14, L. 4132-13); false for
// the others, or while the séance's date is missing.
func (s *Session) FirstMeeting(a *Authority) (Date, bool) {
	if !s.SecondMeetingHeld() || !a.SecondMeetingByRight() || s.Date.IsZero() {
		return Date{}, false
	}
	return s.Date.AddDays(-3), true
}

// SecondMeetingByRight reports whether the meeting after a quorum failure is held de
// plein droit three days later, without a new convocation (département, région); for
// the others the assembly is convened again, at least three days later.
func (a *Authority) SecondMeetingByRight() bool {
	return a.Type == AuthDepartement || a.Type == AuthRegion
}

// PowerArticle is the CGCT article that gives the assembly its power to deliberate, for
// the visas: L. 2121-29 (commune), L. 5211-1 (EPCI), L. 5711-1 (syndicat mixte fermé) or
// L. 5721-2 (ouvert) — statuts says that the statuts are cited with it —, L. 3211-1
// (département), L. 4221-1 (région). Départements and régions have had no general
// competence since loi NOTRe: their articles are the assembly's power to settle the
// affairs the law gives it. known is false when the type, or a syndicat mixte's kind, is
// not given; the act's legal basis stays L. 1115-1.
func (a *Authority) PowerArticle() (article string, statuts, known bool) {
	if u, ok := a.unique(); ok {
		return uniqueArticles(u), false, true
	}
	switch {
	case a.Type == AuthCommune:
		return "L. 2121-29", false, true
	case a.Type.IsGroupement():
		return "L. 5211-1", true, true
	case a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatFerme:
		return "L. 5711-1", true, true
	case a.Type == AuthSyndicatMixte && a.SyndicatKind == SyndicatOuvert:
		return "L. 5721-2", true, true
	case a.Type == AuthDepartement:
		return "L. 3211-1", false, true
	case a.Type == AuthRegion:
		return "L. 4221-1", false, true
	}
	return "", a.Type == AuthSyndicatMixte, false
}

// ChoosesPublicationMode says whether the authority chooses by deliberation how its
// acts are published (posting, paper or electronic): a commune under 3 500 inhabitants,
// a syndicat de communes and a syndicat mixte fermé (CGCT L. 2131-1 IV, L. 5211-3,
// L. 5711-1); everyone else publishes electronically. known is false when the type, a
// commune's population or a syndicat mixte's kind is not given yet.
func (a *Authority) ChoosesPublicationMode() (small, known bool) {
	switch {
	case a.Type == "", a.Type == AuthCommune && a.Population == 0, a.Type == AuthSyndicatMixte && a.SyndicatKind == "":
		return false, false
	case a.Type == AuthCommune:
		return a.Population < PublicationThreshold, true
	case a.Type == AuthSyndicatCommunes:
		return true, true
	case a.Type == AuthSyndicatMixte:
		return a.SyndicatKind == SyndicatFerme, true
	}
	return false, true
}

// ActesCompulsory says whether the electronic transmission of the acts to the préfet
// (@ctes) is compulsory: communes of more than 50 000 inhabitants, every EPCI à
// fiscalité propre, départements and régions (loi NOTRe, art. 128); never for a
// syndicat.
func (a *Authority) ActesCompulsory() bool {
	switch {
	case a.Type == AuthCommune:
		return a.Population > ActesThreshold
	case a.Type.IsEPCI(), a.Type == AuthDepartement, a.Type == AuthRegion:
		return true
	}
	return false
}

// courts is the seat of the tribunal administratif of each département, from the code de
// justice administrative, art. R. 221-3 (in force since 9 November 2015); overseas the
// court is named after its territory (art. R. 221-1).
var courts = map[string]string{
	"02": "d'Amiens", "60": "d'Amiens", "80": "d'Amiens",
	"2A": "de Bastia", "2B": "de Bastia",
	"25": "de Besançon", "39": "de Besançon", "70": "de Besançon", "90": "de Besançon",
	"24": "de Bordeaux", "33": "de Bordeaux", "47": "de Bordeaux",
	"14": "de Caen", "50": "de Caen", "61": "de Caen",
	"92": "de Cergy-Pontoise", "95": "de Cergy-Pontoise",
	"08": "de Châlons-en-Champagne", "10": "de Châlons-en-Champagne", "51": "de Châlons-en-Champagne", "52": "de Châlons-en-Champagne",
	"03": "de Clermont-Ferrand", "15": "de Clermont-Ferrand", "43": "de Clermont-Ferrand", "63": "de Clermont-Ferrand",
	"21": "de Dijon", "58": "de Dijon", "71": "de Dijon", "89": "de Dijon",
	"26": "de Grenoble", "38": "de Grenoble", "73": "de Grenoble", "74": "de Grenoble",
	"59": "de Lille", "62": "de Lille",
	"19": "de Limoges", "23": "de Limoges", "36": "de Limoges", "87": "de Limoges",
	"01": "de Lyon", "07": "de Lyon", "42": "de Lyon", "69": "de Lyon",
	"04": "de Marseille", "05": "de Marseille", "13": "de Marseille",
	"77": "de Melun", "94": "de Melun",
	"11": "de Montpellier", "34": "de Montpellier", "66": "de Montpellier",
	"93": "de Montreuil",
	"54": "de Nancy", "55": "de Nancy", "88": "de Nancy",
	"44": "de Nantes", "49": "de Nantes", "53": "de Nantes", "72": "de Nantes", "85": "de Nantes",
	"06": "de Nice",
	"30": "de Nîmes", "48": "de Nîmes", "84": "de Nîmes",
	"18": "d'Orléans", "28": "d'Orléans", "37": "d'Orléans", "41": "d'Orléans", "45": "d'Orléans",
	"75": "de Paris",
	"32": "de Pau", "40": "de Pau", "64": "de Pau", "65": "de Pau",
	"16": "de Poitiers", "17": "de Poitiers", "79": "de Poitiers", "86": "de Poitiers",
	"22": "de Rennes", "29": "de Rennes", "35": "de Rennes", "56": "de Rennes",
	"27": "de Rouen", "76": "de Rouen",
	"57": "de Strasbourg", "67": "de Strasbourg", "68": "de Strasbourg",
	"83": "de Toulon",
	"09": "de Toulouse", "12": "de Toulouse", "31": "de Toulouse", "46": "de Toulouse", "81": "de Toulouse", "82": "de Toulouse",
	"78": "de Versailles", "91": "de Versailles",
	"971": "de la Guadeloupe", "972": "de la Martinique", "973": "de la Guyane", "974": "de La Réunion", "976": "de Mayotte",
	"975": "de Saint-Pierre-et-Miquelon", "977": "de Saint-Barthélemy", "978": "de Saint-Martin",
}

// AdministrativeCourt names the tribunal administratif competent for a département by
// its official name: « le tribunal administratif de Grenoble », « … de la Guadeloupe »;
// false for an unknown code.
func AdministrativeCourt(departement string) (string, bool) {
	c, ok := courts[departement]
	if !ok {
		return "", false
	}
	return "le tribunal administratif " + c, true
}

// CouncilDays formats a number of days with its unit: "5 jours francs", "1 jour franc".
func (r ConvocationRule) CouncilDays(n int) string { return fmt.Sprintf("%d %s", n, r.Unit(n)) }

// OverseasPowers reports whether the authority's executive can receive the pouvoirs of
// regional cooperation with the States of its zone (CGCT L. 3441-2, L. 4433-4-2,
// L. 7153-1, L. 7253-1): the président of an overseas département, région or
// collectivité unique — never a commune or an EPCI.
func (a *Authority) OverseasPowers() bool {
	dep, ok := LookupDepartement(a.Departement)
	return ok && dep.Overseas && (a.Type == AuthDepartement || a.Type == AuthRegion)
}

// Authorisation is what a convention with a State under the exception needs before its
// signature (CGCT L. 1115-5): the préfet de région's authorisation for a GECT, GEC or
// GLCT, the préfet's for the cases 1° to 3°, the pouvoirs given by the authorities of the
// Republic overseas.
func (e StateException) Authorisation() string {
	switch e {
	case StateGECT:
		return "l'autorisation préalable du préfet de région"
	case StateOverseasPower:
		return "les pouvoirs donnés par les autorités de la République au président de la collectivité"
	}
	return "l'autorisation préalable du représentant de l'État"
}

// Leaves says how much time a convocation leaves: « ne laisse qu'un jour franc »,
// « ne laisse aucun jour franc », « ne laisse que 3 jours francs ».
func (r ConvocationRule) Leaves(n int) string {
	switch {
	case n <= 0:
		return "ne laisse aucun " + r.Unit(0)
	case n == 1:
		return "ne laisse qu'un " + r.Unit(1)
	}
	return "ne laisse que " + r.CouncilDays(n)
}
