# SIGINT or SIGTERM during a write: the command says that nothing was recorded and exits 130 or
# 143, and nothing of the write stays. A write waiting for another writer says so after a second.
source "$(dirname "$0")/lib.bash"
prepare 3 50 200   # 30,000 lines
trainees() { sqlite3 "$LEDGER_DB" "SELECT count(*) FROM trainee"; }
before_trainees="$(trainees)"

# 1. Waiting for another writer, then interrupted. A script's background job ignores SIGINT:
#    env --default-signal gives it back its default, as on a terminal.
(echo "BEGIN IMMEDIATE;"; sleep 8; echo "ROLLBACK;") | sqlite3 "$LEDGER_DB" &
holder=$!
sleep 0.5
for signal in INT TERM; do
  env --default-signal=INT "$LEDGER" trainee add --convention NAT-2026-0001 --id "X$signal" --last-name Attente \
    --first-name Zoé >out.txt 2>err.txt &
  pid=$!
  sleep 2
  grep -q "attend son tour" err.txt || fail "no note after two seconds of waiting: $(cat err.txt)"
  kill -"$signal" "$pid"
  status=0
  wait "$pid" || status=$?
  want=$([ "$signal" = INT ] && echo 130 || echo 143)
  [ "$status" -eq "$want" ] || fail "SIG$signal while waiting: exit $status, not $want: $(cat out.txt err.txt)"
  grep -q "interrompu (SIG$signal).*rien n'a été enregistré" err.txt || fail "SIG$signal while waiting: $(cat err.txt)"
  [ ! -s out.txt ] || fail "SIG$signal while waiting printed: $(cat out.txt)"
done
wait "$holder"
[ "$(trainees)" -eq "$before_trainees" ] || fail "an interrupted trainee add was recorded"

# 2. SIGTERM in the middle of a large import (progress lines on stderr, one per tenth).
mkfifo progress
"$LEDGER" attend --file data/attendance.csv --progress 2>progress >import.out &
pid=$!
sent=""
while read -r line; do
  echo "$line" >>progress.log
  percent="$(sed -n 's/.*[^0-9]\([0-9][0-9]*\)[^0-9(]*% (.*/\1/p' <<<"$line")"
  if [ -n "$percent" ] && [ "$percent" -ge 40 ] && [ -z "$sent" ]; then
    kill -TERM "$pid"
    sent="at $percent%"
  fi
done <progress
status=0
wait "$pid" || status=$?
[ -n "$sent" ] || fail "the import ended before the signal: $(cat progress.log)"
[ "$status" -eq 143 ] || fail "SIGTERM during the import: exit $status: $(cat import.out progress.log)"
grep -q "interrompu (SIGTERM).*rien n'a été enregistré" progress.log || fail "SIGTERM during the import: $(cat progress.log)"
[ ! -s import.out ] || fail "the interrupted import reported: $(cat import.out)"
[ "$(entries)" -eq 0 ] || fail "the interrupted import kept $(entries) entries"
check_sound
echo "ok: interrupted while waiting (SIGINT, SIGTERM) and $sent of an import: nothing recorded, exit 130/143"
