#!/usr/bin/env bash
# National-scale benchmark: builds Release in build-bench/ and prints, side by side, the bulk
# import against the sqlite3 shell's `.import`, peak memory, one half-day, the month report,
# verify and export, at 100,000 and 1,000,000 entries (README, "Performance"); then the same CSV
# into PostgreSQL against psql's `\copy`, eight concurrent writers and the month report there, on
# the cluster of LEDGER_PG_HOST or, without one, a cluster of tests/pg/cluster.sh started for the
# run (none when PostgreSQL 15 is not installed).
#   bash tests/bench/run.sh [ENTRIES,...]     e.g. bash tests/bench/run.sh 100000
# Needs about 2 GB of free disk in $TMPDIR (default /tmp) and a few minutes. Not part of CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${LEDGER_BENCH_BUILD:-$root/build-bench}"
entries="${1:-100000,1000000}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target ledger ledger_gen ledger_bench >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/ledger-bench.XXXXXX")"
started=""
trap '[ -z "$started" ] || bash "$root/tests/pg/cluster.sh" stop; rm -rf "$work"' EXIT
pg=()
if [ -z "${LEDGER_PG_HOST:-}" ] && [ -x "${LEDGER_PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ]; then
  eval "$(bash "$root/tests/pg/cluster.sh" start)"
  started=1
fi
if [ -n "${LEDGER_PG_HOST:-}" ]; then
  pg=(--pg-cluster "$root/tests/pg/cluster.sh")
  server="$(psql -h "$LEDGER_PG_HOST" -U "$LEDGER_PG_USER" -d postgres -tAc "SELECT 'PostgreSQL ' || current_setting('server_version') || ' (fsync ' || current_setting('fsync') || ')'")"
fi
echo "ledger benchmark on $(nproc) cores, $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite /')${server:+, $server}, $(date -u +%FT%TZ)"
LEDGER_USER=bench "$build/tests/bench/ledger_bench" --ledger "$build/ledger" --gen "$build/tests/tools/ledger_gen" \
  --work "$work" --entries "$entries" "${pg[@]}"
