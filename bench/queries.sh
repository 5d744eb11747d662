#!/usr/bin/env bash
# Runs the query benchmark (GET by id and every list filter over a million events) against a throwaway
# PostgreSQL, started from the installed server binaries and removed afterwards. Durability is off
# (fsync) only to fill the events faster; the queries read from memory either way.
# Usage: bench/queries.sh [--events N] [--queries N] [--only TEXT]   (--only: the kinds whose name holds TEXT)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found; apt-get install postgresql" >&2; exit 1; }
dir=$(mktemp -d /tmp/oe-bench-pg-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
cleanup() { as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT

as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c shared_buffers=512MB -c fsync=off -c max_wal_size=4GB" >/dev/null
as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null

dotnet run -c Release --project bench/OrleansEvents.Bench -- queries \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench" "$@"
