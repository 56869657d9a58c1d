#!/usr/bin/env bash
# Runs the benchmark on SQLite and on a throwaway PostgreSQL 15 server. Prints figures only; asserts nothing.
#   bench/run.sh [members=1000000] [queries=300]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-1000000}; QUERIES=${2:-300}
dotnet build bench/Lianxin.Bench -c Release -nologo -v q
BIN=bench/Lianxin.Bench/bin/Release/net10.0/Lianxin.Bench.dll
OUT=$(mktemp -d /tmp/lianxin-bench.XXXXXX)
echo "== SQLite"
dotnet "$BIN" --db "sqlite:$OUT/bench.db" --members "$MEMBERS" --queries "$QUERIES"
echo "== PostgreSQL 15"
source scripts/postgres.sh
start_throwaway_postgres
PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$LIANXIN_TEST_PG")
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE bench"
dotnet "$BIN" --db "${LIANXIN_TEST_PG/Database=postgres/Database=bench}" --members "$MEMBERS" --queries "$QUERIES"
rm -rf "$OUT"
