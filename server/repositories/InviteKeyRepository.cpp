#include "InviteKeyRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

void InviteKeyRepository::insert(
    const QString &keyHash, int uses, qint64 expiresAtMs, const QString &createdBy, qint64 nowMs)
{
    Sql(m_db,
        QStringLiteral(
            "INSERT INTO invite_keys (key_hash, uses_left, expires_at, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?)"))
        .bind(keyHash)
        .bind(uses)
        .bind(expiresAtMs)
        .bindNullableText(createdBy)
        .bind(nowMs)
        .exec();
}

bool InviteKeyRepository::consume(const QString &keyHash, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral(
            "UPDATE invite_keys SET uses_left = uses_left - 1 "
            "WHERE key_hash = ? AND uses_left > 0 AND expires_at > ? RETURNING uses_left"));
    query.bind(keyHash).bind(nowMs).exec();
    return query.next();
}

} // namespace kocmoc
