#pragma once

#include "OutboxEntry.h"

#include <kocmoc/Chat.h>
#include <kocmoc/Message.h>

#include <QHash>
#include <QList>
#include <QMetaType>

// What the local cache holds for one account, read at start before the
// network answers.
struct CacheSnapshot
{
    QList<kocmoc::Chat> chats; // newest activity first
    QHash<QString, QList<kocmoc::Message>> recentMessages; // per chat, oldest first
    QList<OutboxEntry> outbox; // in the order written
    qint64 syncVersion = 0; // where /api/sync continues from; 0: never synced
};
Q_DECLARE_METATYPE(CacheSnapshot)
