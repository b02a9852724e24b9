#include "SessionRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

void SessionRepository::insert(const SessionRecord &session)
{
    Sql(m_db,
        QStringLiteral("INSERT INTO sessions (id, user_id, refresh_hash, device, ip, created_at, "
                       "last_used_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(session.id)
        .bind(session.userId)
        .bind(session.refreshHash)
        .bind(session.device)
        .bind(session.ip)
        .bind(session.createdAtMs)
        .bind(session.lastUsedAtMs)
        .bind(session.expiresAtMs)
        .exec();
}

std::optional<SessionRecord> SessionRepository::find(const QString &id)
{
    Sql query(m_db,
        QStringLiteral(
            "SELECT id, user_id, refresh_hash, previous_refresh_hash, device, ip, created_at, "
            "last_used_at, expires_at, revoked_at FROM sessions WHERE id = ?"));
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    return SessionRecord{query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
        query.text(5), query.integer(6), query.integer(7), query.integer(8), query.integer(9)};
}

SessionStanding SessionRepository::standing(
    const QString &sessionId, const QString &userId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral(
            "SELECT s.revoked_at, s.expires_at, u.banned, u.access_level FROM sessions s "
            "JOIN users u ON u.id = s.user_id WHERE s.id = ? AND s.user_id = ?"));
    query.bind(sessionId).bind(userId).exec();
    if (!query.next())
        return {};
    return SessionStanding{
        query.integer(0) == 0 && query.integer(1) > nowMs, query.flag(2), int(query.integer(3))};
}

void SessionRepository::rotate(const QString &id, const QString &newHash,
    const QString &previousHash, qint64 nowMs, qint64 expiresAtMs, const QString &ip)
{
    Sql(m_db,
        QStringLiteral(
            "UPDATE sessions SET refresh_hash = ?, previous_refresh_hash = ?, last_used_at = ?, "
            "expires_at = ?, ip = ? WHERE id = ?"))
        .bind(newHash)
        .bind(previousHash)
        .bind(nowMs)
        .bind(expiresAtMs)
        .bind(ip)
        .bind(id)
        .exec();
}

bool SessionRepository::revoke(const QString &id, const QString &userId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral(
            "UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at = 0 "
            "AND expires_at > ?"));
    query.bind(nowMs).bind(id).bind(userId).bind(nowMs).exec();
    return query.affectedRows() > 0;
}

int SessionRepository::revokeAllExcept(const QString &userId, const QString &keepId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral(
            "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at = 0"));
    query.bind(nowMs).bind(userId).bind(keepId).exec();
    return query.affectedRows();
}

QList<Session> SessionRepository::listActive(
    const QString &userId, const QString &currentId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral(
            "SELECT id, device, ip, created_at, last_used_at FROM sessions WHERE user_id = ? "
            "AND revoked_at = 0 AND expires_at > ? ORDER BY last_used_at DESC"));
    query.bind(userId).bind(nowMs).exec();
    QList<Session> sessions;
    while (query.next()) {
        sessions.append(Session{query.text(0), query.text(1), query.text(2), query.integer(3),
            query.integer(4), query.text(0) == currentId});
    }
    return sessions;
}

} // namespace kocmoc
