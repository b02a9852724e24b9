#!/usr/bin/env bash
# The systemd units: `systemd-analyze verify` of kocmoc.service and kocmoc@.service (with
# ExecStart pointing at the built binary), their offline security score, and the server
# running under the restrictions that can be reproduced without systemd: another user, no
# new privileges, no capabilities, and memory that is never both writable and executable
# (the kernel's PR_SET_MDWE, what MemoryDenyWriteExecute=yes sets up).
#   test_systemd.sh <kocmoc-server> <repository root>
set -euo pipefail
server_bin=$1
root=$2
# shellcheck source=tests/deploy/lib.sh
source "$root/tests/deploy/lib.sh"
command -v systemd-analyze >/dev/null || fail "systemd-analyze is missing: run scripts/install-deps.sh --test"

work=$(mktemp -d /tmp/kocmoc-deploy-systemd.XXXXXX)
cleanup() {
    local status=$?
    show_logs_on_failure "$status"
    stop_started
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

server_abs=$(readlink -f "$server_bin")
for unit in kocmoc.service kocmoc@.service; do
    grep -q '^ExecStart=/usr/bin/kocmoc-server ' "$root/deploy/systemd/$unit" || fail "$unit: ExecStart is not /usr/bin/kocmoc-server"
    sed "s|^ExecStart=/usr/bin/kocmoc-server |ExecStart=$server_abs |" "$root/deploy/systemd/$unit" >"$work/$unit"
done

echo "systemd-analyze verify"
systemd-analyze verify "$work/kocmoc.service" >"$work/verify.log" 2>&1 || fail "kocmoc.service: $(cat "$work/verify.log")"
(cd "$work" && systemd-analyze verify ./kocmoc@8081.service) >"$work/verify-template.log" 2>&1 \
    || fail "kocmoc@8081.service: $(cat "$work/verify-template.log")"
# Warnings count as failures too.
[[ ! -s "$work/verify.log" && ! -s "$work/verify-template.log" ]] \
    || fail "systemd-analyze verify warned: $(cat "$work/verify.log" "$work/verify-template.log")"
# And verify does catch a broken unit (so the checks above mean something).
sed "s|^ExecStart=.*|ExecStart=$work/no-such-binary|" "$work/kocmoc.service" >"$work/broken.service"
if systemd-analyze verify "$work/broken.service" >/dev/null 2>&1; then
    fail "systemd-analyze verify accepted a unit whose binary is missing"
fi

echo "settings the hardening depends on"
for setting in NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes PrivateDevices=yes \
    StateDirectory=kocmoc 'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' SystemCallFilter=@system-service \
    CapabilityBoundingSet= MemoryDenyWriteExecute=yes LockPersonality=yes Restart=always \
    KillSignal=SIGTERM TimeoutStopSec=30 User=kocmoc; do
    for unit in kocmoc.service kocmoc@.service; do
        grep -qxF "$setting" "$root/deploy/systemd/$unit" || fail "$unit lacks $setting"
    done
done
grep -qF -- '--data-dir /var/lib/kocmoc' "$root/deploy/systemd/kocmoc.service" || fail "kocmoc.service: no --data-dir /var/lib/kocmoc"
grep -qF -- '--config /etc/kocmoc/kocmoc.ini' "$root/deploy/systemd/kocmoc.service" || fail "kocmoc.service: no --config"

echo "systemd-analyze security (offline)"
if systemd-analyze security --offline=true "$work/kocmoc.service" >"$work/security.log" 2>&1; then
    exposure=$(grep -o 'Overall exposure level for kocmoc.service: [0-9.]*' "$work/security.log" | awk '{print $NF}')
    echo "exposure $exposure"
    awk -v e="$exposure" 'BEGIN { exit !(e != "" && e <= 2.0) }' || fail "exposure level $exposure is above 2.0"
else
    fail "systemd-analyze security failed: $(tail -n 5 "$work/security.log")"
fi

echo "the server under no-new-privileges, no capabilities, another user and MDWE"
command -v setpriv >/dev/null || fail "setpriv (util-linux) is missing"
data="$work/data"
mkdir -p "$data"
config="$work/kocmoc.ini"
port=$(free_port)
printf 'host = 127.0.0.1\nport = %s\nlog-level = info\n' "$port" >"$config"
as_user=()
if [[ $(id -u) -eq 0 ]]; then
    chown nobody:nogroup "$data"
    chmod 0755 "$work"
    as_user=(--reuid=nobody --regid=nogroup --clear-groups)
fi
# The same environment the unit sets.
start_bg "$work/server.log" env QT_ENABLE_REGEXP_JIT=0 setpriv "${as_user[@]}" --no-new-privs --inh-caps=-all \
    --bounding-set=-all /usr/bin/python3 -c '
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
# PR_SET_MDWE = 65, PR_MDWE_REFUSE_EXEC_GAIN = 1: kept across execve, like systemd'"'"'s filter.
if libc.prctl(65, 1, 0, 0, 0) != 0:
    print("PR_SET_MDWE unavailable (kernel older than 6.3), running without it", file=sys.stderr)
os.execv(sys.argv[1], sys.argv[1:])' "$server_abs" --config "$config" --data-dir "$data"
base="http://127.0.0.1:$port"
wait_http "$base/health"
grant=$(register "$base" hardened)
[[ -n $(json_field accessToken <<<"$grant") ]] || fail "no grant: $grant"
login "$base" hardened >/dev/null || fail "sign-in under the restrictions failed"
echo "PASS"
