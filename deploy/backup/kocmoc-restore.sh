#!/usr/bin/env bash
# Restores a KOCMOC backup made by kocmoc-backup.sh.
#
#   kocmoc-restore.sh [--config FILE] [--data-dir DIR] [--database URL] [--force] ARCHIVE
#
# The data folder and the database are found as kocmoc-backup.sh finds them. Stop the
# server(s) first (systemctl stop kocmoc, or kocmoc@8081 kocmoc@8082).
#   - SQLite: the database file is put in place of <data-dir>/kocmoc.db (its -wal and
#     -shm files removed);
#   - PostgreSQL: pg_restore into the database of the URL, which should be empty (e.g.
#     freshly made with createdb);
#   - the other files (token-secret, uploads) go back into the data folder.
# Without --force it refuses to overwrite anything: an existing SQLite database, a
# PostgreSQL database that has tables, or a file of the data folder. With --force the
# SQLite database is replaced, PostgreSQL objects of the backup are dropped and made
# again (pg_restore --clean), and files are overwritten.
# The archive must match the database kind: a PostgreSQL backup restores into
# PostgreSQL, a SQLite one into SQLite.
#
# Exit codes: 0 restored; 1 the restore failed; 2 wrong usage or settings; 3 refused
# because something would be overwritten (use --force).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/backup/kocmoc-common.sh
source "$here/kocmoc-common.sh"

usage() {
    sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'
}

option_config="" option_data_dir="" option_database="" force=false archive=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --config|--data-dir|--database)
            [[ $# -ge 2 ]] || { echo "$1 needs a value" >&2; usage >&2; exit 2; }
            case "$1" in
                --config) option_config=$2 ;;
                --data-dir) option_data_dir=$2 ;;
                --database) option_database=$2 ;;
            esac
            shift 2 ;;
        --force) force=true; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) [[ -z "$archive" ]] || { echo "Only one ARCHIVE, please" >&2; exit 2; }; archive=$1; shift ;;
    esac
done
[[ -n "$archive" ]] || { usage >&2; exit 2; }
[[ -f "$archive" ]] || { echo "No such archive: $archive" >&2; exit 2; }
resolve_settings

staging=$(mktemp -d /tmp/kocmoc-restore.XXXXXX)
trap 'rm -rf "$staging"' EXIT
trap 'exit 130' INT TERM
umask 077
tar -C "$staging" -xzf "$archive" || { echo "Cannot read the archive $archive" >&2; exit 1; }
[[ -f "$staging/manifest" ]] || { echo "$archive is not a KOCMOC backup (no manifest)" >&2; exit 1; }
backup_kind=$(sed -n 's/^database=//p' "$staging/manifest")
[[ "$backup_kind" == "$kind" ]] || {
    echo "The backup holds a $backup_kind database, but the server is configured for $kind" >&2
    exit 2
}

# First every check, then every change.
refuse() {
    echo "Refusing to overwrite $1 (use --force)" >&2
    exit 3
}
if [[ "$force" == false ]]; then
    case "$kind" in
        sqlite) [[ ! -e "$sqlite_path" ]] || refuse "the database $sqlite_path" ;;
        postgres)
            tables=$(psql -X -qAt "$database" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") \
                || { echo "Cannot connect to the database" >&2; exit 1; }
            [[ "$tables" == 0 ]] || refuse "a PostgreSQL database with $tables tables"
            ;;
    esac
    while IFS= read -r -d '' entry; do
        name=${entry#"$staging/files/"}
        [[ ! -e "$data_dir/$name" ]] || refuse "$data_dir/$name"
    done < <(find "$staging/files" -mindepth 1 -maxdepth 1 -print0)
fi

mkdir -p "$data_dir"
chmod 0700 "$data_dir"
case "$kind" in
    sqlite)
        mkdir -p "$(dirname "$sqlite_path")"
        rm -f "$sqlite_path-wal" "$sqlite_path-shm" "$sqlite_path-journal"
        cp "$staging/database.sqlite" "$sqlite_path.restoring"
        mv -f "$sqlite_path.restoring" "$sqlite_path"
        check=$(sqlite3 "$sqlite_path" 'PRAGMA integrity_check;' 2>&1 || true)
        [[ "$check" == ok ]] || { echo "The restored database failed its integrity check: $check" >&2; exit 1; }
        ;;
    postgres)
        clean=()
        [[ "$force" == true ]] && clean=(--clean --if-exists)
        pg_restore --exit-on-error --no-owner --no-privileges --single-transaction "${clean[@]}" \
            --dbname="$database" "$staging/database.pgdump" || { echo "pg_restore failed" >&2; exit 1; }
        ;;
esac
cp -a "$staging/files/." "$data_dir/"
# Files restored as root belong to the data folder's owner (the kocmoc user).
if [[ $(id -u) -eq 0 ]]; then
    chown -R --reference="$data_dir" "$data_dir"
fi
echo "restored $archive ($kind) into $data_dir"
