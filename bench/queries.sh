#!/usr/bin/env bash
# Runs the query benchmark (GET by id and every list filter over a million events) against a throwaway
# PostgreSQL, started from the installed server binaries and removed afterwards. Durability is off
# (fsync) only to fill the events faster; the queries read from memory either way.
# Usage: bench/queries.sh [--events N] [--queries N] [--only TEXT]   (--only: the kinds whose name holds TEXT)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/throwaway-postgres.sh

start_throwaway_postgres "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)" -c shared_buffers=512MB -c fsync=off -c max_wal_size=4GB
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null

dotnet run -c Release --project bench/OrleansEvents.Bench -- queries \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench" "$@"
