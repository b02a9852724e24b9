#!/usr/bin/env bash
# The Grafana dashboard asks only for metrics the server really exports.
# Usage: test_dashboard.sh <kocmoc-server> <source root>
set -euo pipefail
server=$1
root=$2
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

work=$(mktemp -d /tmp/kocmoc-dashboard.XXXXXX)
cleanup() {
    local status=$?
    show_logs_on_failure "$status"
    stop_started
    rm -rf "$work"
}
trap cleanup EXIT

port=$(free_port)
start_bg "$work/server.log" "$server" --port "$port" --data-dir "$work/data"
wait_http "http://127.0.0.1:$port/health"
# One request of each kind, so every labelled series exists.
register "http://127.0.0.1:$port" grafana >/dev/null
curl -fsS "http://127.0.0.1:$port/metrics" >"$work/metrics.txt"

mapfile -t wanted < <(grep -oE '(kocmoc|process)_[a-z_]+' "$root/deploy/grafana/kocmoc-dashboard.json" \
    | sed -E 's/_(bucket|sum|count)$//' | sort -u)
[[ ${#wanted[@]} -gt 5 ]] || fail "the dashboard names too few metrics: ${wanted[*]}"
for metric in "${wanted[@]}"; do
    grep -qE "^(# TYPE )?${metric}[ {_]" "$work/metrics.txt" || fail "the dashboard uses $metric, which /metrics does not export"
done
echo "all ${#wanted[@]} metrics of the dashboard are exported"
