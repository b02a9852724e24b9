#!/usr/bin/env bash
# nginx from Debian in front of two kocmoc-server processes on one fresh PostgreSQL
# database, with the shipped deploy/nginx/kocmoc-upstream.conf and kocmoc-locations.conf:
# /health, sign-up and sign-in, Socket.IO over WebSocket and over sticky long-polling,
# gzip, request ids and the 50 MB upload limit.
#   test_nginx.sh <kocmoc-server> <repository root>
set -euo pipefail
server_bin=$1
root=$2
# shellcheck source=tests/deploy/lib.sh
source "$root/tests/deploy/lib.sh"

[[ -n "${KOCMOC_TEST_PG_URL:-}" ]] \
    || fail "KOCMOC_TEST_PG_URL is not set: run the tests with scripts/test.sh, which starts a private PostgreSQL"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$nginx_bin" ]] || fail "nginx is not installed: run scripts/install-deps.sh --test"
node_modules="$root/tests/socketio/js/node_modules"
[[ -d "$node_modules/socket.io-client" ]] || fail "no socket.io-client in $node_modules: run scripts/test.sh (it runs npm ci)"

work=$(mktemp -d /tmp/kocmoc-deploy-nginx.XXXXXX)
database="kocmoc_deploy_$$_$RANDOM"
database_created=false
cleanup() {
    local status=$?
    show_logs_on_failure "$status"
    stop_started
    if [[ "$database_created" == true ]]; then
        psql -q "$KOCMOC_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -q "$KOCMOC_TEST_PG_URL" -c "CREATE DATABASE $database" >/dev/null
database_created=true
database_url="${KOCMOC_TEST_PG_URL%/*}/$database"

# Two processes, one database, one token secret (as the docker-compose file and the
# systemd template units do it). All requests come from nginx's address, hence the
# high auth-rate.
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
port_a=$(free_port)
port_b=$(free_port)
for name in a b; do
    port_var="port_$name"
    mkdir -p "$work/data-$name"
    start_bg "$work/server-$name.log" env KOCMOC_TOKEN_SECRET="$secret" "$server_bin" \
        --port "${!port_var}" --data-dir "$work/data-$name" --database "$database_url" --auth-rate 1000
    # One after the other: the first applies the migrations.
    wait_http "http://127.0.0.1:${!port_var}/health"
done

# nginx, not as a daemon, on a free port, with the shipped snippets. Only the upstream
# addresses are changed to the two test ports.
nginx_port=$(free_port)
mkdir -p "$work/nginx/snippets" "$work/nginx/temp"
sed -e "s/127\.0\.0\.1:8081/127.0.0.1:$port_a/" -e "s/127\.0\.0\.1:8082/127.0.0.1:$port_b/" \
    "$root/deploy/nginx/kocmoc-upstream.conf" >"$work/nginx/snippets/kocmoc-upstream.conf"
grep -q "127.0.0.1:$port_a" "$work/nginx/snippets/kocmoc-upstream.conf" || fail "upstream addresses not found in kocmoc-upstream.conf"
cp "$root/deploy/nginx/kocmoc-locations.conf" "$work/nginx/snippets/"
user_line=""
[[ $(id -u) -eq 0 ]] && user_line="user root;"
cat >"$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx.log info;
events { worker_connections 256; }
http {
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    default_type application/octet-stream;
    include $work/nginx/snippets/kocmoc-upstream.conf;
    server {
        listen 127.0.0.1:$nginx_port;
        server_name localhost;
        include $work/nginx/snippets/kocmoc-locations.conf;
    }
}
CONF
"$nginx_bin" -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>>"$work/nginx.log" || fail "nginx -t refused the configuration"
start_bg "$work/nginx-stdout.log" "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;'
base="http://127.0.0.1:$nginx_port"
wait_http "$base/health"

echo "health through nginx"
health=$(curl -fsS "$base/health")
[[ $(json_field status <<<"$health") == ok ]] || fail "/health: $health"
[[ $(json_field database <<<"$health") == up ]] || fail "/health: $health"

echo "request id passes through"
headers=$(curl -fsS -D - -o /dev/null -H 'X-Request-Id: deploy-test-42' "$base/health")
grep -qi '^X-Request-Id: deploy-test-42' <<<"$headers" || fail "X-Request-Id not passed through: $headers"
headers=$(curl -fsS -D - -o /dev/null "$base/health")
grep -qiE '^X-Request-Id: [0-9a-f]{32}' <<<"$headers" || fail "nginx's request id not passed on: $headers"

echo "sign-up and sign-in through nginx"
grant=$(register "$base" deployuser)
token=$(json_field accessToken <<<"$grant")
[[ -n "$token" ]] || fail "no access token in the grant: $grant"
login "$base" deployuser >/dev/null || fail "sign-in through nginx failed"
# Both processes know the user (one database) and accept the token (one secret).
login "http://127.0.0.1:$port_a" deployuser >/dev/null || fail "sign-in on process A failed"
login "http://127.0.0.1:$port_b" deployuser >/dev/null || fail "sign-in on process B failed"

echo "gzip for JSON"
encoding=$(curl -fsS -D - -o /dev/null -H 'Accept-Encoding: gzip' -X POST "$base/api/auth/login" \
    -H 'Content-Type: application/json' -d '{"username":"deployuser","password":"kocmoc-test-pass"}' \
    | tr -d '\r' | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }')
[[ "$encoding" == gzip ]] || fail "JSON answer not gzipped (Content-Encoding: '$encoding')"

echo "Socket.IO long-polling, sticky"
for attempt in 1 2 3 4; do
    open=$(curl -fsS "$base/socket.io/?EIO=4&transport=polling")
    [[ "$open" == 0\{* ]] || fail "polling handshake answered: $open"
    sid=$(json_field sid <<<"${open:1}")
    # CONNECT with the token, then the next GET must bring the namespace's answer; with
    # a non-sticky balancer half of these would reach the other process ("unknown sid").
    curl -fsS -X POST -H 'Content-Type: text/plain;charset=UTF-8' \
        --data-binary "40{\"token\":\"$token\"}" "$base/socket.io/?EIO=4&transport=polling&sid=$sid" >/dev/null \
        || fail "polling POST $attempt failed"
    answer=$(curl -fsS --max-time 10 "$base/socket.io/?EIO=4&transport=polling&sid=$sid")
    [[ "$answer" == *'40{"sid"'* ]] || fail "polling CONNECT $attempt answered: $answer"
done

echo "Socket.IO over WebSocket"
NODE_PATH="$node_modules" node --input-type=commonjs - "$base" "$token" <<'JS' || fail "WebSocket handshake through nginx failed"
const { io } = require("socket.io-client");
const [url, token] = process.argv.slice(2);
const socket = io(url, { transports: ["websocket"], auth: { token }, reconnection: false, timeout: 10000 });
const timer = setTimeout(() => { console.error("no connect within 10 s"); process.exit(1); }, 10000);
socket.on("connect", () => {
    if (socket.io.engine.transport.name !== "websocket") { console.error("transport", socket.io.engine.transport.name); process.exit(1); }
    clearTimeout(timer);
    socket.disconnect();
    process.exit(0);
});
socket.on("connect_error", (error) => { console.error("connect_error", error.message); process.exit(1); });
JS
# And with the upgrade from polling, as browsers do it.
NODE_PATH="$node_modules" node --input-type=commonjs - "$base" "$token" <<'JS' || fail "polling → WebSocket upgrade through nginx failed"
const { io } = require("socket.io-client");
const [url, token] = process.argv.slice(2);
const socket = io(url, { auth: { token }, reconnection: false, timeout: 10000 });
const timer = setTimeout(() => { console.error("no upgrade within 10 s"); process.exit(1); }, 10000);
socket.io.engine.on("upgrade", (transport) => {
    if (transport.name !== "websocket") return;
    clearTimeout(timer);
    socket.disconnect();
    process.exit(0);
});
socket.on("connect_error", (error) => { console.error("connect_error", error.message); process.exit(1); });
JS

echo "uploads above 50 MB get nginx's 413"
truncate -s $((50 * 1024 * 1024 + 1)) "$work/too-big.bin"
status=$(curl -sS -o "$work/413.html" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$work/too-big.bin" "$base/api/files" || true)
[[ "$status" == 413 ]] || fail "a 50 MB + 1 byte body got $status, not 413"
grep -qi nginx "$work/413.html" || fail "the 413 did not come from nginx"
rm -f "$work/too-big.bin"

echo "one process down: nginx sends its clients to the other"
# The process this client is pinned to is the one that logged the request id above.
if grep -q 'rid=deploy-test-42 ' "$work/server-a.log"; then pinned=0; else pinned=1; fi
grep -q 'rid=deploy-test-42 ' "$work/server-$([[ $pinned == 0 ]] && echo a || echo b).log" \
    || fail "neither process logged the request id deploy-test-42"
stop_pid "${started_pids[$pinned]}"
for attempt in 1 2 3; do
    curl -fsS -o /dev/null "$base/health" || fail "/health failed with process A down (attempt $attempt)"
    login "$base" deployuser >/dev/null || fail "sign-in failed with process A down (attempt $attempt)"
done

echo "PASS"
