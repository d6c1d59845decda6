package wizard

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Kind is the kind of answer a question expects.
type Kind int

// Question kinds.
const (
	KindText     Kind = iota // one line of text
	KindLongText             // a paragraph
	KindInt                  // a whole number
	KindAmount               // an amount in euros, typed the French way
	KindDate                 // a date
	KindYear                 // a year
	KindChoice               // one code among Options
	KindMulti                // several codes among Options
	KindConfirm              // oui / non
	KindList                 // free items separated by commas
)

// Option is one choice of a question.
type Option struct {
	Value string
	Label string
	Help  string
}

// Question is one question of the assistant, shared by the full-screen interface, the
// accessible line-by-line mode and the printed questionnaire, so that all ask the same
// questions in the same order with the same help and the same validation.
type Question struct {
	// ID is the JSON path of the answer: "authority.name", "actions[2].cost".
	ID      string
	Section Section
	// Title is the question, in French.
	Title string
	// Help says in one to three French sentences what to answer and why.
	Help string
	Kind Kind
	// Options lists the choices of a KindChoice or KindMulti question.
	Options []Option
	// Searchable marks long choice lists (countries, départements) that need a filter.
	Searchable bool
	// Placeholder is an example answer shown in an empty field.
	Placeholder string
	// Applies says whether the question is asked, given the answers so far; nil means always.
	Applies func(p *Plan) bool
	// Get returns the current answer as the user would type it ("12 500,00", "25/11/2026",
	// codes separated by commas, "oui"/"non"); "" when not given.
	Get func(p *Plan) string
	// Set parses and stores an answer; "" clears it. The error is a French *Error.
	Set func(p *Plan, s string) error
}

// AppliesTo reports whether the question is asked for this plan.
func (q *Question) AppliesTo(p *Plan) bool { return q.Applies == nil || q.Applies(p) }

// Validate checks an answer without storing it; its error says in French what is expected.
func (q *Question) Validate(s string) error {
	var scratch Plan
	if strings.HasPrefix(q.ID, "actions[") {
		scratch.Actions = make([]Action, q.index()+1)
	}
	if strings.HasPrefix(q.ID, "funding[") {
		scratch.Funding = make([]FundingLine, q.index()+1)
	}
	return q.Set(&scratch, s)
}

func (q *Question) index() int {
	open, close := strings.IndexByte(q.ID, '['), strings.IndexByte(q.ID, ']')
	n, _ := strconv.Atoi(q.ID[open+1 : close])
	return n
}

// OptionLabel returns the label of an option value, or the value itself.
func (q *Question) OptionLabel(v string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// ParseYesNo reads a French yes/no answer: oui, o, non, n (any case).
func ParseYesNo(s string) (bool, error) {
	switch Fold(strings.TrimSpace(s)) {
	case "oui", "o":
		return true, nil
	case "non", "n", "":
		return false, nil
	}
	return false, Errorf("réponse « %s » non comprise : répondez oui ou non", s)
}

// YesNo writes a boolean as "oui" or "non".
func YesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}

func optionsOf[T ~string](c Catalogue[T]) []Option {
	out := make([]Option, len(c.Choices))
	for i, ch := range c.Choices {
		out[i] = Option{string(ch.Code), ch.Label, ch.Help}
	}
	return out
}

// text returns Get/Set for a string field.
func text(field func(p *Plan) *string) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string { return *field(p) },
		func(p *Plan, s string) error { *field(p) = strings.TrimSpace(s); return nil }
}

func choice[T ~string](c Catalogue[T], field func(p *Plan) *T) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string { return string(*field(p)) },
		func(p *Plan, s string) error {
			s = strings.TrimSpace(s)
			if s == "" {
				*field(p) = ""
				return nil
			}
			if _, ok := c.Lookup(T(s)); !ok {
				return Errorf("choix « %s » inconnu pour %s", s, c.Name)
			}
			*field(p) = T(s)
			return nil
		}
}

func multi[T ~string](c Catalogue[T], field func(p *Plan) *[]T) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string {
			parts := make([]string, len(*field(p)))
			for i, v := range *field(p) {
				parts[i] = string(v)
			}
			return strings.Join(parts, ",")
		},
		func(p *Plan, s string) error {
			var out []T
			for _, v := range splitList(s) {
				if _, ok := c.Lookup(T(v)); !ok {
					return Errorf("choix « %s » inconnu pour %s", v, c.Name)
				}
				if !slices.Contains(out, T(v)) {
					out = append(out, T(v))
				}
			}
			*field(p) = out
			return nil
		}
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func integer(field func(p *Plan) *int, min, max int, what string) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string {
			if n := *field(p); n != 0 {
				return strconv.Itoa(n)
			}
			return ""
		},
		func(p *Plan, s string) error {
			n, err := ParseInt(s, min, max, what)
			if err == nil {
				*field(p) = n
			}
			return err
		}
}

// optional returns Get/Set for a count that may be zero and may be missing.
func optional(field func(p *Plan) **int, what string) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string {
			if n := *field(p); n != nil {
				return strconv.Itoa(*n)
			}
			return ""
		},
		func(p *Plan, s string) error {
			if strings.TrimSpace(s) == "" {
				*field(p) = nil
				return nil
			}
			n, err := ParseInt(s, 0, 1000, what)
			if err == nil {
				*field(p) = &n
			}
			return err
		}
}

// ParseInt reads a whole number between min and max; "" gives 0. The error names what is
// expected.
func ParseInt(s string, min, max int, what string) (int, error) {
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, Errorf("« %s » n'est pas un nombre entier : attendu %s, en chiffres", s, what)
	}
	if n < min || n > max {
		return 0, Errorf("%d hors limites : attendu %s entre %d et %d", n, what, min, max)
	}
	return n, nil
}

func amount(field func(p *Plan) *Cents) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string {
			if c := *field(p); c != 0 {
				return FormatNumber(c)
			}
			return ""
		},
		func(p *Plan, s string) error {
			if strings.TrimSpace(s) == "" {
				*field(p) = 0
				return nil
			}
			c, err := ParseAmount(s)
			if err == nil {
				*field(p) = c
			}
			return err
		}
}

func date(field func(p *Plan) *Date) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string {
			d := *field(p)
			if d.IsZero() {
				return ""
			}
			return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
		},
		func(p *Plan, s string) error {
			if strings.TrimSpace(s) == "" {
				*field(p) = Date{}
				return nil
			}
			d, err := ParseDate(s)
			if err == nil {
				*field(p) = d
			}
			return err
		}
}

// lookup returns Get/Set for a reference code (département, country) checked against
// its table; unknown is the French message, with %s for the answer.
func lookup(field func(p *Plan) *string, find func(string) (string, bool), unknown string) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string { return *field(p) },
		func(p *Plan, s string) error {
			if strings.TrimSpace(s) == "" {
				*field(p) = ""
				return nil
			}
			code, ok := find(s)
			if !ok {
				return Errorf(unknown, s)
			}
			*field(p) = code
			return nil
		}
}

func list(field func(p *Plan) *[]string) (func(*Plan) string, func(*Plan, string) error) {
	return func(p *Plan) string { return strings.Join(*field(p), ", ") },
		func(p *Plan, s string) error { *field(p) = splitList(s); return nil }
}

func departementOptions() []Option {
	deps := Departements()
	out := make([]Option, len(deps))
	for i, d := range deps {
		out[i] = Option{d.Code, d.Code + " – " + d.Name, d.Region}
	}
	return out
}

// CountryLabel is how a country appears in choices: "Sénégal (APD, PMA)".
func CountryLabel(c Country) string {
	switch {
	case c.PMA:
		return c.Name + " (APD, PMA)"
	case c.APD:
		return c.Name + " (APD)"
	}
	return c.Name
}

func countryOptions() []Option {
	cs := Countries()
	slices.SortFunc(cs, func(a, b Country) int { return strings.Compare(Fold(a.Name), Fold(b.Name)) })
	out := make([]Option, len(cs))
	for i, c := range cs {
		out[i] = Option{c.Code, CountryLabel(c), ""}
	}
	return out
}

func sdgOptions() []Option {
	out := make([]Option, 17)
	for i := 1; i <= 17; i++ {
		out[i-1] = Option{strconv.Itoa(i), fmt.Sprintf("ODD %d – %s", i, SDGNames[i]), ""}
	}
	return out
}

func notFACECO(p *Plan) bool { return p.Partner.Kind != PartnerFACECO }

// serviceQuestion asks the annual resources of one service, when the competence is held.
func serviceQuestion(k ServiceKind) Question {
	label := ServiceKinds.Label(k)
	return Question{
		ID: "authority.services." + string(k) + ".annual_resources", Section: SecAuthority,
		Title: "Ressources annuelles du budget « " + label + " » (en euros)",
		Help:  "Les ressources du budget de ce service pour l'année (pour la mobilité, hors versement mobilité) : le plafond du 1 % se calcule sur ce montant, service par service.",
		Kind:  KindAmount, Placeholder: "1 800 000",
		Applies: func(p *Plan) bool { _, ok := p.Authority.HasService(k); return ok },
		Get: func(p *Plan) string {
			if s, ok := p.Authority.HasService(k); ok && s.AnnualResources != 0 {
				return FormatNumber(s.AnnualResources)
			}
			return ""
		},
		Set: func(p *Plan, s string) error {
			var c Cents
			if strings.TrimSpace(s) != "" {
				var err error
				if c, err = ParseAmount(s); err != nil {
					return err
				}
			}
			for i := range p.Authority.Services {
				if p.Authority.Services[i].Kind == k {
					p.Authority.Services[i].AnnualResources = c
					return nil
				}
			}
			p.Authority.Services = append(p.Authority.Services, Service{Kind: k, AnnualResources: c})
			return nil
		},
	}
}

// Questions returns the questions of the plan, in the order of the assistant: sections
// Collectivité to Séance. The repeated items (actions, funding lines) have their own
// questions: ActionQuestions and FundingQuestions. The slice is a copy; the options it
// shares must not be modified.
func Questions() []Question { return slices.Clone(allQuestions()) }

var allQuestions = sync.OnceValue(buildQuestions)

func buildQuestions() []Question {
	qs := []Question{
		{ID: "title", Section: SecAuthority, Title: "Titre du projet",
			Help: "Un titre court qui vous permet de retrouver le brouillon, par exemple « Jumelage Belmont – Lindenbach ».",
			Kind: KindText, Placeholder: "Jumelage Belmont – Lindenbach"},
		{ID: "authority.type", Section: SecAuthority, Title: "Type de collectivité",
			Help: "La collectivité ou le groupement qui agit et dont l'assemblée délibère.",
			Kind: KindChoice, Options: optionsOf(AuthorityTypes)},
		{ID: "authority.name", Section: SecAuthority, Title: "Nom de la collectivité",
			Help: "Le nom officiel, tel qu'il figure en tête des délibérations.",
			Kind: KindText, Placeholder: "Belmont-sur-Guiers"},
		{ID: "authority.departement", Section: SecAuthority, Title: "Département",
			Help: "Le département de la collectivité : il donne la région, donc les contacts régionaux (conseiller diplomatique, réseau régional), et dit si la collectivité est d'outre-mer.",
			Kind: KindChoice, Options: departementOptions(), Searchable: true},
		{ID: "authority.population", Section: SecAuthority, Title: "Population (nombre d'habitants)",
			Help: "La population légale. Sous 3 500 habitants, la commune choisit son mode de publication des actes ; à partir de 50 000, la transmission au préfet est électronique.",
			Kind: KindInt, Placeholder: "2400"},
		{ID: "authority.executive_name", Section: SecAuthority, Title: "Nom de l'exécutif (maire, président·e)",
			Help: "Prénom et nom de la personne qui signera la convention ou la charte.",
			Kind: KindText, Placeholder: "Claire Rivoire"},
		{ID: "authority.executive_title", Section: SecAuthority, Title: "Titre de l'exécutif",
			Help: "Les documents écrivent « le Maire », « le Président » ou « la Présidente ».",
			Kind: KindChoice, Options: optionsOf(ExecutiveTitles)},
		{ID: "authority.services", Section: SecAuthority, Title: "Compétences ouvrant un mécanisme « 1 % » (facultatif)",
			Help: "Cochez les services que la collectivité exerce et qui ont leur propre budget : eau, assainissement, énergie, déchets, mobilité. Chacun permet de consacrer jusqu'à 1 % de ses ressources à l'action extérieure dans son domaine.",
			Kind: KindMulti, Options: optionsOf(ServiceKinds)},
	}
	for _, k := range ServiceKinds.Choices {
		qs = append(qs, serviceQuestion(k.Code))
	}
	qs = append(qs,
		Question{ID: "partner.name", Section: SecPartner, Title: "Nom du partenaire",
			Help: "Le nom officiel de la collectivité partenaire (ou du FACECO pour un don humanitaire).",
			Kind: KindText, Placeholder: "Gemeinde Lindenbach"},
		Question{ID: "partner.country", Section: SecPartner, Title: "Pays du partenaire",
			Help: "Tapez quelques lettres pour filtrer (« senegal » trouve « Sénégal »). APD : pays éligible à l'aide publique au développement ; PMA : pays moins avancé.",
			Kind: KindChoice, Options: countryOptions(), Searchable: true},
		Question{ID: "partner.kind", Section: SecPartner, Title: "Type de partenaire",
			Help: "Une convention de coopération décentralisée se conclut avec une autorité locale étrangère ; jamais avec un État (CGCT L. 1115-5).",
			Kind: KindChoice, Options: optionsOf(PartnerKinds)},
		Question{ID: "partner.representative", Section: SecPartner, Title: "Représentant du partenaire",
			Help: "Nom et qualité de la personne qui signera pour le partenaire, par exemple « Thomas Keller, Bürgermeister ».",
			Kind: KindText, Applies: notFACECO, Placeholder: "Thomas Keller, Bürgermeister"},
		Question{ID: "partner.languages", Section: SecPartner, Title: "Langues de travail (séparées par des virgules)",
			Help: "Les langues de la relation ; la convention dit en quelles langues ses exemplaires font foi.",
			Kind: KindList, Applies: notFACECO, Placeholder: "allemand, français"},
		Question{ID: "partner.history", Section: SecPartner, Title: "Historique de la relation (facultatif)",
			Help: "Comment la relation est née : rencontres, échanges déjà menés. Il nourrit le préambule et les considérants.",
			Kind: KindLongText, Applies: notFACECO},
		Question{ID: "partner.recognised_confirmed", Section: SecPartner,
			Title: "Confirmez-vous que le partenaire relève d'un État reconnu par la France et n'est visé par aucune sanction ?",
			Help:  "Le Conseil d'État a annulé en 2024 un jumelage avec une entité non reconnue par la France (CE, 13 mai 2024, n° 474652). Le programme ne peut pas le vérifier hors ligne : c'est à vous de le confirmer.",
			Kind:  KindConfirm, Applies: notFACECO},
		Question{ID: "domain.category", Section: SecDomain, Title: "Catégorie juridique de l'action",
			Help: "L'article L. 1115-1 du CGCT distingue coopération, aide au développement et aide humanitaire.",
			Kind: KindChoice, Options: optionsOf(Categories)},
		Question{ID: "domain.sectors", Section: SecDomain, Title: "Secteurs de l'action (un ou plusieurs)",
			Help: "Les domaines concernés. Le 1 % eau, déchets, énergie ou mobilité ne finance que des actions de son domaine.",
			Kind: KindMulti, Options: optionsOf(Sectors)},
		Question{ID: "domain.objectives", Section: SecDomain, Title: "Objectifs du projet",
			Help: "En deux ou trois phrases : ce que le projet veut changer. Une convention doit en indiquer l'objet (CGCT L. 1115-1).",
			Kind: KindLongText},
		Question{ID: "domain.sdgs", Section: SecDomain, Title: "Objectifs de développement durable (ODD) visés",
			Help: "L'article L. 1115-1 invite à prendre en compte l'Agenda 2030 des Nations unies : cochez les ODD auxquels le projet contribue.",
			Kind: KindMulti, Options: sdgOptions()},
		Question{ID: "form", Section: SecForm, Title: "Forme de l'action",
			Help: "La forme décide des documents : charte de jumelage, charte d'amitié, convention, ou délibération seule pour un don.",
			Kind: KindChoice, Options: optionsOf(Forms)},
		Question{ID: "implementation.mode", Section: SecImplementation, Title: "Mode de mise en œuvre",
			Help: "Quel que soit le mode, la collectivité reste maître d'ouvrage de son action.",
			Kind: KindChoice, Options: optionsOf(Modes)},
		Question{ID: "implementation.operator", Section: SecImplementation, Title: "Opérateur à qui la mise en œuvre est confiée",
			Help: "Association, comité de jumelage, ONG, réseau régional, Expertise France…",
			Kind: KindText, Placeholder: "Comité de jumelage de Belmont-sur-Guiers",
			Applies: func(p *Plan) bool { return p.Implementation.Mode == ModeDelegation }},
		Question{ID: "implementation.pooled_with", Section: SecImplementation, Title: "Collectivités associées (séparées par des virgules)",
			Help: "Les collectivités françaises avec qui l'action est menée.",
			Kind: KindList, Placeholder: "Commune de Miribel, Commune des Échelles",
			Applies: func(p *Plan) bool { return p.Implementation.Mode == ModeMutualisation }},
		Question{ID: "schedule.start", Section: SecActions, Title: "Date de début",
			Help: "Date prévue du début des actions, par exemple 01/03/2027.",
			Kind: KindDate, Placeholder: "01/03/2027"},
		Question{ID: "schedule.duration_months", Section: SecActions, Title: "Durée (en mois)",
			Help: "12 pour une action annuelle, 36 pour une convention pluriannuelle de trois ans.",
			Kind: KindInt, Placeholder: "36"},
		Question{ID: "session.date", Section: SecSession, Title: "Date de la séance du conseil",
			Help: "Peut rester vide : le projet de délibération montrera une date à compléter.",
			Kind: KindDate, Placeholder: "20/01/2027"},
		Question{ID: "session.convocation_date", Section: SecSession, Title: "Date de convocation",
			Help: "Date d'envoi de la convocation des membres du conseil.",
			Kind: KindDate, Placeholder: "13/01/2027"},
		Question{ID: "session.members_in_office", Section: SecSession, Title: "Nombre de membres en exercice",
			Help: "Le nombre de sièges pourvus du conseil à la date de la séance ; il figure en tête de la délibération.",
			Kind: KindInt, Placeholder: "19"},
		Question{ID: "session.present", Section: SecSession, Title: "Nombre de membres présents",
			Help: "Les membres présents au moment du vote de cette délibération ; peut rester vide avant la séance.",
			Kind: KindInt, Placeholder: "16"},
		Question{ID: "session.represented", Section: SecSession, Title: "Nombre de membres représentés (pouvoirs)",
			Help: "0 s'il n'y a aucun pouvoir.", Kind: KindInt, Placeholder: "2"},
		Question{ID: "session.secretary", Section: SecSession, Title: "Secrétaire de séance",
			Help: "Il ou elle signe la délibération avec l'exécutif.", Kind: KindText},
		Question{ID: "session.votes_for", Section: SecSession, Title: "Voix pour (facultatif)",
			Help: "Laissez vide avant la séance : le projet montrera des lignes à remplir.", Kind: KindInt},
		Question{ID: "session.votes_against", Section: SecSession, Title: "Voix contre (facultatif)",
			Help: "Laissez vide avant la séance ; 0 s'il n'y a eu aucune voix contre.", Kind: KindInt},
		Question{ID: "session.abstentions", Section: SecSession, Title: "Abstentions (facultatif)",
			Help: "Laissez vide avant la séance ; les abstentions ne comptent pas parmi les suffrages exprimés.", Kind: KindInt},
		Question{ID: "session.budget_imputation", Section: SecSession, Title: "Imputation budgétaire (facultatif)",
			Help: "Par défaut : chapitre 65, compte à confirmer avec le comptable public (6574x pour un organisme privé, 6573x pour un organisme public).",
			Kind: KindText, Placeholder: "chapitre 65, compte à confirmer"},
	)
	for i := range qs {
		bind(&qs[i])
	}
	return qs
}

// bind fills Get and Set of the plan-level questions from their ID.
func bind(q *Question) {
	if q.Get != nil {
		return
	}
	switch q.ID {
	case "title":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Title })
	case "authority.type":
		q.Get, q.Set = choice(AuthorityTypes, func(p *Plan) *AuthorityType { return &p.Authority.Type })
	case "authority.name":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Authority.Name })
	case "authority.departement":
		q.Get, q.Set = lookup(func(p *Plan) *string { return &p.Authority.Departement },
			func(s string) (string, bool) { d, ok := LookupDepartement(s); return d.Code, ok },
			"département « %s » inconnu : attendu un code de 01 à 95 (2A, 2B pour la Corse) ou de 971 à 976")
	case "authority.population":
		q.Get, q.Set = integer(func(p *Plan) *int { return &p.Authority.Population }, 0, 100_000_000, "un nombre d'habitants")
	case "authority.executive_name":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Authority.ExecutiveName })
	case "authority.executive_title":
		q.Get, q.Set = choice(ExecutiveTitles, func(p *Plan) *ExecutiveTitle { return &p.Authority.ExecutiveTitle })
	case "authority.services":
		q.Get = func(p *Plan) string {
			var ks []string
			for _, s := range p.Authority.Services {
				ks = append(ks, string(s.Kind))
			}
			return strings.Join(ks, ",")
		}
		q.Set = func(p *Plan, s string) error {
			var kept []Service
			for _, v := range splitList(s) {
				k := ServiceKind(v)
				if _, ok := ServiceKinds.Lookup(k); !ok {
					return Errorf("choix « %s » inconnu pour %s", v, ServiceKinds.Name)
				}
				svc, held := p.Authority.HasService(k)
				if !held {
					svc = Service{Kind: k}
				}
				if !slices.ContainsFunc(kept, func(x Service) bool { return x.Kind == k }) {
					kept = append(kept, svc)
				}
			}
			p.Authority.Services = kept
			return nil
		}
	case "partner.name":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Partner.Name })
	case "partner.country":
		q.Get, q.Set = lookup(func(p *Plan) *string { return &p.Partner.Country },
			func(s string) (string, bool) { c, ok := LookupCountry(s); return c.Code, ok },
			"pays « %s » inconnu : choisissez-le dans la liste")
	case "partner.kind":
		q.Get, q.Set = choice(PartnerKinds, func(p *Plan) *PartnerKind { return &p.Partner.Kind })
	case "partner.representative":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Partner.Representative })
	case "partner.languages":
		q.Get, q.Set = list(func(p *Plan) *[]string { return &p.Partner.Languages })
	case "partner.history":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Partner.History })
	case "partner.recognised_confirmed":
		q.Get = func(p *Plan) string { return YesNo(p.Partner.RecognisedConfirmed) }
		q.Set = func(p *Plan, s string) error {
			b, err := ParseYesNo(s)
			if err == nil {
				p.Partner.RecognisedConfirmed = b
			}
			return err
		}
	case "domain.category":
		q.Get, q.Set = choice(Categories, func(p *Plan) *Category { return &p.Domain.Category })
	case "domain.sectors":
		q.Get, q.Set = multi(Sectors, func(p *Plan) *[]Sector { return &p.Domain.Sectors })
	case "domain.objectives":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Domain.Objectives })
	case "domain.sdgs":
		q.Get = func(p *Plan) string {
			parts := make([]string, len(p.Domain.SDGs))
			for i, n := range p.Domain.SDGs {
				parts[i] = strconv.Itoa(n)
			}
			return strings.Join(parts, ",")
		}
		q.Set = func(p *Plan, s string) error {
			var out []int
			for _, v := range splitList(s) {
				n, err := ParseInt(v, 1, 17, "un numéro d'ODD")
				if err != nil {
					return err
				}
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
			p.Domain.SDGs = out
			return nil
		}
	case "form":
		q.Get, q.Set = choice(Forms, func(p *Plan) *Form { return &p.Form })
	case "implementation.mode":
		q.Get, q.Set = choice(Modes, func(p *Plan) *Mode { return &p.Implementation.Mode })
	case "implementation.operator":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Implementation.Operator })
	case "implementation.pooled_with":
		q.Get, q.Set = list(func(p *Plan) *[]string { return &p.Implementation.PooledWith })
	case "schedule.start":
		q.Get, q.Set = date(func(p *Plan) *Date { return &p.Schedule.Start })
	case "schedule.duration_months":
		q.Get, q.Set = integer(func(p *Plan) *int { return &p.Schedule.DurationMonths }, 0, 600, "une durée en mois")
	case "session.date":
		q.Get, q.Set = date(func(p *Plan) *Date { return &p.Session.Date })
	case "session.convocation_date":
		q.Get, q.Set = date(func(p *Plan) *Date { return &p.Session.ConvocationDate })
	case "session.members_in_office":
		q.Get, q.Set = integer(func(p *Plan) *int { return &p.Session.MembersInOffice }, 0, 1000, "un nombre de membres")
	case "session.present":
		q.Get, q.Set = integer(func(p *Plan) *int { return &p.Session.Present }, 0, 1000, "un nombre de membres")
	case "session.represented":
		q.Get, q.Set = optional(func(p *Plan) **int { return &p.Session.Represented }, "un nombre de membres")
	case "session.secretary":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Session.Secretary })
	case "session.votes_for":
		q.Get, q.Set = optional(func(p *Plan) **int { return &p.Session.VotesFor }, "un nombre de voix")
	case "session.votes_against":
		q.Get, q.Set = optional(func(p *Plan) **int { return &p.Session.VotesAgainst }, "un nombre de voix")
	case "session.abstentions":
		q.Get, q.Set = optional(func(p *Plan) **int { return &p.Session.Abstentions }, "un nombre d'abstentions")
	case "session.budget_imputation":
		q.Get, q.Set = text(func(p *Plan) *string { return &p.Session.BudgetImputation })
	default:
		panic("wizard: question without binding: " + q.ID)
	}
}

// ActionQuestions returns the questions of action i (0-based). The action must exist in
// the plan when Get or Set is called.
func ActionQuestions(i int) []Question {
	at := func(p *Plan) *Action { return &p.Actions[i] }
	id := func(f string) string { return fmt.Sprintf("actions[%d].%s", i, f) }
	n := strconv.Itoa(i + 1)
	qs := []Question{
		{ID: id("title"), Section: SecActions, Title: "Action " + n + " : intitulé", Kind: KindText,
			Help: "Un intitulé court, par exemple « Échange de collégiens ».", Placeholder: "Échange de collégiens"},
		{ID: id("description"), Section: SecActions, Title: "Action " + n + " : description (facultatif)", Kind: KindLongText,
			Help: "Ce qui sera fait, pour qui, où."},
		{ID: id("year"), Section: SecActions, Title: "Action " + n + " : année", Kind: KindYear,
			Help: "L'année où la dépense sera engagée : elle s'inscrit au budget de cet exercice.", Placeholder: "2027"},
		{ID: id("cost"), Section: SecActions, Title: "Action " + n + " : coût (en euros)", Kind: KindAmount,
			Help: "Le coût total de l'action, par exemple 12 500 ou 12 500,50.", Placeholder: "4 500"},
		{ID: id("paid_to.kind"), Section: SecActions, Title: "Action " + n + " : qui reçoit l'argent ?", Kind: KindChoice,
			Help:    "Une subvention de plus de 23 000 € par an à un même organisme privé exige une convention d'objectifs.",
			Options: optionsOf(PayeeKinds)},
		{ID: id("paid_to.name"), Section: SecActions, Title: "Action " + n + " : nom du bénéficiaire", Kind: KindText,
			Help: "Le nom de l'organisme qui reçoit l'argent.",
			Applies: func(p *Plan) bool {
				return i < len(p.Actions) && p.Actions[i].PaidTo.Kind != "" && p.Actions[i].PaidTo.Kind != PayeeDirect
			}},
	}
	qs[0].Get, qs[0].Set = text(func(p *Plan) *string { return &at(p).Title })
	qs[1].Get, qs[1].Set = text(func(p *Plan) *string { return &at(p).Description })
	qs[2].Get, qs[2].Set = integer(func(p *Plan) *int { return &at(p).Year }, 1900, 2200, "une année")
	qs[3].Get, qs[3].Set = amount(func(p *Plan) *Cents { return &at(p).Cost })
	qs[4].Get, qs[4].Set = choice(PayeeKinds, func(p *Plan) *PayeeKind { return &at(p).PaidTo.Kind })
	qs[5].Get, qs[5].Set = text(func(p *Plan) *string { return &at(p).PaidTo.Name })
	return qs
}

// FundingQuestions returns the questions of funding line i (0-based).
func FundingQuestions(i int) []Question {
	at := func(p *Plan) *FundingLine { return &p.Funding[i] }
	id := func(f string) string { return fmt.Sprintf("funding[%d].%s", i, f) }
	n := strconv.Itoa(i + 1)
	qs := []Question{
		{ID: id("source"), Section: SecFunding, Title: "Financement " + n + " : source", Kind: KindChoice,
			Help:    "Budget général, un mécanisme 1 % (si la compétence est exercée), appel à projets du MEAE, AFD, Union européenne, autre collectivité, partenaire privé, valorisation.",
			Options: optionsOf(Sources)},
		{ID: id("amount"), Section: SecFunding, Title: "Financement " + n + " : montant (en euros)", Kind: KindAmount,
			Help: "Le plan est équilibré quand le total des sources égale le total des dépenses.", Placeholder: "4 500"},
		{ID: id("year"), Section: SecFunding, Title: "Financement " + n + " : année", Kind: KindYear,
			Help: "Le plafond d'un 1 % se calcule année par année.", Placeholder: "2027"},
		{ID: id("label"), Section: SecFunding, Title: "Financement " + n + " : précision (facultatif)", Kind: KindText,
			Help: "Quel appel, quel partenaire : par exemple « Appel à projets généraliste »."},
	}
	qs[0].Get, qs[0].Set = choice(Sources, func(p *Plan) *Source { return &at(p).Source })
	qs[1].Get, qs[1].Set = amount(func(p *Plan) *Cents { return &at(p).Amount })
	qs[2].Get, qs[2].Set = integer(func(p *Plan) *int { return &at(p).Year }, 1900, 2200, "une année")
	qs[3].Get, qs[3].Set = text(func(p *Plan) *string { return &at(p).Label })
	return qs
}

// SectionQuestions returns the plan-level questions of one section, in order.
func SectionQuestions(s Section) []Question {
	var out []Question
	for _, q := range allQuestions() {
		if q.Section == s {
			out = append(out, q)
		}
	}
	return out
}
