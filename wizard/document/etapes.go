package document

import (
	"fmt"
	"strings"
	"time"

	"aect/wizard"
	"aect/wizard/document/render"
)

// buildNextSteps drafts the "prochaines étapes": a dated checklist (session, transmission
// to the préfet, publication, signature, calls for projects, APD declaration), the
// findings of the rules engine grouped by severity, and the contacts of the authority's
// région and the national ones, with their date.
func buildNextSteps(f *facts) *render.Doc {
	p := f.p
	b := newBuilder(NextSteps, docTitle(NextSteps, p))
	b.title(cat("PROCHAINES ÉTAPES"))
	var head []render.Inline
	if t := p.DisplayTitle(); t != "" {
		head = append(head, cat(strong(t)))
	}
	head = append(head, cat(f.authHeader(), " – ", f.partnerTitle()))
	if k, ok := wizard.Forms.Lookup(p.Form); ok {
		head = append(head, cat(emph(k.Label)))
	}
	b.center(head...)
	if !f.opt.Today.IsZero() {
		b.para(emph("Liste établie le " + wizard.FormatDate(f.opt.Today) + ". Les dates sont calculées à partir de la date de la séance ; les règles des appels à projets changent chaque année : vérifiez-les."))
	}

	b.heading(1, "Calendrier et démarches")
	b.list(render.Checklist, f.steps()...)

	b.heading(1, "Points relevés par la vérification")
	f.findingsSection(b)

	b.heading(1, "Contacts du mémento AMF, "+wizard.ContactsAsOf)
	b.para(emph(wizard.ContactsCheckNote))
	f.contactsSection(b)
	return b.doc
}

// step is one line of the checklist. Every label reads the same way: a capitalised
// moment ("Avant la séance", "Le jour de la séance", "Après la séance", "Après la
// signature", "À chaque budget"…), followed by its date when it is known: "Après la
// séance, dès le 16 décembre 2026".
func step(when any, what ...any) render.Item {
	return render.Item{Text: cat(styled(capitalize(cat(when, " – ")), render.Strong), cat(what...))}
}

// at is a moment of the checklist with its date or period: "Après la séance, dès le 16
// décembre 2026".
func at(moment string, detail ...any) render.Inline {
	if len(detail) == 0 {
		return cat(moment)
	}
	return cat(moment, ", ", cat(detail...))
}

// steps lists the dated steps, in order.
func (f *facts) steps() []render.Item {
	p := f.p
	s := p.Session
	var items []render.Item
	after := func(days int) render.Inline {
		if s.Date.IsZero() {
			return at("Après la séance")
		}
		return at("Après la séance", "dès le "+wizard.FormatDate(s.Date.AddDays(days)))
	}

	if p.Partner.Kind != wizard.PartnerFACECO {
		ref := "(Conseil d'État, 13 mai 2024, " + no + "474652 ; régimes de sanctions de la France)"
		if p.Partner.RecognisedConfirmed {
			items = append(items, render.Item{Done: true, Text: cat(strong("Avant la séance – "),
				"Confirmé : le partenaire relève d'un État reconnu par la France et n'est pas visé par des sanctions ", emph(ref), ".")})
		} else {
			items = append(items, step("Avant la séance",
				"Confirmer que le partenaire relève d'un État reconnu par la France et qu'il n'est pas visé par des sanctions ", emph(ref), "."))
		}
	}
	items = append(items, step("Avant la séance",
		"Faire relire les projets de documents par un juriste, compléter les mentions « [à compléter] » et vérifier les mentions « [à confirmer] », dont l'imputation budgétaire, avec le comptable public."))
	name, hasText := f.mainTextName()
	joined := "le projet de délibération"
	if hasText {
		joined = "le projet de délibération et le projet de " + strings.SplitN(name, " ", 2)[1] + " : le texte est soumis au conseil avec la délibération, avant toute signature"
	}
	items = append(items, f.convocationStep(joined))
	items = append(items, step(at("Le jour de la séance", "le ", date(s.Date, whatSessionDate)),
		"Séance ", f.councilOf(), " : vote de la délibération ; signature de la délibération par ", f.exec(), " et le secrétaire de séance."))
	transmit := cat("Transmettre la délibération au représentant de l'État (contrôle de légalité)")
	if p.Authority.ActesCompulsory() {
		transmit = cat(transmit, ", par voie électronique (@ctes), obligatoire pour ", f.authShort())
	}
	items = append(items, step(after(1), transmit, "."))
	pub := cat("Publier la délibération sous forme électronique")
	switch small, known := p.Authority.ChoosesPublicationMode(); {
	case !known:
		pub = cat("Publier la délibération ", todo(whatPublication))
	case small:
		pub = cat("Publier la délibération selon le mode choisi par ", f.council(), " (affichage, papier ou électronique ; électronique par défaut)")
	}
	items = append(items, step(after(1), pub, " : elle n'est exécutoire qu'une fois publiée et transmise au représentant de l'État ",
		emph("(CGCT, art. "+p.Authority.PublicationArticle()+")"), "."))
	if t := p.Authority.Type; t != wizard.AuthDepartement && t != wizard.AuthRegion {
		// The list of the délibérations of the séance, not the act itself, is due within
		// a week (CGCT L. 2121-25).
		list := at("Après la séance", "dans la semaine")
		if !s.Date.IsZero() {
			list = at("Après la séance", "au plus tard le "+wizard.FormatDate(s.Date.AddDays(7)))
		}
		items = append(items, step(list, "Afficher la liste des délibérations examinées en séance et la mettre en ligne sur le site internet, s'il existe ",
			emph("(CGCT, art. L. 2121-25)"), "."))
	}
	if it, ok := f.stateAuthorisationStep(); ok {
		items = append(items, it)
	}

	switch k, _ := mainText(p); {
	case p.Form == wizard.FormDon:
		items = append(items, f.giftSteps(after(1))...)
	case k == Convention:
		items = append(items,
			step(after(1), "Signer la convention avec le partenaire, une fois la délibération publiée et transmise au représentant de l'État."),
			step("Après la signature", "Transmettre la convention signée au représentant de l'État : elle entre en vigueur, pour ", f.authShort(),
				", à la date de cette transmission ", emph("(CGCT, art. L. 1115-1)"), "."))
	case k == CharteJumelage:
		items = append(items, step(at("Après la séance", todo("dates des deux cérémonies")),
			"Signer la charte de jumelage lors des deux cérémonies, l'une à ", f.frenchPlace(), ", l'autre chez le partenaire, une fois la délibération publiée et transmise au représentant de l'État."))
	case k == CharteAmitie:
		items = append(items, step(after(1), "Signer la charte d'amitié avec le partenaire, une fois la délibération publiée et transmise au représentant de l'État."))
		if p.Commits() {
			items = append(items, step("Avant tout engagement de dépense",
				"Préparer avec une autorité locale étrangère la convention qui précise l'objet des actions envisagées et le montant prévisionnel des engagements financiers (", amount(p.TotalCost()),
				"), et la soumettre au conseil par une nouvelle délibération ", emph("(CGCT, art. L. 1115-1)"), " : la charte d'amitié n'engage aucune dépense."))
		}
	}
	if p.Form == wizard.FormJumelage && p.Implementation.Mode == wizard.ModeDelegation && p.Commits() {
		items = append(items, step("Avant le premier versement",
			"Signer avec ", f.operatorRef(), " la convention qui précise le rôle de chacun et l'emploi des subventions, une fois la délibération publiée et transmise au représentant de l'État."))
	}
	items = append(items, f.grantSteps(after(1))...)
	items = append(items, f.pooledSteps()...)
	items = append(items, f.fundingSteps()...)
	if it, ok := f.apdStep(); ok {
		items = append(items, it)
	}
	if p.Form != wizard.FormDon {
		items = append(items, step("Après la signature",
			"Inscrire le partenariat dans l'Atlas français de la coopération décentralisée de la CNCD et, le cas échéant, déposer une offre ou une demande dans la « Bourse-partenariats »."))
	}
	return items
}

// convocationStep is the convocation of the assembly, at the latest date its delay allows
// (DOMAIN §10), with the texts joined to it.
func (f *facts) convocationStep(joined string) render.Item {
	a, s := f.p.Authority, f.p.Session
	rule, known := a.ConvocationRule(&s)
	when := at("Avant la séance", "le ", date(s.ConvocationDate, whatConvocation))
	var delay render.Inline
	if known {
		delay = cat(" ; délai : ", rule.CouncilDays(rule.Days), " au moins avant la séance pour ", rule.Who, " ", emph("(CGCT, art. "+rule.Article+")"))
		if !rule.Francs {
			delay = cat(" ; les rapports sur chaque affaire sont adressés aux membres ", rule.CouncilDays(rule.Days), " au moins avant la réunion ", emph("(CGCT, art. "+rule.Article+")"))
		}
		if s.ConvocationDate.IsZero() && !s.Date.IsZero() {
			latest := s.Date.AddDays(-rule.Days)
			if rule.Francs {
				latest = s.Date.AddDays(-rule.Days - 1)
			}
			when = at("Avant la séance", "au plus tard le "+wizard.FormatDate(latest))
		}
	}
	return step(when, "Convoquer ", f.council(), delay, " ; joindre ", joined, ".")
}

// stateAuthorisationStep is the prior authorisation that a convention with a State
// needs before its signature (CGCT L. 1115-5).
func (f *facts) stateAuthorisationStep() (render.Item, bool) {
	pa := f.p.Partner
	if pa.Kind != wizard.PartnerEtat || pa.StateException == "" || pa.StateException == wizard.StateNone {
		return render.Item{}, false
	}
	return step("Avant la signature", "Obtenir ", pa.StateException.Authorisation(),
		" : la convention avec un État ne peut être signée avant ", emph("(CGCT, art. L. 1115-5)"), "."), true
}

// grantSteps are the steps of the grants to private bodies: the contrat d'engagement
// républicain of every association or foundation, whatever the amount, and the
// convention d'objectifs above 23 000 € a year (loi 2000-321 art. 10 and 10-1).
func (f *facts) grantSteps(afterTransmission render.Inline) []render.Item {
	var items []render.Item
	for _, g := range f.grantsByBody() {
		switch g.kind {
		case wizard.PayeeAssociation, wizard.PayeeComite:
			items = append(items, step("Avant le versement", "Vérifier que ", titleWithArticle(g.name),
				" a souscrit le contrat d'engagement républicain, exigé de toute association ou fondation qui reçoit une subvention, quel qu'en soit le montant ",
				emph("(loi n° 2000-321 du 12 avril 2000, art. 10-1 ; décret n° 2021-1947 du 31 décembre 2021)"), "."))
		case wizard.PayeeONG:
			items = append(items, step("Avant le versement", "Si ", titleWithArticle(g.name),
				" est une association ou une fondation, vérifier qu'elle a souscrit le contrat d'engagement républicain, exigé quel que soit le montant de la subvention ",
				emph("(loi n° 2000-321 du 12 avril 2000, art. 10-1 ; décret n° 2021-1947 du 31 décembre 2021)"), "."))
		}
		if g.objectives {
			items = append(items, step(afterTransmission, "Signer avec ", titleWithArticle(g.name),
				" la convention d'objectifs annexée à la délibération, une fois la délibération publiée et transmise au représentant de l'État et avant tout versement ; le compte rendu financier est dû dans les six mois suivant la fin de chaque exercice ",
				emph("(loi n° 2000-321 du 12 avril 2000, art. 10)"), "."))
		}
	}
	return items
}

// pooledSteps ask each French authority that co-funds the action (mutualisation) for
// the délibération that approves its share.
func (f *facts) pooledSteps() []render.Item {
	var items []render.Item
	for _, name := range f.coFundingAuthorities() {
		items = append(items, step("Avant la signature", "Obtenir la délibération ", deName(name),
			" approuvant sa participation et autorisant la signature de la convention."))
	}
	return items
}

// giftSteps is the FACECO procedure (or the payment of a direct gift).
func (f *facts) giftSteps(afterTransmission render.Inline) []render.Item {
	p := f.p
	if p.Partner.Kind == wizard.PartnerFACECO {
		return []render.Item{
			step("Avant le versement",
				"Prendre contact avec le Centre de crise et de soutien (CDCS) du ministère de l'Europe et des Affaires étrangères pour connaître les modalités de versement au FACECO et l'opération à laquelle affecter la contribution."),
			step(afterTransmission,
				"Mandater la contribution de ", f.totalOrTodo(), " au profit du FACECO, une fois la délibération publiée et transmise au représentant de l'État. Aucune convention n'est nécessaire : l'aide est mutualisée et employée par les experts humanitaires de l'État."),
			step("Après le versement",
				"Conserver la délibération et le justificatif du versement : la contribution au FACECO entre dans la déclaration annuelle de l'aide publique au développement."),
		}
	}
	pay := step(afterTransmission, "Verser l'aide de ", f.totalOrTodo(), " ", f.partnerTo(),
		", une fois la délibération publiée et transmise au représentant de l'État.")
	if len(p.Grants()) > 0 {
		// The reminder is for a private body only, not a gift to a foreign commune.
		pay = step(afterTransmission, "Verser l'aide de ", f.totalOrTodo(), " ", f.partnerTo(),
			", une fois la délibération publiée et transmise au représentant de l'État ; au-delà de 23 000 € par an à un même organisme privé, signer d'abord avec lui une convention d'objectifs ",
			emph("(loi n° 2000-321 du 12 avril 2000, art. 10)"), ".")
	}
	return []render.Item{pay}
}

// windowYear is the year of the next window of a yearly call that closes at the end of
// month last, from the session date or, failing it, from today; 0 when neither is known.
func (f *facts) windowYear(last time.Month) int {
	ref := f.p.Session.Date
	if ref.IsZero() {
		ref = f.opt.Today
	}
	if ref.IsZero() {
		return 0
	}
	if ref.Month <= last {
		return ref.Year
	}
	return ref.Year + 1
}

// inYearOrTodo is " 2027", or a placeholder for the year.
func inYearOrTodo(y int) any {
	if y == 0 {
		return cat(" ", todo(whatYear))
	}
	return fmt.Sprintf(" %d", y)
}

// fundingSteps are the calls for projects and budget steps that fit the sources chosen.
func (f *facts) fundingSteps() []render.Item {
	p := f.p
	var items []render.Item
	for _, st := range f.sources() {
		src := st.source
		switch src {
		case wizard.SourceMEAE:
			items = append(items, step(cat("De mars à mai", inYearOrTodo(f.windowYear(time.May)), " ("+wizard.MEAERulesNote+")"),
				"Déposer la demande à l'appel à projets de la DCTCIV (ex-DAECT) du ministère de l'Europe et des Affaires étrangères. Pièces : la délibération, la convention signée ou des lettres d'intention, la déclaration de l'aide publique au développement faite. Cofinancement au plus de 70 % du coût total pour un pays parmi les moins avancés (PMA), 50 % pour un autre pays éligible à l'APD, 30 % hors APD ; apport des collectivités françaises d'au moins 10 % ; versement par tranches annuelles, la dernière à 80 % puis 20 % sur rapport final."))
		case wizard.SourceFICOL:
			items = append(items, step(cat("De janvier à septembre", inYearOrTodo(f.windowYear(time.September)), " (à vérifier)"),
				"Déposer le projet à l'appel annuel de la FICOL de l'Agence française de développement : projet porté par la collectivité, dans le champ de ses compétences, dans un pays éligible à l'AFD."))
		case wizard.SourceCERV:
			items = append(items, step("Aux dates de l'appel, à vérifier",
				"Déposer la demande de subvention CERV « Town-Twinning » auprès de la Commission européenne : au moins 50 participants, dont au moins 25 invités de l'étranger, partenaires d'au moins deux pays éligibles dont un de l'Union européenne ; subvention forfaitaire (2024 : 8 455 € à 50 745 €, montants à vérifier)."))
		case wizard.SourceAutreColl, wizard.SourcePrive:
			items = append(items, step("Avant la signature", "Obtenir la confirmation écrite du cofinancement : ", sourceLabel(st), " (", amount(st.total), ")."))
		}
		if m, ok := src.OnePercent(); ok {
			svc, held := p.Authority.HasService(m.Service)
			cap := any(todo("ressources annuelles du budget du service"))
			if held && svc.AnnualResources > 0 {
				cap = amount(svc.AnnualResources/100) + " par exercice (1 % de " + amount(svc.AnnualResources) + ")"
			}
			items = append(items, step("À chaque budget",
				"Inscrire la part financée au titre du "+wizard.Sources.Label(src)+" au budget du service "+servicePhrase(src)+" ; plafond : ", cap,
				" ; cet argent ne finance que des actions dans le domaine du service ", emph("(CGCT, art. "+m.Article+")"), "."))
		}
	}
	if small, _ := p.Authority.ChoosesPublicationMode(); small && p.FundingBySource(wizard.SourceMEAE) <= 0 && p.Form != wizard.FormDon {
		rrma := "le réseau régional multi-acteurs"
		if f.hasDep {
			if rc := wizard.ContactsFor(f.dep.Region); rc.RRMA != nil {
				rrma = rc.RRMA.Name + ", réseau régional multi-acteurs,"
			}
		}
		items = append(items, step("À tout moment",
			"Se renseigner auprès de "+rrma+" sur les programmes « clés en main » cofinancés par le ministère de l'Europe et des Affaires étrangères (au moins trois collectivités réunies par une association ou un GIP), la meilleure porte d'entrée pour une petite commune."))
	}
	return items
}

// apdStep is the APD declaration, when the partner country is eligible and money is spent:
// 15 April – 31 May of the year after the first year of spending, the year the rules
// engine also uses (Plan.FirstSpendingYear).
func (f *facts) apdStep() (render.Item, bool) {
	if !f.hasCtry || !f.country.APD || !f.p.Commits() {
		return render.Item{}, false
	}
	first := f.p.FirstSpendingYear()
	when := cat("du 15 avril au 31 mai ", todo("année suivant le premier versement"))
	spent := cat("de l'année précédente")
	if first != 0 {
		when = cat(fmt.Sprintf("du 15 avril au 31 mai %d", first+1))
		spent = cat(fmt.Sprintf("de %d", first))
	}
	return step(when, "Déclarer les dépenses d'aide publique au développement ", spent,
		" sur la plateforme « Démarches simplifiées », puis chaque année pour les dépenses de l'année précédente ; cette déclaration conditionne tout cofinancement du ministère de l'Europe et des Affaires étrangères ",
		emph("(CGCT, art. L. 1115-6)"), "."), true
}

// findingsSection lists every finding, grouped by severity.
func (f *facts) findingsSection(b *builder) {
	if len(f.findings) == 0 {
		b.para("Aucun point relevé.")
		return
	}
	groups := []struct {
		sev   wizard.Severity
		title string
	}{
		{wizard.Blocking, "Bloquant : à corriger avant le vote"},
		{wizard.Warning, "Attention : à vérifier avant le vote"},
		{wizard.Advice, "Conseil"},
	}
	for _, g := range groups {
		var lines []render.Inline
		for _, fd := range f.findings {
			if fd.Severity == g.sev {
				lines = append(lines, cat(findingLine(fd), " Rubrique : « ", fd.Section.Title(), " »."))
			}
		}
		if len(lines) == 0 {
			continue
		}
		b.heading(2, fmt.Sprintf("%s (%d)", g.title, len(lines)))
		b.bullets(lines...)
	}
}

// contactsSection lists the regional and national contacts.
func (f *facts) contactsSection(b *builder) {
	if f.hasDep {
		rc := wizard.ContactsFor(f.dep.Region)
		b.heading(2, "Région "+f.dep.Region)
		var lines []render.Inline
		if rc.Conseiller != nil {
			lines = append(lines, contactLine("Conseiller diplomatique auprès du préfet de région : ", *rc.Conseiller))
		} else {
			lines = append(lines, cat("Conseiller diplomatique auprès du préfet de région : non nommé dans le mémento ; consultez le site du ministère de l'Europe et des Affaires étrangères."))
		}
		if rc.RRMA != nil {
			lines = append(lines, contactLine("Réseau régional multi-acteurs (RRMA) : ", *rc.RRMA))
		} else {
			lines = append(lines, cat("Réseau régional multi-acteurs : aucun dans le mémento pour cette région."))
		}
		b.bullets(lines...)
	} else {
		b.heading(2, "Région")
		b.bullets(cat("Contacts régionaux : ", todo(whatDepartement), "."))
	}
	b.heading(2, "Contacts nationaux")
	var lines []render.Inline
	for _, c := range wizard.Contacts().National {
		lines = append(lines, contactLine("", c))
	}
	b.bullets(lines...)
}

// contactLine is "prefix Name – email (role)".
func contactLine(prefix string, c wizard.Contact) render.Inline {
	l := cat(prefix, strong(c.Name))
	if c.Seat != "" {
		l = cat(l, " (", c.Seat, ")")
	}
	l = cat(l, " – ", c.Email)
	if c.Role != "" {
		l = cat(l, " : ", strings.ReplaceAll(c.Role, "; ", " ; "))
	}
	return l
}
