#!/usr/bin/env bash
# Restarts the kocmoc@<port> instances one at a time, waiting for each to answer
# /health before touching the next, so nginx always has one process to send clients to.
#   kocmoc-rolling-restart.sh [--timeout SECONDS] [PORT...]     (default ports: 8081 8082)
# Exit codes: 0 all restarted and healthy; 1 an instance did not come back (the rest were
# left alone); 2 wrong usage.
set -euo pipefail

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
}

timeout=60
ports=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --timeout) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; timeout=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) [[ "$1" =~ ^[0-9]+$ ]] || { echo "Not a port: $1" >&2; exit 2; }; ports+=("$1"); shift ;;
    esac
done
[[ ${#ports[@]} -gt 0 ]] || ports=(8081 8082)
[[ "$timeout" =~ ^[0-9]+$ ]] || { echo "Not a number of seconds: $timeout" >&2; exit 2; }

healthy() {
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health"
}

for port in "${ports[@]}"; do
    healthy "$port" || echo "kocmoc@$port is not healthy before its restart" >&2
done

for index in "${!ports[@]}"; do
    port=${ports[$index]}
    echo "restarting kocmoc@$port"
    systemctl restart "kocmoc@$port.service"
    deadline=$((SECONDS + timeout))
    until healthy "$port"; do
        if ((SECONDS >= deadline)); then
            echo "kocmoc@$port did not answer /health within ${timeout}s; the other instances were not restarted" >&2
            systemctl status --no-pager "kocmoc@$port.service" >&2 || true
            exit 1
        fi
        sleep 0.5
    done
    echo "kocmoc@$port is healthy"
    # nginx keeps a failed upstream out of rotation for fail_timeout (5 s in
    # kocmoc-upstream.conf): let it take this one back before the next one goes down.
    if ((index + 1 < ${#ports[@]})); then
        sleep 6
    fi
done
echo "all instances restarted"
