#include "PresenceTracker.h"

namespace kocmoc::realtime {

bool PresenceTracker::connected(const QString &userId)
{
    QWriteLocker lock(&m_lock);
    return ++m_localConnections[userId] == 1;
}

bool PresenceTracker::disconnected(const QString &userId)
{
    QWriteLocker lock(&m_lock);
    auto it = m_localConnections.find(userId);
    if (it == m_localConnections.end())
        return false;
    if (--it.value() > 0)
        return false;
    m_localConnections.erase(it);
    return true;
}

void PresenceTracker::remoteChange(const QString &origin, const QString &userId, bool online)
{
    QWriteLocker lock(&m_lock);
    if (online)
        m_remoteOnline[origin].insert(userId);
    else
        m_remoteOnline[origin].remove(userId);
}

void PresenceTracker::forgetOrigin(const QString &origin)
{
    QWriteLocker lock(&m_lock);
    m_remoteOnline.remove(origin);
}

bool PresenceTracker::isOnline(const QString &userId) const
{
    QReadLocker lock(&m_lock);
    if (m_localConnections.contains(userId))
        return true;
    for (const QSet<QString> &users : m_remoteOnline) {
        if (users.contains(userId))
            return true;
    }
    return false;
}

bool PresenceTracker::isOnlineHere(const QString &userId) const
{
    QReadLocker lock(&m_lock);
    return m_localConnections.contains(userId);
}

int PresenceTracker::onlineHere() const
{
    QReadLocker lock(&m_lock);
    return int(m_localConnections.size());
}

} // namespace kocmoc::realtime
