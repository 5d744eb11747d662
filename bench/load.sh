#!/usr/bin/env bash
# Runs the load benchmark (HTTP to silo processes of its own, in-process grains, binary COPY, single-row
# INSERT) against a throwaway PostgreSQL 15 with default durability (fsync and synchronous_commit on),
# started from the installed server binaries and removed afterwards. Each row makes and drops its own database.
# Usage: bench/load.sh [--events N] [--only REGEX]   (--only: just the rows whose description matches, e.g. "http, 10,000 streams")
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/throwaway-postgres.sh

start_throwaway_postgres /usr/lib/postgresql/15/bin -c fsync=on -c synchronous_commit=on -c max_connections=200 -c shared_buffers=512MB

# The silo runs with server GC (the Web SDK's default); the in-process rows run the same way.
DOTNET_gcServer=1 DOTNET_gcConcurrent=1 dotnet run -c Release --project bench/OrleansEvents.Bench -- load \
  --postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" "$@"
