# A ledger the user may not write (a read-only file, or a directory where SQLite cannot create its
# journal): a clear error, exit 3, nothing written. Root ignores permissions, so as root the
# commands run as `nobody` through setpriv.
source "$(dirname "$0")/lib.bash"
prepare 1 10 20
before="$(entries)"
chmod 755 "$WORK"
chmod -R a+rX "$WORK"

as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/ "$@"
  else
    "$@"
  fi
}
[ "$(id -u)" -ne 0 ] || as_user test -x "$LEDGER" || { echo "skipped: nobody cannot run $LEDGER"; exit 0; }

expect_refused() {  # what: a command that must fail with exit 3 and a clear error
  local what="$1"; shift
  local status=0
  as_user "$@" >out.txt 2>err.txt || status=$?
  [ "$status" -eq 3 ] || fail "$what: expected exit 3, got $status: $(cat out.txt err.txt)"
  grep -qi "lecture seule\|ne pouvez pas écrire" err.txt ||
    fail "$what: unclear error: $(cat err.txt)"
  [ "$(entries)" -eq "$before" ] || fail "$what: entries changed"
}

# 1. The file is read-only for the user (owned by another, mode 0644), the directory too.
chmod 644 ledger.db
rm -f ledger.db-wal ledger.db-shm
expect_refused "bulk import into a read-only ledger" "$LEDGER" --db "$WORK/ledger.db" attend --file "$WORK/data/attendance.csv"
# A planned half-day: the user reads the ledger (it checks the input first), the write is refused.
expect_refused "one half-day into a read-only ledger" "$LEDGER" --db "$WORK/ledger.db" attend --module PASS \
  --date 2026-09-01 --slot am --all-present

# 2. Its own file, in a directory where it may not create the WAL.
if [ "$(id -u)" -eq 0 ]; then
  mkdir owned && cp ledger.db owned/ledger.db && chown nobody owned/ledger.db && chmod 600 owned/ledger.db
  chmod 555 owned
  LEDGER_DB="$WORK/owned/ledger.db"
  before="$(entries)"
  expect_refused "a ledger in a directory without write permission" "$LEDGER" --db "$WORK/owned/ledger.db" attend --file "$WORK/data/attendance.csv"
  LEDGER_DB="$WORK/ledger.db"
fi
chmod 600 ledger.db
check_sound
echo "ok: a ledger the user may not write is refused with exit 3, unchanged"
