#!/usr/bin/env bash
# The demonstration ledger (SQLite) copied to PostgreSQL keeps its head; through psql, with the
# cluster's own credentials, UPDATE, DELETE and TRUNCATE of a chained table are refused, and a
# trigger disabled is what `verify` then reports.
#   bash tests/pg/copy_append_only.sh LEDGER REPO_ROOT   (skipped, exit 77, without a cluster)
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
[ -n "${LEDGER_PG_HOST:-}" ] || { echo "SKIP: no PostgreSQL cluster (tests/pg/cluster.sh start)"; exit 77; }
database="copy_$$"
work=$(mktemp -d)
trap 'bash "$root/tests/pg/cluster.sh" drop "$database"; rm -rf "$work"' EXIT
url=$(bash "$root/tests/pg/cluster.sh" url "$database")
export LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester TZ=UTC
cd "$work"
"$ledger" demo --db demo.db > /dev/null
head=$("$ledger" --db demo.db verify | grep -o '[0-9a-f]\{64\}')
"$ledger" --db demo.db copy --to "$url" | grep -q "$head" || { echo "FAIL: copy head"; exit 1; }
"$ledger" --db "$url" verify | grep -q "intègre.*$head" || { echo "FAIL: verify on PostgreSQL"; exit 1; }
for statement in "UPDATE attendance SET minutes = 0" "DELETE FROM attendance" "TRUNCATE attendance CASCADE" \
                 "UPDATE convention SET title = 'x'" "TRUNCATE convention CASCADE"; do
  if psql "$url" -v ON_ERROR_STOP=1 -qc "$statement" > out 2>&1; then echo "FAIL: psql $statement was allowed"; exit 1; fi
  grep -q "append-only" out || { cat out; echo "FAIL: $statement refused for another reason"; exit 1; }
done
"$ledger" --db "$url" verify | grep -q "intègre.*$head" || { echo "FAIL: verify after the refusals"; exit 1; }
psql "$url" -qc "ALTER TABLE attendance DISABLE TRIGGER attendance_no_truncate"
if "$ledger" --db "$url" verify > out; then echo "FAIL: verify passed with a trigger disabled"; exit 1; fi
grep -q "attendance_no_truncate" out || { cat out; echo "FAIL: verify does not name the trigger"; exit 1; }
echo "ok: head $head on both, edits refused, a disabled trigger found"
