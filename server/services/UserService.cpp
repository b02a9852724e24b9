#include "UserService.h"

#include "services/AvatarFile.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

namespace kocmoc {

UserService::UserService(db::Database &database, const Clock &clock, const PresenceSource &presence)
    : m_database(database)
    , m_clock(clock)
    , m_presence(presence)
{ }

UserRecord UserService::withPresence(UserRecord record) const
{
    record.user.online = m_presence.isOnline(record.user.id);
    return record;
}

Result<UserRecord> UserService::me(const QString &userId)
{
    const auto record
        = m_database.read([&](QSqlDatabase &db) { return UserRepository(db).findById(userId); });
    if (!record)
        return ApiError::notFound(QStringLiteral("This account no longer exists."));
    return withPresence(*record);
}

Result<UserRecord> UserService::updateMe(const QString &userId, ProfileChange change)
{
    if (change.displayName) {
        change.displayName = validation::normalizedDisplayName(*change.displayName);
        if (const auto problem = validation::checkDisplayName(*change.displayName))
            return *problem;
    }
    if (change.bio) {
        change.bio = change.bio->normalized(QString::NormalizationForm_C).trimmed();
        if (const auto problem = validation::checkBio(*change.bio))
            return *problem;
    }
    if (change.emojiStatus) {
        change.emojiStatus = change.emojiStatus->trimmed();
        if (const auto problem = validation::checkEmojiStatus(*change.emojiStatus))
            return *problem;
    }
    std::optional<ApiError> refused;
    const auto record = m_database.transaction([&](QSqlDatabase &db) -> std::optional<UserRecord> {
        if (change.avatarFileId) {
            refused
                = checkAvatarFile(db, *change.avatarFileId, userId, QStringLiteral("avatarFileId"));
            if (refused)
                return std::nullopt;
        }
        UserRepository users(db);
        users.updateProfile(userId, change, m_clock.nowMs());
        return users.findById(userId);
    });
    if (refused)
        return *refused;
    if (!record)
        return ApiError::notFound(QStringLiteral("This account no longer exists."));
    return withPresence(*record);
}

Result<QList<User>> UserService::search(const QString &query, int limit)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return ApiError::badRequest(QStringLiteral("missing_field"),
            QStringLiteral("Type something to search for."), QStringLiteral("q"));
    if (validation::codePointCount(trimmed) > limits::searchQueryMaxChars)
        return ApiError::invalidField(
            QStringLiteral("q"), QStringLiteral("The search text is too long."));
    QList<User> users = m_database.read(
        [&](QSqlDatabase &db) { return UserRepository(db).search(trimmed, limit); });
    for (User &user : users)
        user.online = m_presence.isOnline(user.id);
    return users;
}

Result<User> UserService::find(const QString &id)
{
    const auto record
        = m_database.read([&](QSqlDatabase &db) { return UserRepository(db).findById(id); });
    if (!record)
        return ApiError::notFound(QStringLiteral("There is no such user."));
    return withPresence(*record).user;
}

} // namespace kocmoc
