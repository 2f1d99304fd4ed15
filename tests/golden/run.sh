#!/usr/bin/env bash
# Golden CLI tests, in the spirit of ledger-cli's test/baseline and hledger's shell tests.
#
#   bash run.sh LEDGER_BINARY FILE.test      run one file; exit 1 on the first difference
#   UPDATE=1 bash run.sh LEDGER FILE.test    rewrite FILE.test with the actual outputs
#
# A .test file is a series of blocks. A block starts with a line `$ COMMAND` (run by bash in a
# fresh temporary directory shared by the whole file, where `ledger` is the binary under test and
# the files of tests/golden/files/ and data/ are copied in); the lines after it, up to the next
# `$ ` line, are the expected stdout and stderr together. A last line `[exit N]` gives a non-zero
# exit code. Lines starting with `## ` before a block are comments.
# Environment: LEDGER_NOW=2026-11-27T10:00:00Z, LEDGER_USER=tester, LEDGER_DB=ledger.db, TZ=UTC.
#
#   LEDGER_GOLDEN_BACKEND=postgres bash run.sh LEDGER FILE.test
# runs the same file on the PostgreSQL cluster of tests/pg/cluster.sh (LEDGER_PG_HOST): LEDGER_DB
# is then a database of the file's own, dropped after, and the outputs name it `ledger.db` as on
# SQLite. The files listed in sqlite-only.txt (SQLite's by nature, or not yet on PostgreSQL) are
# skipped (exit 77).
set -u
binary=$(realpath "$1")
test_file=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
root=$(dirname "$(dirname "$here")")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=ledger.db
if [ "${LEDGER_GOLDEN_BACKEND:-sqlite}" = postgres ]; then
  name=$(basename "$test_file" .test)
  if [ -z "${LEDGER_PG_HOST:-}" ]; then echo "SKIP: no PostgreSQL cluster (tests/pg/cluster.sh start)"; exit 77; fi
  if grep -qx "$name" "$here/sqlite-only.txt"; then echo "SKIP: $name runs on SQLite only (sqlite-only.txt)"; exit 77; fi
  database="golden_${name//-/_}_$$"
  db=$(bash "$root/tests/pg/cluster.sh" url "$database" tester)
  trap 'bash "$root/tests/pg/cluster.sh" drop "$database"; rm -rf "$work"' EXIT
fi
cp -r "$here/files/." "$work/" 2>/dev/null || true
cp -r "$root/data/." "$work/" 2>/dev/null || true
mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/ledger"

export LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester LEDGER_DB="$db" TZ=UTC LC_ALL=C.UTF-8
export PATH="$work/bin:$PATH"

commands=() expected=() comments=()
current_cmd="" current_out="" current_comment="" in_block=0
flush() {
  if [ $in_block -eq 1 ]; then
    commands+=("$current_cmd"); expected+=("$current_out"); comments+=("$current_comment")
    current_comment=""
  fi
}
while IFS= read -r line || [ -n "$line" ]; do
  if [[ "$line" == '$ '* ]]; then
    flush
    current_cmd="${line#\$ }"; current_out=""; in_block=1
  elif [[ "$line" == '## '* || "$line" == '##' ]]; then
    # A comment ends the block before it and introduces the next one.
    flush; in_block=0; current_comment+="$line"$'\n'
  elif [ $in_block -eq 1 ]; then
    current_out+="$line"$'\n'
  fi
done < "$test_file"
flush

failed=0
new_file=""
for i in "${!commands[@]}"; do
  cmd="${commands[$i]}"
  actual=$(cd "$work" && bash -c "$cmd" 2>&1; echo "[exit $?]")
  code="${actual##*\[exit }"; code="${code%]}"
  actual="${actual%\[exit *}"
  actual="${actual//"$db"/ledger.db}"
  if [ "$code" != "0" ]; then actual+="[exit $code]"$'\n'; fi
  # Compare without trailing blank lines.
  want=$(printf '%s' "${expected[$i]}" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
  got=$(printf '%s' "$actual" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}')
  new_file+="${comments[$i]}\$ $cmd"$'\n'"$got"$'\n'
  if [ "$want" != "$got" ] && [ -z "${UPDATE:-}" ]; then
    echo "FAIL: $(basename "$test_file"): \$ $cmd"
    diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -40
    failed=1
    break
  fi
done
if [ -n "${UPDATE:-}" ]; then
  printf '%s' "$new_file" > "$test_file"
  echo "updated $test_file"
fi
exit $failed
