package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/safetext"
)

// The accessible mode asks the questions of the assistant one line at a time, for screen
// readers and plain terminals: the same questions (wizard.Questions), in the same order,
// numbered choices, oui/non, French messages, each answer saved as soon as it is given.
// It does not use huh's accessible mode, which only understands English y/n.

// errStop is returned when the user types « fin »: the answers are saved, exit code 0.
var errStop = errors.New("arrêt demandé")

type accessible struct {
	in    *bufio.Scanner
	out   io.Writer
	store *storage.Store
	draft storage.Draft
	// onlyMissing skips the questions already answered, when resuming a draft.
	onlyMissing bool
	// saving is held while an answer is written, so that an interruption (ctrl+c) waits
	// for the write to end.
	saving sync.Mutex
}

const accessibleIntro = `aect — mode accessible.
Chaque question s'affiche sur une ligne ; tapez la réponse puis Entrée.
Entrée seule garde la réponse actuelle. « ? » affiche l'aide de la question,
« effacer » vide la réponse, « fin » arrête : chaque réponse est enregistrée aussitôt.
`

func runAccessible(e *env) error {
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	a := &accessible{in: bufio.NewScanner(e.io.in), out: e.io.out, store: s}
	a.in.Buffer(make([]byte, 64*1024), 1024*1024)
	stop := a.onSignal(e.io.err)
	defer stop()
	fmt.Fprint(a.out, accessibleIntro)
	err = a.session()
	switch {
	case errors.Is(err, errStop) && a.draft.ID == 0:
		fmt.Fprintln(a.out, "Arrêt.")
		return nil
	case errors.Is(err, errStop):
		fmt.Fprintf(a.out, "Arrêt. Vos réponses sont enregistrées dans le brouillon n° %d ; « %s » pour reprendre.\n", a.draft.ID, e.hint("--accessible"))
		return nil
	case errors.Is(err, errAborted) && a.draft.ID != 0:
		fmt.Fprintf(a.out, "\nFin de la saisie. Vos réponses sont enregistrées dans le brouillon n° %d.\n", a.draft.ID)
	}
	return err
}

// onSignal handles ctrl+c and the end of the session (SIGTERM, SIGHUP): the answer being
// written is finished, a French message is printed, and the program exits with code 130.
// Each answer given is already saved.
func (a *accessible) onSignal(stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		a.saving.Lock()
		fmt.Fprintln(stderr, "\naect : interrompu. Vos réponses déjà données sont enregistrées.")
		a.store.Close()
		os.Exit(exitAborted)
	}()
	return func() {
		signal.Stop(sigs)
		close(sigs)
	}
}

// line reads one answer; end of input is an interruption.
func (a *accessible) line(prompt string) (string, error) {
	fmt.Fprint(a.out, prompt)
	if !a.in.Scan() {
		if err := a.in.Err(); err != nil {
			return "", wizard.Errorf("lecture de l'entrée impossible (ligne trop longue, ou entrée fermée)")
		}
		return "", errAborted
	}
	s := strings.TrimSpace(a.in.Text())
	if wizard.Fold(s) == "fin" {
		return "", errStop
	}
	return s, nil
}

func (a *accessible) session() error {
	if err := a.chooseDraft(); err != nil {
		return err
	}
	for s := wizard.SecAuthority; s <= wizard.SecSession; s++ {
		fmt.Fprintf(a.out, "\n=== Section %d sur 10 : %s ===\n", int(s)+1, s.Title())
		for _, q := range wizard.SectionQuestions(s) {
			if err := a.ask(q); err != nil {
				return err
			}
		}
		switch s {
		case wizard.SecActions:
			if err := a.items("action", func() int { return len(a.draft.Plan.Actions) },
				func() { a.draft.Plan.Actions = append(a.draft.Plan.Actions, wizard.Action{}) },
				wizard.ActionQuestions, a.describeAction); err != nil {
				return err
			}
		case wizard.SecFunding:
			if err := a.items("source de financement", func() int { return len(a.draft.Plan.Funding) },
				func() { a.draft.Plan.Funding = append(a.draft.Plan.Funding, wizard.FundingLine{}) },
				wizard.FundingQuestions, a.describeFunding); err != nil {
				return err
			}
			p := a.draft.Plan
			fmt.Fprintf(a.out, "Total des dépenses : %s ; total des financements : %s.\n",
				wizard.FormatAmount(p.TotalCost()), wizard.FormatAmount(p.TotalFunding()))
		}
	}
	a.review()
	return a.documents()
}

func (a *accessible) chooseDraft() error {
	drafts, err := a.store.List("")
	if err != nil {
		return err
	}
	if len(drafts) > 0 {
		fmt.Fprintln(a.out, "\nBrouillons existants :")
		for i, d := range drafts {
			fmt.Fprintf(a.out, "  %d. %s (%d %% complet)\n", i+1, clip(d.Title, quotedWidth), d.Percent)
		}
		for {
			ans, err := a.line("Numéro du brouillon à reprendre, ou « n » pour un nouveau projet : ")
			if err != nil {
				return err
			}
			if f := wizard.Fold(ans); f == "n" || f == "nouveau" {
				break
			}
			n, err := strconv.Atoi(ans)
			if err != nil || n < 1 || n > len(drafts) {
				if len(drafts) == 1 {
					fmt.Fprintln(a.out, "Réponse non comprise : tapez 1 pour reprendre ce brouillon, ou « n ».")
				} else {
					fmt.Fprintf(a.out, "Réponse non comprise : tapez un numéro entre 1 et %d, ou « n ».\n", len(drafts))
				}
				continue
			}
			a.draft, err = a.store.Get(drafts[n-1].ID)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Reprise du brouillon n° %d « %s » (%d %% complet).\n", a.draft.ID, clip(a.draft.Title, quotedWidth), a.draft.Percent)
			all, err := a.yes("Revoir toutes les réponses ? « non » : seulement les questions sans réponse")
			if err != nil {
				return err
			}
			a.onlyMissing = !all
			return nil
		}
	}
	d, err := a.store.Create("", &wizard.Plan{})
	if err != nil {
		return err
	}
	a.draft = d
	fmt.Fprintf(a.out, "Nouveau brouillon n° %d.\n", d.ID)
	return nil
}

// save stores the plan after an answer.
func (a *accessible) save() error {
	a.saving.Lock()
	defer a.saving.Unlock()
	v, err := a.store.Save(a.draft.ID, a.draft.Version, a.draft.Plan)
	if err != nil {
		return err
	}
	a.draft.Version = v
	return nil
}

// ask asks one question until the answer is valid, then saves it.
func (a *accessible) ask(q wizard.Question) error {
	p := a.draft.Plan
	if !q.AppliesTo(p) {
		return nil
	}
	cur := q.Get(p)
	if a.onlyMissing && cur != "" && !(q.Kind == wizard.KindConfirm && cur == wizard.YesNo(false)) {
		return nil
	}
	fmt.Fprintf(a.out, "\n%s\n", q.Title)
	if !q.Searchable {
		for i, o := range q.Options {
			fmt.Fprintf(a.out, "  %d. %s\n", i+1, o.Label)
		}
	}
	if cur != "" {
		fmt.Fprintf(a.out, "Réponse actuelle : %s. Entrée pour la garder.\n", describe(q, cur))
	}
	for {
		ans, err := a.line(promptFor(q))
		if err != nil {
			return err
		}
		switch {
		case ans == "?":
			help := q.Help
			if help == "" {
				help = "Pas d'aide particulière pour cette question."
			}
			fmt.Fprintln(a.out, help)
			continue
		case ans == "":
			return nil // keeps the answer; an empty one leaves the draft incomplete, which is allowed
		case wizard.Fold(ans) == "effacer":
			ans = ""
		default:
			if ans, err = a.resolve(q, ans); err != nil {
				a.say(err)
				continue
			}
		}
		if err := q.Set(p, ans); err != nil {
			a.say(err)
			continue
		}
		return a.save()
	}
}

// say prints an error message that the user can correct; it may quote what was typed.
func (a *accessible) say(err error) { fmt.Fprintln(a.out, safetext.Message(err.Error())) }

// promptFor says what kind of answer is expected.
func promptFor(q wizard.Question) string {
	switch {
	case q.Searchable:
		return "Tapez le nom ou une partie du nom : "
	case q.Kind == wizard.KindChoice:
		return "Votre choix (numéro) : "
	case q.Kind == wizard.KindMulti:
		return "Vos choix (numéros séparés par des virgules) : "
	case q.Kind == wizard.KindConfirm:
		return "Répondez oui ou non : "
	case q.Kind == wizard.KindAmount:
		return "Montant en euros : "
	case q.Kind == wizard.KindDate:
		return "Date (jj/mm/aaaa) : "
	case q.Kind == wizard.KindInt, q.Kind == wizard.KindYear:
		return "Nombre : "
	}
	return "Réponse : "
}

// describe turns a stored answer into words for the « réponse actuelle » line, on one
// clean line (safetext.Line).
func describe(q wizard.Question, v string) string {
	switch q.Kind {
	case wizard.KindChoice:
		return safetext.Line(q.OptionLabel(v))
	case wizard.KindMulti:
		var labels []string
		for _, c := range strings.Split(v, ",") {
			labels = append(labels, q.OptionLabel(c))
		}
		return safetext.Line(strings.Join(labels, " ; "))
	}
	return safetext.Line(v)
}

// resolve turns what was typed into the value Set expects: numbers into codes for the
// choices, a search into a country or département.
func (a *accessible) resolve(q wizard.Question, ans string) (string, error) {
	switch {
	case q.Searchable:
		return a.search(q, ans)
	case q.Kind == wizard.KindChoice:
		return pick(q, ans)
	case q.Kind == wizard.KindMulti:
		if wizard.Fold(ans) == "aucun" {
			return "", nil
		}
		var codes []string
		for _, part := range strings.Split(ans, ",") {
			c, err := pick(q, strings.TrimSpace(part))
			if err != nil {
				return "", err
			}
			codes = append(codes, c)
		}
		return strings.Join(codes, ","), nil
	}
	return ans, nil
}

// pick reads a choice by number (or by exact code or label).
func pick(q wizard.Question, ans string) (string, error) {
	if n, err := strconv.Atoi(ans); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return q.Options[n-1].Value, nil
		}
		return "", wizard.Errorf("choix %d impossible : tapez un numéro entre 1 et %d", n, len(q.Options))
	}
	for _, o := range q.Options {
		if wizard.Fold(o.Value) == wizard.Fold(ans) || wizard.Fold(o.Label) == wizard.Fold(ans) {
			return o.Value, nil
		}
	}
	return "", wizard.Errorf("réponse « %s » non comprise : tapez le numéro d'un choix, entre 1 et %d", ans, len(q.Options))
}

// search finds an option of a long list by a part of its name, ignoring case and accents.
func (a *accessible) search(q wizard.Question, ans string) (string, error) {
	var found []wizard.Option
	for _, o := range q.Options {
		if wizard.Fold(o.Value) == wizard.Fold(ans) {
			found = []wizard.Option{o}
			break
		}
		if wizard.Matches(o.Label, ans) {
			found = append(found, o)
		}
	}
	switch {
	case len(found) == 0:
		return "", wizard.Errorf("aucun résultat pour « %s » : essayez une autre partie du nom", ans)
	case len(found) == 1:
		fmt.Fprintf(a.out, "Choisi : %s.\n", found[0].Label)
		return found[0].Value, nil
	case len(found) > 15:
		return "", wizard.Errorf("%d résultats pour « %s » : précisez", len(found), ans)
	}
	fmt.Fprintf(a.out, "%d résultats :\n", len(found))
	for i, o := range found {
		fmt.Fprintf(a.out, "  %d. %s\n", i+1, o.Label)
	}
	for {
		sel, err := a.line("Votre choix (numéro) : ")
		if err != nil {
			return "", err
		}
		if n, err := strconv.Atoi(sel); err == nil && n >= 1 && n <= len(found) {
			return found[n-1].Value, nil
		}
		fmt.Fprintf(a.out, "Tapez un numéro entre 1 et %d.\n", len(found))
	}
}

func (a *accessible) yes(prompt string) (bool, error) {
	for {
		ans, err := a.line(prompt + " (oui/non) : ")
		if err != nil {
			return false, err
		}
		b, err := wizard.ParseYesNo(ans)
		if err == nil && ans != "" {
			return b, nil
		}
		fmt.Fprintln(a.out, "Réponse non comprise : répondez oui ou non.")
	}
}

func (a *accessible) describeAction(i int) string {
	ac := a.draft.Plan.Actions[i]
	return fmt.Sprintf("%s — %s (%s)", orDash(clip(ac.Title, quotedWidth)), wizard.FormatAmount(ac.Cost), wizard.YearText(ac.Year))
}

func (a *accessible) describeFunding(i int) string {
	f := a.draft.Plan.Funding[i]
	return fmt.Sprintf("%s — %s (%s)", wizard.Sources.Label(f.Source), wizard.FormatAmount(f.Amount), wizard.YearText(f.Year))
}

// items lets the user review the existing actions (or funding lines) and add new ones.
func (a *accessible) items(what string, count func() int, add func(), questions func(int) []wizard.Question, describe func(int) string) error {
	if n := count(); n > 0 {
		fmt.Fprintf(a.out, "\n%d %s(s) déjà saisie(s) :\n", n, what)
		for i := 0; i < n; i++ {
			fmt.Fprintf(a.out, "  %d. %s\n", i+1, describe(i))
		}
		review := a.onlyMissing // only the missing answers of each item are asked then
		if !review {
			var err error
			if review, err = a.yes("Revoir ces réponses une à une ?"); err != nil {
				return err
			}
		}
		for i := 0; review && i < n; i++ {
			for _, q := range questions(i) {
				if err := a.ask(q); err != nil {
					return err
				}
			}
		}
	}
	for {
		more, err := a.yes(fmt.Sprintf("\nAjouter une %s ?", what))
		if err != nil || !more {
			return err
		}
		add()
		i := count() - 1
		if err := a.save(); err != nil {
			return err
		}
		for _, q := range questions(i) {
			if err := a.ask(q); err != nil {
				return err
			}
		}
	}
}

// review prints the findings of the rules engine (section Vérification).
func (a *accessible) review() {
	fmt.Fprintf(a.out, "\n=== Section 9 sur 10 : %s ===\n", wizard.SecReview.Title())
	p := a.draft.Plan
	pr := p.Progress()
	fmt.Fprintf(a.out, "Projet complet à %d %%.\n", pr.Percent)
	for s := wizard.SecAuthority; s <= wizard.SecSession; s++ {
		if len(pr.Missing[s]) > 0 {
			fmt.Fprintf(a.out, "%s, à compléter : %s.\n", s.Title(), strings.Join(pr.Missing[s], ", "))
		}
	}
	fs := wizard.Check(p)
	if len(fs) == 0 {
		fmt.Fprintln(a.out, "Contrôle : aucun constat.")
		return
	}
	fmt.Fprintf(a.out, "Contrôle : %d constat(s).\n", len(fs))
	for i, f := range fs {
		ref := ""
		if f.Reference != "" {
			ref = " Référence : " + f.Reference + "."
		}
		fmt.Fprintf(a.out, "%d. %s, section %s : %s%s\n", i+1, strings.ToUpper(f.Severity.String()), f.Section.Title(), safetext.Line(f.Message), ref)
	}
}

// documents writes the documents (section Documents).
func (a *accessible) documents() error {
	fmt.Fprintf(a.out, "\n=== Section 10 sur 10 : %s ===\n", wizard.SecDocuments.Title())
	write, err := a.yes("Écrire maintenant les documents ?")
	if err != nil || !write {
		return err
	}
	var formats []document.Format
	for {
		ans, err := a.line("Format : odt (LibreOffice, par défaut), docx (Word), pdf, md ou txt : ")
		if err != nil {
			return err
		}
		if ans == "" {
			ans = "odt"
		}
		if formats, err = exportFormats(ans); err == nil {
			break
		}
		a.say(err)
	}
	cwd, _ := os.Getwd()
	for {
		dir, err := a.line(fmt.Sprintf("Dossier où écrire les documents (Entrée pour %s) : ", safetext.Visible(cwd)))
		if err != nil {
			return err
		}
		if dir == "" {
			dir = cwd
		}
		paths, err := document.Export(a.draft.Plan, dir, document.DraftRef{Number: a.draft.ID, Key: a.draft.Key()}, formats, document.Options{Today: today()})
		if err != nil {
			a.say(err)
			continue
		}
		fmt.Fprintf(a.out, "Documents écrits (%d) :\n", len(paths))
		for _, p := range paths {
			fmt.Fprintf(a.out, "  %s\n", safetext.Visible(p))
		}
		fmt.Fprintln(a.out, "Ouvrez-les avec LibreOffice ou Word, complétez les passages marqués [à compléter] et faites vérifier le projet avant la séance.")
		return nil
	}
}
