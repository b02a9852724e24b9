#pragma once

#include <QSqlDatabase>
#include <QString>

namespace kocmoc {

// Invite keys are kept as keyed hashes; a key has a use count and an expiry.
class InviteKeyRepository
{
public:
    explicit InviteKeyRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    void insert(const QString &keyHash, int uses, qint64 expiresAtMs, const QString &createdBy,
        qint64 nowMs);
    bool consume(const QString &keyHash, qint64 nowMs); // false: unknown, used up or expired

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
