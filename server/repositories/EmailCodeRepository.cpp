#include "EmailCodeRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

void EmailCodeRepository::insert(const EmailCodeRecord &code)
{
    Sql(m_db,
        QStringLiteral(
            "INSERT INTO email_codes (id, email_key, purpose, code_hash, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"))
        .bind(code.id)
        .bind(code.emailKey)
        .bind(code.purpose)
        .bind(code.codeHash)
        .bind(code.createdAtMs)
        .bind(code.expiresAtMs)
        .exec();
}

void EmailCodeRepository::retireUnused(const QString &emailKey, qint64 nowMs)
{
    Sql(m_db,
        QStringLiteral("UPDATE email_codes SET used_at = ? WHERE email_key = ? AND used_at = 0"))
        .bind(nowMs)
        .bind(emailKey)
        .exec();
}

std::optional<EmailCodeRecord> EmailCodeRepository::latestUsable(
    const QString &emailKey, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral("SELECT id, email_key, purpose, code_hash, attempts, created_at, expires_at "
                       "FROM email_codes WHERE email_key = ? AND used_at = 0 AND expires_at > ? "
                       "ORDER BY created_at DESC LIMIT 1"));
    query.bind(emailKey).bind(nowMs).exec();
    if (!query.next())
        return std::nullopt;
    return EmailCodeRecord{query.text(0), query.text(1), query.text(2), query.text(3),
        int(query.integer(4)), query.integer(5), query.integer(6)};
}

int EmailCodeRepository::addAttempt(const QString &id)
{
    Sql query(m_db,
        QStringLiteral(
            "UPDATE email_codes SET attempts = attempts + 1 WHERE id = ? RETURNING attempts"));
    query.bind(id).exec();
    return query.next() ? int(query.integer(0)) : 0;
}

void EmailCodeRepository::markUsed(const QString &id, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE email_codes SET used_at = ? WHERE id = ?"))
        .bind(nowMs)
        .bind(id)
        .exec();
}

} // namespace kocmoc
