#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace kocmoc {

struct EmailCodeRecord
{
    QString id;
    QString emailKey;
    QString purpose; // "verify" or "login"
    QString codeHash; // keyed hash: a leaked table reveals no code
    int attempts = 0;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
};

class EmailCodeRepository
{
public:
    explicit EmailCodeRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    void insert(const EmailCodeRecord &code);
    void retireUnused(const QString &emailKey, qint64 nowMs); // a new code replaces older ones
    std::optional<EmailCodeRecord> latestUsable(const QString &emailKey, qint64 nowMs);
    int addAttempt(const QString &id); // returns the attempts made so far
    void markUsed(const QString &id, qint64 nowMs);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
