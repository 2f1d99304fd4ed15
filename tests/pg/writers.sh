#!/usr/bin/env bash
# Eight processes record eight different half-days at once on one PostgreSQL ledger: every entry
# is there, the chain has no gap and verifies (writers wait in turn on the chain head's row).
#   bash tests/pg/writers.sh LEDGER REPO_ROOT     (skipped, exit 77, without tests/pg/cluster.sh)
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
[ -n "${LEDGER_PG_HOST:-}" ] || { echo "SKIP: no PostgreSQL cluster (tests/pg/cluster.sh start)"; exit 77; }
database="writers_$$"
work=$(mktemp -d)
trap 'bash "$root/tests/pg/cluster.sh" drop "$database"; rm -rf "$work"' EXIT
export LEDGER_DB=$(bash "$root/tests/pg/cluster.sh" url "$database")
export LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester TZ=UTC
cd "$work"
"$ledger" init > /dev/null
"$ledger" convention template > convention.toml
"$ledger" convention import convention.toml > /dev/null
"$ledger" trainee add --id T02 --last-name Durand --first-name Alice > /dev/null
days=(2026-10-05 2026-10-06 2026-10-07 2026-10-08 2026-10-12 2026-10-13 2026-10-14 2026-10-15)
for day in "${days[@]}"; do
  "$ledger" session plan --module PREMSS --date "$day" --slot am --minutes 210 --trainer "Paul Girard" > /dev/null
done
before=$("$ledger" verify | grep -o '[0-9]* entrées' | cut -d' ' -f1)
pids=()
for day in "${days[@]}"; do
  "$ledger" attend --module PREMSS --date "$day" --slot am --all-present > "out.$day" 2>&1 &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
if [ $failed -ne 0 ]; then cat out.*; echo "FAIL: a writer failed"; exit 1; fi
report=$("$ledger" verify)
after=$(echo "$report" | grep -o '[0-9]* entrées' | cut -d' ' -f1)
echo "$report"
if [ "$after" -ne $((before + 16)) ]; then echo "FAIL: $before entries before, $after after, 16 expected more"; exit 1; fi
