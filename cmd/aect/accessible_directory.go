package main

import (
	"fmt"
	"strconv"
	"strings"

	"aect/wizard"
	"aect/wizard/directory"
	"aect/wizard/safetext"
)

// accessibleMatches is the most matches of the directory read out: more, and the user
// is asked to say more (a postcode, the département).
const accessibleMatches = 12

// askDirectory asks « Votre collectivité » line by line: the text typed is searched in
// the directory, the matches are read numbered, the choice is repeated in words and
// fills the answers the directory gives; Entrée alone or « 0 » passes the question
// (the authority is then typed at the questions that follow).
func (a *accessible) askDirectory(q wizard.Question) error {
	p := a.draft.Plan
	cur := q.Get(p)
	if a.onlyMissing && cur != "" {
		return nil
	}
	u, err := a.env.directory()
	if err != nil {
		a.say(err)
		return nil
	}
	d := u.dir
	fmt.Fprintf(a.out, "\n%s\n", q.Title)
	if cur != "" {
		fmt.Fprintf(a.out, "Réponse actuelle : %s. Entrée pour la garder.\n", a.directoryAnswer(d))
	}
	fmt.Fprintf(a.out, "Annuaire des collectivités %s : communes et EPCI. Syndicats mixtes, départements, régions : Entrée, puis saisissez-les aux questions suivantes.\n", u.label())
	for {
		ans, err := a.line("Nom, code postal, code INSEE ou SIREN (Entrée : passer) : ")
		if err != nil {
			return err
		}
		switch {
		case ans == "":
			return nil
		case ans == "?":
			fmt.Fprintln(a.out, q.Help)
			continue
		case wizard.Fold(ans) == "effacer":
			if err := q.Set(p, ""); err != nil {
				a.say(err)
				continue
			}
			return a.save()
		}
		text := printable(ans)
		results, total := d.Search(text, accessibleMatches)
		switch {
		case total == 0:
			fmt.Fprintf(a.out, "Aucune commune ni aucun EPCI ne correspond à « %s » : essayez une autre partie du nom, le code postal, ou Entrée pour passer.\n", clip(text, quotedWidth))
			continue
		case total > accessibleMatches:
			fmt.Fprintf(a.out, "%d résultats pour « %s » : précisez (le département, le code postal). Les %d premiers :\n", total, clip(text, quotedWidth), len(results))
		default:
			fmt.Fprintf(a.out, "%s :\n", wizard.CountOf(total, "résultat", "résultats"))
		}
		for i, r := range results {
			fmt.Fprintf(a.out, "  %d. %s\n", i+1, accessibleLabel(d, r))
		}
		r, ok, err := a.pickResult(results)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		fmt.Fprintf(a.out, "Choisi : %s.\n", accessibleLabel(d, r))
		wizard.ApplyDirectory(p, r)
		fmt.Fprintf(a.out, "Rempli d'après l'annuaire : %s. Chaque réponse reste modifiable à sa question.\n", filledWords(d, p, r))
		if r.Commune != nil {
			if e, ok := d.EPCIOf(r.Commune); ok {
				fmt.Fprintf(a.out, "EPCI de la commune : %s (SIREN %s), à nommer pour une mise en œuvre en mutualisation.\n", e.Name, e.SIREN)
			}
		}
		return a.save()
	}
}

// pickResult reads the number of a match; false when the user wants to search again
// (« 0 », or Entrée).
func (a *accessible) pickResult(results []directory.Result) (directory.Result, bool, error) {
	if len(results) == 1 {
		ok, err := a.yes("Est-ce votre collectivité ?")
		if err != nil || !ok {
			return directory.Result{}, false, err
		}
		return results[0], true, nil
	}
	for {
		sel, err := a.line(fmt.Sprintf("Votre choix (numéro de 1 à %d ; 0 ou Entrée pour chercher autre chose) : ", len(results)))
		if err != nil {
			return directory.Result{}, false, err
		}
		if sel == "" || sel == "0" {
			return directory.Result{}, false, nil
		}
		if n, err := strconv.Atoi(sel); err == nil && n >= 1 && n <= len(results) {
			return results[n-1], true, nil
		}
		fmt.Fprintf(a.out, "Tapez un numéro entre 1 et %d, ou 0.\n", len(results))
	}
}

// accessibleLabel reads a match in words: « Saint-Cyprien (24), commune de Dordogne,
// 1 566 habitants, code INSEE 24396 ».
func accessibleLabel(d *directory.Directory, r directory.Result) string {
	if c := r.Commune; c != nil {
		s := fmt.Sprintf("%s (%s), commune", c.Name, c.Departement)
		if dep, ok := d.Departement(c.Departement); ok {
			s += ", " + dep.Name
		}
		if c.PopulationMunicipale != directory.PopulationUnknown {
			s += ", " + groupDigits(c.PopulationMunicipale) + " habitants"
		}
		return safetext.Line(s + ", code INSEE " + c.INSEE)
	}
	e := r.EPCI
	s := fmt.Sprintf("%s (%s), %s", e.Name, strings.Join(e.Departements, ", "), e.TypeLabel())
	if e.PopulationMunicipale != directory.PopulationUnknown {
		s += ", " + groupDigits(e.PopulationMunicipale) + " habitants"
	}
	return safetext.Line(s + ", SIREN " + e.SIREN)
}

// filledWords lists the answers filled: « type : Commune ; nom : Saint-Cyprien ; … ».
func filledWords(d *directory.Directory, p *wizard.Plan, r directory.Result) string {
	a := &p.Authority
	parts := []string{"type : " + wizard.AuthorityTypes.Label(a.Type), "nom : " + a.Name}
	if dep, ok := wizard.LookupDepartement(a.Departement); ok {
		parts = append(parts, "département : "+dep.Code+" – "+dep.Name)
	} else {
		parts = append(parts, "département : à indiquer")
	}
	if a.SIREN != "" {
		parts = append(parts, "SIREN : "+a.SIREN)
	}
	if a.Population > 0 {
		parts = append(parts, fmt.Sprintf("population municipale %d : %s", d.Millesime(), groupDigits(a.Population)))
	}
	return safetext.Line(strings.Join(parts, " ; "))
}

// directoryAnswer is the current answer of « Votre collectivité » in words.
func (a *accessible) directoryAnswer(d *directory.Directory) string {
	if r, ok := wizard.DirectoryEntry(a.draft.Plan, d); ok {
		return accessibleLabel(d, r)
	}
	au := &a.draft.Plan.Authority
	if au.INSEE != "" {
		return "code INSEE " + au.INSEE + ", absent de l'annuaire"
	}
	return "SIREN " + au.SIREN + ", absent de l'annuaire"
}

// directoryNote says, under the population, the directory's two population figures.
func (a *accessible) directoryNote(q wizard.Question) {
	switch wizard.FieldID(q.ID) {
	case wizard.FieldPopulation:
		p := a.draft.Plan
		if !p.Directorial() {
			return
		}
		u, err := a.env.directory()
		if err != nil {
			return
		}
		r, ok := wizard.DirectoryEntry(p, u.dir)
		if !ok {
			return
		}
		mun, tot := wizard.Populations(r)
		fmt.Fprintf(a.out, "D'après l'annuaire : %s. Le délai de convocation lit la population municipale.\n", populations(mun, tot, u.dir.Millesime()))
	}
}

// suggestion is the answer offered for an empty question, and why: the commune's EPCI
// from the directory for the mutualisation, else the domain's offers
// (wizard.Question.Suggestion), as in the assistant.
func (a *accessible) suggestion(q wizard.Question) (value, why string) {
	if q.Get(a.draft.Plan) != "" {
		return "", ""
	}
	if wizard.FieldID(q.ID) == wizard.FieldPooledWith {
		if s := a.pooledSuggestion(); s != "" {
			return s, "Proposé d'après l'annuaire : l'EPCI de la commune."
		}
	}
	return q.Suggestion(a.draft.Plan)
}

// pooledSuggestion is the EPCI of the plan's commune, "" when the directory names none.
func (a *accessible) pooledSuggestion() string {
	p := a.draft.Plan
	if p.Authority.INSEE == "" {
		return ""
	}
	u, err := a.env.directory()
	if err != nil {
		return ""
	}
	r, ok := wizard.DirectoryEntry(p, u.dir)
	if !ok || r.Commune == nil {
		return ""
	}
	if e, ok := u.dir.EPCIOf(r.Commune); ok {
		return wizard.EPCIName(e)
	}
	return ""
}
