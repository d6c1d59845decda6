package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/text/unicode/norm"

	"aect/wizard"
)

// TrainerUser is the SSH user name of the trainer, who signs in with the trainer's code.
const TrainerUser = "formateur"

// codeWords are the words of the generated codes: common French nouns without accents
// (a code is typed on any keyboard), easy to read aloud and to spell, of distinct sounds.
var codeWords = strings.Fields(`
	abeille abricot ananas ancre arbre atelier aurore bambou banane balcon baleine bateau
	biscuit blaireau bonnet bougie boussole bouton brioche cabane cacao cactus cadran caillou
	camion canard canyon caramel carnet carotte cascade castor cerise chalet chamois chapeau
	chariot cheval chocolat chouette cigale citron citrouille clairon cloche colibri colline
	corail corbeau coquille coucou crayon cygne dauphin domino drapeau falaise fanfare farine
	faucon fauteuil figue flocon fleuve fourmi fraise fromage galet gaufre gazelle girafe
	glacier gobelet grenier grillon guitare hamac hameau hibou hirondelle homard horizon
	horloge igloo jaguar jardin jasmin jongleur kayak koala lagune lanterne lapin lasso
	lavande lierre lilas loutre lunettes lutin mangue manteau marais marmotte marteau melon
	merle miel mimosa miroir moineau montagne mouette moulin mouton muguet myrtille navet
	neige noisette noyer nuage oasis olive orage orange origami pagode palmier panda papaye
	papillon paquet parapluie persil peuplier piano pinceau pingouin pirate pivoine plage
	platane pluie plume poire pomme poney prairie prune puzzle quartz radeau radis raisin
	renard rideau robot rocher rosier rossignol rubis ruban ruisseau sablier sable sapin
	saphir sardine saule saumon sifflet sirop soleil source tambour tapis tartine tigre
	tilleul tipi tiroir tomate tortue totem toucan toupie trompette truite tulipe tunnel
	vague valise vallon vanille violette violon voilier volcan wagon yaourt zigzag
`)

// NewCode returns a random code of words distinct words and a two-digit number, easy to
// read aloud to a room: "abricot-volcan-47". crypto/rand draws it.
func NewCode(words int) (string, error) {
	parts := make([]string, 0, words+1)
	for len(parts) < words {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeWords))))
		if err != nil {
			return "", fmt.Errorf("random code: %w", err)
		}
		if w := codeWords[n.Int64()]; !slices.Contains(parts, w) { // « pomme-pomme » reads as a mistake
			parts = append(parts, w)
		}
	}
	n, err := rand.Int(rand.Reader, big.NewInt(90))
	if err != nil {
		return "", fmt.Errorf("random code: %w", err)
	}
	return strings.Join(append(parts, fmt.Sprint(10+n.Int64())), "-"), nil
}

// normalCode is a code as compared: without case, accents, spaces or hyphens, so that
// "Abricot Volcan 47" read aloud and typed as heard matches "abricot-volcan-47".
func normalCode(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '_' || r == '.' {
			return -1
		}
		return r
	}, wizard.Fold(s))
}

// CheckCode returns a French error when a code given with --code is too weak to keep the
// room's neighbours out.
func CheckCode(code string) error {
	if utf8.RuneCountInString(normalCode(code)) < 6 {
		return wizard.Errorf("le code d'atelier « %s » est trop court : choisissez au moins 6 lettres ou chiffres (par exemple deux mots et un nombre, « tilleul-ruban-38 »), ou laissez aect le tirer au sort", code)
	}
	return nil
}

// sameCode compares a typed code with the expected one in constant time.
func sameCode(typed, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(normalCode(typed)), []byte(normalCode(want))) == 1
}

// maxNameLength is the longest participant name, in characters.
const maxNameLength = 32

// errName explains which names are accepted.
const errName = "utilisez votre prénom, en lettres et chiffres (tiret, point ou soulignement permis), " +
	"32 caractères au plus, par exemple : ssh -p PORT marie@ADRESSE"

// ParticipantName returns the owner name of the participant who signed in as user: the
// user name in lower case (Unicode NFC), so that "Marie" and "marie" are one person, and
// one folder in the end-of-workshop export on every system. A name that would make a
// poor folder name, or the trainer's, is refused with a French error.
func ParticipantName(user string) (string, error) {
	name := strings.ToLower(norm.NFC.String(strings.TrimSpace(user)))
	switch {
	case name == "":
		return "", wizard.Errorf("nom de participant vide : %s", errName)
	case name == TrainerUser:
		return "", wizard.Errorf("« %s » est le nom réservé au formateur : %s", TrainerUser, errName)
	case utf8.RuneCountInString(name) > maxNameLength:
		return "", wizard.Errorf("nom de participant trop long : %s", errName)
	}
	for i, r := range name {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || (i > 0 && strings.ContainsRune("-_.", r))
		if !ok {
			return "", wizard.Errorf("le nom « %s » contient un caractère refusé : %s", safeName(user), errName)
		}
	}
	// Device names of Windows: the trainer's export writes a folder by participant.
	base, _, _ := strings.Cut(name, ".")
	if slices.Contains([]string{"con", "prn", "aux", "nul"}, base) ||
		len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) && base[3] >= '0' && base[3] <= '9' {
		return "", wizard.Errorf("le nom « %s » est réservé par Windows : %s", name, errName)
	}
	if strings.HasSuffix(name, ".") {
		return "", wizard.Errorf("un nom ne peut pas finir par un point : %s", errName)
	}
	return name, nil
}

// safeName shows a refused user name without its control characters.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return '?'
		}
		return r
	}, s)
}

// authorizedKeys is the set of public keys of --cles.
type authorizedKeys map[string]bool

// readAuthorizedKeys reads an OpenSSH authorized_keys file: one public key a line;
// comments and blank lines are skipped. A file without any key is an error, in French.
func readAuthorizedKeys(path string) (authorizedKeys, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, wizard.Errorf("fichier de clés « %s » illisible : indiquez avec --cles un fichier authorized_keys (une clé publique ssh par ligne)", path)
	}
	keys := authorizedKeys{}
	for rest := data; len(rest) > 0; {
		key, _, _, next, err := gossh.ParseAuthorizedKey(rest)
		if err != nil {
			break // nothing more that parses
		}
		keys[string(key.Marshal())] = true
		rest = next
	}
	if len(keys) == 0 {
		return nil, wizard.Errorf("le fichier « %s » ne contient aucune clé publique ssh lisible (lignes « ssh-ed25519 AAAA… prenom »)", path)
	}
	return keys, nil
}

// has reports whether key is in the set.
func (a authorizedKeys) has(key ssh.PublicKey) bool { return key != nil && a[string(key.Marshal())] }

// Failed sign-ins are limited by address: after maxFailures within failureWindow, the
// address is refused until the window ends. The codes, read aloud, cannot be long; this
// is what keeps them out of reach of guessing.
const (
	maxFailures   = 10
	failureWindow = 5 * time.Minute
)

// failures counts the failed sign-ins of each client address.
type failures struct {
	mu  sync.Mutex
	now func() time.Time
	by  map[string]*failureCount
}

type failureCount struct {
	n     int
	since time.Time
}

func newFailures(now func() time.Time) *failures {
	return &failures{now: now, by: map[string]*failureCount{}}
}

// blocked reports whether addr made too many failed attempts lately.
func (f *failures) blocked(addr string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.by[addr]
	return c != nil && c.n >= maxFailures && f.now().Sub(c.since) < failureWindow
}

// add records a failed attempt of addr.
func (f *failures) add(addr string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.now()
	if len(f.by) > 4096 {
		for a, c := range f.by {
			if now.Sub(c.since) >= failureWindow {
				delete(f.by, a)
			}
		}
	}
	c := f.by[addr]
	if c == nil || now.Sub(c.since) >= failureWindow {
		c = &failureCount{since: now}
		f.by[addr] = c
	}
	c.n++
}
