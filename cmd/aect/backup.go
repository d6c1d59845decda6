package main

import (
	"fmt"
	"os"
	"strings"

	"aect/wizard"
)

// cmdBackup writes a verified copy of the database (aect sauvegarder FICHIER).
func cmdBackup(e *env, args []string) error {
	switch {
	case len(args) == 0:
		return usagef("indiquez le fichier de la copie : %s", e.hint("sauvegarder", "/media/cle/atelier.db"))
	case len(args) > 1:
		return usagef("un seul fichier attendu, reçu : %s", strings.Join(args, " "))
	}
	s, err := e.openStore()
	if err != nil {
		return err
	}
	res, err := s.Backup(args[0], e.opt.replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.io.out, "Copie de la base écrite et vérifiée : %s (%s, corbeille comprise).\nPour l'ouvrir : %s --db %s\n",
		res.Path, wizard.CountOf(res.Drafts, "brouillon", "brouillons"), programName(os.Args[0]), shellQuote(res.Path))
	return nil
}
