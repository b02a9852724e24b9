#pragma once

#include "services/PresenceSource.h"

#include <QHash>
#include <QReadWriteLock>
#include <QSet>

namespace kocmoc::realtime {

// Who is online: a user is online while any of their devices is connected to this
// server process or to another one on the same database (known from the other
// processes' presence events). Written on the server thread, read from any thread.
class PresenceTracker final : public PresenceSource
{
public:
    bool connected(const QString &userId); // true when the user just came online here
    bool disconnected(const QString &userId); // true when their last device here left
    void remoteChange(const QString &origin, const QString &userId, bool online);
    void forgetOrigin(const QString &origin); // that process went away
    bool isOnline(const QString &userId) const override;
    bool isOnlineHere(const QString &userId) const;
    int onlineHere() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, int> m_localConnections;
    QHash<QString, QSet<QString>> m_remoteOnline; // origin → users online there
};

} // namespace kocmoc::realtime
