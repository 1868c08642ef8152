#!/usr/bin/env bash
# `SELECT * FROM t WHERE id = $1` (prepared) over the PostgreSQL protocol: OmenDB against
# PostgreSQL 15 in the same run, same client (bench/pg_point_bench.cc, libpq), same data.
# Starts both servers on free loopback ports and temporary data directories, loads N rows
# into both with the same SQL, settles them (CHECKPOINT; VACUUM ANALYZE on PostgreSQL), runs
# the client against each for S seconds, and stops both (also on failure).
#
#   bench/point_query_vs_postgres.sh [N=10000000] [S=10]
#
# Needs the Release build (scripts/test.sh or scripts/run.sh builds it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N=${1:-10000000}
S=${2:-10}
BIN="$ROOT/build/release"
source "$ROOT/scripts/lib/temp_postgres.sh"
source "$ROOT/scripts/lib/temp_omendb.sh"
for f in "$BIN/tools/omendb" "$BIN/bench/omendb_pg_point_bench"; do
  [ -x "$f" ] || { echo "missing $f"; exit 1; }
done

temp_servers_start pointbench "$BIN/tools/omendb" shared_buffers=2GB

# N rows from cross joins of a ten-row table (both servers run the same statements).
digits=$(/usr/bin/python3 -c "import math; print(max(1, math.ceil(math.log10($N))))")
from="d d0"; expr="d0.x"
for ((i = 1; i < digits; i++)); do from="$from, d d$i"; expr="$expr + 1$(printf '0%.0s' $(seq $i)) * d$i.x"; done
LOAD="CREATE TABLE d (x integer); INSERT INTO d VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
CREATE TABLE t (id bigint PRIMARY KEY, a integer, b double precision, c text);
INSERT INTO t SELECT id, (id * 7 % 1000)::integer, id::double precision / 2, 'row ' || id::text
  FROM (SELECT $expr AS id FROM $from) s WHERE id < $N;"
psql_to() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2"; }
echo "loading $N rows into each server"
psql_to "$PG_PORT" "$LOAD"
psql_to "$PG_PORT" "VACUUM ANALYZE t"
psql_to "$PG_PORT" "CHECKPOINT"
psql_to "$OMEN_PORT" "$LOAD"
psql_to "$OMEN_PORT" "CHECKPOINT"

echo "prepared point query, one connection, ${S}s each (latencies per query, client included)"
"$BIN/bench/omendb_pg_point_bench" "host=127.0.0.1 port=$OMEN_PORT user=postgres dbname=postgres" "$N" "$S" omendb | tee "$TMP/omen.txt"
"$BIN/bench/omendb_pg_point_bench" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" "$N" "$S" postgresql | tee "$TMP/pg.txt"
/usr/bin/python3 - "$TMP/omen.txt" "$TMP/pg.txt" <<'PY'
import re, sys
q = [float(re.search(r"([\d.]+) q/s", open(f).read()).group(1)) for f in sys.argv[1:]]
print("throughput omendb / postgresql = %.2fx" % (q[0] / q[1]))
PY
