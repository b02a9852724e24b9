#include "SyncService.h"

#include "repositories/ChatRepository.h"
#include "repositories/MessageRepository.h"
#include "repositories/VersionRepository.h"
#include "services/ChatViews.h"

#include <kocmoc/Limits.h>

#include <QJsonArray>

namespace kocmoc {

QJsonObject SyncResult::toJson() const
{
    return QJsonObject{{QStringLiteral("version"), version},
        {QStringLiteral("chats"), Chat::toJsonArray(chats)},
        {QStringLiteral("messages"), Message::toJsonArray(messages)},
        {QStringLiteral("removedChatIds"), QJsonArray::fromStringList(removedChatIds)},
        {QStringLiteral("hasMore"), hasMore}};
}

SyncService::SyncService(db::Database &database, const PresenceSource &presence)
    : m_database(database)
    , m_presence(presence)
{ }

Result<SyncResult> SyncService::since(const QString &callerId, qint64 sinceVersion)
{
    return m_database.read([&](QSqlDatabase &db) -> Result<SyncResult> {
        // One snapshot, and versions commit in order (VersionRepository::next): whatever
        // this answer covers up to its version is complete.
        VersionRepository(db).useOneSnapshot();
        SyncResult result;
        result.version = sinceVersion;
        ChatRepository chats(db);
        ChatViews views(db, m_presence);
        result.chats = views.chats(chats.changedSince(callerId, sinceVersion), callerId);
        MessageRepository messageRows(db);
        QList<Message> messages
            = messageRows.changedSince(callerId, sinceVersion, limits::syncMessageLimit + 1);
        result.hasMore = messages.size() > limits::syncMessageLimit;
        if (result.hasMore) {
            const qint64 cut = messages.takeLast().version;
            // One change can give many messages the same version (a read of a long backlog),
            // and the next page starts after the version this one ends with: such a change
            // comes whole, even past the limit.
            if (messages.constLast().version == cut) {
                while (!messages.isEmpty() && messages.constLast().version == cut)
                    messages.removeLast();
                messages.append(messageRows.changedAt(callerId, cut));
            }
        }
        result.messages = views.messages(messages, callerId);
        for (const ChatRemoval &removal : chats.removalsSince(callerId, sinceVersion)) {
            result.removedChatIds.append(removal.chatId);
            result.version = qMax(result.version, removal.version);
        }
        for (const Chat &chat : std::as_const(result.chats))
            result.version = qMax(result.version, chat.version);
        if (!result.messages.isEmpty())
            result.version = result.hasMore
                ? result.messages.constLast().version
                : qMax(result.version, result.messages.constLast().version);
        return result;
    });
}

} // namespace kocmoc
