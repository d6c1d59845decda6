#!/usr/bin/env bash
# PDF benchmark, as a user gets them: `aect export N --format pdf` of sample 02 (four
# documents) and `--format actes` (the dossier @ctes), each in a fresh process — the
# program's start, the database, the fonts parsed once, the four PDFs rendered and
# written; then the in-process benchmarks (go test -bench), where the fonts are already
# parsed. Target: all the PDFs of a plan under 50 ms (LibreOffice: 10 to 15 s).
# Usage: .ci/pdf-bench.sh [RUNS]   (default 9 runs, median reported)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-9}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"

CGO_ENABLED=0 go build -o "$TMP/aect" ./cmd/aect
"$TMP/aect" --db "$TMP/t.db" import wizard/samples/02-convention-eau-senegal.json >/dev/null
# The dossier @ctes needs the SIREN, the act's number and a séance already held.
sed -e 's/"authority": {/"authority": {"siren": "241800507",/' -e 's/"session": {/"session": {"act_number": "2026_045",/' \
	-e 's/"date": "2026-12-15"/"date": "2026-11-24"/' -e 's/"convocation_date": "2026-12-08"/"convocation_date": "2026-11-17"/' \
	wizard/samples/02-convention-eau-senegal.json >"$TMP/02-actes.json"
"$TMP/aect" --db "$TMP/t.db" import "$TMP/02-actes.json" >/dev/null

# median CMD...: the median wall time of RUNS runs of CMD, in milliseconds.
median() {
	local times=()
	for _ in $(seq "$RUNS"); do
		rm -rf "$TMP/out"
		mkdir "$TMP/out"
		local t0 t1
		t0=$(date +%s%N)
		(cd "$TMP/out" && "$@" >/dev/null)
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f ms", m/1000}'
}

echo "== un processus neuf par export (médiane de $RUNS)"
echo "export 1 --format pdf   : $(median "$TMP/aect" --db "$TMP/t.db" export 1 --format pdf)   ($(ls "$TMP"/out/*/*.pdf | wc -l) PDF)"
echo "export 2 --format actes : $(median "$TMP/aect" --db "$TMP/t.db" export 2 --format actes)   ($(ls "$TMP"/out/*/actes/*.pdf | wc -l) PDF)"
echo "== dans le processus (go test -bench)"
go test -run '^$' -bench 'PDFAll' -benchmem ./wizard/document/ | grep '^Benchmark'
go test -run '^$' -bench 'DraftPDF|DraftActes' -benchmem ./internal/export/ | grep '^Benchmark'
