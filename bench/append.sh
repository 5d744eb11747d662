#!/usr/bin/env bash
# Runs the append benchmark against a throwaway PostgreSQL with default durability (fsync and
# synchronous_commit on), started from the installed server binaries and removed afterwards.
# Usage: bench/append.sh [--seconds N] [--flushes N] [--profile 1]   (--profile: only the 10 000-stream run, to attach a profiler)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/throwaway-postgres.sh

start_throwaway_postgres "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)" -c max_connections=200 -c shared_buffers=512MB
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null

# The silo runs with server GC (the Web SDK's default); measure its append path the same way.
DOTNET_gcServer=1 DOTNET_gcConcurrent=1 dotnet run -c Release --project bench/OrleansEvents.Bench -- append \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench;Max Auto Prepare=64;Maximum Pool Size=100" "$@"
