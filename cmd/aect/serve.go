package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	charmlog "github.com/charmbracelet/log"

	"aect/internal/export"
	"aect/serve"
	"aect/storage"
	"aect/wizard"
	"aect/wizard/document"
	"aect/wizard/document/render"
	"aect/wizard/safetext"
)

// hostKeyName is the file of the workshop server's host key, beside the default
// database: created once, so that the fingerprint the room accepts stays the same from
// one workshop to the next.
const hostKeyName = "serve_ed25519"

// shutdownWait is how long a stopping server waits for the sessions to save and close.
const shutdownWait = 15 * time.Second

func cmdServe(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("serve n'attend pas d'argument (reçu : %s)", strings.Join(args, " "))
	}
	if e.opt.port < 1 || e.opt.port > 65535 {
		return usagef("port %d impossible : choisissez un nombre entre 1 et 65535 (par défaut 2222)", e.opt.port)
	}
	if e.opt.maxSessions < 1 {
		return usagef("--sessions attend un nombre de sessions d'au moins 1")
	}
	if e.opt.idleMinutes < 1 {
		return usagef("--inactivite attend un nombre de minutes d'au moins 1")
	}
	code := e.opt.code
	if code == "" {
		var err error
		if code, err = serve.NewCode(2); err != nil {
			return err
		}
	} else if err := serve.CheckCode(code); err != nil {
		return &usageError{err.Error()}
	}
	trainerCode, err := serve.NewCode(3)
	if err != nil {
		return err
	}
	s, err := e.openWritable()
	if err != nil {
		return err
	}
	models, err := e.models()
	if err != nil {
		return err
	}
	defaultDB, err := storage.DefaultPathEnv(e.getenv)
	if err != nil {
		return err
	}
	// wish's middlewares log through charmbracelet/log's default logger, which writes on
	// this terminal: it goes to the log file instead.
	charmlog.SetDefault(charmlog.New(serve.LogWriter(e.log)))
	srv, err := serve.New(serve.Config{
		Store:          s,
		HostKeyPath:    filepath.Join(filepath.Dir(defaultDB), hostKeyName),
		Code:           code,
		TrainerCode:    trainerCode,
		AuthorizedKeys: e.opt.keys,
		Demo:           e.opt.demo,
		MaxSessions:    e.opt.maxSessions,
		IdleTimeout:    time.Duration(e.opt.idleMinutes) * time.Minute,
		Version:        versionString(),
		Log:            e.log,
		Accessible:     e.accessibleSession,
		Models:         models,
		Directory:      e.tuiDirectory,
	})
	if err != nil {
		e.log.Error("serve", "err", err)
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(e.opt.address, strconv.Itoa(e.opt.port)))
	if err != nil {
		return listenError(e.opt.address, e.opt.port, err)
	}
	// Signals are caught before the room is told to connect.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)

	port := ln.Addr().(*net.TCPAddr).Port
	welcome(e.io.out, welcomeInfo{addrs: serve.RoomAddresses(e.opt.address), port: port, code: code, trainerCode: trainerCode,
		fingerprint: srv.Fingerprint(), db: s.Path(), keys: e.opt.keys != "", demo: e.opt.demo})
	e.log.Info("serve", "addr", ln.Addr().String(), "db", s.Path())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		e.log.Error("serve", "err", err)
		return wizard.Errorf("le serveur de l'atelier s'est arrêté : %v", err)
	case <-sigs:
	}
	fmt.Fprintln(e.io.out, "\nArrêt de l'atelier : enregistrement des réponses de chacun… (ctrl+c encore pour ne pas attendre)")
	ctx, cancel := context.WithTimeout(context.Background(), shutdownWait)
	defer cancel()
	go func() {
		select {
		case <-sigs:
			cancel()
		case <-ctx.Done():
		}
	}()
	if err := srv.Shutdown(ctx); err != nil {
		e.log.Warn("serve: shutdown", "err", err)
	}
	fmt.Fprintf(e.io.out, "Atelier arrêté. Les réponses de tous sont dans %s.\n", safetext.Visible(s.Path()))
	fmt.Fprintf(e.io.out, "Pour écrire les documents de chacun : aect --db %s export --tous --out DOSSIER\n", shellQuote(s.Path()))
	return nil
}

// listenError explains why the server cannot listen.
func listenError(addr string, port int, err error) error {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return wizard.Errorf("le port %d est déjà utilisé sur cet ordinateur (un autre « aect serve » tourne-t-il ?) : "+
			"arrêtez-le, ou choisissez un autre port avec --port %d", port, port+1)
	case errors.Is(err, syscall.EACCES), errors.Is(err, os.ErrPermission):
		return wizard.Errorf("le système refuse l'écoute sur le port %d (les ports sous 1024 sont réservés à l'administrateur) : "+
			"choisissez un port au-delà de 1024 avec --port, par exemple 2222", port)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return wizard.Errorf("l'adresse %s n'appartient pas à cet ordinateur : indiquez l'une de ses adresses avec --adresse, "+
			"ou 0.0.0.0 pour toutes", addr)
	}
	return wizard.Errorf("impossible d'écouter sur %s : %v", net.JoinHostPort(addr, strconv.Itoa(port)), err)
}

// welcomeInfo is what the trainer reads when the server starts.
type welcomeInfo struct {
	addrs             []string
	port              int
	code, trainerCode string
	fingerprint, db   string
	keys, demo        bool
}

// welcome prints, in French, what to tell the room.
func welcome(w io.Writer, in welcomeInfo) {
	cmd := func(host string) string {
		if in.port == 22 {
			return "ssh prenom@" + host
		}
		return fmt.Sprintf("ssh -p %d prenom@%s", in.port, host)
	}
	fmt.Fprintln(w, "aect — atelier en réseau")
	fmt.Fprintf(w, "Base de l'atelier : %s\n\n", safetext.Visible(in.db))
	local := len(in.addrs) == 1 && net.ParseIP(in.addrs[0]).IsLoopback()
	if len(in.addrs) == 0 || local {
		if local {
			fmt.Fprintln(w, "Adresse de cet ordinateur seulement (--adresse) : la salle ne peut pas s'y connecter.")
			fmt.Fprintln(w, "Pour essayer sur cet ordinateur :")
		} else {
			fmt.Fprintln(w, "Aucune adresse réseau trouvée : reliez cet ordinateur au réseau de la salle (Wi-Fi ou câble),")
			fmt.Fprintln(w, "puis relancez « aect serve ». Pour essayer sur cet ordinateur seulement :")
		}
		fmt.Fprintf(w, "    %s\n\n", cmd("127.0.0.1"))
	} else {
		fmt.Fprintln(w, "À dire à la salle — dans un terminal (Windows : PowerShell ou Invite de commandes ;")
		fmt.Fprintln(w, "macOS et Linux : Terminal), chacun tape, avec son prénom sans accent ni espace :")
		fmt.Fprintf(w, "\n    %s\n\n", cmd(in.addrs[0]))
		if len(in.addrs) > 1 {
			fmt.Fprintln(w, "Autres adresses de cet ordinateur, si la première ne répond pas :")
			for _, a := range in.addrs[1:] {
				fmt.Fprintf(w, "    %s\n", cmd(a))
			}
			fmt.Fprintln(w)
		}
	}
	if in.keys {
		fmt.Fprintln(w, "Connexion par clé : seules les clés du fichier --cles sont acceptées (pas de code d'atelier).")
	} else {
		fmt.Fprintf(w, "Code d'atelier (le mot de passe demandé) :  %s\n", in.code)
	}
	fmt.Fprintf(w, "Code du formateur (ssh … formateur@…) :     %s\n", in.trainerCode)
	fmt.Fprintln(w, "\nÀ la première connexion, ssh demande « Are you sure you want to continue connecting? » :")
	fmt.Fprintf(w, "répondre yes si l'empreinte affichée est bien :\n    %s\n", in.fingerprint)
	fmt.Fprintln(w, "\nMode ligne à ligne (lecteur d'écran) : ajouter -t et « accessible » :")
	host := "ADRESSE"
	if len(in.addrs) > 0 {
		host = in.addrs[0]
	}
	fmt.Fprintf(w, "    ssh -t -p %d prenom@%s accessible\n", in.port, host)
	if in.demo {
		fmt.Fprintln(w, "\nChaque nouveau participant reçoit sa copie des exemples de l'atelier.")
	}
	fmt.Fprintln(w, "\nctrl+c arrête l'atelier : les réponses de chacun sont enregistrées avant l'arrêt.")
}

// exportWorkshop writes the documents of every draft of one participant (--participant)
// or of all of them (--tous) into DIR/<participant>/<n°>-<titre>/.
func exportWorkshop(e *env, args []string, formats []render.Format) error {
	if len(args) > 0 {
		return usagef("avec --participant ou --tous, pas de numéro de brouillon (reçu : %s)", strings.Join(args, " "))
	}
	if e.opt.participant != "" && e.opt.all {
		return usagef("--participant et --tous ne vont pas ensemble : l'un ou l'autre")
	}
	opt, err := e.docOptions()
	if err != nil {
		return err
	}
	s, err := e.openStore()
	if err != nil {
		return err
	}
	owners, err := s.Owners()
	if err != nil {
		return err
	}
	if e.opt.participant != "" {
		name, err := serve.ParticipantName(e.opt.participant)
		if err != nil {
			return &usageError{err.Error()}
		}
		found := false
		for _, o := range owners {
			found = found || o == name
		}
		if !found {
			if len(owners) == 0 {
				return wizard.Errorf("aucun participant n'a de brouillon dans cette base (« aect --db FICHIER » : est-ce la base de l'atelier ?)")
			}
			return wizard.Errorf("aucun brouillon pour le participant « %s » ; participants : %s", name, strings.Join(owners, ", "))
		}
		owners = []string{name}
	} else if len(owners) == 0 {
		return wizard.Errorf("aucun participant n'a de brouillon dans cette base (« aect --db FICHIER » : est-ce la base de l'atelier ?)")
	}
	files, drafts := 0, 0
	for _, owner := range owners {
		folder := owner
		if _, err := serve.ParticipantName(owner); err != nil || owner != strings.ToLower(owner) {
			folder = "participant-" + export.Slug(owner) // a name aect serve would not have given
		}
		st := s.ForOwner(owner)
		list, err := st.List("")
		if err != nil {
			return err
		}
		for _, sm := range list {
			d, err := st.Get(sm.ID)
			if err != nil {
				return err
			}
			paths, err := export.Draft(d.Plan, filepath.Join(e.opt.out, folder), export.DraftRef{Number: d.ID, Key: d.Key()},
				formats, opt)
			if err != nil {
				return err
			}
			blocking := 0
			for _, f := range document.Check(d.Plan, opt) {
				if f.Severity == wizard.Blocking {
					blocking++
				}
			}
			note := ""
			if blocking > 0 {
				note = " — projet non conforme : " + wizard.CountOf(blocking, "point bloquant", "points bloquants")
			}
			fmt.Fprintf(e.io.out, "%s : brouillon n° %d « %s », %s%s\n", clip(owner, 40), d.ID, clip(d.Title, quotedWidth),
				wizard.CountOf(len(paths), "fichier", "fichiers"), note)
			files += len(paths)
			drafts++
		}
	}
	fmt.Fprintf(e.io.out, "%s, %s, dans %s\n", wizard.CountOf(drafts, "brouillon exporté", "brouillons exportés"),
		wizard.CountOf(files, "fichier écrit", "fichiers écrits"), safetext.Visible(filepath.Join(e.opt.out)))
	return nil
}
