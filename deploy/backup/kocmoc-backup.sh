#!/usr/bin/env bash
# Backs up a KOCMOC server into one timestamped archive and keeps the newest N.
#
#   kocmoc-backup.sh [--config FILE] [--data-dir DIR] [--database URL] [--keep N] BACKUP_DIR
#
# The data folder and the database are found as kocmoc-server finds them: these options,
# then KOCMOC_DATA_DIR / KOCMOC_DATABASE / KOCMOC_CONFIG, then the INI file's data-dir and
# database. The server may keep running:
#   - PostgreSQL: pg_dump in its custom format (one consistent snapshot);
#   - SQLite: sqlite3's .backup, SQLite's online backup API — a consistent copy taken
#     under a read lock, with whatever sits in the -wal file included. (Copying kocmoc.db
#     and kocmoc.db-wal by hand is not safe while the server writes: the two files are
#     not read at one instant.)
# plus every other file of the data folder (token-secret, uploaded files).
# Archive: BACKUP_DIR/kocmoc-backup-YYYYMMDDTHHMMSSZ.tar.gz (mode 0600); the oldest ones
# beyond --keep (default 7; 0 keeps all) are deleted.
#
# Exit codes: 0 done; 1 the backup failed (nothing is left behind, older backups are
# kept); 2 wrong usage or settings.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/backup/kocmoc-common.sh
source "$here/kocmoc-common.sh"

usage() {
    sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'
}

option_config="" option_data_dir="" option_database="" keep=7 backup_dir=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --config|--data-dir|--database|--keep)
            [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; usage >&2; exit 2; }
            case "$1" in
                --config) option_config=$2 ;;
                --data-dir) option_data_dir=$2 ;;
                --database) option_database=$2 ;;
                --keep) keep=$2 ;;
            esac
            shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) [[ -z "$backup_dir" ]] || { echo "Only one BACKUP_DIR, please" >&2; exit 2; }; backup_dir=$1; shift ;;
    esac
done
[[ -n "$backup_dir" ]] || { usage >&2; exit 2; }
[[ "$keep" =~ ^[0-9]+$ ]] || { echo "--keep needs a number, not $keep" >&2; exit 2; }
resolve_settings
[[ -d "$data_dir" ]] || { echo "The data folder $data_dir does not exist" >&2; exit 2; }

umask 077
mkdir -p "$backup_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
archive="$backup_dir/kocmoc-backup-$stamp.tar.gz"
while [[ -e "$archive" ]]; do
    sleep 1
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    archive="$backup_dir/kocmoc-backup-$stamp.tar.gz"
done

staging=$(mktemp -d "$backup_dir/.kocmoc-backup.XXXXXX")
trap 'rm -rf "$staging"; rm -f "$archive.partial"' EXIT
trap 'exit 130' INT TERM

case "$kind" in
    postgres)
        command -v pg_dump >/dev/null || { echo "pg_dump is missing (Debian package postgresql-client)" >&2; exit 1; }
        pg_dump --format=custom --no-owner --no-privileges --file="$staging/database.pgdump" "$database" \
            || { echo "pg_dump failed" >&2; exit 1; }
        ;;
    sqlite)
        command -v sqlite3 >/dev/null || { echo "sqlite3 is missing (Debian package sqlite3)" >&2; exit 1; }
        [[ -f "$sqlite_path" ]] || { echo "No SQLite database at $sqlite_path" >&2; exit 1; }
        # The path goes in as a parameter-free dot command: quote it for SQLite.
        target=${staging//\'/\'\'}/database.sqlite
        sqlite3 -bail "$sqlite_path" ".timeout 30000" ".backup '$target'" \
            || { echo "sqlite3 .backup of $sqlite_path failed" >&2; exit 1; }
        check=$(sqlite3 "$staging/database.sqlite" 'PRAGMA integrity_check;')
        [[ "$check" == ok ]] || { echo "The copy failed its integrity check: $check" >&2; exit 1; }
        ;;
esac

# Every other file of the data folder.
mkdir -p "$staging/files"
while IFS= read -r -d '' entry; do
    name=$(basename "$entry")
    if [[ "$kind" == sqlite && "$(dirname "$(readlink -f "$entry")")" == "$(dirname "$(readlink -f "$sqlite_path")")" ]]; then
        base=$(basename "$sqlite_path")
        [[ "$name" == "$base" || "$name" == "$base-wal" || "$name" == "$base-shm" || "$name" == "$base-journal" ]] && continue
    fi
    is_database_file "$name" && continue
    cp -a "$entry" "$staging/files/"
done < <(find "$data_dir" -mindepth 1 -maxdepth 1 -print0)

cat >"$staging/manifest" <<MANIFEST
format=1
created=$stamp
database=$kind
host=$(hostname)
MANIFEST

tar -C "$staging" -czf "$archive.partial" manifest files "database.$([[ $kind == postgres ]] && echo pgdump || echo sqlite)"
mv "$archive.partial" "$archive"
echo "$archive"

if ((keep > 0)); then
    mapfile -t old < <(find "$backup_dir" -maxdepth 1 -name 'kocmoc-backup-*.tar.gz' -printf '%f\n' | sort -r | tail -n +$((keep + 1)))
    for name in "${old[@]}"; do
        rm -f "$backup_dir/$name"
        echo "removed the old backup $backup_dir/$name"
    done
fi
