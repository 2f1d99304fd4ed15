# Four coordinators record different half-days of one ledger at the same time, by files and by
# single half-days: every entry is recorded, none reports "database is locked", the chain holds.
source "$(dirname "$0")/lib.bash"
prepare 2 20 40   # 2 conventions x 20 trainees x 40 half-days = 1,600 lines

# One file per half-day (convention, module, date, slot), dealt round-robin to four writers.
mkdir part
awk -F, 'NR == 1 { header = $0; next }
         { key = $1 "_" $2 "_" $3 "_" $4
           if (!(key in file)) {
             file[key] = "part/" key ".csv"; print header > file[key]; n++
             list = "writer" (n % 4) ".list"; print file[key] > list
           }
           print > file[key] }' data/attendance.csv
[ "$(cat writer*.list | wc -l)" -eq 80 ] || fail "expected 80 half-day files"

# Five more half-days per writer, recorded one command at a time.
for w in 0 1 2 3; do
  for i in 1 2 3 4 5; do
    "$LEDGER" session plan --convention NAT-2026-0001 --module OPT-FAM --date "2027-0$((w + 3))-0$i" --slot am \
      --start 09:00 --end 12:30 >/dev/null
  done
done

writer() {
  local w="$1" f i
  while read -r f; do "$LEDGER" attend --file "$f" || echo "exit $? on $f"; done <"writer$w.list"
  for i in 1 2 3 4 5; do
    "$LEDGER" attend --convention NAT-2026-0001 --module OPT-FAM --date "2027-0$((w + 3))-0$i" --slot am --all-present \
      --late T003=20 || echo "exit $? on 2027-0$((w + 3))-0$i"
  done
}
for w in 0 1 2 3; do writer "$w" >"writer$w.out" 2>&1 & done
wait

cat writer*.out >all.out
! grep -qi "locked\|busy" all.out || fail "a writer saw: $(grep -i 'locked\|busy' all.out | head -3)"
! grep -q "^exit\|error" all.out || fail "a writer failed: $(grep '^exit\|error' all.out | head -3)"
[ "$(grep -c 'enregistr' all.out)" -eq 100 ] || fail "expected 100 recorded messages: $(grep -c 'enregistr' all.out)"
[ "$(entries)" -eq $((1600 + 20 * 20)) ] || fail "expected 2000 entries, found $(entries)"
check_sound
echo "ok: 4 writers, 100 commands, 2000 entries, chain verified"
