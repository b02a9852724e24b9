#!/usr/bin/env bash
# A small run of the load generator against the real server on PostgreSQL, so
# that the benchmark keeps working: 300 connections in 6 groups of 50, 100
# messages/s for 3 s. It asserts that nothing is lost or duplicated and that
# every message sent is stored — never how fast (bench/run.sh measures that).
# Usage: bench_smoke.sh <kocmoc-server> <kocmoc-bench>; needs KOCMOC_TEST_PG_URL
# (BENCH_SMOKE_LOG_LEVEL=debug: a fuller server log, printed when no result comes)
# (scripts/test.sh's private cluster), and is skipped without it.
set -euo pipefail
server_binary=$1
bench_binary=$2
if [[ -z "${KOCMOC_TEST_PG_URL:-}" ]]; then
    echo "KOCMOC_TEST_PG_URL is not set (scripts/test.sh sets it): skipped"
    exit 77
fi
ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d /tmp/kocmoc-bench-smoke.XXXXXX)
database="bench_smoke_$$"
base="${KOCMOC_TEST_PG_URL%/*}"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    psql "$KOCMOC_TEST_PG_URL" -qAtc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
psql "$KOCMOC_TEST_PG_URL" -v ON_ERROR_STOP=1 -qAtc "CREATE DATABASE $database"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$server_binary" --port "$port" --database "$base/$database" --data-dir "$work" \
    --token-secret "kocmoc-bench-smoke-secret-0123456789abcdef" --log-level ${BENCH_SMOKE_LOG_LEVEL:-warning} \
    --auth-rate 1000000 --user-rate 1000000 --send-interval-ms 0 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
done

status=0
"$bench_binary" --url "http://127.0.0.1:$port" --groups 6 --group-size 50 --rate 100 \
    --duration 3 --warmup 1 --drain 30 --server-pid "$server_pid" \
    --postgres-url "$base/$database" --output "$work/result.json" || status=$?
cat "$work/result.json" 2>/dev/null || { echo "no result"; cat "$work/server.log"; exit 1; }
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
problems = []
if r.get("connected") != 300: problems.append(f"connected {r.get('connected')} of 300")
if r.get("messagesSent", 0) < 300: problems.append(f"only {r.get('messagesSent')} messages sent")
if r.get("lost") != 0: problems.append(f"lost {r.get('lost')}")
if r.get("duplicates") != 0: problems.append(f"duplicates {r.get('duplicates')}")
if r.get("misrouted") != 0: problems.append(f"misrouted {r.get('misrouted')}")
if r.get("ackErrors") != 0: problems.append(f"ack errors {r.get('ackErrors')}: {r.get('firstAckError')}")
if r.get("rowsStored") != r.get("messagesSent"): problems.append(f"rows {r.get('rowsStored')} != sent {r.get('messagesSent')}")
if problems:
    print("FAIL:", "; ".join(problems)); sys.exit(1)
print(f"ok: {r['messagesSent']} messages, {r['deliveriesReceived']} deliveries, none lost or duplicated, every one stored")
PY
exit "$status"
