package document

import (
	"aect/wizard"
)

// buildObjectives drafts the convention d'objectifs that a grant of more than 23 000 € a
// year to a private body requires (loi n° 2000-321 du 12 avril 2000, art. 10; décret
// n° 2001-495): one convention for each body concerned, with its object, the amount by
// year, the payment, the conditions of use, the compte rendu financier within six months
// of the end of each exercice, the return of unused sums, the contrat d'engagement
// républicain (art. 10-1), the duration, the termination and the disputes (DOMAIN §11).
func buildObjectives(f *facts) *Doc {
	p := f.p
	b := newBuilder(ConventionObjectifs, docTitle(ConventionObjectifs, p))
	f.blockingNote(b)
	for i, g := range f.grantsByBody() {
		if !g.objectives {
			continue
		}
		if i > 0 {
			b.article = 0 // each convention numbers its own articles
		}
		f.objectivesConvention(b, g)
	}
	return b.doc
}

// objectivesConvention adds the convention d'objectifs with one body.
func (f *facts) objectivesConvention(b *builder, g bodyGrants) {
	p := f.p
	b.lines(cat(emph("Annexe à la délibération "+no), f.actNumber(Emphasis), emph(" "+f.councilOf()+" du "), date(p.Session.Date, whatSessionDate)))
	b.title(cat("CONVENTION D'OBJECTIFS"))
	b.center(cat("entre"), cat(f.authHeader()), cat("et"), cat(g.name))

	b.heading(1, "Visas")
	b.para("Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 et L. 2311-7 ;")
	b.para("Vu la loi n° 2000-321 du 12 avril 2000 relative aux droits des citoyens dans leurs relations avec les administrations, notamment ses articles 10 et 10-1 ;")
	b.para("Vu le décret n° 2001-495 du 6 juin 2001 pris pour l'application de l'article 10 de la loi n° 2000-321 du 12 avril 2000 et relatif à la transparence financière des aides octroyées par les personnes publiques ;")
	b.para("Vu le décret n° 2021-1947 du 31 décembre 2021 pris pour l'application de l'article 10-1 de la loi n° 2000-321 du 12 avril 2000 et approuvant le contrat d'engagement républicain des associations et fondations bénéficiant de subventions publiques ;")
	b.para("Vu la délibération ", no, f.actNumber(Plain), " ", f.ofCouncilOfAuthority(), " en date du ",
		date(p.Session.Date, whatSessionDate), " attribuant la subvention et approuvant la présente convention ;")

	b.heading(1, "Entre les parties")
	fr := f.authFeminine()
	b.para(capitalize(f.authDes()), ", dont le siège est situé ", todo(whatSeat), ", ",
		fem(fr, "représentée", "représenté"), " par ", f.execPossessive(), ", ", f.execName(), ", dûment ",
		f.execAuthorised(), " par la délibération susvisée, ci-après « la collectivité »,")
	b.para(emph("d'une part,"))
	b.para(capitalize(cat(titleWithArticle(g.name))), ", ", todo(legalFormOf(g.kind)), ", dont le siège est situé ", todo(whatSeat),
		", représenté(e) par ", todo("nom et qualité de son représentant légal"), ", ci-après « le bénéficiaire »,")
	b.para(emph("d'autre part,"))

	b.heading(1, "Préambule")
	objectives := any(todo(whatObjectives))
	if p.Domain.Objectives != "" {
		objectives = quote(p.Domain.Objectives)
	}
	b.para("Dans le cadre de son action extérieure, menée sur le fondement de l'article L. 1115-1 du code général des collectivités territoriales avec ",
		f.partner(), ", la collectivité poursuit l'objectif suivant : ", objectives,
		". Le projet du bénéficiaire, décrit à l'article 1er, y concourt ; il en a l'initiative et la responsabilité. Les parties sont convenues de ce qui suit.")

	b.articleHeading("Objet")
	b.para("La présente convention a pour objet de définir les conditions dans lesquelles la collectivité apporte son soutien financier au bénéficiaire pour les actions suivantes, conformes à son objet statutaire :")
	var lines []Inline
	for _, i := range f.grantActions(g) {
		a := p.Actions[i]
		lines = append(lines, cat(yearText(a.Year), " – ", orTodo(a.Title, "intitulé de l'action"), " : ", amount(a.Cost)))
	}
	b.bullets(lines...)

	b.articleHeading("Montant de la subvention")
	b.para("La collectivité attribue au bénéficiaire une subvention de ", strong(amount(g.total)), byYear(g.years),
		". Imputation : ", accountOf(g.kind, ""), " ", withAccountant(),
		". Pour chaque exercice, le versement est subordonné à l'inscription des crédits au budget de la collectivité.")

	b.articleHeading("Modalités de versement")
	b.para("La subvention est versée ", todo("échéancier : par exemple une avance de 50 % à la signature de la présente convention, le solde sur présentation du compte rendu de l'action"),
		" sur le compte du bénéficiaire ", todo("titulaire, banque, IBAN"), ", une fois la délibération susvisée publiée et transmise au représentant de l'État.")

	b.articleHeading("Conditions d'utilisation")
	b.para("Le bénéficiaire s'engage à employer la subvention exclusivement à la réalisation des actions prévues à l'article 1er. Il ne peut en reverser tout ou partie à un autre organisme sans l'accord écrit de la collectivité. Il informe sans délai la collectivité de toute modification de ces actions, de leur calendrier ou de leur financement, et de tout changement dans ses statuts ou ses dirigeants.")

	b.articleHeading("Compte rendu financier")
	b.para("Le bénéficiaire produit, dans les six mois suivant la fin de chaque exercice pour lequel la subvention a été attribuée, un compte rendu financier attestant de la conformité des dépenses effectuées à l'objet de la subvention, conformément à l'article 10 de la loi n° 2000-321 du 12 avril 2000. Il transmet chaque année à la collectivité ses comptes approuvés et son rapport d'activité.")

	b.articleHeading("Contrôle et reversement")
	b.para("La collectivité peut contrôler sur pièces et sur place l'emploi de la subvention. En cas d'inexécution, de retard important ou de modification des actions sans son accord, ou d'un emploi non conforme à l'objet de la présente convention, elle peut exiger le reversement de tout ou partie des sommes versées. Les sommes non employées à la fin de la convention lui sont restituées.")

	b.articleHeading("Contrat d'engagement républicain")
	b.para("Le bénéficiaire, association ou fondation, a souscrit le contrat d'engagement républicain prévu à l'article 10-1 de la loi n° 2000-321 du 12 avril 2000 (décret n° 2021-1947 du 31 décembre 2021) et s'engage à le respecter. Tout manquement entraîne le retrait de la subvention et le reversement des sommes versées, dans les conditions de cet article.")

	b.articleHeading("Durée")
	b.para("La présente convention prend effet à sa signature par les deux parties et s'achève lorsque le bénéficiaire a produit le compte rendu financier du dernier exercice pour lequel la subvention a été attribuée.")

	b.articleHeading("Résiliation")
	b.para("En cas de non-respect par l'une des parties de ses engagements, la présente convention peut être résiliée par l'autre partie à l'expiration d'un délai de ",
		todo("délai, par exemple un mois"), " suivant l'envoi d'une mise en demeure restée sans effet, par lettre recommandée avec demande d'avis de réception.")

	b.articleHeading("Règlement des différends")
	court := any(todo("tribunal administratif compétent"))
	if c, ok := wizard.AdministrativeCourt(p.Authority.Departement); ok {
		court = c
	}
	b.para("Les parties s'efforcent de régler à l'amiable tout différend relatif à l'interprétation ou à l'exécution de la présente convention. À défaut, le litige est porté devant ", court, ".")

	b.para("Fait à ", todo(whatPlace), ", le ", todo(whatDate), ", en deux exemplaires originaux.")
	b.signatures(
		Signature{Heading: []Inline{cat("Pour ", f.authDes(), ","), f.execHeading()}, Name: cat(f.execName())},
		Signature{Heading: []Inline{cat("Pour ", titleWithArticle(g.name), ","), cat(todo("qualité du représentant"), ",")},
			Name: cat(todo("nom du représentant"))},
	)
}

// grantActions are the actions that pay a body, over the years.
func (f *facts) grantActions(g bodyGrants) []int {
	var out []int
	for _, gr := range f.p.Grants() {
		if wizard.Fold(gr.Name) == wizard.Fold(g.name) {
			out = append(out, gr.Actions...)
		}
	}
	return out
}

// legalFormOf is the placeholder of a beneficiary's legal form.
func legalFormOf(k wizard.PayeeKind) string {
	switch k {
	case wizard.PayeeComite:
		return "forme juridique (association régie par la loi du 1er juillet 1901, le plus souvent) et numéro RNA"
	case wizard.PayeeONG:
		return "forme juridique (association, fondation…) et numéro RNA ou SIRET"
	}
	return "forme juridique et numéro RNA ou SIRET"
}
