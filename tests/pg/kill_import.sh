#!/usr/bin/env bash
# The PostgreSQL server stopped (`pg_ctl stop -m immediate`) in the middle of a large import: the
# import ends with one line saying the connection was lost and nothing recorded; after a restart
# the ledger holds nothing of it, verifies with the head it had before, and the same import then
# succeeds in full.
#   bash tests/pg/kill_import.sh LEDGER REPO_ROOT   (skipped, exit 77, without tests/pg/cluster.sh)
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
[ -n "${LEDGER_PG_HOST:-}" ] || { echo "SKIP: no PostgreSQL cluster (tests/pg/cluster.sh start)"; exit 77; }
gen="$(dirname "$ledger")/tests/tools/ledger_gen"
[ -x "$gen" ] || { echo "FAIL: $gen not built (tests/tools)"; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# The server is stopped here: a cluster of its own, so that the tests using the shared one go on.
eval "$(bash "$root/tests/pg/cluster.sh" start)"
work=$(mktemp -d)
trap 'bash "$root/tests/pg/cluster.sh" stop 2>/dev/null || rm -rf "$LEDGER_PG_HOST"; rm -rf "$work"' EXIT
pg_ctl=(/usr/lib/postgresql/15/bin/pg_ctl -D "$LEDGER_PG_HOST/data" -l "$LEDGER_PG_HOST/server.log" -w)
[ "$(id -u)" -eq 0 ] && pg_ctl=(runuser -u nobody -- "${pg_ctl[@]}")
export LEDGER_DB=$(bash "$root/tests/pg/cluster.sh" url kill_import)
# The generated conventions run 2026-09-01..2027-08-31: the clock stands at their end.
export LEDGER_NOW=2027-08-31T12:00:00Z LEDGER_USER=tester TZ=UTC
cd "$work"
"$gen" --out data --conventions 6 --trainees 50 --half-days 200 --seed 7 2>/dev/null  # about 60,000 lines
"$ledger" init >/dev/null
for f in data/conventions/*.toml; do "$ledger" convention import "$f" >/dev/null; done
"$ledger" session plan --file data/sessions.csv >/dev/null
lines=$(($(wc -l < data/attendance.csv) - 1))
entries() { psql "$LEDGER_DB" -tAc "SELECT count(*) FROM attendance"; }
head_of() { grep -o '[0-9a-f]\{64\}' verify.out; }
# Something recorded before, which must survive.
"$ledger" session plan --convention NAT-2026-0001 --module OPT-FAM --date 2027-03-01 --slot am --start 09:00 --end 12:30 >/dev/null
"$ledger" attend --convention NAT-2026-0001 --module OPT-FAM --date 2027-03-01 --slot am --all-present >/dev/null
[ "$(entries)" -eq 50 ] || fail "setup: $(entries) entries"
"$ledger" verify >verify.out
before=$(head_of)

mkfifo progress
"$ledger" attend --file data/attendance.csv --progress 2>progress >import.out &
pid=$!
stopped=""
# Progress lines read `attend FILE : N % (M lignes lues)`, one per tenth; the messages go there too.
while IFS= read -r line; do
  echo "$line" >>import.err
  percent="$(sed -n 's/.*[^0-9]\([0-9][0-9]*\)[^0-9(]*% (.*/\1/p' <<<"$line")"
  if [ -n "$percent" ] && [ "$percent" -ge 30 ] && [ -z "$stopped" ]; then
    (cd / && "${pg_ctl[@]}" -m immediate stop >/dev/null)
    stopped="at $percent%"
  fi
done <progress
status=0
wait "$pid" || status=$?
[ -n "$stopped" ] || fail "the import ended before the server could be stopped: $(cat import.err)"
[ "$status" -eq 3 ] || fail "the import ended with $status, not 3 (database): $(cat import.err import.out)"
[ ! -s import.out ] || fail "the import reported on stdout: $(cat import.out)"
message=$(grep -v '^attend .*% (' import.err || true)
[ "$(wc -l <<<"$message")" -eq 1 ] || fail "not one line: $message"
nb=$(printf '\xe2\x80\xaf')  # the narrow no-break space before `;`
grep -q "^ledger: error: database: connexion au serveur PostgreSQL perdue (serveur arrêté ou redémarré, ou connexion coupée)$nb; rien n'a été enregistré$nb; la commande peut être relancée$" \
  <<<"$message" || fail "the message: $message"

(cd / && "${pg_ctl[@]}" -o "-c listen_addresses='' -c unix_socket_directories='$LEDGER_PG_HOST' -c fsync=off -c max_connections=60" start >/dev/null)
[ "$(entries)" -eq 50 ] || fail "after the restart the ledger holds $(entries) entries, not the 50 from before"
"$ledger" verify >verify.out 2>&1 || fail "verify after the restart: $(cat verify.out)"
grep -q "intègre" verify.out || fail "verify after the restart: $(cat verify.out)"
[ "$(head_of)" = "$before" ] || fail "the chain head moved: $before before, $(head_of) after"

"$ledger" attend --file data/attendance.csv >import.out 2>&1 || fail "the import after the restart: $(cat import.out)"
[ "$(entries)" -eq $((lines + 50)) ] || fail "after the second import: $(entries) entries, not $((lines + 50))"
"$ledger" verify >verify.out 2>&1 || fail "verify after the second import: $(cat verify.out)"
echo "ok: server stopped $stopped, said in one line; nothing of the import kept, head $before; the import then succeeded"
