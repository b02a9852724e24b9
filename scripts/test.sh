#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, starts a private PostgreSQL
# cluster on a free port (stopped and removed whatever happens), and runs ctest.
# Extra arguments go to ctest, e.g. scripts/test.sh -R tst_auth
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KOCMOC_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh" --test
# The test tools from npm (socket.io-client), exactly as package-lock.json pins them.
npm ci --prefix "$root/tests/socketio/js" --no-audit --no-fund --loglevel=error

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOCMOC_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"

# The private cluster. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cluster=$(mktemp -d /tmp/kocmoc-pg.XXXXXX)
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$cluster"
    as_owner=(runuser -u postgres --)
fi
pg_ctl=("${as_owner[@]}" "$pgbin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60)
stop_cluster() {
    "${pg_ctl[@]}" stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$cluster"
}
trap stop_cluster EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_owner[@]}" "$pgbin/initdb" -D "$cluster/data" -U kocmoc --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$cluster/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$cluster'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
"${pg_ctl[@]}" start >/dev/null

export KOCMOC_TEST_PG_URL="postgres://kocmoc@127.0.0.1:$port/postgres"
export KOCMOC_TEST_PG_CTL="${pg_ctl[*]}"
cd "$build"
ctest --output-on-failure --parallel 2 "$@"
