#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL cluster, for the history store's PostgreSQL tests.
#
#   scripts/test-postgres.sh COMMAND [ARG...]
#
# Installs Debian's `postgresql` when no initdb is found (apt-get, quietly), creates a cluster in a
# temporary directory (initdb; as the `postgres` user when running as root), starts it on a free
# loopback port with password authentication, creates the role and database `benchstat`, exports
# BENCHSTAT_TEST_POSTGRES_URL=postgresql://benchstat:PASSWORD@127.0.0.1:PORT/benchstat, runs COMMAND,
# and always stops the cluster and deletes its directory (trap). When the cluster cannot be started,
# it exports BENCHSTAT_TEST_POSTGRES_SKIP="<why>" instead and still runs COMMAND: the PostgreSQL
# tests then report themselves skipped with that reason. The exit status is COMMAND's.
set -uo pipefail

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}


bindir=$(find_bin)
if [ -z "$bindir" ] && command -v apt-get >/dev/null 2>&1; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql; } \
        >/dev/null 2>&1 || true
    bindir=$(find_bin)
fi
if [ -z "$bindir" ]; then
    export BENCHSTAT_TEST_POSTGRES_SKIP="PostgreSQL's initdb is not installed (apt-get install postgresql failed)"
    echo "test-postgres: skipped: $BENCHSTAT_TEST_POSTGRES_SKIP" >&2
    "$@"
    exit $?
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/benchstat-pg.XXXXXX")
as_owner=()
if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then
        chown postgres "$dir"
        as_owner=(runuser -u postgres --)
    fi
fi
password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 54329)

cleanup() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

started=false
if printf '%s\n' "$password" > "$dir/pw" && { [ ${#as_owner[@]} = 0 ] || chown postgres "$dir/pw"; } &&
    "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$dir/pw" >"$dir/initdb.log" 2>&1 &&
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start \
        >/dev/null 2>&1 &&
    "${as_owner[@]}" "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE benchstat LOGIN PASSWORD '$password'" -c "CREATE DATABASE benchstat OWNER benchstat" \
        >/dev/null 2>&1; then
    started=true
fi

if $started; then
    export BENCHSTAT_TEST_POSTGRES_URL="postgresql://benchstat:$password@127.0.0.1:$port/benchstat"
    echo "test-postgres: throw-away cluster on 127.0.0.1:$port ($("$bindir/postgres" --version))" >&2
else
    export BENCHSTAT_TEST_POSTGRES_SKIP="could not start a PostgreSQL cluster with $bindir (see initdb/pg_ctl)"
    echo "test-postgres: skipped: $BENCHSTAT_TEST_POSTGRES_SKIP" >&2
    tail -5 "$dir/initdb.log" "$dir/server.log" 2>/dev/null >&2 || true
fi
"$@"
