# Sourced by scripts that need a throwaway PostgreSQL 15 (Debian's): on a free loopback port
# and a data directory under a given temporary directory, run as the postgres user when we
# are root. Never touches port 5432 or an existing cluster.
#
#   temp_postgres_start DIR [postgres -c options...]   sets PG_PORT; the cluster is DIR/pg
#   temp_postgres_stop DIR                             immediate stop (safe to call twice)
PGBIN=/usr/lib/postgresql/15/bin

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

temp_postgres_start() {
  local dir=$1
  shift
  [ -x "$PGBIN/postgres" ] || { echo "PostgreSQL 15 server missing (scripts/setup.sh installs it)"; return 1; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  PG_PORT=$(free_port)
  _as_pg "$PGBIN/initdb" -D "$dir/pg" -A trust -U postgres --locale=C.UTF-8 -E UTF8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
  local opts="-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1"
  for o in "$@"; do opts="$opts -c $o"; done
  _as_pg "$PGBIN/pg_ctl" -D "$dir/pg" -w -l "$dir/pg.log" -o "$opts" start >/dev/null \
    || { cat "$dir/pg.log"; return 1; }
}

temp_postgres_stop() {
  _as_pg "$PGBIN/pg_ctl" -D "$1/pg" -m immediate stop >/dev/null 2>&1 || true
}
