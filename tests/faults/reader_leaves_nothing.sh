# A ledger read by a user who may not write it: the read works and leaves no -wal or -shm behind
# (SQLite would give them the reader's ownership, and its owner could no longer write). Root
# ignores permissions, so the owner and the reader are two unprivileged uids through setpriv.
source "$(dirname "$0")/lib.bash"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then echo "skipped: needs root and setpriv"; exit 0; fi
chmod 1777 "$WORK"  # like /tmp: anyone may create files here
as() {
  local uid="$1"; shift
  setpriv --reuid="$uid" --regid="$uid" --clear-groups env HOME=/ LEDGER_USER="u$uid" LEDGER_DB="$WORK/ledger.db" "$@"
}
as 4242 test -x "$LEDGER" || { echo "skipped: another user cannot run $LEDGER"; exit 0; }
cp "$ROOT/tests/golden/files/reimb-worked.toml" "$ROOT/tests/golden/files/reimb-worked-sessions.csv" .
chmod 644 reimb-worked.toml reimb-worked-sessions.csv

owner() { as 4242 "$LEDGER" "$@"; }
reader() { as 4243 "$LEDGER" "$@"; }
side_files() { ls -A | grep -E '^ledger\.db-(wal|shm)$' || true; }

owner init >/dev/null
owner convention import reimb-worked.toml >/dev/null
owner session plan --file reimb-worked-sessions.csv >/dev/null
chmod 644 ledger.db
[ -z "$(side_files)" ] || fail "side files after the owner's commands: $(side_files)"

# 1. Nobody writing: the reader's commands work and leave nothing.
reader session list >list.out 2>list.err || fail "session list by the reader: $(cat list.err)"
[ "$(grep -c '2026-1' list.out)" -eq 8 ] || fail "session list by the reader: $(cat list.out)"
reader check >/dev/null 2>check.err || [ $? -eq 1 ] || fail "check by the reader: $(cat check.err)"
[ -z "$(side_files)" ] || fail "the reader left: $(side_files)"

# 2. A write by the reader is refused (exit 3), and leaves nothing either.
status=0
reader trainee add --id T77 --last-name Intrus --first-name Zoé >out.txt 2>err.txt || status=$?
[ "$status" -eq 3 ] || fail "a write by the reader: exit $status: $(cat out.txt err.txt)"
grep -q "ne pouvez pas écrire" err.txt || fail "a write by the reader: unclear error: $(cat err.txt)"
[ -z "$(side_files)" ] || fail "the refused write left: $(side_files)"

# 3. The owner still writes.
owner trainee add --id T99 --last-name Durand --first-name Paul >/dev/null || fail "the owner can no longer write"

# 4. While the owner holds the ledger open (its -wal and -shm exist), the reader reads through
#    them, read-only, and sees the owner's last write.
(echo "SELECT count(*) FROM trainee;"; sleep 3) | as 4242 sqlite3 "$WORK/ledger.db" >/dev/null &
holder=$!
sleep 1
[ -n "$(side_files)" ] || fail "the owner's connection has no -wal"
reader trainee list --format csv >trainees.csv 2>err.txt || fail "reading beside the owner: $(cat err.txt)"
grep -q '^T99,' trainees.csv || fail "the reader does not see the owner's write: $(cat trainees.csv)"
wait "$holder"
[ -z "$(find . -uid 4243)" ] || fail "files of the reader remain: $(find . -uid 4243)"
owner trainee add --id T98 --last-name Durand --first-name Léa >/dev/null || fail "the owner can no longer write"
[ -z "$(side_files)" ] || fail "side files remain: $(side_files)"
echo "ok: a reader who may not write reads, leaves nothing, and the owner still writes"
