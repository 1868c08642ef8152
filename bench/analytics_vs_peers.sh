#!/usr/bin/env bash
# Analytics queries (bench/analytics/queries.sql: scans, filters, aggregates, GROUP BY) on one
# table of N rows: OmenDB against PostgreSQL 15 and DuckDB in the same run, every answer
# compared across the three. Starts `omendb serve` and PostgreSQL on free loopback ports and
# temporary data directories, loads the same rows into both with the same SQL (settled:
# CHECKPOINT; VACUUM ANALYZE on PostgreSQL), and loads DuckDB in memory (its Node.js API,
# installed from npm into build/duckdb-node on first use). OmenDB and PostgreSQL are timed over
# the protocol with psycopg2 (the results are a few rows, so the round trip is a small part);
# DuckDB in-process. Median of R runs after one warm-up run.
#
#   bench/analytics_vs_peers.sh [N=10000000] [R=5]
#
# Needs the Release build (scripts/test.sh or scripts/run.sh builds it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N=${1:-10000000}
R=${2:-5}
BIN="$ROOT/build/release"
HERE="$ROOT/bench/analytics"
source "$ROOT/scripts/lib/temp_postgres.sh"
source "$ROOT/scripts/lib/temp_omendb.sh"
[ -x "$BIN/tools/omendb" ] || { echo "missing $BIN/tools/omendb"; exit 1; }
command -v node >/dev/null || apt-get install -y -qq nodejs npm >/dev/null

DUCK="$ROOT/build/duckdb-node"
if [ ! -d "$DUCK/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$DUCK"
  (cd "$DUCK" && npm install --silent --no-audit --no-fund @duckdb/node-api@1.5.6-r.1)
fi

temp_servers_start analytics "$BIN/tools/omendb" shared_buffers=2GB

cat >"$TMP/load.sql" <<SQL
CREATE TABLE t (id bigint PRIMARY KEY, a integer, b double precision, c text, d integer);
INSERT INTO t SELECT g, g % 1000, g / 2.0, 'row ' || CAST(g AS text), (g * 7) % 100
  FROM generate_series(1, $N) AS s(g);
SQL
psql_to() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres "${@:2}"; }
echo "loading $N rows into OmenDB, PostgreSQL and DuckDB"
psql_to "$PG_PORT" -f "$TMP/load.sql"
psql_to "$PG_PORT" -c "VACUUM ANALYZE t"
psql_to "$PG_PORT" -c "CHECKPOINT"
psql_to "$OMEN_PORT" -f "$TMP/load.sql"
psql_to "$OMEN_PORT" -c "CHECKPOINT"
for threads in 2 1; do
  (cd "$DUCK" && cp "$HERE/duckdb_runner.mjs" . &&
   node duckdb_runner.mjs "$threads" "$TMP/load.sql" "$HERE/queries.sql" "$R") >"$TMP/duck$threads.json"
done
/usr/bin/python3 "$HERE/compare.py" "$HERE/queries.sql" "$R" \
  "host=127.0.0.1 port=$OMEN_PORT user=postgres dbname=postgres" \
  "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" \
  "$TMP/duck2.json" "$TMP/duck1.json"
