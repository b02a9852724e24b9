#pragma once

#include <QSqlDatabase>
#include <QString>

namespace kocmoc {

// Wrong passwords and codes per subject ("user:<id>", or "login:<name>" for names
// that match no account, so an unknown account is locked exactly like a real one).
class LoginFailureRepository
{
public:
    explicit LoginFailureRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    qint64 lockedUntil(const QString &subject, qint64 nowMs); // 0: not locked
    // Counts a failure inside a window of windowMs; at maxFailures the subject is
    // locked for lockMs. Returns the lock's end, or 0 when not locked.
    qint64 recordFailure(
        const QString &subject, qint64 nowMs, int maxFailures, qint64 windowMs, qint64 lockMs);
    void clear(const QString &subject);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
