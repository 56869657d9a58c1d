#!/usr/bin/env bash
# Runs the benchmark on SQLite and on a throwaway PostgreSQL 15 server. Prints figures only; asserts nothing.
#   bench/run.sh [members=1000000] [queries=300]
#   bench/run.sh grid [events=1000000] [queries=300]    grid governance: 5,000 grid polygons, N events in one district
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA=()
if [ "${1:-}" = grid ]; then
  EXTRA=(--grid-events "${2:-1000000}"); set -- 20000 "${3:-300}"
fi
MEMBERS=${1:-1000000}; QUERIES=${2:-300}
dotnet build bench/Lianxin.Bench -c Release -nologo -v q
BIN=bench/Lianxin.Bench/bin/Release/net10.0/Lianxin.Bench.dll
OUT=$(mktemp -d /tmp/lianxin-bench.XXXXXX)
echo "== SQLite"
dotnet "$BIN" --db "sqlite:$OUT/bench.db" --members "$MEMBERS" --queries "$QUERIES" "${EXTRA[@]}"
echo "== PostgreSQL 15"
source scripts/postgres.sh
start_throwaway_postgres
PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$LIANXIN_TEST_PG")
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE bench"
dotnet "$BIN" --db "${LIANXIN_TEST_PG/Database=postgres/Database=bench}" --members "$MEMBERS" --queries "$QUERIES" "${EXTRA[@]}"
rm -rf "$OUT"
