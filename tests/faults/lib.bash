# Helpers for the fault tests (tests/faults/*.sh source this file; it is not a test itself).
# Each test runs as `bash SCRIPT LEDGER_BINARY REPO_ROOT` and passes on exit 0.
set -euo pipefail
LEDGER="$(realpath "$1")"
ROOT="$(realpath "$2")"
GEN="$(dirname "$LEDGER")/tests/tools/ledger_gen"
[ -x "$GEN" ] || { echo "FAIL: $GEN not built (tests/tools)"; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ledger-fault.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export LEDGER_DB="$WORK/ledger.db" LEDGER_USER="${LEDGER_USER:-tester}"
# The generated conventions run 2026-09-01..2027-08-31: attendance is refused ahead of time, so
# the clock stands at their end.
export LEDGER_NOW=2027-08-31T12:00:00Z

fail() { echo "FAIL: $*" >&2; exit 1; }

# A ledger with generated conventions and their planned half-days: prepare CONVENTIONS TRAINEES HALF_DAYS
prepare() {
  "$GEN" --out data --conventions "$1" --trainees "$2" --half-days "$3" --seed 7 2>/dev/null
  "$LEDGER" init >/dev/null
  local f
  for f in data/conventions/*.toml; do "$LEDGER" convention import "$f" >/dev/null; done
  "$LEDGER" session plan --file data/sessions.csv >/dev/null
}

entries() { sqlite3 "$LEDGER_DB" "SELECT count(*) FROM attendance"; }

# The file is a sound SQLite database and the tamper-evidence chain recomputes.
check_sound() {
  local integrity
  integrity="$(sqlite3 "$LEDGER_DB" "PRAGMA integrity_check")"
  [ "$integrity" = "ok" ] || fail "integrity_check: $integrity"
  "$LEDGER" verify >verify.out 2>&1 || fail "ledger verify: $(cat verify.out)"
  grep -q "^ledger verify.*intègre" verify.out || fail "ledger verify: $(cat verify.out)"
}
