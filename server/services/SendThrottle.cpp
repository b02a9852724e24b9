#include "SendThrottle.h"

namespace kocmoc {

namespace {

constexpr qsizetype pruneAbove = 10'000; // people remembered before the stale ones go

} // namespace

qint64 SendThrottle::admit(const QString &userId, const QString &clientId, qint64 nowMs)
{
    if (m_intervalMs <= 0)
        return 0;
    QMutexLocker lock(&m_mutex);
    const auto last = m_lastSends.constFind(userId);
    if (last != m_lastSends.cend()) {
        if (!clientId.isEmpty() && last->clientId == clientId)
            return 0;
        const qint64 wait = last->atMs + m_intervalMs - nowMs;
        if (wait > 0)
            return wait;
    }
    if (m_lastSends.size() > pruneAbove)
        m_lastSends.removeIf(
            [&](const auto &entry) { return entry.value().atMs + m_intervalMs <= nowMs; });
    m_lastSends.insert(userId, LastSend{nowMs, clientId});
    return 0;
}

} // namespace kocmoc
