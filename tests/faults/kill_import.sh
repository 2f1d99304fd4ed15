# `kill -9` in the middle of a large import: the ledger opens, is sound, holds nothing of that
# import, and the same import then succeeds in full.
source "$(dirname "$0")/lib.bash"
prepare 6 50 200   # about 60,000 lines (fewer for the trainees who join later)
lines=$(($(wc -l < data/attendance.csv) - 1))
# Something recorded before, which must survive.
"$LEDGER" session plan --convention NAT-2026-0001 --module OPT-FAM --date 2027-03-01 --slot am --start 09:00 --end 12:30 >/dev/null
"$LEDGER" attend --convention NAT-2026-0001 --module OPT-FAM --date 2027-03-01 --slot am --all-present >/dev/null
[ "$(entries)" -eq 50 ] || fail "setup"

mkfifo progress
"$LEDGER" attend --file data/attendance.csv --progress 2>progress >import.out &
pid=$!
killed=""
# Progress lines read `attend FILE : N % (M lignes lues)` (no-break spaces), one per tenth: kill at 40 % or later.
while read -r line; do
  echo "$line" >>progress.log
  percent="$(sed -n 's/.*[^0-9]\([0-9][0-9]*\)[^0-9(]*% (.*/\1/p' <<<"$line")"
  if [ -n "$percent" ] && [ "$percent" -ge 40 ] && [ -z "$killed" ]; then
    kill -9 "$pid"
    killed="at $percent%"
  fi
done <progress
status=0
wait "$pid" || status=$?
[ -n "$killed" ] || fail "the import ended before it could be killed: $(cat progress.log)"
[ "$status" -eq 137 ] || fail "the import was not killed (exit $status): $(cat import.out)"
[ ! -s import.out ] || fail "the killed import reported: $(cat import.out)"

"$LEDGER" session list --convention NAT-2026-0001 >/dev/null || fail "the ledger does not open after the kill"
check_sound
[ "$(entries)" -eq 50 ] || fail "after the kill the ledger holds $(entries) entries, not the 50 from before"

"$LEDGER" attend --file data/attendance.csv >import.out || fail "the import after the kill: $(cat import.out)"
[ "$(entries)" -eq $((lines + 50)) ] || fail "after the second import: $(entries) entries, not $((lines + 50))"
check_sound
echo "ok: killed $killed; nothing of the import kept; the import then succeeded"
