#include "UserRepository.h"

#include "db/Sql.h"
#include "files/FileUrls.h"

#include <kocmoc/Validation.h>

namespace kocmoc {

using db::Sql;

namespace {

const QString selectColumns = QStringLiteral(
    "SELECT id, username, display_name, avatar_file_id, bio, emoji_status, verified, access_level, "
    "last_seen_at, email, password_hash, email_verified, banned, created_at FROM users ");

UserRecord readRecord(const Sql &row)
{
    UserRecord record;
    User &user = record.user;
    user.id = row.text(0);
    user.username = row.text(1);
    user.displayName = row.text(2);
    // Avatars are files; until a file is set the client draws initials on a colour.
    const QString avatarFileId = row.text(3);
    user.avatarUrl = fileUrls::avatarUrl(avatarFileId);
    user.bio = row.text(4);
    user.emojiStatus = row.text(5);
    user.verified = row.flag(6);
    user.accessLevel = int(row.integer(7));
    user.lastSeenAtMs = row.integer(8);
    record.email = row.text(9);
    record.passwordHash = row.text(10);
    record.emailVerified = row.flag(11);
    record.banned = row.flag(12);
    record.createdAtMs = row.integer(13);
    return record;
}

// Words of a display name, folded, each one searchable by prefix: " иван петров".
QString searchKeyFor(const QString &displayName)
{
    return QLatin1Char(' ') + validation::foldedForSearch(displayName).simplified();
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return text;
}

} // namespace

QJsonObject UserRecord::ownProfileJson() const
{
    QJsonObject json = user.toJson();
    json.insert(QStringLiteral("email"), email);
    json.insert(QStringLiteral("emailVerified"), emailVerified);
    return json;
}

QString UserRepository::emailKey(const QString &email)
{
    return validation::normalizedEmail(email);
}

QString UserRepository::usernameKey(const QString &username)
{
    return username.toLower();
}

std::optional<UserRecord> UserRepository::findOne(const QString &whereColumn, const QString &value)
{
    Sql query(
        m_db, selectColumns + QStringLiteral("WHERE ") + whereColumn + QStringLiteral(" = ?"));
    query.bind(value).exec();
    if (!query.next())
        return std::nullopt;
    return readRecord(query);
}

std::optional<UserRecord> UserRepository::findById(const QString &id)
{
    return findOne(QStringLiteral("id"), id);
}

std::optional<UserRecord> UserRepository::findByEmail(const QString &email)
{
    return findOne(QStringLiteral("email_key"), emailKey(email));
}

std::optional<UserRecord> UserRepository::findByUsername(const QString &username)
{
    return findOne(QStringLiteral("username_key"), usernameKey(username));
}

bool UserRepository::emailTaken(const QString &email)
{
    Sql query(m_db, QStringLiteral("SELECT 1 FROM users WHERE email_key = ?"));
    query.bind(emailKey(email)).exec();
    return query.next();
}

bool UserRepository::usernameTaken(const QString &username)
{
    Sql query(m_db, QStringLiteral("SELECT 1 FROM users WHERE username_key = ?"));
    query.bind(usernameKey(username)).exec();
    return query.next();
}

bool UserRepository::insert(const NewUser &user)
{
    Sql query(m_db,
        QStringLiteral(
            "INSERT INTO users (id, email, email_key, username, username_key, display_name, "
            "search_key, "
            "password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING id"));
    query.bind(user.id)
        .bind(user.email.trimmed())
        .bind(emailKey(user.email))
        .bind(user.username)
        .bind(usernameKey(user.username))
        .bind(user.displayName)
        .bind(searchKeyFor(user.displayName))
        .bind(user.passwordHash)
        .bind(user.nowMs)
        .bind(user.nowMs)
        .exec();
    return query.next();
}

void UserRepository::updateProfile(const QString &id, const ProfileChange &change, qint64 nowMs)
{
    if (change.displayName) {
        Sql(m_db,
            QStringLiteral(
                "UPDATE users SET display_name = ?, search_key = ?, updated_at = ? WHERE id = ?"))
            .bind(*change.displayName)
            .bind(searchKeyFor(*change.displayName))
            .bind(nowMs)
            .bind(id)
            .exec();
    }
    if (change.bio)
        Sql(m_db, QStringLiteral("UPDATE users SET bio = ?, updated_at = ? WHERE id = ?"))
            .bind(*change.bio)
            .bind(nowMs)
            .bind(id)
            .exec();
    if (change.emojiStatus)
        Sql(m_db, QStringLiteral("UPDATE users SET emoji_status = ?, updated_at = ? WHERE id = ?"))
            .bind(*change.emojiStatus)
            .bind(nowMs)
            .bind(id)
            .exec();
    if (change.avatarFileId)
        Sql(m_db,
            QStringLiteral("UPDATE users SET avatar_file_id = ?, updated_at = ? WHERE id = ?"))
            .bindNullableText(*change.avatarFileId)
            .bind(nowMs)
            .bind(id)
            .exec();
}

void UserRepository::updatePasswordHash(
    const QString &id, const QString &passwordHash, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"))
        .bind(passwordHash)
        .bind(nowMs)
        .bind(id)
        .exec();
}

void UserRepository::markEmailVerified(const QString &id, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE users SET email_verified = 1, updated_at = ? WHERE id = ?"))
        .bind(nowMs)
        .bind(id)
        .exec();
}

void UserRepository::touchLastSeen(const QString &id, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE users SET last_seen_at = ? WHERE id = ?"))
        .bind(nowMs)
        .bind(id)
        .exec();
}

void UserRepository::setBanned(const QString &id, bool banned, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE users SET banned = ?, updated_at = ? WHERE id = ?"))
        .bind(banned)
        .bind(nowMs)
        .bind(id)
        .exec();
}

void UserRepository::setVerified(const QString &id, bool verified, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE users SET verified = ?, updated_at = ? WHERE id = ?"))
        .bind(verified)
        .bind(nowMs)
        .bind(id)
        .exec();
}

void UserRepository::setAccessLevel(const QString &id, int accessLevel, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE users SET access_level = ?, updated_at = ? WHERE id = ?"))
        .bind(accessLevel)
        .bind(nowMs)
        .bind(id)
        .exec();
}

QList<User> UserRepository::search(const QString &query, int limit)
{
    const QString folded = escapeLike(validation::foldedForSearch(query).simplified());
    Sql sql(m_db,
        selectColumns
            + QStringLiteral("WHERE banned = 0 AND (username_key LIKE ? ESCAPE '\\' OR search_key "
                             "LIKE ? ESCAPE '\\') "
                             "ORDER BY CASE WHEN username_key = ? THEN 0 ELSE 1 END, display_name, "
                             "username_key LIMIT ?"));
    sql.bind(escapeLike(usernameKey(query.trimmed())) + QLatin1Char('%'))
        .bind(QStringLiteral("% ") + folded + QLatin1Char('%'))
        .bind(usernameKey(query.trimmed()))
        .bind(limit)
        .exec();
    QList<User> users;
    while (sql.next())
        users.append(readRecord(sql).user);
    return users;
}

} // namespace kocmoc
