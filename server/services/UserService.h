#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "repositories/UserRepository.h"
#include "services/PresenceSource.h"

#include <kocmoc/Result.h>

namespace kocmoc {

// Profiles and user search (API.md, Users). Runs on worker threads.
class UserService
{
public:
    UserService(db::Database &database, const Clock &clock, const PresenceSource &presence);

    Result<UserRecord> me(const QString &userId);
    // Absent fields stay as they are; values are checked and normalised first.
    Result<UserRecord> updateMe(const QString &userId, ProfileChange change);
    Result<QList<User>> search(const QString &query, int limit);
    Result<User> find(const QString &id);

private:
    UserRecord withPresence(UserRecord record) const; // "online" from the realtime hub

    db::Database &m_database;
    const Clock &m_clock;
    const PresenceSource &m_presence;
};

} // namespace kocmoc
