package serve

import (
	"fmt"
	"log"
	"log/slog"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"aect/storage"
	"aect/tui"
	"aect/wizard/safetext"
	"aect/wizard/samples"
)

// The French lines a client reads when its session ends.
const (
	// goodbye: the trainer stopped the server.
	goodbye = "Fin de l'atelier : le formateur a arrêté le serveur. Vos réponses sont enregistrées. Au revoir !"
	// farewell: the participant quit.
	farewell = "Vos réponses sont enregistrées. À bientôt !"
)

// session is one SSH session of a participant or of the trainer.
type session struct {
	sess    ssh.Session
	name    string // the participant's name (owner of the drafts); "" for the trainer
	trainer bool

	mu      sync.Mutex
	program *tea.Program // the full-screen interface, once started
	line    bool         // the accessible line mode is running
	stopped bool         // Shutdown asked the session to end
}

// sessionKey holds a session's *session in its context.
type sessionKey struct{}

func sessionOf(sess ssh.Session) *session {
	ss, _ := sess.Context().Value(sessionKey{}).(*session)
	return ss
}

// setProgram records the session's program; one started after Shutdown began stops at
// once.
func (ss *session) setProgram(p *tea.Program) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.program = p
	if ss.stopped {
		go p.Send(tui.Stop())
	}
}

// startLine records that the line mode runs, unless Shutdown began.
func (ss *session) startLine() bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.line = !ss.stopped
	return ss.line
}

// stop ends the session for Shutdown: the full-screen interface saves and quits (its
// handler then says goodbye); the line mode, whose every answer is saved as soon as it is
// given, gets the goodbye and its input closes.
func (ss *session) stop() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.stopped = true
	switch {
	case ss.program != nil:
		go ss.program.Send(tui.Stop())
	case ss.line:
		fmt.Fprint(ss.sess, "\n"+goodbye+"\n")
		ss.sess.Exit(0) // ends the session: its input ends, the line mode returns
	}
}

// wrapHandler counts the sessions being served, so that Shutdown waits for them, and
// refuses a session opened while the server stops.
func (s *Server) wrapHandler(h ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.mu.Lock()
		stopping := s.stopping
		if !stopping {
			s.active.Add(1)
		}
		s.mu.Unlock()
		if stopping {
			wish.Println(sess, goodbye)
			sess.Exit(1)
			return
		}
		defer s.active.Done()
		h(sess)
	}
}

// refuse ends a session with a French message.
func refuse(sess ssh.Session, msg string) {
	wish.Errorln(sess, safetext.Message(msg))
	sess.Exit(1)
}

// limitSessions refuses a session beyond MaxSessions.
func (s *Server) limitSessions(next ssh.Handler) ssh.Handler {
	var (
		mu sync.Mutex
		n  int
	)
	return func(sess ssh.Session) {
		mu.Lock()
		full := n >= s.cfg.MaxSessions
		if !full {
			n++
		}
		mu.Unlock()
		if full {
			s.log.Warn("session refused: workshop full", "user", sess.User(), "addr", sess.RemoteAddr().String())
			refuse(sess, fmt.Sprintf("L'atelier est complet (%d sessions ouvertes) : fermez une autre fenêtre d'aect, ou demandez au formateur.", s.cfg.MaxSessions))
			return
		}
		defer func() {
			mu.Lock()
			n--
			mu.Unlock()
		}()
		next(sess)
	}
}

// requireTerminal refuses a session without a terminal, as wish's activeterm does, with a
// French message: the assistant is full-screen, and the line mode needs a terminal to
// edit its lines.
func (s *Server) requireTerminal(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			refuse(sess, "aect a besoin d'un terminal : connectez-vous avec « ssh -p PORT prenom@ADRESSE » sans autre commande, "+
				"ou « ssh -t -p PORT prenom@ADRESSE accessible » pour le mode ligne à ligne (l'option -t demande le terminal).")
			return
		}
		next(sess)
	}
}

// identify decides who the session is for, on what the connection authenticated with:
// the trainer (password: the trainer's code), or a participant (the workshop code, or,
// with --cles, a key of the file). The key checked is the one the connection proved it
// holds (sess.PublicKey, taken from the connection's ssh.Permissions after the
// handshake), never one merely offered (CVE-2024-45337). A new participant of a --demo
// workshop gets the samples.
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ss := &session{sess: sess}
		key := sess.PublicKey()
		switch {
		case sess.User() == TrainerUser:
			if key != nil { // the trainer signs in with the trainer's code only
				refuse(sess, "Le formateur se connecte avec le code du formateur.")
				return
			}
			ss.trainer = true
		default:
			name, err := ParticipantName(sess.User())
			if err != nil {
				refuse(sess, "Connexion refusée : "+err.Error()+".")
				return
			}
			if s.keys != nil && !s.keys.has(key) || s.keys == nil && key != nil {
				s.log.Warn("session refused: key not authorized", "user", name, "addr", sess.RemoteAddr().String())
				refuse(sess, "Connexion refusée : cette clé ne figure pas dans la liste du formateur.")
				return
			}
			ss.name = name
			if s.cfg.Demo {
				if err := s.loadSamples(name); err != nil {
					s.log.Error("samples", "user", name, "err", err)
					refuse(sess, "Impossible de préparer vos exemples : "+err.Error())
					return
				}
			}
		}
		sess.Context().SetValue(sessionKey{}, ss)
		s.mu.Lock()
		s.sessions[ss] = struct{}{}
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			delete(s.sessions, ss)
			s.mu.Unlock()
		}()
		s.log.Info("session", "user", sess.User(), "trainer", ss.trainer, "addr", sess.RemoteAddr().String(), "command", sess.Command())
		next(sess)
	}
}

// loadSamples gives a participant who has no draft at all (none in the bin either: one
// who deleted the samples does not get them again) a copy of each sample plan.
func (s *Server) loadSamples(name string) error {
	st := s.cfg.Store.ForOwner(name)
	live, err := st.List("")
	if err != nil {
		return err
	}
	bin, err := st.ListDeleted()
	if err != nil || len(live)+len(bin) > 0 {
		return err
	}
	for _, smp := range samples.All() {
		if _, _, err := st.LoadSample(smp.Name, smp.Data); err != nil {
			return err
		}
	}
	return nil
}

// program starts the full-screen interface of a session without a command: the trainer's
// dashboard or the participant's assistant, with the session's renderer (its colours,
// NO_COLOR and AECT_CONTRASTE sent with ssh -o SetEnv=…). It returns nil for a command,
// which runs after (finish).
func (s *Server) program(sess ssh.Session) *tea.Program {
	ss := sessionOf(sess)
	if ss == nil || len(sess.Command()) > 0 || s.isStopping() {
		return nil
	}
	pty, _, _ := sess.Pty()
	env := environ(sess.Environ())
	r := bm.MakeRenderer(sess)
	noColor := env("NO_COLOR") != ""
	if noColor && pty.Term != "" && pty.Term != "dumb" {
		// NO_COLOR forbids colour, not emphasis: like the local program, keep bold and
		// reverse video with the monochrome styles.
		r.SetColorProfile(termenv.ANSI)
	}
	who := ss.name
	if ss.trainer {
		who = TrainerUser
	}
	opt := tui.Options{
		Version:      s.cfg.Version,
		Now:          s.cfg.Now,
		HighContrast: truthy(env("AECT_CONTRASTE")),
		Log:          log.New(logWriter{s.log.With("user", who)}, "", 0),
		Renderer:     r,
		NoColor:      noColor,
		Remote:       true,
		Models:       s.cfg.Models,
		Directory:    s.cfg.Directory,
	}
	var m tea.Model
	if ss.trainer {
		m = tui.NewTrainer(board{s}, opt)
	} else {
		m = tui.New(s.cfg.Store.ForOwner(ss.name), opt)
	}
	p := tea.NewProgram(m, append(bm.MakeOptions(sess),
		tea.WithAltScreen(), tea.WithoutSignalHandler(), tea.WithFilter(tui.SessionFilter))...)
	ss.setProgram(p)
	return p
}

// finish runs last: after the full-screen interface, the goodbye; for a command, the
// accessible line mode or a French refusal.
func (s *Server) finish(sess ssh.Session) {
	ss := sessionOf(sess)
	if ss == nil {
		return
	}
	ss.mu.Lock()
	ranTUI, stopped := ss.program != nil, ss.stopped
	ss.mu.Unlock()
	cmd := sess.Command()
	switch {
	case ranTUI && stopped:
		wish.Println(sess, goodbye)
	case ranTUI:
		wish.Println(sess, farewell)
	case len(cmd) == 0: // the server stopped before the interface started
		wish.Println(sess, goodbye)
	case len(cmd) == 1 && cmd[0] == "accessible" && !ss.trainer && s.cfg.Accessible != nil:
		s.accessible(sess, ss)
	case len(cmd) == 1 && cmd[0] == "accessible":
		refuse(sess, "Le mode accessible est celui des participants : le formateur se connecte sans commande pour voir le tableau de bord.")
	default:
		refuse(sess, fmt.Sprintf("Commande « %s » inconnue : connectez-vous sans commande pour l'assistant (ssh -p PORT prenom@ADRESSE), "+
			"ou avec « accessible » pour le mode ligne à ligne (ssh -t -p PORT prenom@ADRESSE accessible).", strings.Join(cmd, " ")))
	}
}

// accessible runs the line mode on the session: its keys edited into lines here (the
// session's terminal is emulated, without the system's line editing), on the
// participant's drafts.
func (s *Server) accessible(sess ssh.Session, ss *session) {
	if !ss.startLine() {
		wish.Println(sess, goodbye)
		return
	}
	err := s.cfg.Accessible(newLineReader(sess, sess), sess, s.cfg.Store.ForOwner(ss.name))
	if err != nil {
		s.log.Error("accessible", "user", ss.name, "err", err)
		refuse(sess, "aect : "+err.Error())
	}
}

// commands is the innermost handler: it runs finish, whatever comes after.
func (s *Server) commands(ssh.Handler) ssh.Handler { return s.finish }

// environ returns a lookup in an environment of "KEY=value" strings.
func environ(env []string) func(string) string {
	return func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
}

// truthy reads a yes/no environment variable ("1", "oui", "true"…).
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "oui", "yes", "o", "y":
		return true
	}
	return false
}

// board is what the trainer's dashboard reads from the server.
type board struct{ s *Server }

func (b board) WorkshopDrafts() ([]storage.WorkshopDraft, error) {
	return b.s.cfg.Store.WorkshopDrafts()
}
func (b board) ParticipantDraft(owner string, id int64) (storage.Draft, error) {
	return b.s.cfg.Store.ForOwner(owner).Get(id)
}
func (b board) Connected() []string { return b.s.Connected() }

// slogLogger is a *log.Logger writing to a structured log.
func slogLogger(l *slog.Logger) *log.Logger { return log.New(logWriter{l}, "", 0) }
