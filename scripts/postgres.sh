# Sourced by test.sh and bench/run.sh: start_throwaway_postgres starts a PostgreSQL 15 server in a temp
# directory on a free loopback port, exports LIANXIN_TEST_PG, and stops and removes it when the shell exits.
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_throwaway_postgres() {
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 is not installed (apt-get install postgresql-15)"; return 1; }
  PGDIR=$(mktemp -d /tmp/lianxin-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGDIR"' EXIT
  local port=55432
  while (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
    && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
         -o "-p $port -c listen_addresses=127.0.0.1 -k $PGDIR -c max_connections=300 ${LIANXIN_PG_OPTIONS:-}" start >/dev/null \
    || { echo "PostgreSQL did not start:"; tail -20 "$PGDIR"/*.log; return 1; }
  export LIANXIN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL 15 on 127.0.0.1:$port"
}
