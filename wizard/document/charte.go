package document

import "aect/wizard"

// buildCharteJumelage drafts the charte (serment) de jumelage: short and solemn, without
// amounts, signed by both executives in a ceremony held in each commune in turn (method
// of the AFCCRE).
func buildCharteJumelage(f *facts) *Doc {
	p := f.p
	b := newBuilder(CharteJumelage, docTitle(CharteJumelage, p))
	f.blockingNote(b)

	b.lines(cat(emph("Annexe à la délibération "+no), f.actNumber(Emphasis), emph(" "+f.councilOf()+" du "), date(p.Session.Date, whatSessionDate)))
	b.title(cat("CHARTE DE JUMELAGE"))
	b.center(cat("entre"), cat(f.authHeader(), " (France)"), cat("et"), f.partnerTitle())

	b.para("Nous, ", f.execName(), ", ", f.execTitle(), " ", f.authDesOf(), ", et ", f.partnerRepInSentence(), ", au nom ", f.partnerOf(), ",")
	if p.Partner.History != "" {
		b.para("Conscients des liens d'amitié qui unissent déjà nos deux collectivités : ", quote(p.Partner.History), " ;")
	}
	b.para("Convaincus que le rapprochement des peuples et la compréhension mutuelle sont des conditions de la paix et de la solidarité entre les nations ;")
	b.para("Certains de répondre aux aspirations de nos populations ;")
	b.para(strong("Prenons en ce jour l'engagement solennel :"))
	items := []Inline{
		cat("de maintenir des liens permanents entre nos deux collectivités et leurs habitants ;"),
		cat("de favoriser les échanges entre nos populations, en particulier dans ", f.sectors(), " ;"),
		cat("d'encourager les échanges de citoyens, de jeunes, d'écoles et d'associations, afin que chacun puisse connaître et comprendre la vie de l'autre commune ;"),
	}
	if op := p.Implementation.Operator; p.Implementation.Mode == wizard.ModeDelegation && op != "" {
		items = append(items, cat("de faire vivre ce jumelage avec le concours ", deName(op), " ;"))
	}
	goal := "de conjuguer nos efforts au service de la paix, de l'amitié entre nos peuples et d'un avenir commun."
	if f.hasCtry && f.country.InEU() {
		goal = "de conjuguer nos efforts au service de la paix, de l'amitié entre nos peuples et de la construction européenne."
	}
	items = append(items, cat(goal))
	b.bullets(items...)

	langs, n := f.languages()
	if n > 1 {
		b.para("La présente charte est établie "+langs+", les textes faisant également foi. Elle est signée solennellement lors de deux cérémonies, l'une à ",
			f.frenchPlace(), ", l'autre à ", todo("lieu de la cérémonie chez le partenaire"), ".")
	} else {
		b.para("La présente charte est établie "+langs+". Elle est signée solennellement lors de deux cérémonies, l'une à ",
			f.frenchPlace(), ", l'autre à ", todo("lieu de la cérémonie chez le partenaire"), ".")
	}
	b.lines(
		cat(strong("Première cérémonie : "), "fait à ", f.frenchPlace(), ", le ", todo("date de la première cérémonie")),
		cat(strong("Seconde cérémonie : "), "fait à ", todo("lieu de la cérémonie chez le partenaire"), ", le ", todo("date de la seconde cérémonie")),
	)
	f.charteSignatures(b)
	return b.doc
}

// buildCharteAmitie drafts the charte d'amitié: a declaration of intent without binding
// or financial commitment.
func buildCharteAmitie(f *facts) *Doc {
	p := f.p
	b := newBuilder(CharteAmitie, docTitle(CharteAmitie, p))
	f.blockingNote(b)

	b.lines(cat(emph("Annexe à la délibération "+no), f.actNumber(Emphasis), emph(" "+f.councilOf()+" du "), date(p.Session.Date, whatSessionDate)))
	b.title(cat("CHARTE D'AMITIÉ"))
	b.center(cat("entre"), cat(f.authHeader(), " (France)"), cat("et"), f.partnerTitle())

	fr := f.authFeminine()
	b.para(capitalize(f.authDes()), ", ", fem(fr, "représentée", "représenté"), " par ", f.execPossessive(), ", ", f.execName(),
		", et ", f.partner(), ", ", f.partnerRepresented(), " par ", f.partnerRepInSentence(), ", ci-après « les parties »,")
	if p.Partner.History != "" {
		b.para("Conscientes des liens qui les unissent déjà : ", quote(p.Partner.History), " ;")
	}
	b.para("Désireuses de développer entre leurs populations des relations d'amitié, de connaissance mutuelle et de solidarité ;")
	b.para(strong("Déclarent leur volonté commune :"))
	b.bullets(
		cat("de nouer des liens d'amitié durables entre leurs collectivités et leurs habitants ;"),
		cat("de favoriser les échanges, en particulier dans ", f.sectors(), " ;"),
		cat("d'encourager les rencontres de citoyens, de jeunes, d'écoles et d'associations ;"),
		cat("de se tenir mutuellement informées de leurs initiatives et d'examiner ensemble, le cas échéant, les possibilités d'un partenariat plus étroit."),
	)
	b.para("La présente charte exprime une volonté commune ; elle ne crée ni obligation juridique ni engagement financier pour les parties. Tout engagement financier ferait l'objet d'une convention indiquant l'objet des actions envisagées et le montant prévisionnel des engagements financiers, approuvée par délibération.")
	langs, _ := f.languages()
	b.para("Fait à ", todo(whatPlace), ", le ", todo(whatDate), ", "+langs+", en ", todo("nombre"), " exemplaires originaux.")
	f.charteSignatures(b)
	return b.doc
}

// charteSignatures are the two executives' signature blocks.
func (f *facts) charteSignatures(b *builder) {
	b.signatures(
		Signature{Heading: []Inline{cat("Pour ", f.authDes(), ","), f.execHeading()}, Name: cat(f.execName())},
		Signature{Heading: []Inline{cat("Pour ", f.partnerSignatory(), ",")}, Name: cat(f.partnerRep())},
	)
}
