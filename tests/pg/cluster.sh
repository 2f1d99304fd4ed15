#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests: initdb into a temporary folder, a Unix socket
# in that folder and no TCP port (listen_addresses=''), scram-sha-256 passwords for every
# connection, run by an unprivileged user (nobody when started as root, as CI is).
#
#   eval "$(bash tests/pg/cluster.sh start)"   starts it; prints the exports the tests read:
#       LEDGER_PG_HOST (the socket's folder), LEDGER_PG_USER, PGPASSFILE
#   bash tests/pg/cluster.sh url NAME [USER]    a database NAME's --db value, created if missing,
#                                               owned by and connecting as USER (default: the admin)
# Besides the admin, a login `tester` (the golden tests' LEDGER_USER, so that recorded_by, the
# server's session user, reads the same on both backends) shares the admin's password.
#   bash tests/pg/cluster.sh drop NAME          drops it
#   bash tests/pg/cluster.sh stop               stops the cluster and removes its folder
set -euo pipefail
bin=${LEDGER_PG_BIN:-/usr/lib/postgresql/15/bin}
admin=ledger_admin

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/ledger-pg.XXXXXX)
    chmod 755 "$dir"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" > "$dir/password"
    # The client's password file: the runner's own, mode 0600 as libpq requires.
    printf '*:*:*:%s:%s\n*:*:*:tester:%s\n' "$admin" "$password" "$password" > "$dir/pgpass"
    chmod 600 "$dir/pgpass"
    [ "$(id -u)" -eq 0 ] && chown nobody "$dir" "$dir/password"
    as_owner "$bin/initdb" -D "$dir/data" -U "$admin" --pwfile="$dir/password" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/password"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    PGPASSFILE="$dir/pgpass" psql -X -q -h "$dir" -U "$admin" -d postgres -c "CREATE ROLE tester LOGIN CREATEDB PASSWORD '$password'" >/dev/null
    printf 'export LEDGER_PG_HOST=%q LEDGER_PG_USER=%q PGPASSFILE=%q\n' "$dir" "$admin" "$dir/pgpass"
    ;;
  url)
    : "${LEDGER_PG_HOST:?start the cluster first}"
    name=$2
    user=${3:-$LEDGER_PG_USER}
    if ! psql -h "$LEDGER_PG_HOST" -U "$LEDGER_PG_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
      createdb -h "$LEDGER_PG_HOST" -U "$LEDGER_PG_USER" -O "$user" "$name"
    fi
    printf 'postgresql:///%s?host=%s&user=%s\n' "$name" "$LEDGER_PG_HOST" "$user"
    ;;
  drop)
    : "${LEDGER_PG_HOST:?start the cluster first}"
    dropdb -h "$LEDGER_PG_HOST" -U "$LEDGER_PG_USER" --if-exists "$2"
    ;;
  stop)
    : "${LEDGER_PG_HOST:?start the cluster first}"
    as_owner "$bin/pg_ctl" -D "$LEDGER_PG_HOST/data" -m fast -w stop >/dev/null
    rm -rf "$LEDGER_PG_HOST"
    ;;
  *)
    echo "usage: cluster.sh start|url NAME|drop NAME|stop" >&2
    exit 2
    ;;
esac
