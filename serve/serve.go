// Package serve runs a workshop over the room's network (aect serve): one laptop serves
// the assistant over SSH to every participant, who needs nothing but the ssh client every
// Windows 10/11, macOS and Linux computer has.
//
// The SSH server is charmbracelet/wish's (the bubbletea v1 line). Each participant signs
// in under their own name with the workshop code (or a key listed in --cles) and gets the
// full-screen assistant, one tea.Program per session, on their own drafts only (a
// storage view scoped by owner), or the accessible line mode with the command
// « accessible ». The trainer signs in as « formateur » with the trainer's code and gets
// a live dashboard of everyone. Sessions need a terminal; there is no shell, no port
// forwarding and no subsystem. Shutdown saves every session's answers before the server
// ends.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/logging"
	"github.com/charmbracelet/wish/ratelimiter"
	wishrecover "github.com/charmbracelet/wish/recover"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"aect/storage"
	"aect/wizard/directory"
	"aect/wizard/document"
)

// Defaults of a workshop server.
const (
	// DefaultMaxSessions is the number of sessions served at once: a room of 30 with a
	// second window each, and the trainer's.
	DefaultMaxSessions = 70
	// DefaultIdleTimeout closes a connection where nothing was typed or shown for that
	// long; every answer given is saved, and the participant signs in again.
	DefaultIdleTimeout = 2 * time.Hour
)

// closeGrace is how long Shutdown lets the clients close their connections after the
// goodbye.
const closeGrace = 2 * time.Second

// Sessions opened by one client address: a burst, then one every sessionEvery.
const (
	sessionBurst = 10
	sessionEvery = 2 * time.Second
)

// Config is what a workshop server needs.
type Config struct {
	// Store is the workshop's database, as Open returned it; the server never closes it.
	Store *storage.Store
	// HostKeyPath is the ed25519 host key's file, created (mode 0600) when missing.
	HostKeyPath string
	// Code is the workshop code, the participants' password; TrainerCode the trainer's.
	Code, TrainerCode string
	// AuthorizedKeys, when not empty, is the path of an authorized_keys file: participants
	// then sign in with one of its keys instead of the workshop code.
	AuthorizedKeys string
	// Demo gives each new participant their own copy of the sample plans.
	Demo bool
	// MaxSessions bounds the sessions served at once (DefaultMaxSessions when 0).
	MaxSessions int
	// IdleTimeout closes idle connections (DefaultIdleTimeout when 0).
	IdleTimeout time.Duration
	// Version is shown in the help screen.
	Version string
	// Log receives the connections and the errors; never the terminal. May be nil.
	Log *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Accessible runs the accessible line mode of a participant on the session's input
	// and output, on store (the participant's drafts). Nil refuses the mode.
	Accessible func(in io.Reader, out io.Writer, store *storage.Store) error
	// Models are the workshop database's adapted models of the documents (aect
	// --modeles): the participants' Documents screens follow them, as the trainer's
	// final export does. Nil for the built-in ones.
	Models *document.Models
	// Directory loads the directory of collectivités in use (an imported year's, or the
	// one compiled in when nil), as tui.Options.Directory.
	Directory func() (d *directory.Directory, label string, err error)
}

// Server is a workshop server.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	log      *slog.Logger
	keys     authorizedKeys
	fails    *failures
	mu       sync.Mutex
	sessions map[*session]struct{}
	active   sync.WaitGroup
	stopping bool
}

// New prepares a workshop server: the host key (created once), the authentication, the
// middlewares. It does not listen yet (Serve).
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("serve: no store")
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{cfg: cfg, log: cfg.Log, fails: newFailures(cfg.Now), sessions: map[*session]struct{}{}}
	if cfg.AuthorizedKeys != "" {
		keys, err := readAuthorizedKeys(cfg.AuthorizedKeys)
		if err != nil {
			return nil, err
		}
		s.keys = keys
	}
	limiter := frenchLimiter{ratelimiter.NewRateLimiter(rate.Every(sessionEvery), sessionBurst, 4096)}
	opts := []ssh.Option{
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithVersion("aect"),
		wish.WithBanner("Atelier aect : le mot de passe est le code d'atelier donné par le formateur " +
			"(rien ne s'affiche pendant la frappe, c'est normal).\n"),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithPasswordAuth(s.password),
		wish.WithMiddleware(
			// A panic in one session is logged and ends that session, not the workshop.
			wishrecover.MiddlewareWithLogger(slogLogger(s.log),
				// The last one runs first.
				s.commands,
				bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
				s.identify,
				s.requireTerminal,
				s.limitSessions,
				ratelimiter.Middleware(limiter),
				logging.MiddlewareWithLogger(slogLogger(s.log)),
			),
		),
	}
	if s.keys != nil {
		opts = append(opts, wish.WithPublicKeyAuth(s.publicKey))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, hostKeyError(cfg.HostKeyPath, err)
	}
	srv.Handler = s.wrapHandler(srv.Handler)
	s.ssh = srv
	return s, nil
}

// hostKeyError explains a host key that cannot be created or read.
func hostKeyError(path string, err error) error {
	return &causedError{fmt.Sprintf("impossible de créer ou de lire la clé du serveur %s : vérifiez les droits du dossier, "+
		"ou supprimez ce fichier s'il est abîmé (une nouvelle clé sera créée ; les participants verront une nouvelle empreinte)", path), err}
}

// causedError is a French message that keeps its cause for the logs.
type causedError struct {
	msg string
	err error
}

func (e *causedError) Error() string { return e.msg }
func (e *causedError) Unwrap() error { return e.err }

// Fingerprint returns the SHA256 fingerprint of the host key, as ssh shows it the first
// time it connects ("SHA256:…").
func (s *Server) Fingerprint() string {
	if len(s.ssh.HostSigners) == 0 {
		return ""
	}
	return gossh.FingerprintSHA256(s.ssh.HostSigners[0].PublicKey())
}

// Serve serves the connections of ln until Shutdown. It returns nil after Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops the workshop: no new connection; every full-screen session saves the
// answer being typed and its pending writes, then quits; every client gets a French
// goodbye; then the connections close. It waits for the sessions until ctx ends, then
// closes what is left. The store stays open: close it after Shutdown.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.stopping = true
	sessions := make([]*session, 0, len(s.sessions))
	for ss := range s.sessions {
		sessions = append(sessions, ss)
	}
	s.mu.Unlock()

	shut := make(chan error, 1)
	go func() { shut <- s.ssh.Shutdown(ctx) }() // closes the listener, waits for the connections
	for _, ss := range sessions {
		ss.stop()
	}
	done := make(chan struct{})
	go func() {
		s.active.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	// The clients close their connections once they have read the goodbye; the ones
	// that do not, or keep a connection without a session, are closed after a moment.
	grace := time.NewTimer(closeGrace)
	defer grace.Stop()
	select {
	case <-shut:
		return err
	case <-grace.C:
	case <-ctx.Done():
	}
	s.ssh.Close()
	<-shut
	return err
}

// isStopping reports whether Shutdown has begun.
func (s *Server) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}

// password checks a password: the trainer's code for the trainer, the workshop code for a
// participant (unless keys are required). A name's validity is checked in the session,
// which can explain it in French.
func (s *Server) password(ctx ssh.Context, password string) bool {
	addr := hostOf(ctx.RemoteAddr())
	if s.fails.blocked(addr) {
		s.log.Warn("sign-in refused: too many failures", "addr", addr, "user", ctx.User())
		return false
	}
	var ok bool
	if ctx.User() == TrainerUser {
		ok = sameCode(password, s.cfg.TrainerCode)
	} else {
		ok = s.keys == nil && sameCode(password, s.cfg.Code)
	}
	if !ok {
		s.fails.add(addr)
		s.log.Info("sign-in refused", "addr", addr, "user", ctx.User())
	}
	return ok
}

// publicKey says which keys a participant may try (--cles). It is called for every key
// the client offers, before the client proves it holds the private key (CVE-2024-45337):
// nothing is decided nor remembered here. The session decides on the key the connection
// did authenticate with (identify).
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	return ctx.User() != TrainerUser && s.keys.has(key)
}

// hostOf returns the IP address of a client address.
func hostOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if a == nil {
		return ""
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// frenchLimiter is wish's rate limiter with a French refusal.
type frenchLimiter struct{ ratelimiter.RateLimiter }

// errTooFast is shown to a client address that opens sessions too quickly.
var errTooFast = errors.New("Trop de connexions depuis votre ordinateur en peu de temps : patientez une minute puis reconnectez-vous.\r\n")

// Allow refuses a session when its address opened too many lately.
func (l frenchLimiter) Allow(sess ssh.Session) error {
	if err := l.RateLimiter.Allow(sess); err != nil {
		return errTooFast
	}
	return nil
}

// LogWriter returns a writer whose every write is one line of log (wish's own logs,
// through charmbracelet/log's default logger, which otherwise writes on the terminal).
func LogWriter(l *slog.Logger) io.Writer { return logWriter{l} }

// logWriter writes the lines of a line logger (wish's, charmbracelet/log's) to our log.
type logWriter struct{ log *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	w.log.Info(string(trimNewline(p)), "source", "ssh")
	return len(p), nil
}

func trimNewline(p []byte) []byte {
	for len(p) > 0 && (p[len(p)-1] == '\n' || p[len(p)-1] == '\r') {
		p = p[:len(p)-1]
	}
	return p
}

// Connected returns the names of the participants connected now, in order.
func (s *Server) Connected() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for ss := range s.sessions {
		if !ss.trainer && ss.name != "" && !slices.Contains(out, ss.name) {
			out = append(out, ss.name)
		}
	}
	slices.Sort(out)
	return out
}
