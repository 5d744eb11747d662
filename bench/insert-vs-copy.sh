#!/usr/bin/env bash
# PostgreSQL's cost per row of the writer's group-commit statements against a text COPY of the same
# rows (no heads kept), in transactions of 40 rows (what the load bench's batch rows commit at once), on
# a throwaway server with the product's schema. Prints wall microseconds per row for 10 000 rows each
# way, alternating, twice.
# usage: bench/insert-vs-copy.sh [postgres bin dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/throwaway-postgres.sh"
start_throwaway_postgres "${1:-/usr/lib/postgresql/15/bin}" -c fsync=on -c synchronous_commit=on -c shared_buffers=512MB
work=$(mktemp -d /tmp/oe-insert-copy-XXXXXX)
trap 'rm -rf "$work"; stop_throwaway_postgres' EXIT
psql="$pg_bin/psql -X -q -h 127.0.0.1 -p $port -U postgres -d postgres -v ON_ERROR_STOP=1"
for script in "$here"/../sql/postgres/0*.sql; do $psql -f "$script" >/dev/null; done
python3 "$here/sql/group_rows.py" copy 2 5000 warm > "$work/warm.sql"
$psql -f "$work/warm.sql" >/dev/null
for round in 1 2; do
  for mode in insert copy; do
    python3 "$here/sql/group_rows.py" "$mode" 250 40 "$mode$round" > "$work/$mode$round.sql"
    started=$(date +%s%N)
    $psql -f "$work/$mode$round.sql" >/dev/null
    echo "$mode, 250 groups of 40 rows: $(( ($(date +%s%N) - started) / 10000 / 1000 )) µs per row"
  done
done
