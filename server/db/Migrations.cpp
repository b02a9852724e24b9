#include "Migrations.h"

namespace kocmoc::db {

// Times are milliseconds since the epoch in BIGINT and flags are INTEGER 0/1, so
// that SQLite and PostgreSQL share every statement.
const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> list{
        {1, QStringLiteral("accounts"),
            {
                QStringLiteral(R"(CREATE TABLE users (
                        id TEXT PRIMARY KEY,
                        email TEXT NOT NULL,
                        email_key TEXT NOT NULL UNIQUE,
                        username TEXT NOT NULL,
                        username_key TEXT NOT NULL UNIQUE,
                        display_name TEXT NOT NULL,
                        search_key TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        bio TEXT NOT NULL DEFAULT '',
                        emoji_status TEXT NOT NULL DEFAULT '',
                        avatar_file_id TEXT,
                        verified INTEGER NOT NULL DEFAULT 0,
                        email_verified INTEGER NOT NULL DEFAULT 0,
                        access_level INTEGER NOT NULL DEFAULT 1,
                        banned INTEGER NOT NULL DEFAULT 0,
                        last_seen_at BIGINT NOT NULL DEFAULT 0,
                        created_at BIGINT NOT NULL,
                        updated_at BIGINT NOT NULL))"),
                QStringLiteral("CREATE INDEX users_search_key ON users (search_key)"),
                QStringLiteral(R"(CREATE TABLE sessions (
                        id TEXT PRIMARY KEY,
                        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        refresh_hash TEXT NOT NULL,
                        previous_refresh_hash TEXT,
                        device TEXT NOT NULL DEFAULT '',
                        ip TEXT NOT NULL DEFAULT '',
                        created_at BIGINT NOT NULL,
                        last_used_at BIGINT NOT NULL,
                        expires_at BIGINT NOT NULL,
                        revoked_at BIGINT NOT NULL DEFAULT 0))"),
                QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
                QStringLiteral(R"(CREATE TABLE email_codes (
                        id TEXT PRIMARY KEY,
                        email_key TEXT NOT NULL,
                        purpose TEXT NOT NULL,
                        code_hash TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        created_at BIGINT NOT NULL,
                        expires_at BIGINT NOT NULL,
                        used_at BIGINT NOT NULL DEFAULT 0))"),
                QStringLiteral(
                    "CREATE INDEX email_codes_email ON email_codes (email_key, created_at)"),
                QStringLiteral(R"(CREATE TABLE login_failures (
                        subject TEXT PRIMARY KEY,
                        failures INTEGER NOT NULL,
                        first_failure_at BIGINT NOT NULL,
                        locked_until BIGINT NOT NULL DEFAULT 0))"),
                QStringLiteral(R"(CREATE TABLE invite_keys (
                        key_hash TEXT PRIMARY KEY,
                        uses_left INTEGER NOT NULL,
                        expires_at BIGINT NOT NULL,
                        created_by TEXT,
                        created_at BIGINT NOT NULL))"),
            },
            {}},
    };
    return list;
}

int latestSchemaVersion()
{
    return migrations().empty() ? 0 : migrations().back().version;
}

} // namespace kocmoc::db
