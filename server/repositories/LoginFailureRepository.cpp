#include "LoginFailureRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

qint64 LoginFailureRepository::lockedUntil(const QString &subject, qint64 nowMs)
{
    Sql query(m_db, QStringLiteral("SELECT locked_until FROM login_failures WHERE subject = ?"));
    query.bind(subject).exec();
    const qint64 until = query.next() ? query.integer(0) : 0;
    return until > nowMs ? until : 0;
}

qint64 LoginFailureRepository::recordFailure(
    const QString &subject, qint64 nowMs, int maxFailures, qint64 windowMs, qint64 lockMs)
{
    // A window that has passed, or a lock that has ended, starts the count again.
    Sql upsert(m_db,
        QStringLiteral(
            "INSERT INTO login_failures (subject, failures, first_failure_at, locked_until) VALUES "
            "(?, 1, ?, 0) "
            "ON CONFLICT (subject) DO UPDATE SET "
            "failures = CASE WHEN login_failures.first_failure_at <= ? OR "
            "(login_failures.locked_until > 0 AND "
            "login_failures.locked_until <= ?) THEN 1 ELSE login_failures.failures + 1 END, "
            "first_failure_at = CASE WHEN login_failures.first_failure_at <= ? OR "
            "(login_failures.locked_until > 0 "
            "AND login_failures.locked_until <= ?) THEN ? ELSE login_failures.first_failure_at "
            "END, "
            "locked_until = CASE WHEN login_failures.locked_until <= ? THEN 0 ELSE "
            "login_failures.locked_until END "
            "RETURNING failures, locked_until"));
    upsert.bind(subject)
        .bind(nowMs)
        .bind(nowMs - windowMs)
        .bind(nowMs)
        .bind(nowMs - windowMs)
        .bind(nowMs)
        .bind(nowMs)
        .bind(nowMs)
        .exec();
    if (!upsert.next())
        return 0;
    const int failures = int(upsert.integer(0));
    const qint64 locked = upsert.integer(1);
    if (locked > nowMs)
        return locked;
    if (failures < maxFailures)
        return 0;
    const qint64 until = nowMs + lockMs;
    Sql(m_db,
        QStringLiteral("UPDATE login_failures SET locked_until = ?, failures = 0, first_failure_at "
                       "= ? WHERE subject = ?"))
        .bind(until)
        .bind(nowMs)
        .bind(subject)
        .exec();
    return until;
}

void LoginFailureRepository::clear(const QString &subject)
{
    Sql(m_db, QStringLiteral("DELETE FROM login_failures WHERE subject = ?")).bind(subject).exec();
}

} // namespace kocmoc
