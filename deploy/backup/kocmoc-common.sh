# shellcheck shell=bash
# Shared by kocmoc-backup.sh and kocmoc-restore.sh (sourced, not run): finds the data
# folder and the database the way kocmoc-server does — command line, then KOCMOC_*
# environment, then the INI file, then defaults.

# ini_value FILE KEY: the value of "KEY = value" in an INI file (last one wins).
ini_value() {
    local file=$1 key=$2
    [[ -n "$file" ]] || return 0
    [[ -r "$file" ]] || { echo "Cannot read the config file $file" >&2; exit 2; }
    awk -v key="$key" '
        /^[ \t]*[;#]/ { next }
        {
            line = $0
            position = index(line, "=")
            if (position == 0) next
            name = substr(line, 1, position - 1); value = substr(line, position + 1)
            gsub(/^[ \t]+|[ \t]+$/, "", name); gsub(/^[ \t]+|[ \t\r]+$/, "", value)
            if (name == key) {
                if (value ~ /^".*"$/) value = substr(value, 2, length(value) - 2)
                found = value
            }
        }
        END { if (found != "") print found }' "$file"
}

# resolve_settings: sets data_dir, database and kind (sqlite or postgres) and sqlite_path
# from option_config, option_data_dir, option_database.
# shellcheck disable=SC2034 # the variables are the result, read by the sourcing script
resolve_settings() {
    local config=${option_config:-${KOCMOC_CONFIG:-}}
    data_dir=${option_data_dir:-${KOCMOC_DATA_DIR:-$(ini_value "$config" data-dir)}}
    database=${option_database:-${KOCMOC_DATABASE:-$(ini_value "$config" database)}}
    [[ -n "$data_dir" ]] || data_dir="${HOME:-/root}/.local/share/kocmoc-server"
    data_dir=${data_dir%/}
    case "$database" in
        "") kind=sqlite; sqlite_path="$data_dir/kocmoc.db" ;;
        sqlite:*) kind=sqlite; sqlite_path=${database#sqlite:} ;;
        postgres://*|postgresql://*) kind=postgres; sqlite_path="" ;;
        *) echo "Unknown database URL: $database (sqlite:<path> or postgres://…)" >&2; exit 2 ;;
    esac
}

# The files of the data folder that are not the SQLite database itself.
is_database_file() {
    local name=$1
    [[ "$name" == kocmoc.db || "$name" == kocmoc.db-wal || "$name" == kocmoc.db-shm || "$name" == kocmoc.db-journal ]]
}
