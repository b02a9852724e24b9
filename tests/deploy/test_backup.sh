#!/usr/bin/env bash
# Backup and restore round trips with deploy/backup/: SQLite (taken while the server
# runs), and PostgreSQL when KOCMOC_TEST_PG_URL is set (scripts/test.sh sets it). A user
# registered before the backup signs in after the data is wiped and restored; restore
# refuses to overwrite without --force; retention keeps the newest N archives.
#   test_backup.sh <kocmoc-server> <repository root>
set -euo pipefail
server_bin=$1
root=$2
# shellcheck source=tests/deploy/lib.sh
source "$root/tests/deploy/lib.sh"
command -v sqlite3 >/dev/null || fail "sqlite3 is missing: run scripts/install-deps.sh --test"
backup="$root/deploy/backup/kocmoc-backup.sh"
restore="$root/deploy/backup/kocmoc-restore.sh"

work=$(mktemp -d /tmp/kocmoc-deploy-backup.XXXXXX)
databases=()
cleanup() {
    local status=$? name
    show_logs_on_failure "$status"
    stop_started
    for name in "${databases[@]}"; do
        psql -q "$KOCMOC_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server LOG ARGS...: starts the server on a free port, sets base.
start_server() {
    local log=$1 port
    shift
    port=$(free_port)
    start_bg "$work/$log" "$server_bin" --port "$port" "$@"
    base="http://127.0.0.1:$port"
    wait_http "$base/health"
}

echo "SQLite: back up while the server runs"
data="$work/data"
start_server server-1.log --data-dir "$data"
register "$base" backedup >/dev/null
secret_before=$(cat "$data/token-secret")
mkdir -p "$data/files"
echo "an uploaded file" >"$data/files/upload.bin"
"$backup" --data-dir "$data" --keep 2 "$work/backups" >"$work/backup.out"
archive=$(head -n 1 "$work/backup.out")
[[ -f "$archive" && "$archive" == "$work/backups/kocmoc-backup-"*.tar.gz ]] || fail "no archive: $(cat "$work/backup.out")"
[[ $(stat -c %a "$archive") == 600 ]] || fail "the archive is not mode 0600"
# Registered after the backup: must be gone after the restore.
register "$base" afterbackup >/dev/null
stop_started

echo "SQLite: restore refuses to overwrite"
set +e
"$restore" --data-dir "$data" "$archive" >"$work/refuse.out" 2>&1
refused=$?
set -e
[[ $refused -eq 3 ]] || fail "restore over an existing database exited with $refused, not 3: $(cat "$work/refuse.out")"

echo "SQLite: wipe, restore, sign in"
rm -rf "$data"
"$restore" --data-dir "$data" "$archive" >"$work/restore.out" 2>&1 || fail "restore failed: $(cat "$work/restore.out")"
[[ $(cat "$data/token-secret") == "$secret_before" ]] || fail "token-secret not restored"
[[ $(cat "$data/files/upload.bin") == "an uploaded file" ]] || fail "files not restored"
[[ $(stat -c %a "$data") == 700 ]] || fail "the data folder is not mode 0700"
start_server server-2.log --data-dir "$data"
login "$base" backedup >/dev/null || fail "the user from the backup cannot sign in"
if login "$base" afterbackup >/dev/null 2>&1; then fail "a user registered after the backup survived the restore"; fi
stop_started

echo "SQLite: --force overwrites"
"$restore" --force --data-dir "$data" "$archive" >"$work/force.out" 2>&1 || fail "restore --force failed: $(cat "$work/force.out")"

echo "retention"
for _ in 1 2; do
    sleep 1.1
    "$backup" --data-dir "$data" --keep 2 "$work/backups" >/dev/null
done
count=$(find "$work/backups" -name 'kocmoc-backup-*.tar.gz' | wc -l)
[[ $count -eq 2 ]] || fail "--keep 2 left $count archives"
[[ ! -e "$archive" ]] || fail "the oldest archive was not removed"

echo "usage errors"
set +e
"$backup" >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "backup without arguments did not exit 2"
"$restore" --bogus x >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "restore with an unknown option did not exit 2"
set -e

if [[ -z "${KOCMOC_TEST_PG_URL:-}" ]]; then
    echo "PASS (SQLite only: KOCMOC_TEST_PG_URL is not set, run scripts/test.sh for PostgreSQL)"
    exit 0
fi

echo "PostgreSQL: back up, restore into a fresh database, sign in"
source_db="kocmoc_backup_src_$$_$RANDOM"
target_db="kocmoc_backup_dst_$$_$RANDOM"
databases+=("$source_db" "$target_db")
psql -q "$KOCMOC_TEST_PG_URL" -c "CREATE DATABASE $source_db" >/dev/null
psql -q "$KOCMOC_TEST_PG_URL" -c "CREATE DATABASE $target_db" >/dev/null
source_url="${KOCMOC_TEST_PG_URL%/*}/$source_db"
target_url="${KOCMOC_TEST_PG_URL%/*}/$target_db"
pg_data="$work/pg-data"
# The settings from an INI file, as on a real installation.
printf 'data-dir = %s\ndatabase = %s\n' "$pg_data" "$source_url" >"$work/kocmoc.ini"
start_server server-pg-1.log --config "$work/kocmoc.ini"
register "$base" pguser >/dev/null
"$backup" --config "$work/kocmoc.ini" "$work/pg-backups" >"$work/pg-backup.out" || fail "PostgreSQL backup failed"
pg_archive=$(head -n 1 "$work/pg-backup.out")
stop_started
rm -rf "$pg_data"
"$restore" --data-dir "$pg_data" --database "$target_url" "$pg_archive" >"$work/pg-restore.out" 2>&1 \
    || fail "PostgreSQL restore failed: $(cat "$work/pg-restore.out")"
set +e
"$restore" --data-dir "$work/pg-data-2" --database "$target_url" "$pg_archive" >/dev/null 2>&1
refused=$?
set -e
[[ $refused -eq 3 ]] || fail "restore into a database with tables exited with $refused, not 3"
start_server server-pg-2.log --data-dir "$pg_data" --database "$target_url"
login "$base" pguser >/dev/null || fail "the PostgreSQL user from the backup cannot sign in"
stop_started
"$restore" --force --data-dir "$pg_data" --database "$target_url" "$pg_archive" >"$work/pg-force.out" 2>&1 \
    || fail "PostgreSQL restore --force failed: $(cat "$work/pg-force.out")"
start_server server-pg-3.log --data-dir "$pg_data" --database "$target_url"
login "$base" pguser >/dev/null || fail "sign-in after restore --force failed"

echo "PASS"
