#!/usr/bin/env bash
# The benchmark suite of docs/performance.md, in one go: a Release build, a
# private PostgreSQL cluster with durable settings (fsync and synchronous_commit
# on), kocmoc-server on it, then RUNS times: a fresh server, kocmoc-bench (idle
# memory per connection at N sockets, then the fan-out at the target rate); then
# pgbench with a single-row INSERT and with 50-row batches into the same messages
# table. Writes every run's JSON and a markdown table of medians to $BENCH_OUT.
#
#   bench/run.sh                      # 200 groups of 50 (10k connections), 1000 msg/s
#   BENCH_GROUPS=20 BENCH_RATE=200 bench/run.sh
#
# Settings (environment): BENCH_GROUPS (200), BENCH_GROUP_SIZE (50), BENCH_RATE
# (1000 messages/s), BENCH_DURATION (30 s measured), BENCH_WARMUP (5 s),
# BENCH_DRAIN (30 s to wait for late deliveries before counting them lost),
# BENCH_RUNS (3), PGBENCH_SECONDS (15), STORE_SECONDS (10, the writer alone), PGBENCH_CLIENTS (8, as the server's
# workers), BENCH_OUT (a new folder in /tmp), KOCMOC_BENCH_BUILD_DIR (build-bench),
# KOCMOC_EVENT_DISPATCHER (epoll; qt for Qt's own, to compare).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${KOCMOC_BENCH_BUILD_DIR:-$root/build-bench}"
groups=${BENCH_GROUPS:-200}
size=${BENCH_GROUP_SIZE:-50}
rate=${BENCH_RATE:-1000}
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-5}
drain=${BENCH_DRAIN:-30}
runs=${BENCH_RUNS:-3}
pgbench_seconds=${PGBENCH_SECONDS:-15}
pgbench_clients=${PGBENCH_CLIENTS:-8}
store_seconds=${STORE_SECONDS:-10}
out="${BENCH_OUT:-$(mktemp -d /tmp/kocmoc-bench.XXXXXX)}"
mkdir -p "$out"

# One descriptor per connection on each side, and some.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < groups * size + 200)); then
    echo "bench/run.sh: $((groups * size)) connections need more open files than $(ulimit -n)" >&2
    exit 2
fi

echo "== building (Release) in $build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOCMOC_SERVER_ONLY=ON \
    -DKOCMOC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target kocmoc-server kocmoc-bench kocmoc-store-bench >/dev/null

# The private cluster, as scripts/test.sh makes it, but durable: an acknowledged
# message is on disk. PostgreSQL refuses to run as root, so as root it runs as postgres.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cluster=$(mktemp -d /tmp/kocmoc-bench-pg.XXXXXX)
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$cluster"
    as_owner=(runuser -u postgres --)
fi
pg_ctl=("${as_owner[@]}" "$pgbin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60)
server_pid=""
stop_all() {
    [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null
    "${pg_ctl[@]}" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$cluster"
}
trap stop_all EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pgport=$(free_port)
"${as_owner[@]}" "$pgbin/initdb" -D "$cluster/data" -U kocmoc --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$cluster/data/postgresql.conf" <<CONF
port = $pgport
listen_addresses = '127.0.0.1'
unix_socket_directories = '$cluster'
max_connections = 100
shared_buffers = 256MB
CONF
"${pg_ctl[@]}" start >/dev/null
psql=("$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U kocmoc -v ON_ERROR_STOP=1 -qAt)
"${psql[@]}" -d postgres -c "CREATE DATABASE kocmoc"
pg_url="postgres://kocmoc@127.0.0.1:$pgport/kocmoc"
postmaster=$(head -n 1 "$cluster/data/postmaster.pid")

sport=$(free_port)
start_server() {
    "$build/server/kocmoc-server" --port "$sport" --database "$pg_url" --data-dir "$out/server" \
        --token-secret "kocmoc-bench-token-secret-0123456789abcdef" --log-level warning \
        --auth-rate 1000000 --user-rate 1000000 --send-interval-ms 0 \
        2>>"$out/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        curl -fs "http://127.0.0.1:$sport/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "bench/run.sh: the server did not start; see $out/server.log" >&2
    exit 1
}
# A server that fell behind would finish every queued send before it exits (a
# graceful stop), which can take minutes: it gets 20 s, then SIGKILL.
stop_server() {
    kill "$server_pid"
    for _ in $(seq 200); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
    start_server
    echo "== run $run: $((groups * size)) connections in $groups groups of $size, $rate messages/s"
    "$build/bench/kocmoc-bench" --url "http://127.0.0.1:$sport" --groups "$groups" \
        --group-size "$size" --rate "$rate" --duration "$duration" --warmup "$warmup" --drain "$drain" \
        --cache "$out/accounts.json" --server-pid "$server_pid" --postgres-pid "$postmaster" \
        --postgres-url "$pg_url" --output "$out/run$run.json" >/dev/null || true
    cat "$out/run$run.json"
    stop_server
done

# pgbench on the same table: a chat and a sender the bench made, ids far above the
# server's, and every row removed again.
read -r chat sender < <("${psql[@]}" -F ' ' -d kocmoc -c "SELECT chat_id, user_id FROM chat_members LIMIT 1")
"${psql[@]}" -d kocmoc -c "CREATE SEQUENCE IF NOT EXISTS pgbench_message_ids START 1000000000000000"
columns="id, chat_id, sender_id, client_id, type, text, created_at, version"
values="n, '$chat', '$sender', 'pgb-' || n, 'text', 'Hello from pgbench, ..........................', 0, n"
echo "INSERT INTO messages ($columns) SELECT $values FROM (SELECT nextval('pgbench_message_ids') AS n) s;" >"$out/pgbench-single.sql"
echo "INSERT INTO messages ($columns) SELECT $values FROM (SELECT nextval('pgbench_message_ids') AS n FROM generate_series(1, 50)) s;" >"$out/pgbench-batch50.sql"
# And 256-row batches spread over the bench's chats and senders as the server's rows are
# (the two scripts above put every row in one chat from one sender), from one client (what
# one writer at a time can get) and from as many as the server has workers.
"${psql[@]}" -d kocmoc -c "CREATE TABLE pgbench_pairs AS SELECT row_number() OVER () AS n, chat_id, user_id FROM (SELECT chat_id, user_id FROM chat_members ORDER BY random() LIMIT 10000) s"
"${psql[@]}" -d kocmoc -c "CREATE INDEX ON pgbench_pairs (n)"
pairs=$("${psql[@]}" -d kocmoc -c "SELECT count(*) FROM pgbench_pairs")
cat >"$out/pgbench-spread256.sql" <<SQL
\set r random(1, $((pairs > 256 ? pairs - 255 : 1)))
INSERT INTO messages ($columns) SELECT n, p.chat_id, p.user_id, 'pgb-' || n, 'text', 'Hello from pgbench, ..........................', 0, n FROM (SELECT nextval('pgbench_message_ids') AS n, chat_id, user_id FROM pgbench_pairs WHERE n BETWEEN :r AND :r + 255) p;
SQL
cp "$out/pgbench-spread256.sql" "$out/pgbench-spread256x1.sql"
for script in single batch50 spread256 spread256x1; do
    clients=$pgbench_clients
    [[ $script == *x1 ]] && clients=1
    for run in $(seq "$runs"); do
        "$pgbin/pgbench" -h 127.0.0.1 -p "$pgport" -U kocmoc -n -c "$clients" -j "$((clients < 2 ? 1 : 2))" \
            -T "$pgbench_seconds" -f "$out/pgbench-$script.sql" kocmoc >"$out/pgbench-$script-$run.txt" 2>&1
        echo "$script: $(grep -E "^tps|latency average" "$out/pgbench-$script-$run.txt" | tr '\n' ' ')"
    done
done
"${psql[@]}" -d kocmoc -c "DELETE FROM messages WHERE client_id LIKE 'pgb-%'"
"${psql[@]}" -d kocmoc -c "DROP TABLE pgbench_pairs"
# pgbench left millions of dead rows: vacuumed now, not by autovacuum on the two cores
# while the writer is measured.
"${psql[@]}" -d kocmoc -c "VACUUM (ANALYZE) messages"

# The writer alone: the server's services on the same database, no network, no fan-out.
for run in $(seq "$runs"); do
    "$build/bench/kocmoc-store-bench" --database "$pg_url" --seconds "$store_seconds" \
        >"$out/store$run.json" || true
    cat "$out/store$run.json"
done

python3 "$root/bench/table.py" "$out" "$runs" | tee "$out/results.md"
echo "== results in $out"
