#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on a free loopback port and a temporary data directory,
# runs pg_check.py over every SQL logic test file (their expectations must be PostgreSQL's),
# and stops it again, also on failure.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
source "$ROOT/scripts/lib/temp_postgres.sh"

TMP=$(mktemp -d /tmp/omendb_pgcheck.XXXXXX)
cleanup() {
  temp_postgres_stop "$TMP"
  rm -rf "$TMP"
}
trap cleanup EXIT
temp_postgres_start "$TMP" fsync=off

cd "$ROOT"
/usr/bin/python3 "$HERE/pg_check.py" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" \
  $(find test/sql -name '*.test' | sort)
