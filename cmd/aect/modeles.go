package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"aect/internal/export"
	"aect/storage"
	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/safetext"
)

// models returns the document models in use, loaded once: those of --modeles (which the
// database then remembers for every later session), of AECT_MODELES, or of the folder the
// database remembers; nil (the built-in models) when none is set. A remembered folder that
// cannot be read any more is said on stderr and the built-in models are used.
func (e *env) models() (*document.Models, error) {
	if e.modelsLoaded {
		return e.modelsInUse, nil
	}
	dir, from := e.opt.modeles, "--modeles"
	if dir == "" {
		dir, from = e.getenv("AECT_MODELES"), "AECT_MODELES"
	}
	remembered := false
	if dir == "" {
		dir, from, remembered = e.rememberedModels(), "réglage de la base", true
	}
	e.modelsLoaded = true
	if dir == "" {
		return nil, nil
	}
	m, err := document.LoadModels(os.DirFS(dir), dir)
	switch {
	case err != nil && remembered:
		fmt.Fprintf(e.io.err, "aect : %s ; ce dossier de modèles, retenu pour cette base, est ignoré : les documents suivent les modèles intégrés (%s pour ne plus le retenir).\n",
			safetext.Message(err.Error()), e.hint("modeles", "oublier"))
		return nil, nil
	case err != nil:
		e.modelsLoaded = false
		return nil, wizard.Errorf("%s (%s)", err.Error(), from)
	}
	if from == "--modeles" {
		e.rememberModels(dir)
	}
	e.log.Info("models", "dir", dir, "from", from, "adapted", strings.Join(m.Adapted(), ","))
	e.modelsInUse = m
	return m, nil
}

// rememberedModels is the folder of models the database remembers, or "".
func (e *env) rememberedModels() string {
	s, err := e.openStore()
	if err != nil {
		return ""
	}
	dir, err := s.Setting(storage.SettingModels)
	if err != nil {
		e.log.Warn("models setting", "err", err)
	}
	return dir
}

// rememberModels records dir, made absolute, as the database's folder of models; a
// database that cannot be written keeps its setting.
func (e *env) rememberModels(dir string) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	s, err := e.openStore()
	if err != nil {
		return
	}
	if old, _ := s.Setting(storage.SettingModels); old == dir {
		return
	}
	if err := s.SetSetting(storage.SettingModels, dir); err != nil {
		e.log.Warn("models setting", "err", err)
	}
}

// docOptions are the options of the documents a command writes: today's date and the
// models in use.
func (e *env) docOptions() (document.Options, error) {
	m, err := e.models()
	return document.Options{Today: today(), Models: m}, err
}

// cmdModeles runs « aect modeles exporter|verifier DOSSIER ».
func cmdModeles(e *env, args []string) error {
	if len(args) == 1 && wizard.Fold(args[0]) == "oublier" {
		return forgetModels(e)
	}
	if len(args) != 2 {
		return usagef("attendu : aect modeles exporter DOSSIER, aect modeles verifier DOSSIER, ou aect modeles oublier")
	}
	switch wizard.Fold(args[0]) {
	case "exporter":
		return exportModels(e, args[1])
	case "verifier":
		return verifyModels(e, args[1])
	}
	return usagef("« %s » inconnu : attendu aect modeles exporter DOSSIER, aect modeles verifier DOSSIER, ou aect modeles oublier", args[0])
}

// forgetModels makes the database's drafts follow the built-in models again.
func forgetModels(e *env) error {
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	dir, err := s.Setting(storage.SettingModels)
	if err != nil {
		return err
	}
	if dir == "" {
		fmt.Fprintln(e.io.out, "Aucun dossier de modèles n'est retenu pour cette base : les documents suivent les modèles intégrés.")
		return nil
	}
	if err := s.SetSetting(storage.SettingModels, ""); err != nil {
		return err
	}
	fmt.Fprintf(e.io.out, "Le dossier de modèles « %s » n'est plus retenu pour cette base : les documents suivent les modèles intégrés.\n", safetext.Visible(dir))
	return nil
}

// exportModels writes the built-in models and their guide into dir, refusing to
// overwrite a file unless --remplacer.
func exportModels(e *env, dir string) error {
	names := append(document.ModelFiles(), document.ModelGuide)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return wizard.Errorf("impossible de créer le dossier « %s » : %s", safetext.Visible(dir), errReason(err))
	}
	if !e.opt.replace {
		for _, name := range names {
			if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
				return wizard.Errorf("le dossier « %s » contient déjà « %s » : rien n'a été écrit, pour ne pas écraser vos modèles adaptés ; "+
					"choisissez un autre dossier, ou ajoutez --remplacer", safetext.Visible(dir), name)
			}
		}
	}
	for _, name := range names {
		data, _ := document.BuiltinModel(name)
		if err := export.WriteFile(filepath.Join(dir, name), data); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.io.out, "Modèles écrits dans « %s » (%d fichiers) : %s.\n", safetext.Visible(dir), len(names), strings.Join(names, ", "))
	fmt.Fprintf(e.io.out, "Lisez %s, adaptez un modèle, puis vérifiez : %s\n", document.ModelGuide, e.hint("modeles", "verifier", dir))
	fmt.Fprintf(e.io.out, "Pour rédiger avec ces modèles : %s (ou AECT_MODELES=%s).\n", e.hint("--modeles", dir), dir)
	return nil
}

// verifyModels renders the samples and an empty draft with the models of dir and lists
// the problems; an error when there is one.
func verifyModels(e *env, dir string) error {
	m, err := document.LoadModels(os.DirFS(dir), dir)
	if err != nil {
		return wizard.Errorf("%s", err.Error())
	}
	if adapted := m.Adapted(); len(adapted) > 0 {
		fmt.Fprintf(e.io.out, "Modèles adaptés : %s.\n", strings.Join(adapted, ", "))
	} else {
		fmt.Fprintln(e.io.out, "Aucun modèle n'est modifié : les fichiers sont ceux des modèles intégrés.")
	}
	problems := document.Verify(m)
	if len(problems) == 0 {
		fmt.Fprintln(e.io.out, "Vérification faite avec les brouillons d'exemple et un brouillon vide : aucun problème, toutes les mentions obligatoires sont présentes.")
		return nil
	}
	fmt.Fprintf(e.io.out, "%s :\n", wizard.CountOf(len(problems), "problème", "problèmes"))
	for _, p := range problems {
		fmt.Fprintf(e.io.out, "  - %s\n", safetext.Line(p.String()))
	}
	return wizard.Errorf("les modèles de « %s » sont à corriger (%s) ; les documents suivent les modèles intégrés là où un modèle adapté est en erreur",
		safetext.Visible(dir), wizard.CountOf(len(problems), "problème", "problèmes"))
}

// errReason names the usual causes of a file system error in French.
func errReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé"
	case errors.Is(err, fs.ErrExist):
		return "un fichier porte déjà ce nom"
	}
	return "erreur du système de fichiers"
}
