#!/usr/bin/env bash
# Load test of aect serve, as a room uses it: the server runs as its own process; SESSIONS
# participants (30), each from its own loopback address, type the whole sample 02 at once
# through an SSH terminal (serve/load_test.go, build tag « load »). Reports the time from a
# key to the frame that answers it (median, p99), the server's resident memory per
# session, and checks the database afterwards: every plan typed whole, integrity_check
# ok, no « database is locked ». Then stops the server with SIGTERM (exit code 0).
# Targets: p99 under 50 ms on a 2-core machine, under 8 MB per session.
# Linux only (/proc, 127.0.0.x addresses). Takes about five minutes.
# Usage: .ci/serve-load.sh [SESSIONS] [PAUSE]   (PAUSE: mean time between two keys of a participant,
# ± 50 %, default 200ms: five keys a second, a fast typist; 0: as fast as the frames come
# back, a stress test)
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${1:-30}
PAUSE=${2:-200ms}
TMP=$(mktemp -d)
PID=
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT

echo "== construction"
CGO_ENABLED=0 go build -o "$TMP/aect" ./cmd/aect
export XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"

echo "== serveur"
PORT=$((20000 + RANDOM % 20000))
CODE=charge-essai-42
"$TMP/aect" --db "$TMP/atelier.db" serve --port "$PORT" --adresse 0.0.0.0 --code "$CODE" --sessions $((SESSIONS + 10)) >"$TMP/serve.out" 2>&1 &
PID=$!
for _ in $(seq 200); do grep -q "Code du formateur" "$TMP/serve.out" 2>/dev/null && break; sleep 0.05; done
grep -q "Code du formateur" "$TMP/serve.out" || { cat "$TMP/serve.out" >&2; echo "serve-load : le serveur ne démarre pas" >&2; exit 1; }

echo "== $SESSIONS participants tapent l'exemple 02"
AECT_LOAD_ADDR="127.0.0.1:$PORT" AECT_LOAD_PID="$PID" AECT_LOAD_DB="$TMP/atelier.db" AECT_LOAD_CODE="$CODE" \
AECT_LOAD_LOG="$TMP/state/aect/aect.log" AECT_LOAD_SESSIONS="$SESSIONS" AECT_LOAD_PAUSE="$PAUSE" \
	go test -tags load -count=1 -run '^$' -bench ServeLoad -benchtime 1x -timeout 30m -v ./serve \
	| grep -v '^\(goos\|goarch\|pkg\|cpu\):'

echo "== arrêt (SIGTERM)"
kill -TERM "$PID"
code=0
wait "$PID" || code=$?
PID=
[ "$code" -eq 0 ] || { cat "$TMP/serve.out" >&2; echo "serve-load : le serveur sort avec le code $code" >&2; exit 1; }
grep -q "Atelier arrêté" "$TMP/serve.out" || { echo "serve-load : pas de message d'arrêt" >&2; exit 1; }
echo "serve-load ok"
