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
        // One increasing sequence numbers every change of chats and messages (see
        // VersionRepository): a counter row on SQLite, a sequence on PostgreSQL.
        {2, QStringLiteral("versions"),
            {
                QStringLiteral(R"(CREATE TABLE version_counter (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        value BIGINT NOT NULL))"),
                QStringLiteral("INSERT INTO version_counter (id, value) VALUES (1, 0)"),
            },
            {
                QStringLiteral("CREATE SEQUENCE versions AS BIGINT MINVALUE 1"),
            }},
        // Messages take their id from the version sequence when they are created, so ids
        // grow with time and are never reused. direct_key ("<user id>:<user id>", sorted)
        // makes a direct chat unique per pair; (sender_id, client_id) makes sends idempotent.
        {3, QStringLiteral("chats and messages"),
            {
                QStringLiteral(R"(CREATE TABLE chats (
                        id TEXT PRIMARY KEY,
                        type TEXT NOT NULL,
                        title TEXT NOT NULL DEFAULT '',
                        title_key TEXT NOT NULL DEFAULT '',
                        avatar_file_id TEXT,
                        direct_key TEXT UNIQUE,
                        last_message_id BIGINT NOT NULL DEFAULT 0,
                        last_activity_at BIGINT NOT NULL,
                        created_at BIGINT NOT NULL,
                        updated_at BIGINT NOT NULL,
                        version BIGINT NOT NULL))"),
                QStringLiteral(R"(CREATE TABLE chat_members (
                        chat_id TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
                        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        role TEXT NOT NULL,
                        joined_at BIGINT NOT NULL,
                        joined_message_id BIGINT NOT NULL DEFAULT 0,
                        read_message_id BIGINT NOT NULL DEFAULT 0,
                        delivered_message_id BIGINT NOT NULL DEFAULT 0,
                        PRIMARY KEY (chat_id, user_id)))"),
                QStringLiteral("CREATE INDEX chat_members_user ON chat_members (user_id)"),
                QStringLiteral(R"(CREATE TABLE chat_removals (
                        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        chat_id TEXT NOT NULL,
                        version BIGINT NOT NULL,
                        PRIMARY KEY (user_id, chat_id)))"),
                QStringLiteral(
                    "CREATE INDEX chat_removals_version ON chat_removals (user_id, version)"),
                QStringLiteral(R"(CREATE TABLE messages (
                        id BIGINT PRIMARY KEY,
                        chat_id TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
                        sender_id TEXT NOT NULL REFERENCES users (id),
                        client_id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        text TEXT NOT NULL DEFAULT '',
                        text_key TEXT NOT NULL DEFAULT '',
                        reply_to_id BIGINT,
                        forwarded_message_id BIGINT,
                        forwarded_chat_id TEXT,
                        forwarded_sender_id TEXT,
                        forwarded_sender_name TEXT,
                        status INTEGER NOT NULL DEFAULT 0,
                        edited_at BIGINT NOT NULL DEFAULT 0,
                        deleted INTEGER NOT NULL DEFAULT 0,
                        created_at BIGINT NOT NULL,
                        version BIGINT NOT NULL,
                        UNIQUE (sender_id, client_id)))"),
                QStringLiteral("CREATE INDEX messages_chat ON messages (chat_id, id)"),
                QStringLiteral("CREATE INDEX messages_chat_version ON messages (chat_id, version)"),
                QStringLiteral(R"(CREATE TABLE message_reactions (
                        message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        emoji TEXT NOT NULL,
                        created_at BIGINT NOT NULL,
                        PRIMARY KEY (message_id, user_id, emoji)))"),
            },
            {}},
        {4, QStringLiteral("server state"),
            {
                // Settings an admin changes at run time and a restart keeps (maintenance mode).
                QStringLiteral(R"(CREATE TABLE server_state (
                        name TEXT PRIMARY KEY,
                        value TEXT NOT NULL,
                        updated_at BIGINT NOT NULL))"),
            },
            {}},
        // Files are stored under generated keys (see FileStore); owner_id is NULL for the
        // built-in stickers. message_files keeps a message's files in order.
        {5, QStringLiteral("files and stories"),
            {
                QStringLiteral(R"(CREATE TABLE files (
                        id TEXT PRIMARY KEY,
                        owner_id TEXT REFERENCES users (id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        mime TEXT NOT NULL,
                        size BIGINT NOT NULL,
                        storage_key TEXT NOT NULL,
                        thumbnail_key TEXT,
                        width INTEGER NOT NULL DEFAULT 0,
                        height INTEGER NOT NULL DEFAULT 0,
                        duration_ms BIGINT NOT NULL DEFAULT 0,
                        waveform TEXT NOT NULL DEFAULT '',
                        created_at BIGINT NOT NULL))"),
                QStringLiteral("CREATE INDEX files_owner ON files (owner_id)"),
                QStringLiteral(R"(CREATE TABLE message_files (
                        message_id BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
                        PRIMARY KEY (message_id, position)))"),
                QStringLiteral("CREATE INDEX message_files_file ON message_files (file_id)"),
                QStringLiteral(R"(CREATE TABLE uploads (
                        id TEXT PRIMARY KEY,
                        owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        length BIGINT NOT NULL,
                        received BIGINT NOT NULL DEFAULT 0,
                        name TEXT NOT NULL,
                        duration_ms BIGINT NOT NULL DEFAULT 0,
                        waveform TEXT NOT NULL DEFAULT '',
                        file_id TEXT REFERENCES files (id) ON DELETE SET NULL,
                        created_at BIGINT NOT NULL,
                        expires_at BIGINT NOT NULL))"),
                QStringLiteral("CREATE INDEX uploads_owner ON uploads (owner_id)"),
                QStringLiteral(R"(CREATE TABLE stories (
                        id TEXT PRIMARY KEY,
                        author_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        type TEXT NOT NULL,
                        file_id TEXT REFERENCES files (id) ON DELETE CASCADE,
                        text TEXT NOT NULL DEFAULT '',
                        background TEXT NOT NULL DEFAULT '',
                        created_at BIGINT NOT NULL,
                        expires_at BIGINT NOT NULL))"),
                QStringLiteral("CREATE INDEX stories_author ON stories (author_id, expires_at)"),
                QStringLiteral("CREATE INDEX stories_expiry ON stories (expires_at)"),
                QStringLiteral("CREATE INDEX stories_file ON stories (file_id)"),
                QStringLiteral(R"(CREATE TABLE story_views (
                        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
                        viewer_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                        viewed_at BIGINT NOT NULL,
                        PRIMARY KEY (story_id, viewer_id)))"),
            },
            {}},
        // members_version changes whenever someone joins or leaves a chat, so that a member
        // list kept in memory (MemberDirectory) can be checked by one number.
        {6, QStringLiteral("member list versions"),
            {
                QStringLiteral(
                    "ALTER TABLE chats ADD COLUMN members_version BIGINT NOT NULL DEFAULT 0"),
            },
            {}},
        // A message's chat and sender are checked by the writer under the version lock,
        // which deleting a chat takes too (and people are never deleted); PostgreSQL's
        // per-row foreign key checks were ~40% of the writer's INSERT under that lock
        // (docs/performance.md). SQLite keeps its own, cheap and not the busy case.
        {7, QStringLiteral("messages checked by their writer"), {},
            {
                QStringLiteral("ALTER TABLE messages DROP CONSTRAINT IF EXISTS "
                               "messages_chat_id_fkey, DROP CONSTRAINT IF EXISTS "
                               "messages_sender_id_fkey"),
            }},
        // Sync finds new messages by id (messages_chat) and changed ones by version: only a
        // message changed after it was written (version <> id) needs a version entry, so a new
        // message costs the writer one text-keyed index insert fewer (docs/performance.md).
        {8, QStringLiteral("versions of changed messages only"),
            {
                QStringLiteral("DROP INDEX messages_chat_version"),
                QStringLiteral("CREATE INDEX messages_changed ON messages (chat_id, version) "
                               "WHERE version <> id"),
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
