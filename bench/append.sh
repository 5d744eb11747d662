#!/usr/bin/env bash
# Runs the append benchmark against a throwaway PostgreSQL with default durability (fsync and
# synchronous_commit on), started from the installed server binaries and removed afterwards.
# Usage: bench/append.sh [--seconds N] [--flushes N] [--profile 1]   (--profile: only the 10 000-stream run, to attach a profiler)
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
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200 -c shared_buffers=512MB" >/dev/null
as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null

# The silo runs with server GC (the Web SDK's default); measure its append path the same way.
DOTNET_gcServer=1 DOTNET_gcConcurrent=1 dotnet run -c Release --project bench/OrleansEvents.Bench -- append \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench;Max Auto Prepare=64;Maximum Pool Size=100" "$@"
