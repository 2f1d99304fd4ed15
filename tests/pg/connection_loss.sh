#!/usr/bin/env bash
# The connection to PostgreSQL lost mid-write (the backend terminated, as a server shutting down
# or an administrator does): one line says so and that nothing was recorded, nothing is, and the
# retry succeeds. Lost during COMMIT itself, the line says the outcome is unknown; the retry then
# records the half-day, and a retry of a write that was recorded says the half-day already is.
#   bash tests/pg/connection_loss.sh LEDGER REPO_ROOT   (skipped, exit 77, without tests/pg/cluster.sh)
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
[ -n "${LEDGER_PG_HOST:-}" ] || { echo "SKIP: no PostgreSQL cluster (tests/pg/cluster.sh start)"; exit 77; }
gen="$(dirname "$ledger")/tests/tools/ledger_gen"
[ -x "$gen" ] || { echo "FAIL: $gen not built (tests/tools)"; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
database="loss_$$"
work=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true; bash "$root/tests/pg/cluster.sh" drop "$database"; rm -rf "$work"' EXIT
export LEDGER_DB=$(bash "$root/tests/pg/cluster.sh" url "$database")
# The generated conventions run 2026-09-01..2027-08-31: the clock stands at their end.
export LEDGER_NOW=2027-08-31T12:00:00Z LEDGER_USER=tester TZ=UTC
cd "$work"
"$gen" --out data --conventions 3 --trainees 50 --half-days 200 --seed 7 2>/dev/null  # about 30,000 lines
"$ledger" init >/dev/null
for f in data/conventions/*.toml; do "$ledger" convention import "$f" >/dev/null; done
"$ledger" session plan --file data/sessions.csv >/dev/null
"$ledger" session plan --convention NAT-2026-0001 --module OPT-FAM --date 2027-03-01 --slot am --start 09:00 --end 12:30 >/dev/null
lines=$(($(wc -l < data/attendance.csv) - 1))
sql() { psql "$LEDGER_DB" -v ON_ERROR_STOP=1 -qtAc "$1"; }
entries() { sql "SELECT count(*) FROM attendance"; }
head_of() { "$ledger" verify >verify.out 2>&1 || fail "verify: $(cat verify.out)"; grep -o '[0-9a-f]\{64\}' verify.out; }
# The ledger's backends but psql's own.
terminate() { sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$database' AND pid <> pg_backend_pid() $1"; }
nb=$(printf '\xe2\x80\xaf')  # the narrow no-break space before `;` and `:`
lost="ledger: error: database: connexion au serveur PostgreSQL perdue (serveur arrêté ou redémarré, ou connexion coupée)"
one_line() {  # one_line FILE EXPECTED_REGEX: the file's messages (progress aside) are that one line
  local message
  message=$(grep -v '^attend .*% (' "$1" || true)
  [ "$(wc -l <<<"$message")" -eq 1 ] || fail "not one line: $message"
  grep -q "^$2\$" <<<"$message" || fail "the message: $message"
}

# 1. Lost in the middle of an import.
before=$(head_of)
mkfifo progress
"$ledger" attend --file data/attendance.csv --progress 2>progress >import.out &
pid=$!
cut=""
while IFS= read -r line; do
  echo "$line" >>import.err
  percent="$(sed -n 's/.*[^0-9]\([0-9][0-9]*\)[^0-9(]*% (.*/\1/p' <<<"$line")"
  if [ -n "$percent" ] && [ "$percent" -ge 30 ] && [ -z "$cut" ]; then
    [ "$(terminate "")" -eq 1 ] || fail "the import's backend was not found"
    cut="at $percent%"
  fi
done <progress
status=0
wait "$pid" || status=$?
pid=""
[ -n "$cut" ] || fail "the import ended before its connection could be cut: $(cat import.err)"
[ "$status" -eq 3 ] || fail "the import ended with $status, not 3 (database): $(cat import.err import.out)"
[ ! -s import.out ] || fail "the import reported on stdout: $(cat import.out)"
one_line import.err "$lost$nb; rien n'a été enregistré$nb; la commande peut être relancée"
[ "$(entries)" -eq 0 ] || fail "the import cut left $(entries) entries"
[ "$(head_of)" = "$before" ] || fail "the chain head moved"
"$ledger" attend --file data/attendance.csv >import.out 2>&1 || fail "the import retried: $(cat import.out)"
[ "$(entries)" -eq "$lines" ] || fail "after the retry: $(entries) entries, not $lines"

# 2. Lost during COMMIT: a deferred trigger holds the COMMIT of one half-day while the backend is
# terminated. The server rolls it back, but the client cannot know.
sql "CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END \$\$;
     CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON attendance DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW EXECUTE FUNCTION slow_commit()"
half_day=(--convention NAT-2026-0001 --module OPT-FAM --date 2027-03-01 --slot am --all-present)
"$ledger" attend "${half_day[@]}" >attend.out 2>attend.err &
pid=$!
for _ in $(seq 100); do
  [ "$(terminate "AND query LIKE 'COMMIT%' AND wait_event = 'PgSleep'")" -eq 1 ] && break
  sleep 0.2
done
status=0
wait "$pid" || status=$?
pid=""
[ "$status" -eq 3 ] || fail "the attend cut in COMMIT ended with $status, not 3: $(cat attend.err attend.out)"
one_line attend.err "$lost pendant la validation$nb; l'écriture a pu être enregistrée ou non$nb: relancez la commande, elle dira si c'est déjà enregistré"
sql "DROP TRIGGER slow_commit ON attendance; DROP FUNCTION slow_commit()"
[ "$(entries)" -eq "$lines" ] || fail "the COMMIT cut left $(($(entries) - lines)) entries"
"$ledger" attend "${half_day[@]}" >attend.out 2>&1 || fail "the attend retried: $(cat attend.out)"
[ "$(entries)" -eq $((lines + 50)) ] || fail "after the retry: $(entries) entries, not $((lines + 50))"
recorded=$(head_of)

# 3. The retry of a write that was recorded (as when the connection drops after the COMMIT)
# says so for each trainee, and records nothing.
status=0
"$ledger" attend "${half_day[@]}" >attend.out 2>attend.err || status=$?
[ "$status" -eq 2 ] || fail "the attend again ended with $status, not 2: $(cat attend.err attend.out)"
[ "$(grep -c "^ledger: error: --trainee: T[0-9]*: a déjà une entrée pour cette demi-journée$nb; modifiez-la avec \`ledger attend correct\`$" attend.err)" -eq 50 ] ||
  fail "the attend again: $(cat attend.err)"
[ "$(entries)" -eq $((lines + 50)) ] || fail "the attend again: $(entries) entries, not $((lines + 50))"
[ "$(head_of)" = "$recorded" ] || fail "the attend again moved the chain head"
echo "ok: cut $cut and in COMMIT, nothing recorded either time, both retries succeeded; the half-day recorded said so"
