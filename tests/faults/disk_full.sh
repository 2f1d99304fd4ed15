# The disk fills up during an import (RLIMIT_FSIZE: the WAL may not grow past a limit): a clear
# error, exit 3, nothing half-written; the same import succeeds once there is room.
source "$(dirname "$0")/lib.bash"
prepare 1 50 200   # 10,000 lines
before="$(entries)"
size_kib=$(( $(stat -c %s ledger.db) / 1024 ))

# The file-size limit makes write() fail with EFBIG, as on a full disk, once SIGXFSZ is ignored.
status=0
( trap '' XFSZ; ulimit -f $((size_kib + 256)); exec "$LEDGER" attend --file data/attendance.csv ) >out.txt 2>err.txt || status=$?
[ "$status" -eq 3 ] || fail "expected exit 3 on a full disk, got $status: $(cat out.txt err.txt)"
grep -qi "disque est plein" err.txt || fail "the error does not say the disk is full: $(cat err.txt)"
grep -qi "rien n.a été enregistré" err.txt || fail "the error does not say that nothing was recorded: $(cat err.txt)"
[ ! -s out.txt ] || fail "a full disk reported success: $(cat out.txt)"
[ "$(entries)" -eq "$before" ] || fail "the failed import left $(( $(entries) - before )) entries"
check_sound

# Too little room even to set a new ledger up: said plainly, and no empty file left behind.
status=0
( trap '' XFSZ; ulimit -f 1; exec "$LEDGER" --db new.db init ) >out.txt 2>err.txt || status=$?
[ "$status" -eq 3 ] || fail "expected exit 3 for init on a full disk, got $status: $(cat out.txt err.txt)"
grep -qi "disque est plein" err.txt || fail "init on a full disk does not say so: $(cat err.txt)"
[ ! -e new.db ] && [ ! -e new.db-wal ] && [ ! -e new.db-shm ] || fail "init on a full disk left files: $(ls new.db*)"

"$LEDGER" attend --file data/attendance.csv >out.txt || fail "the import with room: $(cat out.txt)"
[ "$(entries)" -ge $((before + 10000)) ] || fail "after the import with room: $(entries) entries"
check_sound
echo "ok: a full disk is reported (exit 3) and leaves nothing half-written"
