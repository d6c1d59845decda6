package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"aect/serve"
	"aect/storage"
	"aect/wizard/document"
)

// options are the flags shared by every command.
type options struct {
	db         string
	modeles    string
	accessible bool
	contrast   bool
	logLevel   string
	version    bool
	help       bool

	// Flags of the subcommands.
	doc, format, out, answers string
	json, deleted, replace    bool
	revision                  int64
	max, millesime            int

	// aect serve and the workshop's export.
	port, maxSessions, idleMinutes int
	address, code, keys            string
	demo, all                      bool
	participant                    string
}

// env is what a command runs with.
type env struct {
	opt    *options
	io     stdio
	getenv func(string) string
	log    *slog.Logger
	store  *storage.Store
	dir    *directoryInUse // loaded on first use, under dirMu (aect serve's sessions share it)
	dirMu  sync.Mutex
	// modelsInUse are the adapted models of --modeles or AECT_MODELES (nil: built-in),
	// loaded on first use.
	modelsInUse  *document.Models
	modelsLoaded bool
}

// command is one subcommand of the CLI.
type command struct {
	name    string
	args    string // usage of the positional arguments
	summary string
	help    string
	flags   func(fs *flag.FlagSet, o *options)
	run     func(e *env, args []string) error
}

var commands []*command

func init() {
	commands = []*command{
		{name: "list", summary: "liste les brouillons (n°, titre, forme, partenaire, date, avancement)",
			help: "Affiche les brouillons de la base, du plus récent au plus ancien.\n--json donne une sortie pour les scripts ; --corbeille liste les brouillons supprimés.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.BoolVar(&o.json, "json", false, "sortie JSON")
				fs.BoolVar(&o.deleted, "corbeille", false, "brouillons supprimés")
			},
			run: cmdList},
		{name: "show", args: "N°", summary: "affiche un document d'un brouillon",
			help: "Affiche un document sur la sortie standard.\n--doc deliberation (par défaut), convention (ou charte), objectifs (convention d'objectifs), apd (fiche de déclaration APD), etapes ; --format txt (par défaut), md ou pdf, et csv pour la fiche APD.\nUn PDF s'écrit dans un fichier : aect show N° --format pdf > deliberation.pdf\nLes constats bloquants du contrôle sont signalés sur la sortie d'erreur ; le document est produit quand même.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.StringVar(&o.doc, "doc", "deliberation", "document : deliberation, convention, charte, objectifs, apd, etapes")
				fs.StringVar(&o.format, "format", "txt", "format : txt, md ou pdf (csv pour la fiche APD)")
			},
			run: cmdShow},
		{name: "export", args: "N°", summary: "écrit tous les documents d'un brouillon dans un dossier",
			help: "Écrit la délibération, la convention ou la charte, la convention d'objectifs et la fiche de déclaration APD\n(avec son tableau declaration-apd.csv) s'il y a lieu, et les prochaines étapes dans DOSSIER/<n°>-<titre>/,\n" +
				"par exemple ./3-jumelage-belmont-sur-guiers-lindenbach/ pour le brouillon n° 3 : chaque brouillon a son dossier.\n" +
				"Un nouvel export du même brouillon remplace ses fichiers ; les documents d'un autre brouillon ne sont jamais écrasés.\n" +
				"Fin d'un atelier en réseau : aect --db atelier.db export --tous --out DOSSIER écrit les documents de chaque\n" +
				"participant dans DOSSIER/<participant>/<n°>-<titre>/ (--participant NOM pour un seul).\n" +
				"--format odt (par défaut), docx, pdf, md, txt ou all ; --out DOSSIER (par défaut le dossier courant).\n" +
				"--format actes prépare, après le vote, le dossier de télétransmission au préfet dans <n°>-<titre>/actes/ :\n" +
				"la délibération et ses annexes en PDF nommés comme S²LOW les nomme, acte.json et acte.txt (nature,\n" +
				"classification, numéro, date, objet, SIREN), la ligne de données ouvertes (SCDL) et un LISEZMOI.txt.\n" +
				"Il demande le SIREN, le numéro de la délibération et une séance passée ; les formats se combinent : --format odt,actes.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.StringVar(&o.format, "format", "odt", "format : odt, docx, pdf, md, txt, actes (télétransmission) ou all")
				fs.StringVar(&o.out, "out", ".", "dossier de destination")
				fs.StringVar(&o.participant, "participant", "", "atelier en réseau : tous les brouillons de ce participant, dans DOSSIER/<participant>/")
				fs.BoolVar(&o.all, "tous", false, "atelier en réseau : les brouillons de tous les participants, un dossier chacun")
			},
			run: cmdExport},
		{name: "history", args: "N°", summary: "liste les versions enregistrées d'un brouillon et en rétablit une",
			help: "Chaque réponse enregistrée crée une version : toutes celles des dernières 24 heures, puis une par jour.\n--restore VERSION rétablit une version (l'état actuel reste dans l'historique).",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.Int64Var(&o.revision, "restore", 0, "numéro de la version à rétablir")
			},
			run: cmdHistory},
		{name: "export-json", args: "N°", summary: "écrit un brouillon au format aect-plan/1 (pour le copier sur une clé USB)",
			help: "Écrit le brouillon au format aect-plan/1 sur la sortie standard : aect export-json 3 > projet.json",
			run:  cmdExportJSON},
		{name: "import", args: "FICHIER…", summary: "importe des brouillons au format aect-plan/1",
			help: "Importe un ou plusieurs fichiers aect-plan/1. Un fichier invalide n'écrit rien et le message indique le champ fautif.\nImporter deux fois le même fichier crée une copie, sans jamais écraser un brouillon.",
			run:  cmdImport},
		{name: "new", summary: "crée un brouillon à partir d'un fichier de réponses",
			help: "Crée un brouillon sans interface, avec les mêmes contrôles que l'assistant : aect new --answers reponses.json",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.StringVar(&o.answers, "answers", "", "fichier de réponses aect-plan/1")
			},
			run: cmdNew},
		{name: "demo", summary: "charge les exemples de l'atelier (sans doublon)",
			help: "Charge les projets d'exemple de l'atelier de formation dans la base. Relancer la commande ne crée pas de doublon.\nAstuce : aect --db atelier.db demo, pour une base jetable.",
			run:  cmdDemo},
		{name: "questionnaire", summary: "imprime le questionnaire vierge (à remplir avant la séance)",
			help: "Affiche toutes les questions avec leur aide et leurs choix, pour préparer les réponses sur papier.\n--format txt (par défaut), md, odt ou pdf (--out FICHIER, par défaut questionnaire.odt ou questionnaire.pdf).",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.StringVar(&o.format, "format", "txt", "format : txt, md, odt ou pdf")
				fs.StringVar(&o.out, "out", "", "fichier de sortie (odt, pdf)")
			},
			run: cmdQuestionnaire},
		{name: "annuaire", args: "TEXTE", summary: "cherche une commune ou un EPCI dans l'annuaire des collectivités",
			help: "Cherche une commune ou un EPCI à fiscalité propre par son nom, son code postal,\n" +
				"son code INSEE ou son SIREN, dans l'annuaire des collectivités (INSEE, DGCL) :\n" +
				"  aect annuaire saint cyprien      aect annuaire 24220\n" +
				"  aect annuaire st-cyprien 24      aect annuaire 200041051\n" +
				"Affiche le code INSEE, le nom, le département, la population municipale et\n" +
				"totale, le SIREN et l'EPCI. --json donne une sortie pour les scripts ;\n" +
				"--max N limite le nombre de résultats (0 : tous).\n\n" +
				"aect annuaire importer DOSSIER lit un annuaire plus récent : le dossier data\n" +
				"du paquet Etalab @etalab/decoupage-administratif (communes.json, epci.json,\n" +
				"departements.json, regions.json). Le millésime est lu dans son package.json,\n" +
				"ou donné par --millesime AAAA. Un dossier incomplet ou abîmé est refusé et\n" +
				"l'annuaire en place conservé. aect --version indique l'annuaire utilisé.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.BoolVar(&o.json, "json", false, "sortie JSON")
				fs.IntVar(&o.max, "max", 20, "nombre maximal de résultats (0 : tous)")
				fs.IntVar(&o.millesime, "millesime", 0, "millésime du dossier à importer (sans package.json)")
			},
			run: cmdAnnuaire},
		{name: "sauvegarder", args: "FICHIER", summary: "écrit une copie complète et vérifiée de la base (pour une clé USB)",
			help: "Écrit dans FICHIER une copie de toute la base (brouillons, versions, corbeille), cohérente même si une autre\n" +
				"fenêtre d'aect enregistre au même moment, puis vérifie qu'elle s'ouvre et compte les mêmes brouillons.\n" +
				"Tant qu'aect est ouvert, une simple copie du fichier de la base peut manquer les dernières réponses : utilisez\n" +
				"cette commande. Un fichier existant n'est pas écrasé, sauf avec --remplacer. Pour ouvrir la copie : aect --db FICHIER.\n" +
				"Fonctionne aussi sur une base en lecture seule.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.BoolVar(&o.replace, "remplacer", false, "écraser le fichier s'il existe")
			},
			run: cmdBackup},
		{name: "serve", summary: "atelier en réseau : sert l'assistant à toute la salle par SSH",
			help: "Fait de cet ordinateur le serveur de l'atelier : chaque participant se connecte depuis le sien avec\n" +
				"la commande ssh affichée au démarrage (ssh -p 2222 prenom@ADRESSE ; rien à installer : Windows 10 et 11,\n" +
				"macOS et Linux ont ssh), sous son prénom, avec le code d'atelier ; il ne voit que ses brouillons.\n" +
				"Le formateur se connecte sous le nom « formateur » avec le code du formateur : tableau de bord de tous.\n" +
				"Les deux codes sont tirés au sort à chaque démarrage (--code fixe celui de l'atelier).\n" +
				"--cles FICHIER : connexion par clé (fichier authorized_keys) au lieu du code d'atelier.\n" +
				"--demo : chaque nouveau participant reçoit sa copie des exemples.\n" +
				"Couleurs, par participant : ssh -o SetEnv=NO_COLOR=1 … (sans couleur), ssh -o SetEnv=AECT_CONTRASTE=1 … (fort contraste).\n" +
				"ctrl+c arrête l'atelier après avoir enregistré les réponses de chacun. Conseil : aect --db atelier.db serve.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.IntVar(&o.port, "port", 2222, "port d'écoute")
				fs.StringVar(&o.address, "adresse", "0.0.0.0", "adresse d'écoute (0.0.0.0 : toutes celles de l'ordinateur)")
				fs.BoolVar(&o.demo, "demo", false, "donner à chaque nouveau participant les exemples de l'atelier")
				fs.StringVar(&o.code, "code", "", "code d'atelier (sinon tiré au sort)")
				fs.StringVar(&o.keys, "cles", "", "fichier authorized_keys : connexion par clé au lieu du code d'atelier")
				fs.IntVar(&o.maxSessions, "sessions", serve.DefaultMaxSessions, "nombre maximal de sessions ouvertes à la fois")
				fs.IntVar(&o.idleMinutes, "inactivite", int(serve.DefaultIdleTimeout/time.Minute), "minutes sans activité avant de fermer une connexion")
			},
			run: cmdServe},
		{name: "modeles", args: "exporter|verifier DOSSIER, ou oublier", summary: "exporte ou vérifie les modèles des documents (formules de la commune)",
			help: "aect modeles exporter DOSSIER écrit les modèles intégrés des documents (un fichier par document, en\n" +
				"français) et un guide, LISEZMOI.md : les faits disponibles, la syntaxe des lignes, un exemple.\n" +
				"Adaptez-les (formules de votre registre), puis : aect modeles verifier DOSSIER rédige les documents\n" +
				"des brouillons d'exemple et d'un brouillon vide et signale chaque erreur (fichier et ligne) et chaque\n" +
				"mention obligatoire manquante. Pour rédiger avec : aect --modeles DOSSIER (ou AECT_MODELES=DOSSIER) ;\n" +
				"un document dont le dossier n'a pas de modèle suit le modèle intégré. La base retient le dossier donné\n" +
				"par --modeles pour les fois suivantes ; aect modeles oublier revient aux modèles intégrés.",
			flags: func(fs *flag.FlagSet, o *options) {
				fs.BoolVar(&o.replace, "remplacer", false, "écraser les fichiers existants (exporter)")
			},
			run: cmdModeles},
		{name: "help", args: "[COMMANDE]", summary: "aide d'une commande",
			run: cmdHelp},
	}
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// globalFlags declares the options every command accepts, before or after the command
// name. The values already parsed are the defaults, so a second flag set keeps them.
func globalFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.db, "db", o.db, "base de données (sinon AECT_DB ou la base par défaut)")
	fs.StringVar(&o.modeles, "modeles", o.modeles, "dossier des modèles adaptés des documents (sinon AECT_MODELES)")
	fs.BoolVar(&o.accessible, "accessible", o.accessible, "mode ligne à ligne pour lecteur d'écran")
	fs.BoolVar(&o.contrast, "contraste", o.contrast, "thème à fort contraste")
	fs.StringVar(&o.logLevel, "log-level", o.logLevel, "détail du journal : debug, info, warn, error")
	fs.BoolVar(&o.version, "version", o.version, "version")
	fs.BoolVar(&o.help, "help", o.help, "aide")
	fs.BoolVar(&o.help, "h", o.help, "aide")
}

// parse reads flags anywhere among the arguments (aect show 3 --doc convention) and
// returns the positional arguments. Errors are French usage errors.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard) // the flag package's own messages are English: ours replace them
	fs.Usage = func() {}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, frenchFlagError(err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// frenchFlagError rewrites the flag package's English messages.
func frenchFlagError(err error) error {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return usagef("option inconnue : %s", strings.TrimPrefix(msg, "flag provided but not defined: "))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return usagef("l'option %s attend une valeur", strings.TrimPrefix(msg, "flag needs an argument: "))
	case strings.HasPrefix(msg, "invalid boolean value"), strings.HasPrefix(msg, "invalid value"):
		// invalid value "x" for flag -db: …, invalid boolean value "x" for -json: parse error
		value, flagName := "", ""
		if i := strings.Index(msg, `"`); i >= 0 {
			if j := strings.Index(msg[i+1:], `"`); j >= 0 {
				value = msg[i+1 : i+1+j]
			}
		}
		if i := strings.LastIndex(msg, " for "); i >= 0 {
			rest := strings.TrimPrefix(msg[i+5:], "flag ")
			flagName = strings.TrimSuffix(strings.Fields(rest + " ")[0], ":")
		}
		return usagef("valeur « %s » invalide pour l'option %s", value, flagName)
	}
	return usagef("ligne de commande invalide")
}

func dispatch(args []string, std stdio, getenv func(string) string) error {
	o := &options{}
	fs := flag.NewFlagSet("aect", flag.ContinueOnError)
	globalFlags(fs, o)
	fs.SetOutput(io.Discard) // the flag package's own messages are English: ours replace them
	fs.Usage = func() {}
	// Global flags come before the command name; the flag package stops at the first
	// argument that is not a flag.
	if err := fs.Parse(args); err != nil {
		return frenchFlagError(err)
	}
	rest := fs.Args()
	e := &env{opt: o, io: std, getenv: getenv}
	switch {
	case o.version:
		fmt.Fprintf(std.out, "aect %s\n%s\n", versionString(), directoryVersion(e))
		return nil
	case o.help && len(rest) == 0:
		printUsage(std.out)
		return nil
	}
	o.accessible = o.accessible || isTruthy(getenv("ACCESSIBLE"))
	o.contrast = o.contrast || isTruthy(getenv("AECT_CONTRASTE"))
	level := o.logLevel
	if level == "" && getenv("AECT_LOG") == "" && len(rest) > 0 && rest[0] == "serve" {
		level = "info" // a workshop server records who connects
	}
	log, closeLog, err := openLog(level, getenv)
	if err != nil {
		return err
	}
	defer closeLog()
	e.log = log
	defer func() {
		if e.store != nil {
			e.store.Close()
		}
	}()
	if len(rest) == 0 {
		if o.accessible {
			return runAccessible(e)
		}
		return runTUI(e)
	}
	name, args := rest[0], rest[1:]
	c := lookupCommand(name)
	if c == nil {
		return usagef("commande inconnue « %s » ; commandes : %s", name, commandNames())
	}
	cfs := flag.NewFlagSet(name, flag.ContinueOnError)
	globalFlags(cfs, o)
	if c.flags != nil {
		c.flags(cfs, o)
	}
	pos, err := parse(cfs, args)
	if err != nil {
		return err
	}
	if o.help {
		printCommandHelp(std.out, c)
		return nil
	}
	e.log.Debug("command", "name", name, "args", pos)
	return c.run(e, pos)
}

func isTruthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "oui", "yes", "o", "y":
		return true
	}
	return false
}

func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// openStore opens the database named by --db, AECT_DB or the default path, once.
func (e *env) openStore() (*storage.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	path := e.opt.db
	if path == "" {
		path = e.getenv("AECT_DB")
	}
	if path == "" {
		var err error
		if path, err = storage.DefaultPathEnv(e.getenv); err != nil {
			return nil, err
		}
	}
	e.log.Info("open database", "path", path)
	s, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	e.store = s
	return s, nil
}

// openWritable opens the database for a command that writes: a database this user cannot
// write is refused with its French explanation before anything is asked or read.
func (e *env) openWritable() (*storage.Store, error) {
	s, err := e.openStore()
	if err != nil {
		return nil, err
	}
	if err := s.Writable(); err != nil {
		return nil, err
	}
	return s, nil
}

const usageText = `aect — l'assistant de l'action extérieure des collectivités territoriales

Il vous guide pour préparer un jumelage, une charte d'amitié, une convention de
coopération décentralisée ou un don humanitaire, vérifie le projet au regard du
droit (CGCT, articles L. 1115-1 et suivants) et rédige le projet de délibération,
la convention ou la charte, et la liste des prochaines étapes.

Utilisation :
  aect                      ouvre l'assistant (plein écran)
  aect --accessible         mode ligne à ligne, pour lecteur d'écran (ou ACCESSIBLE=1)
  aect --contraste          assistant en thème à fort contraste (ou AECT_CONTRASTE=1)
  aect COMMANDE [options]

Commandes :
%s
Options générales :
  --db FICHIER              autre base de données (un atelier, une clé USB) ; ou AECT_DB=FICHIER
  --modeles DOSSIER         rédige avec les modèles adaptés du dossier ; ou AECT_MODELES=DOSSIER
  --log-level NIVEAU        détail du journal : debug, info, warn, error ; ou AECT_LOG=debug
  --version                 version du programme
  --help                    cette aide ; aect help COMMANDE pour l'aide d'une commande

Codes de sortie : 0 succès, 1 erreur, 2 ligne de commande invalide, 130 interrompu.
`

func printUsage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands {
		left := c.name
		if c.args != "" {
			left += " " + c.args
		}
		fmt.Fprintf(&b, "  %-24s  %s\n", left, c.summary)
	}
	fmt.Fprintf(w, usageText, b.String())
}

func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "aect %s %s\n\n%s\n", c.name, c.args, c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", c.help)
	}
	if c.flags != nil {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs, &options{})
		fmt.Fprintln(w, "\nOptions :")
		fs.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(w, "  --%-12s %s", f.Name, f.Usage)
			if f.DefValue != "" && f.DefValue != "false" {
				fmt.Fprintf(w, " (par défaut : %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		})
	}
}

func cmdHelp(e *env, args []string) error {
	if len(args) == 0 {
		printUsage(e.io.out)
		return nil
	}
	c := lookupCommand(args[0])
	if c == nil {
		return usagef("commande inconnue « %s » ; commandes : %s", args[0], commandNames())
	}
	printCommandHelp(e.io.out, c)
	return nil
}

// logPath is the log file in the user's state directory: $XDG_STATE_HOME or
// ~/.local/state on Linux, the cache folder on Windows and macOS.
func logPath(getenv func(string) string) string {
	dir := ""
	if d := getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		dir = d
	} else if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if h := getenv("HOME"); h != "" {
			dir = filepath.Join(h, ".local", "state")
		} else if h, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(h, ".local", "state")
		}
	} else if d, err := os.UserCacheDir(); err == nil {
		dir = d
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "aect", "aect.log")
}

// openLog opens the log file (never the terminal) and returns the logger and what closes
// the file. A log that cannot be opened is discarded silently: logging must never stop
// the program. An unknown level is a usage error.
func openLog(level string, getenv func(string) string) (*slog.Logger, func(), error) {
	discard, none := slog.New(slog.NewTextHandler(io.Discard, nil)), func() {}
	from := "--log-level"
	if level == "" {
		level, from = getenv("AECT_LOG"), "AECT_LOG"
	}
	lv := slog.LevelWarn
	if level != "" {
		if err := lv.UnmarshalText([]byte(level)); err != nil {
			return discard, none, usagef("niveau de journal « %s » inconnu pour %s : attendu debug, info, warn ou error", level, from)
		}
	}
	path := logPath(getenv)
	if path == "" {
		return discard, none, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return discard, none, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return discard, none, nil
	}
	return slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: lv})), func() { f.Close() }, nil
}
