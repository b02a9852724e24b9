# shellcheck shell=bash
# Helpers shared by the deployment tests (sourced, not run).
# The caller sets `work` (a temporary folder) and installs `cleanup` as its EXIT trap.

# A free TCP port on the loopback interface.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# wait_http URL [seconds]: waits until URL answers 200.
wait_http() {
    local url=$1 seconds=${2:-30} i
    for ((i = 0; i < seconds * 10; i++)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    fail "$url did not answer 200 within ${seconds}s"
}

# Processes started by the test, ended by stop_started.
started_pids=()
start_bg() {
    local log=$1
    shift
    "$@" >"$log" 2>&1 &
    started_pids+=("$!")
}
stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
stop_started() {
    local pid
    for pid in "${started_pids[@]}"; do
        stop_pid "$pid"
    done
    started_pids=()
}

# json_field FIELD.PATH: prints a field of the JSON on stdin ("tokens.accessToken").
json_field() {
    python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value[key]
print(value)' "$1"
}

# register BASE NAME: signs up NAME (password kocmoc-test-pass) and prints the grant.
register() {
    local base=$1 name=$2
    curl -fsS -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$name@example.org\",\"password\":\"kocmoc-test-pass\",\"username\":\"$name\",\"displayName\":\"Test $name\"}"
}

# login BASE NAME: signs in NAME and prints the grant.
login() {
    local base=$1 name=$2
    curl -fsS -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$name\",\"password\":\"kocmoc-test-pass\"}"
}

# Dumps the logs of the folder when the test failed, so ctest shows why.
# shellcheck disable=SC2154 # work is set by the test that sources this file
show_logs_on_failure() {
    local status=$1 log
    [[ $status -eq 0 ]] && return 0
    for log in "$work"/*.log; do
        [[ -f "$log" ]] || continue
        echo "--- $log (last 30 lines)" >&2
        tail -n 30 "$log" >&2
    done
}
