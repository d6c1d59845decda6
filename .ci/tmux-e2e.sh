#!/usr/bin/env bash
# Drives the real aect binary in tmux, as a user would: create a draft, answer the
# Collectivité and Partenaire sections, kill -9 the process, start it again, and check
# that every answer is there and that the draft reopens where the user was; then that a
# plain copy of the database file, made after the program exits while another window
# keeps the database open, holds the last draft created.
# Needs tmux (apt-get install tmux). Exits non-zero with a French message on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tmux >/dev/null || { echo "tmux-e2e : tmux est introuvable (apt-get install tmux)." >&2; exit 1; }

TMP=$(mktemp -d)
SOCK="$TMP/tmux.sock"
DB="$TMP/t.db"

cleanup() {
	tmux -S "$SOCK" kill-server 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
	echo "tmux-e2e : ÉCHEC — $*" >&2
	echo "--- écran :" >&2
	tmux -S "$SOCK" capture-pane -p -t e2e 2>/dev/null >&2 || true
	exit 1
}

screen() { tmux -S "$SOCK" capture-pane -p -t e2e; }
keys() { tmux -S "$SOCK" send-keys -t e2e "$@"; }
typed() { tmux -S "$SOCK" send-keys -t e2e -l "$1"; }

# wait_for TEXT: polls the screen (up to 10 s) until it shows TEXT.
wait_for() {
	for _ in $(seq 200); do
		if screen 2>/dev/null | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
	done
	fail "le texte « $1 » n'apparaît pas à l'écran"
}

start() {
	tmux -S "$SOCK" new-session -d -s e2e -x 100 -y 30 "$TMP/aect --db $DB"
}

echo "== construction du binaire"
CGO_ENABLED=0 go build -o "$TMP/aect" ./cmd/aect
# The program's own files (logs) stay in the temporary folder.
export XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"

echo "== création d'un brouillon"
start
wait_for "Bienvenue"
keys n
wait_for "Nouveau projet"
typed "Jumelage Évry – Lindenbach"
keys Enter
wait_for "1/10 Collectivité"

echo "== section Collectivité"
wait_for "Votre collectivité"
typed "st cyprien 24"                        # the directory, loaded on first use
wait_for "Saint-Cyprien (24, Dordogne)"
keys Tab                                     # passed: the commune is fictional
wait_for "Titre du projet"
keys Enter                                   # titre, donné à la création
keys Enter                                   # type : commune
typed "Commune d'Évry-Test"; keys Enter      # nom
typed "241 800 507"; keys Enter              # SIREN
keys Enter                                   # SIRET (facultatif)
typed "isere"; keys Enter                    # département : 38 – Isère
typed "2400"; keys Enter                     # population
typed "Marie Durand"; keys Enter             # exécutif
keys Enter                                   # titre : maire
keys Space Enter                             # compétence : eau potable
typed "850 000"; keys Enter                  # budget de l'eau
wait_for "2/10 Partenaire"

echo "== section Partenaire"
typed "Gemeinde Lindenbach"; keys Enter
typed "allemagne"; keys Enter
keys Enter                                   # autorité locale étrangère
typed "Thomas Keller, Bürgermeister"; keys Enter
typed "allemand, français"; keys Enter
typed "Échanges scolaires depuis 2015."; keys Enter
keys o                                       # entité reconnue : oui
wait_for "3/10 Domaine"

echo "== kill -9"
pid=$(pgrep -f "$TMP/aect --db $DB" || true)
[ -n "$pid" ] || fail "processus aect introuvable"
kill -9 $pid
for _ in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
kill -0 $pid 2>/dev/null && fail "le processus $pid survit à kill -9"
tmux -S "$SOCK" kill-server 2>/dev/null || true

echo "== redémarrage"
start
wait_for "Jumelage Évry"
keys Enter
wait_for "3/10 Domaine"                          # reopens where the user was
keys C-t; wait_for "Sommaire"; keys 2
wait_for "Réponse actuelle : Gemeinde Lindenbach"
keys C-t; wait_for "Sommaire"; keys 1
wait_for "Votre collectivité"; keys Tab
wait_for "Réponse actuelle : Jumelage Évry – Lindenbach"

echo "== réponses enregistrées"
json=$("$TMP/aect" --db "$DB" export-json 1 2>&1) || fail "export-json a échoué : $json"
for want in \
	'"type": "commune"' \
	"\"name\": \"Commune d'Évry-Test\"" \
	'"departement": "38"' \
	'"population": 2400' \
	'"siren": "241800507"' \
	'"executive_name": "Marie Durand"' \
	'"annual_resources": 850000' \
	'"name": "Gemeinde Lindenbach"' \
	'"country": "DE"' \
	'"kind": "autorite_locale"' \
	'"representative": "Thomas Keller, Bürgermeister"' \
	'"français"' \
	'"history": "Échanges scolaires depuis 2015."' \
	'"recognised_confirmed": true'; do
	grep -qF -- "$want" <<<"$json" || fail "réponse absente après kill -9 : $want"$'\n'"$json"
done

keys Escape
wait_for "Vos projets (1)"
keys q
for _ in $(seq 100); do tmux -S "$SOCK" has-session -t e2e 2>/dev/null || break; sleep 0.05; done
tmux -S "$SOCK" has-session -t e2e 2>/dev/null && fail "q ne ferme pas le programme"

echo "== copie du fichier après la sortie"
# Another window keeps the database open (the accessible mode, waiting for an answer), so
# that SQLite does not fold the log into the file on its own at the last close: the
# program must do it when it exits, for a plain copy of the file alone to be complete.
mkfifo "$TMP/entree"
"$TMP/aect" --db "$DB" --accessible <"$TMP/entree" >"$TMP/autre-fenetre.txt" 2>&1 &
holder=$!
exec 3>"$TMP/entree" # its input stays open until fd 3 is closed
for _ in $(seq 200); do [ -s "$TMP/autre-fenetre.txt" ] && break; sleep 0.05; done
start
wait_for "Vos projets (1)"
keys n
wait_for "Nouveau projet"
typed "Créé juste avant la sortie"; keys Enter
wait_for "1/10 Collectivité"
keys Escape
wait_for "Vos projets (2)"
keys q
for _ in $(seq 100); do tmux -S "$SOCK" has-session -t e2e 2>/dev/null || break; sleep 0.05; done
cp "$DB" "$TMP/copie.db"
exec 3>&-
wait $holder || true
list=$("$TMP/aect" --db "$TMP/copie.db" list 2>&1) || fail "la copie ne s'ouvre pas : $list"
grep -qF "Créé juste avant la sortie" <<<"$list" || fail "la copie du fichier seul n'a pas le dernier brouillon"$'\n'"$list"

echo "tmux-e2e : OK — les réponses ont survécu à kill -9, le brouillon rouvre à la bonne section, et le fichier copié après la sortie est complet."
