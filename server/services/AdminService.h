#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "realtime/EventBus.h"
#include "repositories/UserRepository.h"
#include "services/AuthService.h"

#include <kocmoc/Result.h>

namespace kocmoc {

// What an admin may set on the whole server (maintenance mode).
struct MaintenanceState
{
    bool enabled = false;
    QString message;

    static constexpr int retryAfterSeconds = 60;

    QJsonObject toJson() const;
    // What a non-admin gets while it is on: 503 "maintenance" with the message.
    ApiError refusal() const;
    bool operator==(const MaintenanceState &) const = default;
};

// The rules of administration (API.md, Operations): access level 10 or more for every
// call, 100 to change levels; an admin acts only on people of a lower level. Every
// method does SQL or hashing: call it on a worker thread.
class AdminService
{
public:
    // The event that tells every server process maintenance mode changed (payload:
    // MaintenanceState::toJson()).
    static QString maintenanceEvent() { return QStringLiteral("maintenance:changed"); }

    AdminService(db::Database &database, AuthService &auth, const Clock &clock);
    void setEventBus(realtime::EventBus *events) { m_events = events; }

    // Each answers {user, banned} for the target.
    Result<QJsonObject> ban(const AuthContext &caller, const QString &userId);
    Result<QJsonObject> unban(const AuthContext &caller, const QString &userId);
    Result<QJsonObject> setVerified(
        const AuthContext &caller, const QString &userId, bool verified);
    Result<QJsonObject> setAccessLevel(
        const AuthContext &caller, const QString &userId, int accessLevel);
    Result<QString> createInviteKey(const AuthContext &caller, int uses, qint64 expiresAtMs);

    Result<MaintenanceState> setMaintenance(
        const AuthContext &caller, const MaintenanceState &state);
    // Stores the state and tells the other server processes; for startup and the command line.
    void storeMaintenance(const MaintenanceState &state);
    MaintenanceState loadMaintenance();

    static bool isValidLevel(int accessLevel);

private:
    // The target, after checking the caller is an admin above them.
    Result<UserRecord> targetBelow(const AuthContext &caller, const QString &userId);

    db::Database &m_database;
    AuthService &m_auth;
    const Clock &m_clock;
    realtime::EventBus *m_events = nullptr;
};

} // namespace kocmoc
