#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "repositories/UserRepository.h"

#include <kocmoc/Result.h>

namespace kocmoc {

// What the "kocmoc-server admin" command does to accounts, without a running server or
// a session: the first super-admin, and access levels by username.
class AdminAccounts
{
public:
    AdminAccounts(db::Database &database, const Clock &clock)
        : m_database(database)
        , m_clock(clock)
    { }

    // The same checks and argon2id hashing as registration; the email counts as verified.
    Result<UserRecord> createSuperAdmin(const QString &email, const QString &username,
        const QString &displayName, const QString &password);
    Result<UserRecord> setAccessLevel(const QString &username, int accessLevel);

private:
    db::Database &m_database;
    const Clock &m_clock;
};

} // namespace kocmoc
