# Sourced by scripts that need a throwaway `omendb serve`: on free loopback ports (it picks
# them) and a data directory under a given temporary directory.
#
#   temp_omendb_start DIR BINARY   sets OMEN_PORT and OMEN_PID; data in DIR/omen, log DIR/omen.log
#   temp_omendb_stop               stops the server it started (safe to call twice)
temp_omendb_start() {
  local dir=$1 bin=$2
  mkdir -p "$dir/omen"
  "$bin" serve --data-dir "$dir/omen" --port 0 --http-port 0 >"$dir/omen.log" 2>&1 &
  OMEN_PID=$!
  for _ in $(seq 100); do grep -q "omendb: ready" "$dir/omen.log" && break; sleep 0.1; done
  OMEN_PORT=$(sed -n 's/.*PostgreSQL protocol on [0-9.]*:\([0-9]*\).*/\1/p' "$dir/omen.log")
  [ -n "$OMEN_PORT" ] || { cat "$dir/omen.log"; return 1; }
}

temp_omendb_stop() {
  if [ -n "${OMEN_PID:-}" ]; then
    kill "$OMEN_PID" 2>/dev/null && wait "$OMEN_PID" 2>/dev/null
    OMEN_PID=
  fi
  return 0
}

# Both servers side by side (needs temp_postgres.sh sourced too): makes TMP (a new temporary
# directory named after `name`), starts PostgreSQL there (`pg_options` as postgres -c options)
# and `omendb serve`, and stops both and removes TMP when the script exits.
#   temp_servers_start NAME BINARY [pg_options...]   sets TMP, PG_PORT, OMEN_PORT, OMEN_PID
temp_servers_start() {
  local name=$1 bin=$2
  shift 2
  TMP=$(mktemp -d "/tmp/omendb_${name}.XXXXXX")
  trap 'temp_omendb_stop; temp_postgres_stop "$TMP"; rm -rf "$TMP"' EXIT
  temp_postgres_start "$TMP" "$@"
  temp_omendb_start "$TMP" "$bin"
}
