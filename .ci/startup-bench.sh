#!/usr/bin/env bash
# Start-up benchmark, measured in tmux as a user sees it: time from launching the program
# to the first full drafts list (1 000 drafts), against a minimal huh form started and
# measured the same way in the same run; then aect's resident memory (VmRSS).
# Targets: under 60 ms, within 1.5 × the minimal form, under 30 MB.
# Usage: .ci/startup-bench.sh [RUNS]   (default 10 runs, median reported)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tmux >/dev/null || { echo "startup-bench : tmux est introuvable (apt-get install tmux)." >&2; exit 1; }
RUNS=${1:-10}
TMP=$(mktemp -d)
SOCK="$TMP/tmux.sock"
cleanup() { tmux -S "$SOCK" kill-server 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

echo "== construction"
CGO_ENABLED=0 go build -o "$TMP/aect" ./cmd/aect
CGO_ENABLED=0 go build -o "$TMP/minimalform" ./tui/internal/minimalform
export XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"

echo "== base de 1 000 brouillons"
mkdir "$TMP/plans"
for i in $(seq 200); do
	for f in wizard/samples/*.json; do cp "$f" "$TMP/plans/$(basename "$f" .json)-$i.json"; done
done
"$TMP/aect" --db "$TMP/t.db" import "$TMP/plans"/*.json >/dev/null
n=$("$TMP/aect" --db "$TMP/t.db" list | tail -n +2 | wc -l)
[ "$n" -eq 1000 ] || { echo "startup-bench : $n brouillons au lieu de 1 000" >&2; exit 1; }

# measure CMD TEXT: milliseconds from launch to the program's first full frame, as the
# program itself reports it through AECT_BENCH_READY (the launch time is taken by the shell
# just before exec); then checks in tmux that the screen shows TEXT. Polling tmux alone is
# too coarse here: one capture-pane costs tens of milliseconds on these machines.
measure() {
	local cmd=$1 text=$2
	rm -f "$TMP/start" "$TMP/ready"
	tmux -S "$SOCK" new-window -d -t keep -n b "date +%s%N > $TMP/start; AECT_BENCH_READY=$TMP/ready exec $cmd"
	for _ in $(seq 1000); do [ -s "$TMP/ready" ] && break; sleep 0.01; done
	[ -s "$TMP/ready" ] || { echo "startup-bench : pas de premier écran pour $cmd" >&2; exit 1; }
	for _ in $(seq 200); do
		tmux -S "$SOCK" capture-pane -p -t keep:b 2>/dev/null | grep -qF -- "$text" && break
		sleep 0.05
	done
	tmux -S "$SOCK" capture-pane -p -t keep:b | grep -qF -- "$text" ||
		{ echo "startup-bench : « $text » n'apparaît pas" >&2; tmux -S "$SOCK" capture-pane -p -t keep:b >&2; exit 1; }
	echo $((($(cat "$TMP/ready") - $(cat "$TMP/start")) / 1000000))
}

# done_with: closes the program's window (the session lives on in its first window).
done_with() { tmux -S "$SOCK" kill-window -t keep:b; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

tmux -S "$SOCK" new-session -d -s keep -x 100 -y 30 "sleep 3600"
aect_ms=() form_ms=()
for _ in $(seq "$RUNS"); do
	form_ms+=("$(measure "$TMP/minimalform" "Nom du projet")")
	done_with
	aect_ms+=("$(measure "$TMP/aect --db $TMP/t.db" "Vos projets (1000)")")
	done_with
done
measure "$TMP/aect --db $TMP/t.db" "Vos projets (1000)" >/dev/null
pid=$(pgrep -f "^$TMP/aect --db" | head -1)
rss_start=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
# Walk the whole list and back, filter it, open a draft: memory after use.
tmux -S "$SOCK" send-keys -t keep:b End Home / e v r y Enter Enter
sleep 1
rss_used=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

a=$(printf '%s\n' "${aect_ms[@]}" | median)
f=$(printf '%s\n' "${form_ms[@]}" | median)
echo "== résultats ($RUNS mesures, médianes)"
echo "aect, premier écran complet avec 1 000 brouillons : ${a} ms  (mesures : ${aect_ms[*]})"
echo "formulaire huh minimal, premier écran            : ${f} ms  (mesures : ${form_ms[*]})"
awk -v a="$a" -v f="$f" 'BEGIN { printf "rapport aect / formulaire minimal : %.2f\n", (f > 0 ? a / f : 0) }'
echo "mémoire résidente d'aect (VmRSS) : $((rss_start / 1024)) Mo au premier écran, $((rss_used / 1024)) Mo après défilement, filtre et ouverture d'un brouillon"
ok=1
[ "$a" -lt 60 ] || { echo "! au-delà de 60 ms"; ok=0; }
awk -v a="$a" -v f="$f" 'BEGIN { exit !(a <= 1.5 * f) }' || { echo "! au-delà de 1,5 × le formulaire minimal"; ok=0; }
[ "$rss_used" -lt $((30 * 1024)) ] || { echo "! au-delà de 30 Mo"; ok=0; }
[ $ok -eq 1 ] && echo "startup-bench : objectifs tenus."
exit 0
