#include "AdminAccounts.h"

#include "security/PasswordHasher.h"
#include "security/Random.h"
#include "services/AdminService.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

namespace kocmoc {

Result<UserRecord> AdminAccounts::createSuperAdmin(const QString &email, const QString &username,
    const QString &displayName, const QString &password)
{
    const QString name = validation::normalizedDisplayName(displayName);
    for (const auto &problem :
        {validation::checkEmail(email.trimmed()), validation::checkPassword(password),
            validation::checkUsername(username), validation::checkDisplayName(name)}) {
        if (problem)
            return *problem;
    }
    const QString passwordHash = security::PasswordHasher::hash(password);
    if (passwordHash.isEmpty())
        return ApiError::internal(); // argon2id could not get its memory
    return m_database.transaction([&](QSqlDatabase &db) -> Result<UserRecord> {
        const qint64 now = m_clock.nowMs();
        UserRepository users(db);
        const NewUser user{
            security::random::uuid(), email.trimmed(), username, name, passwordHash, now};
        if (!users.insert(user))
            return users.emailTaken(email.trimmed())
                ? ApiError::conflict(QStringLiteral("email_taken"),
                    QStringLiteral("An account with this email already exists."),
                    QStringLiteral("email"))
                : ApiError::conflict(QStringLiteral("username_taken"),
                    QStringLiteral("This username is taken."), QStringLiteral("username"));
        users.setAccessLevel(user.id, limits::levelSuperAdmin, now);
        users.markEmailVerified(user.id, now);
        return *users.findById(user.id);
    });
}

Result<UserRecord> AdminAccounts::setAccessLevel(const QString &username, int accessLevel)
{
    if (!AdminService::isValidLevel(accessLevel))
        return ApiError::invalidField(
            QStringLiteral("accessLevel"), QStringLiteral("The access level is 1, 10 or 100."));
    return m_database.transaction([&](QSqlDatabase &db) -> Result<UserRecord> {
        UserRepository users(db);
        const auto user = users.findByUsername(username);
        if (!user)
            return ApiError::notFound(QStringLiteral("There is no user %1.").arg(username));
        users.setAccessLevel(user->user.id, accessLevel, m_clock.nowMs());
        return *users.findById(user->user.id);
    });
}

} // namespace kocmoc
