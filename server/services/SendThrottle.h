#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace kocmoc {

// The minimum interval between two sends of one person (anti-spam), in memory. A retry
// of the last send (same clientId) always passes: a client that lost the answer must be
// able to ask again, and the database makes the retry harmless. Thread-safe.
class SendThrottle
{
public:
    explicit SendThrottle(qint64 intervalMs)
        : m_intervalMs(intervalMs)
    { }

    // 0 when the send may go ahead (and counts from now); otherwise milliseconds to wait.
    // An empty clientId (a forward) never counts as a retry.
    qint64 admit(const QString &userId, const QString &clientId, qint64 nowMs);

private:
    struct LastSend
    {
        qint64 atMs = 0;
        QString clientId;
    };

    const qint64 m_intervalMs;
    QMutex m_mutex;
    QHash<QString, LastSend> m_lastSends;
};

} // namespace kocmoc
