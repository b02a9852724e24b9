#!/usr/bin/env bash
# Runs KOCMOC: installs what is missing, builds what is not built, and starts the
# server on http://localhost:8080 with its embedded SQLite database and demo users
# (password "kocmoc-demo": alice, boris, makar, emma, admin).
#   scripts/run.sh                 the server (the desktop client joins in a later release)
#   scripts/run.sh --server-only   the server alone, for headless machines
# Further arguments go to kocmoc-server (see kocmoc-server --help).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KOCMOC_BUILD_DIR:-$root/build}"

server_args=()
for argument in "$@"; do
    [[ "$argument" == "--server-only" ]] || server_args+=("$argument")
done

"$root/scripts/install-deps.sh"
if [[ ! -f "$build/build.ninja" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOCMOC_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target kocmoc-server --parallel "$(nproc)"

exec "$build/server/kocmoc-server" --host 127.0.0.1 --port "${KOCMOC_PORT:-8080}" \
    --data-dir "${KOCMOC_DATA_DIR:-$root/data}" --demo "${server_args[@]}"
