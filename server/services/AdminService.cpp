#include "AdminService.h"

#include "repositories/ServerStateRepository.h"
#include "repositories/SessionRepository.h"

#include <kocmoc/Limits.h>

#include <QJsonDocument>

namespace kocmoc {

namespace {

const QString maintenanceKey = QStringLiteral("maintenance");

ApiError notAdmin()
{
    return ApiError::forbidden(QStringLiteral("This needs an administrator."));
}

ApiError noSuchUser()
{
    return ApiError::notFound(QStringLiteral("There is no such user."));
}

QJsonObject standingJson(const UserRecord &record)
{
    return QJsonObject{
        {QStringLiteral("user"), record.user.toJson()}, {QStringLiteral("banned"), record.banned}};
}

} // namespace

QJsonObject MaintenanceState::toJson() const
{
    return QJsonObject{{QStringLiteral("enabled"), enabled}, {QStringLiteral("message"), message}};
}

ApiError MaintenanceState::refusal() const
{
    return ApiError::unavailable(QStringLiteral("maintenance"),
        message.isEmpty() ? QStringLiteral("The server is under maintenance.") : message,
        retryAfterSeconds);
}

AdminService::AdminService(db::Database &database, AuthService &auth, const Clock &clock)
    : m_database(database)
    , m_auth(auth)
    , m_clock(clock)
{ }

bool AdminService::isValidLevel(int accessLevel)
{
    return accessLevel == limits::levelUser || accessLevel == limits::levelAdmin
        || accessLevel == limits::levelSuperAdmin;
}

Result<UserRecord> AdminService::targetBelow(const AuthContext &caller, const QString &userId)
{
    if (caller.accessLevel < limits::levelAdmin)
        return notAdmin();
    const auto target
        = m_database.read([&](QSqlDatabase &db) { return UserRepository(db).findById(userId); });
    if (!target)
        return noSuchUser();
    if (target->user.accessLevel >= caller.accessLevel)
        return ApiError::forbidden(
            QStringLiteral("Only an administrator of a higher level can do this to them."));
    return *target;
}

Result<QJsonObject> AdminService::ban(const AuthContext &caller, const QString &userId)
{
    const auto target = targetBelow(caller, userId);
    if (!target)
        return target.error();
    const auto banned = m_database.transaction([&](QSqlDatabase &db) {
        const qint64 now = m_clock.nowMs();
        UserRepository users(db);
        users.setBanned(userId, true, now);
        SessionRepository(db).revokeAllExcept(userId, QString(), now);
        return users.findById(userId);
    });
    m_auth.announceAllSessionsEnded(userId);
    return standingJson(*banned);
}

Result<QJsonObject> AdminService::unban(const AuthContext &caller, const QString &userId)
{
    const auto target = targetBelow(caller, userId);
    if (!target)
        return target.error();
    const auto unbanned = m_database.transaction([&](QSqlDatabase &db) {
        UserRepository users(db);
        users.setBanned(userId, false, m_clock.nowMs());
        return users.findById(userId);
    });
    return standingJson(*unbanned);
}

Result<QJsonObject> AdminService::setVerified(
    const AuthContext &caller, const QString &userId, bool verified)
{
    if (caller.accessLevel < limits::levelAdmin)
        return notAdmin();
    const auto changed = m_database.transaction([&](QSqlDatabase &db) {
        UserRepository users(db);
        users.setVerified(userId, verified, m_clock.nowMs());
        return users.findById(userId);
    });
    if (!changed)
        return noSuchUser();
    return standingJson(*changed);
}

Result<QJsonObject> AdminService::setAccessLevel(
    const AuthContext &caller, const QString &userId, int accessLevel)
{
    if (caller.accessLevel < limits::levelSuperAdmin)
        return ApiError::forbidden(QStringLiteral("Only a super-admin changes access levels."));
    if (userId == caller.userId)
        return ApiError::forbidden(QStringLiteral("Nobody changes their own access level."));
    if (!isValidLevel(accessLevel))
        return ApiError::invalidField(
            QStringLiteral("accessLevel"), QStringLiteral("accessLevel is 1, 10 or 100."));
    const auto changed = m_database.transaction([&](QSqlDatabase &db) {
        UserRepository users(db);
        users.setAccessLevel(userId, accessLevel, m_clock.nowMs());
        return users.findById(userId);
    });
    if (!changed)
        return noSuchUser();
    return standingJson(*changed);
}

Result<QString> AdminService::createInviteKey(
    const AuthContext &caller, int uses, qint64 expiresAtMs)
{
    if (caller.accessLevel < limits::levelAdmin)
        return notAdmin();
    return m_auth.createInviteKey(uses, expiresAtMs, caller.userId);
}

Result<MaintenanceState> AdminService::setMaintenance(
    const AuthContext &caller, const MaintenanceState &state)
{
    if (caller.accessLevel < limits::levelAdmin)
        return notAdmin();
    storeMaintenance(state);
    return state;
}

void AdminService::storeMaintenance(const MaintenanceState &state)
{
    m_database.transaction([&](QSqlDatabase &db) {
        ServerStateRepository stored(db);
        if (state.enabled)
            stored.setValue(maintenanceKey,
                QString::fromUtf8(QJsonDocument(state.toJson()).toJson(QJsonDocument::Compact)),
                m_clock.nowMs());
        else
            stored.remove(maintenanceKey);
    });
    if (m_events)
        m_events->publish(realtime::RealtimeEvent{maintenanceEvent(), state.toJson(), {}, {}});
}

MaintenanceState AdminService::loadMaintenance()
{
    const auto stored = m_database.read(
        [&](QSqlDatabase &db) { return ServerStateRepository(db).value(maintenanceKey); });
    if (!stored)
        return MaintenanceState{};
    const QJsonObject json = QJsonDocument::fromJson(stored->toUtf8()).object();
    return MaintenanceState{true, json.value(QStringLiteral("message")).toString()};
}

} // namespace kocmoc
