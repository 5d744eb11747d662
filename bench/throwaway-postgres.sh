# Sourced by the bench scripts. start_throwaway_postgres BIN [SERVER OPTION ...] starts a PostgreSQL
# server from the binaries in BIN (initdb, pg_ctl) on a free loopback port, sets $port, $pg_bin and
# $pg_dir, and stops and removes it when the script exits. As root the server runs as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_throwaway_postgres() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }

start_throwaway_postgres() {
  pg_bin=$1; shift
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found in '$pg_bin'; apt-get install postgresql" >&2; exit 1; }
  pg_dir=$(mktemp -d /tmp/oe-bench-pg-XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_dir"
  trap stop_throwaway_postgres EXIT
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start -o "-p $port -c listen_addresses=127.0.0.1 -k $pg_dir $*" >/dev/null
}
