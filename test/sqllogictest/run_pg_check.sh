#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on a free loopback port and a temporary data directory,
# runs pg_check.py over every SQL logic test file (their expectations must be PostgreSQL's),
# and stops it again, also on failure.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/postgres" ] || { echo "PostgreSQL 15 server missing (scripts/setup.sh installs it)"; exit 1; }

TMP=$(mktemp -d /tmp/omendb_pgcheck.XXXXXX)
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
AS_PG=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$TMP"
  AS_PG=(runuser -u postgres --)
fi
cleanup() {
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

"${AS_PG[@]}" "$PGBIN/initdb" -D "$TMP/data" -A trust -U postgres --locale=C.UTF-8 -E UTF8 >"$TMP/initdb.log" 2>&1 \
  || { cat "$TMP/initdb.log"; exit 1; }
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/data" -w -l "$TMP/server.log" \
  -o "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$TMP/server.log"; exit 1; }

cd "$ROOT"
/usr/bin/python3 "$HERE/pg_check.py" "host=127.0.0.1 port=$PORT user=postgres dbname=postgres" \
  $(find test/sql -name '*.test' | sort)
