package wizard

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The identifiers of the télétransmission to the préfet (@ctes): the authority's SIREN
// and SIRET, the act's number, its classification (the national « nomenclature ACTES »)
// and the typology of its annexes.

// ParseSIREN reads a SIREN: nine digits, spaces allowed between them ("210 100 012"), with
// a valid Luhn key. It returns the nine digits.
func ParseSIREN(s string) (string, error) {
	return parseRegistryNumber(s, 9, "SIREN", "210 100 012")
}

// ParseSIRET reads a SIRET: fourteen digits, the SIREN followed by the five digits of the
// establishment (NIC), with a valid Luhn key. It returns the fourteen digits.
func ParseSIRET(s string) (string, error) {
	return parseRegistryNumber(s, 14, "SIRET", "210 100 012 00017")
}

// parseRegistryNumber reads n digits with a Luhn key, the numbers of the INSEE's SIRENE
// register.
func parseRegistryNumber(s string, n int, name, example string) (string, error) {
	d := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' {
			return -1
		}
		return r
	}, s)
	for _, r := range d {
		if r < '0' || r > '9' {
			return "", Errorf("%s « %s » : attendu %d chiffres, par exemple %s", name, strings.TrimSpace(s), n, example)
		}
	}
	if len(d) != n {
		return "", Errorf("%s « %s » : %s au lieu de %d", name, strings.TrimSpace(s), CountOf(len(d), "chiffre", "chiffres"), n)
	}
	if !luhn(d) {
		return "", Errorf("%s « %s » invalide : sa clé de contrôle ne correspond pas ; vérifiez les chiffres (ils figurent sur l'avis de situation SIRENE ou sur annuaire-entreprises.data.gouv.fr)", name, strings.TrimSpace(s))
	}
	return d, nil
}

// luhn tells whether a string of digits passes the Luhn check, the key of SIREN and
// SIRET numbers.
func luhn(digits string) bool {
	sum := 0
	for i := range len(digits) {
		v := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// MaxActNumber is the most characters of an act's number in @ctes.
const MaxActNumber = 15

// actNumberRule is S²LOW's rule for the number of an act: upper-case letters, digits and
// "_", neither first nor last, 15 characters at most.
var actNumberRule = regexp.MustCompile(`^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$`)

// ParseActNumber reads the number of an act as @ctes takes it ("2027_003"). A number that
// breaks the rule gets a French message that proposes a number that keeps it.
func ParseActNumber(s string) (string, error) {
	t := strings.TrimSpace(s)
	if actNumberRule.MatchString(t) {
		return t, nil
	}
	n := len([]rune(t))
	switch {
	case n > MaxActNumber:
		return "", Errorf("numéro d'acte « %s » trop long : %d caractères, au plus %d pour @ctes", t, n, MaxActNumber)
	case strings.HasPrefix(t, "_") || strings.HasSuffix(t, "_"):
		return "", Errorf("numéro d'acte « %s » : il ne peut ni commencer ni finir par « _ » (règle @ctes)", t)
	}
	msg := "numéro d'acte « %s » : @ctes n'admet que des lettres majuscules sans accent, des chiffres et « _ »"
	if fix := suggestActNumber(t); fix != "" {
		return "", Errorf(msg+", par exemple « %s »", t, fix)
	}
	return "", Errorf(msg, t)
}

// suggestActNumber is s made to keep the @ctes rule, or "" when that fails: letters in
// upper case without accents, any other character as "_".
func suggestActNumber(s string) string {
	var b strings.Builder
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := strings.Trim(b.String(), "_")
	for strings.Contains(out, "__") {
		out = strings.ReplaceAll(out, "__", "_")
	}
	if !actNumberRule.MatchString(out) {
		return ""
	}
	return out
}

// ActeTypology is the typology code of a piece of an act in @ctes: "99_DE" for a
// délibération, "99_AU" for another document.
type ActeTypology string

// The typologies aect uses by default.
const (
	TypologyDeliberation ActeTypology = "99_DE"
	TypologyOther        ActeTypology = "99_AU"
)

// typologyRule is the form of a typology code: two digits, "_", two upper-case letters.
var typologyRule = regexp.MustCompile(`^[0-9]{2}_[A-Z]{2}$`)

// ParseTypology reads a typology code ("99_AU", "22_CO").
func ParseTypology(s string) (string, error) {
	t := strings.TrimSpace(s)
	if typologyRule.MatchString(t) {
		return t, nil
	}
	if u := strings.ToUpper(t); typologyRule.MatchString(u) {
		return u, nil
	}
	return "", Errorf("code de typologie « %s » : attendu deux chiffres, « _ » et deux lettres majuscules, par exemple 99_AU", t)
}

// AnnexTypology is the typology of the act's annexes: the answer, or 99_AU.
func (s Session) AnnexTypology() ActeTypology {
	if s.ActesAnnexType != "" {
		return ActeTypology(s.ActesAnnexType)
	}
	return TypologyOther
}

// ActesMatiere is a second-level code of the national classification of acts
// (« nomenclature ACTES »), such as "9.1".
type ActesMatiere string

// Matières aect chooses by default.
const (
	MatiereSubventions      ActesMatiere = "7.5"
	MatiereCulture          ActesMatiere = "8.9"
	MatiereAutresCommunes   ActesMatiere = "9.1"
	MatiereAutresDepartemts ActesMatiere = "9.2"
	MatiereAutresRegions    ActesMatiere = "9.3"
)

// actesLevel1 are the first-level matières of the nomenclature ACTES, by their digit.
var actesLevel1 = map[byte]string{
	'1': "Commande publique",
	'2': "Urbanisme",
	'3': "Domaine et patrimoine",
	'4': "Fonction publique",
	'5': "Institutions et vie politique",
	'6': "Libertés publiques et pouvoirs de police",
	'7': "Finances locales",
	'8': "Domaines de compétences par thèmes",
	'9': "Autres domaines de compétences",
}

// ActesMatieres is the catalogue of the second-level matières of the nomenclature ACTES,
// the classification the préfecture's file sets for @ctes (the codes the SCDL
// « Délibérations » schema lists: 1.1 to 1.7 … 9.1 to 9.4).
var ActesMatieres = Catalogue[ActesMatiere]{Name: "classification @ctes", Choices: []Choice[ActesMatiere]{
	{"1.1", "1.1 Marchés publics", ""},
	{"1.2", "1.2 Délégation de service public", ""},
	{"1.3", "1.3 Conventions de mandat", ""},
	{"1.4", "1.4 Autres types de contrats", ""},
	{"1.5", "1.5 Transactions / protocole d'accord transactionnel", ""},
	{"1.6", "1.6 Actes relatifs à la maîtrise d'œuvre", ""},
	{"1.7", "1.7 Actes spéciaux et divers", ""},
	{"2.1", "2.1 Documents d'urbanisme", ""},
	{"2.2", "2.2 Actes relatifs au droit d'occupation ou d'utilisation des sols", ""},
	{"2.3", "2.3 Droit de préemption urbain", ""},
	{"3.1", "3.1 Acquisitions", ""},
	{"3.2", "3.2 Aliénations", ""},
	{"3.3", "3.3 Locations", ""},
	{"3.4", "3.4 Limites territoriales", ""},
	{"3.5", "3.5 Autres actes de gestion du domaine public", ""},
	{"3.6", "3.6 Autres actes de gestion du domaine privé", ""},
	{"4.1", "4.1 Personnel titulaire et stagiaire de la FPT", ""},
	{"4.2", "4.2 Personnel contractuel", ""},
	{"4.3", "4.3 Fonction publique hospitalière", ""},
	{"4.4", "4.4 Autres catégories de personnels", ""},
	{"4.5", "4.5 Régime indemnitaire", ""},
	{"5.1", "5.1 Élection exécutif", ""},
	{"5.2", "5.2 Fonctionnement des assemblées", ""},
	{"5.3", "5.3 Désignation de représentants", ""},
	{"5.4", "5.4 Délégation de fonctions", ""},
	{"5.5", "5.5 Délégation de signature", ""},
	{"5.6", "5.6 Exercice des mandats locaux", ""},
	{"5.7", "5.7 Intercommunalité", ""},
	{"5.8", "5.8 Décision d'ester en justice", ""},
	{"6.1", "6.1 Police municipale", ""},
	{"6.2", "6.2 Pouvoirs du président du conseil départemental", ""},
	{"6.3", "6.3 Pouvoirs du président du conseil régional", ""},
	{"6.4", "6.4 Autres actes réglementaires", ""},
	{"6.5", "6.5 Actes pris au nom de l'État et soumis au contrôle hiérarchique", ""},
	{"7.1", "7.1 Décisions budgétaires", ""},
	{"7.2", "7.2 Fiscalité", ""},
	{"7.3", "7.3 Emprunts", ""},
	{"7.4", "7.4 Interventions économiques", ""},
	{"7.5", "7.5 Subventions", "Pour un don humanitaire ou une subvention versée."},
	{"7.6", "7.6 Contributions budgétaires", ""},
	{"7.7", "7.7 Avances", ""},
	{"7.8", "7.8 Fonds de concours", ""},
	{"7.9", "7.9 Prise de participation (SEM, etc.)", ""},
	{"7.10", "7.10 Divers", ""},
	{"8.1", "8.1 Enseignement", ""},
	{"8.2", "8.2 Aide sociale", ""},
	{"8.3", "8.3 Voirie", ""},
	{"8.4", "8.4 Aménagement du territoire", ""},
	{"8.5", "8.5 Politique de la ville-habitat-logement", ""},
	{"8.6", "8.6 Emploi-formation professionnelle", ""},
	{"8.7", "8.7 Transports", ""},
	{"8.8", "8.8 Environnement", ""},
	{"8.9", "8.9 Culture", "Pour un jumelage ou une promotion culturelle."},
	{"9.1", "9.1 Autres domaines de compétences des communes", "Par défaut pour l'action extérieure d'une commune ou d'un groupement."},
	{"9.2", "9.2 Autres domaines de compétences des départements", "Par défaut pour l'action extérieure d'un département."},
	{"9.3", "9.3 Autres domaines de compétences des régions", "Par défaut pour l'action extérieure d'une région."},
	{"9.4", "9.4 Vœux et motions", ""},
}}

// actesMatiereOptions are the choices of the classification question. The first one, the
// default, leaves the answer empty: passing through the question keeps the classification
// deduced from the plan (Plan.ActesClassification).
func actesMatiereOptions() []Option {
	return append([]Option{{Value: "", Label: "Classification par défaut, déduite des réponses"}}, optionsOf(ActesMatieres)...)
}

// Name is the matière's second-level label without its code: "Subventions".
func (m ActesMatiere) Name() string {
	l := ActesMatieres.Label(m)
	_, name, _ := strings.Cut(l, " ")
	return name
}

// Level1 is the first-level label of the matière: "Finances locales" for 7.5.
func (m ActesMatiere) Level1() string {
	if m == "" {
		return ""
	}
	return actesLevel1[m[0]]
}

// ActesClassification is the act's matière: the answer, or the default for the plan —
// 7.5 Subventions for a gift or a grant, 8.9 Culture for a jumelage or a promotion that
// serves culture, otherwise 9.1, 9.2 or 9.3 « Autres domaines de compétences » of the
// authority's level. The préfecture's own classification file decides; the answer
// overrides the default. chosen tells whether the answer was given.
func (p *Plan) ActesClassification() (m ActesMatiere, chosen bool) {
	if c := p.Session.ActesClassification; c != "" {
		return c, true
	}
	switch {
	case p.Form == FormDon || p.Partner.Kind == PartnerFACECO || len(p.Grants()) > 0:
		return MatiereSubventions, false
	case (p.Form == FormJumelage || p.Form == FormPromotion) && slices.Contains(p.Domain.Sectors, SectorCulture):
		return MatiereCulture, false
	case p.Authority.Type == AuthDepartement:
		return MatiereAutresDepartemts, false
	case p.Authority.Type == AuthRegion:
		return MatiereAutresRegions, false
	}
	return MatiereAutresCommunes, false
}
