#!/usr/bin/env bash
# Runs KOCMOC: installs what is missing, builds what is not built, starts the
# server on http://localhost:8080 with its embedded SQLite database and demo users
# (password "kocmoc-demo": alice, boris, makar, emma, admin), and opens the client
# signed in as alice.
#   scripts/run.sh                 server and client
#   scripts/run.sh --server-only   the server alone, in the foreground, for headless machines
# Further arguments go to kocmoc-server (see kocmoc-server --help); KOCMOC_CLIENT_ARGS
# go to the client, e.g. KOCMOC_CLIENT_ARGS="--lang en --theme dark" (see kocmoc --help).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KOCMOC_BUILD_DIR:-$root/build}"
port="${KOCMOC_PORT:-8080}"

server_only=false
server_args=()
for argument in "$@"; do
    if [[ "$argument" == "--server-only" ]]; then server_only=true; else server_args+=("$argument"); fi
done
if [[ "$server_only" == false && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found: starting the server only (scripts/run.sh --server-only says so)."
    server_only=true
fi

if [[ "$server_only" == true ]]; then
    "$root/scripts/install-deps.sh" --server-only
    targets=(kocmoc-server)
else
    "$root/scripts/install-deps.sh"
    targets=(kocmoc-server kocmoc)
fi
server_only_option=OFF
[[ "$server_only" == true ]] && server_only_option=ON
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOCMOC_SERVER_ONLY="$server_only_option" >/dev/null
cmake --build "$build" --target "${targets[@]}" --parallel "$(nproc)"

server=("$build/server/kocmoc-server" --host 127.0.0.1 --port "$port"
        --data-dir "${KOCMOC_DATA_DIR:-$root/data}" --demo "${server_args[@]}")
if [[ "$server_only" == true ]]; then
    exec "${server[@]}"
fi

"${server[@]}" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "The server did not start." >&2; exit 1; }
    sleep 0.1
done
read -r -a client_args <<< "${KOCMOC_CLIENT_ARGS:-}"
"$build/client/kocmoc" --server "http://127.0.0.1:$port" --login alice --password kocmoc-demo \
    "${client_args[@]}"
