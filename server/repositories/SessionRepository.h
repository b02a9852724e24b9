#pragma once

#include <kocmoc/Session.h>

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace kocmoc {

struct SessionRecord
{
    QString id;
    QString userId;
    QString refreshHash;
    QString previousRefreshHash;
    QString device;
    QString ip;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 revokedAtMs = 0;

    bool isActive(qint64 nowMs) const { return revokedAtMs == 0 && expiresAtMs > nowMs; }
};

// What every authenticated request checks: the session still stands and its user is not banned.
struct SessionStanding
{
    bool active = false;
    bool banned = false;
    int accessLevel = 1;
};

class SessionRepository
{
public:
    explicit SessionRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    void insert(const SessionRecord &session);
    std::optional<SessionRecord> find(const QString &id);
    SessionStanding standing(const QString &sessionId, const QString &userId, qint64 nowMs);
    void rotate(const QString &id, const QString &newHash, const QString &previousHash,
        qint64 nowMs, qint64 expiresAtMs, const QString &ip);
    bool revoke(
        const QString &id, const QString &userId, qint64 nowMs); // false: no such active session
    int revokeAllExcept(const QString &userId, const QString &keepId, qint64 nowMs);
    QList<Session> listActive(const QString &userId, const QString &currentId, qint64 nowMs);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
