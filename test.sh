#!/usr/bin/env bash
# Runs every test of Lianxin: unit, API (on SQLite and on a throwaway PostgreSQL 15 server) and
# end-to-end (headless Debian Chromium). Provisions what it needs; the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ART="$ROOT/artifacts/test"
rm -rf "$ART"; mkdir -p "$ART"
log() { printf '\n== %s\n' "$*"; }

# --- 1. System packages: PostgreSQL 15, Chromium, a CJK font (Debian packages; nothing downloads its own browser).
need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
command -v sqlite3 >/dev/null || need+=(sqlite3)          # deploy/backup.sh (tested)
if (( ${#need[@]} )); then
  log "installing ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "could not install ${need[*]}: the tests that need them will fail"
fi

# --- 2. The console (Vue) is built into the app's wwwroot; the end-to-end tests use it.
./scripts/build-web.sh || echo "web build failed: the end-to-end tests will fail"

# --- 3. A throwaway PostgreSQL 15 server on a free loopback port, removed on exit (durability off: tests only).
source scripts/postgres.sh
LIANXIN_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" start_throwaway_postgres \
  || echo "no PostgreSQL: the PostgreSQL half of the API tests will fail"

# --- 4. Build once, then run the three test projects.
log "dotnet build"
dotnet build Lianxin.slnx -c Release -nologo -v q 2>&1 | grep -E "error|Warn|Elapsed" ; build=${PIPESTATUS[0]}
status=0
if [ "$build" -ne 0 ]; then echo "build failed"; status=1; fi
for project in tests/Lianxin.UnitTests tests/Lianxin.ApiTests tests/Lianxin.E2E; do
  [ -d "$project" ] || continue
  name=$(basename "$project")
  log "$name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$ART" 2>&1 \
    | grep -vE "^\s*$|Microsoft \(R\)|Copyright|^A total of|Starting test execution" || true
done

# --- 5. One line for CI: the sum over every TRX file.
passed=0; failed=0; total_files=0
for trx in "$ART"/*.trx; do
  [ -f "$trx" ] || continue
  total_files=$((total_files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done
expected=$(ls -d tests/Lianxin.UnitTests tests/Lianxin.ApiTests tests/Lianxin.E2E 2>/dev/null | wc -l)
if [ "$build" -ne 0 ] || [ "$total_files" -lt "$expected" ]; then failed=$((failed + 1)); echo "a test project did not run"; fi
echo "screenshots and results: $ART"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
