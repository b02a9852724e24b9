#pragma once

#include "db/Database.h"
#include "services/PresenceSource.h"

#include <kocmoc/Chat.h>
#include <kocmoc/Result.h>

#include <QJsonObject>

namespace kocmoc {

// Everything of one person that changed after a version (GET /api/sync).
struct SyncResult
{
    qint64 version = 0; // catch up from here next time
    QList<Chat> chats;
    QList<Message> messages; // oldest change first
    QStringList removedChatIds;
    bool hasMore = false; // more messages changed: ask again from `version`

    QJsonObject toJson() const;
};

// Catch-up after a client was away, however long: the chats and messages that changed
// and the chats it lost. Runs on worker threads.
class SyncService
{
public:
    SyncService(db::Database &database, const PresenceSource &presence);

    Result<SyncResult> since(const QString &callerId, qint64 sinceVersion);

private:
    db::Database &m_database;
    const PresenceSource &m_presence;
};

} // namespace kocmoc
