#!/usr/bin/env bash
# Roles enforced by the server (queries/pg/access_setup.sql): two conventions of two beneficiaries
# in one PostgreSQL ledger; each organisation's coordinator reads and writes its own and nothing of
# the other's, through the command line and through psql with their own password; an auditor reads
# and exports but cannot write; a finance officer records money movements only; revoked, nothing.
# The owner's whole-chain `verify` passes at the end.
#   bash tests/pg/roles.sh LEDGER REPO_ROOT     (skipped, exit 77, without tests/pg/cluster.sh)
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
[ -n "${LEDGER_PG_HOST:-}" ] || { echo "SKIP: no PostgreSQL cluster (tests/pg/cluster.sh start)"; exit 77; }
database="roles_$$"
users=(alice_$$ bob_$$ carol_$$ fanny_$$)
alice=${users[0]} bob=${users[1]} carol=${users[2]} fanny=${users[3]}
work=$(mktemp -d)
admin_pass=$PGPASSFILE
as_admin() { PGPASSFILE=$admin_pass psql -X -q -v ON_ERROR_STOP=1 -h "$LEDGER_PG_HOST" -U "$LEDGER_PG_USER" -d "$@"; }
cleanup() {
  bash "$root/tests/pg/cluster.sh" drop "$database" || true
  for u in "${users[@]}"; do as_admin postgres -c "DROP ROLE IF EXISTS $u" || true; done
  rm -rf "$work"
}
trap cleanup EXIT
owner_db=$(bash "$root/tests/pg/cluster.sh" url "$database")
export LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester TZ=UTC
cd "$work"

# Each user a login of the server with a password of their own (scram, as every connection here).
cp "$admin_pass" pgpass
for u in "${users[@]}"; do
  password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
  as_admin postgres -c "CREATE ROLE $u LOGIN PASSWORD '$password'"
  printf '*:*:*:%s:%s\n' "$u" "$password" >> pgpass
done
chmod 600 pgpass
export PGPASSFILE=$work/pgpass
url_of() { printf 'postgresql:///%s?host=%s&user=%s\n' "$database" "$LEDGER_PG_HOST" "$1"; }
as() { local u=$1; shift; LEDGER_DB=$(url_of "$u") "$ledger" "$@"; }
sql_as() { psql -X -q -At -h "$LEDGER_PG_HOST" -U "$1" -d "$database" -c "$2" 2>&1 || true; }
fail() { echo "FAIL: $*"; exit 1; }
expect_refused() {  # description, then the command: it must fail
  local what=$1; shift
  if out=$("$@" 2>&1); then fail "$what was allowed: $out"; fi
  echo "refused as expected: $what: $(echo "$out" | head -1)"
}

export LEDGER_DB=$owner_db
"$ledger" init > /dev/null
"$ledger" convention template > a.toml
sed -e 's/CQP-2026-EXEMPLE/CQP-2026-B/' -e 's/78250100000015/77501000000005/' a.toml > b.toml
"$ledger" convention import a.toml > /dev/null
"$ledger" convention import b.toml > /dev/null
org_a=78250100000015 org_b=77501000000005
"$ledger" grant --role coordinator --user "$alice" --org "$org_a"
"$ledger" grant --role coordinator --user "$bob" --org "$org_b"
"$ledger" grant --role auditor --user "$carol" --org "$org_a" --convention CQP-2026-EXEMPLE
"$ledger" grant --role finance --user "$fanny" --org "$org_a"
expect_refused "finance for an organisation that is not the beneficiary" \
  "$ledger" grant --role finance --user "$fanny" --org 13000000000013 --convention CQP-2026-B
expect_refused "a grant to an unknown login" "$ledger" grant --role auditor --user nobody_here --org "$org_a"
expect_refused "a grant given twice" "$ledger" grant --role coordinator --user "$alice" --org "$org_a"

# Through the command line.
list=$(as "$alice" convention list)
echo "$list" | grep -q CQP-2026-EXEMPLE || fail "alice does not see her convention: $list"
echo "$list" | grep -q CQP-2026-B && fail "alice sees B's convention: $list"
expect_refused "alice reading B's convention" as "$alice" convention show --convention CQP-2026-B
expect_refused "alice exporting B's proofs" as "$alice" export proofs --convention CQP-2026-B --out alice-b
expect_refused "alice planning in B's convention" \
  as "$alice" session plan --module PREMSS --date 2026-10-05 --slot am --minutes 210 --trainer X --convention CQP-2026-B
as "$alice" session plan --module PREMSS --date 2026-10-05 --slot am --minutes 210 --trainer "Paul Girard" --convention CQP-2026-EXEMPLE
as "$alice" attend --module PREMSS --date 2026-10-05 --slot am --all-present --convention CQP-2026-EXEMPLE
as "$bob" session plan --module PREMSS --date 2026-10-05 --slot am --minutes 210 --trainer "Paul Girard" --convention CQP-2026-B
as "$bob" attend --module PREMSS --date 2026-10-05 --slot am --all-present --convention CQP-2026-B
as "$alice" session plan --module PREMSS --date 2026-10-06 --slot am --minutes 210 --trainer "Paul Girard" --convention CQP-2026-EXEMPLE
as "$alice" attend --module PREMSS --date 2026-10-06 --slot am --all-present --convention CQP-2026-EXEMPLE
as "$alice" verify | tee verify-alice.txt
grep -q "intègre pour vos conventions" verify-alice.txt || fail "alice's verify"
as "$bob" verify | grep -q "intègre pour vos conventions" || fail "bob's verify"
as "$carol" export proofs --convention CQP-2026-EXEMPLE --out carol-a > /dev/null
[ -s carol-a/MANIFEST.sha256 ] || fail "carol's export has no manifest"
expect_refused "carol (auditor) recording attendance" \
  as "$carol" attend --module PREMSS --date 2026-10-06 --slot am --all-present --convention CQP-2026-EXEMPLE
expect_refused "fanny (finance) planning a half-day" \
  as "$fanny" session plan --module PREMSS --date 2026-10-07 --slot am --minutes 210 --trainer X --convention CQP-2026-EXEMPLE

# Through psql, with their own credentials: the same limits, hashes included.
[ "$(sql_as "$alice" "SELECT count(*) FROM convention")" = 1 ] || fail "alice counts conventions: $(sql_as "$alice" "SELECT count(*) FROM convention")"
[ "$(sql_as "$alice" "SELECT count(*) FROM attendance WHERE session_id IN (SELECT id FROM session WHERE convention_id <> (SELECT id FROM convention))")" = 0 ] ||
  fail "alice sees attendance of another convention"
b_id=$(as_admin "$database" -At -c "SELECT id FROM convention WHERE ref = 'CQP-2026-B'")
[ "$(sql_as "$alice" "SELECT count(*) FROM session WHERE convention_id = $b_id")" = 0 ] || fail "alice sees B's sessions through psql"
[ "$(sql_as "$alice" "SELECT count(*) FROM attendance_current")" -gt 0 ] || fail "alice sees none of her own entries through a view"
b_session=$(as_admin "$database" -At -c "SELECT id FROM session WHERE convention_id = $b_id LIMIT 1")
for statement in "SELECT hash FROM chain_head" "SELECT * FROM ledger_access" "SELECT * FROM ledger_chain_entry" \
  "UPDATE attendance SET minutes = 1" "DELETE FROM attendance" "TRUNCATE attendance" \
  "INSERT INTO cancellation VALUES (999999, $b_session, 'of', '2026-10-01', 'x', '2026-10-01T00:00:00Z', '$alice', '\\x00')" \
  "SELECT ledger_chain_link(1, 'x')" "SELECT ledger_links_check(ARRAY[$b_id]::bigint[], ARRAY['x'::bytea])" \
  "SELECT ledger_sync_privileges('$alice')"; do
  out=$(sql_as "$alice" "$statement")
  case "$out" in
    *ERROR*) echo "refused as expected through psql: $statement";;
    *) fail "alice through psql: $statement: $out";;
  esac
done
[ "$(sql_as "$carol" "SELECT has_table_privilege('cancellation', 'INSERT')")" = f ] || fail "carol (auditor) may insert"
[ "$(sql_as "$bob" "SELECT count(*) FROM convention WHERE ref = 'CQP-2026-EXEMPLE'")" = 0 ] || fail "bob sees A"

# Nor can a row name another recorder through psql.
a_session=$(as_admin "$database" -At -c "SELECT s.id FROM session s JOIN convention c ON c.id = s.convention_id WHERE c.ref = 'CQP-2026-EXEMPLE' LIMIT 1")
out=$(sql_as "$alice" "INSERT INTO cancellation VALUES (999998, $a_session, 'of', '2026-10-01', 'x', '2026-10-01T00:00:00Z', 'someone_else', '\\x00')")
case "$out" in
  *"recorded_by must be the session user"*) echo "refused as expected through psql: a row recorded by someone else";;
  *) fail "alice through psql, recorded_by someone else: $out";;
esac

# recorded_by is the server's session user, whatever LEDGER_USER says.
recorded=$(as_admin "$database" -At -c "SELECT DISTINCT recorded_by FROM attendance ORDER BY 1" | tr '\n' ' ')
[ "$recorded" = "$alice $bob " ] || fail "recorded_by: $recorded"

# Revoked: nothing more.
"$ledger" revoke --role coordinator --user "$alice" --org "$org_a"
[ "$(sql_as "$alice" "SELECT count(*) FROM convention" | grep -c ERROR)" = 1 ] || fail "alice still reads after revoke"
expect_refused "alice after revoke" as "$alice" convention list
expect_refused "revoking again" "$ledger" revoke --role coordinator --user "$alice" --org "$org_a"

# The owner verifies the whole chain, every writer's entries included.
"$ledger" verify
echo "roles: ok"
